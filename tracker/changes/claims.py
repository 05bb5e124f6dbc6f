"""Never claim what did not happen: the report's structural claims checked against both texts.

The segmenter keeps what it takes for the policy and drops page chrome, so an entity or a
heading can be invisible on one side only because it sat in a block that side's segmentation
discarded. Before a report says "X added" or "section Y removed", the other side's whole text
is searched: an entity still written there, or a heading that is still a line by itself there,
did not come or go, and the claim is withdrawn.
"""

from __future__ import annotations

import re

from tracker.changes.normalize import heading_key
from tracker.changes.entities import vendor_key
from tracker.changes.literals import search_heads
from tracker.changes.vendors import VENDORS

_MD_LINK_RE = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_LINE_MARKUP_RE = re.compile(r"^[\s#>*_|+-]*|[\s#*_|:]*$")
_NUM_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
              "8": "eight", "9": "nine", "10": "ten", "12": "twelve", "13": "thirteen", "14": "fourteen",
              "15": "fifteen", "16": "sixteen", "18": "eighteen", "30": "thirty", "60": "sixty", "90": "ninety"}


def plain(text: str) -> str:
    """The text as a reader sees it: lower case, link targets and emphasis dropped, one space."""
    text = _MD_LINK_RE.sub(r"\1", text).replace("\\", "")
    return " " + re.sub(r"\s+", " ", text.replace("*", " ").replace("_", " ")).lower() + " "


# the characters \s matches (str.isspace: the same Unicode table), for str.strip: _LINE_MARKUP_RE's
# two ends as strips, a C scan of each end instead of a pattern tried at every position of a line
_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
           "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_LEAD_MARKUP = _SPACES + "#>*_|+-"      # ^[\s#>*_|+-]*
_TRAIL_MARKUP = _SPACES + "#*_|:"       # [\s#*_|:]*$


def heading_lines(text: str) -> set[str]:
    """The heading key of every line short enough to be a heading (markup cut off both ends as
    _LINE_MARKUP_RE.sub('', line) cuts it: the longest run of its leading characters, then the
    longest run of its trailing ones in what is left)."""
    out = set()
    for line in text.splitlines():
        if "](" in line:        # every link _MD_LINK_RE rewrites writes it
            line = _MD_LINK_RE.sub(r"\1", line)
        line = line.lstrip(_LEAD_MARKUP).rstrip(_TRAIL_MARKUP).strip()
        if line and len(line) <= 200:
            out.add(heading_key(line))
    return out


def _aliases(kind: str, value: str) -> list[str]:
    if kind == "vendors":   # also without its legal form: 'Acme Ltd' is still there as 'Acme'
        return [value, vendor_key(value)] + [a for a in VENDORS.get(value, ()) if not a.startswith("re:")]
    return [value]


def written(kind: str, value: str, text_plain: str) -> bool:
    """Is the entity written in the text (as returned by plain())? Periods in digits or words,
    ages only next to an age word (digits alone are not an age)."""
    v = value.lower()
    if kind == "durations":
        n, _, unit = v.partition(" ")
        nums = [re.escape(n)] + ([_NUM_WORDS[n]] if n in _NUM_WORDS else [])
        num = "(?:" + "|".join(nums) + r")(?:\s*\(\s*\d+\s*\))?"
        if unit.rstrip("s") not in text_plain or not any(x in text_plain for x in (n, _NUM_WORDS.get(n, n))):
            return False      # a match writes the unit and the number as they are: no scan of the whole text
        return re.search(rf"(?<![\w.]){num}[\s-]+(?:calendar |business |working )?{re.escape(unit.rstrip('s'))}s?\b",
                         text_plain) is not None
    if kind == "ages":
        word = _NUM_WORDS.get(v, v)
        return re.search(rf"\b(?:age|aged|under|over|older than|younger than|below)\s+(?:the age of\s+|of\s+)?"
                         rf"(?:{re.escape(v)}|{word})\b|\b{re.escape(v)}\s+years? (?:of age|old)\b", text_plain) is not None
    if kind == "phones":
        digits = re.sub(r"\D", "", v)
        return len(digits) >= 7 and digits in re.sub(r"\D", "", text_plain)
    # the plain substring test first: a pattern opening with a lookbehind is tried at every
    # position of the whole text, most aliases are not written at all; where one is, the
    # pattern is tried only where the alias stands (search_heads: the same first match)
    return any(a.lower() in text_plain and search_heads(
                   re.compile(rf"(?<![\w@.-]){re.escape(a.lower())}(?![\w@-]|\.\w)"), (a.lower(),), text_plain)
               for a in _aliases(kind, v))


def keep_real_entities(added: dict[str, list[str]], removed: dict[str, list[str]],
                       old_plain: str, new_plain: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Entities called added that the old text already wrote, or removed that the new text
    still writes, are dropped from both lists."""
    return ({k: [x for x in v if not written(k, x, old_plain)] for k, v in added.items()},
            {k: [x for x in v if not written(k, x, new_plain)] for k, v in removed.items()})


def keep_real_sections(added: list[str], removed: list[str], renamed: list[tuple[str, str]],
                       old_lines: set[str], new_lines: set[str]
                       ) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """A section called added whose heading was already a line of the old text, removed but
    still a line of the new text, or renamed while both headings stand on both sides, is not."""
    return ([s for s in added if heading_key(s) not in old_lines],
            [s for s in removed if heading_key(s) not in new_lines],
            [(a, b) for a, b in renamed if not (heading_key(a) in new_lines and heading_key(b) in old_lines)])
