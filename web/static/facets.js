// Type-ahead for facet values: as the user types in a facet's search box, the list shows the matching
// values with their counts under the current search. The server draws the items (/facets/<facet>), with
// the same template as the page's own lists. Without JavaScript the box still works as a form.
(function () {
  "use strict";

  // `fn` called `wait` ms after the last call; `.cancel()` drops a call still waiting.
  function debounce(fn, wait) {
    var timer = null;
    function debounced() {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { timer = null; fn.apply(null, args); }, wait);
    }
    debounced.cancel = function () { clearTimeout(timer); timer = null; };
    return debounced;
  }

  document.querySelectorAll("form.facet-search").forEach(function (form) {
    var facet = form.getAttribute("data-facet");
    var input = form.querySelector("input[name=facet_prefix]");
    var list = document.querySelector("[data-facet-list=" + facet + "]");
    var more = document.querySelector("[data-facet-more=" + facet + "]");
    if (!input || !list) { return; }
    var asked = 0;
    var shown = list.innerHTML;  // the list the page came with, and what its box held then
    var typed = input.value.trim();
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
    // The "Lihat lainnya" link belongs to the page's own list: it hides while the list shows what was typed,
    // and comes back with that list when the box holds again what it held.
    input.addEventListener("input", function () {
      var own = input.value.trim() === typed;
      if (more) { more.hidden = !own; }
      if (own) {
        lookup.cancel();  // a lookup still waiting would fetch the box's text and replace the page's own list
        ++asked;  // an answer still on its way is for another prefix
        list.innerHTML = shown;
        return;
      }
      lookup();
    });
  });
})();
