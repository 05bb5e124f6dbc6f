"""Meaning: flips inside reworded sentences, materiality, the verdict, headline and bullets.

The rules are deliberately asymmetric: noise has already been normalised away, so anything left
is at least "minor"; "substantive" needs evidence a reader cares about (a practice, right,
party, period or contact changed); "major" needs most of the text to be new.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from tracker.changes.align import same_layout
from tracker.changes.entities import DELTA_KINDS, NUMBER_WORDS, extract_sentence, sentence_kind, sentence_laws
from tracker.changes.normalize import DATE_RE
from tracker.changes.topics import TOPICS, has_topic, topics_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tracker.changes.align import Pair
    from tracker.changes.report import Change
    from tracker.changes.segment import Document
    from tracker.changes.rules.common import Statement
    from tracker.changes.summary import Facts

_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")
_NEG_RE = re.compile(r"(?i)\b(?:not|never|no|none|nor|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|"
                     r"wasn't|shan't|shouldn't|wouldn't|neither)\b|n't\b")
# idioms with 'not' that negate nothing: 'including but not limited to', 'not only ... but'
_NOT_A_NEGATION_RE = re.compile(r"(?i)\b(?:(?:but )?not limited to|without limitation|not only|whether or not|"
                                r"no matter)\b")
_PERMISSIVE = {"may", "might", "can", "could"}
_MANDATORY = {"will", "shall", "must", "always", "required", "require", "requires"}
_OPT_IN_RE = re.compile(r"(?i)\bopt(?:s|ed)?[- ]?in\b|\bexpress consent\b|\bwith your (?:prior )?consent\b")
_OPT_OUT_RE = re.compile(r"(?i)\bopt(?:s|ed)?[- ]?out\b|\bunless you object\b")
# What is done with data: swapping one of these verbs for another changes a practice even when
# the rest of the sentence stays ("we collect data" -> "we sell data").
_PRACTICE_VERBS: dict[str, str] = {}
for _group, _verbs in {
    "collect": "collect collects collected collecting gather gathers gathered obtain obtains "
               "obtained receive receives received",
    "use": "use uses used using process processes processed processing analyze analyzes "
           "analyse analyses analyzed analysed",
    "share": "share shares shared sharing disclose discloses disclosed disclosing transfer "
             "transfers transferred provide provides provided",
    "sell": "sell sells sold selling rent rents rented trade trades traded license licenses "
            "licensed monetize monetise",
    "keep": "keep keeps kept retain retains retained store stores stored",
    "delete": "delete deletes deleted erase erases erased destroy destroys destroyed "
              "anonymize anonymise anonymizes anonymises anonymized anonymised",
    "track": "track tracks tracked tracking monitor monitors monitored profile profiles "
             "profiled",
}.items():
    for _verb in _verbs.split():
        _PRACTICE_VERBS[_verb] = _group
_NUMBER_RE = re.compile(r"(?i)\b(?:\d+(?:[.,]\d+)?|" + "|".join(
    sorted((w for w in NUMBER_WORDS if " " not in w and w not in ("a", "an")), key=len, reverse=True)) + r")\b")


def tokens(text: str) -> list[str]:
    return _WORD_RE.findall(text)


_SPACED_RE = re.compile(r"(\s*)(\w+(?:['’-]\w+)*|[^\w\s])")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """[(op, text)] with op in ' ', '-', '+': the word-level redline of two sentences.

    Segments keep the original spacing (a segment may start with a space), so joining the
    ' ' and '+' segments gives back NEW exactly and ' ' and '-' gives back OLD.
    """
    return list(_word_diff(old, new))


@lru_cache(maxsize=2048)
def _word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """word_diff, memoised: one reworded pair is diffed by flips, materiality, topics, key
    terms and the summary, five times over otherwise."""
    a = _SPACED_RE.findall(old)
    b = _SPACED_RE.findall(new)
    la, lb = [t.lower() for _, t in a], [t.lower() for _, t in b]
    out: list[tuple[str, str]] = []

    def seg(toks: list[tuple[str, str]]) -> str:
        return "".join((" " if sp else "") + t for sp, t in toks)

    for op, i1, i2, j1, j2 in _opcodes(la, lb):
        if op == "equal":
            out.append((" ", seg(b[j1:j2])))
        else:
            if i2 > i1:
                out.append(("-", seg(a[i1:i2])))
            if j2 > j1:
                out.append(("+", seg(b[j1:j2])))
    return tuple(out)


# SequenceMatcher without autojunk is quadratic on long runs of repeated words: a hostile 1 MB
# one-sentence policy took hours. Common ends are trimmed first (linear); a middle still too big
# is reported as replaced wholesale, which is a correct if coarse redline.
MAX_DIFF_CELLS = 4_000_000


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    head = 0
    limit = min(len(a), len(b))
    while head < limit and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < limit - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    if len(mid_a) * len(mid_b) > MAX_DIFF_CELLS:
        middle: list[tuple[str, int, int, int, int]] = [("replace", 0, len(mid_a), 0, len(mid_b))]
    else:
        middle = list(SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes())
    ops: list[tuple[str, int, int, int, int]] = []
    if head:
        ops.append(("equal", 0, head, 0, head))
    for op, i1, i2, j1, j2 in middle:
        if i1 == i2 and j1 == j2:
            continue
        if op == "replace" and i1 == i2:
            op = "insert"
        elif op == "replace" and j1 == j2:
            op = "delete"
        ops.append((op, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


@lru_cache(maxsize=2048)
def delta_words(old: str, new: str) -> tuple[str, str]:
    """The words only in old and only in new (joined), from the word diff (memoised like it)."""
    d = word_diff(old, new)
    return (" ".join(t.strip() for op, t in d if op == "-"),
            " ".join(t.strip() for op, t in d if op == "+"))


# a date, a copyright year range or an archive stamp glued into a sentence ('Last modified:
# June 5, 2015', '© 1996-2014', 'archive08-12-2015'): a new stamp, not a new number of days
_DATED_RE = re.compile(DATE_RE.pattern + r"|(?<!\d)\d{1,2}-\d{1,2}-(?:19|20)\d{2}(?!\d)"
                       r"|(?:©|\(c\)|copyright)\s*(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?", re.I)


def _undated(text: str) -> str:
    """The text without its dates and without counts of its own parts (_COUNTED_PARTS_RE)."""
    return _DATED_RE.sub(" ", _COUNTED_PARTS_RE.sub(" ", text))


# a count of the text's own parts ('these three highlights' -> 'these four highlights', 'the
# following 5 sections'): the document grew, no period, age or amount changed
_COUNTED_PARTS_RE = re.compile(r"(?i)\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
                               r"(?:(?:key|main|important|following|short|brief|simple|basic) )?(?:highlights?|sections?|"
                               r"paragraphs?|parts?|chapters?|articles?|points|bullets?|headings?|topics|questions|"
                               r"tabs|pages|steps|summaries|categories of (?:this|the) (?:policy|notice))\b")


def _numbers(text: str) -> list[str]:
    out = []
    for m in _NUMBER_RE.finditer(text):
        t = m.group(0).lower()
        out.append(str(NUMBER_WORDS.get(t, t)))
    return out


def flips(old: str, new: str) -> list[str]:
    """Plain-language meaning flips between two versions of one sentence.

    Only the words that changed are inspected, so a negation elsewhere in a long sentence does
    not count as a flip.
    """
    out: list[str] = []
    gone, came = delta_words(old, new)
    neg_gone = len(_NEG_RE.findall(_NOT_A_NEGATION_RE.sub(" ", gone)))
    neg_came = len(_NEG_RE.findall(_NOT_A_NEGATION_RE.sub(" ", came)))
    if neg_gone != neg_came:
        out.append("negation removed" if neg_came < neg_gone else "negation added")
    mod_old = {w.lower() for w in tokens(gone)} & (_PERMISSIVE | _MANDATORY)
    mod_new = {w.lower() for w in tokens(came)} & (_PERMISSIVE | _MANDATORY)
    if mod_old & _MANDATORY and mod_new & _PERMISSIVE:
        out.append("obligation weakened: " + "/".join(sorted(mod_old & _MANDATORY)) +
                   " → " + "/".join(sorted(mod_new & _PERMISSIVE)))
    elif mod_old & _PERMISSIVE and mod_new & _MANDATORY:
        out.append("obligation strengthened: " + "/".join(sorted(mod_old & _PERMISSIVE)) +
                   " → " + "/".join(sorted(mod_new & _MANDATORY)))
    oi_o, oo_o = bool(_OPT_IN_RE.search(old)), bool(_OPT_OUT_RE.search(old))
    oi_n, oo_n = bool(_OPT_IN_RE.search(new)), bool(_OPT_OUT_RE.search(new))
    if oi_o and not oi_n and oo_n and not oo_o:
        out.append("opt-in → opt-out")
    elif oo_o and not oo_n and oi_n and not oi_o:
        out.append("opt-out → opt-in")
    practice = _practice_swap(old, new)
    if practice:
        out.append(practice)
    no, nn = _numbers(gone), _numbers(came)
    if no and nn and sorted(no) != sorted(nn) and sorted(_numbers(_undated(old))) != sorted(_numbers(_undated(new))):
        out.append("number changed: " + ", ".join(no) + " → " + ", ".join(nn))
    return out


def _practice_swap(old: str, new: str) -> str | None:
    """'practice changed: collect → sell' when a short replacement swaps one data-practice verb
    for another. Only tight swaps count (at most three words each side): in a rephrased clause
    the verbs need not refer to the same act ("track usage" → "how visitors use")."""
    diff = word_diff(old, new)
    for i in range(len(diff) - 1):
        (op_a, gone), (op_b, came) = diff[i], diff[i + 1]
        if (op_a, op_b) != ("-", "+"):
            continue
        gone_words, came_words = tokens(gone), tokens(came)
        if len(gone_words) > 3 or len(came_words) > 3:
            continue
        did = {_PRACTICE_VERBS[w.lower()] for w in gone_words if w.lower() in _PRACTICE_VERBS}
        does = {_PRACTICE_VERBS[w.lower()] for w in came_words if w.lower() in _PRACTICE_VERBS}
        if did - does and does - did:
            return ("practice changed: " + "/".join(sorted(did - does)) + " → " +
                    "/".join(sorted(does - did)))
    return None


def short(text: str, limit: int = 110) -> str:
    """One line, cut at a word boundary."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _entity_delta(old: str, new: str) -> bool:
    """Do the two sentences name different laws, vendors, addresses, numbers, periods or ages?
    Kind by kind, the cheap ones first (entities.DELTA_KINDS): the first that differs decides."""
    return any(sentence_kind(old, k) != sentence_kind(new, k) for k in DELTA_KINDS)


def is_material(kind: str, old: str | None, new: str | None, found_flips: list[str],
                duplicate: bool = False) -> bool:
    """Does this sentence-level change plausibly change a practice, right, party or period?

    duplicate: an added/removed sentence whose text still exists elsewhere on the other side
    (a repeated paragraph removed, or copied): the statement itself did not appear or vanish.
    """
    if kind == "moved" or duplicate:
        return False
    if kind in ("added", "removed"):
        text = new if kind == "added" else old
        assert text is not None
        words = len(re.findall(r"\w+", text))
        return words >= 4 and (has_topic(text) or _entity_delta(old or "", new or ""))
    assert old is not None and new is not None
    gone, came = delta_words(old, new)
    if found_flips and has_topic(f"{old} {new}"):
        return True
    if found_flips and period_changed(old, new):
        return True
    delta = f"{gone} {came}"
    n_delta = len(re.findall(r"\w+", delta))
    # the words that changed are read before the entities of both sentences (the costlier test)
    return (n_delta >= 3 and has_topic(delta)) or _entity_delta(old, new)


# a count of time in the languages policies are captured in: '5 years', '3 ans', '24 Monate',
# '30 días', '12 mesi', '6 maanden'. English topic words say nothing of a French or German
# sentence, but a period that changed is a changed practice in any language
_PERIOD_RE = re.compile(r"(?i)\b(\d+(?:[.,]\d+)?)[\s\u00a0-]*(?:(?:calendar|business|working|full) )?"
                        r"(years?|months?|weeks?|days?|hours?|ans?|années?|annees?|mois|semaines?|jours?|heures?|"
                        r"jahre[n]?|jahr|monate[n]?|monat|wochen?|tage[n]?|tag|stunden?|años?|anos?|meses|mes|semanas?|"
                        r"días?|dias?|horas?|anni|anno|mesi|settimane|giorni|giorno|ore|jaar|jaren|maanden?|weken|dagen|"
                        r"uur)\b")


def period_changed(old: str, new: str) -> bool:
    """Do the two versions of a sentence state different periods ('3 ans' -> '5 ans')?"""
    def periods(t: str) -> list[tuple[str, str]]:
        return sorted((n.replace(",", "."), u.lower()[:3]) for n, u in _PERIOD_RE.findall(_undated(t)))
    return periods(old) != periods(new)


def change_topics(kind: str, old: str | None, new: str | None) -> list[str]:
    """Topics of what changed; a changed value (age, period, e-mail) names its own topic first,
    so '18 → 16' in a sentence about children is a children change, not a retention one."""
    if kind == "reworded" and old and new:
        from tracker.changes.values import value_changes
        first = [v.topic for v in value_changes(old, new)]
        gone, came = delta_words(old, new)
        t = topics_of(f"{gone} {came}")
        t = t if t != ["other"] else topics_of(new)
        if first:
            t = list(dict.fromkeys(first + [x for x in t if x != "other"]))
        return t
    return topics_of(new or old or "")


# -- the verdict: decided here and nowhere else -------------------------------------------------

SUBSTANTIVE_MIN_CHANGES = 2


def decide_verdict(f: "Facts", cands: "Sequence[Statement]") -> str:
    """cosmetic | minor | substantive | major, by meaning first, then by volume.

    cands: the candidate statements; their impact levels (tracker.changes.priorities) count
    unless every change a statement rests on alters no meaning."""
    from tracker.changes.priorities import MAJOR_IMPACTS, SUBSTANTIVE_IMPACTS, UNTOPICAL_IMPACTS
    from tracker.changes.trivial import trivial_of     # trivial builds on this module
    trivial = trivial_of(f)
    real = [c for k, c in enumerate(f.changes) if c.kind != "moved" and k not in trivial]
    counted = [s for s in cands if not s.changes or not set(s.changes) <= trivial]
    impacts = {s.impact for s in counted}
    if not real:
        return "cosmetic"
    if impacts & MAJOR_IMPACTS or withdraws_no_sale(counted, f.new_sentences) \
            or starts_ai_training(real, f.old_sentences):
        return "major"
    if is_rewrite(f):
        return "major"
    material = [c for c in real if c.material]
    if (material or impacts & UNTOPICAL_IMPACTS) and impacts & SUBSTANTIVE_IMPACTS:
        return "substantive"
    # by volume, only sentences that state something, not a changed address or e-mail, and not a
    # line of a table of contents whose section is still there
    material = [c for c in material if weighty(c) and not contact_only(c) and not names_kept_section(c, f)]
    hard_entities = sum(len(f.entities_added[k]) + len(f.entities_removed[k]) for k in HARD_ENTITY_KINDS) \
        - sum(1 for v in f.entities_added["vendors"] if names_own_group(v, real))
    if practice_sections(f.sections_added) or any(widens_scope(c) and weighty(c) for c in real):
        return "substantive"
    if recipients_changed(f, real):
        return "substantive"
    if len(material) >= SUBSTANTIVE_MIN_CHANGES or any(c.flips for c in material) or (hard_entities and material) \
            or any(_cites_new_legal_basis(c) for c in material) \
            or (f.sections_added and material) or (1.0 - f.similarity > 0.1 and material):
        return "substantive"
    return "minor"


# the kinds of named values whose arrival or departure weighs by itself: a recipient, a period or
# an age threshold. E-mail addresses and phone numbers are how to reach the company: a new one
# is a minor change however many of them a release swaps
HARD_ENTITY_KINDS = ("vendors", "durations", "ages")

# a promise not to hand data on: a negation, up to three words, then a verb of selling or sharing
# ('we do not sell', 'will never rent or share', 'will not be sold or shared', "doesn't share")
_SALE_VERB = r"(?:sell|sold|selling|rent|rented|trade|traded|share|shared|sharing|disclose|disclosed)\b"
_NO_SALE_RE = re.compile(r"(?i)(?:\b(?:not|never)|n['’]t)(?:\s+[\w-]+){0,3}?\s+" + _SALE_VERB +
                         r"(?:(?:\s*,\s*|\s+(?:or|and|nor)\s+|,\s+(?:or|and)\s+)" + _SALE_VERB + ")*")
# the verb such a promise binds, to ask whether the new text still makes a promise of its kind
_SALE_VERBS_RE = re.compile(r"(?i)\b(sell|sold|selling|rent|rented|trade|traded|share|shared|sharing|disclose|disclosed)\b")
_VERB_KIND = {"sell": "sell", "sold": "sell", "selling": "sell", "rent": "sell", "rented": "sell", "trade": "sell",
              "traded": "sell", "share": "share", "shared": "share", "sharing": "share", "disclose": "share",
              "disclosed": "share"}
# the impact level of a statement that a protection is gone (tracker.changes.priorities)
_WITHDRAWN = "promise-withdrawn"


# the name of an opt-out button or link ('the “California resident - Do not sell” button', 'Do Not
# Sell My Personal Information'): a way to stop a sale, not a promise that there is none
_OPT_OUT_LINK_RE = re.compile(r"(?i)[\"“‘'_][^\"“”‘’'_]{0,40}\bdo not (?:sell|share)[^\"“”‘’'_]{0,60}[\"”’'_]|"
                              r"\bdo not (?:sell|share)(?: or (?:sell|share))? my\b")


def _no_sale_kinds(text: str) -> set[str]:
    """The kinds ('sell', 'share') of the promises not to hand data on that text makes."""
    text = _OPT_OUT_LINK_RE.sub(" ", text)
    return {_VERB_KIND[v.lower()] for m in _NO_SALE_RE.finditer(text)
            for v in _SALE_VERBS_RE.findall(m.group(0))}


def withdraws_no_sale(cands: "Sequence[Statement]", new_sentences: "Sequence[str]") -> bool:
    """Is a promise not to sell (or not to share) the user's data withdrawn, and does the new
    text make no promise of that kind any more? The promise readers look for first gone: `major`
    (a promise dropped in one place and kept in another stays `substantive`)."""
    gone: set[str] = set()
    for s in cands:
        if s.impact == _WITHDRAWN and s.old:
            gone |= _no_sale_kinds(s.old)
    if not gone:
        return False
    kept: set[str] = set()
    for t in new_sentences:
        if _SALE_VERBS_RE.search(t):
            kept |= _no_sale_kinds(t)
    return bool(gone - kept)


def starts_ai_training(changes: "Sequence[Change]", old_sentences: "Sequence[str]") -> bool:
    """Does a new or reworded sentence say, for the first time in the policy, that the user's
    data trains AI or machine-learning models? A new use of that weight is `major`, like wide
    new sharing: what the user gave for one service now shapes products trained on it. A denial
    ('we do not use your content to train models') and data made anonymous first are no such
    use; a control over it ('you can opt out of model training') says the use exists, in the new
    text or the old (tracker.changes.rules.ai)."""
    from tracker.changes.rules.ai import TRAINS_RE, affirms, trains_on_user_data
    new = [c.new for c in changes if c.kind in ("added", "reworded") and c.new and c.material
           and trains_on_user_data(c.new, develops=False, controls=True)
           and not (c.old and affirms(c.old, TRAINS_RE, controls=True))]
    return bool(new) and not any(TRAINS_RE.search(t) and affirms(t, TRAINS_RE, controls=True) for t in old_sentences)


# how to reach the company: an e-mail (or the anti-spam placeholder shown in its place), a link, a
# phone number
_CONTACT_RE = re.compile(r"(?i)\[?email(?:&#160;|\s)protected\]?|[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+|"
                         r"\b(?:https?://|www\.)\S+|\+?\d[\d ().-]{6,}\d")


def contact_only(c: "Change") -> bool:
    """A reworded sentence whose only difference is an e-mail, link or phone number ('contact us
    at team@x.com' -> 'contact us at privacy@x.com'): how to reach the company changed, no
    practice did."""
    if c.kind != "reworded" or not c.old or not c.new:
        return False
    def bare(t: str) -> str:
        return re.sub(r"\W+", " ", _CONTACT_RE.sub(" ", t)).strip().lower()
    return bare(c.old) == bare(c.new)


# a name the policy repeats in this many sentences on both sides is the company's own name or brand
# ('TP-Link Corporation' -> 'TP-Link Systems Inc.'), not a new party
OWN_NAME_MIN_SENTENCES = 5


def recipients_changed(f: "Facts", real: "Sequence[Change]") -> bool:
    """A company named as a party on one side only, on a line added or dropped (a processor added
    to or removed from a list of sub-processors, often as table rows or a 'Website:' line the
    sentences do not carry): who receives the data changed. Not a name that spells out the
    company's own group or brand, nor one on a line of page chrome (a news teaser)."""
    added = [v for v in f.entities_added["vendors"] if not names_own_group(v, real)]
    names = [(v, "added") for v in added] + [(v, "removed") for v in f.entities_removed["vendors"]]
    for name, kind in names:
        if _own_name(name, f):
            continue
        marks = [name] + list((f.entities_added if kind == "added" else f.entities_removed)["domains"])
        for c in real:
            text = c.new if kind == "added" else c.old
            if c.kind == kind and text and any(m in text for m in marks) and _policy_line(text, c.section, marks[1:]):
                return True
    return False


# a section about who gets the data: a line of it names a party even without a verb
_RECIPIENTS_RE = re.compile(r"(?i)\b(?:processors?|sub-?processors?|recipients?|vendors?|third[- ]part(?:y|ies)|partners?|"
                            r"providers?|disclos\w+|shar\w+)\b")


def _policy_line(text: str, section: str, domains: "Sequence[str]") -> bool:
    """Is the line part of the policy, not the page around it: no chrome, and a sentence of the
    policy, a line of a section about recipients, or the web address of a party (a sub-processor
    list's 'Website: …' row)? A news teaser or a share button ('Reddit') is none of these."""
    from tracker.changes.phrasing import is_page_chrome
    if is_page_chrome(text):
        return False
    return not is_caption(text) or bool(_RECIPIENTS_RE.search(section)) or any(d in text for d in domains)


def _own_name(name: str, f: "Facts") -> bool:
    """Does the first word of name recur on both sides (see OWN_NAME_MIN_SENTENCES)?"""
    first = name.split()[0].lower() if name.split() else ""
    if len(first) < 3:
        return False
    return all(sum(1 for t in side if first in t.lower()) >= OWN_NAME_MIN_SENTENCES
               for side in (f.old_sentences, f.new_sentences))


# a table of contents' line is a short title without a closing stop
TOC_LINE_MAX_WORDS = 10


def names_kept_section(c: "Change", f: "Facts") -> bool:
    """An added or removed short line that is the title of a section of the other side (a table
    of contents added, dropped or re-laid out, a title once scraped as a line): the section is
    there on both sides, so the line says nothing new and nothing gone."""
    from tracker.changes.normalize import heading_key
    text = c.new if c.kind == "added" else c.old if c.kind == "removed" else None
    if not text or len(text.split()) > TOC_LINE_MAX_WORDS or text.rstrip()[-1:] in ".!?;:":
        return False
    return heading_key(text) in (f.new_headings if c.kind == "removed" else f.old_headings)


# a remark about the document or the company's attitude rather than a practice: 'A version of
# this statement suitable for printing is available at …', 'Correct typographical errors',
# 'Protecting your privacy is important to Cisco', 'Cisco has published some helpful guidelines'
_REMARK_RE = re.compile(r"(?i)\btypographical\b|\btypos?\b|\bprint(?:able|er[- ]friendly)\b|\bsuitable for printing\b|"
                        r"^(?:view|download|print) (?:your|our|the|this|a)\b|"
                        r"\b(?:is|are) (?:very |extremely |really )?important to (?:us|[A-Z]\w+)\b|"
                        r"\bhelpful (?:guidelines|tips|resources|information)\b")
# a lower-case word of a sentence: a line without one is a label, a menu or an address block
_SENTENCE_WORD_RE = re.compile(r"(?<![\w'-])[a-z][a-z'-]{2,}")


def weighty(c: "Change") -> bool:
    """Can this change count toward `substantive` by volume? Not when its sentence only sends
    the reader elsewhere ('For more tips, please see …', 'Click here to log in'), advises the
    reader, remarks on the document or on how much privacy matters, is a label or page chrome
    or a line of the change log: such sentences state no practice, however many of them a
    release adds or drops."""
    from tracker.changes.phrasing import is_advice, is_page_chrome, is_pointer
    from tracker.changes.trivial import is_change_log, is_change_note
    sides = [t for t in (c.old, c.new) if t]
    return not all(is_pointer(t) or is_advice(t) or is_page_chrome(t) or is_change_note(t) or is_change_log(t)
                   or _REMARK_RE.search(t) or not _SENTENCE_WORD_RE.search(t) or is_caption(t) for t in sides)


# what a policy's line is about: the reader, the company, their data (a list item without a stop,
# 'Your name and address', 'Device identifiers', says one of these)
_POLICY_WORD_RE = re.compile(r"(?i)\b(?:we|us|our|you|your|i|my|information|data|personal|privacy|cookies?|"
                             r"accounts?|identifiers?|addresses|e-?mails?|users?|customers?|visitors?|members?|"
                             r"affiliates?|subsidiar(?:y|ies)|partners?|providers?|third[- ]part(?:y|ies)|advertis\w*|polic(?:y|ies))\b")


def is_caption(text: str) -> bool:
    """A line without a closing stop that speaks of neither the reader, the company nor data: a
    news headline, byline or caption scraped with the policy ('Mortgage rates spike in response
    to Fed statement; 30-year crosses 4 percent mark Amrita Jayakumar'). It states no practice."""
    end = text.rstrip(" \"'”’)")[-1:]
    return end not in ".!?:;" and not _POLICY_WORD_RE.search(text)


# the company's unnamed group in a sentence ('Intuit (and entities and subsidiaries covered by its
# certification)'): a name put in its place says who they are, it adds no party
_GROUP_RE = re.compile(r"(?i)\b(?:subsidiar(?:y|ies)|affiliat(?:e|es|ed)|entit(?:y|ies)|group compan(?:y|ies)|"
                       r"related compan(?:y|ies)|sister compan(?:y|ies))\b")


def names_own_group(vendor: str, changes: "Sequence[Change]") -> bool:
    """Is vendor named only where a reworded sentence spelled out the company's unnamed group
    ('Intuit (and entities and subsidiaries covered by …)' -> 'Intuit Inc. and Quincy Data Center
    LLC, the entities covered by …'), the words gone naming no other party? A clarification of
    who is covered, not a new party ('Apple Sales International' -> 'Apple Distribution
    International' names one party for another and stays news)."""
    where = [c for c in changes if vendor in (c.new or "")]
    if not where:
        return False
    for c in where:
        if c.kind != "reworded" or not c.old:
            return False
        gone, _ = delta_words(c.old, c.new or "")
        if not _GROUP_RE.search(gone) or extract_sentence(gone).get("vendors"):
            return False
    return True


# a rewrite: less than half of the old text survives, or more than half of the new text is new
# and that new text is more than a few appended paragraphs (an appended section is news, not
# a rewrite, however long it is)
REWRITE_OLD_KEPT = 0.5
REWRITE_NEW_NOVEL = 0.5
REWRITE_NEW_NOVEL_WITH_OLD_GONE = 0.3
REWRITE_OLD_MOSTLY_GONE = 0.35
REWRITE_MIN_NEW_SENTENCES = 20


def text_shares(old: "Document", new: "Document", pairs: "list[Pair]",
                same: "tuple[set[int], set[int]] | None" = None) -> tuple[float, float]:
    """(share of the old text still there, share of the new text that is new), by characters:
    unchanged and moved sentences count fully, a reworded pair by its edit similarity (and
    sentences SAME but for layout, old and new indexes, as unchanged).
    Unlike the symmetric similarity, these tell a rewrite (old text gone) from an addition
    (old text all there, new text appended)."""
    from tracker.changes.phrasing import is_page_chrome
    # a shop's menu or a run of headlines scraped with the policy is no text of it: a page that
    # gained its site's menus around one new paragraph is no rewrite (Target 2012)
    size_old = [0 if is_page_chrome(s.text) else len(s.text) for s in old.sentences]
    size_new = [0 if is_page_chrome(s.text) else len(s.text) for s in new.sentences]
    total_old, total_new = sum(size_old), sum(size_new)
    kept_old = kept_new = 0.0
    for p in pairs:
        if same_layout(p, same):       # the same words, laid out otherwise: kept
            kept_old += size_old[p.old] if p.old is not None else 0
            kept_new += size_new[p.new] if p.new is not None else 0
            continue
        if p.old is None or p.new is None:
            continue
        a, b = old.sentences[p.old].text, new.sentences[p.new].text
        share = 1.0 if p.kind in ("unchanged", "moved") else Indel.normalized_similarity(a, b)
        kept_old += size_old[p.old] * share
        kept_new += size_new[p.new] * share
    if not total_old:
        return (0.0 if total_new else 1.0), (1.0 if total_new else 0.0)   # a first text: all new
    return (round(kept_old / total_old, 4),
            round(1.0 - kept_new / total_new, 4) if total_new else 0.0)


# topics whose new section is news by itself: a heading 'Children' or 'Sale of your data'
# announces a practice the policy did not address before
_PRACTICE_TOPICS = frozenset(TOPICS) - {"other", "policy-changes", "contact"}


def practice_sections(titles: list[str]) -> list[str]:
    """The added section titles that name a data practice, right or protected group."""
    return [t for t in titles if _PRACTICE_TOPICS.intersection(topics_of(t))]


# words that widen who or what a practice covers when they are inserted into a sentence
_SCOPE_RE = re.compile(r"(?i)\b(?:any other|other countr\w*|third[- ]part(?:y|ies)|including|across|"
                       r"all (?:of )?(?:our|your|the)|partners?|affiliates?|as well as)\b")
# words policies capitalise as defined terms: not names of a new party, product or framework
_DEFINED_TERMS = frozenset("""personal information data service services site sites website websites
policy privacy terms user users content account accounts platform products product company our your
we you us app apps application applications statement notice notices practices policies agreement
conditions""".split())
_NAME_RE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w&'-]*")
_JOINERS = frozenset(("and", "or", "&"))


def widens_scope(c: "Change") -> bool:
    """A reworded practice sentence that only gained words naming more parties, places or
    products ('links in Tweets' -> 'links in Tweets across our Services including third party
    clients'; 'the EU-US Privacy Shield' -> 'the EU-US and Swiss-US Privacy Shield'; a new
    company in the list of those the policy covers): the practice now reaches further."""
    if c.kind != "reworded" or not c.old or not c.new or not has_topic(c.new):
        return False
    gone, came = delta_words(c.old, c.new)
    came_words = [w for w in re.findall(r"[\w'-]+", came) if w.lower() not in _JOINERS]
    gone_words = [w for w in re.findall(r"[\w'-]+", gone) if w.lower() not in _JOINERS
                  and not any(x.lower().startswith(w.lower()) for x in came_words)]   # Framework -> Frameworks
    if len(gone_words) > 2 or len(came_words) < len(gone_words) + 2:
        return False
    names = [w for w in _NAME_RE.findall(came) if w.lower() not in _DEFINED_TERMS
             and w not in c.old and not w.isdigit()]
    return bool(names) or bool(_SCOPE_RE.search(came))


def is_rewrite(f: "Facts") -> bool:
    """Most of the old text gone and much of the new text new (not just chrome or a long part
    cut), or most of the new text new (and plenty of it)."""
    if f.old_kept < REWRITE_OLD_KEPT and (f.new_novel > REWRITE_NEW_NOVEL_WITH_OLD_GONE
                                          or f.old_kept < REWRITE_OLD_MOSTLY_GONE):
        return True
    new_sentences = sum(1 for c in f.changes if c.kind in ("added", "reworded"))
    return f.new_novel > REWRITE_NEW_NOVEL and new_sentences >= REWRITE_MIN_NEW_SENTENCES


def _cites_new_legal_basis(c: "Change") -> bool:
    """A law cited or dropped in a sentence about international transfers changes the legal
    footing of those transfers, unlike a law named in passing."""
    if "international-transfer" not in c.topics:
        return False
    return sentence_laws(c.old or "") != sentence_laws(c.new or "")
