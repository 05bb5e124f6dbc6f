"""Promises to tell or answer the user, withdrawn or made.

- Telling of changes, withdrawn: 'We will notify you of such changes before they are
  implemented' dropped for 'we will post the updated Privacy Policy on this page … your continued
  use … constitutes your acceptance': the user is no longer told before the rules change, and
  most rewrites that drop it say so nowhere else. The sentence carries no data practice, so the
  other rules (and materiality) never read it. The same for a promise to tell the user before
  their data passes to a new owner (a merger, an acquisition).
  Said only when no sentence new to this version still promises to tell, in any words ('we will
  notify you by posting a notice', 'you will receive an e-mail'), and the new text still speaks
  of the matter (a text that no longer does may be a partial capture).
- Answering within a deadline, made: 'We will respond to any request to exercise your rights
  within one month of receipt', where the old text set no deadline for answering.
"""

from __future__ import annotations

import re

from tracker.changes.report import Change
from tracker.changes.phrasing import tidy
from tracker.changes.rules.common import _editors_note, _lower, NAMED_QUOTE_LIMIT, _owner_says, _stamp_only, Context, Statement

# the company telling the user: 'we will notify you', 'we'll e-mail you', 'we will provide you
# with notice', 'you will be notified', 'you will receive an e-mail'; never what the user is asked to do
_TELLS_RE = re.compile(
    r"(?i)\b(?:will|shall|'ll|’ll|would|undertakes? to|commits? to|promises? to)\s+(?:\w+ly\s+|also\s+|always\s+|first\s+){0,2}"
    r"(?:notify|inform|tell|e-?mail|contact|alert|let)\s+you\b|"
    r"\b(?:will|shall|'ll|’ll)\s+(?:make|use)\s+(?:all\s+)?(?:commercially\s+)?reasonable\s+efforts\s+to\s+(?:notify|inform|tell|alert)\s+you\b|"
    r"\b(?:will|shall|'ll|’ll)\s+(?:\w+ly\s+|also\s+|always\s+){0,2}(?:provide|give|send)\s+(?:you\s+)?(?:with\s+)?"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:notice|notification|e-?mail|message)\b|"
    r"\byou will (?:\w+ly )?(?:be (?:notified|informed|told|alerted)|receive (?:an? )?(?:[\w-]+ ){0,2}(?:notice|notification|e-?mail))\b")
# any promise to tell, in the new text: the same test without the modal (a loose reading keeps a
# moved or reworded promise from being called gone)
_STILL_TELLS_RE = re.compile(
    r"(?i)\b(?:notify|inform|tell|e-?mail|alert|contact)\s+(?:\w+\s+){0,2}(?:you|users|customers|members)\b|"
    r"\blet (?:you|users|customers|members) know\b|"
    r"\b(?:be|been|are|is) (?:notified|informed|alerted)\b|\b(?:provide|give|send)\s+(?:you\s+)?(?:with\s+)?"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:notice|notification)\b|\breceive (?:an? )?(?:[\w-]+ ){0,2}(?:notice|notification)\b")
# a denial or a limit on the telling: 'we will not notify you', 'without notice'
_NOT_TELLING_RE = re.compile(r"(?i)\b(?:will|shall|do|does) not (?:\w+ )?(?:notify|inform|tell|e-?mail|alert)\b|"
                             r"\bwithout (?:\w+ )?notice\b|\bno (?:obligation|duty) to\b")
# what is told of: changes to this policy ('changes to this Privacy Policy', 'we update this
# notice', 'material changes', 'such changes' after a sentence about them)
_POLICY_CHANGE_RE = re.compile(
    r"(?i)\b(?:changes?|updates?|modifications?|amendments?|revisions?)\s+(?:to|of|in)\s+(?:this|our|the|these)\s+"
    r"(?:[\w-]+\s+){0,2}(?:polic(?:y|ies)|statement|notice|terms)\b|"
    r"\b(?:change|update|modify|amend|revise|changes|updates|modifies|amends|revises|changed|updated|modified|amended|revised)"
    r"\s+(?:this|our|the)\s+(?:[\w-]+\s+){0,2}(?:polic(?:y|ies)|statement|notice)\b|"
    r"\b(?:polic(?:y|ies)|statement|notice)\s+(?:is|are|has been|have been|will be|may be)\s+"
    r"(?:\w+ly\s+)?(?:changed|updated|modified|amended|revised)\b|"
    r"\b(?:material|significant|substantial|important|major)\s+(?:changes?|updates?|modifications?|amendments?|revisions?)\b")
# changes named by reference: 'such changes', 'any changes', 'these updates' (its referent in the
# sentence before or in the section's title)
_CHANGES_RE = re.compile(r"(?i)\b(?:changes?|updates?|modifications?|amendments?|revisions?|changed|updated|modified|amended|revised)\b")
# changes to something other than the policy: 'changes to our services', 'account updates'
_OTHER_CHANGE_RE = re.compile(r"(?i)\b(?:changes?|updates?|improvements?)\s+(?:to|of|in)\s+(?:our|the|your)\s+"
                              r"(?:services?|products?|features?|account|apps?|software|prices?|fees?|site|platform|settings)\b|"
                              r"\b(?:security|software|product|account|service|app) (?:updates?|changes?)\b")
# the company or its assets passing to another owner ('a merger, acquisition or bankruptcy', 'your
# information becomes subject to different privacy and security policies')
_OWNERSHIP_RE = re.compile(r"(?i)\b(?:change (?:in|of) (?:\w+ )?(?:ownership|control)|mergers?|acquisitions?|"
                           r"bankruptcy|(?:sale|sell|sold|transfer) (?:of )?(?:all|substantially all|some|part) of (?:our|its|the) "
                           r"(?:\w+ )?(?:assets|business|company)|subject to (?:a )?different privacy)\b")
# ahead of the change: 'before they take effect', 'in advance', '30 days before'
_AHEAD_RE = re.compile(r"(?i)\b(?:before|prior to|in advance|advance notice|ahead of)\b")


def _about_policy_change(text: str, before: str, title: str) -> bool:
    """Is what the sentence tells of a change to this policy: said in it, or named by reference
    ('such changes') with the policy's change in the sentence before or the section's title?"""
    if _OTHER_CHANGE_RE.search(text):
        return False
    if _POLICY_CHANGE_RE.search(text):
        return True
    return bool(_CHANGES_RE.search(text)) and bool(_POLICY_CHANGE_RE.search(before) or (
        _CHANGES_RE.search(title) and re.search(r"(?i)\b(?:polic(?:y|ies)|statement|notice)\b", title)))


def tells_of_changes(text: str, before: str = "", title: str = "") -> bool:
    """Does the sentence promise to tell the user of changes to this policy ('If we make material
    changes, we will notify you by e-mail before they take effect')?"""
    return bool(_TELLS_RE.search(text)) and not _NOT_TELLING_RE.search(text) and _about_policy_change(text, before, title)


def tells_of_new_owner(text: str, before: str = "") -> bool:
    """Does the sentence promise to tell the user before their data passes to a new owner ('Should
    one of these events occur, we will make reasonable efforts to notify you before your
    information becomes subject to different privacy and security policies')?"""
    return bool(_TELLS_RE.search(text)) and not _NOT_TELLING_RE.search(text) and bool(
        _OWNERSHIP_RE.search(text) or _OWNERSHIP_RE.search(before))


def _new_sentences(ctx: Context) -> list[str]:
    """The sentences of the new text the old one did not write: a sentence the old text also
    wrote beside the promise ('To contact you for software updates or changes to this Privacy
    Policy', a purpose of use) is not the promise kept."""
    old = set(ctx.old_sentences)
    return [t for t in ctx.new_sentences if t not in old]


def _still_tells(ctx: Context, subject: "re.Pattern[str]") -> bool:
    """Does some sentence new to this version still speak of telling the user, in any words, of
    what subject names (a change, a new owner), in it or in the sentence before?"""
    fresh = set(_new_sentences(ctx))
    sentences = ctx.new_sentences
    return any(t in fresh and _STILL_TELLS_RE.search(t) and not _NOT_TELLING_RE.search(t)
               and (subject.search(t) or (k > 0 and subject.search(sentences[k - 1])))
               for k, t in enumerate(sentences))


def _still_ahead(ctx: Context) -> bool:
    """Does some sentence new to this version still put something ahead of a change ('we will post
    an updated notice on the Website prior to the change becoming effective')? Then what is lost
    is being told, not being told in time."""
    return any(_AHEAD_RE.search(t) and _CHANGES_RE.search(t) for t in _new_sentences(ctx))


def _before(ctx: Context, text: str) -> str:
    """The sentence before text in the old version, or ''."""
    k = ctx.sentence_index(text, old=True)
    return ctx.old_sentences[k - 1] if k else ""


def notice_statements(ctx: Context) -> list[Statement]:
    """A promise to tell users of changes to the policy, or before their data passes to a new
    owner, dropped with no sentence new to this version making it: 'No longer promises to notify
    you before changes to this policy take effect'. One statement per promise, for its first
    sentence."""
    out: list[Statement] = []
    told: set[str] = set()
    for k, c in enumerate(ctx.changes):
        what = _dropped(ctx, c)
        if what is None or what in told:
            continue
        told.add(what)
        old = c.old or ""
        said = _owner_says(ctx, old, _TELLS_RE, NAMED_QUOTE_LIMIT)
        if what == "owner":
            short = "No longer promises to notify you " + ("before" if _AHEAD_RE.search(old) else "if") \
                + " your data passes to a new owner"
        else:
            ahead = bool(_AHEAD_RE.search(old)) and not _still_ahead(ctx)
            short = "No longer promises to notify you " + ("before changes to this policy take effect" if ahead
                                                            else "of changes to this policy")
        # a promise too long to quote whole is said without its quote: the short form is the fact
        text = f"{short}: “{said}”" if said else short
        out.append(Statement(text, "policy-changes", "promise-withdrawn", said or tidy(old), None, (k,), short))
    return out


def _dropped(ctx: Context, c: Change) -> str | None:
    """'policy' or 'owner' when c was a promise to tell of policy changes or of a new owner that
    no sentence new to this version makes, else None."""
    if c.kind not in ("removed", "reworded") or not c.old or _stamp_only(c) or _editors_note(c):
        return None
    if c.new and (_TELLS_RE.search(c.new) or _STILL_TELLS_RE.search(c.new)):
        return None                   # the sentence still tells, in other words
    before = _before(ctx, c.old)
    if tells_of_new_owner(c.old, "" if _POLICY_CHANGE_RE.search(c.old) else before):
        return "owner" if _still_speaks(ctx, _OWNERSHIP_RE) and not _still_tells(ctx, _OWNERSHIP_RE) else None
    if tells_of_changes(c.old, before, c.section):
        return "policy" if _still_speaks(ctx, _POLICY_CHANGE_RE) and not _still_tells(ctx, _CHANGES_RE) else None
    return None


def _still_speaks(ctx: Context, subject: "re.Pattern[str]") -> bool:
    """Does the new text still speak of the subject of the promise (a change to the policy, a
    new owner)? A text that no longer does may be a partial capture or have moved the whole
    matter to another page: the promise is not known to be gone."""
    return any(subject.search(t) for t in ctx.new_sentences)


# the company answering the user's requests within a stated time: 'We will respond to any request
# to exercise your rights within one month of receipt', 'requests will be answered within 30 days'
_ANSWER_RE = re.compile(
    r"(?i)\b(?:will|shall|'ll|’ll|(?:aims?|strives?|commits?|undertakes?|endeavou?rs?) to)\s+(?:\w+ly\s+)?(?:respond|reply|answer)\b"
    r"[^.;]{0,120}?\bwithin\b|\b(?:requests?|enquir(?:y|ies)|inquir(?:y|ies))\b[^.;]{0,60}?\b(?:will|shall) be "
    r"(?:\w+ly )?(?:answered|responded to|processed|handled)\b[^.;]{0,60}?\bwithin\b")
# a period: 'one month', '30 days', 'a reasonable time' is no deadline
_PERIOD_RE = re.compile(r"(?i)\bwithin\s+(?:\w+\s+){0,2}?(?:\d+|one|two|three|four|five|six|seven|ten|fifteen|thirty|forty-five|"
                        r"sixty|ninety|a|an)\s+(?:\(\d+\)\s+)?(?:calendar\s+|business\s+|working\s+)?(?:days?|weeks?|months?)\b")
# a request about the user's data or rights, not a question sent to support about a product
_REQUEST_RE = re.compile(r"(?i)\b(?:rights?|requests?|personal (?:data|information)|privacy|data subject|access|deletion|erasure)\b")


def answers_within(text: str) -> bool:
    """Does the sentence commit to answering the user's privacy requests within a stated period?"""
    return bool(_ANSWER_RE.search(text)) and bool(_PERIOD_RE.search(text)) and bool(_REQUEST_RE.search(text)) \
        and not _NOT_TELLING_RE.search(text)


def answer_statements(ctx: Context) -> list[Statement]:
    """A deadline for answering the user's requests, new where the old text set none: 'New
    commitment: Substack will respond to any request to exercise your rights within one month of
    receipt'. A deadline that replaced another is a changed value (rules.figures)."""
    for k, c in enumerate(ctx.changes):
        if c.kind not in ("added", "reworded") or not c.new or not answers_within(c.new) or _stamp_only(c) \
                or _editors_note(c):
            continue
        # the old text's sentences are read only for a pair that brings a deadline (most bring none)
        if any(answers_within(t) or (_ANSWER_RE.search(t) and _PERIOD_RE.search(t)) for t in ctx.old_sentences):
            return []
        said = _owner_says(ctx, c.new, _ANSWER_RE, NAMED_QUOTE_LIMIT)
        if said:
            # a deadline is how a right is served, not a limit on what is done with data: it is told
            # after the practices that changed (a new recipient, a new use), before any rewording
            return [Statement(f"New commitment: {_lower(said)}", "rights", "practice-changed", None, said, (k,))]
    return []
