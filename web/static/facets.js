// Type-ahead for facet values: as the user types in a facet's search box, the list shows the matching
// values with their counts under the current search. The server draws the items (/facets/<facet>), with
// the same template as the page's own lists. Without JavaScript the box still works as a form.
(function () {
  "use strict";

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  document.querySelectorAll("form.facet-search").forEach(function (form) {
    var facet = form.getAttribute("data-facet");
    var input = form.querySelector("input[name=facet_prefix]");
    var list = document.querySelector("[data-facet-list=" + facet + "]");
    if (!input || !list) { return; }
    var asked = 0;
    var lookup = debounce(function () {
      var params = new URLSearchParams(new FormData(form));
      params.delete("more");
      params.delete("facet_prefix");
      params.set("prefix", input.value.trim());
      params.set("size", "20");
      var ticket = ++asked;
      fetch("/facets/" + encodeURIComponent(facet) + "?" + params.toString(), { headers: { "Accept": "text/html" } })
        .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.text(); })
        .then(function (html) { if (ticket === asked) { list.innerHTML = html; } })
        .catch(function () { /* keep the current list */ });
    }, 150);
    input.addEventListener("input", lookup);
  });
})();
