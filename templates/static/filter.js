/* Client-side filter for the company table: a static file so the page's CSP can forbid
   inline scripts. Without JavaScript the box stays hidden and the full table is shown. */
(function () {
  "use strict";
  var input = document.getElementById("filter");
  if (!input) { return; }
  var table = document.getElementById(input.getAttribute("data-filter-target"));
  var count = document.getElementById("filter-count");
  if (!table) { return; }
  input.parentNode.hidden = false;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-filter-text") || row.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    if (count) {
      count.textContent = words.length ? shown + " of " + rows.length + " companies" : "";
    }
  }
  input.addEventListener("input", apply);
  apply();
}());
