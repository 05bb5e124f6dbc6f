"""Page furniture a capture holds after or around the policy, dropped before segmentation.

A consent manager's panel (OneTrust's cookie list with its Cookiepedia links, the IAB TCF
purposes, the 'Confirm My Choices' buttons) is written into the page by a script: one capture
holds it expanded, the next only its 'Cookie Settings' link. Compared as text it reads as new
cookies, new profiling purposes and new sections. It is recognised by its place and its words:
a block from a heading a consent manager writes ('Cookie List', 'Privacy Preference Center') to
the end of the page, every heading in it a cookie category or a consent purpose, holding
PANEL_MIN_MARKS marks of a consent manager at least. A cookie list a cookie policy embeds in its
text is followed by more of the policy, and stays.

A menu of in-page anchor links ('[Introduction](#intro)[Your rights](#rights)') is the page's
table of contents, never a sentence of the policy: a line made of such links only is dropped,
with the 'Table of contents' title standing right above it.

A cookie banner ('This site uses cookies. By continuing to browse …, you accept the use of
cookies.' over its 'Ok' button) is a script's overlay captured one day and not the next: a short
paragraph about cookies and accepting them with a button's label alone on the next line is
dropped with its button. A policy's own sentence about cookie consent stands among sentences,
never over a lone 'Ok'.
"""

from __future__ import annotations

import re

# segment imports this module first (drop_furniture); its ATX_RE is read when a line is
from tracker.changes import segment

# a heading a consent manager writes at the top of its panel
_PANEL_TITLE_RE = re.compile(r"(?i)^\W*(?:cookie list|privacy preference cent(?:er|re)|manage consent preferences|"
                             r"cookie preference cent(?:er|re)|manage cookie preferences)\W*$")
# the words of a heading inside the panel: a cookie category or a consent purpose (IAB TCF)
_PANEL_HEADING_RE = re.compile(r"(?i)\b(?:cookies?|advertising|ads|content|devices?|data|services?|improve|profiles?|geolocation|fraud|"
                               r"security|errors|choices|partners|vendors?|purposes?|features?|measure\w*|identif\w*|"
                               r"consent|preferences|necessary|functional|performance|targeting|analytics|social|"
                               r"part(?:y|ies)|research|audience|storage|legitimate interest|your privacy)\b")
# what marks a consent manager's panel: Cookiepedia links of its cookie list, the IAB TCF purposes,
# its buttons
_PANEL_MARKS = ("cookiepedia.co.uk", "store and/or access information on a device", "use limited data to select advertising",
                "create profiles for personalised", "actively scan device characteristics", "confirm my choices",
                "allow all", "reject all", "save and communicate privacy choices", "manage preferences", "clear filters")
# marks a block must hold to be a consent manager's panel (one button alone is any page's)
PANEL_MIN_MARKS = 3
_SETEXT_RE = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_BULLET_RE = re.compile(r"^\s*(?:[*+\-\u2022]\s+|\d{1,3}[.)]\s+)?")


def _heading(lines: list[str], i: int) -> str | None:
    """The title of the heading line i (ATX, setext or a bold line), None when it is no heading."""
    line = lines[i]
    m = segment.ATX_RE.match(_BULLET_RE.sub("", line, count=1))
    if m:
        return m.group(2).strip("*_ ")
    if i + 1 < len(lines) and _SETEXT_RE.match(lines[i + 1]) and line.strip():
        return line.strip("*_ ")
    return None


def _marks(text: str) -> int:
    """How many marks of a consent manager's panel text holds."""
    low = text.lower()
    return sum(low.count(m) for m in _PANEL_MARKS)


def _panel_start(lines: list[str]) -> int | None:
    """The line where a consent manager's panel starts, when one ends the page; else None."""
    for i, line in enumerate(lines):
        if not _PANEL_TITLE_RE.match(line.lstrip("#").strip(" *_")):
            continue
        rest = lines[i + 1:]
        titles = [t for j in range(i + 1, len(lines)) if (t := _heading(lines, j))]
        marks = _marks("\n".join(rest))
        if marks >= PANEL_MIN_MARKS and all(_PANEL_HEADING_RE.search(t) for t in titles):
            return i
    return None


def has_consent_panel(text: str) -> bool:
    """Does the page end with a consent manager's panel (dropped by drop_furniture)?"""
    return _marks(text) >= PANEL_MIN_MARKS and _panel_start(text.replace("\r\n", "\n").split("\n")) is not None


def panel_said(old: str, new: str) -> str:
    """What a cosmetic report says of a consent manager's panel one capture holds at its end
    ('' when both or neither do)."""
    had, has = has_consent_panel(old), has_consent_panel(new)
    if has and not had:
        return "the page's cookie-consent panel captured too"
    if had and not has:
        return "the page's cookie-consent panel no longer captured"
    return ""


# a cookie banner's text: cookies and the visitor accepting them, in one short paragraph
_BANNER_TEXT_RE = re.compile(r"(?i)\bcookies?\b.*\b(?:accept\w*|agree\w*|consent\w*)\b|"
                             r"\b(?:accept\w*|agree\w*|consent\w*)\b.*\bcookies?\b")
# a banner's button, alone on its line
_BUTTON_RE = re.compile(r"(?i)^\W*(?:ok(?:ay)?|got it|i agree|agree|accept(?: all)?(?: cookies)?|allow(?: all)?(?: cookies)?|"
                        r"close|dismiss|i understand|continue)\W*$")
# a button's line is this short at most
BUTTON_MAX_CHARS = 30
# words a banner's paragraph holds at most (a policy's cookie section is longer)
BANNER_MAX_WORDS = 45


# an in-page anchor link ('[Introduction](#intro)', '[Your rights](<#Your rights>)')
_ANCHOR_LINK_RE = re.compile(r"\[[^\[\]\n]*\]\(<?#[^)\n]*>?\)")
# a title a table of contents stands under
_TOC_TITLE_RE = re.compile(r"(?i)^\W*(?:table of contents?|contents|on this page|in this (?:policy|notice|article))\W*$")


def _anchor_menu(line: str) -> bool:
    """Is line made only of in-page anchor links (bullets and spaces between them)?"""
    if "](#" not in line and "](<#" not in line:
        return False
    rest = _ANCHOR_LINK_RE.sub(" ", line)
    return not re.sub(r"[\s*+\-\u2022|·,;]+", "", rest)


def _banners(lines: list[str]) -> set[int]:
    """The lines of cookie banners: a short paragraph about accepting cookies and the button
    label alone on the next line with text."""
    out: set[int] = set()
    for i, line in enumerate(lines):
        if len(line) > BUTTON_MAX_CHARS or not line.strip() or not _BUTTON_RE.match(line):
            continue
        k = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        if k is not None and len(lines[k].split()) <= BANNER_MAX_WORDS and _BANNER_TEXT_RE.search(lines[k]):
            out |= {k, i}
    return out


def drop_furniture(text: str) -> str:
    """text without a consent manager's panel at its end, without its lines of in-page anchor
    links (a table of contents, with its title) and without a cookie banner over its button."""
    banners = _banners(text.split("\n")) if "ookie" in text else set()
    if banners:
        text = "\n".join(x for k, x in enumerate(text.split("\n")) if k not in banners)
    if "](#" not in text and "](<#" not in text and _marks(text) < PANEL_MIN_MARKS:
        return text
    lines = text.split("\n")
    start = _panel_start(lines) if _marks(text) >= PANEL_MIN_MARKS else None
    if start is not None:
        lines = lines[:start]
    keep = [not _anchor_menu(line) for line in lines]
    for i, line in enumerate(lines):
        if keep[i] and _TOC_TITLE_RE.match(line.lstrip("#").strip(" *_")):
            nxt = next((j for j in range(i + 1, len(lines)) if lines[j].strip() and not _SETEXT_RE.match(lines[j])
                        and not re.fullmatch(r"\s*(?:[*_-]\s*){3,}", lines[j])), None)
            if nxt is None or not keep[nxt]:
                keep[i] = False
    return "\n".join(line for line, k in zip(lines, keep) if k)
