// Type-ahead for facet values: as the user types in a facet's search box, list the matching values
// with their counts under the current search. Without JavaScript the box still works as a form.
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

  function render(list, values) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!values.length) {
      var empty = document.createElement("li");
      empty.className = "none";
      empty.textContent = "—";
      list.appendChild(empty);
      return;
    }
    values.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.toggle_url;
      if (item.selected) { link.className = "selected"; link.setAttribute("aria-current", "true"); }
      var value = document.createElement("span");
      value.className = "value";
      value.textContent = item.value;
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = String(item.count);
      link.appendChild(value);
      link.appendChild(document.createTextNode(" "));
      link.appendChild(count);
      li.appendChild(link);
      list.appendChild(li);
    });
  }

  document.querySelectorAll("form.facet-search").forEach(function (form) {
    var facet = form.getAttribute("data-facet");
    var input = form.querySelector("input[name=facet_prefix]");
    var list = document.querySelector("[data-facet-list=" + facet + "]");
    if (!input || !list) { return; }
    var lookup = debounce(function () {
      var params = new URLSearchParams(new FormData(form));
      params.delete("more");
      params.delete("facet_prefix");
      params.set("prefix", input.value.trim());
      params.set("size", "20");
      fetch("/api/facets/" + facet + "?" + params.toString(), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { values: [] }; })
        .then(function (body) { render(list, body.values || []); })
        .catch(function () { /* keep the current list */ });
    }, 150);
    input.addEventListener("input", lookup);
  });
})();
