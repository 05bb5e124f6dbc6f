"""A policy captured in another language than before: a translation, not a rewrite.

A site that serves its policy in Spanish one day and in English the next (a language chosen by
the visitor's location or browser) gives two versions whose sentences share no words. Compared
sentence by sentence, every promise and right of the old version looks withdrawn and every
sentence of the new one looks added ('No longer promises: Allstate does not knowingly sell …'
beside 'No vendemos ni compartimos deliberadamente …'). Nothing of that can be said without
translating, so such a pair says that the language changed, and nothing else.

Each version's language is read from the small words it writes most (articles, pronouns,
conjunctions): a profile of function words per language, counted over all its sentences. A
version is read as one language only when that language's words clearly outnumber every other's
(a Spanish section in an English policy leaves it English).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from tracker.changes.rules.common import Statement

# the function words a language writes in nearly every sentence, and few other languages write at all
_PROFILES: dict[str, frozenset[str]] = {
    "English": frozenset("the and of to you your we our with is are that this for from".split()),
    "Spanish": frozenset("el los las del y usted nosotros nuestro nuestros sus es para por con como".split()),
    "French": frozenset("le les des et vous nous votre vos est dans pour sur aux avec".split()),
    "German": frozenset("der die das und wir sie ihre ihrem ihren nicht mit für werden ist von den dem bei oder sich auch "
                        "einem einer".split()),
    "Italian": frozenset("il gli della delle dei di sono nostro nostri sul alla".split()),
    "Portuguese": frozenset("os não você seu sua dos das em nossos pelo pela".split()),
    "Dutch": frozenset("het een wij uw van en zijn voor niet worden op".split()),
}
_WORD_RE = re.compile(r"[^\W\d_]+")
MIN_HITS = 30           # function words a version needs before its language is read: a stub says nothing
DOMINANCE = 3.0         # the language's words outnumber the next language's this many times over
SENTENCE_HITS = 4       # function words one sentence needs before its language is read
SENTENCE_DOMINANCE = 2.0    # looser for one sentence: a name or a loan word ('State Authority') weighs more there
# words of a translation as many as its original's within these ratios: German and English run about even
TRANSLATED_RATIO = (0.6, 1.67)
# a name or number a translation keeps as written ('USA', 'EU', 'GDPR', '2024')
_KEPT_RE = re.compile(r"\b(?:[A-Z]{2,}|\d+)\b")


def _counts(sentences: Sequence[str]) -> Counter[str]:
    """How many function words of each language the sentences write (every word counted once
    by Counter, then each profile's few words looked up: linear in the text, whatever its size)."""
    words = Counter(_WORD_RE.findall("\n".join(sentences).lower()))
    counts: Counter[str] = Counter()
    for language, profile in _PROFILES.items():
        n = sum(words[w] for w in profile if w in words)
        if n:
            counts[language] = n
    return counts


def _dominant(counts: Counter[str], hits: int, dominance: float) -> str | None:
    """The language whose function words number hits or more and dominance times the next
    language's, else None."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < hits:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= dominance * runner_up else None


def language_of(sentences: Sequence[str]) -> str | None:
    """The language a version is written in ('English', 'Spanish' …), or None when its function
    words are too few or no language clearly dominates (a bilingual page)."""
    return _dominant(_counts(sentences), MIN_HITS, DOMINANCE)


def main_language(sentences: Sequence[str]) -> str | None:
    """The language most of the text's function words belong to, however many others it mixes in
    (a block holding a French and a Dutch version is mostly French); None when they are too few."""
    return _dominant(_counts(sentences), MIN_HITS, 1.0)


@lru_cache(maxsize=16384)
def sentence_language(text: str) -> str | None:
    """The language one sentence is written in, by the same profiles read with a sentence's few
    function words (SENTENCE_HITS, SENTENCE_DOMINANCE); None when it has too few to tell.
    Remembered: a section's sentences are read once for all the statements resting on it."""
    return _dominant(_counts([text]), SENTENCE_HITS, SENTENCE_DOMINANCE)


def language_change(old: Sequence[str], new: Sequence[str]) -> tuple[str, str] | None:
    """(the old version's language, the new one's) when both are read and differ, else None."""
    was, now = language_of(old), language_of(new)
    return (was, now) if was and now and was != now else None


def language_statement(owner: str, was: str, now: str) -> Statement:
    """What a reader learns from a pair whose versions are written in two languages, in place of
    claims no comparison of their words can support."""
    who = f"{owner}'s policy" if owner else "The policy"
    return Statement(f"{who} is now captured in {now} (was: {was}); a translation cannot be compared sentence by "
                     f"sentence, so nothing is reported as new or removed", "policy-changes", "page-summary", None, None,
                     (), f"{who} is now captured in {now} (was: {was})")


def translated_pair(claim: str, others: Sequence[str]) -> bool:
    """Is a sentence said new (gone) the translation of one the other version dropped (added) at
    the same place ('Depending on your place of residence, you can also lodge a complaint …' for
    'Je nach Ihrem Aufenthaltsort können Sie sich auch … beschweren')? others: the sentences of
    the other kind in its section. A sentence in another language, about as long, keeping the
    claim's names and numbers (one of them at least, when the claim has any): what it says was
    there, in other words of another language."""
    mine = sentence_language(claim)
    if mine is None:
        return False
    length = len(claim.split())
    kept = set(_KEPT_RE.findall(claim))
    for other in others:
        theirs = sentence_language(other)
        ratio = len(other.split()) / max(1, length)
        if theirs is not None and theirs != mine and TRANSLATED_RATIO[0] <= ratio <= TRANSLATED_RATIO[1] \
                and (not kept or kept & set(_KEPT_RE.findall(other))):
            return True
    return False
