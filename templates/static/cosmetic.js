/* Change lists hide cosmetic changes (date stamps, formatting) by default, with a visible
   toggle before each list. A static file so the CSP can forbid inline scripts; without
   JavaScript every change stays listed. */
(function () {
  "use strict";
  var lists = document.querySelectorAll("ol.changes");
  Array.prototype.forEach.call(lists, function (list) {
    var n = list.querySelectorAll(".change-row.verdict-cosmetic").length;
    if (!n) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cosmetic-toggle";
    function render() {
      var hidden = list.classList.contains("hide-cosmetic");
      button.setAttribute("aria-pressed", hidden ? "false" : "true");
      button.textContent = (hidden ? "Show " : "Hide ") + n + " cosmetic change" +
        (n === 1 ? "" : "s");
    }
    button.addEventListener("click", function () {
      list.classList.toggle("hide-cosmetic");
      render();
    });
    list.classList.add("hide-cosmetic");
    list.parentNode.insertBefore(button, list);
    render();
  });
}());
