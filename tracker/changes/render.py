"""Human-readable forms of a report: plain text and an escaped HTML fragment.

Both show the headline, the bullets, then a word-level redline of the changed sentences; moved
sentences are shown once as moved, never as a deletion plus an insertion. All policy text is
escaped in HTML: policies are untrusted input and may contain markup such as <script>.

The headline is the first statement said in under 140 characters, so bullet 1 often says the
same sentence again. `shown_bullets` is what every human-readable form (this module, the site's
change page, the feeds, the notifications) lists under the headline: the bullets that say
something the headline does not. A bullet the headline is a short form or a cut of (most of the
headline's content words in it) is the headline again unless it adds a fact a reader needs: an
old value, a number, a name, a purpose, recipient, way, form or examples; the JSON keeps every
statement (`bullets`, `statements`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from tracker.changes.report import Change, ChangeReport
from tracker.changes.statements import names_told_elsewhere
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


# words that carry no fact of their own: a bullet differing from the headline only in these says it again
_FILLER = frozenset("""a an the and or but of to in on at by for with from as if its it it's this that these those
their they them you your we our us is are be been being was were may might can could will would shall should must
not no also now any all some such more most other than then so very however which who whom whose what when where
while has have had does do did there here into onto about only just even still new again""".split())
_WAS_RE = re.compile(r"\(was:\s*([^)]*)\)")
_COUNT_RE = re.compile(r"\b\d[\d,.]*-(?:word|character|line|section)s?\b")     # the page's size, not a fact of the policy
_NUMBER_RE = re.compile(r"\d")
_NAME_RUN_RE = re.compile(r"(?<![.:;!?]\s)(?<!^)\b[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)*")
# what a phrase adds: a purpose or recipient ('to Google Analytics'), a way ('by logging in'), a form
# ('in aggregate form'), a source or examples ('from you such as your phone number')
_PURPOSE_RE = re.compile(r"(?i)(?=\b(?:in order to|so that|so as to|to|for|with|by|in|from|such as|including|like)"
                         r"((?:\s+[\w'’-]+){1,3}))")


def _content(words: set[str]) -> set[str]:
    return {w for w in words if w not in _FILLER and len(w) > 1}


def _adds_fact(headline: str, bullet: str, said: set[str]) -> bool:
    """bullet gives a reader something the headline lacks: an old value in '(was: …)', a number
    (the page's own size aside), a name, or a purpose or recipient ('to advertise', 'with Yahoo')."""
    bullet = _COUNT_RE.sub("", bullet)
    for old in _WAS_RE.findall(bullet):
        if not _content(_words(old)) <= said:
            return True
    body = _LEAD_LABEL_RE.sub("", _WAS_RE.sub("", bullet))
    if _NUMBER_RE.search(body) and not _NUMBER_RE.search(headline):
        return True
    for run in _NAME_RUN_RE.findall(body):
        if _content(_words(run)) - said:        # a name the headline does not say in full
            return True
    return any(_content(_words(phrase)) - said for phrase in _PURPOSE_RE.findall(body))


# a tail that only says how ('by redirecting clicks or through other means', 'through its settings')
_MEANS_TAIL_RE = re.compile(r"(?i)^,?\s+(?:(?:by|through|via) (?:[a-z]+ing\b|other means|(?:the|its|your) [a-z]+)"
                            r"(?:[\s,]+(?:or|and)?\s*|[a-z\s]+)*)$")


def _means_tail(headline: str, bullet: str) -> bool:
    """bullet is the headline and a tail telling only the means ('… by redirecting clicks or
    through other means'): the headline's statement again, nothing a reader needs added."""
    head = _LEAD_LABEL_RE.sub("", headline).rstrip(" .")
    body = _LEAD_LABEL_RE.sub("", bullet)
    if "(was:" in body or len(head.split()) < 6 or not body.lower().startswith(head.lower()):
        return False
    tail = body[len(head):]
    return bool(_MEANS_TAIL_RE.match(tail)) and len(tail.split()) <= 10 and not re.search(r"\d|\b[A-Z]", tail) \
        and not _RECIPIENT_RE.search(tail)


# words that make a tail more than a means: a recipient, a sale, what data
_RECIPIENT_RE = re.compile(r"(?i)\b(?:to|with|sell\w*|shar\w*|disclos\w*|data|information|advertis\w*|partners?|third)\b")


def restates(headline: str, bullet: str) -> bool:
    """bullet is the headline's own statement said again: every word of it in the headline, or
    the headline its short form or a cut of it (most of its content words in the bullet) with
    nothing added that a reader needs (see _adds_fact)."""
    said, words = _words(headline), _words(bullet)
    if not words or words <= said:
        return bool(words)
    if _means_tail(headline, bullet):
        return True
    head = _content(said)
    if len(head) < 3 or len(head & _content(words)) < 0.7 * len(head):
        return False
    return not _adds_fact(headline, bullet, said)


def shown_bullets(headline: str, bullets: Sequence[str]) -> list[str]:
    """The bullets to list under the headline: those that say something it does not (a bullet
    that restates the headline, label aside, is the headline again, and so is one that only
    says how to reach the address the headline names), and a line that only names what the
    headline or a longer line names in its sentence (statements.names_told_elsewhere)."""
    shown = [b for b in bullets if not restates(headline, b) and not same_contact(headline, b)]
    return [b for b in shown if not names_told_elsewhere(b, [headline, *shown])]


# an address a line gives: an e-mail, a web address, a telephone number
_ADDRESS_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|\+?\d[\d ().-]{6,}\d")
# the words of a line that only says how to reach an address ('To do so, please contact its
# support team at …'): none of them is a practice
_CONTACT_WORDS = frozenset("""please contact contacting reach write email e-mail mail send support team customer customers
service services department office privacy question questions request requests help desk care inquiry inquiries
enquiry enquiries do so directly""".split())


def same_contact(headline: str, bullet: str) -> bool:
    """bullet only says to write to an address the headline names ('To do so, please contact its
    support team at sales@acme.com' under 'Contact e-mail: sales@acme.com (was: …)'): the
    headline's news again, in words that add no practice."""
    found = [a.rstrip(".,;)") for a in _ADDRESS_RE.findall(bullet)]
    if not found or "(was:" in bullet or any(a.lower() not in headline.lower() for a in found):
        return False
    rest = _ADDRESS_RE.sub(" ", _LEAD_LABEL_RE.sub("", bullet))
    return not (_content(set(_WORD_RE.findall(rest.lower()))) - _CONTACT_WORDS)


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
