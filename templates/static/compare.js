/* Compare any two versions of a document (compare.html). The versions come from the page's
   compare-data.js (window.trackerCompare: distinct lines + each version as line numbers), the
   diff from the vendored jsdiff (window.Diff). Policy text is untrusted: it only ever enters
   the page as text nodes (textContent / createTextNode), never as markup. The chosen pair is
   kept in the address (#from=<id>&to=<id>) so a comparison can be linked. */
(function () {
  "use strict";
  var data = window.trackerCompare;
  var Diff = window.Diff;
  var form = document.getElementById("compare-form");
  if (!data || !Diff || !form) { return; }
  var oldSel = document.getElementById("compare-old");
  var newSel = document.getElementById("compare-new");
  var out = document.getElementById("compare-doc");
  var expand = document.getElementById("compare-expand");
  var CONTEXT = 2;          // unchanged paragraphs kept open around each change
  var byId = {};
  data.versions.forEach(function (v, i) { v.index = i; byId[v.id] = v; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function lineNumbers(v) {  // [[start, count], n, ...] -> non-blank line numbers
    if (!v.numbers) {
      var all = [];
      v.lines.forEach(function (e) {
        if (typeof e === "number") { all.push(e); return; }
        for (var k = 0; k < e[1]; k += 1) { all.push(e[0] + k); }
      });
      v.numbers = all.filter(function (n) { return data.lines[n].trim() !== ""; });
    }
    return v.numbers;
  }

  function rows(a, b) {  // line diff -> rows {kind: same|mod|add|del, old, new}
    var result = [], parts = Diff.diffArrays(lineNumbers(a), lineNumbers(b));
    for (var i = 0; i < parts.length; i += 1) {
      var p = parts[i], text = p.value.map(function (n) { return data.lines[n]; });
      if (!p.added && !p.removed) {
        text.forEach(function (t) { result.push({kind: "same", old: t, new: t}); });
      } else if (p.removed && parts[i + 1] && parts[i + 1].added) {
        var added = parts[i + 1].value.map(function (n) { return data.lines[n]; });
        var n = Math.max(text.length, added.length);
        for (var k = 0; k < n; k += 1) {
          if (k < text.length && k < added.length) {
            result.push({kind: "mod", old: text[k], new: added[k]});
          } else if (k < text.length) {
            result.push({kind: "del", old: text[k]});
          } else {
            result.push({kind: "add", new: added[k]});
          }
        }
        i += 1;
      } else {
        text.forEach(function (t) {
          result.push(p.added ? {kind: "add", new: t} : {kind: "del", old: t});
        });
      }
    }
    return result;
  }

  function words(s) { return (s.match(/\S+/g) || []).length; }

  function line(text, cls) {
    var div = el("div", "cmp-line" + (cls ? " " + cls : ""));
    if (/^#{1,6}\s/.test(text)) { div.className += " cmp-heading"; }
    return div;
  }

  function renderRow(row, stats) {
    if (row.kind === "same") {
      var same = line(row.old);
      same.textContent = row.old;
      return same;
    }
    if (row.kind === "add" || row.kind === "del") {
      var whole = line(row.kind === "add" ? row.new : row.old, "cmp-" + row.kind);
      var mark = el(row.kind === "add" ? "ins" : "del", "", row.kind === "add" ? row.new : row.old);
      stats[row.kind] += words(mark.textContent);
      whole.appendChild(mark);
      return whole;
    }
    var div = line(row.new, "cmp-mod");
    Diff.diffWordsWithSpace(row.old, row.new).forEach(function (part) {
      if (part.added) {
        div.appendChild(el("ins", "", part.value));
        stats.add += words(part.value);
      } else if (part.removed) {
        div.appendChild(el("del", "", part.value));
        stats.del += words(part.value);
      } else {
        div.appendChild(document.createTextNode(part.value));
      }
    });
    return div;
  }

  function fold(target, list, stats) {  // unchanged paragraphs in a closed <details>
    var details = el("details", "cmp-unchanged");
    details.appendChild(el("summary", "", list.length + " unchanged paragraph" +
                           (list.length === 1 ? "" : "s")));
    list.forEach(function (row) { details.appendChild(renderRow(row, stats)); });
    target.appendChild(details);
  }

  function renderSame(target, run, first, last, stats) {
    var keepHead = first ? 0 : CONTEXT, keepTail = last ? 0 : CONTEXT;
    if (run.length <= keepHead + keepTail + 1) {
      run.forEach(function (row) { target.appendChild(renderRow(row, stats)); });
      return;
    }
    run.slice(0, keepHead).forEach(function (row) { target.appendChild(renderRow(row, stats)); });
    fold(target, run.slice(keepHead, run.length - keepTail), stats);
    run.slice(run.length - keepTail).forEach(function (row) {
      target.appendChild(renderRow(row, stats));
    });
  }

  function renderDoc(all) {  // -> {passages, add, del}
    var stats = {passages: 0, add: 0, del: 0}, frag = document.createDocumentFragment();
    var i = 0;
    while (i < all.length) {
      var j = i, same = all[i].kind === "same";
      while (j < all.length && (all[j].kind === "same") === same) { j += 1; }
      var run = all.slice(i, j);
      if (same) {
        renderSame(frag, run, i === 0, j === all.length, stats);
      } else {
        stats.passages += 1;
        var hunk = el("div", "cmp-hunk");
        hunk.id = "change-" + stats.passages;
        var anchor = el("a", "change-link", "#" + stats.passages);
        anchor.href = "#change-" + stats.passages;
        anchor.setAttribute("aria-label", "Link to change " + stats.passages);
        hunk.appendChild(anchor);
        run.forEach(function (row) { hunk.appendChild(renderRow(row, stats)); });
        frag.appendChild(hunk);
      }
      i = j;
    }
    out.textContent = "";
    out.appendChild(frag);
    return stats;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function renderReport(a, b, stats) {
    var summary = document.getElementById("compare-summary");
    var list = document.getElementById("compare-changes");
    list.textContent = "";
    var text = "From the version of " + a.date + " to the version of " + b.date + ": ";
    if (a === b) {
      text = "The same version is chosen twice: pick two different versions.";
    } else if (!stats.passages) {
      text += "the text is the same (nothing to mark).";
    } else {
      text += plural(stats.passages, "changed passage") + ", " + plural(stats.add, "word") +
        " added, " + plural(stats.del, "word") + " removed.";
    }
    if (a.index > b.index) { text += " (The old version chosen is the newer one.)"; }
    var lo = Math.min(a.index, b.index), hi = Math.max(a.index, b.index);
    var recorded = data.changes.filter(function (c) {
      return byId[c.from] && byId[c.to] && byId[c.from].index >= lo && byId[c.to].index <= hi;
    });
    if (a !== b) {
      text += " " + (recorded.length ? plural(recorded.length, "recorded change") +
        " in between, each with its full report:" : "No recorded change in between.");
    }
    summary.textContent = text;
    recorded.reverse().forEach(function (c) {
      var li = el("li", "change-row verdict-" + c.verdict);
      li.appendChild(el("span", "badge badge-" + c.verdict, c.verdict));
      li.appendChild(document.createTextNode(" "));
      var link = el("a", "headline", c.headline);
      link.href = c.page;
      li.appendChild(link);
      li.appendChild(el("span", "muted", " (" + byId[c.to].date + ")"));
      list.appendChild(li);
    });
  }

  function setExpanded(open) {
    expand.setAttribute("aria-pressed", open ? "true" : "false");
    expand.textContent = open ? "Fold unchanged passages" : "Show the whole document";
    Array.prototype.forEach.call(out.querySelectorAll("details.cmp-unchanged"), function (d) {
      d.open = open;
    });
  }

  function update(keepHash) {
    var a = byId[oldSel.value], b = byId[newSel.value];
    if (!a || !b) { return; }
    var stats = renderDoc(rows(a, b));
    renderReport(a, b, stats);
    setExpanded(expand.getAttribute("aria-pressed") === "true");
    if (!keepHash && window.history && history.replaceState) {
      try { history.replaceState(null, "", "#from=" + a.id + "&to=" + b.id); } catch (e) { /* file:// in some browsers */ }
    }
  }

  function fromHash() {  // #from=<id>&to=<id> (either may be missing)
    var args = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { args[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
    });
    if (args.from && byId[args.from]) { oldSel.value = args.from; }
    if (args.to && byId[args.to]) { newSel.value = args.to; }
    if (args.to && byId[args.to] && !(args.from && byId[args.from])) {
      var at = byId[args.to].index;   // the version before it; the first: it and the latest
      if (at === 0) {
        oldSel.value = args.to;
        newSel.value = data.versions[data.versions.length - 1].id;
      } else {
        oldSel.value = data.versions[at - 1].id;
      }
    }
    return Boolean(args.from || args.to);
  }

  oldSel.addEventListener("change", function () { update(false); });
  newSel.addEventListener("change", function () { update(false); });
  document.getElementById("compare-swap").addEventListener("click", function () {
    var v = oldSel.value;
    oldSel.value = newSel.value;
    newSel.value = v;
    update(false);
  });
  expand.addEventListener("click", function () {
    setExpanded(expand.getAttribute("aria-pressed") !== "true");
  });
  window.addEventListener("hashchange", function () {
    if (/^#(from|to)=/.test(location.hash)) { fromHash(); update(true); }
  });
  form.hidden = false;
  document.getElementById("compare-report").hidden = false;
  document.getElementById("compare-doc-section").hidden = false;
  var linked = fromHash();
  update(true);
  var first = linked ? out.querySelector(".cmp-hunk") : null;
  if (first && first.scrollIntoView) { first.scrollIntoView({block: "center"}); }
}());
