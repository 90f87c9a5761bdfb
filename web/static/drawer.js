// The "Saring" button on a phone: without JavaScript it is a link to the facets (#saring), which CSS shows as
// a full-screen panel while they are the link's target. With JavaScript the panel opens in place, without
// a history entry: focus moves into it and stays there (Tab goes round the panel's controls), Escape or "Tutup"
// closes it and focus returns to the button.
(function () {
  "use strict";

  var toggle = document.querySelector("a.filter-toggle");
  var drawer = document.getElementById("saring");
  if (!toggle || !drawer) { return; }
  var close = drawer.querySelector(".drawer-close");

  function isPhone() {
    return window.getComputedStyle(toggle.parentNode).display !== "none";
  }

  function open() {
    drawer.classList.add("open");
    drawer.setAttribute("role", "dialog");
    drawer.setAttribute("aria-modal", "true");
    document.body.classList.add("drawer-open");
    toggle.setAttribute("aria-expanded", "true");
    drawer.focus();
  }

  function shut() {
    if (!drawer.classList.contains("open")) { return; }
    drawer.classList.remove("open");
    drawer.removeAttribute("role");
    drawer.removeAttribute("aria-modal");
    document.body.classList.remove("drawer-open");
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", function (event) {
    if (!isPhone()) { return; }
    event.preventDefault();
    open();
  });
  if (close) {
    close.addEventListener("click", function (event) {
      if (!drawer.classList.contains("open")) { return; }
      event.preventDefault();
      shut();
    });
  }
  // While open the panel is modal: Tab and Shift+Tab go round its own controls, never to the page behind it.
  function focusable() {
    return Array.prototype.filter.call(
      drawer.querySelectorAll("a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])"),
      function (element) { return element.offsetParent !== null || element === document.activeElement; });
  }

  function keepFocusInside(event) {
    var controls = focusable();
    if (!controls.length) { event.preventDefault(); drawer.focus(); return; }
    var first = controls[0], last = controls[controls.length - 1];
    var active = document.activeElement;
    if (event.shiftKey && (active === first || active === drawer)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  drawer.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { shut(); }
    if (event.key === "Tab" && drawer.classList.contains("open")) { keepFocusInside(event); }
  });
  // focus leaving the open panel some other way (a click behind it cannot happen: it covers the page) comes back
  document.addEventListener("focusin", function (event) {
    if (drawer.classList.contains("open") && !drawer.contains(event.target)) { drawer.focus(); }
  });
})();
