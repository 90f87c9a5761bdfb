// The "Saring" button on a phone: without JavaScript it is a link to the facets (#saring), which CSS shows as
// a full-screen panel while they are the link's target. With JavaScript the panel opens in place, without
// a history entry: focus moves into it, Escape or "Tutup" closes it and focus returns to the button.
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
  drawer.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { shut(); }
  });
})();
