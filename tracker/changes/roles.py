"""What each third party a report names is to the reader, from the list and from its sentences.

vendors.role_of knows a listed name's usual role (a platform, a social network, an industry
opt-out programme...). The same name plays another part in some policies: TRUSTe is a seal in
one and the body that takes complaints in another; Facebook is a recipient in one and only a
button to sign in with in another; a company no list knows is a processor when the text says
it hosts or runs something for the company. The sentences that name the party decide:

- `dispute resolution`: every sentence naming it speaks of complaints, disputes or arbitration;
- `sign-in`: every sentence naming it speaks of signing in, credentials or linking an account;
- `service provider`: a party known by shape only ('company') that the text says hosts,
  maintains, administers or processes something, or calls a vendor or processor (unless it
  is also said to control the data: the controller is the company, not its processor).

Only a `service provider` can be a recipient of data the policy sends ("now shares with").
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.changes.literals import finditer_heads
from tracker.changes.vendors import role_of, vendor_spans

_DISPUTE_RE = re.compile(r"(?i)disput|arbitrat|complain|mediat|independent recourse|recourse mechanism")
_SIGN_IN_RE = re.compile(r"(?i)sign(?:ing)?[- ]?(?:in|on|up)\b|log(?:ging)?[- ]?(?:in|on)\b|credentials|"
                         r"(?:connect|link)(?:ing|ed)? (?:your |an |a )?(?:\w+ ){0,3}account")
_PROCESSOR_RE = re.compile(r"(?i)\b(?:hosted|maintained|administered|managed|operated|processed|powered|run|provided) by\b|"
                           r"contracted with|service provider|\bvendor|processor|on (?:our|its) behalf|"
                           r"to (?:track|analy[sz]e|measure|process|host|deliver|send)\b")
# a sentence ends at a full stop before a capital, with or without the space a scrape may lose
_SENTENCE_END_RE = re.compile(r"(?<=[a-z)][.!?])\s*(?=[A-Z\"“(])|(?<=[.!?])\s+(?=[A-Z\"“(])|\n")
_WINDOW = 200
_CONTROLLER_RE = re.compile(r"(?i)controll(?:ed|er)\b")
# the spans of every vendor in one whole text, asked for once per vendor a report names (never mutated)
_spans_in = lru_cache(maxsize=4)(vendor_spans)


def _sentences_naming(name: str, text: str, limit: int = 12) -> list[str]:
    """The sentences of text that name name (as written, else by any of its aliases), at most
    limit of them."""
    # tried only where the name is written (a scan of a long text for a pattern that opens with
    # a lookbehind tries every position)
    spans = []
    if name in text:       # the pattern compiled only then: most names a report asks about are not written
        rx = re.compile(rf"(?<![\w&-]){re.escape(name)}(?![\w&-])")
        spans = [m.span() for m in (finditer_heads(rx, (name,), text) if name else rx.finditer(text))]
    if not spans:
        spans = sorted(_spans_in(text).get(name, []))
    out: list[str] = []
    done = 0
    for s, e in spans:
        if s < done:
            continue
        lo = max((m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, s - _WINDOW), s)), default=max(0, s - _WINDOW))
        hi_m = _SENTENCE_END_RE.search(text, e, e + _WINDOW)
        done = hi_m.start() if hi_m else min(len(text), e + _WINDOW)
        out.append(text[lo:done])
        if len(out) >= limit:
            break
    return out


def role_in(name: str, texts: list[str]) -> str:
    """The role of name in these texts: its listed role unless every sentence naming it says
    otherwise (see the module docstring)."""
    base = role_of(name)
    said = [s for t in texts for s in _sentences_naming(name, t)]
    if not said:
        return base
    if base in ("industry opt-out or certification", "company") and all(_DISPUTE_RE.search(s) for s in said):
        return "dispute resolution"
    if base in ("social network", "platform", "service provider", "company") and \
            all(_SIGN_IN_RE.search(s) for s in said):
        return "sign-in"
    if base == "company" and any(_PROCESSOR_RE.search(s) for s in said) and \
            not any(_CONTROLLER_RE.search(s) for s in said):      # the controller is no processor
        return "service provider"
    return base


# the roles of a party the policy can give data to (a 'company' is known by its name's shape only)
RECIPIENT_ROLES = frozenset({"service provider", "company"})


def may_receive(name: str, sentence: str) -> bool:
    """Can name be a recipient of data in this sentence: a service provider or an unknown
    company, not a platform the app runs on, a network the user signs in with or shares to, a
    seal, an opt-out programme or a body that settles disputes ('Each operating system, iOS for
    Apple devices, ...', 'reviewed for compliance by TRUSTe', 'The services of JAMS are ...')?"""
    role = role_in(name, [sentence])
    if role in RECIPIENT_ROLES:
        return True
    if role not in ("social network", "platform"):
        return False
    # a network or a platform receives data only when the policy's own sentence says it gives
    # it data ('We share hashed e-mail addresses with Facebook'), not when the user shares there
    for m in _GIVES_RE.finditer(sentence):
        if re.search(r"(?i)\b(?:you|users?)\b[\w\s]{0,12}$|\bto $", sentence[max(0, m.start() - 24):m.start()]):
            continue
        at = sentence.find(name, m.end(), m.end() + 60)
        if at != -1 and not re.search(r"[:;(]", sentence[m.end():at]):
            return True       # the name is what the data goes to, not a word further on
    return False


_GIVES_RE = re.compile(r"(?i)\b(?:share|shares|shared|disclose[sd]?|provides?|provided|sends?|sent|transfers?|"
                       r"transferred|sells?|sold)\b[^.;]{0,80}?\b(?:with|to)\b")


def vendor_roles(names: list[str], old_text: str, new_text: str) -> dict[str, str]:
    """{name: role} for the vendors a report names, read in both versions."""
    return {v: role_in(v, [old_text, new_text]) for v in sorted(names)}
