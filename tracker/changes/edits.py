"""A reworded sentence stated by its edit, as a journalist would say it.

The largest edit of a reworded sentence is stated with the clause that holds it and the old
words it replaced ("… to the privacy pane to disable cookies (was: Security pane)"); one name
for another is said as such ("Now says iCloud instead of MobileMe"); a changed e-mail says whose
it is; an edit too deep in a long sentence is quoted from the sentence's start; the headline of
a long reworded sentence is the clause that changed, never its unchanged half. Used by the
practice and rewording rules of tracker.changes.statements.
"""

from __future__ import annotations

import re

from tracker.changes.phrasing import (
    _trim, capitalise, clause_about, edit_window, has_verb, is_page_chrome, plain_words, third_person, tidy,
)
from tracker.changes.report import Change
from tracker.changes.rules.figures import _EMAIL_RE, _contact_role, _mail
from tracker.changes.rules.common import NAMED_QUOTE_LIMIT, QUOTE_LIMIT, Context, _and, _lower, _owner_says


def _chunks(c: Change, op: str) -> list[str]:
    """The runs of words only in the new ('+') or only in the old ('-') sentence."""
    from tracker.changes.verdict import word_diff
    return [t for t in (tidy(x).strip(" ,;:") for o, x in word_diff(c.old or "", c.new or "") if o == op) if t]


def _is_name_run(text: str) -> bool:
    """'Quincy Data Center LLC', 'G Suite', 'iCloud': a short run of capitalised words."""
    words = text.split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in ("of", "and", "for", "the", "&")
                                       or (w[:1].islower() and any(ch.isupper() for ch in w[1:])) for w in words)


# words that open a clause or a phrase, never a name ('As an additional', 'In the event')
_OPENING_WORDS = frozenset({"As", "At", "By", "For", "From", "In", "On", "To", "With", "And", "Or", "But", "A", "An",
                            "If", "When", "Where", "While", "Unless", "Although", "Because", "Upon"})


def _name_start(run: str) -> bool:
    """Does a run of words start as a name does ('TRUSTe's opt-out tool', 'Word Wipe Word game'):
    with a capital, never with a word that opens a clause ('As an additional')?"""
    first = run.split()[0] if run.split() else ""
    return first[:1].isupper() and first not in _OPENING_WORDS


_CLAUSE_WORD_RE = re.compile(r"(?i)\b(?:that|which|who|they|it|we|you|us|if|when|because)\b|[;:]")


def _swapped_words(c: Change, gone: str, came: str) -> str:
    """The old words of a short substitution with one word of context ('Security pane' where
    the new text says 'privacy pane'): the old value, not the old half-sentence around it."""
    if not gone or not came or len(gone.split()) > 6 or len(came.split()) > 10 \
            or _CLAUSE_WORD_RE.search(f"{gone} {came}"):
        return ""                 # a new clause, not a new value: the old words around it say more
    w = edit_window(c.old or "", c.new or "", context=1)
    was = _trim(w[0].split()) if w else ""
    return was if gone in was else ""       # another region than the edit's: the old half-sentence says more


def _named(chunks: list[str]) -> str:
    quoted = [x if x[:1].isupper() else f"“{x}”" for x in chunks]
    return _and(quoted)


def edit_statement(ctx: Context, c: Change) -> tuple[str, str | None, str | None] | None:
    """A reworded sentence stated by its one edit: the clause holding the new words with the
    old words around the edit ('… such as credit card information (was: such as credit card
    or checking account information)'); where no clause fits, the names it adds or drops
    ('Now also names XO Communications and MapQuest in “…”') or the two windows quoted."""
    w = edit_window(c.old or "", c.new or "")
    if w is None:
        return None
    old_win, new_win, gone, came, left, right = w
    mails = [_EMAIL_RE.search(x) for x in (old_win, new_win)]
    if mails[0] and mails[1] and _mail(mails[0]) != _mail(mails[1]):     # 'copyrightagent@ wpni.com' as scraped
        o, n = _mail(mails[0]), _mail(mails[1])
        return f"{_contact_role(c.new, 'e-mail')} is now {n} (was: {o})", o, n
    mailbox = _mailbox_swap(c, gone, came) if _is_name_run(gone) and _is_name_run(came) else None
    if mailbox:               # 'EU-Privacy@Blizzard.com' -> 'DPO@Blizzard.com': an address, not a name swapped
        o, n = mailbox
        return f"{_contact_role(c.new, 'e-mail')} is now {n} (was: {o})", o, n
    from tracker.changes.insertions import item_statement
    item = item_statement(ctx.owner, c)
    if item:                # an item put into a list or taken out of it: said with the clause's subject and verb
        return item
    focus = re.compile(re.escape(new_win), re.I)
    # the clause holding the edit; a long one in fewer words and up to a named quote's length
    said = _owner_says(ctx, c.new or "", focus)
    if not said and not (gone and came and _is_name_run(gone) and _is_name_run(came)):
        said = _owner_says(ctx, plain_words(c.new or ""), focus, NAMED_QUOTE_LIMIT)   # one name for another: said so below
    if said and old_win.split() == f"{left} {right}".split() and came \
            and third_person(came, ctx.owner).lower() in said.lower():     # 'our Services' quoted as 'its Services'
        return said, None, came            # words only added: the old words around them were no other value
    if said and _DANGLING_END_RE.search(said):
        said = None                        # 'Reddit processes your information where (was: …)': no clause to splice onto
    if said and not came and (_filler(gone) or _moved(gone, c.new or "")):
        return said, None, None            # 'as well' dropped, or 'via email' moved: no old value to give
    if said and not _holds_edit(said, came):
        said = None                        # a clause without the new words: a '(was: …)' would pair nothing
    if said:
        swapped = _swapped_words(c, gone, came)
        return f"{said} (was: {_lower(third_person(swapped or old_win, ctx.owner))})", swapped or old_win, new_win
    if bool(gone) != bool(came) and not _real_name(gone or came, ctx.owner, ctx.old_text):
        return None               # 'My Privacy page' -> 'Privacy page', 'Google Privacy Policy' -> 'Privacy Policy'
    plus = [x for x in _chunks(c, "+") if _real_name(x, ctx.owner, ctx.old_text)]
    minus = [x for x in _chunks(c, "-") if _real_name(x, ctx.owner, ctx.old_text)]
    pieces = not all(_whole_name(x, c.new or "") for x in plus) or not all(_whole_name(x, c.old or "") for x in minus)
    where = clause_about(c.new or "", None, 90)
    where_text = f" in “{third_person(where, ctx.owner)}”" if where else ""
    # a run of names, never a sentence's words that only start with a capital ('As an additional')
    if plus and not minus and len(plus) <= 3 and all(len(x.split()) <= 5 and _name_start(x) for x in plus):
        if pieces:
            return None           # words put into a longer name ('Mobile [Dashboard, Tapjoy] Dashboard'): no name came
        among = _listed_among(ctx, c, plus[0]) if len(plus) == 1 and where and LIST_OPEN_RE.search(where) else None
        return among or (f"Now also names {_named(plus)}{where_text}", None, ", ".join(plus))
    if minus and not plus and len(minus) <= 3 and all(len(x.split()) <= 5 and _name_start(x) for x in minus):
        if pieces:
            return None           # words taken out of a longer name ('Proton [Technologies] AG'): no name went
        return f"No longer names {_named(minus)}{where_text}", ", ".join(minus), None
    head = head_through(c.new or "", came, NAMED_QUOTE_LIMIT) if came and not _is_name_run(came) else None
    if head and _DANGLING_END_RE.search(head):
        head = None               # 'We process your information where': no clause to put an old value after
    if head:                # the sentence from its start to the end of the clause holding the new words
        head = capitalise(third_person(head, ctx.owner))
        swapped = _swapped_words(c, gone, came)
        return (f"{head} (was: {_lower(third_person(swapped or old_win, ctx.owner))})" if gone else head,
                swapped or old_win if gone else None, new_win if gone else came)
    listed = list_edit(ctx, c, gone, came)
    if listed:               # an item added to or dropped from a list of data: said as such, not quoted
        return listed
    if came and not gone and len(came) <= 140:
        if _is_name_run(came) and _real_name(came, ctx.owner):
            if not _whole_name(came, c.new or ""):
                return None       # a word put into a longer name ('SalesForce [Marketing Cloud]'): no name came
            return f"Now also names {came}{where_text}", None, came
        grown = _grown_object(ctx, where, came)
        if grown:            # 'Acme may now also collect browser type and settings'
            return grown, None, came
        return _readable_fallback(ctx, c, gone, came, old_win, where_text)
    if gone and not came and len(gone) <= 140:
        if _is_name_run(gone) and _real_name(gone, ctx.owner):
            if not _whole_name(gone, c.old or ""):
                return None       # a word taken out of a longer name ('Proton [Technologies] AG'): no name went
            return f"No longer names {gone}{where_text}", gone, None
        return _dropped(ctx, c, new_win, old_win, gone) or _readable_fallback(ctx, c, gone, came, old_win, where_text)
    if len(new_win) > 140 or len(old_win) > 140:
        names = [x for x in _NAME_RUN_RE.findall(came) if x.lower() not in (c.old or "").lower()
                 and not _DOCUMENT_END_RE.search(x)][:3]
        if names:          # an edit too long to quote that brings in names: name them
            return f"Now names {_and(names)}{where_text}", gone, came
        return None
    if gone and came and _is_name_run(gone) and _is_name_run(came):
        # one name for another ('Google Apps' -> 'G Suite', 'Wikimedia Labs' -> 'Wikimedia Cloud
        # Services'): said as such, with the words of the name they share
        put_in = list_grown(gone, came)
        if put_in:             # 'United Kingdom, California' -> 'United Kingdom, Switzerland, California'
            verb, names = put_in
            return f"{verb} {_and(names)}{where_text}", gone if verb == "No longer names" else None, \
                came if verb == "Now also names" else None
        lead = legal_lead(c.new or "", came) if _LEGAL_FORM_RE.match(gone) and _LEGAL_FORM_RE.match(came) \
            else shared_lead(left or "")
        return f"Now says {lead}{_once(came)} instead of {lead}{_once(gone)}{where_text}", gone, came
    if re.search(r"\d", new_win) and re.search(r"\d", old_win) and len(new_win.split()) <= 8 \
            and len(old_win.split()) <= 8 and not _CLAUSE_WORD_RE.search(f"{new_win} {old_win}"):
        return f"Now gives {new_win} (was: {old_win}){where_text}", old_win, new_win    # an address or number
    return _readable_fallback(ctx, c, gone, came, old_win, where_text)


# pronouns that open a sentence, never a name's first word ('We GraphCMS'; 'The International …' is a name's)
_NO_NAME_WORDS = frozenset({"We", "You", "Our", "Your", "This", "These", "Its", "It", "They", "Their", "If", "When"})


def shared_lead(left: str) -> str:
    """The capitalised words before a swapped name that both names share ('The International '
    of 'The International Herald Tribune' -> '… New York Times'), with a space, never a pronoun
    that opens the sentence ('We GraphCMS' -> 'GraphCMS'); '' when there are none."""
    shared = re.search(r"(?:\b[A-Z][\w&'-]*\s)*\b[A-Z][\w&'-]*$", left)
    words = shared.group(0).split() if shared else []
    while words and words[0] in _NO_NAME_WORDS:
        words.pop(0)
    return " ".join(words) + " " if words else ""


def _once(run: str) -> str:
    """A run of names with each name once ('Coach, Coach' as scraped -> 'Coach')."""
    parts = [p.strip() for p in run.split(",")]
    if len(parts) < 2 or len(set(parts)) == len(parts):
        return run
    return ", ".join(dict.fromkeys(p for p in parts if p))


def legal_lead(new: str, came: str) -> str:
    """The company's name before a legal form that replaced another ('Simplifi Holdings, ' before
    'LLC' where it was 'Inc.'), with its comma and a space, so the swap names the company and
    not a word of it; '' when the new sentence writes no capitalised name before the form."""
    at = new.find(came)
    m = re.search(r"(?:\b[A-Z][\w&'.-]*\s)*\b[A-Z][\w&'.-]*,?\s$", new[:at]) if at > 0 else None
    words = m.group(0).split() if m else []
    while words and words[0].strip(",") in _NO_NAME_WORDS:
        words.pop(0)
    return " ".join(words) + " " if words else ""


def list_grown(gone: str, came: str) -> tuple[str, list[str]] | None:
    """('Now also names', ['Switzerland']) when the new run of names is the old one with names
    put in ('United Kingdom, California' -> 'United Kingdom, Switzerland, California'),
    ('No longer names', ['UK']) when names were taken out ('UK, EU/ EEA' -> 'EU, EEA'); None
    for one name replaced by another."""
    def names(run: str) -> list[str]:
        return [n for n in (x.strip(" /") for x in re.split(r",|/|\band\b|\bor\b", run)) if n]
    old, new = names(gone), names(came)
    if len(old) < 2 and len(new) < 2:
        return None
    added = [n for n in new if n not in old]
    dropped = [n for n in old if n not in new]
    if added and not dropped:
        return "Now also names", added
    if dropped and not added:
        return "No longer names", dropped
    return None


def _mailbox_swap(c: Change, gone: str, came: str) -> tuple[str, str] | None:
    """(old, new) address when the edit changes only the mailbox of one e-mail address the
    sentence gives ('Contact EU-Privacy@Blizzard.com' -> 'Contact DPO@Blizzard.com'), else None.
    Asked only of mailboxes written as names, which would read as one name put for another."""
    if not gone or not came:
        return None
    olds = [_mail(m) for m in _EMAIL_RE.finditer(c.old or "")]
    news = [_mail(m) for m in _EMAIL_RE.finditer(c.new or "")]
    gone_only = [a for a in olds if a not in news]
    came_only = [a for a in news if a not in olds]
    if len(gone_only) != 1 or len(came_only) != 1:
        return None
    if gone.strip(" .") not in gone_only[0] or came.strip(" .") not in came_only[0]:
        return None           # the edit is elsewhere in the sentence
    return gone_only[0], came_only[0]


def _named_in(chunk: str, entities: dict[str, list[str]], owner: str) -> list[str]:
    """The entities the document gains (or loses) that this edit writes ('Quincy Data Center LLC',
    'GDPR'): names the entity comparison already vouches for, never any capitalised run."""
    out: list[str] = []
    for names in entities.values():
        for x in names:
            if x and x in chunk and x.lower() != owner.lower() and re.search(rf"(?<!\w){re.escape(x)}(?!\w)", chunk) \
                    and not any(x in y for y in out):
                out.append(x)
    return out[:3]


_AS_WELL_AS_RE = re.compile(r"(?i)(?:^|[,;)]\s*|\s)(?:as well as|and also|plus|along with) (.+)$")


def _also_object(ctx: Context, c: Change, came: str) -> tuple[str, str | None, str | None] | None:
    """A new object joined to the end of the sentence with 'as well as' after the company's own
    verb of practice ('Acme obtains information from outside companies including … , as well as
    information such as device type, carrier, city and state'): the company now also does that
    with it. Only a noun phrase of data that the old sentence never named."""
    m = _AS_WELL_AS_RE.search(came)
    item = _trim(m.group(1).split()) if m else ""
    new = tidy(c.new or "")
    if not item or not new.endswith(item.rstrip(".")) and not new.rstrip(". ").endswith(item) or len(item.split()) > 14 \
            or _FINITE_RE.search(item) or _NOT_NOUN_START_RE.match(item) or not _DATA_ITEM_RE.search(item) \
            or not _balanced_item(item) or item.lower() in (c.old or "").lower():
        return None
    verb = re.match(r"^(We|[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})\s+(?:(may|might|can|will)\s+)?(?:also\s+)?"
                    + _DATA_VERB_RE.pattern[4:], new)
    if verb is None:
        return None
    who = ctx.owner if verb.group(1) == "We" else verb.group(1)
    lemma = verb.group(3).lower()
    if verb.group(2):
        return f"{who} {verb.group(2).lower()} now also {lemma} {item}", None, item
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
    return f"{who} now also {third} {item}", None, item


_CONDITION_AT_RE = re.compile(r"(?:^|(?<=[a-z.:;] )|(?<=[a-z]))(?:If|When|Where|Unless|Once) (?=[a-z])")


def _condition_and_main(sentence: str, came: str, limit: int = NAMED_QUOTE_LIMIT) -> str | None:
    """A condition that holds the new words with the main clause it governs ('If you are a
    resident of the EEA, or any other country …, you have the following rights'), when both
    fit: a sentence in its own right, though its subject comes after the condition."""
    from tracker.changes.phrasing import _balanced
    text = tidy(sentence)
    at = text.find(came)
    starts = [m.start() for m in _CONDITION_AT_RE.finditer(text, 0, max(at, 0)) if at > 0]
    if not starts:
        return None
    first = _CLAUSE_END_RE.search(text, at + len(came))
    if first is None or text[first.start()] != ",":
        return None
    end = _CLAUSE_END_RE.search(text, first.end())
    said = tidy(text[starts[-1]:end.start() if end else len(text)])
    main = tidy(text[first.end():end.start() if end else len(text)])
    if len(said) > limit or len(main.split()) < 3 or not has_verb(main) or not _balanced(said) \
            or _DANGLING_END_RE.search(said) or is_page_chrome(said):
        return None
    return said


def _readable_fallback(ctx: Context, c: Change, gone: str, came: str, old_win: str,
                       where_text: str) -> tuple[str, str | None, str | None] | None:
    """What a reworded sentence says when no clause around its edit reads well: the company's
    clause that holds the new words (up to a named quote's length), else the names the edit
    brings in or takes out; None, never a redline ('Adds “certain types” after “you with respect”')."""
    if came:
        said = _owner_says(ctx, c.new or "", re.compile(re.escape(came)), NAMED_QUOTE_LIMIT)
        if said and _holds_edit(said, came) and not _DANGLING_END_RE.search(said) and not LIST_OPEN_RE.search(said) \
                and len(said.split()) >= 5:
            if not gone:
                return said, None, came
            swapped = _swapped_words(c, gone, came)
            return f"{said} (was: {_lower(third_person(swapped or old_win, ctx.owner))})", swapped or old_win, came
    also = _also_object(ctx, c, came) if came else None
    if also:                 # 'Acme now also obtains information such as device type, carrier, city and state'
        return also
    cond = _condition_and_main(c.new or "", came) if came else None
    if cond:                 # 'If you are a resident of the EEA, or any other country …, you have the following rights'
        return capitalise(third_person(cond, ctx.owner)), None, came
    among = _listed_among(ctx, c, came) if came and not gone else None
    if among:                # 'Now lists Dermstore LLC among Target Corporation subsidiaries and affiliates'
        return among
    plus = _named_in(came, ctx.entities_added, ctx.owner) if came else []
    minus = _named_in(gone, ctx.entities_removed, ctx.owner) if gone else []
    if plus:
        return f"Now also names {_and(plus)}{where_text}", ", ".join(minus) or None, ", ".join(plus)
    if minus:
        return f"No longer names {_and(minus)}{where_text}", ", ".join(minus), None
    return _clause_dropped(ctx, c, gone) if gone and not came else None


# the head of a list of names: 'Target Corporation subsidiaries and affiliates include, but are not limited to'
_LIST_HEAD_RE = re.compile(r"(?P<subject>(?:[A-Z][\w&'’.-]*|Our|its|our|the|and|of)(?: (?:[A-Z][\w&'’.-]*|and|of|the|its|our|"
                           r"[a-z]+(?:ies|es|s)))*) (?:include|includes|are)(?:,? but (?:are|is) not limited to)?:? ")
_CLAUSE_LEAD_RE = re.compile(r"(?i)^(?:,\s*)?(?:though|although|but|and|while|whereas)\s+")


def _listed_among(ctx: Context, c: Change, came: str) -> tuple[str, str | None, str | None] | None:
    """A name put into a list of names ('… subsidiaries and affiliates include … and Dermstore
    LLC (Dermstore.com, …)'): 'Now lists Dermstore LLC (…) among Target Corporation subsidiaries
    and affiliates', never a redline."""
    new = c.new or ""
    at = new.find(came)
    if at < 0 or not re.match(r"[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4}\b", came) or len(came) > 100:
        return None
    heads = list(_LIST_HEAD_RE.finditer(new, 0, at))
    if not heads or at - heads[-1].end() > 600:
        return None
    subject = third_person(heads[-1].group("subject"), ctx.owner)
    return f"Now lists {came} among {_lower(subject)}", None, came


def _clause_dropped(ctx: Context, c: Change, gone: str) -> tuple[str, str | None, str | None] | None:
    """A clause dropped from a sentence whose subject is the company ('Cisco previously certified
    …, though does not rely on the Safe Harbor in order to comply with EU law'): said with the
    company as its subject ('No longer says: Cisco does not rely on the Safe Harbor …')."""
    clause = _CLAUSE_LEAD_RE.sub("", gone.strip())
    old = (c.old or "").lstrip()
    if clause == gone.strip() or len(clause.split()) < 5 or not has_verb(clause) \
            or not re.match(rf"(?:We|{re.escape(ctx.owner)})\b", old) or not re.match(r"(?:does|do|is|are|will|may|has|have|can)\b", clause):
        return None
    verb_fixed = re.sub(r"^do\b", "does", re.sub(r"^are\b", "is", re.sub(r"^have\b", "has", clause)))
    return f"No longer says: {ctx.owner} {third_person(verb_fixed, ctx.owner)}", gone, None


def _dropped(ctx: Context, c: Change, new_win: str, old_win: str, gone: str) -> tuple[str, str | None, str | None] | None:
    """Words dropped from a sentence, said with the new sentence from its start through the
    clause where they were and the old words after it ('Google may share non-personally
    identifiable information publicly … (was: aggregated non-personally …)'); None when no
    such clause reads as one."""
    head = head_through(c.new or "", new_win.strip(), NAMED_QUOTE_LIMIT) if new_win.strip() else None
    if not head or _DANGLING_END_RE.search(head):
        return None
    was = head_through(c.old or "", old_win.strip(), QUOTE_LIMIT) if old_win.strip() else None
    return f"{capitalise(third_person(head, ctx.owner))} (was: {_lower(third_person(was or old_win, ctx.owner))})", \
        gone, None


_FILLER = frozenset("as well also too further furthermore additionally when where it its this that the a an and or "
                    "of to in on at by for with from then thus so".split())
_CAPITAL_WORDS = frozenset("my your our the a an this these that its their his her in on at for to of and or we you "
                           "it they if when".split())


def _filler(gone: str) -> bool:
    """Old words that carry nothing of their own ('as well', 'when it')."""
    words = re.findall(r"[\w'’-]+", gone.lower())
    return bool(words) and all(w in _FILLER for w in words)


def _moved(gone: str, new: str) -> bool:
    """Old words that the new sentence still holds elsewhere ('us, via email,' moved to its end)."""
    words = [w for w in re.findall(r"[\w'’-]{3,}", gone.lower()) if w not in _FILLER and w not in ("us", "our")]
    low = new.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", low) for w in words)


# a company's legal form alone ('Inc.' of 'Intuit, Inc.' written 'Intuit Inc.'): part of a name, never one
_LEGAL_FORM_RE = re.compile(r"(?i)^(?:inc|llc|ltd|limited|corp|corporation|co|plc|gmbh|ag|s\.?a|b\.?v|l\.?p)\.?$")


def _real_name(chunk: str, owner: str, text: str = "") -> bool:
    """A run of words that names something: not a lone capitalised small word ('My'), a legal
    form alone ('Inc.'), nor the owner, nor one word the text (given) also writes in lower case:
    'Online' dropped from 'This Online Privacy Policy' is a word of a title, not a name."""
    chunk = chunk.strip(" ,")
    if " " not in chunk and chunk[:1].isupper() and chunk[1:].islower() and text \
            and chunk.lower() in text and re.search(rf"(?<![\w-]){re.escape(chunk.lower())}(?![\w-])", text):
        return False
    return chunk.lower() not in _CAPITAL_WORDS and chunk.lower() != owner.lower() and not _LEGAL_FORM_RE.match(chunk)


# a capitalised word joined to a run by a space alone: the run is part of a longer name
_CAP_BEFORE_RE = re.compile(r"(?<![.!?:;] )(?<![.!?:;])\b[A-Z][\w&'’.-]* $")
_CAP_AFTER_RE = re.compile(r" (?:[A-Z]|[a-z]{1,2}[A-Z])")
# the title of a document, not a party ('Jumio Privacy Notice', 'Jurisdiction-Specific Addenda')
_DOCUMENT_END_RE = re.compile(r"\b(?:Notice|Policy|Policies|Statement|Terms|Addend(?:um|a)|Agreement|Conditions|"
                              r"Guidelines|Principles|Charter|Section|Page)s?\W*$")
_JOINED_END_RE = re.compile(r"(?:,|\b(?:and|or|&))$")
_JOINED_TAIL_RE = re.compile(r"(?:,?\s*\b(?:and|or)|\s*&|,)$")


def _whole_name(chunk: str, sentence: str) -> bool:
    """Is chunk a whole name where the sentence writes it, not a piece of a longer one ('Proton
    [Technologies] AG', '[Kevin] Savetz Publishing', 'Mobile [Dashboard, Tapjoy] Dashboard') nor
    a document's title ('Jumio Privacy Notice')? A word joined by a space alone to a capitalised
    word before or after it (not the sentence's first word) belongs to that name."""
    run = chunk.strip(" ,;:")
    if not run or _DOCUMENT_END_RE.search(_JOINED_TAIL_RE.sub("", run)):
        return not run
    for m in re.finditer(rf"(?<![\w-]){re.escape(run)}(?![\w-])", sentence):
        before = _CAP_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start())
        if before and sentence[:before.start()].strip():
            continue
        if not _JOINED_END_RE.search(run) and _CAP_AFTER_RE.match(sentence, m.end()):
            continue
        return True
    return not re.search(rf"(?<![\w-]){re.escape(run)}(?![\w-])", sentence)


def _holds_edit(said: str, came: str) -> bool:
    """The quoted clause holds the words the edit brought in (most of them, for a long run)."""
    words = [w for w in re.findall(r"\w{3,}", came.lower())]
    if not words:
        return False
    low = said.lower()
    return sum(w in low for w in words) >= max(1, (len(words) + 1) // 2)


_DANGLING_END_RE = re.compile(r"(?i)\b(?:where|when|which|that|who|whom|whose|if|because|while|whereas|and|or|but|"
                              r"is|are|was|were|be|the|a|an|its|their|your|our|to|of|for|with|by|from|as)$")
# a clause cut where its list was to begin ('… subsidiaries and affiliates include, but are not limited')
LIST_OPEN_RE = re.compile(r"(?i)\b(?:include|includes|including|not limited|such|like|namely|following)$")
_FUNCTION_ONLY_RE = re.compile(r"(?i)^(?:[,;]|and|or|the|a|an|\s)*$")
_FINITE_RE = re.compile(r"(?i)\b(?:is|are|was|were|will|may|can|must|might|could|should|would|we|you|they|it|he|she|"
                        r"has|have|had|do|does|did|that|which|who)\b")
_NOT_NOUN_START_RE = re.compile(r"(?i)^(?:\w+ing (?:your|the|its|their|our|a|an|this|these|that|you|it)|well|to|of|for|with|by|"
                                r"from|in|on|at|as|if|when|where|and|or|but|such|including|e\.g)\b")
_DATA_VERB_RE = re.compile(r"(?i)\b(collect|use|share|disclose|receive|obtain|store|retain|keep|track|sell|analy[sz]e|"
                           r"process|gather|record|log)(?:s|es|ed|d)?\b")
# what names an item of data ('checking account', 'timezone setting', 'device advertising identifiers')
_DATA_ITEM_RE = re.compile(r"(?i)\b(?:information|data|address(?:es)?|numbers?|types?|versions?|settings?|history|"
                           r"identifiers?|IDs?|location|names?|accounts?|cookies?|logs?|records?|details|preferences|"
                           r"contacts?|photos?|messages?|activity|usage|purchases?|transactions?|credit|payment|"
                           r"demographic\w*|interests?|age|gender|phone|e-?mail)\b")
_LISTED_AT_RE = re.compile(r"(?:,|\b(?:and|or|as|including))\s*$")


def list_edit(ctx: Context, c: Change, gone: str, came: str) -> tuple[str, str | None, str | None] | None:
    """An item added to or dropped from a list of the data a sentence says the company collects,
    uses or shares ('… such as credit card or checking account information' -> '… such as credit
    card information'): 'Acme no longer lists checking account among the data it collects'. Only
    for a noun phrase of at most ten words inside a list, after the sentence's verb of practice."""
    if gone and came and came.startswith(gone + ","):
        came, gone = came[len(gone):], ""     # 'version' -> 'version, and timezone setting': items added after it
    if gone and _FUNCTION_ONLY_RE.match(gone):
        gone = ""                 # ', and' swapped for ',': the edit is the item added
    if bool(gone) == bool(came):
        return None
    item = _trim((came or gone).split())
    sentence = tidy((c.new if came else c.old) or "")
    at = sentence.find(item)
    if not item or at < 0 or len(item.split()) > 10 or _FINITE_RE.search(item) or _NOT_NOUN_START_RE.match(item) \
            or not _balanced_item(item) or not _DATA_ITEM_RE.search(item):
        return None
    before, after = sentence[:at], sentence[at + len(item):]
    if re.search(r"(?i)\b(?:if|when|unless|once|whenever)\b[^,;]*$", re.sub(r"[\s,]*(?:\b(?:and|or)\s*)?$", "", before)):
        return None               # 'If we learn that we have collected … of a child under 13, or …': a condition
    clause = re.split(r";|\.\s", before)[-1]     # the first verb of practice of the clause holding the list
    verb = _DATA_VERB_RE.search(clause)
    if verb is None or not (_LISTED_AT_RE.search(before) or re.match(r"\s*(?:,|and\b|or\b)", after)):
        return None
    lemma = verb.group(1).lower()
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
    owner = ctx.owner
    if came:
        return f"{owner} now also lists {item} among the data it {third}", None, item
    return f"{owner} no longer lists {item} among the data it {third}", item, None


_ENDS_ON_VERB_RE = re.compile(r"(?i)\b((?:collect|use|share|disclose|receive|obtain|store|retain|keep|track|sell|"
                              r"analy[sz]e|process|gather|record|log)(?:s|es)?)$")


def _grown_object(ctx: Context, where: str | None, came: str) -> str | None:
    """Words added right after the verb of practice that opens a sentence too long to quote
    ('Washington Post may collect' + 'browser type and settings, …'): the company now also does
    that with them. Only a noun phrase of data, never a clause."""
    if not where or not _ENDS_ON_VERB_RE.search(where) or _FINITE_RE.search(came) or len(came.split()) > 14 \
            or _NOT_NOUN_START_RE.match(came) or not _DATA_ITEM_RE.search(came) or not _balanced_item(came):
        return None
    said = capitalise(third_person(_ENDS_ON_VERB_RE.sub(r"now also \1", where), ctx.owner))
    return f"{said} {came}"


def _balanced_item(item: str) -> bool:
    return item.count("(") == item.count(")") and item.count('"') % 2 == 0 and "“" not in item and "”" not in item


_CLAUSE_END_RE = re.compile(r"[,;:.)]|\s[–—-]\s")


_CONDITION_START_RE = re.compile(r"(?i)^(?:if|when|where|unless|although|while|because|once|as long as)\b")


def head_through(sentence: str, words: str, limit: int = QUOTE_LIMIT) -> str | None:
    """The sentence from its start through the end of the clause that holds words, when that
    reads as a clause of its own (a verb, five words, nothing left open) and fits: a true
    start of the sentence, never a fragment from its middle."""
    from tracker.changes.phrasing import _balanced
    text = tidy(sentence)
    at = text.find(words)
    if at < 0 or not words:
        return None
    m = _CLAUSE_END_RE.search(text, at + len(words))
    head = tidy(text[:m.start()] if m else text)
    if len(head) > limit or len(head.split()) < 5 or not has_verb(head) or not _balanced(head) \
            or _CONDITION_START_RE.match(head) or is_page_chrome(head) or words not in head:
        return None
    return head


_NAME_RUN_RE = re.compile(r"\b[A-Z][\w&'-]*(?: (?:of |for |and )?[A-Z][\w&'-]*)+")


_PRONOUN_START_RE = re.compile(r"^(?:They|It) (?=[a-z])")
_PLAIN_SUBJECT_RE = re.compile(r"^((?:[A-Z][\w-]*)(?: [a-z][\w-]*){0,2}) (?:are|is)\b")


def edit_short(ctx: Context, c: Change, text: str) -> str:
    """The headline form of a reworded sentence too long for a headline: the clause that holds
    its new words, not the sentence's unchanged opening ('Cookies help Konstantinfo analyze
    web traffic and can track you across the web', not 'Cookies are small text files …'). A
    clause opening with 'they' or 'it' takes the subject of the sentence's first clause."""
    from tracker.changes.insertions import item_short
    from tracker.changes.priorities import HEADLINE_LIMIT
    short = item_short(ctx.owner, c, text, HEADLINE_LIMIT)
    if short is not None:
        return short              # an item put into a list: its own shorter form, or the statement itself
    body = text[:text.rfind(" (was: ")] if text.endswith(")") and " (was: " in text else text
    w = edit_window(c.old or "", c.new or "")
    if len(body) <= HEADLINE_LIMIT or not w or not w[3] or not re.search(r"\w{4,}", w[3]):
        return ""
    new = tidy(c.new or "")
    clause = clause_about(new, re.compile(re.escape(w[3])), 120)
    if not clause or new.startswith(clause) or not has_verb(clause) or _CONDITION_START_RE.match(clause):
        return ""                 # 'If one of these Ad Partners has information about you …': no main clause
    if _PRONOUN_START_RE.match(clause):
        subject = _PLAIN_SUBJECT_RE.match(new)
        if not subject:
            return ""
        clause = subject.group(1) + clause[clause.find(" "):]
    return capitalise(third_person(clause, ctx.owner))


def reworded_was(c: Change) -> str:
    """The old words of a reworded sentence where they differ: 'consult this page'."""
    from tracker.changes.verdict import word_diff
    d = word_diff(c.old or "", c.new or "")
    edits = [k for k, (op, _) in enumerate(d) if op != " "]
    if edits and edits[-1] - edits[0] > 1:      # several separate edits: the old sentence if short
        old = tidy(c.old or "")
        return old[:1].lower() + old[1:] if len(old) <= 60 else ""
    if not edits:
        return ""
    gone = tidy(" ".join(t for op, t in d if op == "-"))
    came = " ".join(t for op, t in d if op == "+").strip()
    if not gone or len(gone) > 60 or not came:
        return ""
    if len(gone.split()) < 2 and not gone[:1].isupper() and len(came.split()) > 2:
        return ""                 # one small word dropped from a longer insertion: no old value
    return gone
