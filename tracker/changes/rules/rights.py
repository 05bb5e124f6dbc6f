"""The user's rights and controls added or dropped, told apart from sentences that word a right but
give none, and whether another text still gives them in other words (right_given).
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from tracker.changes.literals import Prefiltered
from tracker.changes.priorities import HEADLINE_LIMIT
from tracker.changes.phrasing import clause_about, reads_was, third_person, words_around
from tracker.changes.rules.common import _content_words, Context, _live, _lower, NAMED_QUOTE_LIMIT, _new_texts, _owner_says, _restated, _RIGHT_RE, Statement


# 'you can always ask us for more information', 'you may contact us with questions': an offer to
# answer, not a right over one's data
# ('you may exercise these rights by emailing us at …' says how to use rights stated before it: no right of its own)
_ASK_ONLY_RE = re.compile(r"(?i)\byou (?:can|may) (?:always |also )?ask (?:\w+ )?(?:for )?(?:more|further|additional) "
                          r"(?:information|details)\b|\byou (?:can|may) (?:always |also )?ask (?:\w+ )?(?:any )?questions?\b|"
                          r"\byou (?:can|may) (?:also )?exercise (?:these|those|such|this|the above|any of these|"
                          r"any of those) rights? (?:by|through|via|at)\b")


# what any browser lets its user do ('you can remove or block cookies using the settings in your
# browser'): an instruction, not a right the company gives or takes away
_BROWSER_ONLY_RE = Prefiltered(re.compile(r"(?i)\b(?:using|through|via|in|with|by (?:changing|adjusting|modifying|setting)) "
                              r"(?:the |your )?(?:web )?browser(?:'s)? (?:settings|preferences|options)\b|"
                              r"\bsettings (?:in|of|on) (?:the |your )?(?:web )?browser\b|"
                              r"\b(?:set|configure|change) your (?:web )?browser to (?:refuse|reject|block|decline|notify)\b|"
                              # a browser add-on's own settings ('by changing the add-on's settings')
                              r"\b(?:changing|adjusting|modifying|using|in|through|via) (?:the |your |its )?"
                              r"(?:browser )?(?:add-?ons?|plug-?ins?)(?:'s?|s')? (?:settings|preferences|options)\b"),
                               ("browser", "add", "plug"))       # every match holds one of these


# the user volunteering data ('you may choose to give Cisco Personal Information in a variety of
# situations') and reading something that is not their data ('you can review its Privacy Shield
# registration here'): a description and a pointer, no right
_VOLUNTEERS_RE = re.compile(r"(?i)\byou (?:may|can) (?:also )?choose to (?:give|provide|submit|send|enter|post|share|"
                            r"disclose|reveal|publish|upload|make (?:\w+ ){0,3}public|grant (?:\w+ )?access|note|include|add|"
                            r"associate|link|connect|log in|sign in|create)\b|"
                            # withholding data ('you can choose not to provide personal information we
                            # may request') and agreeing to a feature ('you can opt in to receive push
                            # notifications'): what the user gives, no right over the company's processing
                            r"\byou (?:may|can) (?:also |always )?choose not to (?:provide|give|submit|disclose|enter)\b|"
                            r"\byou (?:may|can) (?:also )?(?:choose to )?opt[- ]?in\b|"
                            r"\byou (?:may|can) (?:also )?(?:choose|elect|sign up|subscribe) to (?:receive|get)\b")
# a setting of another company's service ('in your Privacy Settings on Facebook'): what that
# service lets its users do, not a right this company gives or takes away
_ELSEWHERE_RE = re.compile(r"\b(?:[Ss]ettings|[Pp]references|[Cc]ontrols|[Aa]ccount) (?:on|at|with) ([A-Z][\w.&'-]+)")
_READS_RE = re.compile(r"(?i)\byou (?:may|can) (?:also )?(?:review|read|view|see|find|learn|visit|consult|"
                       r"obtain (?:a )?cop(?:y|ies) of)\b"
                       r"(?![^.;]{0,50}\b(?:your|their|the) (?:own )?(?:personal |account |contact )?(?:information|data|"
                       r"account|settings|preferences|history|profile|choices|details)\b)")


# a right the company keeps for itself ('WP Company reserves the right to correct any errors')
_RESERVED_RE = re.compile(r"(?i)\b(?:reserves?|retains?)\s+(?:the|all|any|its|a)\s+rights?\s+(?:to|of)\s+[\w-]+")


# what a feature is for ('tracks your order history so you can access Your Account and see …'):
# a description of the service, no right given
_SO_YOU_CAN_RE = re.compile(r"(?i)\bso (?:that )?you (?:can|may|will be able to)\b[^.;]*")


# a right told in a relative clause of a sentence about a practice ('We may suggest people to
# follow based on your imported contacts, which you can delete at any time'): the sentence states
# the practice; the control is its aside, and the statement is no 'New right'
_RELATIVE_RE = re.compile(r"(?i)\b(?:which|whom)\s+$")


def _only_aside(text: str) -> bool:
    """Is every right the sentence words in a relative clause (see _RELATIVE_RE)?"""
    found = list(_RIGHT_RE.finditer(text))
    return bool(found) and all(_RELATIVE_RE.search(text[max(0, m.start() - 12):m.start()]) for m in found)


def _no_right(text: str) -> bool:
    """Sentences that word a right but give none (see _ASK_ONLY_RE, _BROWSER_ONLY_RE, _VOLUNTEERS_RE, _READS_RE,
    _RESERVED_RE, _RELATIVE_RE)."""
    return bool(_ASK_ONLY_RE.search(text) or _BROWSER_ONLY_RE.search(text) or _VOLUNTEERS_RE.search(text)
                or _only_aside(text)
                or _RESERVED_RE.search(text) and not _RIGHT_RE.search(_RESERVED_RE.sub(" ", text))
                or _SO_YOU_CAN_RE.search(text) and not _RIGHT_RE.search(_SO_YOU_CAN_RE.sub(" ", text))
                or _READS_RE.search(text) and not re.search(r"(?i)\b(?:and|or) (?:update|correct|delete|edit|change|"
                                                            r"opt|download|export|request)\b", text))


# a control of the user in any wording: what a reworded sentence may already have given
_CONTROL_RE = re.compile(r"(?i)\b(?:opt[- ]?out|opt[- ]?in|unsubscribe|limit|restrict|choose|choice|right to|may request|"
                         r"can request|ask (?:us|that)|control|prevent|decline|refuse|withdraw)\b")
_DISCLAIMS_RE = re.compile(r"(?i)^[^,;]{0,60}?\b(?:cannot|can't|can not|does not|do not|is not able to) "
                           r"(?:control|guarantee|ensure|be responsible)\b")


def _disclaims(said: str) -> bool:
    """'Acme cannot control the actions of other users with whom you may choose to share': the
    main clause disclaims, the user gains no right."""
    return bool(_DISCLAIMS_RE.search(said))


def _elsewhere(text: str, owner: str) -> bool:
    """Is the control the sentence gives exercised in another company's service (see _ELSEWHERE_RE)?"""
    return any(m.group(1) not in owner and owner.split()[0] not in m.group(1) for m in _ELSEWHERE_RE.finditer(text))


# the authority a complaint goes to, as the sentence names it: 'lodge a complaint with the Irish Data Protection
# Commission', 'complain to your local supervisory authority', 'to the Information Commissioner's Office'
_AUTHORITY_RE = re.compile(
    r"(?i)\bcomplain\w*\b[^.;]{0,60}?\b(?:to|with|before)\s+(?P<who>(?:the|your|a|an|its|their)\s+(?:[\w'\u2019-]+\s+){0,6}?"
    r"(?:authorit(?:y|ies)|commission(?:er)?(?:'s|\u2019s)?(?:\s+office)?|inspectorate|regulator|ombuds\w*|supervisor)\b"
    r"(?:\s+(?:of|for|in)\s+(?:the\s+)?(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))?)")


def _authority(text: str) -> str | None:
    """The authority a sentence says the user may complain to, as it names it, or None."""
    m = _AUTHORITY_RE.search(text)
    return " ".join(m.group("who").split()) if m and _TO_USER_RE.search(text) else None


def complaint_swaps(ctx: Context) -> list[Statement]:
    """The complaint to an authority kept but sent to another one ('You can now complain to the
    Estonian Data Protection Inspectorate (was: the Irish Data Protection Commission)'): the
    right stays, its authority changed. Only when the old text no longer names the old authority
    and never named the new one."""
    gone = [(k, a) for k, c in _live(ctx) if c.kind in ("removed", "reworded") and (a := _authority(c.old or ""))]
    if not gone:
        return []
    come = [(k, a) for k, c in _live(ctx) if c.kind in ("added", "reworded") and (a := _authority(c.new or ""))]
    old_all, new_all = (" ".join(x).lower() for x in (ctx.old_sentences, ctx.new_sentences))
    for ko, was in gone:
        for kn, now in come:
            if _bare(was).lower() in new_all or _bare(now).lower() in old_all or _bare(was).lower() == _bare(now).lower() \
                    or not _NAMED_RE.search(f"{_bare(was)} {_bare(now)}"):
                continue          # still named, named before, or two authorities by kind only: no news
            return [Statement(f"You can now complain to {now} (was: {was})", "rights", "value-changed", was, now,
                              tuple(dict.fromkeys((kn, ko))))]
    return []


# an authority named by its own name ('Irish Data Protection Commission'), not only by its kind ('your local
# supervisory authority'): a change between two kinds only tells the reader nothing
_NAMED_RE = re.compile(r"\b[A-Z][a-z]")


def _bare(authority: str) -> str:
    """An authority's name without its article: what another text naming it writes."""
    return re.sub(r"(?i)^(?:the|your|a|an|its|their)\s+", "", authority)


# a right given as the way to use it ('If you wish to delete your profile information …, please
# Click Here'): its condition and its way are both the right, so it is quoted whole up to the
# longer limit of a named quote
_WAY_TO_RIGHT_RE = re.compile(r"(?i)if you (?:wish|want|would like|intend) to ")


def _way_short(said: str) -> str:
    """The headline form of a right given as the way to use it: 'If you wish to delete your
    profile information, please Click Here' -> 'New right: you can delete your profile
    information'; '' for any other right or when it does not fit."""
    m = re.match(r"(?i)if you (?:wish|want|would like|intend) to ([^,;]{10,}?),\s*(?:please\b|you (?:can|may|should|must)\b)", said)
    short = f"New right: you can {m.group(1)}" if m else ""
    return short if len(short) <= HEADLINE_LIMIT else ""


def rights_statements(ctx: Context) -> list[Statement]:
    """A right or control of the user added or removed."""
    out: list[Statement] = complaint_swaps(ctx)
    rights_now: list[str] | None = None     # the new sentences that state a right, found once
    for k, c in _live(ctx):
        o, n = c.old or "", c.new or ""
        o, n = ("" if _no_right(o) or _elsewhere(o, ctx.owner) else o), ("" if _no_right(n) or _elsewhere(n, ctx.owner) else n)
        if c.kind in ("added", "reworded") and _RIGHT_RE.search(n) and not _RIGHT_RE.search(o):
            said = _owner_says(ctx, n, _RIGHT_RE) or (_owner_says(ctx, n, _RIGHT_RE, NAMED_QUOTE_LIMIT)
                                                       if _WAY_TO_RIGHT_RE.match(n) else None)
            if said and not _disclaims(said) and c.kind == "reworded" and _CONTROL_RE.search(o):
                # the old sentence gave a control in other words: the right changed, it is not new
                was = clause_about(o, _CONTROL_RE, 120) or words_around(o, _CONTROL_RE)
                text = f"{said} (was: {_lower(third_person(was, ctx.owner))})" if was else reads_was(said, o, n)
                if text:
                    out.append(Statement(text, "rights", "practice-changed", was, said, (k,)))
            elif said and not _disclaims(said):
                out.append(Statement(f"New right: {_lower(said)}", "rights", "right-added", None, said, (k,),
                                     _way_short(said)))
        elif c.kind == "reworded" and _RIGHT_RE.search(n) and _RIGHT_RE.search(o) and _new_address(o, n):
            said = _owner_says(ctx, n, _RIGHT_RE)
            was = clause_about(o, _RIGHT_RE, 120)
            if said and was and not _disclaims(said):
                # the right stays, exercised at a new address ('… by signing in to privacy.apple.com')
                out.append(Statement(f"{said} (was: {_lower(third_person(was, ctx.owner))})", "rights",
                                     "value-changed", was, said, (k,)))
        elif c.kind in ("removed", "reworded") and _RIGHT_RE.search(o) and not _RIGHT_RE.search(n):
            if c.kind == "removed" and rights_now is None:
                rights_now = _new_texts(ctx, lambda t: bool(_RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t)
                                                             or _MANAGE_RE.search(t) or _recourse(t)))
            kept = rights_now if c.kind == "removed" and rights_now else []
            if kept and (_restated(o, kept) or _same_control(o, kept) or _same_rights(o, kept)):
                continue                  # the right is still stated, in other words
            said = _owner_says(ctx, o, _RIGHT_RE)
            if said:
                out.append(Statement(f"Right no longer stated: {_lower(said)}", "rights", "right-removed",
                                     said, None, (k,)))
    return out


# a web address or an e-mail address: where a right is exercised
_ADDRESS_RE = re.compile(r"(?i)\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|eu|co|gov|edu)\b")


OPENING_WORDS = 4     # words a sentence keeps at its start when an edit only appends to it


def _new_address(old: str, new: str) -> bool:
    """Is the new sentence a new way to exercise the right, at an address (a site, an e-mail),
    where the old one gave none: rewritten from its start ('Online tools … by signing in to
    privacy.apple.com' for 'Requests can be made through the Contact Form'), not the old sentence
    with an address appended or an address swapped (a contact change, said by its own rule)?"""
    if _ADDRESS_RE.search(old) or not _ADDRESS_RE.search(new):
        return False
    return not new.lower().startswith(" ".join(old.lower().split()[:OPENING_WORDS]))


_CONTROLLED_RE = re.compile(r"(?i)\b(?:cookies?|e-?mails?|marketing|location|ads|advertising|notifications|newsletters?|"
                            r"browser settings)\b")


# the user's control in words no right pattern reads: 'You can manage what kinds of
# notifications you receive', 'you may change your cookie settings', 'You can unsubscribe from our marketing emails'
_MANAGE_RE = re.compile(r"(?i)\byou (?:can|may) (?:also |always )?(?:manage|change|adjust|set|unsubscribe)\b")


def _same_control(text: str, elsewhere: list[str]) -> bool:
    """A dropped control whose object and most of whose words return in a new one ('opt out by
    changing your browser settings to not accept cookies' -> 'withdraw your consent … or block
    cookies by changing your browser settings'), or whose object the user still controls in a
    sentence of their own ('You may choose to opt out of certain kinds of notifications' -> 'You
    can manage what kinds of notifications you receive'): the control is restated, not removed."""
    objects = {m.lower().rstrip("s") for m in _CONTROLLED_RE.findall(text)}
    words = _content_words(text)

    def restated(e: str) -> bool:
        if not objects & {m.lower().rstrip("s") for m in _CONTROLLED_RE.findall(e)}:
            return False
        shared = len(words & _content_words(e))
        return shared >= 0.4 * len(words) or shared >= 0.3 * len(words) and bool(_MANAGE_RE.search(e) or _RIGHT_RE.search(e))
    return bool(objects) and len(words) >= 3 and any(restated(e) for e in elsewhere)


_RIGHT_OBJECT_RE = re.compile(r"(?i)\b(?:access|correct|correction|rectif\w+|delet\w+|eras\w+|cop(?:y|ies)|portab\w+|"
                              r"restrict\w*|object|objection|opt[- ]?out|unsubscribe|withdraw\w*|updat\w*|edit|"
                              r"limit(?:ation)?(?=(?: of)? (?:the )?processing\b)|"
                              r"explanation(?= of (?:the |your |any |what )?(?:personal )?(?:information|data))|"
                              r"(?<=right to )know|(?<=right to request to )know)\b")
# one right under its other names: 'a copy' and 'copies'; 'an explanation of the information
# Uber has about you' and the right to know (what a company collected, in the US state laws' words) are
# access; rectification, updating and editing are correction; erasure is deletion; limiting processing is restricting it
_RIGHT_FAMILY = {"copie": "copy", "expla": "acces", "know": "acces", "recti": "corre", "erasu": "delet", "erase": "delet",
                 "limit": "restr",      # 'the right to limit processing', 'the limitation of the processing' is its restriction
                 "updat": "corre", "edit": "corre"}


# a right in any wording ('Users outside the EU may also request …', 'You also have the right to
# receive a copy …'): what a dropped right may be restated as
_ANY_RIGHT_RE = Prefiltered(re.compile(r"(?i)\bright to\b|\b(?:may|can) (?:also )?request\b|\brequest that\b|"
                           r"\b(?:gives?|provides?|offers?) you (?:with )?(?:the |an? )?(?:ability|abilities|options?|"
                           r"opportunit(?:y|ies)|ways?|means|tools?) to\b|\b(?:allows?|enables?|lets) you to (?:access|edit|update|correct|"
                           r"delete|review|download|export|opt)\b"), ("right", "request", "you"))   # every match holds one


def _right_objects(text: str, to_user: bool = True) -> set[str]:
    """The rights a sentence gives, one key per right whatever its wording (the rights a law gives
    as one, _recourse, among them; to_user: only when the sentence speaks to the user)."""
    return {_RIGHT_FAMILY.get(k, k) for k in (m.lower()[:5] for m in _RIGHT_OBJECT_RE.findall(text))} \
        | _recourse(text, to_user)


# the rights a privacy law gives as one, whatever their wording, one key each: to appeal the company's
# decision on a request ('you may appeal our decision', 'contact us if you disagree with our
# decision'), to complain to an authority ('lodge a complaint with your DPA', 'complain to the
# Information Commissioner's Office') and to limit the use of sensitive personal information ('the
# right to opt-in, opt-out, or limit the use … of "sensitive" personal information' = 'Right to
# Limit Processing of Sensitive Personal Information'). One right each, not one per feature: given
# once, it is given for all
_RECOURSE: dict[str, "re.Pattern[str]"] = {
    "sensitive": re.compile(r"(?i)\blimit\w* (?:the |our |its |how we )?(?:\w+ ){0,2}?(?:use|uses|processing|process|"
                            r"disclosure|sharing)\b[^.;]{0,60}?\bsensitive\b|\bright to limit\b[^.;]{0,60}?\bsensitive\b"),
    "appeal": re.compile(r"(?i)\bappeal(?:s|ed)?\b|\bdisagree\w* with (?:our|the|this|that|its|any) (?:\w+ )?(?:decision|response|"
                         r"determination|denial)|\b(?:contest|challenge) (?:our|the|this|that|its|any) (?:\w+ )?"
                         r"(?:decision|response|determination|denial)"),
    # an authority by its kind or its name: 'the Irish Data Protection Commission', 'the Estonian Data Protection Inspectorate'
    "complaint": re.compile(r"(?i)\bcomplain\w*\b[^.;]{0,80}?(?:\bauthorit\w*|\bregulator\w*|\bcommission\w*|"
                            r"\binspectorate\b|\bsupervis\w*|\bombuds\w*|\battorneys? general\b|\bICO\b|\bDPA\b|\bDPC\b|"
                            r"\bCNIL\b)"),
    # a say over decisions made by automated means alone, however worded: to object to them, contest them, have
    # them reconsidered, not to be subject to them ('the right to require that decisions be reconsidered if they
    # are made solely by automated means' = 'a right to object to decisions … taken solely by automated means')
    "automated": re.compile(r"(?i)\b(?:object\w*|contest\w*|challeng\w*|reconsider\w*|not to be (?:the )?subject\w*|"
                            r"human (?:intervention|involvement|review))\b[^.;]{0,100}?\bautomat(?:ed|ic)\b[^.;]{0,40}?"
                            r"\b(?:decisions?|decision-making|means|processing)\b"),
}
# a recourse is the user's when the sentence speaks to them ('you', 'your'), not a company's
# commitment to a panel of authorities ('… cooperate with the panel … with regard to unresolved complaints')
# 'opt out' = 'opt-out' = 'optout' beside a right of _RECOURSE ('the right to opt-in, opt-out, or limit the use … of
# sensitive personal information'); elsewhere an opt-out is one per feature, told apart by its object
_OPT_OUT = {"opt o": "opt-o", "optou": "opt-o"}
_TO_USER_RE = re.compile(r"(?i)\byou(?:r)?\b")
_RECOURSE_WORDS = ("appeal", "disagree", "complain", "contest", "challenge", "sensitive", "automat")     # every match holds one


def _recourse(text: str, to_user: bool = True) -> set[str]:
    """The rights of _RECOURSE a sentence gives, by key; to_user: only when it speaks to the user
    (a sentence read as a right already needs no such sign)."""
    low = text.lower()
    if not any(w in low for w in _RECOURSE_WORDS) or to_user and not _TO_USER_RE.search(text):
        return set()
    return {key for key, rx in _RECOURSE.items() if rx.search(text)}


def _same_rights(text: str, elsewhere: list[str]) -> bool:
    """A dropped right whose every object (access, correction, a copy, deletion …) the new rights
    still give, in whatever sentences: a rewrite restated it, the user lost nothing."""
    objects = _right_objects(text)
    given: set[str] = set()
    for e in elsewhere:
        given |= _right_objects(e)
    return bool(objects) and objects <= given


# a right over one's data as a whole ('access and edit certain personally identifying
# information', 'update any contact information you provide'), not over one feature's content
_DATA_RIGHT_RE = re.compile(r"(?i)\b(?:access|correct\w*|rectif\w+|delet\w+|eras\w+|cop(?:y|ies)|updat\w*|edit)\b"
                            r"[^.;]{0,60}?\b(?:information|data)\b|\bright to (?:request to )?know\b|"
                            # a right named as a law names it ('Right of access', 'Right to erasure'): over all one's data
                            r"\bright (?:of|to) (?:access|rectification|correction|erasure|deletion|data portability|portability|be forgotten|"
                            r"restrict(?:ion)?|object(?:ion)?)\b")
_CONTROL_WORDS_RE = re.compile(r"(?i)\b(?:opt[- ]?(?:out|in)|unsubscribe|withdraw\w*|choose|limit|control|preferences?|"
                               r"settings?)\b")


def right_given(sentences: Sequence[str], before: bool = False) -> Callable[[str], bool]:
    """For corroborate: does the text of these sentences give the right or control a sentence
    said gone (or, before=True, said new) gives, in whatever words and however many sentences
    ('access to, correction of, or a copy of your information' -> 'an explanation of the
    information Uber has about you' and 'copies or correction of your data')? A right said new
    is refuted only as a right over one's data as a whole, as a way to stop the company's
    messages the other text also gives (_same_stop), or as a sentence of the other text that
    gives a right, whole, plus how to use it (_method_added): any other opt-out or control over
    one feature is news even when the old text had others. The sentences that give rights are
    found once."""
    rights: list[str] | None = None
    objects: set[str] = set()      # every right those sentences give (_same_rights), gathered once
    recourses: set[str] | None = None      # every right any sentence gives, a recourse among them, gathered once

    def given(text: str) -> bool:
        nonlocal rights, recourses
        if not (_RIGHT_RE.search(text) or _ANY_RIGHT_RE.search(text)):
            return False
        if _recourse(text, to_user=False):
            # an appeal, a complaint to an authority or the limit on sensitive data is one right, however
            # worded and in whatever sentence: given there with every other right the sentence gives,
            # it is neither new nor gone
            if recourses is None:
                recourses = set().union(*(_right_objects(t, to_user=not (_RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t)))
                                          for t in sentences if _recourse(t) or _RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t)))
            return {_OPT_OUT.get(k, k) for k in _right_objects(text, to_user=False)} <= {_OPT_OUT.get(k, k) for k in recourses}
        if before and (not _DATA_RIGHT_RE.search(text) or _CONTROL_WORDS_RE.search(text)):
            return False
        if rights is None:
            rights = [t for t in sentences if _RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t) or _MANAGE_RE.search(t)]
            if before:
                rights = [t for t in rights if _DATA_RIGHT_RE.search(t)]
            for t in rights:
                objects.update(_right_objects(t))
        wanted = _right_objects(text)
        if wanted and wanted <= objects:       # _same_rights(text, rights)
            return True
        return not before and _same_control(text, rights)

    stops: list[set[str]] | None = None       # the other text's ways to stop messages, found once
    keys: list[str] | None = None             # and its right sentences as word runs

    def given_before(text: str) -> bool:
        nonlocal stops, keys
        if given(text):
            return True
        if not (_RIGHT_RE.search(text) or _ANY_RIGHT_RE.search(text)):
            return False
        if stops is None:
            stops = [names for t in sentences for names in _stopped_messages(t)]
        if _stops_there(text, stops):
            return True
        if keys is None:
            keys = _right_runs(sentences)
        tokens = " " + " ".join(_TOKEN_RE.findall(text.lower())) + " "
        return any(k in tokens for k in keys)
    return given_before if before else given


# a way to stop receiving the company's messages, the messages its object ('opt out of receiving
# promotional messages', 'To unsubscribe to these communications', 'If you do not wish to receive
# promotional e-mails'); text messages to a phone are another control, and an opt-out of a use
# of data ('opt-out of our use of your viewing data to serve ads in email newsletters') is none
_MESSAGE_KIND = r"(?:communications?|e-?mails?|newsletters?|mailings?|messages|messaging|promotions)"
_STOPS_MESSAGES_RE = re.compile(
    r"(?i)\b(?:opt[- ]?out|unsubscribe|stop)(?: (?:of|from|to))? (?:receiving |getting )?"
    r"((?:[\w'-]+,? ){0,3}?)" + _MESSAGE_KIND + r"\b|"
    r"\b(?:(?:do not|don't|no longer) (?:wish|want) to|prefer not to|choose not to|elect not to) receive "
    r"((?:[\w'-]+,? ){0,3}?)" + _MESSAGE_KIND + r"\b")
# messages to a phone, or from others ('If you no longer want to receive communication from a third
# party, you will need to contact that third party'): not the company's own messages
_PHONE_MESSAGES_RE = re.compile(r"(?i)\b(?:text|sms|mobile|push|phone|third[- ]part(?:y|ies)|partners?|advertisers?)\b")
_CANNOT_STOP_RE = re.compile(r"(?i)\b(?:not|n't|cannot) (?:opt|unsubscribe)\b")


def _stopped_messages(text: str) -> list[set[str]]:
    """For each way the sentence gives to stop receiving messages, the names in its object
    ('Target Ticket promotional e-mails' are another sender's)."""
    if _PHONE_MESSAGES_RE.search(text) or _CANNOT_STOP_RE.search(text):
        return []
    return [set(re.findall(r"\b[A-Z][\w'-]+", m.group(1) or m.group(2) or "")) for m in _STOPS_MESSAGES_RE.finditer(text)]


def _same_stop(text: str, sentences: Sequence[str]) -> bool:
    """A way to stop receiving the company's messages said new that the other text already gives
    ('You may opt-out of receiving such messaging by following the instructions included in each
    message' <- 'To unsubscribe to these communications you will be required to click an
    "Unsubscribe" link'): only the wording of the same control changed. Messages of a named
    sender or service are that sender's, stopped only where the other text names it too."""
    return _stops_there(text, [names for t in sentences for names in _stopped_messages(t)])


def _stops_there(text: str, there: list[set[str]]) -> bool:
    """_same_stop with the other text's ways to stop messages found beforehand."""
    wanted = _stopped_messages(text)
    return bool(wanted) and all(any(names <= have for have in there) for names in wanted)


_TOKEN_RE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
MIN_METHOD_TOKENS = 8       # an old sentence this long found whole inside the new one is the same right


def _method_added(text: str, sentences: Sequence[str]) -> bool:
    """A right said new whose sentence holds a whole sentence of the other text that gives a right,
    word for word, and adds to it only how to use it ('If you prefer that we do not share this
    information, you may opt-out.' -> '…, you may opt-out by e-mailing us at …'): not new."""
    tokens = " " + " ".join(_TOKEN_RE.findall(text.lower())) + " "
    return any(k in tokens for k in _right_runs(sentences))


def _right_runs(sentences: Sequence[str]) -> list[str]:
    """The sentences that give a right, MIN_METHOD_TOKENS words or more, as space-padded word runs."""
    out = []
    for t in sentences:
        words = _TOKEN_RE.findall(t.lower())
        if len(words) >= MIN_METHOD_TOKENS and (_RIGHT_RE.search(t) or _ANY_RIGHT_RE.search(t)):
            out.append(f" {' '.join(words)} ")
    return out
