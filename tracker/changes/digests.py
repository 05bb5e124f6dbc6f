"""Statements that gather one kind of practice across the changed sentences.

A long change states new rights, legal bases and offices in many sentences; a reader wants
them named in one statement each ('New rights: data portability, objection to processing and
a complaint to a data protection authority'). Each digest names only what the new sentences
say and the old text never said; each rests on the sentences it names.
"""

from __future__ import annotations

import re

from tracker.changes.phrasing import capitalise, clause_about, third_person
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement, _editors_note, _live, _stamp_only, _topic

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
    if not about:
        return []          # no new sentence states a basis: the old text need not be searched
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
        return Statement(f"Names {label}: {said[:1].lower() + said[1:] if said[:2] != said[:2].upper() else said}",
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


def controller_statements(ctx: Context) -> list[Statement]:
    """A company named as the controller of the data where the old text never named it: who
    answers for the data (a new European entity after a move, a new parent company)."""
    out: list[Statement] = []
    for k, c in _new_sentences(ctx):
        m = _controller(c.new or "")
        if not m:
            continue
        name = m.group("name").strip(" ,")
        if len(name) < 4 or name.lower() in ctx.old_text.lower():
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
    old = ctx.old_text.lower()
    out: list[str] = []
    for m in _SOURCE_PHRASE_RE.finditer(sentence):
        src = third_person(m.group("src"), ctx.owner).lower()
        first = re.sub(r" and other .*$", "", m.group("src").lower())      # 'our partners' of '… and other …'
        if not _OWN_SOURCE_RE.match(src) and not any(f"from {x}" in old for x in (src, first, third_person(first, ctx.owner))):
            out.append(src)
    return out


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


# -- purposes: what data is now used for, and what others may no longer do with it --------------

# a use of data a user most wants to know about: ads shown from it, promotion with it, being
# recognised across other sites, data gathered beyond the company's own pages
_PURPOSE_RE = re.compile(
    r"(?i)\b(?:to (?:show|serve|send|deliver|display|target|tailor|personali[sz]e|select) (?:you |them )?(?:[\w-]+ ){0,3}"
    r"(?:ads|advertis(?:ing|ements?)|offers)\b|(?:interest-based|targeted|personali[sz]ed|behaviou?ral|tailored) (?:third[- ]party )?"
    r"(?:advertising|ads|advertisements)\b|(?:advertising|marketing|promotional) (?:purposes|uses)\b|"
    r"(?:online|offline|related|other) (?:and (?:online|offline) )?promotional uses\b|"
    r"recogni[sz]e (?:you|(?:our |its )?(?:users|visitors|customers))\b[^.;]{0,30}?\b(?:as (?:you|they) (?:navigate|browse|move)|"
    r"online|across|on other)\b|"
    r"(?:on|across|within) (?:other|third[- ]party|non-\w+) (?:web ?sites|sites|apps|applications|services)\b|"
    r"across (?:\w+ ){0,2}(?:devices|browsers|websites|sites)\b)")
# the sentence is about the user's data, not about the company's own ads for its products
_DATA_RE = re.compile(r"(?i)\b(?:information|data|e-?mail address\w*|browsing|history|cookies?|identifiers?|"
                      r"activit(?:y|ies)|purchases?|posts?|messages?|profile|location|Member ID)\b")
# a party other than the company using, receiving or reaching the user's data
_OTHERS_USE_RE = re.compile(
    r"(?i)\b(?:(?:advertising|ad|marketing) (?:networks?|partners?|companies)|advertisers|third[- ]part(?:y|ies)|"
    r"(?:platform |third[- ]party )?(?:applications|apps|developers)|partners|sponsors)\b(?: \w+){0,2} "
    r"(?:may|can|will|might|could)?\s*(?:also )?(?:use|access|receive|collect|obtain|see|track)\b[^.;]{0,60}?"
    r"\b(?:your|you|users'?|information|data|history|profile)\b")
_NOT_RE = re.compile(r"(?i)\b(?:not|never|no)\b|n't\b")


def _unsaid(phrase: str, text: str) -> bool:
    """phrase (its words, case and spacing aside) is not written in text."""
    return re.sub(r"\W+", " ", phrase.lower()).strip() not in re.sub(r"\W+", " ", text.lower())


def _purpose_in(text: str, other: str) -> "re.Match[str] | None":
    """The first purpose text states (affirmatively, about the user's data) that other never writes."""
    for m in _PURPOSE_RE.finditer(text):
        near = text[max(0, m.start() - 60):m.end()]
        if _DATA_RE.search(text) and not _NOT_RE.search(near) and _unsaid(m.group(0), other):
            return m
    return None


def _quote(ctx: Context, text: str, focus: "re.Pattern[str]") -> str | None:
    """The clause of text about focus; a long one up to 260 characters (its bullet is cut to
    fit later, tracker.changes.headline.tighten): the purpose is what readers look for."""
    from tracker.changes.rules.common import _owner_says
    return next((q for q in (_owner_says(ctx, text, focus, n) for n in (170, 200, 300)) if q), None)


# two sentences a scrape glued together ('… your payments.We use …'), and where a clause begins
_GLUED_RE = re.compile(r"(?<=[a-z)][.!?])(?=[A-Z])")
_CLAUSE_START_RE = re.compile(r"(?:[,;:]|\b(?:and|but|while|whereas)(?=\s+(?:we\b|you\b|they\b|it\b|[A-Z])))\s+")


def _gone_clause(ctx: Context, text: str, at: int) -> str | None:
    """The clause of text that starts before position at and runs to its sentence's end
    ('Internet advertising networks may use your web browsing history to show you advertising'
    of '… to recognize you when you come back and Internet advertising networks may use …')."""
    from tracker.changes.phrasing import has_verb
    begin = max([0] + [m.end() for m in _GLUED_RE.finditer(text) if m.end() <= at])
    end = min([len(text)] + [m.start() for m in _GLUED_RE.finditer(text) if m.start() > at])
    starts = [begin] + [begin + m.end() for m in _CLAUSE_START_RE.finditer(text[begin:at + 12]) if begin + m.end() <= at]
    clause = text[starts[-1]:end].strip().rstrip(".")
    if len(clause) > 300 or len(clause.split()) < 5 or not has_verb(clause):
        return _quote(ctx, text[begin:end], re.compile(re.escape(text[at:at + 30])))
    return capitalise(third_person(clause, ctx.owner))


_SUBORDINATE_RE = re.compile(r"^(?:When|If|Where|While|As|Although|Whenever|Unless|Once)\b")
_SMALL_WORDS = frozenset({"and", "or", "&", "of", "for", "to", "with", "the", "a", "on", "in"})


def _glued_heading(said: str) -> bool:
    """A heading glued before the sentence ('Cookies, Tracking, and Interest-Based Advertising The
    help function …'): a run of three or more title-case words with a comma or 'and' in it,
    followed by the sentence's own capitalised first word."""
    words = said.split()
    run = 0
    for w in words[:12]:
        if w[:1].isupper() or w.lower() in _SMALL_WORDS:
            run += 1
            continue
        break
    head = words[:run]
    return run >= 4 and any(w.endswith(",") or w.lower() in ("and", "&") for w in head[:-1])


_OPENER_RE = re.compile(r"^(?:For|In|As|If|When|Where|While|To|By|With|Like|Unless|Although|Once|Because|Also|However|"
                        r"Additionally|Finally|Generally|Specifically|Moreover|Similarly|Please|Depending|Through|On|At)\b")


def _list_item(said: str) -> bool:
    """An item of a list quoted as if it were a sentence ('Data from Automated Interactions on
    non-Oracle websites, or other data you may have made publicly available, …'): no finite
    verb before its first comma and no opener that would explain it."""
    head = said.split(",", 1)[0]
    return "," in said and not _FINITE_RE.search(head) and not _PLURAL_VERB_RE.search(head) and not _OPENER_RE.match(said)


# the same verbs after a plural subject ('Walmart's mobile applications collect …')
_PLURAL_VERB_RE = re.compile(r"(?i)\b(?:use|collect|share|provide|display|receive|obtain|send|show|sell|allow|track|"
                             r"gather|store|keep|retain|process|disclose|access|participate|partner|work)\b")


def _quotable(said: str, purpose: str) -> bool:
    """A quote that can stand as a statement: it has a verb, no heading glued before it, and
    the purpose is not inside an opening condition ('When information is used to deliver …
    marketing messages on non-Verizon sites, … you should see this icon')."""
    from tracker.changes.phrasing import has_verb
    if not has_verb(said) or _glued_heading(said) or _list_item(said):
        return False
    if _SUBORDINATE_RE.match(said):
        comma = said.find(",")
        at = said.lower().find(purpose.lower())
        return comma >= 0 and at > comma
    return True


def _headline_clause(ctx: Context, text: str, at: int) -> str:
    """The clause holding position at when it fits a headline and stands alone ('Internet
    advertising networks may use your web browsing history to show you advertising'), else ''."""
    from tracker.changes.phrasing import has_verb
    clause = _gone_clause(ctx, text, at) or ""
    first = clause.split(" ", 1)[0].lower()
    ok = 30 <= len(clause) <= 139 and bool(_FINITE_RE.search(clause)) and first not in _MODALS \
        and not _SUBORDINATE_RE.match(clause)
    return clause if ok else ""


# a clause with a subject and a finite verb, not a noun phrase with a participle ('other content
# served by … on other Web sites')
_FINITE_RE = re.compile(r"(?i)\b(?:may|might|will|can|could|would|should|must|is|are|was|were|has|have|does|do|"
                        r"uses|collects|shares|provides|displays|receives|obtains|sends|shows|sells|allows)\b")
_MODALS = frozenset("may might will would can could should must shall is are was were has have had to and or but which "
                    "that who".split())


def _others_in(text: str, old_text: str) -> "re.Match[str] | None":
    """Others newly given the user's data: 'those Platform Applications may access and share
    certain information about you', written nowhere in the old text."""
    for m in _OTHERS_USE_RE.finditer(text):
        if not _NOT_RE.search(text[max(0, m.start() - 30):m.end()]) and _unsaid(m.group(0), old_text):
            return m
    return None


def _restated(ctx: Context, said: str) -> bool:
    """Half the stemmed words of a clause called gone stand in one new sentence: it was
    reworded ('advertising technology networks that collect …'), not dropped."""
    from tracker.changes.corroborate import Side
    return Side(list(ctx.new_sentences)).holds(said, 0.5, stemmed=True)


def purpose_statements(ctx: Context) -> list[Statement]:
    """A sentence added or reworded that now uses the user's data for advertising or promotion,
    to recognise the user on other sites or beyond the company's own pages: 'NYTimes.com may use
    your posts, with your Member ID, for online and offline promotional uses'. And a clause
    dropped that let others (ad networks, apps, partners) use the user's data, which no new
    sentence still says: 'No longer says: Internet advertising networks may use your web
    browsing history to show you advertising'. A practice rule found these; the level says
    which way it went."""
    from tracker.changes.rules.common import _RECIPIENT_RE
    out: list[Statement] = []
    new_text = "\n".join(ctx.new_sentences)
    live = {k for k, _ in _live(ctx)}
    # a reworded sentence that gains a purpose is read even when its other words changed little
    # (materiality counts topic words: 'for related online and offline promotional uses' has none)
    for k, c in enumerate(ctx.changes):
        if k not in live and not (c.kind == "reworded" and c.new and _PURPOSE_RE.search(c.new)
                                  and not _stamp_only(c) and not _editors_note(c)):
            continue
        if c.kind in ("added", "reworded") and c.new:
            other = c.old if c.kind == "reworded" else ctx.old_text
            m = _purpose_in(c.new, other) or _others_in(c.new, ctx.old_text)
            said = _quote(ctx, c.new, re.compile(re.escape(m.group(0)))) if m else None
            if said and m and _quotable(said, third_person(m.group(0), ctx.owner)):
                impact = "sharing-widened" if _OTHERS_USE_RE.search(said) or (
                    _RECIPIENT_RE.search(said) and not said.startswith(ctx.owner)) else "collection-widened"
                # the purpose is what is new: a headline cut to fit keeps it
                short = _headline_clause(ctx, c.new, m.start()) if len(said) > 139 else ""
                out.append(Statement(said, _topic(c), impact, None, third_person(m.group(0), ctx.owner), (k,), short))
                continue
        if c.kind in ("removed", "reworded") and c.old:
            gone = next((g for g in _OTHERS_USE_RE.finditer(c.old) if not _NOT_RE.search(c.old[max(0, g.start() - 30):g.end()])
                         and _unsaid(g.group(0), new_text)), None)
            said = _gone_clause(ctx, c.old, gone.start()) if gone else None
            if said and gone and _PURPOSE_RE.search(c.old[gone.start():]) and not _glued_heading(said) \
                    and not _restated(ctx, said):
                out.append(Statement(f"No longer says: {said[:1].lower() + said[1:] if said.split()[0].islower() else said}",
                                     _topic(c), "sharing-narrowed", said, None, (k,)))
    return out



# kinds of data a user guards most (identity documents, birth date, body, health, precise place,
# money), each as a reader names it
SENSITIVE: tuple[tuple[str, "re.Pattern[str]"], ...] = tuple((label, re.compile(rx, re.I)) for label, rx in (
    ("date of birth", r"\b(?:date of birth|birth ?date|birthday)\b"),
    ("government ID", r"\bgovernment(?:[- ]issued)? (?:ID|identification)\b|\bpassport\b|\bdriver'?s'? licen[cs]e\b"),
    ("Social Security number", r"\bsocial security numbers?\b|\bSSN\b"),
    ("tax information", r"\btax (?:ID|identification|information|forms?|numbers?)\b|\btax(?=,)"),
    ("biometric data", r"\bbiometric\w*|\bface ?prints?\b|\bfacial (?:recognition|geometry|features)\b|\bfingerprints?\b|"
     r"\bvoice ?prints?\b|\bphoto matching\b"),
    ("health data", r"\bhealth (?:information|data|conditions?)\b|\bmedical (?:information|data|records?)\b"),
    ("precise location", r"\bprecise (?:geo)?location\b|\bGPS\b|\b(?:latitude|longitude)\b"),
    ("bank account details", r"\bbank account\w*\b|\bfinancial account\w*\b"),
))
_GATHERS_RE = re.compile(r"(?i)\b(?:collect\w*|gather\w*|obtain\w*|receive[sd]?|ask (?:you )?for|request\w*|record\w*|"
                         r"use[sd]? your (?:device'?s? )?)\b")
_IF_YOU_RE = re.compile(r"\b(?P<cond>(?:If|When) you [^,;()]{5,80}?)(?:\s*\([^()]{0,60}\))?,")


def _hypothetical(text: str, at: int) -> bool:
    """The collection at position at sits in an opening condition ('When we do have to collect
    your most sensitive personal information, such as Social Security Numbers, we will protect
    …'): the sentence is about something else."""
    m = _SUBORDINATE_RE.match(text)
    comma = text.find(",")
    return bool(m) and comma > at


def sensitive_collection(ctx: Context) -> list[Statement]:
    """A sentence added or reworded in which the company collects a kind of data a user guards
    most that the old text never named (date of birth, government ID, precise location,
    biometrics): 'If you sign up to participate in a Reddit Program, Reddit now collects date of
    birth, government ID and tax information'. Its condition ('If you …,') is kept."""
    found: dict[str, list[int]] = {}
    first: dict[int, str] = {}
    for k, c in _new_sentences(ctx):
        text = c.new or ""
        gathers = _GATHERS_RE.search(text)
        if not gathers or _NOT_RE.search(text) or _hypothetical(text, gathers.start()):
            continue
        for label, rx in SENSITIVE:
            if rx.search(text) and not rx.search(ctx.old_text) and not rx.search(c.old or ""):
                found.setdefault(label, []).append(k)
                first.setdefault(k, text)
    if not found:
        return []
    labels = list(found)[:4]
    k0 = min(found[labels[0]])
    text = first[k0]
    cond = _IF_YOU_RE.search(text)
    lead = f"{third_person(cond.group('cond'), ctx.owner)}, " if cond and _GATHERS_RE.search(text, cond.end()) else ""
    owner = ctx.owner[:1].lower() + ctx.owner[1:] if lead and ctx.owner.startswith("The ") else ctx.owner
    said = f"{lead}{owner} now collects {_and(labels)}"
    rests = _rests_on({x: found[x] for x in labels})
    if len(rests) == 1:      # one sentence says it all: its own words, when a clause of them fits
        from tracker.changes.rules.common import _owner_says
        own = _owner_says(ctx, text, dict(SENSITIVE)[labels[0]], 120)      # room for the company's name
        if own and not _glued_heading(own) and all(dict(SENSITIVE)[x].search(own) for x in labels) \
                and not _SUBORDINATE_RE.match(own):
            said = own
    return [Statement(capitalise(said), "collection", "sensitive-collected", None, _and(labels), rests)]



_CHILD_RE = re.compile(r"(?i)\bchild(?:ren|ren's|'s)?\b|\bminors?\b|\bunder (?:the age of )?1\d\b|\bparents?\b|\bguardians?\b")
_WE_WILL_RE = re.compile(r"(?i)\bwe (?:will|shall|promise to|commit to|agree to)(?: promptly| immediately)? (?!not\b)\w+")


def children_commitments(ctx: Context) -> list[Statement]:
    """A sentence about children that keeps its words but drops what the company committed to
    do for them ('… or contact us and we will delete the information about the child from our
    files' -> '… or contact us'): 'No longer says: Target will delete the information about the
    child from its files', a protection of a protected group gone."""
    out: list[Statement] = []
    new_text = "\n".join(ctx.new_sentences)
    for k, c in _live(ctx):
        if c.kind != "reworded" or not c.old or not c.new or not _CHILD_RE.search(c.old):
            continue
        m = next((x for x in _WE_WILL_RE.finditer(c.old) if _unsaid(c.old[x.start():x.start() + 60], new_text)
                  and not _WE_WILL_RE.search(c.new)), None)
        said = _gone_clause(ctx, c.old, m.start()) if m else None
        if said and _CHILD_RE.search(said) and len(said) <= 200:
            out.append(Statement(f"No longer says: {said}", "children", "children-rule", said, None, (k,)))
    return out



_TRACK_VERB_RE = r"(?:track|analy[sz]e|measure|monitor|collect|record|serve|deliver|target)"


def tracker_statements(ctx: Context) -> list[Statement]:
    """A company newly named in a sentence that engages it to track, measure or serve ads to the
    site's visitors ('NYTimes.com is currently using and has contracted with WebTrends, a third
    party, to track and analyze … usage … from our visitors'), said as what it does: 'New York
    Times now uses WebTrends to track and analyze … usage … from its visitors and customers'.
    Names match whatever their case ('Webtrends' in the list, 'WebTrends' in the sentence)."""
    out: list[Statement] = []
    for name in ctx.entities_added.get("vendors", [])[:6]:
        rx = re.compile(rf"(?i)\b(?P<name>{re.escape(name)})\b[^.;]{{0,40}}?\bto (?P<what>{_TRACK_VERB_RE}\b[^.;]*)")
        for k, c in _new_sentences(ctx):
            m = rx.search(c.new or "")
            if not m or re.search(rf"(?i)\b{re.escape(name)}\b", c.old or "") or _NOT_RE.search(c.new[:m.start()] or ""):
                continue
            what = re.split(r",| to | in order to | so that | which ", m.group("what"))[0].strip()
            if not 3 <= len(what.split()) <= 22 or not _DATA_RE.search(what + " " + c.new):
                continue
            said = f"{ctx.owner} now uses {m.group('name')} to {third_person(what, ctx.owner)}"
            out.append(Statement(said, "sharing", "new-recipient", None, m.group("name"), (k,)))
            break
    return out


DIGESTS = (rights_digest, basis_digest, office_statements, controller_statements, sources_digest,
           purpose_statements, sensitive_collection, children_commitments,
           tracker_statements)
