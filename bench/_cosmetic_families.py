"""Cosmetic perturbations for bench/cosmetic_stress.py: what a re-scrape or a trivial edit does
to a real policy text without changing a single practice.

Each family is a function (text, rng) -> perturbed text, or None when it does not apply to that
text (no e-mail address to hide, no table to re-render). All randomness comes from the rng the
caller seeds, so a run is reproducible. The real-change mutations at the end are applied on top
of the noise to check that the detector still alerts.
"""

from __future__ import annotations

import random
import re
import textwrap
from typing import Callable

Family = Callable[[str, random.Random], "str | None"]

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^\s*(?:=+|-+)\s*$")
_LIST_RE = re.compile(r"^(\s*)(?:[*+\-\u2022]|\d{1,3}[.)])\s+(?=\S)")
_MD_LINK_RE = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_EMAIL_RE = re.compile(r"\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\b")
_SENTENCE_END_RE = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _prose_lines(text: str) -> list[int]:
    """Indexes of lines that are running prose (long, not a heading, list item or table row)."""
    return [k for k, line in enumerate(_lines(text))
            if len(line) > 80 and not line.lstrip().startswith(("#", "|", ">")) and not _LIST_RE.match(line)]


# --- format: Markdown <-> plain text ---------------------------------------------------------

# a link whose title the scrape wrapped onto the next line: '[fa](https://… "\n    title")'
_MD_LINK_WRAPPED_RE = re.compile(r"(?<!!)\[([^\[\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_ORDERED_RE = re.compile(r"^\s*\d{1,3}[.)]\s")


def md_to_plain(text: str, rng: random.Random) -> str | None:
    """The page re-scraped by a text extractor: no heading marks, emphasis, links or bullets,
    no numbers of ordered lists (a number that only starts a line of prose stays: Markdown
    reads '13. If a parent …' after a paragraph line as text, and so did the browser)."""
    out: list[str] = []
    prev = ""
    for line in _lines(_MD_LINK_WRAPPED_RE.sub(r"\1", text)):
        if _SETEXT_RE.match(line) and out and out[-1].strip():
            continue
        m = _HEADING_RE.match(line)
        if m:
            line = m.group(2)
        item = not prev.strip() or _LIST_RE.match(prev) or prev[:1] in " \t" or re.match(r"\s*1[.)]\s", line)
        prev = line
        if item or not _ORDERED_RE.match(line):
            line = _LIST_RE.sub(r"\1", line)
        line = re.sub(r"!\[[^\]\n]*\]\([^)\n]*\)", "", line)
        line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
        line = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", line)
        line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|>])", r"\1", line)
        out.append(line)
    return "\n".join(out)


def plain_to_md(text: str, rng: random.Random) -> str | None:
    """A plain-text page re-scraped as Markdown: short title lines become headings, lines that
    follow a line ending in ':' become list items, the name of the company bold."""
    lines = _lines(text)
    out: list[str] = []
    for k, line in enumerate(lines):
        s = line.strip()
        if s and len(s) < 70 and not s.endswith((".", ",", ";", ":")) and not s.startswith(("#", "|", "*", "-")) \
                and s[:1].isupper() and len(s.split()) <= 8 and (k + 1 < len(lines) and len(lines[k + 1]) > 60):
            out.append("## " + s)
        elif s and k > 0 and lines[k - 1].rstrip().endswith(":") and not s.startswith(("#", "|", "*", "-")):
            out.append("* " + s)
        else:
            out.append(line)
    return "\n".join(out)


# --- e-mail placeholders ---------------------------------------------------------------------

_PLACEHOLDERS = (
    lambda u, d: "[email protected]",
    lambda u, d: "[email&#160;protected]",
    lambda u, d: f"{u} (at) {d.replace('.', ' (dot) ')}",
    lambda u, d: f"{u} [at] {d.replace('.', ' [dot] ')}",
    lambda u, d: f"{u} at {d.replace('.', ' dot ')}",
)


def email_placeholder(text: str, rng: random.Random) -> str | None:
    """Every address shown as an anti-spam placeholder (Cloudflare's or a spelled-out one)."""
    if not _EMAIL_RE.search(text):
        return None
    form = rng.choice(_PLACEHOLDERS)
    text = re.sub(r"\[([^\]\n]*@[^\]\n]*)\]\(mailto:[^)\s]*\)", r"\1", text)
    text = re.sub(r"mailto:\S+?@\S+?(?=[)\s\"'])", "mailto:", text)
    return _EMAIL_RE.sub(lambda m: form(m.group(1), m.group(2)), text)


# --- banners, chrome, wrappers ---------------------------------------------------------------

_BANNERS = (
    "We've updated our Privacy Policy.",
    "We have updated our Privacy Policy. Please take a moment to review it.",
    "Effective {date}: we have updated our privacy policy. Please read it carefully.",
    "Our Privacy Policy has been updated.",
    "We use cookies to improve your experience on our site. By continuing to browse, you agree "
    "to our use of cookies. Accept Learn more",
    "This site uses cookies. Accept all cookies Reject all Cookie settings",
)
_DATES = ("March 3, 2024", "1 June 2019", "2021-11-30", "January 15, 2018")


def _after_title(text: str) -> int:
    """Index of the first line after the document's title (and its setext underline)."""
    lines = _lines(text)
    for k, line in enumerate(lines):
        if line.strip():
            return k + 2 if k + 1 < len(lines) and _SETEXT_RE.match(lines[k + 1]) else k + 1
    return 0


def update_banner(text: str, rng: random.Random) -> str | None:
    """An 'updated policy' or cookie-consent banner above the text."""
    banner = rng.choice(_BANNERS).format(date=rng.choice(_DATES))
    lines = _lines(text)
    at = rng.choice((0, _after_title(text)))
    return "\n".join(lines[:at] + ["", banner, ""] + lines[at:])


def chrome_tail(text: str, rng: random.Random) -> str | None:
    """'Back to top', 'Print', 'Share' lines after sections or at the end."""
    chrome = rng.choice((["Back to top"], ["Print", "Share"], ["Share this page", "Print this page"],
                         ["\u2191 Back to top"], ["Was this page helpful?", "Yes", "No"]))
    lines = _lines(text)
    heads = [k for k, line in enumerate(lines) if _HEADING_RE.match(line)]
    for k in sorted(rng.sample(heads, min(3, len(heads))), reverse=True) if heads else []:
        lines[k:k] = [""] + chrome + [""]
    return "\n".join(lines + [""] + chrome)


def archive_wrapper(text: str, rng: random.Random) -> str | None:
    """An archive's wrapper line above the text."""
    date = rng.choice(_DATES)
    line = rng.choice((
        f"This page was archived on {date}. Please check the original snapshot on the Wayback Machine.",
        f"The following text is extracted and transformed from the privacy policy that was archived on "
        f"{date}. Please check the original snapshot on the Wayback Machine for the most accurate reproduction.",
    ))
    return line + "\n\n" + text


def revision_date(text: str, rng: random.Random) -> str | None:
    """The 'last updated' date changed."""
    m = re.search(r"(?i)(?:last\s+(?:updated|modified|revised)|effective(?:\s+date)?|updated)\s*(?:on|as of)?\s*:?\s*"
                  r"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d"
                  r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})", text)
    if not m:
        return None
    new = rng.choice(_DATES)
    return text[:m.start(1)] + new + text[m.end(1):] if new != m.group(1) else None


def copyright_year(text: str, rng: random.Random) -> str | None:
    """The copyright year moved on (or a copyright line added at the end)."""
    m = re.search(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)", text, re.I)
    if m:
        year = str(int(m.group(1)) + 1)
        return text[:m.start(1)] + year + text[m.end(1):]
    return text.rstrip() + f"\n\n© {rng.choice(('2019', '2024'))} The Company, Inc. All rights reserved.\n"


def link_targets(text: str, rng: random.Random) -> str | None:
    """Link targets moved (path changed, tracking parameter added, http -> https)."""
    links = list(_MD_LINK_RE.finditer(text))
    if links:
        picked = {m.start() for m in rng.sample(links, min(3, len(links)))}

        def _move(m: re.Match[str]) -> str:
            if m.start() not in picked or not m.group(2).startswith("http"):
                return m.group(0)
            return f"[{m.group(1)}]({m.group(2).rstrip('/')}/new-page?utm_source=footer)"
        out = _MD_LINK_RE.sub(_move, text)
        return out if out != text else None
    out = re.sub(r"\bhttp://", "https://", text)
    return out if out != text else None


# --- wording that changes no meaning ---------------------------------------------------------

_ABBREVIATIONS = (
    ("GDPR", "General Data Protection Regulation (GDPR)"), ("EEA", "European Economic Area (EEA)"),
    ("CCPA", "California Consumer Privacy Act (CCPA)"), ("U.S.", "United States"), ("US", "United States"),
    ("e.g.", "for example"), ("i.e.", "that is"), ("EU", "European Union"), ("UK", "United Kingdom"),
    ("IP address", "Internet Protocol (IP) address"), ("FAQ", "Frequently Asked Questions"),
)


def abbreviation(text: str, rng: random.Random) -> str | None:
    """One abbreviation spelled out, or one spelled-out name abbreviated, in one place."""
    options = []
    for short, long in _ABBREVIATIONS:
        for m in re.finditer(rf"(?<![\w.(\"']){re.escape(short)}(?![\w])", text):
            options.append((m.start(), m.end(), long))
        if short not in ("i.e.", "e.g."):     # 'that is' / 'for example' are also plain prose
            for m in re.finditer(re.escape(long), text):
                options.append((m.start(), m.end(), short))
    if not options:
        return None
    start, end, repl = rng.choice(options)
    return text[:start] + repl + text[end:]


_MISSPELLINGS = (("receive", "recieve"), ("third", "thrid"), ("information", "infromation"),
                 ("necessary", "neccessary"), ("occurred", "occured"), ("separate", "seperate"),
                 ("privacy", "pirvacy"), ("address", "adress"), ("which", "wich"))


def typo(text: str, rng: random.Random) -> str | None:
    """One typo introduced (or fixed: the caller swaps sides): a letter, a doubled word, a
    common misspelling."""
    kind = rng.choice(("misspelling", "letter", "doubled"))
    if kind == "misspelling":
        found = [(m, bad) for good, bad in _MISSPELLINGS for m in re.finditer(rf"\b{good}\b", text)]
        if found:
            m, bad = rng.choice(found)
            return text[:m.start()] + bad + text[m.end():]
    words = [m for m in re.finditer(r"\b[a-z]{7,}\b", text)]
    if not words:
        return None
    m = rng.choice(words)
    w = m.group(0)
    if kind == "doubled":
        return text[:m.start()] + w + " " + w + text[m.end():]
    k = rng.randrange(1, len(w) - 1)
    return text[:m.start()] + w[:k] + w[k + 1] + w[k] + w[k + 2:] + text[m.end():]


_SPELLINGS = (("organization", "organisation"), ("behavior", "behaviour"), ("color", "colour"),
              ("center", "centre"), ("analyze", "analyse"), ("personalized", "personalised"),
              ("authorized", "authorised"), ("recognize", "recognise"), ("customize", "customise"),
              ("license", "licence"), ("favorite", "favourite"), ("utilize", "utilise"),
              ("minimize", "minimise"), ("optimize", "optimise"), ("enroll", "enrol"))


def spelling(text: str, rng: random.Random) -> str | None:
    """American spelling made British throughout (or the reverse, when the text is British)."""
    out = text
    for us, uk in _SPELLINGS:
        out = re.sub(rf"(?i)\b{us}", lambda m, uk=uk: _same_case(m.group(0), uk), out)
    if out == text:
        for us, uk in _SPELLINGS:
            out = re.sub(rf"(?i)\b{uk}", lambda m, us=us: _same_case(m.group(0), us), out)
    return out if out != text else None


def _same_case(src: str, word: str) -> str:
    return word.capitalize() if src[:1].isupper() else word


# --- layout ----------------------------------------------------------------------------------

def rewrap(text: str, rng: random.Random) -> str | None:
    """Prose lines hard-wrapped at 60-80 columns."""
    width = rng.randrange(60, 81)
    lines = _lines(text)
    for k in range(len(lines) - 1, -1, -1):
        line = lines[k]
        if len(line) <= width or line.lstrip().startswith(("#", "|")):
            continue
        item = _LIST_RE.match(line)      # a list item wraps under its text, as pandoc writes it
        indent = " " * len(item.group(0)) if item else ""
        lines[k:k + 1] = textwrap.wrap(line, width, subsequent_indent=indent,
                                       break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines)


def bullets(text: str, rng: random.Random) -> str | None:
    """Bullet markers swapped and numbering changed ('* ' -> '- ', '1.' -> '1)')."""
    marker = rng.choice(("-", "+", "\u2022"))
    out = re.sub(r"(?m)^(\s*)[*+\-\u2022](\s+)(?=\S)", rf"\g<1>{marker}\2", text)
    out = re.sub(r"(?m)^(\s*)(\d{1,3})\.(\s+)(?=\S)", r"\1\2)\3", out)
    return out if out != text else None


def heading_levels(text: str, rng: random.Random) -> str | None:
    """Every heading one level deeper (or setext headings written as ATX)."""
    out = re.sub(r"(?m)^(#{1,5})(\s)", r"#\1\2", text)
    lines = _lines(out)
    for k in range(len(lines) - 1, 0, -1):
        if _SETEXT_RE.match(lines[k]) and lines[k - 1].strip() and not lines[k - 1].startswith(("#", "|")) \
                and lines[k].strip()[:1] in "=-" and len(lines[k].strip()) >= 3:
            lines[k - 1:k + 1] = [("# " if lines[k].strip()[0] == "=" else "## ") + lines[k - 1].strip()]
    out = "\n".join(lines)
    return out if out != text else None


def typography(text: str, rng: random.Random) -> str | None:
    """Smart quotes, no-break spaces, soft hyphens, zero-width characters, raw HTML entities."""
    out = re.sub(r"\"([^\"\n]{1,80})\"", "\u201c\\1\u201d", text)
    out = re.sub(r"(?<=\w)'(?=\w)", "\u2019", out)
    words = list(re.finditer(r"\b[a-z]{10,}\b", out))
    for m in sorted(rng.sample(words, min(5, len(words))), key=lambda m: -m.start()):
        w = m.group(0)
        out = out[:m.start()] + w[:4] + rng.choice(("\u00ad", "\u200b")) + w[4:] + out[m.end():]
    out = out.replace(" & ", " &amp; ")
    out = re.sub(r"(?<=\w) (?=\d)", lambda m: rng.choice((" ", "\u00a0", "&nbsp;")), out, count=20)
    return out if out != text else None


def table_render(text: str, rng: random.Random) -> str | None:
    """A Markdown table re-rendered as tab-separated lines (or tab-separated rows as a table)."""
    lines = _lines(text)
    if any(line.lstrip().startswith("|") for line in lines):
        out = []
        for line in lines:
            s = line.strip()
            if s.startswith("|") and re.fullmatch(r"[|:\-\s]+", s):
                continue
            out.append("\t".join(c.strip() for c in s.strip("|").split("|")) if s.startswith("|") else line)
        return "\n".join(out)
    rows = [k for k, line in enumerate(lines) if line.count("\t") >= 1 and line.strip()]
    if not rows:
        return None
    for k in rows:
        lines[k] = "| " + " | ".join(c.strip() for c in lines[k].split("\t")) + " |"
    return "\n".join(lines)


def whitespace(text: str, rng: random.Random) -> str | None:
    """Doubled spaces, extra blank lines, trailing spaces."""
    out = text.replace(". ", ".  ").replace("\n\n", "\n\n\n")
    return "\n".join(line + rng.choice(("", " ", "  ", "\t")) for line in out.split("\n"))


def paragraph_spacing(text: str, rng: random.Random) -> str | None:
    """Paragraphs separated by blank lines instead of single line breaks (or the reverse): two
    text extractors of one page differ so."""
    markdown = re.search(r"(?m)^(?:#{1,6} |[=\-]{3,}\s*$)", text)
    if "\n\n" in text and text.count("\n\n") * 3 > text.count("\n"):
        if markdown:
            return None       # Markdown needs its blank lines; a plain-text extractor writes none
        out = re.sub(r"\n{2,}", "\n", text)
    else:
        out = re.sub(r"(?<=\S)\n(?=\S)", "\n\n", text)
    return out if out != text else None


def paragraphs(text: str, rng: random.Random) -> str | None:
    """One paragraph split in two at a sentence boundary, or two paragraphs joined into one."""
    lines = _lines(text)
    prose = _prose_lines(text)
    splittable = [k for k in prose if len(_SENTENCE_END_RE.split(lines[k])) >= 2]
    joinable = [k for k in prose if k + 2 < len(lines) and not lines[k + 1].strip() and k + 2 in prose]
    if splittable and (not joinable or rng.random() < 0.5):
        k = rng.choice(splittable)
        parts = list(_SENTENCE_END_RE.finditer(lines[k]))
        m = rng.choice(parts)
        lines[k:k + 1] = [lines[k][:m.start()], "", lines[k][m.end():]]
        return "\n".join(lines)
    if joinable:
        k = rng.choice(joinable)
        lines[k:k + 3] = [lines[k].rstrip() + " " + lines[k + 2].lstrip()]
        return "\n".join(lines)
    return None


FAMILIES: dict[str, Family] = {
    "md-to-plain": md_to_plain, "plain-to-md": plain_to_md, "email-placeholder": email_placeholder,
    "update-banner": update_banner, "abbreviation": abbreviation, "typo": typo, "spelling": spelling,
    "rewrap": rewrap, "bullets": bullets, "heading-levels": heading_levels, "typography": typography,
    "chrome-tail": chrome_tail, "link-targets": link_targets, "revision-date": revision_date,
    "copyright-year": copyright_year, "archive-wrapper": archive_wrapper, "table": table_render,
    "whitespace": whitespace, "paragraph-spacing": paragraph_spacing, "paragraphs": paragraphs,
}


# --- real changes (must alert) ---------------------------------------------------------------

def _replace_one(text: str, rng: random.Random, pattern: str, repl: Callable[[re.Match[str]], str]) -> str | None:
    found = list(re.finditer(pattern, text))
    if not found:
        return None
    m = rng.choice(found)
    return text[:m.start()] + repl(m) + text[m.end():]


def _sell(text: str, rng: random.Random) -> str | None:
    return _replace_one(text, rng, r"(?i)\b(?:will|do|does) not (?=sell|share|rent)", lambda m: "may ")


def _period(text: str, rng: random.Random) -> str | None:
    return _replace_one(text, rng, r"\b(\d{1,3})(\s+)(days|months|years)\b",
                        lambda m: f"{int(m.group(1)) * 3 + 7}{m.group(2)}{m.group(3)}")


_NEW_SENTENCES = (
    "We may sell your personal information to data brokers and advertising partners.",
    "We share your precise location with our advertising partners.",
    "We keep your search history for 10 years after you close your account.",
    "You can no longer opt out of the sale of your personal information.",
)


def _added(text: str, rng: random.Random) -> str | None:
    prose = _prose_lines(text)
    if not prose:
        return None
    lines = _lines(text)
    k = rng.choice(prose)
    lines[k] = lines[k].rstrip() + " " + rng.choice(_NEW_SENTENCES)
    return "\n".join(lines)


MUTATIONS: dict[str, Family] = {"will-not-sell": _sell, "period": _period, "sentence-added": _added}


def mutate(text: str, rng: random.Random) -> tuple[str, str]:
    """(name, text with one real one-sentence practice change); the first applicable of the
    mutations in a random order, a sentence added when nothing else applies."""
    names = list(MUTATIONS)
    rng.shuffle(names)
    for name in names:
        out = MUTATIONS[name](text, rng)
        if out is not None and out != text:
            return name, out
    return "sentence-added", text.rstrip() + "\n\n" + _NEW_SENTENCES[0] + "\n"
