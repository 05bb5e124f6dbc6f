"""What the user's data is now used for, by whom, and which guarded kinds of it are collected.

The statements a reader looks for first and the sentence-level rules miss when a sentence is long,
glued to another or changed only a little: data now used for advertising or promotion or to
recognise the user on other sites, others (ad networks, apps, developers) newly given it or no
longer, a company newly engaged to track visitors, identity documents, birth dates, biometrics
or precise location newly collected, and a commitment to children dropped from its sentence.
Each rule quotes the company's own words where a clause fits and rests on the changes it names.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from tracker.changes.phrasing import capitalise, third_person
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement, _editors_note, _live, _stamp_only, _topic


def _new_sentences(ctx: Context) -> list[tuple[int, Change]]:
    return [(k, c) for k, c in _live(ctx) if c.kind in ("added", "reworded") and c.new]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _rests_on(found: dict[str, list[int]]) -> tuple[int, ...]:
    return tuple(sorted({k for ks in found.values() for k in ks}))



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


# phrases of one sentence looked up in the other text: a sentence of a policy names a purpose a
# few times at most, a megabyte line of repeated words thousands of times
MAX_MATCHES = 8


def _unsaid(phrase: str, text: str) -> bool:
    """phrase (its words, case and spacing aside) is not written in text."""
    return _words_of(phrase) not in _words_of(text)


@lru_cache(maxsize=64)
def _words_of(text: str) -> str:
    """text in lower case with every run of other characters one space (memoised: the whole old
    text is asked about once per phrase)."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def _purpose_in(text: str, other: str) -> "re.Match[str] | None":
    """The first purpose text states (affirmatively, about the user's data) that other never writes."""
    for m in islice(_PURPOSE_RE.finditer(text), MAX_MATCHES):
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
    for m in islice(_OTHERS_USE_RE.finditer(text), MAX_MATCHES):
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
            other = (c.old or "") if c.kind == "reworded" else ctx.old_text
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
            gone = next((g for g in islice(_OTHERS_USE_RE.finditer(c.old), MAX_MATCHES) if not _NOT_RE.search(c.old[max(0, g.start() - 30):g.end()])
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
                and not _SUBORDINATE_RE.match(own) and _quotable(own, ""):      # a clause, never a list item
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
            text = c.new or ""
            m = rx.search(text)
            if not m or re.search(rf"(?i)\b{re.escape(name)}\b", c.old or "") or _NOT_RE.search(text[:m.start()]):
                continue
            what = re.split(r",| to | in order to | so that | which ", m.group("what"))[0].strip()
            if not 3 <= len(what.split()) <= 22 or not _DATA_RE.search(what + " " + text):
                continue
            said = f"{ctx.owner} now uses {m.group('name')} to {third_person(what, ctx.owner)}"
            out.append(Statement(said, "sharing", "new-recipient", None, m.group("name"), (k,)))
            break
    return out


# the company's own products made a purpose of a use that stays: '… will be used by Miro in
# accordance with Customer's instructions, to provide and improve the Services, and as required by
# law' (was: '… and as required by law'). The data now serves the company, not only the user who
# gave it; a word or two added, so no topic word makes it material
_IMPROVE_RE = re.compile(r"(?i)\b(?:to|for) (?:provide,? (?:and |or )?)?(?:improv\w*|develop\w*|enhanc\w*|build\w*|train\w*)"
                         r"(?:,? (?:and|or) [a-z]+)? (?:(?:our|the|its|their|new|other) )?(?:[\w-]+ ){0,2}?"
                         r"(?:services?|products?|features?|models?|platform|technolog\w+|offerings?)\b")
# a use in the passive whose subject names the data: 'Customer Content that is Personal Data will be used'
_USED_RE = re.compile(r"^(?P<data>[A-Z][^,;:()]{4,80}?)\s+(?:(?:will|may|can|shall|might)\s+(?:also\s+)?be|is|are)\s+"
                      r"(?:also\s+)?used\b")
_DATA_SUBJECT_RE = re.compile(r"(?i)\b(?:content|data|information|inputs?|uploads?|files?|messages?|recordings?|"
                              r"conversations?|prompts?|communications?)\b")
_ITS_OWN_RE = re.compile(r"(?i)\b(?:improv|develop|enhanc|train)\w*")


def own_use_statements(ctx: Context) -> list[Statement]:
    """A sentence on what the user's data is used for that now also serves the company's own
    products: 'Miro now also uses Customer Content that is Personal Data to provide and improve
    the Services'. Only a use said in the passive of the data itself, and a purpose of
    improving, developing or training that the old sentence did not give."""
    out: list[Statement] = []
    for k, c in enumerate(ctx.changes):
        if c.kind != "reworded" or not c.old or not c.new or _stamp_only(c) or _editors_note(c):
            continue
        m = _IMPROVE_RE.search(c.new)
        used = _USED_RE.match(c.new)
        if not m or not used or _ITS_OWN_RE.search(c.old) or not _DATA_SUBJECT_RE.search(used.group("data")):
            continue
        data = used.group("data")
        data = data[:1].lower() + data[1:] if data.split()[0] in ("The", "Your", "Any", "All", "Such") else data
        said = f"{ctx.owner} now also uses {data} {m.group(0)}"
        out.append(Statement(said, _topic(c), "collection-widened", None, m.group(0), (k,)))
    return out
