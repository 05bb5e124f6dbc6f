"""Variants of one wording: abbreviations, regional spellings and doubled words.

Two sentences that differ only because an abbreviation was spelled out ('GDPR' / 'General Data
Protection Regulation (GDPR)', 'U.S.' / 'United States', 'e.g.' / 'for example', a legal form
'Ltd' / 'Limited'), because a
British spelling became American ('organisation' / 'organization', 'behaviour' / 'behavior')
or because a word was doubled by mistake ('the the') say the same thing. `canonical` maps a
sentence to one form shared by all of its variants; it is only ever compared, never shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

# phrases that are one another's abbreviation, each group to its first member
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("for example", "e.g.", "e.g", "eg.", "for instance"),
    ("that is", "i.e.", "i.e"),
    ("and so on", "etc."),
    ("versus", "vs."),
    ("united states", "united states of america", "u.s.a.", "u.s.", "usa", "us"),
    ("united kingdom", "u.k.", "uk"),
    ("european union", "e.u.", "eu"),
    ("european economic area", "eea"),
    # a company's legal form written out or abbreviated ('Acme Ltd' / 'Acme Limited'): one company
    ("limited", "ltd.", "ltd"),
    ("incorporated", "inc.", "inc"),
    ("corporation", "corp.", "corp"),
    ("llc", "l.l.c."),
)
_PHRASE_OF = {variant: group[0] for group in _GROUPS for variant in group}
# longest first, so 'united states of america' wins over 'united states'; 'US' only in capitals
# (the pronoun 'us' stays itself)
_PHRASE_RE = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(v) for v in sorted(_PHRASE_OF, key=len, reverse=True)
                                if v not in ("us", "uk", "eu", "usa", "eea")) + r")(?![\w])"
    r"|(?<![\w.])(?:US|UK|EU|USA|EEA)(?![\w])",
    re.I,
)
_CAPS_ONLY = frozenset(("us", "uk", "eu", "usa", "eea"))

# 'Internet Protocol (IP)', 'General Data Protection Regulation ("GDPR")': the name and its initials
_SPELLED_RE = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:of|and|for|the|on|to|de|in)\s+)*){1,8})\(\s*[\"'“]?([A-Z]{2,8})s?[\"'”]?\s*\)")
_SMALL = frozenset(("of", "and", "for", "the", "on", "to", "de", "in"))

# British -> American, by rule on word endings and by a short list of words
_UK_WORDS = {"programme": "program", "programmes": "programs", "enrol": "enroll", "enrolment": "enrollment",
             "fulfil": "fulfill", "fulfilment": "fulfillment", "judgement": "judgment", "ageing": "aging",
             "licence": "license", "licences": "licenses", "defence": "defense", "offence": "offense",
             "catalogue": "catalog", "dialogue": "dialog", "cheque": "check", "travelled": "traveled",
             "travelling": "traveling", "cancelled": "canceled", "cancelling": "canceling",
             "labelled": "labeled", "labelling": "labeling", "modelling": "modeling", "grey": "gray"}
_UK_ENDING_RES = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing)\b"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|able|ite|ites)?\b"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s)?\b"), r"ter\1"),
)
_WORD_RE = re.compile(r"[a-z]+")
_DOUBLED_RE = re.compile(r"\b(\w+)(?:\s+\1\b)+")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _SMALL and w[:1].isupper())


def _abbreviate(m: re.Match[str]) -> str:
    """'Internet Protocol (IP)' -> 'IP' when the words' initials end in the abbreviation."""
    name, acronym = m.group(1).strip(), m.group(2)
    words = name.split()
    for start in range(len(words)):
        if words[start].lower() in _SMALL:
            continue          # 'The General Data Protection Regulation (GDPR)' keeps its 'The'
        if _initials(" ".join(words[start:])) == acronym:
            return " ".join(words[:start] + [acronym]) + " "
    return m.group(0)


def _phrase(m: re.Match[str]) -> str:
    text = m.group(0)
    if text.lower() in _CAPS_ONLY and not text.isupper():
        return text
    return _PHRASE_OF[text.lower()]


@lru_cache(maxsize=16384)
def _american(word: str) -> str:
    if word in _UK_WORDS:
        return _UK_WORDS[word]
    if len(word) < 6:
        return word
    for rx, repl in _UK_ENDING_RES:
        word = rx.sub(repl, word)
    return word


@lru_cache(maxsize=8192)
def canonical(sentence: str) -> str:
    """One form for every variant of SENTENCE (lower case, words only): abbreviations and their
    spelled-out names, British and American spellings, doubled words."""
    text = _SPELLED_RE.sub(_abbreviate, sentence) if "(" in sentence else sentence
    text = _PHRASE_RE.sub(_phrase, text)
    text = re.sub(r"[^\w\s]+", " ", text.lower())
    text = _WORD_RE.sub(lambda w: _american(w.group(0)), text)
    text = _DOUBLED_RE.sub(r"\1", text)
    return " ".join(text.split())


def same_wording(old: str, new: str) -> bool:
    """OLD and NEW differ only by abbreviations, regional spellings or a doubled word."""
    return old != new and canonical(old) == canonical(new)
