"""A promise said withdrawn that held only for a feature the new text no longer offers.

Some promises hold for one feature the user may take up: 'If you choose to register your
Facebook ID, while Facebook may ask you to enter your Facebook password, we will not collect or
store such password'; 'If you elect to use the "California resident - Do not sell" button, we
will not recontact you about that choice for at least 12 months'. When the new text writes
nothing of that feature (no Facebook ID, no such button), the promise left with the feature it
held for: the company did not take a protection back, it stopped describing the feature. 'No
longer promises: Line will not collect or store such password' would tell the reader Line may
now keep the password; the report says what went instead ('No longer mentions Facebook ID: …').

Only the feature an 'if you …' condition names is read. A promise's own object may leave the
text while the practice stays in other words (Google's promise not to combine 'DoubleClick
cookie information' with personal information went while 'your activity on other sites … may
be associated with your personal information' came): that is a withdrawal, told as one. A
promise about children protects people, never a feature, and one whose feature comes with
names the new text still writes (a payment provider) still describes the practice.
"""

from __future__ import annotations

import re

# the condition a promise holds for: 'If you choose to register your Facebook ID', 'if you elect to use the … button'
_IF_YOU_RE = re.compile(r"(?i)\b(?:if|when|where) you (?:(?:choose|elect|decide|want|opt) to )?[a-z]+\s+")
# where the thing named ends: a stop, a clause or a relative clause, a preposition of purpose or recipient
_OBJECT_END_RE = re.compile(r"(?i)[,;:.()]|\s(?:which|that|who|to|with|for|from|in|on|by|about|unless|except|without|"
                            r"because|so|as|while|when|if|but|over|across|under|at|into|after|before|during|within|"
                            r"between|through|via|online|offline)\s")
_DETERMINER_RE = re.compile(r"(?i)^(?:(?:the|your|a|an|any|our|its|their|all|of|his|her)\s+)+")
_LAST_DETERMINER_RE = re.compile(r"(?i)^.*\b(?:the|your|our|its|their|any)\s+(?=\S)")
# an object that points back ('such password', 'that choice', 'it'): it names nothing by itself
_REFERENCE_RE = re.compile(r"(?i)^(?:such|this|that|these|those|it|them|they|you|him|her|us|which)\b")
_TERM_SPLIT_RE = re.compile(r"(?i)\s*(?:,|\bor\b|\band\b|\bnor\b)\s*")
_QUOTED_RE = re.compile(r"[\"“]([^\"”]{3,60})[\"”]")
# words any policy writes: a thing named only by them ('your personal information', 'any data') is the
# user's data in general, never a feature that could leave the policy
_GENERIC = frozenset("""personal personally identifiable identifying information info data details detail content
user users customer customers account accounts you your name names email e-mail address addresses
contact profile service services site website websites app apps device devices identity identities
other others anyone anything everything third party parties partners people person individual
individuals company companies record records any all such more""".split())
NAMED_TERMS = 2            # things named in the statement: 'the clip or Audio Signature', never a list
# where an 'if you …' condition ends: the promise it holds for follows its comma
_CONDITION_END_RE = re.compile(r",\s|;|\.\s")
# a promise about a group of people (children, minors): a protection, whatever the text says of them
_PEOPLE_RE = re.compile(r"(?i)\b(?:child\w*|minors?|kids?|teens?|under (?:the )?age|years? of age|under \d+)\b")
# a proper name inside a sentence: a capitalised word (its first word skipped by the caller)
_NAME_RE = re.compile(r"\b[A-Z][a-zA-Z]{2,}\b")
STEM_CUT = 3                # letters an ending may take: 'technolog' reads 'technology' and 'technologies'
MIN_STEM = 4                # letters a word keeps, however short ('clip', 'card')
MAX_TERM_WORDS = 5          # a longer 'object' is a clause the pattern read too far into, not a name


def _terms(phrase: str) -> list[str]:
    """The things a noun phrase names ('the clip or Audio Signature' -> 'clip', 'Audio
    Signature'); none when it points back or names only the user's data in general."""
    phrase = _OBJECT_END_RE.split(f" {phrase} ", maxsplit=1)[0].strip()
    if not phrase or _REFERENCE_RE.match(phrase):
        return []
    out = []
    for part in _TERM_SPLIT_RE.split(phrase):
        # 'use your data' after 'sell your data or': the thing is what follows the last determiner
        part = _LAST_DETERMINER_RE.sub("", _DETERMINER_RE.sub("", part.strip()))
        words = re.findall(r"[A-Za-z][\w'-]*", part)
        if words and len(words) <= MAX_TERM_WORDS and any(w.lower().strip("'") not in _GENERIC for w in words):
            out.append(part)
    return out


def promised_about(sentence: str) -> list[str]:
    """The features a promise holds for: the object of the act its 'if you …' condition names
    ('register your Facebook ID') and any name quoted in the condition ('the "California
    resident - Do not sell" button'); none for a promise about children."""
    if _PEOPLE_RE.search(sentence):
        return []
    found: list[str] = []
    for m in _IF_YOU_RE.finditer(sentence):
        condition = _CONDITION_END_RE.split(sentence[m.end():], maxsplit=1)[0]
        found += [q.group(1).strip() for q in _QUOTED_RE.finditer(condition)]
        found += _terms(sentence[m.end():])
    return list(dict.fromkeys(t for t in found if t))


def _names_elsewhere(sentence: str, terms: list[str], owner_words: set[str]) -> list[str]:
    """The proper names the sentence writes besides its terms and the company ('Braintree,
    PayPal, Bitpay, Stripe' beside 'any financial information'): the practice they name."""
    in_terms = {w.lower() for t in terms for w in t.split()} | owner_words
    return [n for n in _NAME_RE.findall(sentence[1:]) if n.lower() not in in_terms]


def _written(term: str, page: str) -> bool:
    """Does page write term (in any case, each word by its stem: 'advertising technology' for
    'advertising technologies', spaces as they come)?"""
    words = [re.escape(w[:max(MIN_STEM, len(w) - STEM_CUT)]) for w in term.split()]
    return bool(re.search(r"(?i)\b" + r"\w*\W+".join(words), page))


def gone_with_practice(sentence: str, new_page: str, owner: str = "") -> str | None:
    """The feature a promise said withdrawn held for, when the new page writes none of its
    features nor the names the sentence came with (the feature left with its promise); None
    when it still writes one, or when the promise holds for no feature."""
    terms = promised_about(sentence)
    if not terms or not new_page or any(_written(t, new_page) for t in terms):
        return None
    owner_words = {w.lower() for w in owner.split()}
    if any(_written(n, new_page) for n in _names_elsewhere(sentence, terms, owner_words)):
        return None               # the practice is still described by the names it came with
    quoted = {m.group(1).strip() for m in _QUOTED_RE.finditer(sentence)}
    return " or ".join(f"“{t}”" if t in quoted else t for t in terms[:NAMED_TERMS])
