"""Statements that gather one kind of practice across the changed sentences.

A long change states new rights, legal bases and offices in many sentences; a reader wants
them named in one statement each ('New rights: data portability, objection to processing and
a complaint to a data protection authority'). Each digest names only what the new sentences
say and the old text never said; each rests on the sentences it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tracker.changes.literals import lowered
from tracker.changes.phrasing import capitalise, clause_about, third_person
from tracker.changes.report import Change
from tracker.changes.responsible import responsible_statements
from tracker.changes.rules.common import Context, Statement, _live, _topic
from tracker.changes.rules.purposes import children_commitments, purpose_statements, sensitive_collection, tracker_statements

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

# a right the old text gave in other words than RIGHTS reads ('You may also send us an email … to request
# access to, correct, or delete personal data'): a way to ask for something or a right, then, within
# GIVEN_REACH characters of one sentence, the act it asks for
# a list of rights runs long ('requests … for disclosure of their personal information, amendment, addition or deletion')
GIVEN_REACH = 140
# the user named as such may be given the right too ('At any time, a user can modify or delete their personal data')
_ASKS_RE = (r"(?i)\b(?:(?:you|users?|customers?|clients?|individuals?) (?:can|may|could)|rights?|requests?|ask (?:us|that|for))\b"
            r"[^.;]{0,%d}?" % GIVEN_REACH)
# the data a right acts on: 'modify' or 'update' alone may be the company's ('we may update this policy')
_DATA_OBJECT = r"[^.;]{0,40}?\b(?:information|data|details|records?|profile|name|e-?mail address)\b"
GIVEN_BEFORE: dict[str, "re.Pattern[str]"] = {label: re.compile(_ASKS_RE + f"(?:{rx})") for label, rx in (
    # not 'the sites you may access'; 'a copy of your data' and the disclosure of one's own data (Japan's
    # APPI: 'requests for disclosure of their personal information') are access too
    ("access", r"\b(?:access|cop(?:y|ies) of)\b[^.;]{0,60}?\b(?:information|data|records?)\b|"
               r"\bdisclosure of (?:your|their|his|her) (?:own )?personal (?:information|data)\b"),
    # 'modify or delete their personal data', 'update your name, email address' are correction
    ("correction", r"\b(?:correct(?:ion|ing)?|rectif\w*|amend\w*)\b|\b(?:modif\w*|updat\w*|edit(?:s|ing)?)\b" + _DATA_OBJECT),
    ("deletion", r"\b(?:delet\w*|eras\w*)\b"),
    # 'the limitation of the processing of his personal data' is its restriction
    ("restriction of processing", r"\brestrict\w*|\blimitation of (?:the )?processing\b"),
    ("objection to processing", r"\bobject(?:ion)?\b"),
    # a copy to reuse or take elsewhere is portability however worded ('provide to you your personal information
    # … so you can use it for your own purposes', 'in a structured, commonly used format')
    ("data portability", r"\bportab\w+|\bmachine[- ]readable\b|\b(?:information|data)\b[^.;]{0,80}?\bfor (?:your|their) own "
                         r"purposes\b|\bcommonly[- ]used\b[^.;]{0,40}?\bformat\b"),
    ("withdrawal of consent", r"\bwithdraw\w*\b[^.;]{0,40}\bconsent"),
    # 'the right to refuse to be the subject of a decision based exclusively on automated processing'
    ("review of automated decisions", r"\b(?:not to be (?:the )?subject|refuse|object|contest|challenge|human)\b"
                                      r"[^.;]{0,80}?\bautomated\b"),
)}


def given_before(label: str, sentences: "tuple[str, ...] | list[str]", titles: "tuple[str, ...]" = ()) -> bool:
    """Does a sentence of the old text give the right a digest label names in other words
    (GIVEN_BEFORE), or a heading of it name the right ('8.5 Right to portability', 'Request access
    to personal data', with the right's own text beneath)? Then the right is not new, whatever
    words the new text gives it in."""
    rx = GIVEN_BEFORE.get(label)
    if rx is not None and any(rx.search(t) for t in sentences):
        return True
    named = dict(RIGHTS).get(label)
    return named is not None and any(named.search(t) for t in titles)


# a sentence that only gives rights ('You also have the right to receive personal data concerning yourself
# in a machine readable format'): the rights are all it says
_GIVES_RIGHT_RE = re.compile(r"(?i)^(?:in addition, |additionally, )?(?:you|users?) (?:also )?(?:have|has|may (?:also )?have) "
                             r"(?:the |a )?rights? (?:to|of)\b")
MAX_RIGHT_WORDS = 30        # words of such a sentence: a longer one may say more than its rights


def rights_given_before(text: str, sentences: Sequence[str]) -> bool:
    """Is text a sentence that only gives rights (_GIVES_RIGHT_RE, short), every one of which the
    old sentences give in other words (GIVEN_BEFORE: 'a portable format' for 'a machine readable
    format')? Then it is no news a label may call new."""
    if len(text.split()) > MAX_RIGHT_WORDS or not _GIVES_RIGHT_RE.match(text.strip()):
        return False
    labels = [label for label, rx in GIVEN_BEFORE.items() if rx.search(text)]
    return bool(labels) and all(given_before(label, tuple(sentences)) for label in labels)


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
    said = "\n".join(c.new or "" for _, c in among)   # one search tells a label no new sentence says
    for label, rx in patterns:
        if not rx.search(said):
            continue
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
    found = {label: ks for label, ks in _found(RIGHTS, ctx, _new_sentences(ctx)).items()
             if not given_before(label, ctx.old_sentences, ctx.old_titles)}
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
    if not about:
        return []          # no new sentence states a basis: the old text need not be searched
    triggers = [rx for rx in (_BASIS_WORDS_RE, _LEGITIMATE_RE) if not rx.search(ctx.old_text)]
    if not any(rx.search(c.new or "") for rx in triggers for _, c in about):
        return []          # the old text already stated its bases, or the new one states none
    found = {label: [k for k, c in about if rx.search(c.new or "")] for label, rx in BASES}
    found = {label: ks for label, ks in found.items() if ks}
    labels = list(found)
    if not labels or all(_basis_named_before(label, ctx.old_text) for label in labels):
        return []
    return [Statement(f"{ctx.owner} now states its legal basis for processing personal data: {_and(labels)}",
                      "legal-basis", "basis-stated", None, ", ".join(labels), _rests_on(found))]


# bases named in words no other sentence uses: an old text that writes them named the basis already
# ('SCALINGO's legitimate interest'); 'consent' and 'contract' are words of any policy and prove nothing
_DISTINCT_BASES = frozenset({"legal obligation", "legitimate interests", "vital interests", "public interest"})


def _basis_named_before(label: str, old_text: str) -> bool:
    """Did the old text name this basis in its own distinct words ('legitimate interest')?"""
    return label in _DISTINCT_BASES and bool(dict(BASES)[label].search(old_text))


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
        elif label != "a data controller":   # only named in passing: the office, whom to turn to
            out.append(Statement(f"Names {label} as a contact", _topic(ctx.changes[ks[0]]), "office-named",
                                 None, label, (ks[0],)))
    return _offices_in_one(out)


def _offices_in_one(found: list[Statement]) -> list[Statement]:
    """Two or more offices named for the first time said in one statement ('Names a Data
    Protection Officer (reachable at dpo@x.com) and a lead supervisory authority'): whom to turn
    to is one fact for the reader, and one statement leaves room for the practices."""
    controllers = [st for st in found if st.new == "a data controller"]      # names the company: said apart
    found = [st for st in found if st not in controllers]
    if len(found) < 2:
        return found + controllers
    parts = []
    for st in found:
        label = st.new or ""
        reach = st.text[len(f"Names {label}, "):] if st.text.startswith(f"Names {label}, reachable") else ""
        parts.append(f"{label} ({reach})" if reach else label)
    # it rests on the first office's sentence only: the others stay free for what else they say
    # (the company a representative sentence names), and one sentence never makes it a digest
    changes = found[0].changes
    return [Statement(f"Names {_and(parts)}", found[0].topic, "office-named", None, ", ".join(st.new or "" for st in found),
                      changes), *controllers]


OFFICE_CLAUSE_WORDS = 6   # fewer words only name the office ('Attn: Data Protection Officer')


def _office_statement(ctx: Context, label: str, rx: re.Pattern[str], k: int) -> Statement | None:
    """The office with its person and e-mail ('Names a Data Protection Officer, reachable at
    dpo@x.com'), else the clause naming it when it says something; never a clipped excerpt."""
    c = ctx.changes[k]
    reach = _reach(c.new or "", rx)
    if reach:
        return Statement(f"Names {label}{reach}", _topic(c), "office-named", None, label, (k,))
    quote = clause_about(c.new or "", rx, 170)
    if quote and len(quote.split()) >= OFFICE_CLAUSE_WORDS:
        said = capitalise(third_person(quote, ctx.owner))
        words = said.split(" ", 2)     # 'the controller …' in lower case; a name ('LinkedIn Corp', 'Acme is') as written
        lower = words[0][1:] == words[0][1:].lower() and words[0].strip(",") != (ctx.owner or "").split(" ")[0] \
            and (words[0].lower() in ("the", "a", "an", "this", "these", "your", "its")
                 or not (len(words) > 1 and words[1][:1].isupper() and not words[0].endswith(",")))
        return Statement(f"Names {label}: {said[:1].lower() + said[1:] if lower else said}",
                         _topic(c), "office-named", None, label, (k,))
    return None



_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _reach(sentence: str, office: "re.Pattern[str]") -> str:
    """', Felix Wittern, reachable at dpo@x.com' from the sentence naming an office: the person
    named right after it and the e-mail address the sentence gives, '' when it gives neither."""
    m = office.search(sentence)
    if not m:
        return ""
    person = re.match(r",? ([A-Z][a-z]+(?: [A-Z][a-z]+){1,2})\b(?! (?:Inc|Ltd|LLC))", sentence[m.end():])
    email = _EMAIL_RE.search(sentence)
    who = f", {person.group(1)}" if person else ""
    at = f", reachable at {email.group(0).rstrip('.')}" if email else ""
    return who + at


_CONTROLLER_RE = re.compile(r"(?P<name>\b[A-Z][\w&'-]*(?: (?:[A-Z][\w&'.-]*|of|and))*),? (?:is|are|will be|acts? as|"
                            r"remains?) (?:the |a |your |joint )?(?:data )?controllers?\b")


_NAME = r"[A-Z][\w&'-]*(?: (?:[A-Z][\w&'.-]*|of|and))*"
_CONTROLLED_BY_RE = re.compile(rf"\b(?:is|are) (?P<joint>jointly )?controlled by (?P<name>{_NAME})")
_PROCESSED_BY_RE = re.compile(rf"\bprocessed (?:on (?:its|their) behalf )?by (?P<name>{_NAME})")


def _controller(text: str) -> "re.Match[str] | None":
    return _CONTROLLER_RE.search(text) or _CONTROLLED_BY_RE.search(text)


def _controller_short(name: str, c: Change) -> str:
    """'Apple Distribution International is now the data controller, with Apple Inc. processing
    the data for it (was: Apple Sales International)'."""
    short = f"{name} is now the data controller"
    proc = _PROCESSED_BY_RE.search(c.new or "")
    if proc and proc.group("name").strip(" ,.") != name:
        short += f", with {proc.group('name').strip(' ,')} processing the data for it"
    was = _controller(c.old or "")
    if was and not was.groupdict().get("joint") and was.group("name").strip(" ,") != name:
        short += f" (was: {was.group('name').strip(' ,')})"
    return short


# a label that names the controller in the sentence after it ('The company responsible for your
# data (the "data controller") is:', 'Data controller:'), and a sentence that is only a company's
# name ('Meetic S.A.S.', 'Match.com International Limited'): the controller named in a block
_CONTROLLER_LABEL_RE = re.compile(r"(?i)\bcontrollers?\b[\"”’']?\)?(?:\s+(?:is|are|will be))?\s*:$")
_NAME_ONLY_RE = re.compile(r"[A-Z][\w&.,'’-]*(?: (?:[A-Z0-9][\w&.,'’-]*|of|de|du|&)){0,6}")


def labelled_controller(sentences: tuple[str, ...]) -> str | None:
    """The company a side names as the data controller on a line of its own after a label
    ('The company responsible for your data (the "data controller") is:' + 'Meetic S.A.S.')."""
    for label, name in zip(sentences, sentences[1:]):
        if _CONTROLLER_LABEL_RE.search(label.rstrip()) and _NAME_ONLY_RE.fullmatch(name.strip()):
            return name.strip().rstrip(",")
    return None


def _controller_block(ctx: Context) -> list[Statement]:
    """Another company named under the controller label: 'Meetic S.A.S. is now the data
    controller (was: Match.com International Limited)', whom the user's data answers to."""
    new, old = labelled_controller(ctx.new_sentences), labelled_controller(ctx.old_sentences)
    if not new or not old or _name_key(new) == _name_key(old):
        return []
    ks = [k for k, c in _new_sentences(ctx) if (c.new or "").strip().rstrip(",") == new]
    return [Statement(f"{new} is now the data controller (was: {old})", "legal-basis", "controller-changed",
                      old, new, (ks[0],))] if ks else []


def _name_key(name: str) -> str:
    """A company name without its punctuation and case ('Meetic S.A.S.' = 'Meetic SAS')."""
    return re.sub(r"[\W_]+", "", name).lower()


def controller_statements(ctx: Context) -> list[Statement]:
    """A company named as the controller of the data where the old text never named it: who
    answers for the data (a new European entity after a move, a new parent company)."""
    out: list[Statement] = _controller_block(ctx)
    for k, c in _new_sentences(ctx):
        m = _controller(c.new or "")
        if not m:
            continue
        name = m.group("name").strip(" ,")
        if len(name) < 4 or name.lower() in lowered(ctx.old_text):
            continue
        quote = clause_about(c.new or "", re.compile(re.escape(name)), 170)
        if quote:
            out.append(Statement(capitalise(third_person(quote, ctx.owner)), "legal-basis", "office-named",
                                 None, name, (k,), _controller_short(name, c)))
    return out[:2]


# where data about the user comes from besides the user: 'from trusted partners', 'from
# publicly accessible sources', 'from marketing partners and data providers'
_SOURCE_PHRASE_RE = re.compile(
    r"(?i)\b(?:collect\w*|obtain\w*|receiv\w*|get|gets|gather\w*)\b[^.;]{0,160}?\bfrom "
    r"(?P<src>(?:(?:our|other|trusted|certain|selected|third[- ]party|marketing|security|advertising|business|"
    r"publicly (?:available|accessible)|public|data|service|analytics|social media)[ ,-]+){0,3}"
    r"(?:partners?|third[- ]part(?:y|ies)|sources|advertisers|brokers|providers|affiliates|companies)"
    # 'from our partners and other third parties': one source named twice over
    r"(?: and other (?:third[- ]part(?:y|ies)|partners|sources|companies))?)\b")
_VAGUE_SOURCES = frozenset({"companies", "sources", "providers", "other sources", "other companies", "certain sources"})
# the company's own family and its processors are no new source of data about the user
_OWN_SOURCE_RE = re.compile(r"^(?:its|our) (?:affiliates|companies|service providers|providers|sources)\b")


def _new_sources(ctx: Context, sentence: str) -> list[str]:
    """The sources sentence gets data about the user from that the old text never names."""
    old = lowered(ctx.old_text)
    out: list[str] = []
    for m in _SOURCE_PHRASE_RE.finditer(sentence):
        src = third_person(m.group("src"), ctx.owner).lower()
        first = re.sub(r" and other .*$", "", m.group("src").lower())      # 'our partners' of '… and other …'
        if not _OWN_SOURCE_RE.match(src) and not any(f"from {x}" in old for x in (src, first, third_person(first, ctx.owner))) \
                and not _named_before(first, old):
            out.append(src)
    return out


# qualifiers that name no other kind of source: 'third-party partners' are the old 'advertising partners'; a
# 'publicly accessible', 'data' or 'trusted' (vetted marketing and security partners) qualifier names a kind of its own
_PLAIN_QUALIFIERS = frozenset("our its other certain selected third-party third party business advertising "
                              "marketing".split())
_SOURCE_HEAD_RE = re.compile(r"^(?P<q>.*?)\b(?P<h>third[- ]part(?:y|ies)|partners?|advertisers?|brokers?|affiliates?)$")
_GOT_FROM = r"\b(?:collect\w*|obtain\w*|receiv\w*|get|gets|gather\w*)\b[^.;]{0,160}?\bfrom\b[^.;]{0,80}?\b"


def _named_before(src: str, old: str) -> bool:
    """Does old (the old text, lower case) get data about the user from the same kind of
    source, anywhere in a list of sources ('we get data from our affiliates or our advertising
    partners, customers and other third parties' for 'third-party partners'), when the source's
    qualifiers name no other kind (_PLAIN_QUALIFIERS)?"""
    m = _SOURCE_HEAD_RE.match(src.lower())
    if m is None or any(q not in _PLAIN_QUALIFIERS for q in m.group("q").replace(",", " ").split()):
        return False
    head = m.group("h")
    kind = r"third[- ]part(?:y|ies)" if head.startswith("third") else re.escape(head.rstrip("s")) + "s?"
    return re.search(_GOT_FROM + kind + r"\b", old) is not None


def new_source(ctx: Context, c: Change) -> str | None:
    """A named source of data about the user that a reworded sentence adds ('… and from our
    partners and other third parties'), for a sentence no clause of which can be quoted."""
    if c.kind != "reworded" or not c.new:
        return None
    found = [x for x in _new_sources(ctx, c.new) if x not in _VAGUE_SOURCES and f"from {x}" not in (c.old or "").lower()]
    return found[0] if found else None


def sources_digest(ctx: Context) -> list[Statement]:
    """Two or more kinds of source the new sentences get data about the user from, where the old
    text named none of them: 'Google now also gets data about you from trusted partners and
    publicly accessible sources'."""
    found: dict[str, list[int]] = {}
    for k, c in _new_sentences(ctx):
        for src in _new_sources(ctx, c.new or ""):
            found.setdefault(src, []).append(k)
    if len(found) < 2:
        return []       # one source is stated with its sentence (statements.practice_statements)
    labels = [x for x in found if not (x.startswith("other ") and any(
        y != x and y.split()[-1] == x.split()[-1] for y in found))][:4]      # 'other public sources' after 'public sources'
    return [Statement(f"{ctx.owner} now also gets data about you from {_and(labels)}", "collection",
                      "sources-widened", None, ", ".join(labels), _rests_on({x: found[x] for x in labels}))]


DIGESTS = (rights_digest, basis_digest, office_statements, controller_statements, responsible_statements, sources_digest,
           purpose_statements, sensitive_collection, children_commitments, tracker_statements)
