"""The company responsible for the policy renamed: 'Now names Bandcamp Ventures LLC as the company
responsible (was: Bandcamp LLC)'.

A policy that swaps the legal entity behind it (a new operator, a renamed company, a site now
naming the company that runs it) changes whom the user's data answers to, however small the edit.
A sentence's own words never say so: a quote of it reads as boilerplate ('Bandcamp Ventures LLC
knows that you care …'). This rule finds a legal name (parties.legal_names) new to the text that
takes another name's place in a reworded sentence, or is newly named as the site's operator, and
says it once. A swap counts only when the name is the author's: the text defines it as "we" or by
its own short name, calls it the operator ('operated by Gaea Operations Ltd'), or the name it
replaces was the old text's "we" ('Fox News Network, LLC ("Fox News," "we")'); a parent company
renamed ('Rakuten Inc.' -> 'Rakuten Group, Inc.' in Rakuten France's policy) is not the author. A processor swapped for another
('Stripe, Inc.' for 'Adyen N.V.') is none of these.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from tracker.changes.entities import vendor_key
from tracker.changes.parties import legal_names, self_names
from tracker.changes.rules.common import Context, Statement

# 'operated by Gaea Operations Ltd': the company that runs the site, the author of its policy
_OPERATED_BY_RE = re.compile(r"(?i)\b(?:operated|owned and operated|run) by (?:the )?$")
# a definition after the name: '("we")', '(“Bandcamp”)', '(hereinafter "the Company")'
_DEFINITION_RE = re.compile(r"^,?\s*\(\s*(?:collectively,?\s*|hereinafter,?\s*)?(?:the\s+)?[\"“”'‘’](?P<short>[^\"“”'‘’()]{1,40})[\"“”'‘’]")
# a short name that stands for the author whatever the company is called
_SELF_WORDS = frozenset({"we", "us", "our", "company", "thecompany"})
# a replaced name is a name: capitalised words or a site's name ('Qiwi.gg'), this many words at most
_NAME_WORDS = 6
_WAS_NAME_RE = re.compile(r"[A-Z][\w&'’.-]*(?:,? (?:[A-Z][\w&'’.-]*|of|&))*|[a-z][\w-]*\.[a-z]{2,}")
# a legal form alone is no name ('LTD.' of 'TP-LINK CORPORATION PTE. LTD.' cut at 'PTE.')
_FORM_ONLY_RE = re.compile(r"(?i)(?:inc|llc|ltd|limited|corp|gmbh|s\.?a|sas|b\.?v|plc|pte|co|ag)\.?")
# pronouns and defined terms that stand for the author: never the name it was called by
_NOT_NAMES = frozenset({"we", "us", "our", "it", "company", "the company", "service", "services", "site", "website"})


# the longest pair of sentences (characters, both sides) whose words are aligned to find a name put
# in another's place: a sentence is a few hundred characters, a run-on capture line may be a megabyte
SWAP_MAX_CHARS = 20_000


# a legal form written out, keyed as its abbreviation: 'Acme Limited' is 'Acme Ltd'
_FORM_WORDS = {"limited": "ltd", "incorporated": "inc", "corporation": "corp"}
_FORM_WORD_RE = re.compile(r"(?i)\b(?:limited|incorporated|corporation)\b")


def _key(name: str) -> str:
    """A name without its punctuation, case and legal form's spelling ('Bandcamp, LLC' = 'Bandcamp
    LLC', 'Acme Limited' = 'Acme Ltd.')."""
    return re.sub(r"[\W_]+", "", _FORM_WORD_RE.sub(lambda m: _FORM_WORDS[m.group(0).lower()], name)).lower()


# legal forms at a name's end: 'Simplifi Holdings, Inc.' and 'Simplifi Holdings, LLC' are one
# company that changed its form, not another company answerable for the user's data
_TRAILING_FORMS_RE = re.compile(r"(?i)(?:[\s,]+(?:inc|llc|l\.l\.c|ltd|limited|incorporated|corp|corporation|gmbh|s\.?a\.?s?|"
                                r"b\.?v|plc|pte|co|ag|lp|llp)\.?)+$")


def same_company(old: str, new: str) -> bool:
    """Whether two legal names differ only by their legal forms ('Acme, Inc.' and 'Acme LLC')."""
    return _key(_TRAILING_FORMS_RE.sub("", _strip(old))) == _key(_TRAILING_FORMS_RE.sub("", _strip(new)))


def _strip(name: str) -> str:
    return name.strip(" ,;:.()\"“”'‘’")


def _swaps(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """(old start, old end, new start, new end) in characters of each run of words the new
    sentence writes in place of the old's (an insertion has an empty old run)."""
    ow, nw = list(re.finditer(r"\S+", old)), list(re.finditer(r"\S+", new))
    out = []
    sm = SequenceMatcher(None, [m.group(0) for m in ow], [m.group(0) for m in nw], autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op in ("replace", "insert") and j2 > j1:
            o_at = ow[i1].start() if i1 < len(ow) else len(old)
            o_end = ow[i2 - 1].end() if i2 > i1 else o_at
            out.append((o_at, o_end, nw[j1].start(), nw[j2 - 1].end()))
    return out


def _was(old: str, start: int, end: int) -> str | None:
    """The name the old sentence wrote where the new one names another: the legal name around
    the edit ('Bandcamp LLC' where 'Ventures' came in), else the replaced words when they are a
    name ('Qiwi.gg'); None for a pronoun or words that are no name."""
    for _, s, e in legal_names(old):
        if s <= end and start <= e:
            return old[s:e]
    gone = _strip(old[start:end])
    if not gone or len(gone.split()) > _NAME_WORDS or gone.lower() in _NOT_NAMES or not _WAS_NAME_RE.fullmatch(gone) \
            or _FORM_ONLY_RE.fullmatch(gone):
        return None
    return gone


def _operated(name: str, text: str) -> bool:
    """Does the new text call name the site's operator ('operated by Gaea Operations Ltd')?"""
    return any(_OPERATED_BY_RE.search(text[max(0, m.start() - 30):m.start()]) for m in re.finditer(re.escape(name), text))


def _defined(name: str, text: str, owner: str) -> str | None:
    """The short name the new text defines name by, when it is "we", "the Company" or the company's
    own short name ('Bandcamp Ventures LLC (“Bandcamp”)'); None otherwise."""
    for m in re.finditer(re.escape(name), text):
        d = _DEFINITION_RE.match(text[m.end():m.end() + 120])
        if d and (_key(d.group("short")) in _SELF_WORDS or (owner != "The company" and _key(d.group("short")) == _key(owner))):
            return d.group("short")
    return None


# a company's name before a definition: 'Sony Corporation of America (“Sony”)'
_DEFINED_NAME_RE = re.compile(r"(?<![\w&'’-])([A-Z][\w&.'’-]*(?:,? (?:[A-Z][\w&.'’-]*|of|&|de)){0,6})\s*(?=\()")


def _defined_before(short: str, old_text: str) -> str | None:
    """The name the old text defined by the same short name ('Sony Corporation of America (“Sony”)'):
    the company responsible before, whatever other sentence swapped a name."""
    for m in _DEFINED_NAME_RE.finditer(old_text):
        d = _DEFINITION_RE.match(old_text[m.end():m.end() + 120])
        if d and _key(d.group("short")) == _key(short):
            return m.group(1)
    return None


def _was_we(was: str, old_text: str) -> bool:
    """Was the replaced name the old text's "we" ('Fox News Network, LLC ("Fox News," "our" or
    "we")'), the same name but for its legal form, not a company of its group it names ('Rakuten
    Inc.', a parent renamed) nor a partner named like it ('Acme Computer Limited' beside 'Acme Corp')?"""
    return any(_key(vendor_key(was)) == _key(vendor_key(name)) for name, _, _ in self_names(old_text))


def responsible_statements(ctx: Context) -> list[Statement]:
    """'Now names X as the company responsible (was: Y)': a legal name new to the text that takes
    another name's place, said once, when the text makes it the author's (module docstring)."""
    new_text = "\n".join(ctx.new_sentences)
    old_key = new_key = ""      # the texts' keys, made for the first pair that names a legal name
    for k, c in enumerate(ctx.changes):
        if c.kind != "reworded" or not c.old or not c.new:
            continue
        # the legal names new to the text first: most reworded sentences have none, and only they
        # need the word alignment (quadratic in the words: never run on a run-on megabyte line)
        found = legal_names(c.new)
        if found and not old_key:
            old_key, new_key = _key(ctx.old_text), _key(new_text)
        names = [(s, e) for _, s, e in found if _key(c.new[s:e]) not in old_key]
        if not names or len(c.old) + len(c.new) > SWAP_MAX_CHARS:
            continue
        for o_at, o_end, n_at, n_end in _swaps(c.old, c.new):
            for s, e in names:
                name = c.new[s:e]          # as written: 'Simplifi Holdings, Inc.'
                if not (s < n_end and n_at < e):
                    continue
                was = _was(c.old, o_at, o_end)
                short = _defined(name, new_text, ctx.owner)
                if short:        # the name the old text defined so is what it was
                    before = _defined_before(short, ctx.old_text)
                    was = before if before and _key(before) != _key(name) else was
                if not was or _key(was) == _key(name) or _FORM_ONLY_RE.fullmatch(_strip(was)):
                    continue
                # the old company still named elsewhere is one of several ('For Bicycling, … the data
                # controller will be Hearst Magazines, Inc.'), unless the new one runs the site
                operated = _operated(name, new_text)
                if _key(was) in new_key and not operated:
                    continue
                if operated or short or _was_we(was, ctx.old_text):
                    impact = "office-named" if same_company(was, name) else "controller-changed"
                    return [Statement(f"Now names {name} as the company responsible (was: {was})", "legal-basis",
                                      impact, was, name, (k,))]
    return []
