"""A promise said new (or gone) that the other version makes in other words.

A promise is recognised by four things, each read in families of synonyms:

- the act it limits: disclose = share = provide … to = transfer = release; sell = rent = trade;
  use = process = "change the way … is used"; contact = call = text = message; collect =
  gather; combine = link = associate; keep = store = retain; delete = destroy = erase;
- its condition: the user's consent in any wording ('without your consent', 'only with your
  consent', 'unless you permit', 'ask for your consent before', an opt-in standard), a limit
  ('only', 'except', 'other than', 'unless'), or a plain negation ('not', 'never');
- whom it keeps data from: others ('third parties', 'companies outside our corporate family',
  'anyone', 'others'), advertisers, affiliates, service providers, the government, partners;
- what it is for, when it names a purpose (marketing).

'We will not disclose your personal information to third parties for marketing purposes
without your express consent (opt-in)' is kept by 'We use an opt-in standard for sharing
personal information with companies outside our corporate family of companies for their use
in direct marketing'; 'We will not subsequently change the way your Personal Information is
used without your consent' was made by 'We will ask for your consent before we use or share
your information for any purpose other than the reason you provided it'. A sentence of the
other version makes the same promise when it limits every act the claim limits, under the same
condition, keeping the data from the claim's recipients (or from everyone) for the claim's
purpose (or for any), and holds most of the claim's remaining words. A promise over fewer
recipients ('advertising partners' for 'others'), with a weaker condition or over another act
is news.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tracker.changes.corroborate import _STOP, Side, _stem, _tokens

# one family per act a promise limits; a claim's families must all be limited by its restatement
_ACT_FAMILIES: tuple[tuple[str, "re.Pattern[str]"], ...] = (
    ("share", re.compile(r"(?i)\b(?:shar(?:e|es|ed|ing)|disclos\w*|transfer(?:s|red|ring)?|releas(?:e|es|ed|ing)|"
                         r"provid(?:e|es|ed|ing) (?:[\w-]+ ){0,4}to|giv(?:e|es|en|ing) (?:[\w-]+ ){0,4}(?:to|access)|"
                         r"mak(?:e|es|ing) (?:[\w-]+ ){0,3}available)\b")),
    ("sell", re.compile(r"(?i)\b(?:sell(?:s|ing)?|sold|sale|rent(?:s|ed|ing)?|leas(?:e|es|ed|ing)|trad(?:e|es|ed|ing))\b")),
    ("use", re.compile(r"(?i)\b(?:us(?:e|es|ed|ing)|process(?:es|ed|ing)?)\b")),
    ("contact", re.compile(r"(?i)\b(?:contact(?:s|ed|ing)?|call(?:s|ed|ing)?|text messag\w*|messag(?:e|es|ing)|"
                           r"e-?mail(?:s|ed|ing)? you|send(?:s|ing)? you)\b")),
    ("collect", re.compile(r"(?i)\b(?:collect\w*|gather\w*)\b")),
    ("combine", re.compile(r"(?i)\b(?:combin\w*|link(?:s|ed|ing)?|associat(?:e|es|ed|ing))\b")),
    ("keep", re.compile(r"(?i)\b(?:keep(?:s|ing)?|kept|stor(?:e|es|ed|ing)|retain\w*)\b")),
    ("delete", re.compile(r"(?i)\b(?:delet\w*|destroy\w*|eras(?:e|es|ed|ing)|purg\w*|dispos(?:e|es|ed|ing) of)\b")),
)
# 'we use an opt-in standard for' is the opt-in: its verb is no act the promise limits
_STANDARD_RE = re.compile(r"(?i)\bus(?:e|es|ed|ing) an? opt[- ]?in (?:standard|basis|approach)\b")
# where what a limit covers ends: 'we do not require cookies' limits nothing the clause before it does
_CLAUSE_END_RE = re.compile(r"(?i)[;:]|,\s*(?:but|however|instead|although|while|whereas)\b|\.\s")
# the user's say, in any wording: with it the promise's condition is consent
_CONSENT_RE = re.compile(r"(?i)\b(?:consent\w*|permission|opt[- ]?in|your (?:prior )?(?:approval|authori[sz]ation)|"
                         r"(?:you|users?) (?:agree|permit|allow)s?)\b")
# a promise limits something: a negation, a limit or an opt-in; 'we may share with your consent' limits nothing
_LIMITS_RE = re.compile(r"(?i)\b(?:not|never|only|without|unless|except|other than|opt[- ]?in|before|prior to)\b|n't\b")
_RESTRICTS_RE = re.compile(r"(?i)\b(?:only|except|other than|unless)\b")
# whom a promise keeps data from, one key per kind; 'others' covers every kind but affiliates
_OUTSIDE_RE = re.compile(r"(?i)\b(?:third[- ]part(?:y|ies)|outside (?:of )?(?:the |our |its |their )?(?:corporate )?"
                         r"(?:family|group)|outside (?:of )?(?:[A-Z][\w.&'-]*|us)\b|other (?:companies|businesses|"
                         r"organi[sz]ations)|(?:un|non-?)affiliated|anyone|others|outside parties)\b")
# 'third party' naming what kind of recipient follows ('any third party ad network'): no recipient of its own
_QUALIFIER_RE = re.compile(r"(?i)\bthird[- ]part(?:y|ies)(?=\s+(?:ad|advertis\w*|service|vendors?|partners?|providers?|"
                           r"compan\w+|web ?sites?|sites?|apps?|applications?|cookies?|tools?|plug-?ins?)\b)")
_RECIPIENTS: tuple[tuple[str, "re.Pattern[str]"], ...] = (
    ("advertisers", re.compile(r"(?i)\b(?:(?:ad|advertis\w+) (?:serving )?(?:partners?|networks?|companies|servers?)|"
                               r"advertisers?|marketers?)\b")),
    ("affiliates", re.compile(r"(?i)\b(?:affiliat\w*|subsidiar\w*|corporate family|family of companies)\b")),
    ("providers", re.compile(r"(?i)\b(?:service providers?|vendors?|suppliers?|processors?|contractors?)\b")),
    ("government", re.compile(r"(?i)\b(?:government\w*|law enforcement|authorities)\b")),
    ("partners", re.compile(r"(?i)\b(?:business )?partners?\b")),
)
OTHERS = "others"
# conditions that both let an act happen in listed cases only: one limit, said as consent or as cases
LIMITING = frozenset({"consent", "limited"})
# the user's data named in what a promise limits: 'we don't share or distribute them to others' names none
_DATA_RE = re.compile(r"(?i)\b(?:information|data|details|PII|content|records?|(?:e-?mail )?address(?:es)?)\b")
_MARKETING_RE = re.compile(r"(?i)\b(?:market\w*|promotion\w*|promotional)\b")
# words no promise is recognised by: what every promise says of the data, its condition and its acts
_NO_NEWS = frozenset(_stem(w) for w in (
    "personal personally identifiable identifying information data details individual user users customer customers "
    "consent permission opt opt-in in express explicit prior affirmative approval authorization agree permit "
    "without unless except only other than before ask first obtain obtained receive received granted given give "
    "subsequently later ever way change changes purpose purposes any all third party parties outside corporate "
    "family companies company others anyone partners advertisers marketing market promotions promotional direct "
    "standard allow allows let lets intend intends choose case cases circumstances following including include "
    "such example instance").split())
SAME_REST = 0.75
# other words a restatement may have beyond the claim's: more name a context the claim lacks, a narrower promise
# ('We will not disclose … to any third parties in connection with the conduct of any polls or surveys')
EXTRA_REST = 2            # share of a claim's other words its restatement must hold


@dataclass(frozen=True)
class Promise:
    """What a promise is recognised by (see the module docstring)."""

    acts: frozenset[str]
    condition: str
    recipients: frozenset[str]
    marketing: bool
    rest: frozenset[str]
    data: bool = False


def _limited(text: str) -> list[str]:
    """What each negation, limit or opt-in of a sentence covers: the rest of its clause ('we use
    cookie technology to collect usage data, but we do not require cookies' limits only the
    requiring)."""
    text = _STANDARD_RE.sub(" opt-in ", text)
    return [_CLAUSE_END_RE.split(text[m.end():], maxsplit=1)[0] for m in _LIMITS_RE.finditer(text)]


def _acts(spans: list[str]) -> frozenset[str]:
    """The act families the limited spans name; 'change the way … is used' is a use."""
    return frozenset(name for name, pattern in _ACT_FAMILIES if any(pattern.search(span) for span in spans))


def _condition(text: str) -> str:
    """'consent', 'limited' or 'not': the condition a promise sets on its acts."""
    if _CONSENT_RE.search(text):
        return "consent"
    return "limited" if _RESTRICTS_RE.search(text) else "not"


def _recipients(text: str) -> frozenset[str]:
    """The kinds of recipient a promise keeps data from ('companies outside our corporate family'
    is others, never affiliates; 'any third party ad network' is advertisers only)."""
    text = _QUALIFIER_RE.sub(" ", text)
    found = {OTHERS} if _OUTSIDE_RE.search(text) else set()
    rest = _OUTSIDE_RE.sub(" ", text)
    return frozenset(found | {name for name, pattern in _RECIPIENTS if pattern.search(rest)})


# words one of which every limit holds (_LIMITS_RE), looked for in the lower-cased text before any pattern runs
_LIMIT_WORDS = ("not", "n't", "never", "only", "without", "unless", "except", "other than", "opt", "before", "prior")


@lru_cache(maxsize=32768)
def promise_of(text: str, owner: str = "") -> Promise | None:
    """text read as a promise, or None when it limits no act (no negation, limit or opt-in);
    remembered, as both sides of a pair and the next pair of a history share most sentences."""
    low = text.lower()
    if not any(w in low for w in _LIMIT_WORDS):
        return None
    spans = _limited(text)
    acts = _acts(spans)
    if not acts:
        return None
    owner_words = {_stem(w) for w in _tokens(owner, False)}
    rest = frozenset(_stem(w) for w in _tokens(text, False) if w not in _STOP and not w.endswith("n't")) - _NO_NEWS - owner_words
    rest -= {_stem(w) for pattern in (p for _, p in _ACT_FAMILIES) for m in pattern.finditer(text)
             for w in _tokens(m.group(0), False)}
    return Promise(acts, _condition(text), _recipients(text), bool(_MARKETING_RE.search(text)), rest,
                   any(_DATA_RE.search(span) for span in spans))


def covers(holder: Promise, claim: Promise) -> bool:
    """Does holder make claim's promise: every act it limits, under the same condition, keeping
    the data from the claim's recipients (or from everyone), for its purpose (or for any), with
    most of its other words and few more?"""
    if not claim.acts <= holder.acts or claim.condition != holder.condition:
        return False
    if claim.recipients and not (claim.recipients <= holder.recipients
                                 or OTHERS in holder.recipients and "affiliates" not in claim.recipients):
        return False                      # a promise naming whom it keeps data from is kept for them only
    if holder.recipients and not claim.recipients:
        return False                      # a promise about some recipients is narrower than one about all
    if claim.data and not holder.data:
        return False                      # the claim keeps the user's data; the holder something it points back to
    if holder.marketing and not claim.marketing:
        return False                      # a promise about marketing only is narrower than one about any use
    if len(holder.rest - claim.rest) > EXTRA_REST:
        return False
    return not claim.rest or len(claim.rest & holder.rest) >= SAME_REST * len(claim.rest)


def reworded_promise(old: str, new: str, owner: str = "") -> bool:
    """Does a reworded sentence's old wording make the promise its new wording makes ('our service
    providers may not use or disclose personal information for any purpose other than providing
    the services on our behalf' -> 'We do not allow our service providers to use or share …')?
    Its own old wording may set its limit as consent or as listed cases and name no recipient
    ('We only disclose your personal information with your prior consent or under the following
    limited circumstances' -> 'We will not share your personal information outside of our
    corporate family of companies, except in the following circumstances'): one promise, reworded."""
    was, now = promise_of(old, owner), promise_of(new, owner)
    if was is None or now is None:
        return False
    return covers(was, now) or (now.acts <= was.acts and {was.condition, now.condition} <= LIMITING
                                and not was.recipients and (was.data or not now.data))


def same_promise(claim: str, side: Side, kind: Callable[[str], bool], owner: str = "") -> bool:
    """Does a promise of side make the promise claim (said new or gone) in other words? A claim
    that says more than its promise ('We don't knowingly sell your personal information, but we
    still have to tell you what we collect') is also made by a sentence making its promise alone
    ('We do not knowingly sell your information'): the clause after 'but' limits nothing."""
    for text in dict.fromkeys((claim, promise_core(claim))):
        want = promise_of(text, owner) if text else None
        if want is not None and any(covers(have, want) and kind(t) for t, have in _promises(side, owner)):
            return True
    return False


def promise_core(text: str) -> str:
    """The clauses of text that hold a negation, a limit or an opt-in (_LIMITS_RE), without the
    clauses around them ('…, but we still have to tell you …'); '' when none does."""
    return " ".join(part.strip() for part in _CLAUSE_END_RE.split(text) if part and _LIMITS_RE.search(part))


# a sentence cut short by a line break ('We use an opt-in standard for' | 'phone and text messages.'): it ends
# without a stop, so it is read with the next one too
_ENDED_RE = re.compile(r"[.!?;:)\"”’']\s*$")


def _promises(side: Side, owner: str) -> list[tuple[str, Promise]]:
    """The sentences of side that limit an act (a sentence cut short read with the next), each
    read once per side."""
    if side._promises is None:
        texts = list(side.sentences)
        texts += [f"{a} {b}" for a, b in zip(side.sentences, side.sentences[1:]) if not _ENDED_RE.search(a)]
        side._promises = [(t, p) for t in texts if (p := promise_of(t, owner)) is not None]
    return side._promises



# -- a promise of several clauses, and the plain promise not to sell ----------------------------

# where one promise of a sentence ends and the next begins: 'We never sell your data, and we'll only
# share it in the following circumstances' makes two, each of which the other side may make apart
_NEXT_PROMISE_RE = re.compile(r"(?i),?\s+and\s+(?=(?:we|we'll|we will|we do|we don't|it|it will|they)\b)|;\s+")
# a negation and the words after it that still name the act it negates ('do not, and will not, sell')
_NEGATION_AT_RE = re.compile(r"(?i)\b(?:not|never)\b|n't\b")
SALE_VERB_REACH = 6          # words after a negation that may still be its verbs ('not sell, rent, trade or lease')
# what makes a promise not to sell narrower or weaker than the plain one: a condition, an exception,
# some data or some people only, a purpose, a hedge ('knowingly', 'in the conventional sense'), some
# data only ('information that directly identifies you'), some sales only ('for money')
_NARROWER_SALE_RE = re.compile(
    r"(?i)\b(?:only|except|identif\w*|directly|money|monetary|consideration|in exchange|compensation|excluding|other than|unless|without|consent\w*|permission|opt[- ]?(?:in|out)|child\w*|"
    r"minors?|under (?:the age of )?\d+|\d+ years|age|sensitive|knowingly|generally|typically|conventional|"
    r"traditional\w*|sense|for (?!any\b)(?:[\w-]+ ){0,3}?(?:purposes?|marketing|advertising|uses?|reasons?)|"
    r"collected (?:through|via|on|from|by)|through the|about (?:our|its) \w+)\b")
_SALE_FAMILY = dict(_ACT_FAMILIES)["sell"]
_SHARE_FAMILY = dict(_ACT_FAMILIES)["share"]


def promise_clauses(text: str) -> list[str]:
    """The clauses of text that each make a promise of their own (a negation, a limit or an
    opt-in): 'We never sell your data, and we'll only share it in the following circumstances'
    -> 'We never sell your data', "we'll only share it in the following circumstances"."""
    return [p.strip(" ,") for p in _NEXT_PROMISE_RE.split(text) if p and _LIMITS_RE.search(p)]


@lru_cache(maxsize=16384)
def plain_no_sale(text: str) -> frozenset[str] | None:
    """The acts ('sell', and 'share' when it is negated too) of a plain promise not to sell the
    user's data ('We do not sell your personal data', 'We do not currently sell your personal data
    as sales are defined in Nevada Revised Statutes Chapter 603A'): a negated sale of the user's
    data, kept from no one in particular (third parties or anyone), with no condition, exception,
    purpose, hedge or kind of data or person; None when text makes no such promise. How a law
    defines a sale and 'currently' do not narrow what the company says it does."""
    for m in _NEGATION_AT_RE.finditer(text):
        clause = _CLAUSE_END_RE.split(text[m.end():], maxsplit=1)[0]
        clause = _NEXT_PROMISE_RE.split(clause, maxsplit=1)[0]
        verbs = " ".join(clause.split()[:SALE_VERB_REACH])
        data = _DATA_RE.search(clause)
        if not _SALE_FAMILY.search(verbs) or data is None:
            continue
        if _NARROWER_SALE_RE.search(clause) or _recipients(clause) - {OTHERS}:
            return None
        # every act negated before the data named: 'the "sale" or "sharing" of personal information'
        acts = clause[:data.start()]
        return frozenset({"sell"} | ({"share"} if _SHARE_FAMILY.search(acts) else set()))
    return None


# 'never' negates as 'not' does, and "we'll" is 'we' + 'will': neither tells one promise from another
_NEVER_RE = re.compile(r"(?i)\bnever\b")
_CONTRACTED_RE = re.compile(r"(?i)\b(we|it|they)['’](?:ll|re|ve|d)\b")


def _plain_words(clause: str) -> str:
    """clause with 'never' as 'not' and "we'll" as 'we': a clause cut from a longer promise is
    compared by what it limits, not by how its negation is spelled."""
    return _CONTRACTED_RE.sub(r"\1", _NEVER_RE.sub("not", clause))


# the promise of the GDPR's article 22 in any wording: no decision by automated means alone (or profiling)
# with legal or similarly significant effects ('We do not carry out any fully automated decision-making
# or profiling which has a legal or similarly significant effect on you' = 'We do not use automated
# decision-making without human intervention, including profiling, in a way that produces legal effects
# concerning you or otherwise significantly affects you')
_AUTOMATED_RE = re.compile(r"(?i)\b(?:automated (?:individual )?decision|decisions? (?:based )?(?:solely )?on automated|profiling)")
_SIGNIFICANT_RE = re.compile(r"(?i)\b(?:legal|significant(?:ly)?)\b")
# what narrows it: an exception, a condition, some people or some data only
_NARROWER_DECISION_RE = re.compile(r"(?i)\b(?:only|except|unless|other than|consent\w*|child\w*|minors?|sensitive|"
                                   r"currently|generally)\b")


def no_automated_decisions(text: str) -> bool:
    """Does text promise, without exception, no decision by automated means alone with legal or
    similarly significant effects (the promise of the GDPR's article 22)?"""
    for m in _NEGATION_AT_RE.finditer(text):
        clause = _CLAUSE_END_RE.split(text[m.end():], maxsplit=1)[0]
        if _AUTOMATED_RE.search(clause) and _SIGNIFICANT_RE.search(clause):
            return not _NARROWER_DECISION_RE.search(clause)
    return False


def _made(claim: str, side: Side, kind: Callable[[str], bool], owner: str) -> bool:
    """Does a sentence of side make the one promise claim makes: covering it (covers), or, for a
    plain promise not to sell (or to decide by automated means alone), the same plain promise?"""
    want = promise_of(_plain_words(claim), owner)
    # 'We will only disclose …' limits as 'we'll only share …' does, whatever kind() reads in it
    if want is not None and any(covers(have, want) and (kind(t) or want.condition == have.condition == "limited")
                                for t, have in _promises(side, owner)):
        return True
    if no_automated_decisions(claim):
        return any(no_automated_decisions(t) for t in side.sentences)
    acts = plain_no_sale(claim)
    return acts is not None and any((got := plain_no_sale(t)) is not None and acts <= got and kind(t)
                                    for t, _ in _promises(side, owner))


def each_promise_made(claim: str, side: Side, kind: Callable[[str], bool], owner: str = "") -> bool:
    """Does side make every promise of claim, each in a sentence of its own or the same one
    ('We never sell your data, and we'll only share it in the following circumstances' <- 'We do
    not currently sell your personal data as sales are defined in …' and 'We will only disclose
    your personal data to the following parties')? A promise none of whose clauses side makes,
    or only some, is news."""
    parts = promise_clauses(claim)
    return bool(parts) and all(_made(part, side, kind, owner) for part in parts)
