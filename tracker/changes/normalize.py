"""Normalisation: make two versions comparable by removing what never carries meaning.

Scraped policies differ in ways a reader never notices: link targets and tracking parameters,
Markdown emphasis, list numbering, smart punctuation, hard wrapping, "last updated" stamps,
copyright years, navigation chrome. Everything here runs on both sides before alignment, so
that noise can never turn into a reported change.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

# --- character level -------------------------------------------------------------------------

_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    "\u200e": "", "\u200f": "", "\u202a": "", "\u202b": "", "\u202c": "",
}
_CHAR_ORDER = tuple(_CHAR_MAP)


def clean_chars(text: str) -> str:
    """Unicode NFKC plus plain quotes/dashes, so typography never counts as a change."""
    if "&" in text:
        # scraped pages keep HTML entities ('Espa&ntilde;ol', 'Help &#124; Cart'); only complete
        # ones with ';' are decoded, so '&region=' in a URL stays as written
        text = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
    if text.isascii():
        return text   # every rewrite below maps non-ASCII characters only
    # str.translate looks up every character; replacing only the few mapped characters present
    # gives the same text (replacements are ASCII, so no order effects) several times faster
    # (and a substring test per mapped character is faster than a set of the text's characters)
    for ch in _CHAR_ORDER:
        if ch in text:
            text = text.replace(ch, _CHAR_MAP[ch])
    if not unicodedata.is_normalized("NFKC", text):    # the quick check: most pages need no rewrite
        text = unicodedata.normalize("NFKC", text)
    # icon-font glyphs (private use area) and other invisible format characters, all above
    # U+00FF: a text that Latin-1 can encode holds none of them
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        return _INVISIBLE_RE.sub("", text)


_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INVISIBLE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\u2028\u2029\u180e]")


# --- Markdown inline syntax ------------------------------------------------------------------

_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
# [text](url "title") ; text may contain one level of nested brackets, the url one level of
# parentheses ('javascript:void(0);', 'https://en.wikipedia.org/wiki/Cookie_(disambiguation)'): cut
# at its first ')', the rest of the link ('; "Import address book …")') read as a sentence
_LINK_RE = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
_REF_DEF_RE = re.compile(r"^\s*\[[^\]]+\]:\s+\S+.*$", re.M)
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
_ANCHOR_ATTR_RE = re.compile(r"\{#[^}\n]*\}")
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_EM_UND_RE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE_RE = re.compile(r"~~(.+?)~~")
_CODE_RE = re.compile(r"`([^`\n]*)`")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.I)


@dataclass
class InlineResult:
    text: str
    urls: list[str] = field(default_factory=list)
    link_only: bool = False   # the line was nothing but links (navigation, TOC, language list)


def strip_inline(line: str) -> InlineResult:
    """Remove inline Markdown (links keep their text, targets are collected for domains).

    Each rewrite runs only when its marker character is present: most lines of a long policy
    carry no markup at all, and the regexes dominate the cost otherwise.
    """
    urls: list[str] = []
    line = _ESCAPE_RE.sub(r"\1", line) if "\\" in line else line
    link_only = False
    if "](" in line or "<" in line:
        line = _IMAGE_RE.sub(" ", line)
        link_texts: list[str] = []

        def _autolink(m: re.Match[str]) -> str:
            urls.append(m.group(1))
            return m.group(1)

        line = _AUTOLINK_RE.sub(_autolink, line)

        def _link(m: re.Match[str]) -> str:
            urls.append(m.group(2))
            link_texts.append(m.group(1))
            return "\x00" + m.group(1) + "\x01"

        prev = None
        while prev != line and "](" in line:  # nested links such as [[x](a)](b)
            prev = line
            line = _LINK_RE.sub(_link, line)
        if link_texts:
            residue = re.sub(r"\x00[^\x00\x01]*\x01", "", line)
            residue = re.sub(r"[\s*_•|·,\-–/>#]+", "", residue)
            link_only = not residue
            line = line.replace("\x00", "").replace("\x01", "")
    if "{#" in line:
        line = _ANCHOR_ATTR_RE.sub("", line)
    if "<" in line:
        line = _HTML_TAG_RE.sub(" ", line)
    if "*" in line or "_" in line:
        for _ in range(2):
            line = _BOLD_RE.sub(r"\2", line)
        line = _EM_STAR_RE.sub(r"\1", line)
        line = _EM_UND_RE.sub(r"\1", line)
    if "~~" in line:
        line = _STRIKE_RE.sub(r"\1", line)
    if "`" in line:
        line = _CODE_RE.sub(r"\1", line)
    if "http" in line or "www." in line or "WWW." in line:
        linked = set(urls)        # a link whose words are its own address is one link, not two
        urls.extend(u.group(0) for u in _URL_RE.finditer(line) if u.group(0) not in linked)
    return InlineResult(line, urls, link_only)


# --- e-mail de-obfuscation -------------------------------------------------------------------

# spaces only, never a line break: an address does not run into the next paragraph
_OBF_DOMAIN = r"([A-Za-z0-9-]+(?:[ \t]*(?:\[dot\]|\(dot\)|\{dot\}|[ \t]+dot[ \t]+|\.)[ \t]*[A-Za-z0-9-]+)+)\b"
# the bracketed forms first, apart: a spelled-out ' at ' in the prose before an address ('email at
# UKrepresentative.Wikimedia (at) twobirds (dot) com') would otherwise take the text it needs
_OBF_EMAIL_RES = (
    re.compile(r"\b([A-Za-z0-9._%+-]+)[ \t]*(?:\[at\]|\(at\)|\{at\}|<at>)[ \t]*" + _OBF_DOMAIN, re.I),
    re.compile(r"\b([A-Za-z0-9._%+-]+)[ \t]+at[ \t]+" + _OBF_DOMAIN, re.I),
)
# Cloudflare's e-mail placeholder, where its script puts an address back in a browser: a Markdown
# link to /cdn-cgi/l/email-protection ('[\\[email&#160;protected\\]](/cdn-cgi/…)', with the part of
# the address it left in place: '[windstr\\[email protected\\]](…)', '[\\[email protected\\]×8.com](…)')
# or text, its brackets escaped or not. The one pattern: hidden.py gives it back the address the
# other capture shows, deobfuscate_emails writes what is left as CF_PLACEHOLDER
CF_PLACEHOLDER_RE = re.compile(r"\[[^\[\]\n]{0,40}?\\?\[\s*email(?:\s|&#160;)*protected\s*\\?\][^\[\]\n]{0,40}\]\([^)\n]*\)|"
                               r"\\?\[\s*email(?:\s|&#160;)*protected\s*\\?\]", re.I)
# a word every placeholder holds: a text without it holds none
CF_PLACEHOLDER_HINT = "protected"
# every form of the placeholder left (no capture shows the address) is written as this one text,
# which the rules know as no address ('email protected'): the same in both captures, with no link
CF_PLACEHOLDER = "[email protected]"


# the link target of a placeholder written as a link: its site is the company's own, its fragment
# (the hidden address, encoded anew in every capture) is not kept
_CF_TARGET_RE = re.compile(r"\]\(\s*([^)#\s]*)[^)\n]*\)$")


def _placeholder_as_one(m: re.Match[str]) -> str:
    """CF_PLACEHOLDER for any form of Cloudflare's placeholder; a link keeps its target without the
    fragment ('[\\[email protected\\]](https://acme.com/cdn-cgi/l/email-protection#a1b2)' ->
    '[[email protected]](https://acme.com/cdn-cgi/l/email-protection)'): the site the page links
    to is evidence of whose policy it is, the same in both captures."""
    target = _CF_TARGET_RE.search(m.group(0))
    return f"[{CF_PLACEHOLDER}]({target.group(1)})" if target and target.group(1) else CF_PLACEHOLDER


_ESCAPED_AT_RE = re.compile(r"\\([\[(])(at|dot)\\([\])])", re.I)


def deobfuscate_emails(text: str) -> str:
    """'jane [at] example [dot] com' -> jane@example.com; Cloudflare's placeholder -> '[email protected]'.

    Only bracketed forms (or ' at ' + ' dot ') are rewritten, so prose such as 'look at this'
    is never mistaken for an address.
    """
    if CF_PLACEHOLDER_HINT in text.lower():
        text = CF_PLACEHOLDER_RE.sub(_placeholder_as_one, text)
    if "\\" in text:
        text = _ESCAPED_AT_RE.sub(r"\1\2\3", text)   # Markdown's 'privacy\[at\]example.org'
    low = text.lower()
    bracket_at, dot = any("at" + c in low for c in "])}>"), "dot" in low
    if not dot and not bracket_at:
        return text   # _fix below changes nothing without a bracketed 'at' or a 'dot'

    def _fix(m: re.Match[str]) -> str:
        whole = m.group(0)
        bracketed = re.search(r"[\[({<]at[\])}>]", whole, re.I)
        dotted = re.search(r"[\[({]dot[\])}]|[ \t]+dot[ \t]+", m.group(2), re.I)
        if not (bracketed or dotted):
            return whole
        domain = re.sub(r"[ \t]*(?:\[dot\]|\(dot\)|\{dot\}|[ \t]+dot[ \t]+|\.)[ \t]*", ".", m.group(2), flags=re.I)
        if "." not in domain:
            return whole
        return f"{m.group(1)}@{domain}"

    # an address never spans lines (no pattern admits a line break, and a line break is a
    # non-word character for \b as the ends of a line are), so only the lines that hold what a
    # rewritten match needs are searched: a bracketed 'at' for the first pattern; a bracketed
    # or spaced 'dot' for the second, whose other matches are given back unchanged
    for rx, needed, present in zip(_OBF_EMAIL_RES, _OBF_NEEDS, (bracket_at, dot)):
        if present:
            lines = _lines_matching(needed, text)
            if lines:
                split = text.split("\n")
                for k in lines:
                    split[k] = rx.sub(_fix, split[k])
                text = "\n".join(split)
    return text


def _lines_matching(needed: "re.Pattern[str]", text: str) -> list[int]:
    """The indexes of the lines of text (split at '\n') that needed finds something in, found by
    one scan of the whole text; needed never matches across a line break, so each line holding
    a match of its own holds one the scan finds (a per-line search was a Python step a line)."""
    found: list[int] = []
    line, last = 0, 0
    for m in needed.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


# (the letters spelled in both cases: the same matches as re.I, which makes the scan slower)
_OBF_NEEDS = (re.compile(r"\[[aA][tT]\]|\([aA][tT]\)|\{[aA][tT]\}|<[aA][tT]>"),
              re.compile(r"[\[({][dD][oO][tT][\])}]|[ \t][dD][oO][tT][ \t]"))


# --- date stamps and copyright ---------------------------------------------------------------

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE_RE = re.compile(
    rf"(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?\s+\d{{4}}"
    rf"|{_MONTHS},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})",
    re.I,
)
_STAMP_WORDS_RE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=L))(?:[Ll]ast\s+(?:updated|modified|revised|amended|changed|reviewed)|effective(?:\s+date|\s+as\s+of|\s+on|\s+from)?|"
    r"(?:date\s+of\s+)?(?:last\s+)?revision\s+date|updated(?:\s+on|\s+as\s+of)?|revised(?:\s+on)?|"
    r"version\s+date|date\s+of\s+last\s+revision|in\s+effect\s+(?:as\s+of|since)|valid\s+(?:from|as\s+of)|"
    r"published(?:\s+on)?|posted(?:\s+on)?|(?:will\s+)?takes?\s+effect(?:\s+on)?|comes?\s+into\s+effect|"
    # the same stamps in the other languages policies are published in ('Mise à jour : 05/12/2023',
    # 'Stand: 01.03.2024', 'Última actualización: 3/5/2024', 'Ultimo aggiornamento', 'Laatst bijgewerkt')
    r"mise?\s+(?:a|à)\s+jour|en\s+vigueur|stand(?=\s*:)|(?:zuletzt\s+)?aktualisiert|g(?:u|ü)ltig\s+ab|"
    r"(?:(?:u|ú)ltima\s+)?actualizaci(?:o|ó)n|actualizad[oa]|aggiornat[oa]|(?:ultimo\s+)?aggiornamento|"
    r"(?:laatst\s+)?bijgewerkt|atualizad[oa]|(?:(?:u|ú)ltima\s+)?atualiza(?:ç|c)(?:ã|a)o)\b",
    re.I,
)
_HAS_DIGIT = re.compile(r"\d").search
_SPACES_RE = re.compile(r"\s+")
_COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|\bcopyright\b)", re.I)


_ARCHIVE_RE = re.compile(r"(?i)\b(?:archived|captured|retrieved|snapshot taken|crawled)\s+(?:on|at)\s*$")


_ARCHIVE_NOTE_RE = re.compile(r"(?i)\b(?:original snapshot|wayback machine|web\.archive\.org|"
                              r"extracted and transformed from|archived (?:copy|version))")


def is_archive_wrapper(block: str) -> bool:
    """An archive's wrapper line ('The following text is extracted and transformed from the
    example.com privacy policy that was archived on 2019-06-10. Please check the original
    snapshot …'): it dates the copy, not the policy, so it is neither content nor a date stamp."""
    if len(block) > 600 or not _HAS_DIGIT(block):
        return False
    m = DATE_RE.search(block)
    return bool(m and _ARCHIVE_RE.search(block[:m.start()]) and
                (_ARCHIVE_NOTE_RE.search(block) or len(block) <= 120))


def is_date_stamp(sentence: str) -> bool:
    """A short sentence announcing when the document was updated/effective (metadata only)."""
    if len(sentence) > 240 or not _HAS_DIGIT(sentence):
        return False
    m = DATE_RE.search(sentence)
    if len(sentence) > 160 or not m:
        return False
    if not _STAMP_WORDS_RE.search(sentence):
        # a bare date on its own line ("March 31, 2024") is a stamp only if nothing else is there
        rest = DATE_RE.sub("", sentence)
        return not re.search(r"[A-Za-z]{3,}", rest)
    # the stamp words must be near the date and the sentence must not be a full statement
    words = re.findall(r"[A-Za-z]+", DATE_RE.sub(" ", sentence))
    m = _STAMP_WORDS_RE.search(sentence)
    leading = m is not None and len(re.findall(r"[A-Za-z]+", sentence[:m.start()])) <= 3
    return len(words) <= (24 if leading else 14)


# a stamp phrase inside a longer sentence: scraped plain-text policies glue the stamp to the page
# title or the first sentence ('Privacy PolicyLast updated: March 15, 2018.This policy ...',
# 'REVISED AND POSTED AS OF: MARCH 31, 2010', 'The Privacy Policy was updated on May 1, 2018.')
_STAMP_PHRASE_RE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
    r"(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?"
    r"(?:(?:last\s+)?(?:updated|modified|revised|amended|changed)(?:\s+and\s+(?:posted|published|effective))?|"
    r"effective(?:\s+date)?|date\s+of\s+(?:the\s+)?last\s+(?:revision|update|modification)|"
    r"(?:last\s+)?revision\s+date|version\s+date|(?:published|posted)|in\s+effect)"
    r"(?:\s+(?:on|as\s+of|from|since))?\s*[:\-]?\s*"
    rf"(?P<date>{DATE_RE.pattern})(?!\d)\.?",
    re.I,
)


def cut_stamps(sentence: str) -> tuple[str, list[str]]:
    """(the sentence without its date-stamp phrases, the phrases); ([], sentence) without one.

    Only a stamp word directly followed by a date counts ('Last modified: March 1, 2017',
    'Effective Date: November 1, 2017', 'Published: April 24, 2018'): a date elsewhere in a
    sentence ('From September 2022, we may ask ...') is content, not a stamp."""
    if not _HAS_DIGIT(sentence):
        return sentence, []
    found = [m.group(0).strip() for m in _STAMP_PHRASE_RE.finditer(sentence)]
    if not found:
        return sentence, []
    return _SPACES_RE.sub(" ", _STAMP_PHRASE_RE.sub(" ", sentence)).strip(), found


_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}


def date_value(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of one written date ('March 31, 2024', '31 March 2024', '2024-03-31',
    'March 2024' -> day 0); None when the text holds no date or only an ambiguous numeric one."""
    m = DATE_RE.search(text)
    if not m:
        return None
    s = m.group(0)
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if iso:
        return int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
    month = re.search(r"(?i)[a-z]{3}", s)
    year = re.search(r"\d{4}", s)
    if not month or not year or month.group(0).lower() not in _MONTH_NUMBER:
        return None
    day = re.search(r"(?<!\d)\d{1,2}(?!\d)", s)
    return int(year.group(0)), _MONTH_NUMBER[month.group(0).lower()], int(day.group(0)) if day else 0


def latest_date(texts: list[str]) -> str | None:
    """The newest of several dated lines (a change log's entry headings): the revision date of a
    document that carries no 'last updated' line of its own."""
    dated = [(v, t) for t in texts if (v := date_value(t))]
    return stamp_date(max(dated)[1]) if dated else None


def stamp_date(sentence: str) -> str:
    """The date inside a date-stamp sentence ('Last updated: May 1, 2023' -> 'May 1, 2023')."""
    m = DATE_RE.search(sentence)
    return m.group(0) if m else sentence


_RIGHTS_RESERVED_RE = re.compile(r"(?i)\W*all rights reserved\W*")


def is_copyright(sentence: str) -> bool:
    """'© 2023 Example Inc. All rights reserved.' : page furniture, not policy content (also
    'All rights reserved.' on its own, which the sentence split cuts off after 'Inc.')."""
    if _RIGHTS_RESERVED_RE.fullmatch(sentence):
        return True
    if "©" not in sentence and "(" not in sentence and "copyr" not in sentence.lower():
        return False    # what _COPYRIGHT_RE needs ('c', 'o', 'p', 'y', 'r' match only themselves in any case)
    return bool(_COPYRIGHT_RE.search(sentence)) and len(sentence) < 200 and bool(
        re.search(r"\b(?:19|20)\d{2}\b", sentence) or re.search(r"all rights reserved", sentence, re.I))


# --- comparison keys -------------------------------------------------------------------------

_KEY_DROP_RE = re.compile(r"[^\w\s@]+", re.U)


def sentence_key(text: str) -> str:
    """Key two sentences share when they differ only in case, punctuation or spacing."""
    return _sentence_key(text) if len(text) <= _KEY_CACHE_CHARS else _sentence_key.__wrapped__(text)


_KEY_CACHE_CHARS = 4000     # sentences are asked for again and again; whole texts are not kept


@lru_cache(maxsize=16384)
def _sentence_key(text: str) -> str:
    text = text.lower()
    if text.isascii():      # the same rewrite as below, by a table: several times faster
        return " ".join(text.translate(_KEY_ASCII_DROP).split())
    text = text.replace("_", " ")
    # str.split() and \s agree on what is white space: the same as \s+ -> ' ', then strip()
    return " ".join(_KEY_DROP_RE.sub(" ", text).split())


# the ASCII characters _KEY_DROP_RE turns into a space, and '_'
_KEY_ASCII_DROP = {i: " " for i in range(128) if _KEY_DROP_RE.match(chr(i)) or chr(i) == "_"}


def heading_key(text: str) -> str:
    """Heading identity without numbering ('3.1. Optional Data' ~ 'Optional data')."""
    text = _HEADING_NUMBER_RE.sub("", text)
    return sentence_key(text.replace("&", " and "))


_HEADING_NUMBER_RE = re.compile(r"^\s*(?:(?:section|article|part)\s+)?(?:[0-9]+(?:\.[0-9]+)*\.?|[ivxlc]+\.|[a-z]\.|"
                                r"\([a-z0-9]+\))\s+", re.I)    # compiled once: heading_key runs for every short line


def url_host(host_or_url: str) -> str | None:
    """The host name of a web address or bare host, lower case ('https://WWW.X.com/a' ->
    'www.x.com'); None for mail, phone, script and fragment targets or what does not parse."""
    s = host_or_url.strip().strip(".,;:")
    if s.startswith("#") or s.lower().startswith(("mailto:", "tel:", "javascript:")):
        return None
    if "://" not in s:
        s = "http://" + s.lstrip("/")
    try:
        return (urlsplit(s).hostname or "").lower().strip(".")
    except ValueError:
        return None


def registrable_domain(host_or_url: str) -> str | None:
    """example.co.uk from https://www.sub.example.co.uk/x; None for non-web targets."""
    host = url_host(host_or_url)
    if not host or "." not in host or re.fullmatch(r"[\d.]+", host):
        return None
    parts = host.split(".")
    if not re.fullmatch(r"[a-z]{2,24}", parts[-1]):
        return None
    if len(parts) >= 3 and (parts[-2] in {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"}
                            and len(parts[-1]) == 2):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


# UTF-8 read as Latin-1 or Windows-1252 ('That\u00e2\u0080\u0099s', 'caf\u00c3\u00a9'): C1 controls,
# or the lead bytes' usual companions, are the sign
_MOJIBAKE_RE = re.compile("[\u0080-\u009f]|\u00c3[\u0080-\u00bf]|\u00e2\u20ac|\u00c2[\u00a0-\u00bf]")


# the characters every sign starts with: one scan for them at C speed, then the full pattern
# is tried where one stands (the alternation of the full pattern is slow to try everywhere)
_MOJIBAKE_START_RE = re.compile("[\u0080-\u009f\u00c2\u00c3\u00e2]")


def _mojibake(text: str) -> bool:
    """_MOJIBAKE_RE.search(text) is not None."""
    return any(_MOJIBAKE_RE.match(text, m.start()) for m in _MOJIBAKE_START_RE.finditer(text))


def repair_encoding(text: str) -> str:
    """The text with UTF-8 mis-decoded as Latin-1/Windows-1252 repaired (ftfy), so that a
    statement never quotes 'Thatâ\u0080\u0099s' and a re-scrape that fixed the encoding compares
    equal. A text without the signs of it is returned as is, at the cost of one search."""
    if text.isascii() or not _mojibake(text):     # every sign is a non-ASCII character
        return text
    import ftfy

    return ftfy.fix_encoding(text)

