"""Segmentation: a normalised document as sections of sentences.

Headings come from Markdown (ATX and setext), bold-only lines, ALL-CAPS short lines and short
title-like lines of plain text; paragraphs are re-joined across hard wraps so that re-wrapping
never shows up as a change; sentences are split with a list of abbreviations so "e.g." or
"U.S." never cut a sentence in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.changes.furniture import drop_furniture
from tracker.changes.headings import (
    CASE_STEP_RE, GLUED_PREFIX_RE, LIST_RE, STARTERS, glued_inside_name,
    is_caps_heading, is_numbered_heading, is_plain_heading, is_title_line, prev_line, run_in_label,
    sentence_case_headings, sentence_cased, starts_block, text_subjects, title_case, unglue,
)
from tracker.changes.normalize import (
    CF_PLACEHOLDER, clean_chars, cut_stamps, deobfuscate_emails, heading_key, is_archive_wrapper, is_copyright, is_date_stamp,
    strip_inline, DATE_RE, latest_date, registrable_domain, stamp_date,
)

ABBREVIATIONS = frozenset("""
e.g i.e etc inc ltd co corp llc l.l.c plc gmbh s.a s.a.r.l b.v n.v pty u.s u.s.a u.k e.u
mr mrs ms dr prof sr jr st no nos vs v cf approx dept est fig al ca art sec para paras
jan feb mar apr jun jul aug sep sept oct nov dec p.o p.m a.m incl viz resp u.n d.c
pvt pte sdn bhd intl bros assn ave blvd pkwy hwy rd ste bldg fl apt ph.d tel ext
""".split())

# a Markdown ATX heading ('## Title ##'): group 1 its hashes, group 2 its title; the one pattern
# segment, furniture and documents read ATX headings with
_ATX_BODY = r"(#{1,6})\s+(.*?)\s*#*\s*$"
ATX_RE = re.compile(r"^\s{0,3}" + _ATX_BODY)
# the same heading written as a list item ('- ## Title'): a document's title in a capture's menu
LISTED_ATX_RE = re.compile(r"^\s{0,3}(?:[*+-]\s+)?" + _ATX_BODY)
_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HR_RE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BOLD_LINE_RE = re.compile(r"^\s*[_*]?(?:\*\*|__)([^*_\n]{2,150})(?:\*\*|__)[_*]?\s*(?:\*\*\s*)?:?\s*(?:\*\*)?\s*$")
_LOWER_BOUNDARY_RE = re.compile(r"([.!?]+)([\"')\]]*)\s+(?=[\"'(\[]?[a-z0-9])")
_QUOTE_RE = re.compile(r"^\s*(?:>\s?)+")
# a section number on a line of its own ('4.3', 'IV.', 'Section 2') before the heading line
_BARE_NUMBER_RE = re.compile(r"^\s*(?:(?:section|article|part|chapter)\s+)?(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVX]{1,5}\.)\s*$",
                             re.I)
# a sentence end lost its space ('… and Organizers.We have never …'): a capitalised word of three
# letters or more, or a two-letter pronoun or opener before a lower-case word, starts the next one
_GLUED_SHORT_OPENERS = r"(?:We|It|If|In|As|At|By|On|So|No|My|I|Do)"
_BOUNDARY_RE = re.compile(r"([.!?]+)([\"')\]]*)(?:\s+(?=[\"'(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]{2,}\b|"
                          + _GLUED_SHORT_OPENERS + r" [a-z]))")


RUN_IN_LEVEL = 6   # a run-in label ('Cookies. We use ...'): a sub-point that names a paragraph


@dataclass
class Sentence:
    text: str              # display text: inline markup removed, typography normalised
    key: str               # exact-match identity (case, punctuation and spacing ignored)
    section: int           # index of its section
    index: int = 0         # position in the document


@dataclass
class Section:
    title: str             # heading text as it appears (markup removed); "" for the preamble
    key: str
    level: int = 3         # 1-2 Markdown top levels ... 4 guessed plain lines, 5 glued, 6 run-in
    sentences: list[int] = field(default_factory=list)
    weak: bool = False     # a guessed plain line in sentence case: a heading only in documents
    #                        whose headings are written so (Document.sentence_case_headings)


@dataclass
class Document:
    sections: list[Section]
    sentences: list[Sentence]
    urls: list[str]
    date_stamp: str | None
    text: str              # all sentence texts, for entity extraction and similarity
    lower_case: bool = False  # the whole document is lower-cased (names lose their capitals)
    sentence_case_headings: bool = True  # plain headings in sentence case ('Information we collect')
    stamps: tuple[str, ...] = ()  # the date-stamp phrases cut out of the text ('Last updated: May 1, 2023')
    clean: str = ""        # the whole text as segmented: characters cleaned, hard wraps joined


_NON_WORD_RE = re.compile(r"[\W_]+")
# precompiled: segment() runs these per line or sentence, and re's own cache lookup showed
_LAST_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_SPACES_RE = re.compile(r"\s+")
_WORD_CHAR_RE = re.compile(r"\w")
_URL_IN_TEXT_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.I)


def _url_to_domain(m: re.Match[str]) -> str:
    return registrable_domain(m.group(0)) or ""


def exact_key(text: str) -> str:
    """Alphanumerics only, lower-cased: spacing, punctuation and markup never differ.

    URLs written in the text count only by their site: a help-page path or tracking parameter
    that changed is a link edit, not a change of meaning.
    """
    if "http" in text or "www." in text or "WWW." in text or "Http" in text:
        text = _URL_IN_TEXT_RE.sub(_url_to_domain, text)
    low = text.lower()
    if low.isascii():       # the same deletions by a table: several times faster
        return low.translate(_ASCII_NON_WORD)
    return _NON_WORD_RE.sub("", low)


# the ASCII characters _NON_WORD_RE deletes: all but letters and digits
_ASCII_NON_WORD = {i: None for i in range(128) if _NON_WORD_RE.match(chr(i))}


# a lost line break shows as a lower-case letter glued to a capitalised sentence starter
# ("Privacy PolicyAn updated version"); brand names ("ConnectSolutions", "PayPal") are not
_GLUED_LABEL_RE = re.compile(r'["“][^"”\n]{1,80}["”][A-Z][a-z]')
_GLUED_HEADING_RE = re.compile(r"(?<=[a-z]{3})(?=" + STARTERS + r" [A-Za-z])")
UI_LABEL_RE = re.compile(r"^(?:(?:back to top|expand|collapse|show more|read more|hide|show)\s*)+|"
                          r"(?:\s*(?:back to top|hide examples|show examples|expand|collapse))+$", re.I)
# a page's own controls on a line of their own: 'Was this page helpful?', 'Share this page', 'Print'
_WIDGET_LINE_RE = re.compile(r"(?i)\W*(?:was this (?:page|article|answer|information) helpful|"
                             r"(?:share|print|e-?mail|bookmark) (?:this|the) (?:page|article)|print|share|"
                             r"(?:back to|return to|go to) (?:the )?top(?: of (?:the )?page)?|top of page)\W*")


# a lower-case word glued to a capitalised one ('controlsActivity'); 'TimesPoints' is a brand
_GLUED_ANY_RE = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


def _split_glued_heading(title: str) -> list[str]:
    """'About this policyWhen this policy applies' or 'Privacy controlsActivity Controls' ->
    two headings (a scrape lost the break). Brands keep their capitals: each part must have two
    words, so 'YouTube Kids' or 'HubSpot Forms' stay whole."""
    for rx in (_GLUED_HEADING_RE, _GLUED_ANY_RE):
        parts = rx.split(title)
        if len(parts) == 2 and glued_inside_name(title, len(parts[0])):
            continue              # 'Consent to LinkedIn Processing Information About You': one title
        if len(parts) == 2 and all(len(p.split()) >= 2 for p in parts) and (
                rx is _GLUED_HEADING_RE or parts[0].split()[-1][:1].islower()):
            return [p.strip() for p in parts]
    return [title]


# a lower-case letter glued to a capital after a word of its own ('PolicyTerms'); a one-letter
# prefix before a capital is a product's name ('iCloud', 'iTunes', 'eBay'), never glue
_GLUE_STEP_RE = re.compile(r"[a-z]{2}[A-Z]")


# a site's marketing call to action kept around the policy ('Get started for free, or request a
# demo', 'Start your free trial'): a policy's own sentences never open so
_CALL_TO_ACTION_RE = re.compile(r"(?i)^\W*(?:(?:get started|sign up|start now|try(?: it| \w+)?)(?: (?:now|today))? for free\b|"
                                r"(?:start|begin) (?:your|a) free trial\b)")


def is_chrome(text: str) -> bool:
    """Glued navigation/menu text from scrapers ("ContentsIntroductionInformation we collect"),
    or a marketing call to action ('Get started for free')."""
    if _CALL_TO_ACTION_RE.match(text):
        return True
    glued = len(_GLUE_STEP_RE.findall(text))
    words = max(1, len(text.split()))
    if glued >= 3 and glued / words > 0.08:
        return True
    if text.count(" | ") >= 2 or text.count(" · ") >= 2:
        return True
    return False


# "See the updated version", "Read the new policy", "View archived versions": a pointer at
# another version of the document, which only banners announcing a date carry
_VERSION_CTA_RE = re.compile(
    r"(?i)^(?:please\s+)?(?:see|view|read|review|click here to (?:see|view|read)|download|go to|visit|check)\b"
    r".{0,60}\b(?:version|versions|policy|notice|statement|terms|changes|here)\b[^.!?]{0,30}[.!]?$")


def is_banner_link(sentence: str) -> bool:
    """A short call to look at another version ("See the updated version of the policy")."""
    return len(sentence.split()) <= 12 and bool(_VERSION_CTA_RE.match(sentence.strip()))


# a company's legal form or a street word ends a sentence when an ordinary sentence opener follows
# ('… processed by Apple Inc. Personal information collected …', '… 49 Spadina Ave. We use …');
# before a name it does not ('Acme Inc. Privacy Office', 'Spadina Ave. Suite 303')
_COMPANY_ENDS = frozenset({"inc", "ltd", "corp", "llc", "plc", "gmbh", "pvt", "pte", "bhd", "bros",
                           "ave", "blvd", "pkwy", "hwy", "rd", "ste", "st"})
# 'etc.' ends a list, and the list often ends its sentence ('… clothing, etc. We do not share …'):
# before a word that opens a sentence it is a stop, like a company's 'Inc.'
_MAY_END_SENTENCE = _COMPANY_ENDS | {"etc"}
_OPENER_RE = re.compile(r"(?:We|You|Your|Our|If|When|Personal|Information|This|These|Please|In|For|All|Any|Some|"
                        r"Such|It|They|Where|Unless|Except|However|Data)\s+[a-z]")


def _abbreviated_end(line: str, nxt: str) -> bool:
    """A hard wrap right after an abbreviation joined to a name ('… certified under the EU-U.S.' /
    'Privacy Shield developed by …'): the line does not end its sentence when the split rule
    would not cut there either."""
    if not line.endswith(".") or not nxt[:1].isupper():
        return False
    return len(split_sentences(line[-40:] + " " + nxt[:40])) == 1 and bool(re.search(r"-(?:[A-Z]\.){2,}$", line))


def split_sentences(paragraph: str, lower_case: bool = False) -> list[str]:
    """Split on ., ! or ? followed by a capital, unless the word before is an abbreviation.

    lower_case: the document has no capitals at all (some scrapes lower-case everything), so
    any word may start a sentence.
    """
    out: list[str] = []
    start = 0
    for m in (_LOWER_BOUNDARY_RE if lower_case else _BOUNDARY_RE).finditer(paragraph):
        end = m.end(2)
        before = paragraph[start:m.start(1)]
        word = _LAST_WORD_RE.search(before)
        if m.group(1) == "." and word:
            w = word.group(1).lower().rstrip(".")
            if (w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w)) \
                    and not (w in _MAY_END_SENTENCE and _OPENER_RE.match(paragraph, m.end())):
                continue
        piece = paragraph[start:end].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out if lower_case or "We " not in paragraph and "You " not in paragraph else \
        [part for piece in out for part in _split_run_in_title(piece)]


# 'This Privacy Policy covers the following: Information We Collect We may collect …': a capital
# 'We' or 'You' before a lower-case verb starts a sentence; the capitalised word before it ends a
# heading or a list of contents the scrape ran into the text without a stop
_TITLE_THEN_SUBJECT_RE = re.compile(r"(?<=\b[A-Z][a-z])(?:[a-z]*) (?=(?:We|You) [a-z]{2,}\b)")


def _split_run_in_title(piece: str) -> list[str]:
    """piece cut before each 'We'/'You' sentence run on after a capitalised word."""
    parts, start = [], 0
    for m in _TITLE_THEN_SUBJECT_RE.finditer(piece):
        if len(piece[start:m.end()].split()) >= 2:
            parts.append(piece[start:m.end()].strip())
            start = m.end()
    return parts + [piece[start:].strip()] if parts else [piece]



LIST_ITEM_CHARS = 90   # a longer line after a list ends the list: it is a paragraph again
_LIST_INTRO_WORDS = 4


def _introduces_list(line: str) -> bool:
    """'Your location can be determined by:': a sentence that a list of short lines follows
    (a short label such as 'Contact us:' is a heading, not a list's lead-in)."""
    return line.endswith(":") and len(line.split()) >= _LIST_INTRO_WORDS


def _titled(line: str, nxt: str) -> bool:
    """A Title Case line of two words or more over a sentence: after a paragraph ending in ':'
    it is rather the next heading than the first item of a list ('... comments on our
    practices:' then 'Corporate Headquarters' over 'Our headquarters are located at:')."""
    return (len(line.split()) >= 2 and title_case(line) and is_title_line(line)
            and nxt.rstrip()[-1:] in (".", ":", "!", "?"))


def _list_line(line: str, nxt: str) -> bool:
    """A short line that can be an item of an unbulleted list: not an ALL CAPS heading, not a
    paragraph of its own, not a Title Case line over a paragraph (the heading after a list of
    addresses or names: 'Policy Updates')."""
    if len(line) >= LIST_ITEM_CHARS or is_caps_heading(line):
        return False
    return not (title_case(line) and is_title_line(line) and len(nxt.strip()) >= LIST_ITEM_CHARS)


_WRAP_MIN_LINES = 8
_WRAP_MAX_WIDTH = 100
_WRAP_SLACK = 10
_WRAP_OVERRUN = 40       # a wrapper leaves a long word or web address whole, never a paragraph
_BLOCK_START_RE = re.compile(r"^\s*(?:#|\||>|[*+\-\u2022]\s|\d{1,3}[.)]\s|[=\-]{3,}\s*$)")


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when it is not hard-wrapped: most
    lines of a wrapped text end a few characters short of one width. A few longer lines (a
    web address, a table row the wrapper left alone) do not count against it."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    short = [n for n in lengths if n <= _WRAP_MAX_WIDTH]
    if len(short) < _WRAP_MIN_LINES or len(short) < 0.85 * len(lengths):
        return None
    width = short[int(0.95 * (len(short) - 1))]
    if width < 40:
        return None
    # short lines (menus, headings, list items) say nothing of a wrap: of the lines at least
    # half as long as the width, most end near it
    longish = [n for n in short if n >= width // 2]
    near = sum(1 for n in longish if width - 20 <= n <= width)
    return width if len(longish) >= _WRAP_MIN_LINES and near >= 0.6 * len(longish) else None


_RUN_MIN_LINES = 3
_RUN_MIN_WIDTH = 60


def run_widths(lines: list[str]) -> list[int | None]:
    """The wrap width of each line's run when the text as a whole has none: a page whose
    paragraphs were wrapped by different tools (some at 70 columns, some at 79, some not at
    all) is wrapped run by run. A run is a stretch of consecutive lines no longer than a wrap
    can be; it was wrapped at its widest line when it has a few lines and most of them end
    near that width (a menu or a list of short items has no width: its lines are short; one
    line of a long run may run over, as wrappers leave a long word or a link whole)."""
    widths: list[int | None] = [None] * len(lines)
    k = 0
    while k < len(lines):
        if not lines[k].strip() or len(lines[k].rstrip()) > _WRAP_MAX_WIDTH:
            k += 1
            continue
        end = k
        while end < len(lines) and lines[end].strip() and len(lines[end].rstrip()) <= _WRAP_MAX_WIDTH:
            end += 1
        lengths = [len(line.rstrip()) for line in lines[k:end]]
        width = sorted(lengths)[-2] if len(lengths) >= 6 else max(lengths)    # one line may run over
        near = sum(1 for n in lengths[:-1] if n >= width - _WRAP_SLACK * 2)
        # and a wrap cuts sentences: most of its lines end inside one, and one at least goes on
        # in lower case on the next line (lines that each end a sentence, or a list of items
        # each starting with a capital, are no wrapped paragraph, whatever their length)
        cut = sum(1 for line in lines[k:end - 1] if line.rstrip()[-1:] not in ".!?:;")
        lower = any(line.lstrip()[:1].islower() for line in lines[k + 1:end])
        if len(lengths) >= _RUN_MIN_LINES and width >= _RUN_MIN_WIDTH and near >= 0.6 * (len(lengths) - 1) \
                and cut >= max(2, 0.5 * (len(lengths) - 1)) and lower:
            widths[k:end] = [width] * (end - k)
        k = end
    return widths


_CUT_MIN_WIDTH = 60         # a line this long is prose, not a menu item, a heading or a list entry
# a line of prose this long that ends on a word a sentence never ends on was cut by a wrap
_DANGLING_MIN_WIDTH = 30
_DANGLING_END_RE = re.compile(r"(?<![\w-])(?:and|or|nor|of|to|the|a|an|for|with|in|on|at|by|from|that|which|who|"
                              r"your|our|their|its|his|her|this|these|those|such|as|than|into|about|via|including)$")
# a match ends the line, so it starts within this many characters of the end ('including' and more):
# only the line's end is searched (re tries the look back at every position of a long line otherwise)
_DANGLING_END_REACH = 12
# a line going on with a lower-case word ('sell, license …'), never a web address ('http://…', 'www.…')
_GOES_ON_RE = re.compile(r"\s*[a-z][a-z'-]*(?:[ ,;]|$)")


def _cut_mid_sentence(line: str, nxt: str) -> bool:
    """Was a long line cut inside a sentence, whatever wrapped it: it ends without a stop and the
    next line goes on in lower case ('… Verizon does not' / 'sell, license or share …'). A page
    mixing wrapped and unwrapped paragraphs, or wrapped between headings and 'Read more' links,
    has no run width, yet each such cut is a wrap (and in Markdown the same paragraph)."""
    prev = line.rstrip()
    goes_on = nxt.rstrip()
    if len(prev) >= _DANGLING_MIN_WIDTH and _DANGLING_END_RE.search(prev, max(0, len(prev) - _DANGLING_END_REACH)) \
            and _GOES_ON_RE.match(nxt) \
            and not _BLOCK_START_RE.match(nxt):
        return True    # '… about Verizon products and' / 'services': no line of prose ends on 'and'
    # the next line ends the sentence or is cut in turn: a short 'back to top' after a list item is chrome
    return len(prev) >= _CUT_MIN_WIDTH and prev[-1:] not in ".!?:;|" and bool(_GOES_ON_RE.match(nxt)) \
        and not _BLOCK_START_RE.match(nxt) and (goes_on[-1:] in ".!?" or len(goes_on) >= _CUT_MIN_WIDTH)


def unwrap(text: str) -> str:
    """Join the lines of a hard-wrapped text back into its paragraphs: a line is continued on
    the next when the next line's first word would not have fitted on it, so re-wrapping a
    policy at another width (or not at all) never changes its blocks. Short lines (list items,
    headings, addresses) and Markdown block syntax are left alone. A full line that ends a
    sentence before a short line stays apart: the short line may be a heading."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    width = wrap_width(lines)
    widths = [width] * len(lines) if width is not None else run_widths(lines)
    if not any(widths) and not any(_cut_mid_sentence(a, b) for a, b in zip(lines, lines[1:])):
        return text

    def full(k: int) -> bool:
        """Line k was cut by the wrap: the next line's first word did not fit on it (give or
        take a few characters when the line ends mid-sentence: the wrapper may have counted
        an entity or markup the scrape wrote otherwise)."""
        nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
        line = lines[k].rstrip()
        slack = 0 if line[-1:] in ".!?:" else _WRAP_SLACK
        w = widths[k]
        # a line far longer than the width was not cut by that wrap: a paragraph on one line
        # in a page whose menus set the width ('… through other means' / 'What personally …?')
        return bool(nxt) and w is not None and len(line) <= w + _WRAP_OVERRUN \
            and len(line) + 1 + len(nxt.split(" ", 1)[0]) > w - slack

    out: list[str] = [lines[0]]
    for k in range(1, len(lines)):
        prev, line = lines[k - 1].rstrip(), lines[k]
        if prev and (full(k - 1) or _cut_mid_sentence(prev, line)) and not _BLOCK_START_RE.match(line) \
                and not ATX_RE.match(prev) and not (prev[-1:] in ".!?" and line.strip()[:1].isupper() and not full(k)):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _next_text_line(lines: list[str], i: int) -> str:
    """The first line with text after line i (within a few lines), or ''."""
    for k in range(i + 1, min(len(lines), i + 5)):
        if lines[k].strip():
            return lines[k]
    return ""


def _blocks(text: str) -> list[tuple[str, str]]:
    """Raw lines -> [('h', title) | ('p', paragraph) | ('nav', '')] with inline markup intact."""
    lines = text.split("\n")
    out: list[tuple[str, str]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(("p", " ".join(p.strip() for p in para)))
            para.clear()

    i = 0
    n = len(lines)
    joined_by_break = in_list = marked = False
    last_line, last_at = "", 0   # the last paragraph line, across blank lines: a list's lead-in
    while i < n:
        # only an explicit '\\' break joins lines: trailing spaces are invisible, and the same page
        # extracted as plain text has a bare line break there (html2text writes '  ' for <br>)
        hard_break = lines[i].endswith("\\") and bool(lines[i].strip())
        raw = lines[i].rstrip().rstrip("\\")
        line = _QUOTE_RE.sub("", raw) if ">" in raw else raw
        nxt = lines[i + 1] if i + 1 < n else ""
        if not line.strip():
            flush()
            joined_by_break = False   # an unmarked list may be written with blank lines between its
            in_list = in_list and not marked   # items; a Markdown list ends at a blank line
            i += 1
            continue
        # the next line with text: the context of a line is the same whether the text puts
        # blank lines between its paragraphs or not (two extractors of one page differ so)
        after = nxt if nxt.strip() else _next_text_line(lines, i)
        m = ATX_RE.match(line)
        if m:
            flush()
            out.append(("h" + str(len(m.group(1))), m.group(2)))
            i += 1
            continue
        if _SETEXT_RE.match(nxt) and not para and line.strip():
            out.append(("h" + ("1" if nxt.strip()[:1] == "=" else "2"),
                        LIST_RE.sub("", line.strip(), count=1) if line.lstrip()[:1] in "*+-" else line.strip()))
            i += 2
            continue
        if _HR_RE.match(line) or _TABLE_SEP_RE.match(line) or _BARE_NUMBER_RE.match(line):
            flush()     # a rule, a table separator or a bare section number ends the block
            i += 1
            continue
        if line.lstrip().startswith("|") and line.rstrip().endswith("|") and line.count("|") >= 2:
            flush()
            for cell in line.strip().strip("|").split("|"):
                if cell.strip():
                    out.append(("p", cell.strip()))
            i += 1
            continue
        if _BOLD_LINE_RE.match(line):
            flush()
            out.append(("h3", line.strip()))
            i += 1
            continue
        if is_numbered_heading(line, after, prev_line(lines, i)):
            flush()
            out.append(("h4", line.strip()))
            i += 1
            continue
        if LIST_RE.match(line):
            flush()
            item = LIST_RE.sub("", line, count=1).strip()
            # a list item may wrap onto following indented lines
            while i + 1 < n and lines[i + 1].strip() and lines[i + 1].startswith((" ", "\t")) \
                    and not LIST_RE.match(lines[i + 1]):
                i += 1
                item += " " + lines[i].strip()
            out.append(("li", item))
            in_list = marked = True     # short unmarked lines right after a bulleted item are items too
            i += 1
            continue
        stripped = " ".join(line.split())
        if UI_LABEL_RE.fullmatch(stripped) or _WIDGET_LINE_RE.fullmatch(stripped):
            flush()     # 'back to top', 'Show more': a control, and it must not glue blocks together
            i += 1
            continue
        if (in_list or (len(out) - last_at <= 1 and _introduces_list(last_line) and not _titled(stripped, after))) \
                and _list_line(stripped, after):
            flush()     # 'We locate you by:' then 'GPS', 'IP address': unbulleted items, not headings
            out.append(("li", stripped))
            in_list, marked = True, False
            i += 1
            continue
        in_list = False
        if para and not joined_by_break and starts_block(stripped, nxt):
            flush()     # a title line between paragraphs is a heading even after an unclosed line
        if not para:
            para.append(stripped)
        elif joined_by_break and not is_caps_heading(para[-1]):
            para[-1] = para[-1] + " " + stripped   # Markdown hard break: same block (an address)
        else:
            prev = para[-1]
            # a line break ends a block unless the next line plainly continues the sentence
            # (hard-wrapped texts were joined by unwrap()): so the blocks are the same whether
            # an extractor put blank lines between paragraphs or single line breaks
            continuation = (stripped.lstrip("[(\"'*_")[:1].islower() and prev[-1:] not in ".!?:;") \
                or _abbreviated_end(prev, stripped)
            if not continuation:
                flush()
            para.append(stripped)
        joined_by_break = hard_break
        last_line, last_at = stripped, len(out)
        i += 1
    flush()
    return out


# a heading the scrape glued between two sentences: '...those programs.Source of your personal
# information where they are not collected from youWe may have ...'

def _section_event(out: list[tuple], title: str, level: int = 3, guessed: bool = False) -> None:
    """A heading starts a section unless it is glued menu text or has no words."""
    title = UI_LABEL_RE.sub("", title).strip()
    if is_chrome(title) or len(CASE_STEP_RE.findall(title)) >= 2:
        return   # glued menu text, not a heading
    key = heading_key(title)
    if not key:
        return
    out.append(("section", title, key, level, guessed and sentence_cased(title)))


@lru_cache(maxsize=8192)
def _block_events(kind: str, body: str, lower_doc: bool) -> tuple[tuple, ...]:
    """What one block adds to a Document, in order: ("section", title, key, level, weak),
    ("sentence", text, key), ("stamp", text), ("url", url), ("dated", heading). A pure function
    of the block, memoised: the two versions of a change share almost all their blocks, and
    segment() replays the events of each block into its sections and sentences."""
    out: list[tuple] = []
    if len(_GLUED_LABEL_RE.findall(body)) >= 8:
        out += [("stamp", x) for x in cut_stamps(body)[1]]   # the page's stamp may be glued into the skipped block
        return tuple(out)  # tooltip/glossary pop-ups scraped inline: 'Example "x"For example, ...'
    inline = strip_inline(body)
    if is_archive_wrapper(inline.text):
        return tuple(out)  # '… archived on 2019-06-10. Please check the original snapshot …'
    out += [("url", u) for u in inline.urls]
    if inline.link_only and not any(u.lower().startswith(("mailto:", "tel:")) for u in inline.urls):
        return tuple(out)  # navigation, table of contents, language list (but an e-mail link is a contact)
    clean = _SPACES_RE.sub(" ", inline.text.replace("[", "").replace("]", "")).strip(" *_#>|-")
    if not clean or not _WORD_CHAR_RE.search(clean):
        return tuple(out)
    if kind in ("p", "li"):
        run_in = run_in_label(clean)
        if run_in and (kind == "p" or title_case(run_in[0])):
            _section_event(out, run_in[0], RUN_IN_LEVEL)
            clean = run_in[1]
    if kind == "p":
        glued = GLUED_PREFIX_RE.match(clean)
        if glued and is_title_line(glued.group(1)) and len(clean) > len(glued.group(1)) + 20 \
                and not glued_inside_name(clean, glued.end(1)):
            _section_event(out, glued.group(1), 4)     # 'Welcome to the PolicyAn updated version...'
            clean = clean[glued.end(1):]
    if kind.startswith("h") or (kind == "p" and is_plain_heading(clean) and "@" not in clean
                                and CF_PLACEHOLDER not in inline.text and not _URL_IN_TEXT_RE.search(clean)
                                and not inline.text.rstrip().endswith("|")):
        # (a line with an e-mail address or a web address is a contact, not a guessed heading;
        # one ending in a bar an item of a menu: 'Contacts & Feedback |')
        level = int(kind[1:]) if kind.startswith("h") else (3 if is_caps_heading(clean) else 4)
        if is_date_stamp(clean) and not DATE_RE.fullmatch(clean.strip()):
            out.append(("stamp", clean))
            return tuple(out)
        clean, glued_stamps = cut_stamps(clean)    # 'Data Policy Date of Last Revision: May 1, 2015'
        out += [("stamp", x) for x in glued_stamps]
        if DATE_RE.fullmatch(clean.strip()):
            out.append(("dated", clean.strip()))   # a change log's entries: '**March 31, 2024**'
        for part in _split_glued_heading(clean):
            _section_event(out, part, level, guessed=kind == "p")
        return tuple(out)
    after_stamp = False
    for sent in split_sentences(clean, lower_doc):
        if is_date_stamp(sent):
            out.append(("stamp", sent))
            after_stamp = True
            continue
        sent, glued_stamps = cut_stamps(sent)      # 'Privacy PolicyLast updated: May 1, 2018.We ...'
        out += [("stamp", x) for x in glued_stamps]
        if not _WORD_CHAR_RE.search(sent):
            continue
        if after_stamp and is_banner_link(sent):
            continue   # 'Updated on May 25, 2018. See the updated version': the banner's link
        after_stamp = False
        if is_copyright(sent) or is_chrome(sent):
            if is_copyright(sent):
                out.append(("copyright",))     # the lines right after it are the footer's
            head = re.split(r" [|·] ", sent, maxsplit=1)[0]
            if head != sent and is_date_stamp(head):
                out.append(("stamp", head))    # 'Effective May 1, 2023 | Archived versions | PDF'
            continue
        key = exact_key(sent)
        if not key:
            continue
        out.append(("sentence", sent, key))
    return tuple(out)


# a footer's line under the copyright notice holds at most this many sentences, each a legal
# notice of the company ('Acme is a registered ISO of …', 'The Acme Dog is a trademark of …',
# 'Registered in England No. 123'); a policy's sentence says 'we' or 'you', or speaks of data
FOOTER_LINE_SENTENCES = 2
_NOTICE_RE = re.compile(r"(?i)\b(?:trademarks?|is a registered|are registered|registered (?:in|office|with|iso|msp)|"
                        r"member fdic|company (?:no|number|registration)|licensed by)\b")
_POLICY_LINE_RE = re.compile(r"(?i)\b(?:we|us|our|you|your|personal|information|data|privacy|cookies?|"
                             r"collect\w*|process\w*|shar\w+|disclos\w*|third[- ]part\w*)\b")


def _footer_line(events: tuple[tuple, ...]) -> bool:
    """Are a block's events a footer's line: a sentence or two, each a legal notice of the
    company, with no 'we' or 'you' in them and no word of data or privacy?"""
    said = [e[1] for e in events if e[0] == "sentence"]
    return 0 < len(said) <= FOOTER_LINE_SENTENCES and all(
        _NOTICE_RE.search(t) and not _POLICY_LINE_RE.search(t) for t in said)


def _footer_from(events: tuple[tuple, ...], under_notice: bool) -> int:
    """Where a block's footer lines start (len(events) for none): all of it when the block
    right under a copyright notice is a footer's line, else the sentences after a copyright
    notice inside the block when they are ('© 2006 Acme. All rights reserved. The Acme logo is
    a trademark of Acme Brands, Inc.')."""
    if under_notice and _footer_line(events):
        return 0
    notice = max((i for i, e in enumerate(events) if e[0] == "copyright"), default=None)
    if notice is not None and _footer_line(events[notice + 1:]):
        return notice + 1
    return len(events)


_HTML_COMMENT_RE = re.compile(r"<!--[\s\S]{0,2000}?-->")
# a link whose text a scrape wrote on lines of its own ('[\n    GENERAL PRIVACY POLICY\n    ](#)'):
# one link, the same as '[GENERAL PRIVACY POLICY](#)'; never its target alone as a line of text
_SPLIT_LINK_RE = re.compile(r"\[[ \t]*\n\s*([^\[\]\n]{1,300}?)[ \t]*\n\s*\]\(")


def join_split_links(text: str) -> str:
    """'[\n  Title\n  ](url)' -> '[Title](url)'; only when a '[' ends a line."""
    return _SPLIT_LINK_RE.sub(r"[\1](", text) if "](" in text else text


def segment(text: str) -> Document:
    """Parse one version into sections and sentences (noise dropped, stamps kept aside)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<!--" in text:
        text = _HTML_COMMENT_RE.sub(" ", text)     # page source ('<!-- show\nhide-->'), never shown
    text = drop_furniture(text)     # a consent manager's panel, a menu of in-page anchor links
    text = deobfuscate_emails(clean_chars(unwrap(join_split_links(text))))
    text = text.replace("\t", " ")
    head = text[:20000]
    letters = sum(map(str.isalpha, head))        # map: C speed, same count as a generator
    lower_doc = letters > 200 and sum(map(str.isupper, head)) < letters * 0.005
    sections: list[Section] = [Section("", "")]
    sentences: list[Sentence] = []
    urls: list[str] = []
    stamps: list[str] = []
    dated_headings: list[str] = []

    blocks = unglue(_blocks(text), text_subjects(text))
    sentence_case_ok = sentence_case_headings(blocks)
    footer = False          # the block before ended with a copyright notice
    for kind, body in blocks:
        events = _block_events(kind, body, lower_doc)
        cut = _footer_from(events, footer and kind == "p")
        footer = False
        for at, event in enumerate(events):
            what = event[0]
            if what == "copyright":
                footer = True
                continue
            if what == "sentence":
                footer = False
                if at >= cut:
                    continue     # 'Acme is a registered ISO of Wells Fargo Bank' under '© 2020 Acme'
                sentences.append(Sentence(event[1], event[2], len(sections) - 1, len(sentences)))
                sections[-1].sentences.append(len(sentences) - 1)
            elif what == "section":
                sections.append(Section(event[1], event[2], event[3], weak=event[4]))
            elif what == "stamp":
                stamps.append(event[1])
            elif what == "url":
                urls.append(event[1])
            else:
                dated_headings.append(event[1])
    if not sections[0].sentences and len(sections) > 1:
        pass  # keep the empty preamble: section indices stay stable
    # "last updated/modified" stamps describe this version; "takes effect on" banners may
    # announce the next one, so they only count when nothing else is there
    preferred = [x for x in stamps if re.search(
        r"(?i)last\s+(?:updated|modified|revised|amended|changed)|(?:updated|revised|modified)\s*(?:on\b|:)", x)]
    stamp = stamp_date((preferred or stamps)[0]) if stamps else latest_date(dated_headings)
    return Document(sections, sentences, urls, stamp, "\n".join(s.text for s in sentences), lower_doc,
                    sentence_case_ok, tuple(stamps), text)
