"""Promises, consent steps and browser signals: withdrawn, narrowed, added or weakened
('will not sell' -> 'may sell', opt-in -> opt-out, 'does not respond to do-not-track signals').
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.changes.promisescope import gone_with_practice
from tracker.changes.phrasing import clause_about, edit_window, third_person, tidy
from tracker.changes.report import Change
from tracker.changes.samepromise import reworded_promise
from tracker.changes.rules.common import _CONSENT_RE, Context, _editors_note, _live, _lower, NAMED_QUOTE_LIMIT, _new_texts, _owner_says, _PRACTICE_RE, _PROMISE_RE, _restated, _SALE_RE, _SHARE_RE, _stamp_only, Statement, _topic


# -- rules: one per kind of statement ----------------------------------------------------------

def _promise(ctx: Context, text: str) -> bool:
    """'we will not …', 'without your consent', or the company by name: 'Reddit does not sell'."""
    return _promise_of(ctx.owner, text)


@lru_cache(maxsize=8192)
def _promise_of(owner_name: str, text: str) -> bool:
    """_promise, remembered: every rule asks it of the same changed sentences."""
    if _UNABLE_RE.search(text):
        return False                   # 'we will not be able to restore it': a limit, not a promise
    if _PROMISE_RE.search(text):
        return True
    owner = re.escape(owner_name)
    return bool(re.search(rf"\b{owner}(?:\s+(?:also|generally|currently|knowingly))?\s+(?:will|does|shall|would)"
                          rf"\s*(?:not|n't)\b|\b{owner} never\b", text))


# the same promise in the passive: 'information about you is not willfully disclosed to any third party'
_PASSIVE_PROMISE_RE = re.compile(r"(?i)\b(?:is|are|will) (?:not|never|only) (?:be )?(?:\w+ly )?(?:disclosed|shared|sold|rented|"
                                 r"transferred|provided|given|traded)\b|\bwithout first (?:receiving|obtaining|getting) "
                                 r"(?:your|the user's|that customer's) (?:permission|consent)")
# a use limited to one purpose, in the passive: 'Any Sensitive Personal Information that you provide will only be
# used to implement the specific activity or event it was submitted for and will then be destroyed'
LIMITED_USE_RE = re.compile(r"(?i)\b(?:will|shall|is|are) only be used (?:to|for|in|as)\b")
# the sentence's subject, up to its first verb, names the user's data: 'Facility security photography will …' does not
_SUBJECT_END_RE = re.compile(r"(?i)\b(?:will|shall|is|are|was|were|may|can|must)\b")
_DATA_WORD_RE = re.compile(r"(?i)\b(?:information|data|(?:e-?mail )?address(?:es)?|PII|details)\b")
# data named only by reference ('This information will only be used to send the child's wishlist'): alone it says nothing
_REFERENCE_RE = re.compile(r"(?i)^\W*(?:this|these|those|such|that|it|they)\b")


def limited_use(text: str) -> bool:
    """Does the sentence limit the use of the user's data to one purpose, in the passive ('The
    e-mail address(es) that you supply to this service will only be used to send the requested
    article')? Its subject must name the data, not point back to it."""
    if not LIMITED_USE_RE.search(text) or _REFERENCE_RE.match(text):
        return False
    return bool(_DATA_WORD_RE.search(_SUBJECT_END_RE.split(text, maxsplit=1)[0]))
# a browser's 'do not track' or Global Privacy Control signal, and a company not acting on one
_SIGNAL = r"do[- ]not[- ]track|DNT|Global Privacy Control|GPC"
_REFUSES = (r"\b(?:not|n't|unable to|cannot|no longer) (?:currently |yet )?(?:respond|honou?r|recogni[sz]e|support|process|act on|"
            r"comply with)\b")
_SIGNAL_RE = re.compile(rf"(?i)\b(?:{_SIGNAL})\b")
_REFUSES_RE = re.compile(rf"(?i){_REFUSES}")
_UNABLE_RE = re.compile(r"(?i)\b(?:will|would|may) not be (?:able|possible|available)\b|\b(?:does|do) not control\b|"
                        r"\b(?:does|do) not have (?:any )?(?:access to (?:or|and) )?control\b|\b(?:cannot|can't|can not) control\b|\bha(?:s|ve) no control\b|"
                        r"\b(?:is|are) not responsible\b|\b(?:does|do) not (?:own|operate|own or operate)\b|\b(?:cannot|can't|can not) (?:guarantee|ensure|warrant|promise)|"
                        r"\bif you (?:would )?(?:prefer|wish|would like|want) that\b|"
                        # others' data it cannot see or steer, warranties it disclaims, a request to the reader:
                        # 'does not have access to any information collected by these clear gifs',
                        # 'does not exercise control over third party websites', 'please contact us'
                        r"\b(?:does|do) not have access to[^.;]{0,80}?\b(?:collected|set|placed|used|stored) by\b|"
                        r"\bnor (?:any )?control\b|\b(?:does|do) not exercise (?:any )?control\b|"
                        r"\b(?:does|do) not make any (?:warrant|representation|guarantee)|\bplease (?:contact|notify|let|e-?mail|write)\b|"
                        # what the company is unable to do, no promise: 'we cannot delete them except by also deleting your
                        # user account', 'if we cannot confirm that you are old enough'
                        r"\b(?:cannot|can't|can not) (?:delete|remove|erase|restore|recover|retrieve|undo|reverse|confirm|verify)\b|"
                        # the reader's discovery told as a condition ('if you learn that your child has provided us with
                        # Personal Information without your consent, you may alert us'): a request to report, no promise
                        r"\bif you (?:learn|believe|become aware|discover|find out|think|suspect)\b[^.;]{0,120}?\bwithout (?:your |their |the )?"
                        r"(?:\w+ )?(?:consent|permission)\b|"
                        # a request of the user's it refuses: 'does not respond to Web browser "do not track" signals'
                        rf"{_REFUSES}[^.;]{{0,40}}?\b(?:{_SIGNAL}|signals?|requests?)\b")


def _promise_clause(ctx: Context, text: str) -> str | None:
    """The clause holding the promise, never another clause of the same sentence."""
    if _PROMISE_RE.search(text):
        return _owner_says(ctx, text, _PROMISE_RE)
    if limited_use(text):
        return _owner_says(ctx, text, LIMITED_USE_RE)
    owner = re.compile(rf"\b{re.escape(ctx.owner)}\b")
    return _owner_says(ctx, text, owner) if owner.search(text) else _owner_says(ctx, text, None)


# where what a negation denies ends: 'We do not automatically include our users in any particular marketing
# promotion; instead, we use a variety of factors' denies including users, not the use of factors
_NEGATED_END_RE = re.compile(r"(?i)[;:]|,\s*(?:instead|but|however|rather|although|while)\b|\binstead\b")
_NEGATION_RE = re.compile(r"(?i)\b(?:not|never)\b|n't\b")


def _negated_practice(text: str) -> bool:
    """Does what the sentence denies hold a practice on data (_PRACTICE_RE): a promise limits
    what is done with data, not how users are picked for a promotion? A sentence without a
    negation is read whole."""
    spans = [text[m.end():] for m in _NEGATION_RE.finditer(text)]
    if not spans:
        return bool(_PRACTICE_RE.search(text))
    return any(_PRACTICE_RE.search(_NEGATED_END_RE.split(span, maxsplit=1)[0]) for span in spans)


# a use held back for users who opted out: 'To develop and improve products and Services, including AI
# features, provided you have not opted out': the condition is the user's protection
OPT_OUT_CONDITION_RE = re.compile(r"(?i)\b(?:provided|as long as|so long as|if|where)\s+(?:that\s+)?you\s+(?:have\s+)?"
                                  r"(?:not|n't|never)\s+(?:yet\s+)?(?:opted|opt)[- ]?out\b")
# (never 'unless you opt out': said of marketing mail and implied consent, it holds nothing back)


def _held_back(text: str) -> bool:
    """Does the sentence hold a use back for users who opted out (OPT_OUT_CONDITION_RE)?"""
    return bool(OPT_OUT_CONDITION_RE.search(text))


def _condition_dropped(ctx: Context, k: int, c: Change, said: str) -> Statement:
    """A use held back for users who opted out, no longer held back: 'Miro drops the opt-out
    condition on using your data to develop and improve products and Services, including AI
    features' when the sentence is a purpose ('To develop …, provided you have not opted out'),
    else 'No longer promises: <the sentence>'."""
    o = c.old or ""
    whole = tidy(o).rstrip(".")
    said = whole if len(whole) <= NAMED_QUOTE_LIMIT and not OPT_OUT_CONDITION_RE.search(said) else said
    m = OPT_OUT_CONDITION_RE.search(o)
    use = o[:m.start()].rstrip(" ,;:") if m else ""
    short = ""
    if re.match(r"To [a-z]", use) and len(use.split()) >= 3:
        short = f"{ctx.owner} drops the opt-out condition on using your data {_lower(use)}"
        short = short if len(short) <= 139 else ""
    # the use named in the company's words says it whole: a quote after it would be cut at its examples
    return Statement(short or f"No longer promises: {_lower(said)}", _topic(c), "promise-withdrawn", said, None, (k,), short)


def promise_statements(ctx: Context) -> list[Statement]:
    """Promises, consent steps and opt-ins withdrawn or added; 'will not sell' -> 'may sell'."""
    out: list[Statement] = []
    kept_promises: list[str] | None = None
    for k, c in _live(ctx):
        o, n = c.old or "", c.new or ""
        po, pn = _promise(ctx, o) or limited_use(o) or _held_back(o), _promise(ctx, n) or limited_use(n) or _held_back(n)
        if po and c.kind == "removed":
            if kept_promises is None:
                kept_promises = _new_texts(ctx, lambda t: _promise(ctx, t))
            if _restated(o, kept_promises) or (_held_back(o) and any(_held_back(t) for t in ctx.new_sentences)):
                continue
        if po and (c.kind == "removed" or (c.kind == "reworded" and not pn)) and (_negated_practice(o) or _CONSENT_RE.search(o)
                                                                                   or _held_back(o)):
            said = _promise_clause(ctx, o)
            if not said:
                continue
            for verbs, topic in ((_SALE_RE, "sale"), (_SHARE_RE, "sharing")):   # 'will not sell/share' -> 'may …'
                if c.kind == "reworded" and (_SALE_RE.search(o) or _SHARE_RE.search(o)) and verbs.search(n) \
                        and not _promise(ctx, n) and not _PASSIVE_PROMISE_RE.search(n):
                    # 'will not sell' -> 'may share' reverses it; '… is not disclosed without your permission' does not
                    now = _owner_says(ctx, n, verbs)
                    if now:
                        out.append(Statement(f"{now} (was: {_lower(said)})", topic, "sale-reversal", said, now, (k,)))
                        break
            else:
                now = None
            if out and out[-1].changes == (k,) and out[-1].impact == "sale-reversal":
                continue
            if _held_back(o) and not (_promise(ctx, o) or limited_use(o)):
                out.append(_condition_dropped(ctx, k, c, said))
                continue
            gone = gone_with_practice(o, ctx.new_page, ctx.owner) if c.kind == "removed" else None
            if gone:              # the practice left with its promise: say what went, not that it may now be done
                out.append(Statement(f"No longer mentions {gone}: “{said}”", _topic(c), "practice-changed", said, None, (k,)))
                continue
            now = _owner_says(ctx, n, None) if c.kind == "reworded" else None
            if now and len(said) < 0.8 * len(tidy(o)):
                now = None          # the promise was one clause of the sentence: say it is gone
            text = f"{now} (was: {_lower(said)})" if now else f"No longer promises: {_lower(said)}"
            out.append(Statement(text, _topic(c), "promise-withdrawn", said, now, (k,),
                                 "" if now else f"Drops promise: {_lower(said)}"))
        elif pn and not (c.kind == "reworded" and (po or reworded_promise(o, n, ctx.owner))) and c.kind != "removed" \
                and _negated_practice(n):
            said = _promise_clause(ctx, n)
            if said:
                impact = "no-sale-promise" if _SALE_RE.search(said) else "promise-added"
                out.append(Statement(f"New commitment: {_lower(said)}", _topic(c), impact, None, said, (k,)))
    return out


def narrowed_promises(ctx: Context) -> list[Statement]:
    """A promise that still stands but covers less: words dropped from a 'we will not …'
    sentence ('… your email address or any information that identifies you' -> '… your email
    address'). Read on every reworded sentence: a few dropped words may not count as material."""
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if c.kind != "reworded" or not c.old or not c.new or _stamp_only(c) or _editors_note(c):
            continue
        if not (_promise(ctx, c.old) and _promise(ctx, c.new)):
            continue
        w = edit_window(c.old, c.new)
        if w is None or w[3] or not w[2] or len(w[2].split()) < 2:
            continue                      # only a promise that lost words, and more than one
        m = _PROMISE_RE.search(c.old)
        at = c.old.find(w[2])
        if not m or at < m.end() or not _PRACTICE_RE.search(c.old[m.end():at + len(w[2])]):
            continue                      # the words lost are not what the promise is about
        now = _promise_clause(ctx, c.new)
        if now:
            vp = re.search(r"\b(?:will|does|do|shall|would) not (.+)$", now)
            short = f"{ctx.owner} narrows its promise not to {vp.group(1)}" if vp else ""
            out.append(Statement(f"Narrows its promise: {_lower(now)} (was: {_lower(third_person(w[0], ctx.owner))})",
                                 _topic(c), "promise-narrowed", w[0], w[1], (k,), short))
    return out


def consent_statements(ctx: Context) -> list[Statement]:
    """Opt-in became opt-out, or a mandatory commitment became permissive ('will' -> 'may')."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        flips = [f for f in c.flips if f.startswith(("opt-in → opt-out", "obligation weakened"))]
        if c.kind != "reworded" or not flips:
            continue
        now = _owner_says(ctx, c.new or "", _PRACTICE_RE) or _owner_says(ctx, c.new or "", None)
        was = clause_about(c.old or "", _PRACTICE_RE, 80) or clause_about(c.old or "", None, 80)
        if now and was:
            out.append(Statement(f"{now} (was: {_lower(third_person(was, ctx.owner))})", _topic(c),
                                 "consent-weakened", was, now, (k,)))
    return out


_CONSENT_FIRST_RE = re.compile(
    r"(?i)\bonly (?:[\w-]+ ){0,4}(?:after|once|if|when) you(?:'ve| have)? (?:\w+ )?(?:given|give|provided|provide|granted|"
    r"grant)(?: us)? (?:your |explicit |prior )*(?:consent|permission)|\b(?:with|after obtaining|after receiving|once we have) "
    r"your (?:prior |explicit )*consent in (?:our|the|a) (?:cookie|consent) (?:banner|pop-?up|tool)")
_IMPLIED_RE = re.compile(
    r"(?i)\bimplied consent\b|\bassume (?:that )?you (?:agree|consent|accept)|\bby (?:continuing to )?(?:using|visiting|"
    r"browsing) (?:our|this|the) (?:web ?)?site,? you (?:agree|consent|accept)")
_NECESSARY_RE = re.compile(r"(?i)\b(?:strictly )?(?:necessary|essential)\b")


def consent_required_statements(ctx: Context) -> list[Statement]:
    """A consent step added ('we only set cookies after you have given your consent in our
    cookie banner'), above all where implied consent ('we assume you agree unless you opt out')
    was dropped: the user is now asked first."""
    out: list[Statement] = []
    implied = next(((k, c) for k, c in _live(ctx) if c.kind in ("removed", "reworded") and c.old
                    and _IMPLIED_RE.search(c.old) and not _IMPLIED_RE.search(c.new or "")), None)
    for k, c in _live(ctx):
        new = c.new or ""
        if c.kind == "removed" or not _CONSENT_FIRST_RE.search(new) or _CONSENT_FIRST_RE.search(c.old or ""):
            continue
        said = _owner_says(ctx, new, _CONSENT_FIRST_RE, NAMED_QUOTE_LIMIT)
        if not said:
            continue
        was = clause_about(implied[1].old or "", _IMPLIED_RE, 90) if implied else None
        was = _lower(third_person(was, ctx.owner)) if was else ("implied consent" if implied else None)
        what = ("non-essential cookies" if _NECESSARY_RE.search(new) else "cookies") if re.search(r"(?i)\bcookies\b", new) else ""
        short = (f"{ctx.owner} now asks for your consent before setting {what}"
                 + (" (was: implied consent)" if implied else "")) if what else ""
        ks = (k, implied[0]) if implied and implied[0] != k else (k,)
        out.append(Statement(f"{said} (was: {was})" if was else said, "cookies-tracking", "consent-required",
                             was, said, ks, short))
        break
    return out


# the company acting on a browser's signal (_SIGNAL_RE): a commitment
_HONOURS_RE = r"\b(?:will |do |does |currently )?(?:respond|honou?r|recogni[sz]e|process|treat)s?\b"


def signal_statements(ctx: Context) -> list[Statement]:
    """What the company does with a browser's 'do not track' or Global Privacy Control signal,
    newly said or no longer said: ignoring it is a practice the reader should know of (it is
    no commitment), honouring it is a commitment."""
    out: list[Statement] = []
    for k, c in _live(ctx):
        if c.kind == "reworded":
            out.extend(_signal_dropped(ctx, k, c))
            continue
        text = c.new if c.kind == "added" else c.old
        if not text or not _SIGNAL_RE.search(text):
            continue
        said = _owner_says(ctx, text, _SIGNAL_RE)
        if not said:
            continue
        if c.kind == "removed" and _honours(ctx, said) and not _REFUSES_RE.search(said):
            # honouring the signal was a commitment: dropping it withdraws one
            out.append(Statement(f"No longer promises: {_lower(said)}", "do-not-track", "promise-withdrawn", said, None,
                                 (k,), f"{ctx.owner} no longer honours {_signal_name(text)} signals"))
        elif c.kind == "removed":
            out.append(Statement(f"No longer says: {_lower(said)}", "do-not-track", "practice-changed", said, None, (k,)))
        elif _REFUSES_RE.search(said):
            out.append(Statement(said, "do-not-track", "practice-changed", None, said, (k,)))
        elif _honours(ctx, said):
            out.append(Statement(f"New commitment: {_lower(said)}", "do-not-track", "promise-added", None, said, (k,)))
    return out


def _honours(ctx: Context, said: str) -> bool:
    return bool(re.match(rf"(?i)(?:{re.escape(ctx.owner)}|we)\b[^.;,]{{0,20}}?{_HONOURS_RE}", said))


def _signal_dropped(ctx: Context, k: int, c: Change) -> list[Statement]:
    """A sentence that honoured the signal reworded to refuse it ('We honor the Do Not Track
    browser option' -> 'We respond to these settings rather than the Do Not Track browser
    option, which we no longer support'): a commitment withdrawn."""
    o, n = c.old or "", c.new or ""
    if not _SIGNAL_RE.search(o) or _REFUSES_RE.search(o) or (_SIGNAL_RE.search(n) and not _REFUSES_RE.search(n)):
        return []
    was = _owner_says(ctx, o, _SIGNAL_RE)
    if not was or not _honours(ctx, was):
        return []
    now = _owner_says(ctx, n, _SIGNAL_RE) if _SIGNAL_RE.search(n) else None
    short = f"{ctx.owner} no longer honours {_signal_name(o)} signals"
    return [Statement(f"{short} (was: {_lower(was)})", "do-not-track", "promise-withdrawn", was, now, (k,), short)]


def _signal_name(text: str) -> str:
    signal = _SIGNAL_RE.search(text)
    return "Global Privacy Control" if signal and signal.group(0).upper() in ("GPC", "GLOBAL PRIVACY CONTROL") \
        else "Do Not Track"
