"""Changes that alter no meaning: the cosmetic rules the verdict applies to each change.

An update banner or a change-log line added, a verbless fragment (a link label), an
abbreviation spelled out, a typo fixed, a preposition swapped, page chrome glued to a sentence,
an e-mail shown as an anti-spam placeholder, a sentence split off an old one that lacked its
full stop: each rule is small and tested on its own (tests/changes/test_verdict_rules.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from tracker.changes.entities import extract_sentence
from tracker.changes.normalize import DATE_RE, heading_key, sentence_key
from tracker.changes.topics import has_topic, topics_of
from tracker.changes.variants import same_wording
from tracker.changes.verdict import _NEG_RE, _numbers, delta_words

if TYPE_CHECKING:
    from tracker.changes.report import Change
    from tracker.changes.summary import Facts

_BANNER_RE = re.compile(r"(?i)\b(?:we(?:'ve| have)? (?:recently )?updated (?:our|this|the)|"
                        r"(?:our|this) (?:privacy )?(?:policy|notice|statement) (?:has|was) (?:been )?(?:updated|revised|changed)|"
                        r"effective (?:as of|date)|last (?:updated|modified|revised))\b")
# a revision-history line: what the editors did to the document, not what the company does
_CHANGE_NOTE_RE = re.compile(r"\W*(?:Added|Improved|Updated|Clarified|Revised|Removed|Changed|Modified|Edited|Corrected|"
                             r"Fixed|Reorganized|Reorganised|Expanded|Simplified|Deleted)\s+(?!your\b|you\b)\w")
# a revision note worded as what was done and why ('Changes made to make the statement easier to
# understand; no change in information practices'); 'Changes made to your account …' is a practice
_MADE_NOTE_RE = re.compile(r"(?i)\W*changes? (?:were |have been )?made (?:to|in order to) (?:make|reflect|clarify|improve|"
                           r"simplify|update|correct|add|remove|address|describe|explain|include|comply|conform|"
                           r"incorporate|align|streamline|reorgani[sz]e)\b|"
                           r".{0,80}\bno (?:material |substantive )?changes? (?:in|to) (?:our |its |the company's )?"
                           r"(?:information|privacy|data) (?:handling |collection )?practices\b")
_NOTE_PREFIX_RE = re.compile(r"(?i)^(?:[\W\d_]|change ?log|revision history|revisions?|updates?|"
                             r"jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)+")


# a dated change-log entry anywhere in a (glued) sentence: '…(GDPR)2017-09-08:We clarified …',
# 'August, 2004 - Removed references …'
_CHANGE_ENTRY_RE = re.compile(r"(?:" + DATE_RE.pattern + r")\s*(?::|\s-|–)\s*[A-Z]", re.I)


@lru_cache(maxsize=8192)
def is_change_log(text: str) -> bool:
    """A sentence of a change log: it holds a dated entry ('2018-03-15: More GDPR terms …',
    'August, 2004 - Removed …'). The log describes edits made elsewhere in the text, so its
    own lines never carry a change of practice."""
    # every date form has digits and the entry a ':' or dash after it: tests at C speed before
    # the pattern, which has no fixed start and is slow to try at every position
    if not _DIGIT_RE.search(text) or not (":" in text or "-" in text or "–" in text):
        return False
    return bool(_CHANGE_ENTRY_RE.search(text))


_DIGIT_RE = re.compile(r"\d")


def is_change_note(text: str) -> bool:
    """'Change log 2018-04-04: Typographical error corrected', 'August, 2004 - Removed
    references to …', 'Changes made to make the statement easier to understand; no change in
    information practices': what the editors did to the document, dated or not."""
    rest = _NOTE_PREFIX_RE.sub("", text.strip())
    if rest != text.strip() and re.match(r"(?i)\w+(?:\s\w+){0,3}\s(?:corrected|fixed|updated|added|removed|clarified)\b", rest):
        return True                       # 'Typographical error corrected'
    return bool(_CHANGE_NOTE_RE.match(rest) or _MADE_NOTE_RE.match(rest))


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}s?\b")
# words whose swap changes no practice: 'via this Web site' -> 'on this Web site'
_INTERCHANGEABLE = frozenset("via on in at through by upon within into onto using a an the".split())
# a word whose insertion or removal alone mends the grammar, no meaning: an article or a place preposition
_GRAMMAR_WORDS = frozenset(("a", "an", "the", "in", "on", "at"))
_LOWER_WORD_RE = re.compile(r"(?<![\w'-])[a-z][a-z'-]{2,}")
_CHROME_GLUE = frozenset("and the for of".split())
FRAGMENT_MAX_WORDS = 3


def is_trivial(c: "Change") -> bool:
    """A change that alters no meaning: an update banner or change-log line added or removed,
    a short verbless fragment (a link label), an abbreviation spelled out (or abbreviated), a
    typo fixed, a preposition or article swapped, page chrome glued to a sentence."""
    text = c.new or c.old or ""
    if not _WORD_RE.search(text):
        return True                       # '1.', '102 : 1': a number or a mark, no words to state a practice
    if c.kind in ("added", "removed"):
        if _is_fragment(text) or page_stamp(text) or (c.kind == "removed" and scheduled_notice(text)):
            return True                   # (a version's date of effect dropped: the version is in force)
        return bool(_BANNER_RE.search(text) or is_change_note(text) or is_read_call(text) or version_pointer(text)) \
            and len(text.split()) <= 25
    if c.kind != "reworded" or not c.old or not c.new:
        return c.kind == "moved"
    if (is_change_note(c.old) and is_change_note(c.new)) or (is_change_log(c.old) and is_change_log(c.new)
                                                              and _log_growth(c.old, c.new)):
        return True                       # a revision-history line that grew a new entry
    if _glued_log_entry(c.old, c.new) or _glued_log_entry(c.new, c.old):
        return True                       # '… on our end.' -> '… on our end.2017-02-02:Original version'
    if glued_chrome(c.old, c.new) or glued_chrome(c.new, c.old) or same_wording(c.old, c.new):
        return True                       # (an abbreviation spelled out, a British spelling, a doubled word)
    if _placeholders_only(c.old, c.new):
        return True                       # addresses shown as '[email protected]' on one side, as scraped
    if _without_references(c.old) == _without_references(c.new):
        return True                       # 'as provided in Section 15' -> 'Section 14': a cross-reference renumbered
    if _unspaced(c.old) == _unspaced(c.new):
        return True                       # 'LLC4235 Redwood AvenueLos' -> 'LLC 4235 Redwood Avenue Los': spaces only
    if _without_copyright_years(c.old) == _without_copyright_years(c.new):
        return True                       # 'TM & © 2017 Target Brands' -> '© 2018' inside a run of page chrome
    if relative_time_only(c.old, c.new):
        return True                       # a widget's '1 week ago' -> '2 weeks ago': the page's clock, not the policy
    if stutter_only(c.old, c.new) or stutter_only(c.new, c.old):
        return True                       # 'our our web website' -> 'our website': a stutter mended
    return _trivial_edit(*delta_words(c.old, c.new))


# the most words a stutter repeats ('our our web website': 'our web')
STUTTER_MAX_WORDS = 2
# a piece of a word this long at least is a false start of it ('web' before 'website')
STUTTER_MIN_PREFIX = 3


def stutter_only(longer: str, shorter: str) -> bool:
    """LONGER is SHORTER with a stutter: only words dropped, each a repeat of the word beside it
    or a false start of the next one ('our our web website' -> 'our website')."""
    from tracker.changes.verdict import word_diff
    diff = word_diff(longer, shorter)
    if not any(op == "-" for op, _ in diff) or any(op == "+" for op, _ in diff):
        return False
    for k, (op, text) in enumerate(diff):
        if op != "-":
            continue
        words = text.lower().split()
        before = diff[k - 1][1].lower().split()[-1:] if k and diff[k - 1][0] == " " else []
        after = diff[k + 1][1].lower().split()[:1] if k + 1 < len(diff) and diff[k + 1][0] == " " else []
        if len(words) > STUTTER_MAX_WORDS or not words:
            return False
        for w in words:
            if not any(n == w or (len(w) >= STUTTER_MIN_PREFIX and n.startswith(w)) for n in before + after + words
                       if n is not w):
                return False
    return True


# a time said relative to the moment of capture ('1 week ago', 'an hour ago', 'yesterday'): a
# forum's or news widget's stamp, which changes with every capture
_RELATIVE_TIME_RE = re.compile(r"(?i)\b(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b|"
                               r"\b(?:yesterday|just now)\b")
# a line this short at most: a stamp of page chrome ('Posted 2 weeks ago by Anna'), never a
# sentence of the policy that happens to count back from today
RELATIVE_TIME_WORDS = 8


def page_stamp(text: str) -> bool:
    """A short line stamped with a time relative to the capture ('1 (last comment by wles32 23
    hours ago)', 'Posted 2 weeks ago by Anna'): a forum's or news widget's line, which comes and
    goes with the page's activity, never a sentence of the policy."""
    return "ago" in text and len(text.split()) <= RELATIVE_TIME_WORDS and bool(_RELATIVE_TIME_RE.search(text))


def relative_time_only(old: str, new: str) -> bool:
    """old and new are one short line whose only difference is a time relative to the capture."""
    if "ago" not in old and "ago" not in new and "y" not in old.lower():
        return False
    if max(len(old.split()), len(new.split())) > RELATIVE_TIME_WORDS or not _RELATIVE_TIME_RE.search(new):
        return False
    return _RELATIVE_TIME_RE.sub("T", old) == _RELATIVE_TIME_RE.sub("T", new)


# a copyright notice's years ('© 2017', 'Copyright 1999, 2000, 2010', '(c) 2004-2018')
_COPYRIGHT_YEARS_RE = re.compile(r"(?i)(?:©|\(c\)|\bcopyright\b)(?:\s*(?:©|\(c\)))?[\s,]*(?:(?:19|20)\d{2}\b(?:\s*[-–,]\s*)?)+")


# a cross-reference to a part of the document by its number ('Section 15', 'section 4.2',
# 'paragraph 3(b)'): renumbered when a section is added or dropped elsewhere, which the
# section rules state. A law's article or paragraph ('Art. 6(1)(f) GDPR', '§ 25 TDDDG', 'Section
# 1798.100 of the CCPA') is not one: it names a legal basis or a right
_REFERENCE_RE = re.compile(r"(?i)\b(sections?|parts?|chapters?|paragraphs?|clauses?)\s+\d{1,3}(?:\.\d{1,3})*(?:\s?\([a-z0-9]\))?"
                           r"(?![\w.]*\s*(?:of|GDPR|CCPA|DSGVO|UK|EU)\b)")


def _without_references(text: str) -> str:
    """text with every numbered cross-reference to a part of the document made the same."""
    return " ".join(_REFERENCE_RE.sub(lambda m: m.group(1) + " N", text).split())


# an outline number opening a sentence ('3.2.1 ', '2. ', '(b) ', never '16 year olds'): renumbered when an item is put in
# or taken out before it
_OUTLINE_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|\([a-z0-9]{1,3}\)|[a-z]\))\s+(?=[A-Z])")


def _unspaced(text: str) -> str:
    """text without its opening outline number and with no spaces: what a scrape that lost or
    added a space, or an item renumbered, leaves the same."""
    return re.sub(r"\s+", "", _OUTLINE_RE.sub("", text))


def _without_copyright_years(text: str) -> str:
    return " ".join(_COPYRIGHT_YEARS_RE.sub("©", text).split())


def _glued_log_entry(short: str, long: str) -> bool:
    """long is short with a dated change-log entry glued on after it (a scrape lost the break
    between a log entry's last sentence and the next entry): the sentence itself is unchanged."""
    short = short.strip()
    return long.startswith(short) and len(long) > len(short) and is_change_log(long[len(short):])


def _log_growth(old: str, new: str) -> bool:
    """What a change log gained is dated entries or edit notes, or nothing but wording: a
    statement of practice glued onto the log ('… We share your location with advertisers.')
    is not an entry of it."""
    gone, came = delta_words(old, new)
    return not has_topic(came) or bool(DATE_RE.search(came)) or is_change_note(came)


def _trivial_edit(gone: str, came: str) -> bool:
    """The words that changed in a reworded sentence change no meaning."""
    if _spelled_out(gone, came) or _spelled_out(came, gone):
        return True
    g, n = gone.strip(), came.strip()
    if not g and not n:
        return True                       # punctuation or case only
    if not (g and n) and (g or n).lower() in _GRAMMAR_WORDS:
        return True                       # 'at user level' -> 'at the user level': an article put in or taken out
    if g and n and g[:1].isupper() and n[:1].isupper() and same_name(g, n):
        return True                       # 'MIFID2' -> 'MIFID II', 'RGDPRGPD' -> 'GDPR': one name respelled
    if _placeholder_for(g, n) or _placeholder_for(n, g):
        return True
    words_g, words_n = g.lower().split(), n.lower().split()
    if words_g and words_n and len(words_g) <= 2 and len(words_n) <= 2 \
            and set(words_g) | set(words_n) <= _INTERCHANGEABLE:
        return True
    if g and n and len(words_g) <= 2 and len(words_n) <= 2 and not _numbers(g + " " + n):
        gl, nl = g.lower(), n.lower()             # 'recieve' -> 'receive', 'emailing' -> 'email'
        if len(words_g) == len(words_n) == 1 and _transposed(gl, nl) and len(gl) >= 5:
            return True                   # 'without' -> 'witohut': two neighbouring letters swapped
        if _NEG_RE.search(gl) or _NEG_RE.search(nl) or {gl, nl} & _MEANING_SUFFIXED:
            return False
        if _document_name(gl) and _document_name(nl):
            return True                   # 'this privacy policy' -> 'this privacy statment': the same document
        return SequenceMatcher(None, gl, nl).ratio() >= 0.8 or (
            len(words_g) == len(words_n) == 1 and min(len(gl), len(nl)) >= 4 and _inflection(gl, nl))
    return False


# a version written in Roman numerals at a name's end ('MIFID II' beside 'MIFID2')
_ROMAN_TAIL = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}
# an abbreviation this long at least may be found inside a garbled one ('GDPR' in 'RGDPRGPD')
_ACRONYM_MIN = 3


def _name_key(name: str) -> str:
    """A name's letters and digits in capitals, a Roman version at its end as a digit: 'MIFID II'
    and 'MIFID2' are one key."""
    words = name.split()
    if len(words) > 1 and words[-1] in _ROMAN_TAIL:
        words[-1] = _ROMAN_TAIL[words[-1]]
    return re.sub(r"[\W_]", "", "".join(words)).upper()


def same_name(gone: str, came: str) -> bool:
    """Is the new name the old one in another spelling, no other party or law: the same letters
    and digits ('MIFID2' -> 'MIFID II'), or an abbreviation in capitals inside a garbled one
    ('Article 9 of the RGDPRGPD' -> '… the GDPR')?"""
    a, b = _name_key(gone), _name_key(came)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return gone.isupper() and came.isupper() and " " not in gone + came and len(short) >= _ACRONYM_MIN \
        and short in long_


# what a policy calls itself: 'policy' for 'statement' or 'notice' names the same document
_DOCUMENT_NAMES = ("policy", "statement", "notice", "privacy policy", "privacy statement", "privacy notice")


def _document_name(words: str) -> bool:
    """One of the names a policy gives itself, or it misspelt by one letter ('statment')."""
    return any(words == name or (len(words) >= 6 and abs(len(words) - len(name)) <= 1
                                 and SequenceMatcher(None, words, name).ratio() >= 0.9) for name in _DOCUMENT_NAMES)


_INFLECTIONS = ("s", "es", "d", "ed", "ing", "ly")
_MEANING_SUFFIXED = frozenset(("without", "within", "unless", "nothing", "anyone", "everyone"))


def _transposed(a: str, b: str) -> bool:
    """The same word with two neighbouring letters swapped ('evreyone' for 'everyone')."""
    diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(a) == len(b) and len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]


def _inflection(a: str, b: str) -> bool:
    """'emailing' and 'email', 'Framework' and 'Frameworks': one word inflected, not another word."""
    short_w, long_w = sorted((a, b), key=len)
    if short_w.endswith("y") and long_w in (short_w[:-1] + "ies", short_w[:-1] + "ied"):
        return True                       # 'apply' and 'applies', 'specify' and 'specified'
    return long_w.startswith(short_w) and long_w[len(short_w):] in _INFLECTIONS


_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# what scrapers and anti-spam scripts put where an address was: '[email protected]', '[email]'
_EMAIL_PLACEHOLDERS = frozenset(("email", "e-mail", "email protected", "email address", "email&#160;protected"))


def _address_key(text: str) -> str | None:
    """The sentence key with its e-mail addresses written 'email', as the anti-spam placeholder
    reads once its brackets are gone; None without an address."""
    if "@" not in text or not _EMAIL_RE.search(text):
        return None
    return sentence_key(_EMAIL_RE.sub(" email ", text))


def hidden_addresses(changes: "list[Change]") -> set[int]:
    """An added and a removed sentence that are the same but for the e-mail addresses one of
    them shows as a placeholder ('Email: privacy@example.com' / 'Email: [email protected]'):
    the same text, scraped with and without the addresses decoded. The side with the
    placeholder has no address at all, so an address replaced by another one still counts."""
    out: set[int] = set()
    by_key: dict[tuple[str, str], int] = {}
    for k, c in enumerate(changes):
        text = c.old if c.kind == "removed" else c.new if c.kind == "added" else None
        if text and "@" not in text and "email" in text.lower():
            by_key.setdefault((c.kind, sentence_key(text)), k)
    if not by_key:
        return out
    for k, c in enumerate(changes):
        text = c.old if c.kind == "removed" else c.new if c.kind == "added" else None
        key = _address_key(text) if text else None
        other = by_key.get(("added" if c.kind == "removed" else "removed", key or ""))
        if key and other is not None:
            out.update((k, other))
    return out


_PLACEHOLDER_KEY_RE = re.compile(r"\bemail(?: protected| address)?\b|\be-mail\b")


def _placeholders_only(old: str, new: str) -> bool:
    """One side shows some of the other's e-mail addresses as anti-spam placeholders, and the
    sentences are the same otherwise: no address was replaced by another one."""
    if "@" not in old and "@" not in new:
        return False
    a, b = ({m.lower() for m in _EMAIL_RE.findall(t)} for t in (old, new))
    if a == b or not (a <= b or b <= a):
        return False
    keys = (_PLACEHOLDER_KEY_RE.sub("email", sentence_key(_EMAIL_RE.sub(" email ", t))) for t in (old, new))
    return next(keys) == next(keys)


def _placeholder_for(address: str, placeholder: str) -> bool:
    """An e-mail address on one side, an anti-spam placeholder on the other: the same text
    scraped with and without the address decoded."""
    return bool(_EMAIL_RE.fullmatch(address.strip(" .,;:()<>"))) and \
        placeholder.strip(" .,;:()[]<>").lower() in _EMAIL_PLACEHOLDERS


# a list item naming one of these is a practice even in two words ('precise location',
# 'advertising partners'), not a link label
_ITEM_TOPICS = frozenset(("collection", "sharing", "sale", "children", "cookies-tracking", "do-not-track",
                          "ai", "security", "international-transfer"))


def _is_fragment(text: str) -> bool:
    """'Archived versions', 'Learn more': a few words with no sentence around them (a link
    label or a menu entry) state no practice -- unless they name data, a recipient or a
    protected group, as an item of a list of collected data or recipients does."""
    words = re.findall(r"\w+", text)
    return len(words) <= FRAGMENT_MAX_WORDS and not text.rstrip().endswith((".", "!", "?", ":")) \
        and not _numbers(text) and "@" not in text and not _ITEM_TOPICS.intersection(topics_of(text))


def glued_chrome(short_side: str, long_side: str) -> bool:
    """LONG is SHORT with page chrome glued on ('Music DVD Books Shop All Departments Privacy
    Policy "> Our Online Privacy Policy You know …'): what surrounds the shared text is a run
    of capitalised menu words with no lower-case word of a sentence in it."""
    short_side, long_side = " ".join(short_side.split()), " ".join(long_side.split())
    if len(short_side.split()) < 4 or len(long_side) <= len(short_side) or short_side not in long_side:
        return False
    extra = long_side.replace(short_side, " ", 1)
    if [w for w in _LOWER_WORD_RE.findall(extra) if w not in _CHROME_GLUE] or "@" in extra:
        return False
    found = extract_sentence(extra)            # 'We share data with: Google Analytics Facebook'
    return not any(found.get(k) for k in ("vendors", "laws", "emails", "phones"))


def trivial_of(f: "Facts") -> set[int]:
    """``trivial_changes`` of the report's changes, computed once per report."""
    if f.trivial is None:
        f.trivial = trivial_changes(f.changes) | promoted_headings(f) | renamed_only(f) | restated_addresses(f) \
            | kept_section_names(f)
    return f.trivial


def kept_section_names(f: "Facts") -> set[int]:
    """Added or removed short lines that are the title of a section both texts have (a table of
    contents or a breadcrumb added or dropped, verdict.names_kept_section): indexes of such changes."""
    from tracker.changes.verdict import names_kept_section
    return {k for k, c in enumerate(f.changes) if c.kind in ("added", "removed") and names_kept_section(c, f)}


# a number of this many digits at least: a street number, a postcode or a phone number, which an
# address line holds ('620 Crossroads Blvd., Cary, NC 27518')
ADDRESS_NUMBER_DIGITS = 3
# lower-case words an address line may hold that its restatement need not ('located at')
ADDRESS_GLUE_WORDS = 2
_ADDRESS_TOKEN_RE = re.compile(r"[^\W_]+")
_ADDRESS_NUMBER_RE = re.compile(r"\d{%d,}" % ADDRESS_NUMBER_DIGITS)


def _address_like(text: str) -> bool:
    """A line of an address, no sentence: a street number, postcode or phone number in it, or a
    number among words that are no sentence's ('DUBLIN 2,'), and at most ADDRESS_GLUE_WORDS
    lower-case words ('located at')."""
    if len(_LOWER_WORD_RE.findall(text)) > ADDRESS_GLUE_WORDS:
        return False
    return bool(_ADDRESS_NUMBER_RE.search(text)) or (bool(_DIGIT_RE.search(text)) and not _LOWER_WORD_RE.search(text))


def restated_addresses(f: "Facts") -> set[int]:
    """An added or removed line of a postal address or contact block whose names and numbers
    the other text still writes ('Epic Games, Inc., located at 620 Crossroads Blvd., Cary, NC
    27518, USA.' dropped beside 'Data Controller: Epic Games, Inc.' and 'Address: 620
    Crossroads Blvd., …'): a copy of the address dropped or made, no party or contact gone or
    new. Indexes of such changes; a line about a practice is never one."""
    out: set[int] = set()
    words: dict[str, set[str]] = {}
    for k, c in enumerate(f.changes):
        text = c.old if c.kind == "removed" else c.new if c.kind == "added" else None
        if not text or not _address_like(text) or has_topic(text) or "@" in text:
            continue
        side = "new" if c.kind == "removed" else "old"
        if side not in words:
            sentences = f.new_sentences if side == "new" else f.old_sentences
            words[side] = {w.lower() for t in sentences for w in _ADDRESS_TOKEN_RE.findall(t)}
        missing = [w for w in _ADDRESS_TOKEN_RE.findall(text) if w.lower() not in words[side]]
        if len(missing) <= ADDRESS_GLUE_WORDS and all(w.islower() for w in missing):
            out.add(k)
    return out


def renamed_only(f: "Facts") -> set[int]:
    """Reworded sentences the same but for how they name the company ('We analyse …' -> 'Acme
    analyses …', rules.common.same_by_name): indexes of such changes."""
    from tracker.changes.rules.common import same_by_name
    if not f.owner:
        return set()
    return {k for k, c in enumerate(f.changes) if c.kind == "reworded" and same_by_name(f.owner, c)}


def promoted_headings(f: "Facts") -> set[int]:
    """A line that is a sentence on one side and a heading on the other ('Is my information
    protected?' re-scraped as '## Is my information protected?'): the same words, now marked
    as a heading, say nothing new. Indexes of such added or removed sentences."""
    if not (f.sections_added or f.sections_removed):
        return set()
    added = {heading_key(t) for t in f.sections_added}
    removed = {heading_key(t) for t in f.sections_removed}
    out = set()
    for k, c in enumerate(f.changes):
        text = c.old if c.kind == "removed" else c.new if c.kind == "added" else None
        if text and heading_key(text) in (added if c.kind == "removed" else removed):
            out.add(k)
    return out


def trivial_changes(changes: "list[Change]") -> set[int]:
    """Indexes of the changes that alter no meaning: is_trivial ones, and an added sentence
    that is a removed one with page chrome glued on (or the other way round)."""
    out = {k for k, c in enumerate(changes) if is_trivial(c)}
    for k in range(1, len(changes)):
        if _banner_tail(changes[k - 1], changes[k]):
            out.add(k)
        if _banner_tail(changes[k], changes[k - 1]):
            out.add(k - 1)          # 'Your privacy is important.' before the banner it opens
    out |= cookie_banner(changes) | hidden_addresses(changes)
    def norm(text: str) -> str:
        return " ".join(text.split())

    # every pair is tried, so each test starts with a substring check on texts normalised once
    added = [(k, norm(c.new)) for k, c in enumerate(changes) if c.kind == "added" and c.new and k not in out]
    removed = [(k, norm(c.old)) for k, c in enumerate(changes) if c.kind == "removed" and c.old and k not in out]
    shortened = [norm(c.old) for c in changes if c.kind == "reworded" and c.old and c.new and len(c.new) < len(c.old)]
    longer = [r for _, r in removed] + shortened
    joined = "\n".join(longer)     # one search at C speed: no sentence holds the tail, none is tried
    near = _containing_pairs([a for _, a in added], [r for _, r in removed])
    for (ka, a), cands in zip(added, near):
        for kr, r in (removed[i] for i in cands):
            if kr not in out and ((r in a and glued_chrome(r, a)) or (a in r and glued_chrome(a, r))):
                out.update((ka, kr))
                break
        else:
            tail = " " + a.rstrip(".!?;:")
            if tail in joined and any(tail in r and unstopped_piece(a, r) for r in longer):
                out.add(ka)
    return out


def _containing_pairs(added: list[str], removed: list[str]) -> list[list[int]]:
    """For each added text (single-spaced), the removed ones, in order, that glued_chrome could
    pair with it: the shorter of the two has four words or more and lies inside the longer, so
    each of its inner words (space on both sides) is a word of the longer. Looked up by the
    inner word that the fewest texts of the other side have, never all pairs against all."""
    words_a = [set(a.split(" ")) for a in added]
    words_r = [set(r.split(" ")) for r in removed]
    df_a: Counter[str] = Counter(w for ws in words_a for w in ws)
    df_r: Counter[str] = Counter(w for ws in words_r for w in ws)
    inside_a: dict[str, list[int]] = defaultdict(list)    # removed texts by their rarest inner word
    for i, r in enumerate(removed):
        inner = r.split(" ")[1:-1]
        if len(inner) >= 2:
            inside_a[min(inner, key=lambda w: df_a[w])].append(i)
    holding: dict[str, list[int]] = defaultdict(list)     # removed texts by each of their words
    for i, ws in enumerate(words_r):
        for w in ws:
            holding[w].append(i)
    out = []
    for a, ws in zip(added, words_a):
        cands = {i for w in ws for i in inside_a.get(w, ())}
        inner = a.split(" ")[1:-1]
        if len(inner) >= 2:
            cands.update(holding.get(min(inner, key=lambda w: df_r[w]), ()))
        out.append(sorted(cands))
    return out


# a cookie-consent banner: its consent line or its buttons ...
_COOKIE_CONSENT_RE = re.compile(
    r"(?i)\bby (?:continuing|clicking|using|browsing)\b[^.]{0,60}\b(?:agree|consent|accept)\w*\b[^.]{0,30}\bcookies?\b|"
    r"\b(?:accept|reject|decline|allow|refuse|manage)(?: all| necessary| optional)? cookies\b|\bcookie (?:settings|preferences)\b")
# ... and the lines around it that speak of cookies ('This site uses cookies.')
_COOKIE_RE = re.compile(r"(?i)\bcookies?\b")
COOKIE_BANNER_MAX_WORDS = 20


def cookie_banner(changes: "list[Change]") -> set[int]:
    """Indexes of the sentences of a cookie-consent banner added or removed: a short consent
    line or its buttons ('By continuing to browse, you agree to our use of cookies.', 'Accept
    all cookies Reject all'), with the short sentences about cookies added or removed right
    next to it ('We use cookies to improve your experience on our site.'). Page chrome: the
    policy's own account of cookies is not in a banner."""
    def side(c: "Change") -> str:
        return (c.new if c.kind == "added" else c.old if c.kind == "removed" else None) or ""

    def short(c: "Change") -> bool:
        return bool(side(c)) and len(side(c).split()) <= COOKIE_BANNER_MAX_WORDS

    out: set[int] = set()
    for k, c in enumerate(changes):
        if not (short(c) and _COOKIE_CONSENT_RE.search(side(c))):
            continue
        out.add(k)
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(changes) and changes[j].kind == c.kind and short(changes[j]) \
                    and abs(j - k) <= 2 and (_COOKIE_RE.search(side(changes[j])) or _is_fragment(side(changes[j]))):
                out.add(j)
                j += step
    return out


# a sentence that sends the reader to an earlier version of the policy, as an update banner does
# ('You can view the prior Privacy Policy, which applies until 7 April 2025, here'): which version
# is kept online is housekeeping, what the versions say is the news. A pointer to a new version
# ('See the updated version of the policy') may announce one and counts unless a banner is beside it
_VERSION_POINTER_RE = re.compile(r"(?i)\b(?:view|see|read|access|review|find|consult|download)\b[^.!?]{0,30}?\b(?:the|our|this|its) "
                                 r"(?:prior|previous|old|older|earlier|archived|former|last) "
                                 r"(?:version|(?:privacy )?(?:policy|notice|statement))\b")


def update_notice(text: str) -> bool:
    """An update banner or a pointer to another version of the policy ('We have updated our
    Privacy Policy', 'You can view the prior Privacy Policy here'), or the date a version was to
    take effect ('This version will go into effect on March 1, 2025')."""
    return bool(_BANNER_RE.search(text)) or version_pointer(text) or scheduled_notice(text)


# a version of the policy announced for a date: '(This|The new) version (of the policy) will go into
# effect on <date>', 'This Privacy Policy will take effect from 1 March 2025'. Once the page drops it,
# the version is in force: housekeeping, not a practice gone. 'Changes will take effect 30 days
# after …' has no version for its subject and is a promise about notice, never this
_SCHEDULED_RE = re.compile(r"(?i)\b(?:this|the|our|these) (?:new |updated |revised |amended )?"
                           r"(?:version|(?:privacy )?(?:policy|notice|statement))(?: of [^.!?]{1,40}?)? "
                           r"(?:will|shall|is scheduled to) (?:(?:go|come) into (?:effect|force)|take effect|become effective|"
                           r"apply|be effective) (?:on|as of|from|starting)\b[^.!?]{0,20}?" + "(?:" + DATE_RE.pattern + ")")
# words such a notice holds at most (a paragraph about changes to the policy is longer)
SCHEDULED_MAX_WORDS = 25


def scheduled_notice(text: str) -> bool:
    """'This version will go into effect on March 1, 2025': a short line giving the date a version
    of the policy was to take effect."""
    return len(text.split()) <= SCHEDULED_MAX_WORDS and bool(_SCHEDULED_RE.search(text))


def version_pointer(text: str) -> bool:
    """'You can view the prior Privacy Policy here', 'To review the previous version, click here':
    one sentence, never one glued to the next ('… click here._ A new Privacy Policy becomes')."""
    return bool(_VERSION_POINTER_RE.search(text)) and not _GLUED_SENTENCE_RE.search(text)


# a sentence end followed by the next sentence's capital, inside one segment
_GLUED_SENTENCE_RE = re.compile(r"[.!?][\W_]*\s+[A-Z]")


# a call to read the policy that follows an update banner ('Please read it carefully.')
_READ_CALL_RE = re.compile(r"(?i)^(?:please\s+)?(?:take a (?:moment|minute) to\s+)?(?:read|review|check)\b"
                           r"[^.!?]{0,50}\b(?:carefully|it|them|changes|policy|notice|statement|terms|below)[.!]?$")
READ_CALL_MAX_WORDS = 10


def is_read_call(text: str) -> bool:
    """'Please read it carefully.', 'Please take a moment to review the changes.'"""
    return len(text.split()) <= READ_CALL_MAX_WORDS and bool(_READ_CALL_RE.match(text.strip()))


BANNER_TAIL_MAX_WORDS = 12


def _banner_tail(banner: "Change", c: "Change") -> bool:
    """'We have updated our Privacy Policy. Please read it carefully.': the short sentence that
    follows an update banner, added or removed with it and about no practice, is the banner's."""
    text = c.new if c.kind == "added" else c.old if c.kind == "removed" else None
    head = banner.new if banner.kind == "added" else banner.old if banner.kind == "removed" else None
    return bool(text and head and c.kind == banner.kind and _BANNER_RE.search(head)
                and len(text.split()) <= BANNER_TAIL_MAX_WORDS and not has_topic(text) and not _numbers(text))


def unstopped_piece(piece: str, longer: str) -> bool:
    """PIECE is the tail of a LONGER old sentence that lacked its full stop ('… to the
    satisfaction of the customer All such contacts receive a response' -> 'All such contacts
    receive a response.'): the same words, now split off, not a new statement. It must start
    with a capital right after a lower-case word in LONGER, so a clause taken out of a sentence
    ('sell your data' out of 'we never sell your data') never counts."""
    body = " ".join(piece.split()).rstrip(".!?;:")
    if len(body.split()) < 4 or not body[:1].isupper():
        return False
    at = " ".join(longer.split()).find(" " + body)
    if at < 0:
        return False
    before = " ".join(longer.split())[:at]
    return bool(re.search(r"[a-z]$", before))


def _spelled_out(short_side: str, long_side: str) -> bool:
    """'EEA' -> 'European Economic Area (EEA)' or 'European Economic Area'; 'U.S.' -> 'United States'."""
    short_side = re.sub(r"(?<=[A-Z])\.", "", short_side)
    acr = [a.rstrip("s") for a in _ACRONYM_RE.findall(short_side)]
    rest = _ACRONYM_RE.sub("", short_side).strip(" ()")
    if len(acr) != 1 or rest:
        return False
    words = [w for w in re.findall(r"[A-Za-z]+", long_side) if w.lower() not in ("of", "and", "the", "for")]
    initials = "".join(w[0].upper() for w in words if w[0].isupper())
    return acr[0] in initials
