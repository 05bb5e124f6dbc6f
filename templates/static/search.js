/* The search page: Pagefind's UI over the index built by `tracker build` (a static file, so
   the page's CSP can forbid inline scripts). From file:// browsers refuse to fetch the index:
   say how to serve the site instead of showing a search box that cannot work. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) { return; }
  if (window.location.protocol === "file:") {
    document.getElementById("search-file").hidden = false;
    return;
  }
  if (typeof window.PagefindUI !== "function") {
    document.getElementById("search-unavailable").hidden = false;
    return;
  }
  var ui = new window.PagefindUI({ element: "#search", showSubResults: true,
                                   showImages: false, resetStyles: false });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
}());
