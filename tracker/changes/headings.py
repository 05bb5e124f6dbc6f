"""Heading lines of plain text: which short lines, numbered lines, labels and glued phrases are headings.

Plain-text policies mark headings only by shape: a short line without final punctuation in
Title Case or ALL CAPS, a numbered line between paragraphs ("1. Information We Collect"), a
question ("What information do we collect?"), a short label ("Contact us:"), a run-in label
("Cookies. We use ..."), or a heading the scrape glued between two sentences. segment.py asks
these predicates while it splits a text into blocks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.changes.normalize import DATE_RE, is_date_stamp

LIST_RE = re.compile(r"^\s*(?:[*+\-•·▪◦●]|\d{1,3}[.)]|\(\s*(?:[a-z]|[ivx]{1,5}|\d{1,3})\s*\)|[a-z][.)]|[ivx]{1,5}[.)])\s+",
                      re.I)
TERMINAL = ".!?;:,"
CASE_STEP_RE = re.compile(r"[a-z][A-Z]")
TITLE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
TWO_LETTERS_RE = re.compile(r"[A-Za-z]{2,}")
STARTERS = (r"(?:A|An|The|This|These|That|Our|We|You|Your|If|When|In|For|Last|Effective|Updated|See|"
             r"Learn|Read|Hide|Show|Download|Contents|Welcome|Why|What|How|Where|Who|Please|To)")
GLUED_PREFIX_RE = re.compile(r"^([A-Z][^.!?:;]{2,70}?[a-z]{2})(?=" + STARTERS + r" )")
# a starter that is no subject followed by a verb ('LinkedIn may' read as 'Linked' + 'In may'):
# the glue is inside a name written in camel case, not between a heading and a sentence
_CUT_NAME_RE = re.compile(r"(?:A|An|The|Our|Your|If|When|In|For|Last|Effective|Updated|See|Learn|Read|Contents|"
                          r"Welcome|Why|What|How|Where|Who|Please|To) (?:may|might|can|could|will|would|shall|should|"
                          r"must|is|are|was|were|has|have|does|did|uses|collects|shares|provides|offers)\b")


def glued_inside_name(text: str, prefix_end: int) -> bool:
    """Does the glued heading GLUED_PREFIX_RE found end inside a word of camel case ('LinkedIn
    may also receive …')? Then there is no heading: a sentence starts with the company's name."""
    if _CUT_NAME_RE.match(text, prefix_end) or _TITLED_AFTER_RE.match(text, prefix_end):
        return True
    # the camel-case word the glue would cut ('LinkedIn') written elsewhere in the text inside a
    # sentence, after a lower-case word ('… from the LinkedIn website'): a name, not two headings
    # glued alike ('… Personal InformationApple takes …' twice)
    last = _LAST_WORD_RE.search(text, max(0, prefix_end - 40), prefix_end)
    first = _FIRST_WORD_RE.match(text, prefix_end)
    if not last or not first or last.group(0)[:1].islower():
        return False
    word = last.group(0) + first.group(0)
    at = text.find(word)
    if at == -1 or (at == last.start() and text.find(word, at + 1) == -1):
        return False      # written only where the glue is: no other match can exist (no scan of the text)
    return any(m.start(1) != last.start()
               for m in re.finditer(r"(?<![\w'’-])[a-z][\w'’-]*,? (" + re.escape(word) + r")\b", text))


# after the starter, more Title Case words and no sentence ('Linked' + 'In Processing Information
# About You'): a heading that names the company, not a heading glued before a sentence
_TITLED_AFTER_RE = re.compile(r"[A-Z][a-z]{0,2} [A-Z][\w'’-]* [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?:[.?!]?$| [A-Z])")
_LAST_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*$")
_FIRST_WORD_RE = re.compile(r"[A-Z][a-z]*")


def is_caps_heading(line: str) -> bool:
    if len(line) > 120 or line.upper() != line:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 4 or len(line.split()) > 12 or line.rstrip().endswith((".", ",", ";")):
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.9


# short words Title Case leaves in lower case ('Communicating with a Business Chatbot')
TITLE_SMALL = frozenset("with from into onto that than this your their about over under upon within "
                         "without through when where which while does have been".split())


def title_case(s: str) -> bool:
    words = [w for w in TITLE_WORD_RE.findall(s) if len(w) >= 4 and w not in TITLE_SMALL]
    return bool(words) and all(w[0].isupper() for w in words)


_INNER_SENTENCE_END_RE = re.compile(r"[a-z]{2}[.!?] +\S")
# a line a list goes on from: it ends on ';', or on 'and'/'or' after a comma or a semicolon
_LIST_ITEM_END_RE = re.compile(r"(?:;|[;,]\s*(?:and|or))\s*$")


def is_title_line(line: str) -> bool:
    """A short stand-alone line without final punctuation: used as a heading in plain text.

    Title-cased questions and labels ("What Information Do We Collect?", "Your Choices:") are
    headings too; sentence-cased ones are prose.
    """
    s = line.strip()
    if not s or len(s) > 90 or len(s.split()) > 10:
        return False
    if s[-1] in TERMINAL and not (s[-1] in "?:" and title_case(s[:-1])) and not is_question_heading(s) \
            and not _is_colon_label(s):
        return False
    if not (s[0].isupper() or s[0].isdigit()):
        return False
    if _INNER_SENTENCE_END_RE.search(s):
        return False    # 'Children under 13 may not use the service. window...': prose, two sentences
    if _LIST_ITEM_END_RE.search(s):
        return False    # 'Enforce the Terms of Use; and': an item of a list that goes on, not a title
    if DATE_RE.fullmatch(s):
        return True
    return bool(TWO_LETTERS_RE.search(s))


# a run-in label: a short title-like phrase closed by '.' or ':' before the first sentence of
# its paragraph ('Cookies. We use ...', 'Log Data: When you use ...', 'A) Email Newsletters. ...')
_RUN_IN_RE = re.compile(r"^(?P<label>[A-Z][^.!?:;()\[\]\n]{2,70}?)(?P<sep>[.:])[\s\u00c2]+(?=[\"'(]?[A-Z])")
# words that open prose, not a label ('Note: ...', 'For example: ...', 'This means: ...')
_PROSE_OPENERS = frozenset("""
a an and as at attn but by example for here however i if in it note notes or our p.s please
ps so that the there these this those to we when where you your yes no ok also
""".split())
# a company's legal form in parts ('PTE. LTD.', 'Co., Ltd.', 'Sdn. Bhd.'): the dot after the first part
# is the abbreviation's, never a label's close ('TP-Link Corp. Ltd. ("TP-Link") takes …' opens with
# a name, not a 'TP-Link Corp' heading)
_LEGAL_FORMS = frozenset("inc ltd corp co llc plc gmbh pte pvt pty bhd sdn limited".split())


def run_in_label(paragraph: str) -> tuple[str, str] | None:
    """(label, rest) when the paragraph opens with a run-in heading, else None.

    A label closed by '.' must be Title Case ('Cookies.', 'Service Providers.'): a short
    sentence-case sentence ('We agree.') is prose. A label closed by ':' may be sentence case
    ('Information we collect:') if it is at most five words and does not open like prose.
    """
    m = _RUN_IN_RE.match(paragraph)
    if not m or is_date_stamp(paragraph[:200]):
        return None     # 'Last modified: December 18, 2017': a date stamp, not a labelled section
    label = m.group("label").strip()
    words = label.split()
    rest = paragraph[m.end():].strip()
    if not 1 <= len(words) <= 8 or len(rest) < 20 or not TWO_LETTERS_RE.search(label):
        return None
    if words[0].lower() in _PROSE_OPENERS or any(ch.isdigit() for ch in label) or DATE_RE.search(label):
        return None
    if m.group("sep") == "." and words[-1].lower() in _LEGAL_FORMS \
            and rest.split(None, 1)[0].lower().strip(".,") in _LEGAL_FORMS:
        return None
    if title_case(label) and (len(words) > 1 or len(label) >= 4):
        return label, rest
    if m.group("sep") == ":" and len(words) <= 5:
        return label, rest
    return None


_NUMBERED_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}\.)\s+(?P<rest>\S.*)$")


def prev_line(lines: list[str], i: int) -> str:
    for k in range(i - 1, max(-1, i - 4), -1):
        if lines[k].strip():
            return lines[k]
    return ""


def is_numbered_heading(line: str, nxt: str, prev: str) -> bool:
    """'1. Information We Collect', '4.3 Portability', 'IV. DATA RETENTION': a numbered line that
    reads as a heading and stands between paragraphs, not inside a numbered list (a list item
    follows or precedes a list item)."""
    m = _NUMBERED_RE.match(line)
    if not m:
        return False
    rest = m.group("rest").strip()
    if not (is_caps_heading(rest) or (is_title_line(rest) and len(rest) < 90) or is_question_heading(rest)):
        return False
    return not (LIST_RE.match(nxt) or _NUMBERED_RE.match(nxt) or _NUMBERED_RE.match(prev))


# last words of a line that introduces a list, not a heading ('Examples include:', 'you can:')
_LIST_INTRO = frozenset("include includes including as can are is will may following below like such "
                        "to of by for example examples these this that at from with on in via address "
                        "follows".split())


def _is_colon_label(line: str) -> bool:
    """'Contact us:', 'How we use information:': a short sentence-case label line ending in ':'."""
    words = line[:-1].split()
    return (line.endswith(":") and 1 <= len(words) <= 6 and "," not in line and line[:1].isupper()
            and words[-1].lower() not in _LIST_INTRO and words[0].lower() not in _PROSE_OPENERS)


_QUESTION_WORDS = frozenset("what how why who whom whose where when which do does did can could is are "
                            "will should may".split())


def is_question_heading(line: str) -> bool:
    """'What information do we collect?', 'How can I opt out?': a short question."""
    words = line.split()
    return (line.endswith("?") and 2 <= len(words) <= 12 and words[0].lower() in _QUESTION_WORDS
            and line[:1].isupper() and line.count("?") == 1)


def starts_block(line: str, nxt: str) -> bool:
    """A Title Case or ALL CAPS short line followed by a capitalised line starts a new block,
    whatever the line before it ended with ('back to top', a link list without a full stop)."""
    nxt = nxt.strip()
    if not nxt or not (nxt[0].isupper() or nxt[0].isdigit()):
        return False
    if is_caps_heading(line) or (is_title_line(line) and len(line) < 70 and title_case(line)):
        return True
    glued = GLUED_PREFIX_RE.match(line)   # 'Supervisory AuthorityIf you have concerns ...'
    return glued is not None and title_case(glued.group(1)) and is_title_line(glued.group(1))


_GLUED_MID_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')]))\s*([A-Z][^.!?;:\n]{1,90}?[a-z])(?=([A-Z][a-z'’]*(?=\s)|[A-Z]{3,}(?=[A-Z][a-z])))")
_STARTER_SET = frozenset(STARTERS.strip("(?:)").split("|"))


GLUED_CAPITALS = 3   # capitalised words after the first that make a glued phrase a heading


def _glued_heading(phrase: str, next_word: str) -> bool:
    words = phrase.split()
    if len(words) > 13 or len(CASE_STEP_RE.findall(phrase)) or not TWO_LETTERS_RE.search(phrase):
        return False
    if next_word in _STARTER_SET and (len(words) >= 2 or len(phrase) >= 4):
        return True
    # 'The existence of Automated Decision-Making, Including Profiling': capitals on most of
    # its content words make a heading even when a small word opens it in lower case
    partly_titled = len(words) >= 4 and sum(w[:1].isupper() for w in words[1:]) >= GLUED_CAPITALS
    return (title_case(phrase) or partly_titled) and len(words[-1]) >= 4 and len(next_word) >= 2


# a question heading glued between sentences, maybe numbered: '...Settings.IV. How do the
# Facebook Companies work together?Facebook and Instagram share ...'
_GLUED_QUESTION_RE = re.compile(r"(?<=[.!?])\s*((?:[IVX]{1,5}\.|\d{1,2}\.)?\s*[A-Z][^.!?;:\n]{3,110}\?)(?=([A-Z][a-z]))"
                                # numbered, it may be followed by a space: '...with them.IV. How
                                # can I manage or delete information about me? You can manage ...'
                                r"|(?<=[.!?])((?:[IVX]{1,5}\.|\d{1,2}\.)\s*[A-Z][^.!?;:\n]{3,110}\?) (?=([A-Z][a-z]))")
# (the patterns below that look back before a capital match the capital first and look back over
# it too, the same test: re then skips to the capitals a match can start at, where a pattern led by
# a look back is tried at every position of a paragraph or a whole text)
# a Title Case heading run into the next sentence with only a space: '... privacy choices. Users in
# the EEA and Switzerland If you are a user in the EEA ...'
_SPACED_HEADING_RE = re.compile(r"([A-Z](?<=[.!?] [A-Z])[^.!?;:,\n]{3,80}?) (?=(" + STARTERS[3:-1] + r") [a-z])")


# the spaced heading may also run into a sentence that opens with a preposition, a conjunction or
# a third-person pronoun ('Personal and Other Information Oracle Collects Through your interaction …')
_SPACED_MORE_STARTERS = ("Through|By|With|From|On|At|Under|Upon|As|Unless|Although|Because|Once|Before|After|"
                         "While|Since|It|They|Its|Their|Some|Certain|Each|Any|All|Most|Depending")
_SPACED_MORE_RE = re.compile(r"([A-Z](?<=[.!?] [A-Z])[^.!?;:,\n]{3,80}?) (?=(" + _SPACED_MORE_STARTERS + r") [a-z])")
# what a company does as a sentence's subject: a modal, an auxiliary or a verb in the third person
_SUBJECT_VERB = (r"(?:may|might|can|could|will|would|shall|should|must|is|are|was|were|has|have|does|did|"
                 r"also|never|only|uses|collects|shares|participates|provides|offers|receives|retains|keeps|"
                 r"maintains|discloses|sells|processes|requires|asks|allows|reserves|takes|works|obtains|gathers|"
                 r"transfers|respects|complies|protects|believes|considers|operates|employs|relies|encourages|"
                 r"recommends|supports|sends|treats|limits|honors|adheres|agrees|understands|knows|values|seeks|"
                 r"strives|tracks|combines|automatically|generally|typically|currently|makes|gives)\b")
# a capitalised word as a sentence's subject ('Oracle will …', 'Target participates …')
_SUBJECT_RE = re.compile(r"([A-Z](?<![\w@./-][A-Z])[A-Za-z0-9&'’-]{2,}) (?=" + _SUBJECT_VERB + ")")
SUBJECT_MIN_USES = 3      # a name that is the subject of three sentences is the text's own actor
PROPER_RATIO = 3          # a proper name is capitalised inside sentences 3 times as often as not
# one capitalised word that opens a sentence as an adverb or a conjunction, never a heading
_ONE_WORD_OPENERS = frozenset("also additionally today currently finally further furthermore moreover "
                              "otherwise therefore thus hence instead then now here there however still "
                              "sometimes often again yet certain other some many most several such each every "
                              "both only even just "
                              # a conjunction or a preposition opens a clause, never a heading
                              # ('Although ConnectSolutions may offer localized content …')
                              "although though while whilst whereas because since unless if when whenever "
                              "where wherever whether after before once until upon as through by with from "
                              "for in on at to of and or but nor so like unlike per via within without "
                              "under over during despite except".split())


def text_subjects(text: str) -> frozenset[str]:
    """The proper names this text makes the subject of its sentences ('Oracle will …', 'Target
    participates …') at least SUBJECT_MIN_USES times: names it capitalises inside sentences far
    more often than it writes them in lower case (so 'Information' or 'Services' never count,
    'Target' does beside a rare 'to target ads')."""
    counts: dict[str, int] = {}
    for m in _SUBJECT_RE.finditer(text):
        counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    names = _proper_names([w for w, n in counts.items() if n >= SUBJECT_MIN_USES and w.upper() != w], text)
    return frozenset(names | _compounds(names, text))


def _compounds(names: set[str], text: str) -> set[str]:
    """'York Times', 'Privacy Policy': a capitalised word the text writes before one of names
    inside a sentence and not as a subject ('… in the New York Times'), so the two are one name,
    never a heading and a subject."""
    if not names:
        return set()
    rx = re.compile(_AFTER_LOWER + r"(?:[A-Z][\w'’&-]* )*([A-Z][\w'’&-]*) (" + "|".join(map(re.escape, names))
                    + r")\b(?! " + _SUBJECT_VERB + ")")
    # a match never crosses a line break (spaces and word characters only), so only the lines
    # that write one of names are scanned: the pattern tries every lower-case word otherwise
    return {f"{m.group(1)} {m.group(2)}" for lo, hi in _lines_holding(names, text) for m in rx.finditer(text, lo, hi)}


def _lines_holding(words: set[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of text that holds one of words (none holding a line break),
    in text order. A search bounded so sees the same text around its matches as one over the
    whole text: a line break (or the text's edge) on either side."""
    starts: set[int] = set()
    for w in words:
        at = text.find(w)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            end = text.find("\n", at)
            at = text.find(w, end) if end != -1 else -1
    spans = []
    for lo in sorted(starts):
        hi = text.find("\n", lo)
        spans.append((lo, hi if hi != -1 else len(text)))
    return spans


# a whole lower-case word and a space (maybe a comma) before a capitalised one: inside a sentence
_AFTER_LOWER = r"(?<![\w'’&-])[a-z][\w'’-]*,? "


_BEFORE = 80     # characters looked at before a name for the word it follows (a word is shorter)


def _run_char(ch: str) -> bool:
    """A character of a word run as the name rules see it ([\\w'’&-])."""
    return ch.isalnum() or ch in "_'’&-"


def _word_before(text: str, s: int) -> tuple[str, bool] | None:
    """(the word run ending right before ' ' or ', ' at s, whether a comma is between), or None
    when no word comes right before or it is longer than _BEFORE."""
    if s == 0 or text[s - 1] != " ":
        return None
    end = s - 1
    comma = end > 0 and text[end - 1] == ","
    end -= comma
    start = end
    while start > 0 and _run_char(text[start - 1]):
        start -= 1
        if end - start > _BEFORE:
            return None
    return (text[start:end], comma) if start < end else None


def _proper_names(words: list[str], text: str) -> set[str]:
    """Those of words that are proper names of their own in text: written after a lower-case word
    capitalised at least PROPER_RATIO times as often as in lower case (addresses aside), and more
    often so than as the tail of a longer name ('Privacy Policy', 'Verizon Wireless', 'New York
    Times'). Each word is found with str.find, and the word before it read off the text (three
    regex searches per word were most of the cost of segmenting a long policy)."""
    inside = dict.fromkeys(words, 0)
    tail = dict.fromkeys(words, 0)
    for w in words:
        ends_in_word = w[-1].isalnum() or w[-1] == "_"
        i = text.find(w)
        while i != -1:
            after = i + len(w)
            if ends_in_word != (after < len(text) and (text[after].isalnum() or text[after] == "_")):   # w\b
                before = _word_before(text, i)
                if before is not None:
                    run, comma = before
                    if "a" <= run[0] <= "z" and "&" not in run:
                        inside[w] += 1             # 'data to Oracle', 'by, Oracle'
                    elif "A" <= run[0] <= "Z" and not comma:
                        tail[w] += 1               # 'Privacy Policy', 'Verizon Wireless'
            i = text.find(w, i + 1)
    lower = dict.fromkeys((w.lower() for w in words), 0)
    if lower:
        for m in re.finditer(r"(?<![\w@./-])(" + "|".join(map(re.escape, lower)) + r")(?![\w@]|\.[a-z])", text):
            lower[m.group(1)] += 1
    return {w for w in words if inside[w] >= SUBJECT_MIN_USES and inside[w] >= PROPER_RATIO * lower[w.lower()]
            and inside[w] > tail[w]}


@lru_cache(maxsize=64)
def _subject_heading_re(subjects: frozenset[str]) -> "re.Pattern[str]":
    """A Title Case run between a sentence end (or the paragraph's start) and one of subjects
    acting as a sentence's subject ('… next steps. Retention and Deletion Oracle will retain …')."""
    names = "|".join(re.escape(w) for w in sorted(subjects, key=len, reverse=True) if " " not in w)
    return re.compile(r"(?:(?<=[.!?] )|^)([A-Z][^.!?;:,\n]{3,80}?) (?=(" + names + r") " + _SUBJECT_VERB + ")")


def _heading_words(phrase: str, subject: str, subjects: frozenset[str]) -> bool:
    """Is phrase a heading glued before subject: Title Case, not opened by a sentence starter,
    not the head of a longer name ('New York' before 'Times'), one word only when it is a noun
    ('Advertising'), not an adverb ('Additionally', 'Today')?"""
    words = phrase.split()
    if f"{words[-1]} {subject}" in subjects:
        return False
    if not title_case(phrase) or words[0] in _STARTER_SET or words[-1].lower() in TITLE_SMALL \
            or not all(w[0].isupper() or w in TITLE_SMALL or len(w) <= 3 for w in words):
        return False
    if words[-1] in subjects or words[-1].lower() in {"and", "or", "of", "the", "for", "to"}:
        return False      # 'Oracle and Sun …', 'Terms of …': not a heading's last word
    if len(words) == 1:
        w = words[0].lower()
        return len(w) >= 5 and not w.endswith("ly") and w not in _ONE_WORD_OPENERS and w not in _PROSE_OPENERS
    return True


def _spaced_candidates(body: str, subjects: frozenset[str]) -> list[tuple[int, int]]:
    """Headings run into the next sentence with only a space: before a pronoun or an article
    ('… choices. Users in the EEA If you are …'), a preposition ('… Oracle Collects Through your
    …') or the text's own subject ('… days. Retention and Deletion Oracle will retain …')."""
    found = [m.span(1) for rx in (_SPACED_HEADING_RE, _SPACED_MORE_RE) for m in rx.finditer(body)
             if title_case(m.group(1)) and len(m.group(1).split()) >= 2 and m.group(1).split()[0] not in _STARTER_SET
             and all(w[0].isupper() or w in TITLE_SMALL or len(w) <= 3 for w in m.group(1).split())]
    if subjects:
        found += [m.span(1) for m in _subject_heading_re(subjects).finditer(body)
                  if _heading_words(m.group(1), m.group(2), subjects)]
    return found


# a heading closed by a bracketed acronym and glued to the next sentence's first word: '… access
# to it.Data Processing Agreement (GDPR)1Password.eu and 1Password.ca fully comply …'
_GLUED_ACRONYM_RE = re.compile(r"(?:(?<=[.!?])|^)\s*([A-Z][^.!?;:()\n]{2,80}?\([A-Z]{2,8}\))(?=[0-9A-Z][\w.]* [a-z])")


# headings glued to each other and then to a sentence's pronoun subject, between two sentences:
# '… faq=13323IV. How advertising and Sponsored Stories workPersonalized adsWe do not share …'
_GLUED_RUN_RE = re.compile(r"([A-Z](?<=[.!?] [A-Z])[^.!?;:\n]{3,120}?[a-z]{2})(?=(?:We|You|Our|If) [a-z])")
GLUED_RUN_WORDS = 12    # a longer run before the glue point is a sentence, not a chain of headings


_STAMP_AHEAD_RE = re.compile(r"\s*(?:date of last revision|last (?:updated|modified|revised)|effective|updated)\b", re.I)


def _brand(body: str, m: "re.Match[str]") -> bool:
    """The glue point is inside one word the paragraph writes elsewhere within a sentence too: a
    brand with an inner capital ('DoubleClick places cookies' beside 'delivered by the vendor
    DoubleClick'), not a heading run into the next sentence ('Privacy PolicyAn updated …', or
    'Secure DataData encrypted …' beside 'Service DataData about …': two headings glued alike)."""
    last = m.group(1).split()[-1]
    word = last + re.sub(r"['’]s$", "", m.group(2))
    here = m.end(1) - len(last)
    first = body.find(word)
    if first == -1 or (first == here and body.find(word, here + 1) == -1):
        return False      # the word is written nowhere else: no other match can exist (no scan needed)
    # written after a lower-case word: inside a sentence, where no heading is glued on
    return any(x.start(1) != here for x in re.finditer(r"(?<![\w'’-])[a-z][\w'’-]*,? (" + re.escape(word) + r")\b", body))


@lru_cache(maxsize=8192)
def _glued_candidates(body: str, subjects: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of the headings glued into a paragraph, in order, not overlapping
    (remembered per paragraph, like segment's block events: most paragraphs of a version are
    in the next one too; never mutated)."""
    found: list[tuple[int, int]] = []
    if CASE_STEP_RE.search(body):
        found += [m.span(1) for m in _GLUED_MID_RE.finditer(body)
                  if _glued_heading(m.group(1), m.group(2)) and not _brand(body, m)
                  and not glued_inside_name(body, m.end(1))]
    if "?" in body:
        found += [m.span(g) for m in _GLUED_QUESTION_RE.finditer(body) for g in (1 if m.group(1) else 3,)
                  if is_question_heading(re.sub(r"^(?:[IVX]{1,5}\.|\d{1,2}\.)\s*", "", m.group(g).strip()))]
    found += _spaced_candidates(body, subjects)
    if "(" in body:
        found += [m.span(1) for m in _GLUED_ACRONYM_RE.finditer(body) if title_case(m.group(1))]
    if CASE_STEP_RE.search(body):
        found += [m.span(1) for m in _GLUED_RUN_RE.finditer(body)
                  if len(CASE_STEP_RE.findall(m.group(1))) >= 1 and len(m.group(1).split()) <= GLUED_RUN_WORDS
                  and not glued_inside_name(body, m.end(1))]
    found.sort()
    out: list[tuple[int, int]] = []
    for a, b in found:
        if _STAMP_AHEAD_RE.match(body, b):
            continue    # 'Privacy PolicyDate of last revision: ...': the page's stamp line, kept whole
        if (not out or a >= out[-1][1]) and len(body) - b >= 20:
            out.append((a, b))
    return out


def unglue(blocks: list[tuple[str, str]], subjects: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Paragraphs with headings glued into them split into paragraph, heading, paragraph
    (subjects: the names the text makes its sentences' subject, see text_subjects)."""
    out: list[tuple[str, str]] = []
    for kind, body in blocks:
        if kind != "p" or len(body) < 60:
            out.append((kind, body))
            continue
        start = 0
        for a, b in _glued_candidates(body, subjects):
            before = body[start:a].strip()
            if before:
                out.append(("p", before))
            out.append(("h5", body[a:b].strip()))
            start = b
        tail = body[start:].strip()
        if tail:
            out.append(("p", tail))
    return out


def is_plain_heading(line: str) -> bool:
    """A paragraph that is a heading line: ALL CAPS or a short title line."""
    return is_caps_heading(line) or (is_title_line(line) and len(line) < 70)


def sentence_cased(title: str) -> bool:
    """A plain heading line in sentence case ('Spam stinks'), not numbered or a single word."""
    return (not title_case(title) and not is_caps_heading(title) and not title[:1].isdigit()
            and len(title.split()) >= 2 and not is_question_heading(title))


def sentence_case_headings(blocks: list[tuple[str, str]]) -> bool:
    """Does this document write its plain headings in sentence case ('Information we collect')?

    When its short title lines are mostly Title Case ('Information You Share With Us'), the
    sentence-case ones are captions, slogans or button labels ('Spam stinks', 'Hello world'),
    not headings."""
    title = sentence = 0
    for kind, body in blocks:
        if kind != "p" or len(body) >= 70 or len(body.split()) < 2 or not is_title_line(body):
            continue
        if is_caps_heading(body) or body[:1].isdigit():
            continue
        if title_case(body):
            title += 1
        elif any(len(w) >= 4 and w not in TITLE_SMALL for w in TITLE_WORD_RE.findall(body)[1:]):
            sentence += 1
    return not (title >= 3 and title >= 2 * sentence)
