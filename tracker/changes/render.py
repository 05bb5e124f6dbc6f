"""Human-readable forms of a report: plain text and an escaped HTML fragment.

Both show the headline, the bullets, then a word-level redline of the changed sentences; moved
sentences are shown once as moved, never as a deletion plus an insertion. All policy text is
escaped in HTML: policies are untrusted input and may contain markup such as <script>.

The headline is the first statement said in under 140 characters, so bullet 1 often says the
same sentence again. `shown_bullets` is what every human-readable form (this module, the site's
change page, the feeds, the notifications) lists under the headline: the bullets that say
something the headline does not. A bullet that adds its old value or its full wording is still
shown; the JSON keeps every statement (`bullets`, `statements`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from tracker.changes.report import Change, ChangeReport
from tracker.changes.verdict import word_diff


def _text_redline(c: Change) -> str:
    if c.kind == "reworded":
        out = []
        for op, t in word_diff(c.old or "", c.new or ""):
            lead = " " if t.startswith(" ") else ""
            core = t.strip()
            out.append(lead + (f"[-{core}-]" if op == "-" else f"{{+{core}+}}" if op == "+" else core))
        return "".join(out).strip()
    if c.kind == "added":
        return f"{{+{c.new}+}}"
    if c.kind == "removed":
        return f"[-{c.old}-]"
    return c.new or c.old or ""


_MARK = {"added": "+", "removed": "-", "reworded": "~", "moved": ">"}
# the label a statement or a headline opens with ('Drops promise: ', 'Rewrite with a new right: ')
_LEAD_LABEL_RE = re.compile(r"^[A-Z][A-Za-z ]{2,40}:\s+")
_WORD_RE = re.compile(r"\w+(?:['’]\w+)?")


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(_LEAD_LABEL_RE.sub("", text).lower()))


def shown_bullets(headline: str, bullets: Sequence[str]) -> list[str]:
    """The bullets to list under the headline: those that say something it does not (a bullet
    whose every word the headline already says, label aside, is the headline again)."""
    said = _words(headline)
    return [b for b in bullets if not _words(b) or not _words(b) <= said]



def render_text(report: ChangeReport) -> str:
    """Headline, bullets, then the redline ([-deleted-] {+inserted+}), grouped by section."""
    lines = [report.headline, ""]
    bullets = shown_bullets(report.headline, report.bullets)
    lines += [f"  * {b}" for b in bullets]
    if bullets:
        lines.append("")
    stamp = report.date_stamp
    if stamp.get("old") != stamp.get("new"):
        lines += [f"Date stamp: {stamp.get('old') or '(none)'} → {stamp.get('new') or '(none)'}", ""]
    section = None
    for c in report.changes:
        if c.section != section:
            section = c.section
            lines.append(f"## {section or '(top of document)'}")
        label = "moved" if c.kind == "moved" else c.kind
        flag = " !" if c.material else ""
        lines.append(f"{_MARK[c.kind]} {label}{flag}: {_text_redline(c)}")
        if c.flips:
            lines.append(f"    meaning: {'; '.join(c.flips)}")
    return "\n".join(lines).rstrip() + "\n"


def _html_change(c: Change) -> str:
    cls = f"change change-{c.kind}" + (" material" if c.material else "")
    if c.kind == "reworded":
        parts = []
        for op, t in word_diff(c.old or "", c.new or ""):
            lead = " " if t.startswith(" ") else ""
            et = escape(t.strip())
            parts.append(lead + (f"<del>{et}</del>" if op == "-" else f"<ins>{et}</ins>" if op == "+" else et))
        body = "".join(parts).strip()
    elif c.kind == "added":
        body = f"<ins>{escape(c.new or '')}</ins>"
    elif c.kind == "removed":
        body = f"<del>{escape(c.old or '')}</del>"
    else:
        body = f'<span class="moved-label">Moved:</span> {escape(c.new or c.old or "")}'
    flips = "".join(f'<span class="flip">{escape(f)}</span>' for f in c.flips)
    return f'<p class="{cls}">{body}{flips}</p>'


def redline_html(report: ChangeReport, max_changes: int | None = None) -> str:
    """The redline alone, grouped by section; max_changes keeps the most material ones first
    (still shown in document order), for short feed items."""
    changes = list(report.changes)
    if max_changes is not None and len(changes) > max_changes:
        ranked = sorted(range(len(changes)),
                        key=lambda i: (not changes[i].material, changes[i].kind == "moved", i))
        keep = set(ranked[:max(0, max_changes)])
        omitted = len(changes) - len(keep)
        changes = [c for i, c in enumerate(changes) if i in keep]
    else:
        omitted = 0
    out = ['<div class="redline">']
    section = None
    for c in changes:
        if c.section != section:
            if section is not None:
                out.append("</section>")
            section = c.section
            out.append(f'<section><h4>{escape(section or "(top of document)")}</h4>')
        out.append(_html_change(c))
    if section is not None:
        out.append("</section>")
    if omitted:
        out.append(f'<p class="omitted">… and {omitted} more change{"s" if omitted != 1 else ""}</p>')
    out.append("</div>")
    return "\n".join(out)


def render_html(report: ChangeReport) -> str:
    """A standalone HTML fragment: headline, bullets and the full redline, all text escaped."""
    out = [f'<div class="change-report verdict-{escape(report.verdict)}">',
           f'<p class="headline"><span class="verdict">{escape(report.verdict)}</span> '
           f'{escape(report.headline)}</p>']
    bullets = shown_bullets(report.headline, report.bullets)
    if bullets:
        out.append('<ul class="bullets">')
        out += [f"<li>{escape(b)}</li>" for b in bullets]
        out.append("</ul>")
    out.append(redline_html(report))
    out.append("</div>")
    return "\n".join(out) + "\n"
