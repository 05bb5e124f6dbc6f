"""The last gate before a statement is published: is it a sentence a reader can take as it is?

The rules quote the policy, and a quote cut from a scrape can be a fragment: a clause stopped
before its object ("Archiver service and all purchases are processed by ProQuest on behalf"), a
purpose clause with no sentence around it ("To enable the purchase of these products"), an edit
quoted from inside punctuation ('Adds “) and personally identifiable information (e.g.”'), or a
run of links ("Adds: Canada (EN): http://www.intuit.ca/… Canada (FR)"). Such a statement tells
the reader nothing they can publish or act on; it is dropped, and the next statement takes its
place. A statement that names what it quotes by kind (a section, a law, a value, an office) is
always kept: its label carries the news.

Structure quoted as if it were a practice is no statement either (see tracker.changes.headline
on what prose may say): a heading or a link title quoted as a sentence ('Adds: More on what the
Wikimedia Foundation Privacy Policy does not cover', 'Adds: How do we use cookies?': a policy
states its practices and asks questions only as titles), a host name given as the value that
changed ('drpw019.walmart.com (was: drpw060.walmart.com)': a server, not a practice), and a
window of words cut from inside a sentence before its subject ('Now mentions Practices: “has a
specific Notice of Privacy Practices for its …”') or across a sentence break
('… classical music.Which Information Can').
"""

from __future__ import annotations

import re

# the labels the rules put before a quote: the quote after them is what is judged
from tracker.changes.statements import _LABEL_RE
from tracker.changes.rules.common import Statement

# words a finished clause does not end on
# ('with', 'to', 'in' and 'at' can end a sentence: 'the companies it works with')
_DANGLING_END_RE = re.compile(r"(?i)\b(?:of|on behalf|the|a|an|and|or|for|by|from|through|their|its|our|your|"
                              r"that|which|such as|including|e\.g|i\.e|as well as|about|into|onto|than|"
                              r"please (?:contact|visit|see|call|write to|read))\W*$")
# a clause that only leads into a sentence: 'To enable …', 'Which …' with nothing after it
# ('But Apple does not link your IP address …' is a whole sentence: 'and', 'or', 'but' may open one)
_LEAD_IN_RE = re.compile(r"^(?:To|Which|That|So that|In order to|Such as|Including)\b")
_QUOTED_EDIT_RE = re.compile(r"^(?:Adds|Drops|Now says) [“\"](?P<q>[^”\"]*)[”\"]")
_URL_RE = re.compile(r"https?://\S+|www\.\S+")
# a title quoted as a sentence: what a link or a heading says, never a practice
_TITLE_QUOTE_RE = re.compile(r"^(?:Adds|No longer says|Now reads):\s+(?:More (?:on|about|information (?:on|about))|"
                             r"Learn (?:more|about)|Read (?:more|about)|Find out (?:more|about)|Click|See (?:also|more|below)|"
                             r"See|Back to|Go to|Skip to)\b")
_HOST_RE = re.compile(r"(?i)^(?:https?://)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,6}(?:/\S*)?$")
_WAS_RE = re.compile(r"\s*\(was: [^()]*\)$")
# 'Now mentions X: “…”' quoting words around X: they start before the sentence's subject when
# their first word is a verb of it, and run into the next sentence past a full stop with no space
_MENTION_RE = re.compile(r"^(?:Now|No longer) mentions [^:]{1,60}: “(?P<q>[^”]*)”$")
_NO_SUBJECT_RE = re.compile(r"^(?:may|might|will|would|can|could|should|must|shall|has|have|had|is|are|was|were|"
                            r"does|do|did|not|be|been|being)\b")
_GLUED_BREAK_RE = re.compile(r"[a-z]{2}[.?!][A-Z][a-z]")
# levels whose label names what changed by kind: kept whatever their quote looks like
_NAMED = frozenset({"section-added", "section-removed", "law-cited", "transfer-basis", "value-changed",
                    "contact-changed", "retention-changed", "office-named", "page-summary", "sale-reversal",
                    "sources-widened", "basis-stated"})


def fragment(text: str) -> str | None:
    """Why text is no publishable statement, or None when it is one."""
    if _TITLE_QUOTE_RE.match(text) or _WAS_RE.sub("", _LABEL_RE.sub("", text)).rstrip().endswith("?"):
        return "a heading or a link title quoted as a sentence"
    if _HOST_RE.match(_WAS_RE.sub("", text).strip()):
        return "a host name, not a practice"
    mention = _MENTION_RE.match(text)
    if mention and (_NO_SUBJECT_RE.match(mention.group("q")) or _GLUED_BREAK_RE.search(mention.group("q"))):
        return "words cut from inside a sentence, before its subject or across a sentence break"
    m = _QUOTED_EDIT_RE.match(text)
    if m and (not m.group("q")[:1].isalnum() or not m.group("q").rstrip()[-1:].isalnum() and
              m.group("q").rstrip()[-1:] not in ".)"):
        return "an edit quoted from inside punctuation"
    body = _LABEL_RE.sub("", text).strip()
    urls = sum(len(u) for u in _URL_RE.findall(body))
    if urls and urls >= 0.3 * len(body):
        return "a run of links"
    if _DANGLING_END_RE.search(body, max(0, len(body) - 40)):     # the end only: not tried at every position
        return "a clause cut before its end"
    if _LEAD_IN_RE.match(body) and "," not in body and len(body) < 80:
        return "a lead-in with no sentence after it"
    return None


# where a cut window's sentence can start again: a determiner or a subject pronoun
_SUBJECT_START_RE = re.compile(r"\b(?:the|its|their|your|a|an|this|these|you|it|they)\b")
_RELATIVE_RE = re.compile(r",? (?:which|who) ")
# a finite verb after the subject: what makes the mended words a clause
_FINITE_RE = re.compile(r"\b(?:is|are|was|were|will|would|may|might|can|could|should|must|shall|has|have|had|does|do|did)\b")


def mended(s: Statement) -> Statement | None:
    """A 'Now mentions X: “…”' window cut before its subject or across a sentence break, mended
    to the clause around X that is whole: from the first subject in its first words, before a
    break and before a trailing 'which …' ('not the matter is escalated to its Privacy Legal
    team which will work across' -> 'the matter is escalated to its Privacy Legal team'); None
    when no whole clause remains."""
    m = _MENTION_RE.match(s.text)
    if not m:
        return None
    q = m.group("q")
    name = s.text.split(" mentions ", 1)[1].split(":", 1)[0]
    brk = _GLUED_BREAK_RE.search(q)
    if brk:
        q = q[:brk.start() + 3] if name in q[:brk.start() + 3] else q[brk.start() + 3:]
    start = _SUBJECT_START_RE.search(q, 0, 40)
    if not start or name not in q[start.start():]:
        return None
    q = q[start.start():].rstrip(" .")
    rel = _RELATIVE_RE.search(q)
    if rel and name in q[:rel.start()] and _FINITE_RE.search(q[:rel.start()]):
        q = q[:rel.start()]
    text = s.text[:m.start("q")] + q + "”"
    if len(q.split()) < 5 or not _FINITE_RE.search(q) or fragment(text) is not None or fragment(f"Adds: {q}") is not None:
        return None
    return Statement(text, s.topic, s.impact, q if s.old else None, q if s.new else None, s.changes, s.short)


def host_value(s: Statement) -> bool:
    """A value change whose old or new value is only a host name or a URL: a server moved, not
    a practice changed (a link that matters is a pointer statement)."""
    values = [v.strip() for v in (s.old, s.new) if v]
    return bool(values) and all(_HOST_RE.match(v) for v in values) and s.impact != "pointer"


def publishable(statements: list[Statement]) -> list[Statement]:
    """The statements a reader can take as they are (see the module docstring); a cut window
    of words is mended to its whole clause when it has one."""
    out = []
    for s in statements:
        if host_value(s):
            continue
        if s.impact in _NAMED or fragment(s.text) is None:
            out.append(s)
            continue
        fixed = mended(s)
        if fixed is not None:
            out.append(fixed)
    return out
