"""Protections that are not worded 'we will not …', and exposures of the user's data.

A policy protects its users in more shapes than a promise in the first person: a feature 'off
by default', service providers 'contractually prohibited from selling your data', an AI
provider's 'zero data retention', data 'automatically deleted' after a period. Each is a
protection whose loss (or gain) is news. An exposure is the reverse: data the user gave that
'will be published' or 'becomes publicly available', an account whose deletion 'will not
automatically delete' the data kept about them.

Each rule reads only the changed sentences. A protection is said gone or new only when no sentence
of the other text gives one of its kind at all; an exposure only when no sentence of the old text
says it in nearly the same words (a rewrite restating it is no news).
"""

from __future__ import annotations

import re

from tracker.changes.phrasing import clause_about, third_person, tidy
from tracker.changes.priorities import HEADLINE_LIMIT
from tracker.changes.report import Change
from tracker.changes.rules.common import _content_words, Context, _live, _lower, _owner_says, Statement, _topic

# -- protection shapes: (name, pattern); the pattern marks the clause that protects -----------------

# a negation just before a shape turns it around: 'will not be automatically deleted'
_NEGATED_BEFORE_RE = re.compile(r"(?i)\b(?:not|never|no longer)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$")
PROTECTION_SHAPES: tuple[tuple[str, "re.Pattern[str]"], ...] = tuple((name, re.compile(rx, re.I)) for name, rx in (
    # a feature the user must turn on: 'These features are off by default'
    ("default-off", r"\b(?:off|disabled|turned off|switched off|opt[- ]in only) by default\b"),
    # a recipient bound by contract: 'Service Providers are contractually prohibited from selling your data'
    ("contractual limit", r"\bcontractually (?:required|obligated|obliged|bound|prohibited|restricted|forbidden|committed)\b|"
                          # others barred, never the reader ('you are prohibited from using the Service to …') nor the
                          # company answering a request ('we are prohibited from disclosing your Social Security number')
                          r"(?<!\byou )(?<!\bwe )(?<!\busers )\b(?:are|is) (?:strictly )?(?:prohibited|forbidden) from "
                          r"(?:selling|sharing|disclosing|using|retaining|renting)\b|"
                          # the same bar in other words: 'Our contracts with these third parties … prohibit third parties from using'
                          r"\bcontracts?\b[^.;]{0,120}?\b(?:prohibit|forbid|restrict|require|obligate|oblige)s?\b"),
    # a vendor keeping nothing: 'eligible for zero data retention (ZDR)'
    ("no retention", r"\bzero[- ]data[- ]retention\b|\bZDR\b"),
    # data deleted without the user asking: 'Chat media … are automatically deleted from our servers after 120 hours'
    ("automatic deletion", r"\b(?:is|are|will be|gets?|be) automatically (?:deleted|erased|purged|destroyed)\b|"
                           r"\bautomatically (?:deletes?|erases?|purges?)\b"),
))
# one of these words is in every shape: a sentence without any is not read further
_SHAPE_WORDS = ("default", "contract", "prohibit", "forbid", "retention", "zdr", "automatically")
# data a protection must be about: a cookie that expires at the end of a session is a mechanism, not a protection
_COOKIE_RE = re.compile(r"(?i)\bcookies?\b")

# a period a deletion comes after ('automatically deleted within 6 months'): a retention rule's news
_PERIOD_RE = re.compile(r"(?i)\b\d+\s*(?:-\s*)?(?:hours?|days?|weeks?|months?|years?)\b|\b(?:one|two|three|six|twelve|thirty|ninety) "
                        r"(?:hours?|days?|weeks?|months?|years?)\b")

# -- exposure shapes --------------------------------------------------------------------------------

# the user's data shown to anyone: 'your personal information will become publicly available', 'the list of
# applicants will be published'
# (a state said in the present, 'if they are public', is no act of making anything public: 'is' and 'are' count only
# with 'made' or 'published')
_PUBLIC = r"(?:public(?:ly (?:available|visible|accessible|viewable|displayed|searchable))?|published)"
PUBLIC_RE = re.compile(rf"(?i)\b(?:will|may|might|can|could|would)\s+(?:also\s+)?(?:be\s+(?:made\s+)?|become\s+){_PUBLIC}\b|"
                       rf"\b(?:is|are)\s+(?:also\s+)?(?:made\s+{_PUBLIC}|published)\b|"
                       r"\bbecomes? (?:public|publicly (?:available|visible|accessible|viewable))\b")
# a condition on being public ('… music interests if they are public'): no exposure said
_CONDITION_BEFORE_RE = re.compile(r"(?i)\b(?:if|when|whether|unless|where|once)\b[^,;]{0,60}$")
# what the user posts themselves is public by their own act ('information you post in our forums will be
# publicly available'): no exposure by the company
_OWN_ACT_RE = re.compile(r"(?i)\b(?:post(?:s|ed|ing)?|forums?|comments?|bulletin|chat ?rooms?|message boards?|reviews?|"
                         r"you (?:choose|elect|decide|opt|select|agree)|public (?:areas?|spaces?)|publicly post)\b")
# data that names no one ('aggregate statistics may be published') exposes no user
_NAMES_NO_ONE_RE = re.compile(r"(?i)\b(?:aggregat\w*|anonymi[sz]\w*|anonymous|de-?identified|pseudonymi[sz]\w*|statistic\w*)\b")
# the user or their data named before the verb: 'your personal information', 'the names of the winners'
# ('you' alone is not: 'you should assume that if you do not see a sharing icon, the information will be public'
# names no data of the reader's)
_PERSONAL_RE = re.compile(r"(?i)\b(?:your|applicants?'?|nominees?'?|winners?'?|honorees?'?|participants?'?|entrants?'?|"
                          r"candidates?'?|members?'?|users?'?|customers?'?)\b|\bpersonal (?:data|information)\b|\bnames?\b")
# the user or their data is named within this many characters before the verb that makes it public
SUBJECT_REACH = 80
# an account deleted while the data stays: 'deletion of your account will not automatically delete the personal data'
KEPT_AFTER_DELETION_RE = re.compile(r"(?i)\b(?:will|does|do|shall|would|is|are)\s*(?:not|n't)\s+(?:be\s+)?automatically\s+"
                                    r"(?:delete|erase|remove|purge)[sd]?\b")


def _shapes(text: str) -> list[str]:
    """The protection shapes the sentence states (never one it denies: 'is not automatically deleted')."""
    low = text.lower()
    if not any(w in low for w in _SHAPE_WORDS) or _COOKIE_RE.search(text):
        return []
    return [name for name, rx in PROTECTION_SHAPES
            if any(not _NEGATED_BEFORE_RE.search(text[:m.start()]) for m in rx.finditer(text))]


# how a merged statement names each shape lost: what the user relied on, in general words
SHAPE_LABELS: dict[str, str] = {
    "default-off": "features off by default",
    "contractual limit": "contractual limits on what recipients do with your data",
    "no retention": "zero data retention",
    "automatic deletion": "automatic deletion of data",
}
# the headline form of a withdrawn protection quotes its clause up to this many characters
SHORT_QUOTE = 118


def _pattern(name: str) -> "re.Pattern[str]":
    return dict(PROTECTION_SHAPES)[name]


def _said_elsewhere(text: str, others: list[str]) -> bool:
    """Does another sentence of the other text say this one nearly whole (a rewrite restating it)?"""
    words = _content_words(text)
    if len(words) < 3:
        return False
    return any(len(words & _content_words(e)) >= 0.6 * len(words) for e in others)


def _quote(ctx: Context, text: str, focus: "re.Pattern[str]") -> str | None:
    said = _owner_says(ctx, text, focus)
    return tidy(said).rstrip(".") if said else None


def _short(ctx: Context, text: str, name: str) -> str:
    """The headline form of a withdrawn protection: its clause, when one fits ('Drops promise:
    service providers are contractually prohibited from selling your data'), else ''."""
    clause = clause_about(text, _pattern(name), SHORT_QUOTE)
    return f"Drops promise: {_lower(tidy(third_person(clause, ctx.owner)).rstrip('.'))}" if clause else ""


def protection_statements(ctx: Context) -> list[Statement]:
    """A protection shape (PROTECTION_SHAPES) gone from a changed sentence and said by no
    sentence of the new text in nearly the same words ('No longer promises: …'), or new and said
    by no old sentence ('New commitment: …')."""
    out: list[Statement] = []
    shaped = [(k, c) for k, c in _read(ctx) if _shapes(c.old or "") or _shapes(c.new or "")]
    if not shaped:
        return out                        # the whole texts are read only for a change that states a shape
    old_shapes = [(t, _shapes(t)) for t in ctx.old_sentences]
    new_shapes = [(t, _shapes(t)) for t in ctx.new_sentences]
    old_by = {name: [t for t, names in old_shapes if name in names] for name, _ in PROTECTION_SHAPES}
    new_by = {name: [t for t, names in new_shapes if name in names] for name, _ in PROTECTION_SHAPES}
    for k, c in shaped:
        out.extend(_protection_change(ctx, k, c, old_by, new_by))
    return _merged(ctx, out)


def _merged(ctx: Context, found: list[Statement]) -> list[Statement]:
    """Protections of two kinds or more withdrawn in one version, told in one statement naming
    each kind ('Arc no longer promises zero data retention and features off by default'): a
    summary keeps one statement per level, and each is news (each kind is one no new sentence
    states at all: _protection_change)."""
    gone = [s for s in found if s.impact == "promise-withdrawn" and s.old]
    kinds = list(dict.fromkeys(name for s in gone for name in _shapes(s.old or "")))
    if len(kinds) < 2:
        return found
    labels = [SHAPE_LABELS[name] for name in kinds]
    named = ", ".join(labels[:-1]) + " and " + labels[-1]
    ks = tuple(k for s in gone for k in s.changes)
    merged = Statement(f"{ctx.owner} no longer promises {named}", gone[0].topic, "promise-withdrawn", named, None, ks)
    return [merged] + [s for s in found if s not in gone]


def _read(ctx: Context) -> list[tuple[int, Change]]:
    """The material changes (rules.common._live), and the sentences added, removed or reworded
    that no topic word made material: 'These features are off by default' names no practice,
    yet its loss is a protection's."""
    live = _live(ctx)
    seen = {k for k, _ in live}
    extra = [(k, c) for k, c in enumerate(ctx.changes)
             if k not in seen and not c.material and c.kind in ("added", "removed", "reworded")]
    return sorted(live + extra, key=lambda kc: kc[0])


def _protection_change(ctx: Context, k: int, c: Change, old_by: dict[str, list[str]],
                       new_by: dict[str, list[str]]) -> list[Statement]:
    """The statement for one changed sentence: a shape it lost, else a shape it gained."""
    o, n = c.old or "", c.new or ""
    was, now = _shapes(o), _shapes(n)
    for name in was:
        # gone only when no new sentence gives a protection of that kind at all: a vendor still 'contractually
        # obligated' elsewhere makes 'no longer promises' a claim the new text could be read to contradict
        if c.kind in ("removed", "reworded") and name not in now and not new_by[name]:
            said = _quote(ctx, o, _pattern(name))
            if said:
                return [Statement(f"No longer promises: {_lower(said)}", _topic(c), "promise-withdrawn", said, None, (k,),
                                  _short(ctx, o, name))]
    for name in now:
        if name == "automatic deletion" and _PERIOD_RE.search(n):
            continue                      # deleted after a period: the retention rules tell it with its period
        if c.kind in ("added", "reworded") and name not in was and not old_by[name]:
            said = _quote(ctx, n, _pattern(name))
            if said:
                return [Statement(f"New commitment: {_lower(said)}", _topic(c), "promise-added", None, said, (k,))]
    return []


def _made_public(text: str) -> "re.Match[str] | None":
    """The place the sentence says the user's data is made public (PUBLIC_RE), when it names the
    user or their data before it, is no act of the user's own and names someone."""
    if _OWN_ACT_RE.search(text) or _NAMES_NO_ONE_RE.search(text):
        return None
    for m in PUBLIC_RE.finditer(text):
        before = text[:m.start()]
        if _NEGATED_BEFORE_RE.search(before) or _CONDITION_BEFORE_RE.search(before):
            continue
        if re.search(r"(?i)\b(?:not|never)\b", m.group(0)):
            continue
        if _PERSONAL_RE.search(before[-SUBJECT_REACH:]):
            return m
    return None


def exposure_statements(ctx: Context) -> list[Statement]:
    """The user's data newly made public, or newly kept after the user deletes their account:
    said when no sentence of the old text said so in nearly the same words."""
    out: list[Statement] = []
    old_all = list(ctx.old_sentences)       # an exposure restated in other words ('will be disclosed and made available')
    for k, c in _read(ctx):
        n, o = c.new or "", c.old or ""
        if c.kind not in ("added", "reworded") or not n:
            continue
        if _made_public(n) and not _made_public(o) and not _said_elsewhere(n, old_all):
            said = _quote(ctx, n, PUBLIC_RE)
            if said:
                text = f"Your data may now be made public: {said}"
                out.append(Statement(text, _topic(c), "made-public", None, said, (k,),
                                     text if len(text) <= HEADLINE_LIMIT else said))
        elif KEPT_AFTER_DELETION_RE.search(n) and not KEPT_AFTER_DELETION_RE.search(o) and not _said_elsewhere(n, old_all):
            said = _quote(ctx, n, KEPT_AFTER_DELETION_RE)
            if said:
                out.append(Statement(f"Now says: {_lower(said)}", "retention", "deletion-limited", None, said, (k,)))
    return out
