/* Client-side filter of the index: companies (name), their documents (company and title) and
   the latest changes (company, document, verdict, headline, topics). It says how many of each
   match in a live region ("2 companies, 3 documents, 1 change match"; cosmetic changes the
   list hides are counted apart). A static file so the page's
   CSP can forbid inline scripts. Without JavaScript the box stays hidden and all is shown. */
(function () {
  "use strict";
  var input = document.getElementById("filter");
  if (!input) { return; }
  var table = document.getElementById(input.getAttribute("data-filter-target"));
  var latest = document.getElementById(input.getAttribute("data-filter-changes") || "");
  var count = document.getElementById("filter-count");
  if (!table) { return; }
  input.parentNode.hidden = false;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (row) {
    return row.hasAttribute("data-filter-text");
  });
  var changes = latest ? Array.prototype.slice.call(latest.querySelectorAll(".change-row")) : [];
  function textOf(node) {
    var text = node.getAttribute("data-filter-text");
    if (text === null) {
      text = node.textContent.replace(/\s+/g, " ").toLowerCase();
      node.setAttribute("data-filter-text", text);
    }
    return text;
  }
  function matches(node, words) {
    var text = textOf(node);
    return words.every(function (w) { return text.indexOf(w) !== -1; });
  }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var companies = 0, documents = 0, shown = 0;
    rows.forEach(function (row) {
      var docs = Array.prototype.slice.call(row.querySelectorAll(".doc-name"));
      var docHits = docs.filter(function (d) { return matches(d, words); }).length;
      var hit = matches(row, words);
      row.hidden = !(hit || docHits);
      if (hit) { companies += 1; }
      documents += docHits;
    });
    var folded = 0;   // matching cosmetic changes the list's toggle keeps hidden
    changes.forEach(function (row) {
      var hit = matches(row, words);
      row.hidden = !hit;
      if (!hit) { return; }
      if (row.classList.contains("verdict-cosmetic") &&
          row.parentNode.classList.contains("hide-cosmetic")) {
        folded += 1;
      } else {
        shown += 1;
      }
    });
    if (count) {
      count.textContent = words.length ? plural(companies, "company", "companies") + ", " +
        plural(documents, "document", "documents") + ", " +
        plural(shown, "change", "changes") + " match" +
        (folded ? " (and " + plural(folded, "hidden cosmetic change", "hidden cosmetic changes") +
         ")" : "") : "";
    }
  }
  input.addEventListener("input", apply);
  document.addEventListener("click", function (event) {   // after cosmetic.js's toggle
    if (event.target.closest && event.target.closest(".cosmetic-toggle")) { apply(); }
  });
  apply();
}());
