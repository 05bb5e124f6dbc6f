"""The last gate before a statement is published: is it a sentence a reader can take as it is?

The rules quote the policy, and a quote cut from a scrape can be a fragment: a clause stopped
before its object ("Archiver service and all purchases are processed by ProQuest on behalf"), a
purpose clause with no sentence around it ("To enable the purchase of these products"), an edit
quoted from inside punctuation ('Adds “) and personally identifiable information (e.g.”'), or a
run of links ("Adds: Canada (EN): http://www.intuit.ca/… Canada (FR)"). Such a statement tells
the reader nothing they can publish or act on; it is dropped, and the next statement takes its
place. A statement that names what it quotes by kind (a section, a law, a value, an office) is
always kept: its label carries the news.
"""

from __future__ import annotations

import re

# the labels the rules put before a quote: the quote after them is what is judged
from tracker.changes.statements import _LABEL_RE, Statement

# words a finished clause does not end on
# ('with', 'to', 'in' and 'at' can end a sentence: 'the companies it works with')
_DANGLING_END_RE = re.compile(r"(?i)\b(?:of|on behalf|the|a|an|and|or|for|by|from|through|their|its|our|your|"
                              r"that|which|such as|including|e\.g|i\.e|as well as|about|into|onto|than)\W*$")
# a clause that only leads into a sentence: 'To enable …', 'Which …' with nothing after it
# ('But Apple does not link your IP address …' is a whole sentence: 'and', 'or', 'but' may open one)
_LEAD_IN_RE = re.compile(r"^(?:To|Which|That|So that|In order to|Such as|Including)\b")
_QUOTED_EDIT_RE = re.compile(r"^(?:Adds|Drops|Now says) [“\"](?P<q>[^”\"]*)[”\"]")
_URL_RE = re.compile(r"https?://\S+|www\.\S+")
# levels whose label names what changed by kind: kept whatever their quote looks like
_NAMED = frozenset({"section-added", "section-removed", "law-cited", "transfer-basis", "value-changed",
                    "contact-changed", "retention-changed", "office-named", "page-summary", "sale-reversal",
                    "sources-widened", "basis-stated"})


def fragment(text: str) -> str | None:
    """Why text is no publishable statement, or None when it is one."""
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


def publishable(statements: list[Statement]) -> list[Statement]:
    """The statements a reader can take as they are (see the module docstring)."""
    return [s for s in statements if s.impact in _NAMED or fragment(s.text) is None]
