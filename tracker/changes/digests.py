"""Statements that gather one kind of practice across the changed sentences.

A long change states new rights, legal bases and offices in many sentences; a reader wants
them named in one statement each ('New rights: data portability, objection to processing and
a complaint to a data protection authority'). Each digest names only what the new sentences
say and the old text never said; each rests on the sentences it names.
"""

from __future__ import annotations

import re

from tracker.changes.phrasing import capitalise, clause_about, third_person, words_around
from tracker.changes.report import Change
from tracker.changes.statements import Context, Statement, _live, _topic

# (label, what the new text must say): the rights of data protection laws, most cited first
RIGHTS: tuple[tuple[str, "re.Pattern[str]"], ...] = tuple((label, re.compile(rx, re.I)) for label, rx in (
    ("access", r"\bright (?:of|to) access\b|\brequest access\b|\baccess to (?:the |your )?personal (?:data|information)"),
    ("correction", r"\brectif\w*|\bright to (?:correct|rectify)|\bcorrection\b"),
    ("deletion", r"\berasure\b|\bright to (?:delete|erase|deletion)\b|\bright to be forgotten\b|"
     r"\b(?:request|ask for|obtain)(?: the)? deletion\b|\b(?:access|correction),? (?:or|and) deletion\b"),
    ("restriction of processing", r"\brestrict(?:ion of)? (?:the |our |its )?processing\b|\bright to restrict"),
    ("objection to processing", r"\bright to object\b|\bobject to (?:the |our |its |certain |this )?(?:processing|use)"),
    ("data portability", r"\bportab\w+"),
    ("withdrawal of consent", r"\bwithdraw (?:your |their )?consent\b"),
    ("a complaint to a data protection authority", r"\b(?:lodge|file|make|bring) a complaint\b[^.]{0,80}"
     r"\b(?:authorit\w+|regulator\w*|commission\w*)|\bcomplain to (?:a|the|your) (?:local )?(?:data protection|supervisory)"),
    ("review of automated decisions", r"\bright[^.]{0,40}\b(?:not to be subject|object)[^.]{0,60}\bautomated|"
     r"\bautomated (?:decision|processing)[^.]{0,80}\b(?:object|contest|challenge|human (?:review|intervention))"),
))

BASES: tuple[tuple[str, "re.Pattern[str]"], ...] = tuple((label, re.compile(rx, re.I)) for label, rx in (
    ("consent", r"\bconsent\b"),
    ("contract", r"\bcontract\w*"),
    ("legal obligation", r"\blegal (?:obligation|requirement)s?\b"),
    ("legitimate interests", r"\blegitimate (?:business )?interests?\b"),
    ("vital interests", r"\bvital interests?\b"),
    ("public interest", r"\bpublic interest\b"),
))
# a sentence about the grounds of processing (where 'consent' and 'contract' are bases)
_BASIS_RE = re.compile(r"(?i)\b(?:legal|lawful) (?:basis|bases|grounds?)\b|\bbasis for process\w*|"
                       r"\bgrounds? for process\w*|\blegitimate (?:business )?interests?\b|\bprocess\w* [^.]{0,60}"
                       r"\b(?:necessary|basis|based on)\b")
_BASIS_WORDS_RE = re.compile(r"(?i)\b(?:legal|lawful) (?:basis|bases|grounds?)\b|\bgrounds? for process\w*")
_LEGITIMATE_RE = re.compile(r"(?i)\blegitimate (?:business )?interests?\b")

OFFICES: tuple[tuple[str, "re.Pattern[str]"], ...] = tuple((label, re.compile(rx, re.I)) for label, rx in (
    ("a Data Protection Officer", r"\bdata protection officer\b|\bDPO\b"),
    ("an EU representative", r"\b(?:EU|European|Article 27) representative\b"),
    ("a lead supervisory authority", r"\b(?:lead |primary )?supervisory authorit(?:y|ies)\b"),
    ("a data controller", r"\bdata controllers?\b"),
))


def _new_sentences(ctx: Context) -> list[tuple[int, Change]]:
    return [(k, c) for k, c in _live(ctx) if c.kind in ("added", "reworded") and c.new]


def _found(patterns: tuple[tuple[str, "re.Pattern[str]"], ...], ctx: Context,
           among: list[tuple[int, Change]]) -> dict[str, list[int]]:
    """label -> indexes of the new sentences saying it, for labels the old text never says."""
    out: dict[str, list[int]] = {}
    for label, rx in patterns:
        hits = [k for k, c in among if rx.search(c.new or "") and not rx.search(c.old or "")]
        # the few changed sentences first: the whole old text is searched only for a label
        # they say (a search of a long policy for a phrase it lacks was most of the cost)
        if hits and not (ctx.old_text and rx.search(ctx.old_text)):
            out[label] = hits
    return out


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rests_on(found: dict[str, list[int]]) -> tuple[int, ...]:
    return tuple(sorted({k for ks in found.values() for k in ks}))


def rights_digest(ctx: Context) -> list[Statement]:
    """Two or more rights the new sentences grant and the old text never named, in one statement."""
    found = _found(RIGHTS, ctx, _new_sentences(ctx))
    if len(found) < 2:
        return []
    labels = list(found)
    under = _laws_in(ctx, _rests_on(found))
    return [Statement(f"New rights{under}: {_and(labels)}", "rights", "right-added", None, ", ".join(labels),
                      _rests_on(found), f"{ctx.owner} now lists rights{under} to {_and(labels)}")]


def _laws_in(ctx: Context, indexes: tuple[int, ...]) -> str:
    """' under the GDPR' when the sentences a digest rests on cite a law new to this version."""
    laws = [x for x in ctx.entities_added.get("laws", [])
            if any(x.lower() in (ctx.changes[k].new or "").lower() for k in indexes)]
    return f" under the {_and(laws)}" if laws else ""


def basis_digest(ctx: Context) -> list[Statement]:
    """The legal bases for processing, stated where the old text stated none."""
    about = [(k, c) for k, c in _new_sentences(ctx) if _BASIS_RE.search(c.new or "")]
    triggers = [rx for rx in (_BASIS_WORDS_RE, _LEGITIMATE_RE) if not rx.search(ctx.old_text)]
    if not any(rx.search(c.new or "") for rx in triggers for _, c in about):
        return []          # the old text already stated its bases, or the new one states none
    found = {label: [k for k, c in about if rx.search(c.new or "")] for label, rx in BASES}
    found = {label: ks for label, ks in found.items() if ks}
    labels = list(found)
    if not labels:
        return []
    return [Statement(f"{ctx.owner} now states its legal basis for processing personal data: {_and(labels)}",
                      "legal-basis", "basis-stated", None, ", ".join(labels), _rests_on(found))]


def office_statements(ctx: Context) -> list[Statement]:
    """An office or role named for the first time (a Data Protection Officer, an EU
    representative, a supervisory authority): the clause of the sentence naming it."""
    out: list[Statement] = []
    for label, ks in _found(OFFICES, ctx, _new_sentences(ctx)).items():
        rx = dict(OFFICES)[label]
        # the first sentence that says something about the office ('Attn: Data Protection
        # Officer' in an address block names it but says nothing)
        said_of = (_office_statement(ctx, label, rx, k) for k in ks)
        st = next((x for x in said_of if x is not None), None)
        if st is not None:
            out.append(st)
    return out


OFFICE_CLAUSE_WORDS = 6   # fewer words only name the office ('Attn: Data Protection Officer')


def _office_statement(ctx: Context, label: str, rx: re.Pattern[str], k: int) -> Statement | None:
    c = ctx.changes[k]
    quote = clause_about(c.new or "", rx, 170)
    if quote and len(quote.split()) >= OFFICE_CLAUSE_WORDS:
        said = capitalise(third_person(quote, ctx.owner))
        return Statement(f"Names {label}: {said[:1].lower() + said[1:] if said[:2] != said[:2].upper() else said}",
                         _topic(c), "office-named", None, label, (k,))
    excerpt = words_around(c.new or "", rx)       # a sentence too long to quote: the words around it
    if excerpt and len(excerpt.split()) >= 4:
        return Statement(f"Names {label}: “{third_person(excerpt, ctx.owner)}”", _topic(c), "office-named",
                         None, label, (k,))
    return None



_CONTROLLER_RE = re.compile(r"(?P<name>\b[A-Z][\w&'-]*(?: (?:[A-Z][\w&'.-]*|of|and))*),? (?:is|are|will be|acts? as|"
                            r"remains?) (?:the |a |your |joint )?(?:data )?controllers?\b")


def controller_statements(ctx: Context) -> list[Statement]:
    """A company named as the controller of the data where the old text never named it: who
    answers for the data (a new European entity after a move, a new parent company)."""
    out: list[Statement] = []
    for k, c in _new_sentences(ctx):
        m = _CONTROLLER_RE.search(c.new or "")
        if not m:
            continue
        name = m.group("name").strip(" ,")
        if len(name) < 4 or name.lower() in ctx.old_text.lower():
            continue
        quote = clause_about(c.new or "", re.compile(re.escape(name)), 170)
        if quote:
            out.append(Statement(capitalise(third_person(quote, ctx.owner)), "legal-basis", "office-named",
                                 None, name, (k,), f"{name} is now the data controller"))
    return out[:2]


DIGESTS = (rights_digest, basis_digest, office_statements, controller_statements)
