"""Turning a policy sentence into a sentence a journalist could publish.

A changed sentence is cut to the clause that carries its practice (never mid-clause, never with
an ellipsis), markup and list markers are dropped, and 'we/us/our' become the company in the
third person ('We keep logs for 90 days' -> 'Google keeps logs for 90 days').
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.changes.literals import Prefiltered

_LEAD_RE = re.compile(r"^[\s\"'“”‘’(\[*#>•·▪◦●-]*(?:\d{1,3}[.)]\s+|[a-z][.)]\s+|\([a-z0-9]{1,4}\)\s+)?")
_TRAIL_RE = re.compile(r"[\s\"'“”‘’)\]*,;:.]*$")
_CLAUSE_SPLIT_RE = re.compile(r"\s*(?:;|\s[–—]\s|:\s(?=[A-Z])|\.\s+(?=[A-Z]))\s*")
# (never after a preposition: '… transferred to, and stored and processed in, the United States'
# sets a second verb inside the first, whose object is still to come)
_AFTER_PREPOSITION = r"(?<!\bto)(?<!\bin)(?<!\bfrom)(?<!\bwith)(?<!\bby)(?<!\bof)(?<!\bfor)(?<!\bon)(?<!\bat)"
_COMMA_SPLIT_RE = re.compile(_AFTER_PREPOSITION + r",\s+(?=(?:and|but|or|which|including|such as|for example|e\.g\.|unless|except|"
                             r"where|when|if|so that|in order|as well as)\b)")
_MODALS = {"already", "just", "recently", "even", "actually", "cannot", "can't", "won't", "will", "may", "might", "can", "could", "should", "would", "must", "shall", "also", "only", "never",
           "generally", "automatically", "currently", "still", "now", "no", "longer", "not", "always", "sometimes",
           "often", "typically", "usually", "therefore", "then", "further", "additionally", "occasionally",
           "either", "neither"}
_LY_VERBS = {"apply", "reply", "rely", "supply", "comply", "imply", "multiply", "ally"}
_IRREGULAR = {"do": "does", "have": "has", "are": "is", "were": "was", "don't": "doesn't", "aren't": "isn't",
              "haven't": "hasn't", "weren't": "wasn't", "'re": "'s", "go": "goes"}


# a heading glued to its first sentence by a scrape: 'Privacy QuestionsIf you have …'
_GLUED_HEADING_RE = re.compile(r"^(?:[A-Z][a-z]+(?: [A-Za-z][a-z]+){1,5}[a-z](?=(?:If|We|You|Your|Our|The|This|These|"
                               r"Users|For|When|Where|Under|Some|All)\s|(?:In|To|A|An) (?:the|a|an|this|these|order|"
                               r"addition|some|our|your|its|many|most|general|certain)\b)"
                               # one word glued: never a brand's own parts ('LinkedIn', 'GoTo')
                               r"|[A-Z][a-z]+[a-z](?=(?:If|We|You|Your|Our|The|This|These|Users|When|Where)\s))")
# a heading of two or more words glued to a sentence whose subject is a name and whose verb
# follows it ('How our global services operateFacebook may share …'): the heading is dropped
_GLUED_TITLE_RE = re.compile(r"^[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,6} [a-z]{4,}(?=[A-Z][a-z]{2,}(?:\.com|,? Inc\.,?)? "
                             r"(?:may|will|can|does|do|is|are|has|have|also|[a-z]{3,}s)\b)")


_ABBREVIATED_END_RE = re.compile(r"(?:\b(?:Inc|Ltd|Corp|Co|Jr|Sr|St)|\b(?:[A-Za-z]\.){1,3}[A-Za-z])$")
_OPENING_CONJUNCTION_RE = re.compile(r"^(?:(?:And|But|Also|So|Plus),? (?=[A-Z]|(?:you|we|they|it|this|these|your|our|the|since|if|when|while|because|as)\b)|(?:Yes|No)[.,!] (?=[A-Z])|(?:However|Accordingly|Therefore|As such|In particular|"
                                     r"In addition|Additionally|Moreover|Furthermore|Consequently|Similarly|Likewise|Further|As always),\s+(?=\S)|Note:\s+|"
                                     r"Please note that\s+|Note that\s+)")
_DANGLING_WORD_RE = re.compile(r"(?<=\w{3})\s+(?:by|to|at|via|from|with|of|the|a|an|and|or)$")
_DANGLING_RE = re.compile(r"(?i)(?:,?\s+(?:including|such as|for example|e\.g\.|as follows)[\s:,]*)+$")


@lru_cache(maxsize=16384)
def tidy(text: str) -> str:
    """One line, no list marker, quotes or trailing punctuation, first letter as written;
    a closing parenthesis or quote stays when it closes one the text opened."""
    text = re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip()
    text = _LEAD_RE.sub("", text)
    text = _OPENING_CONJUNCTION_RE.sub("", text)     # 'And Google Play uses …', 'And you control …': the quote starts a sentence
    text = _GLUED_TITLE_RE.sub("", text, count=1)
    text = _GLUED_HEADING_RE.sub(lambda m: m.group(0) + ": ", text, count=1)
    out = _TRAIL_RE.sub("", text)
    out = _DANGLING_RE.sub("", out)       # 'collects information about you including:' ends before its list
    out = _DANGLING_WORD_RE.sub("", out)  # '… delete their Wish List by' (a link's text dropped by the scrape)
    tail = text[len(out):]
    if tail.startswith(".") and _ABBREVIATED_END_RE.search(out):
        out += "."                        # 'Apple Inc.', 'the U.S.': the full stop is the abbreviation's
    for ch in tail:                       # '… information ("Contacts")': each closer in its order
        if ch == ")" and out.count("(") > out.count(")") or ch == "”" and out.count("“") > out.count("”") \
                or ch == '"' and out.count('"') % 2 == 1:
            out += ch
        elif ch not in ".,;:!? ":
            break
    return out


_AUXILIARIES = frozenset({"will", "may", "might", "can", "could", "should", "would", "must", "shall", "cannot", "can't",
                          "won't", "wouldn't", "shouldn't", "couldn't", "mustn't", "may not", "not"})
# verbs of data practice a policy lists after its subject ('we collect, use, share and protect')
_BARE_VERBS = ("use|share|protect|store|process|disclose|retain|keep|transfer|combine|analy[sz]e|collect|sell|rent|"
               "maintain|handle|safeguard|secure|access|delete|update|correct|receive|obtain|treat|manage|disclose|"
               "aggregate|provide|host|record|monitor|review|track|display|publish|transmit")


def _third_person_verb(word: str) -> str:
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low in _MODALS or low.endswith(("ed", "ing")) or not low.isalpha():
        return word
    if low.endswith(("s", "sh", "ch", "x", "o", "z")):
        return word + "es"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# the end of a sentence before the next one's first word
_SENTENCE_END_RE = re.compile(r"[.!?]\s+$")


def _sentence_start(text: str, at: int) -> bool:
    """Does a sentence start at position at ('Will Acme sell data? It never does'): a pronoun there is capitalised."""
    return at == 0 or bool(_SENTENCE_END_RE.search(text[max(0, at - 4):at]))


# a modal before the subject ('Only where necessary will we share'): a question's or an inversion's order
_INVERTED_RE = re.compile(r"\b(?:will|would|can|could|may|might|shall|should|must|did)\s+$", re.IGNORECASE)
# two-word adverbials between the subject and its verb: never the verb ('we of course cannot')
_ADVERBIAL_PAIRS = frozenset({("of", "course"), ("in", "turn"), ("at", "times"), ("at", "least"), ("in", "fact"),
                              ("in", "addition"), ("by", "default"), ("in", "general"), ("as", "such")})


@lru_cache(maxsize=4096)
def third_person(text: str, owner: str) -> str:
    """'We use', 'we do not', 'our partners', 'with us' said of the company by name (memoised:
    several rules put the same clause in the third person)."""
    def subject(m: re.Match[str]) -> str:
        words = m.group(2).split(" ")
        if words[0].lower() in ("and", "or", "&", "together", "along", "as", "both"):
            seen.append(m.start())
            return f"{owner} {m.group(2)}"       # a plural subject: 'we and our partners use'
        start = 2 if tuple(w.lower() for w in words[:2]) in _ADVERBIAL_PAIRS else 0   # 'we of course cannot'
        if _INVERTED_RE.search(text, max(0, m.start() - 8), m.start()):
            start = len(words)                   # 'only then will we share': the modal went first, the verb stays bare
        for k, w in enumerate(words):          # adverbs and modals pass, the first verb agrees
            if k < start:
                continue
            if w.lower() not in _MODALS and not (w.lower().endswith("ly") and len(w) > 4
                                                     and w.lower() not in _LY_VERBS):
                words[k] = _third_person_verb(w)
                break
            if w.lower() in _AUXILIARIES:
                break                            # 'we cannot control': the verb after a modal stays bare
        name = owner if not seen else "It" if _sentence_start(text, m.start()) else "it"   # by name once, then 'it'
        seen.append(m.start())
        return name + " " + " ".join(words)

    def listed(m: re.Match[str]) -> str:
        """'Acme collects, use, share and protect' -> 'Acme collects, uses, shares and protects':
        bare verbs listed after a verb agreed with the company agree too."""
        return m.group(1) + re.sub(r"\b(?!and\b|or\b)[a-z]+\b", lambda v: _third_person_verb(v.group(0)), m.group(2))
    seen: list[int] = []
    # 'We're Acme S.p.A., an Italian company' -> 'Acme S.p.A. is an Italian company': the name is the
    # subject, never 'Acme is Acme S.p.A.'
    text = _IDENTITY_RE.sub(lambda m: f"{m.group('name')} is {m.group('what')}", text)
    # a "we" defined by name, or in quotes ('"we" or "us" means Acme'), is left as written
    held = [m.group(0) for m in _HELD_WE_RE.finditer(text)]
    text = _HELD_WE_RE.sub("\x00", text)
    # an address is written as it is: 'support.example.com/hc/en-us' never reads '…/hc/en-Acme'
    addresses = [m.group(0) for m in _ADDRESS_RE.finditer(text)]
    text = _ADDRESS_RE.sub("\x01", text)
    # 'nor do we transmit' -> 'nor does Acme transmit': the auxiliary agrees, the verb stays bare
    text = re.sub(r"\b([Dd])o we\b", lambda m: f"{m.group(1)}oes {owner}", text)
    text = re.sub(r"\b(We|we)\s+((?:[A-Za-z']+\s+){0,2}[A-Za-z']+)", subject, text)
    text = re.sub(rf"(\b(?:{re.escape(owner)}|it) [a-z]+s)((?:, (?:{_BARE_VERBS})\b){{1,4}},? (?:and|or) (?:{_BARE_VERBS})\b)",
                  listed, text)
    text = re.sub(r"\bWe've\b|\bwe've\b", f"{owner} has", text)
    text = re.sub(r"\bWe're\b|\bwe're\b", f"{owner} is", text)
    text = re.sub(r"\b(?:We'll|we'll)\b", f"{owner} will", text)
    text = re.sub(r"\bOur\b", f"{owner}'s", text)
    text = re.sub(r"\bour\b", "its", text)
    text = re.sub(r"\bus\b", owner, text)
    text = re.sub(r"\bourselves\b", "itself", text)
    if owner == "The company":            # a generic subject is lower case inside a sentence
        text = text[:1] + re.sub(r"(?<=\S )The company\b", "the company", text[1:])
    for kept in held:
        text = text.replace("\x00", kept, 1)
    for kept in addresses:
        text = text.replace("\x01", kept, 1)
    # a heading glued before 'We share …' ('Target We share') must not read 'Target Target shares'
    return re.sub(rf"\b({re.escape(owner)})\s+{re.escape(owner)}\b(?!['’])", r"\1", text)


# a web or e-mail address inside a sentence: its letters are no pronouns ('/hc/en-us', 'us@acme.com')
_ADDRESS_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>()\[\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a company's name after 'we are': capitalised words and their legal form ('Bending Spoons S.p.A.')
_IDENTITY_NAME = r"[A-Z][\w&.'’-]*(?: (?:of |de |& )?[A-Z][\w&.'’-]*){0,5}"
# 'We're Acme S.p.A., an Italian company …': who "we" are, then what the company is
_IDENTITY_RE = re.compile(rf"\b(?:We|we)(?: are|['’]re) (?P<name>{_IDENTITY_NAME}),? (?P<what>(?:an?|the) )")
# 'We are Acme S.p.A.' and a pronoun mentioned in quotes ('"we", "us" or "our" means …'): the
# sentence says who the pronoun stands for, never a practice to put in the third person
_HELD_WE_RE = re.compile(rf"\b(?:We|we)(?: are|['’]re) {_IDENTITY_NAME}(?![\w&'’-])|"
                         r"[\"“‘'](?:we|We|WE|us|Us|US|our|Our|OUR|ours|ourselves)[,.]?[\"”’']")


# (every match opens on a space or one of ;:,. : the lookahead says so first, so that re tries the
# branches, the first of which opens with \s*, only there and not at every position of a sentence)
_SPLIT_RE = re.compile(r"(?=[\s;:,.])(?:\s*;\s*|(?<!\.)\s[–—-]\s|:\s+|\s(?=(?:in connection with|in order to|for the purposes? of|"
                       r"in accordance with|pursuant to|to the extent)\b)|" + _AFTER_PREPOSITION + r",\s+(?=(?:and|but|or|which|including|such as|for example|e\.g\.|"
                       r"unless|except|where|when|if|so that|in order|as well as|while|whereas|because)\b)|"
                       r"(?<![A-Z])(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<!\bCo)(?<!\bNo)\.\s+(?=[A-Z]))")
_CONJUNCTION_RE = re.compile(r"(?i)^(?:and|but|or|which|including|such as|for example|e\.g\.|as well as|while|whereas|"
                             r"because|so that|in order|that|to|of|for|with|by|from|in|on|at)\b")


_SUBJECT_RE = re.compile(r"(?i)^(?:we|you|your|our|it|they|this|these|the|such|any|all|some|data|information)\b")
_LINKED_CONDITION_RE = re.compile(r"(?i)^(?:and|but|or|so) (?=(?:(?:if|when|where) (?:you|we)|we|you|it|they)\b)")


def clause_about(sentence: str, focus: "re.Pattern[str] | Prefiltered | None", limit: int) -> str | None:
    """The shortest honest quote of the sentence that holds the focus (its practice or value):
    the whole sentence when it fits; else the sentence up to the end of the clause holding the
    focus; else that clause alone when it can stand alone (it does not open with 'and',
    'which', 'including' …). None when nothing whole fits the limit."""
    whole = tidy(sentence)
    m = focus.search(whole) if focus is not None else None
    if focus is not None and m is None:
        return None
    if len(whole) <= limit:
        return whole
    whole = compact(whole, m.span() if m else None)
    m = focus.search(whole) if focus is not None else None
    if focus is not None and m is None:
        return None
    if len(whole) <= limit:
        return whole
    at = m.start() if m else 0
    stops = [x for x in _SPLIT_RE.finditer(whole)]
    ends = [x.start() for x in stops if x.start() >= (m.end() if m else 0) and not _inside_list(whole, x)]
    starts = [0] + [x.end() for x in stops if x.end() <= at]
    best = None
    for end in ends:                      # the longest run of whole clauses that fits
        text = tidy(whole[:end])
        if len(text) > limit:
            break
        if _balanced(text) and _has_verb(text) and not _bare_condition(text):   # never cut inside a parenthesis
            best = text
    if best:
        return best
    begin = starts[-1]
    stop = next((e for e in ends), len(whole))
    text = tidy(whole[begin:stop])
    if begin and _LINKED_CONDITION_RE.match(text):
        text = capitalise(text.split(" ", 1)[1])   # '…, but we do not …', '… - and if you …': stands alone
    if (begin and _CONJUNCTION_RE.match(text)) or not _balanced(text):
        return None
    cut = stop < len(whole)
    if len(text.split()) >= 4 and len(text) <= limit and _has_verb(text) and not (cut and _bare_condition(text)) \
            and (text[:1].isupper() or _SUBJECT_RE.match(text)):
        return capitalise(text)
    return None


def _inside_list(text: str, stop: "re.Match[str]") -> bool:
    """', and' or ', or' before the last item of a list ('the Dutch, Polish, Spanish, and other
    regulators', 'collection, use, and retention'): a cut there would quote half a list."""
    after = _LIST_AND_RE.match(text, stop.start())      # read in place: no copy of the rest per stop
    if not after or _CLAUSE_WORD_RE.fullmatch(after.group(1).lower()):
        return False           # ', and processed on its behalf by …': a clause of its own follows
    comma = text.rfind(",", 0, stop.start())
    return comma != -1 and len(text[comma + 1:stop.start()].split()) <= 3


# ', and' or ', or' and the word after it
_LIST_AND_RE = re.compile(r",\s+(?:and|or)\s+(\w+)")
# a word after ', and' that opens a clause of its own, not a list's last item
_CLAUSE_WORD_RE = re.compile(r"\w+ed|is|are|was|were|will|may|can|must|does|do|has|have|we|you|it|they")


# openers that carry no practice ('Please note that …') and asides that only abbreviate or
# illustrate ('(EEA)', '(e.g., …)', '(like …)'): dropped from a quote too long to fit
_LEAD_IN_RE = re.compile(r"(?i)^(?:please (?:note|be aware|understand) that|note that|in addition,|additionally,|"
                         r"as a matter of course,|for the avoidance of doubt,|in other words,|for example,|for instance,|"
                         r"e\.g\.,|also,|however,|moreover,|furthermore,)\s+")
_ASIDE_RE = re.compile(r"\s\((?:[^()]{1,16}|[^()]{0,30}[\"“][^()\"“”]{1,40}[\"”]|(?:e\.g\.|i\.e\.|for example|for instance|such as|like|including)(?!\w)"
                       r"(?:[^()]|\([a-z]{1,3}\))*)\)")


# a list of examples between a subject and its verb ('Certain categories of information such as
# your name, …, and networks you belong to are …'): the clause reads whole without it
_AS_DESCRIBED_RE = re.compile(r"(?i),? as (?:described|set (?:out|forth)|explained|outlined|detailed|stated) "
                              r"(?:in this (?:privacy )?(?:policy|statement|notice)|above|below|herein)\b,?")
_EXAMPLES_RE = re.compile(r",? (?:such as|like|including|e\.g\.,?) (?:(?!\b(?:that|which|who|to (?!(?:are|is|will|may|can|must)\b)[a-z]+)\b)[^.;:()]){1,160}"
                          r"(?= (?:are|is|will|may|can|must)\b)")   # never across a clause ('… to collect …, content that is')
# a verb inside such a list: it ran on into the next clause ('…, including the Website may be sold,
# or other transactions may occur'), and is no aside to drop
# ('pages you are a fan of' is a clause inside an example, not a verb of the sentence's)
_ASIDE_VERB_RE = re.compile(r"(?<!\byou)(?<!\bwe)(?<!\bthey)(?<!\bit)(?<!\bI) (?:are|is|will|may|can|must) ")


def compact(text: str, keep: tuple[int, int] | None = None) -> str:
    """text without its opener ('Please note that') and without asides in parentheses that
    only abbreviate or illustrate, except one overlapping keep (the span of the focus)."""
    def aside(m: re.Match[str]) -> str:
        if keep and m.start() < keep[1] and keep[0] < m.end():
            return m.group(0)
        return ""
    out = _ASIDE_RE.sub(aside, text)
    out = _EXAMPLES_RE.sub(lambda m: m.group(0) if _ASIDE_VERB_RE.search(m.group(0)) else aside(m), out)
    out = _AS_DESCRIBED_RE.sub("", out)      # 'as described in this Privacy Policy' says nothing new
    lead = _LEAD_IN_RE.match(out)
    if lead and (not keep or keep[0] >= lead.end()):
        out = capitalise(out[lead.end():])
    return out


# wordings that say the same in fewer words: tried, in order, before a headline gives up on a
# statement that does not fit (each keeps every fact: the age, who consents, the purpose)
_FEWER_WORDS = (
    (re.compile(r"\bunder the age of (\d+)"), r"under \1"),
    (re.compile(r"\b(?:the )?age of (\d+) or (older|over|younger)"), r"age \1 or \2"),
    (re.compile(r"\bthe (?:prior |express )?consent of (?:the child's|their|a|the|his or her) parents? or (?:legal )?guardians?"),
     "parental consent"),
    (re.compile(r"(?<!, )\bin order to\b"), "to"),     # ', in order to' stays a clause boundary
    (re.compile(r"\bwith respect to\b"), "on"),
    (re.compile(r"\bfor the purposes? of\b"), "for"),
    (re.compile(r"\bat this time\b ?"), ""),
    (re.compile(r" \((?:e\.g\.|i\.e\.|such as|including)[^()]*\)"), ""),
    (re.compile(r"\bthe European Union\b"), "the EU"),
    (re.compile(r"\bthe European Economic Area\b"), "the EEA"),
    (re.compile(r"\bthe United States\b"), "the US"),
)


def plain_words(text: str) -> str:
    """The same statement in fewer words ('under the age of 13' -> 'under 13')."""
    for rx, repl in _FEWER_WORDS:
        text = rx.sub(repl, text)
    return re.sub(r"\s{2,}", " ", text).strip()


_EDGE_PUNCT_RE = re.compile(r"[,;:.!?)]$")


_NEGATIONS = frozenset({"no", "not", "never", "don't", "doesn't", "cannot", "won't", "can't", "didn't", "nor"})


def _window_side(words: list[str], i: int, j: int, context: int) -> tuple[list[str], list[str]]:
    """Up to `context` words before words[i] and after words[j - 1], never across a clause
    mark (a comma, a full stop, an opening parenthesis)."""
    left: list[str] = []
    k = i - 1
    while k >= 0 and len(left) < context and not ((left or not words[k].endswith(",")) and _EDGE_PUNCT_RE.search(words[k])):
        left.insert(0, words[k])
        if _EDGE_PUNCT_RE.search(words[k]):
            break
        if words[k].startswith("("):
            break
        k -= 1
    if left and k >= 0 and words[k].lower() in _NEGATIONS:
        left.insert(0, words[k])          # 'no longer want …', never 'longer want …': the negation stays
    right: list[str] = []
    k = j
    while k < len(words) and len(right) < context:
        right.append(words[k])
        if _EDGE_PUNCT_RE.search(words[k]) or words[k].endswith(")"):
            break
        k += 1
    return left, right


def _clean_window(words: list[str]) -> str:
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+([,.;:!?)])", r"\1", tidy(" ".join(words))))
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    return re.sub(r"\.\d+$", "", text).strip(" ,;:")     # a footnote number glued to the last word


@lru_cache(maxsize=4096)
def edit_window(old: str, new: str, context: int = 4,
                max_words: int = 24) -> tuple[str, str, str, str, str, str] | None:
    """The largest place where a reworded sentence differs, with a few words of context each
    side (never across a clause mark): (old window, new window, old words, new words). None
    when the sentences are equal or that place is too long to quote as one edit."""
    from tracker.changes.verdict import word_diff
    d = word_diff(old, new)
    regions: list[tuple[int, int]] = []        # [start, end) runs of '-'/'+' segments
    k = 0
    while k < len(d):
        if d[k][0] == " ":
            k += 1
            continue
        j = k
        while j < len(d) and d[j][0] != " ":
            j += 1
        if regions and regions[-1][1] == k - 1 and len(d[k - 1][1].split()) <= 2:
            regions[-1] = (regions[-1][0], j)      # two edits one or two words apart are one edit
        else:
            regions.append((k, j))
        k = j
    if not regions:
        return None

    def size(r: tuple[int, int]) -> int:
        """Words changed; a name brought in ('Quincy Data Center') weighs more than rewording."""
        return sum(len(t.split()) + (2 * sum(w[:1].isupper() for w in t.split()) if op == "+" else 0)
                   for op, t in d[r[0]:r[1]])
    a, b = max(regions, key=size)
    gone = [w for op, t in d[a:b] if op != "+" for w in t.split()]
    came = [w for op, t in d[a:b] if op != "-" for w in t.split()]
    if len(gone) > max_words or len(came) > max_words:
        return None
    before = d[a - 1][1].split() if a > 0 else []
    after = d[b][1].split() if b < len(d) else []
    left, _ = _window_side(before, len(before), len(before), context)
    _, right = _window_side(after, 0, 0, context)
    ow, nw = _clean_window(left + gone + right), _clean_window(left + came + right)
    if not ow or not nw or ow.lower() == nw.lower():
        return None
    return ow, nw, _trim(gone), _trim(came), _clean_window(left), _clean_window(right)


def words_around(sentence: str, focus: "re.Pattern[str]", context: int = 6) -> str | None:
    """The words of a sentence too long to quote whole around its focus, up to `context`
    words each side, never across a clause mark: a true excerpt, not a cut clause."""
    words = tidy(sentence).split()
    spans, at = [], 0
    for w in words:
        spans.append(at)
        at += len(w) + 1
    m = focus.search(" ".join(words))
    if m is None:
        return None
    i = max(k for k, p in enumerate(spans) if p <= m.start())
    j = max(k for k, p in enumerate(spans) if p < m.end()) + 1
    left, right = _window_side(words, i, j, context)
    loose = _EDGE_WORDS | {"which", "who", "whose", "where", "when", "if", "will", "is", "are"}
    while right and right[-1].lower().strip(",;:.") in loose:
        right.pop()
    while left and left[0].lower() in loose:
        left.pop(0)
    return _clean_window(left + words[i:j] + right)


_EDGE_WORDS = frozenset("the a an and or of to in for with by on at as that which".split())


def _trim(words: list[str]) -> str:
    """Words of an edit without the function words and punctuation at its ends."""
    text = _clean_window(words).split()
    while text and text[-1].lower().strip(",;:") in _EDGE_WORDS:
        text.pop()
    while text and text[0].lower() in _EDGE_WORDS:
        text.pop(0)
    return " ".join(text).strip(" ,;:")


_VERBISH_RE = re.compile(r"(?i:\b(?:is|are|was|were|be|been|will|may|can|must|might|could|should|do|does|"
                         r"has|have|had)\b)|\b[a-z]\w*(?:s|ed)\b|"
                         # 'By using the Services, you consent to …': the user's assent is a verb too
                         r"\b(?:you|we|they) (?:consent|agree|acknowledge|accept|authori[sz]e)\b")
# words ending in -s that are never the verb of a clause ('Binding Corporate Rules - Controller',
# 'as set forth by'): a piece holding only these is a name or a phrase, not a clause
_NOT_VERBS = frozenset("""as this his its us thus various always yes whereas perhaps unless
news across plus towards afterwards""".split())


# participles that open a clause of consequence after a comma (', providing insights into …',
# ', ensuring that …'): the sentence before them is whole, what they add is its effect
CONSEQUENCE_PARTICIPLES = frozenset({"providing", "ensuring", "allowing", "helping", "enabling", "making", "giving", "resulting",
                         "meaning"})

def has_verb(text: str) -> bool:
    """Some word of the text can be the verb of a clause (a crude test: auxiliaries, -s, -ed)."""
    return _has_verb(text)


def _has_verb(text: str) -> bool:
    if re.match(r"[A-Z][a-z]+ (?:the|your|our|its|their|a|an|this|these|data|information|personal|cookies)\b", text):
        text = text[:1].lower() + text[1:]   # 'Uses the data …' opening a clause is still a verb ('Swiss Safe' no)
    return any(m.group(0).lower() not in _NOT_VERBS for m in _VERBISH_RE.finditer(text))


_CONDITION_RE = re.compile(r"(?i)^(?:if|when|where|unless|although|while|because|once|as long as)\b")


def _bare_condition(text: str) -> bool:
    """'If you do not receive a reply from us': a condition cut off before what follows from it."""
    return bool(_CONDITION_RE.match(text)) and "," not in text


def _balanced(text: str) -> bool:
    """No parenthesis or quote left open, and none closed that the text did not open (a piece
    of a sentence split inside a parenthesis: 'DPF Principles) with regard to …')."""
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0 and text.count("“") <= text.count("”") and text.count('"') % 2 == 0


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


_COMMITTING_RE = re.compile(r"(?i)\b(?:not|never|n't|without|unless|only|consent|opt[- ]?in)\b")


# where the object of a withdrawn promise ends and its detail begins ('sell individually
# identifiable information | obtained online about its visitors | to anyone outside of Verizon')
_OBJECT_END_RE = re.compile(r"\s(?=(?:obtained|collected|received|gathered|submitted|about|to anyone|to any|"
                            r"with anyone|outside)\b)")


def _promise_heads(vp: str) -> list[str]:
    """Shorter names of a withdrawn promise's verb phrase, longest first: each ends before a
    participle or preposition of detail and keeps a verb and an object (four words or more)."""
    heads = [vp[:m.start()] for m in _OBJECT_END_RE.finditer(vp)]
    return [h for h in reversed(heads) if len(h.split()) >= 4 and not re.search(r"(?i)\b(?:and|or|the|a|an|of|your|its)$", h)]


# words a clause never ends on: a preposition, an article or a conjunction, a verb that announces
# its list ('include', 'such as', 'limited to', 'the following'), a verb of giving before its recipient
_AWAITS_OBJECT_RE = re.compile(r"(?i)(?<![.\w'’-])(?:to|of|for|with|by|from|at|into|onto|via|about|the|a|an|and|or|nor|"
                               r"include|includes|including|such as|e\.g|i\.e|following|are|is|as|than|"
                               r"their|its|our|your)[\s,;:.\-–—]*$")


def awaits_object(head: str) -> bool:
    """head, the words before a cut, stops before the object its last word needs ('… include,
    but are not limited to', '… such as'): a cut there ends mid-clause."""
    return bool(_AWAITS_OBJECT_RE.search(head[-40:]))


_SO_THAT_RE = re.compile(r"\s(?=so that\b)")


# a phrase that bounds what a negated verb denies: to whom, with whom, for what, except when
_SCOPE_RE = re.compile(r"(?:^|,)\s*(?:with|to|for|from|outside(?: of)?|other than|unless|except|without|beyond)\s", re.I)


def _negated_scope_lost(head: str, tail: str) -> bool:
    """A cut of a negated clause that drops the phrase bounding what it denies states a wider
    denial than the text makes ('We do not share any of your personal information' for '…,
    including your shopping history, with your cable or satellite TV provider')."""
    if not any(w.lower().strip(",.;:") in _NEGATIONS for w in head.split()):
        return False
    rest = re.split(r"[.;]\s", tail, maxsplit=1)[0]
    return _SCOPE_RE.search(rest.lstrip(" ,(")) is not None


# a purpose or relative opener: a start of text cut before the comma that ends it is no clause
_OPENER_ONLY_RE = re.compile(r"(?:To|In order to|So that|Such as|Including)\b")


# a word after a comma that announces a limit still to come: a cut never ends on it
_LIMITER_END_RE = re.compile(r"(?i),\s+(?:only|solely|just|but|except|even|and|or)$")
# a clause after the cut that bounds the practice before it: the head alone states a wider practice
# ('… another company, we will' without ', but only at your direction and with your consent')
_LIMITER = (r"\s*(?:[-–—]\s*)?(?:but |and )?(?:only|solely|unless|except|provided that|"
            r"as long as|so long as|subject to)\b")
_LIMITER_TAIL_RE = re.compile(r"(?i)[,;]?" + _LIMITER)
# such a limit further on in what a cut drops ('… Miro Services (which may include Personal Data),
# except for data that is considered Services Data'): the same words after a comma or semicolon
_LATER_LIMITER_RE = re.compile(r"(?i)[,;]" + _LIMITER)
# a head that stops on its auxiliary ('…, Comcast will'): the verb it stands for is in the cut-off part
_ELLIPTIC_END_RE = re.compile(r"(?i)\b(?:will|would|may|might|can|could|shall|should|must|does|do|did|has|have|is|are)$")


# a word that opens a clause of its own: the words after it hold that clause's verb
# (only before a noun phrase: 'who use the Internet' and 'if you close' hold verbs a crude test misses)
_SUBORDINATOR_RE = re.compile(r"(?i)\b(?:whether|which|who|whom|whose|because|although|unless|if|where|when|how|"
                              r"why|while|once|until)\s+(?=(?:the|a|an|your|our|its|their|this|these|those|any|all|"
                              r"such|some|each|every)\s)")


def _verbless_end(head: str) -> bool:
    """head ends inside a clause it opened and never gave its verb ('… obtaining clarity as to
    whether the information' of '… whether the information in your profile is accurate'): a
    cut there leaves the clause without its predicate."""
    opened = [m.end() for m in _SUBORDINATOR_RE.finditer(head)]
    return bool(opened) and not _has_verb(head[opened[-1]:])


# a condition set between commas after 'or', 'and' or 'but' ('… on 11 November 2026 or, if you are
# in the UK, when you make a choice'): the clause it conditions comes after its closing comma
_OPEN_ASIDE_RE = re.compile(r"(?i)\b(?:or|and|but),\s+(?:if|when|where|whenever|unless|while|whether|once|in case|"
                            r"as applicable|where applicable|if applicable)\b[^,;:()]*$")


def open_aside(head: str) -> bool:
    """head stops inside a condition set between commas after a conjunction ('… 2026 or, if you
    are in the UK'): the alternative it opens is cut before its own words, so the cut ends mid-clause."""
    return bool(_OPEN_ASIDE_RE.search(head[-120:]))


def other_language(text: str) -> bool:
    """text is written in another language than English (languages.sentence_language): its words
    cannot be cut at a whole phrase by English rules, so it is quoted whole or not at all."""
    from tracker.changes.languages import sentence_language
    return sentence_language(text) not in (None, "English")


def shorten(text: str, limit: int, keep: tuple[str, ...] = (), purpose: bool = False) -> str | None:
    """A start of text that ends at a clause boundary (',', ';', a dash, '(') and fits the
    limit with at least six words: whole clauses, never a word cut off mid-phrase. Of those,
    the one that keeps most of the terms in keep (lower case), then the longest. purpose: a
    headline may also stop before 'so that …' (a bullet keeps what the practice is for)."""
    if len(text) <= limit:
        return text
    if other_language(text):
        return None               # where a clause of another language may end is not read here
    best: tuple[int, int, str] | None = None
    promise = re.match(r"(?:Drops promise|No longer promises): (?P<who>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}|[Tt]he company) "
                       r"(?:will|does|shall) not (?P<vp>.+?)"
                       r"(?P<cond> unless .*| without .*| except .*)?$", text)
    if promise:       # 'Google drops its promise not to combine X without your consent'
        cond = promise.group("cond") or ""
        consent = " without your consent" if re.search(r"(?i)consent|opt[- ]?in|permission", cond) else ""
        if not cond or consent:
            who, vp = promise.group("who"), promise.group("vp")
            for cut in [vp, *_promise_heads(vp)]:      # the promise named by its verb and object
                short = f"{who} drops its promise not to {cut}{consent}"
                if len(short) <= limit and _balanced(short):
                    return short
    if text.startswith(("Drops promise", "No longer promises")):
        return None                       # a promise cut short would state a different promise
    for m in list(_SPLIT_RE.finditer(text)) + list(re.finditer(r"\s\(", text)) + list(_SO_THAT_RE.finditer(text) if purpose else []):
        if re.match(r",\s+(?:and|or)\b", text[m.start():]):
            continue                      # ', or a copy of …' continues a list
        if m.start() > limit:
            break
        if awaits_object(text[:m.start()]):
            continue                      # '… include, but are not limited to:' stops before its list
        head = tidy(text[:m.start()])
        if _LIMITER_END_RE.search(head):
            continue                      # '…, only' stops before the limit it announces ('to the extent …')
        if _LIMITER_TAIL_RE.match(text, m.start()) or _LATER_LIMITER_RE.search(text, m.start()) \
                or _ELLIPTIC_END_RE.search(head):
            continue                      # '… Comcast will' without ', but only with your consent'
        if _verbless_end(head) or open_aside(head):
            continue                      # '… tell you when your data' cut before its verb
        if text.startswith("New commitment") and not _COMMITTING_RE.search(head):
            continue                      # the cut would drop the commitment itself
        if _negated_scope_lost(head, text[m.start():]):
            continue                      # 'does not share any of your information' without 'with your TV provider'
        if _OPENER_ONLY_RE.match(head) and "," not in head:
            continue                      # 'To enable the purchase of these products': the opener, not its sentence
        if len(head.split()) >= 6 and _has_verb(head) and _balanced(head):
            low = head.lower()
            score = (sum(1 for t in keep if t in low), len(head), head)
            best = max(best, score) if best else score
    return best[2] if best else None


# a sentence whose act is to send the reader elsewhere: 'For more information, please see …',
# 'To read our EU privacy policy click here', 'Visit the Help Center to learn more'
_POINTER_RE = re.compile(
    r"(?i)^(?:for (?:more|further|additional|detailed) (?:information|details)\b|to (?:learn|read|find out|view|see) (?:more\b|about\b)?"
    r"|(?:please )?(?:see|visit|click|go to|read|refer to|consult|check out|learn more|find out more)\b|more information (?:about|on|is)\b)"
    r"|\bclick (?:here|on this link|the link)\b|\bplease (?:see|visit|go to|read|refer to|consult)\b|\bcan be found here\b"
    # or that is about the document itself: 'You should read this policy in its entirety', 'This
    # policy contains eight sections', 'you can jump to each by selecting the links below'
    r"|\bread (?:this|the|our) (?:privacy )?(?:policy|statement|notice)\b|\b(?:this|the|our) (?:privacy )?"
    r"(?:policy|statement|notice) (?:contains|has|is divided into) (?:\w+ )?(?:sections|parts)\b|\bjump to\b")
_LINK_TARGET_RE = re.compile(
    r"(?i)^to (?P<verb>read|view|see|access|review|manage|update|change|opt[- ]out of|learn (?:more )?about|"
    r"find out (?:more )?about) (?P<what>.+?),? "
    r"(?:please )?click (?:here|on this link|the link)$|^(?P<what2>.+?) can be found here$"
    r"|^for (?P<what3>(?:more |further )?information (?:for [^,]{1,40} )?(?:about|on|regarding) [^,]{3,80}|"
    r"a (?:list|copy|summary|description) of [^,]{3,200}?),? (?:please )?(?:click here|see here|visit here)$")


# advice to the reader rather than a practice of the company: 'Children should always ask a
# parent', 'we urge you to …', 'tips for staying safe online', 'be careful when …'
_ADVICE_RE = re.compile(r"(?i)^(?:you|users|children|kids|parents|members|visitors|minors|teens)\b[^.;]{0,40}\bshould\b|"
                        r"\b(?:we|the company|it) (?:urges?|encourages?|recommends?|advises?) (?:you|users|parents|children)\b|"
                        r"\btips\b|\bbe (?:careful|cautious|aware)\b|\bexercise (?:caution|care|discretion)\b|"
                        r"^(?:always|never|remember|keep in mind|think before)\b")


_ADVICE_WORDS = ("should", "urge", "encourage", "recommend", "advise", "tips", "careful", "cautious", "aware", "exercise",
                 "always", "never", "remember", "keep in mind", "think before")
_ADVICE_WORDS_RE = Prefiltered(re.compile("(?i)" + "|".join(_ADVICE_WORDS)), _ADVICE_WORDS)


def is_advice(text: str | None) -> bool:
    """A sentence that advises the reader ('You should exercise caution before …') rather than
    stating what the company does."""
    if not text or not _ADVICE_WORDS_RE.search(text):
        return False              # a literal pre-check: tidying every statement's sentence is costly
    return bool(_ADVICE_RE.search(tidy(text)))


@lru_cache(maxsize=8192)
def is_pointer(text: str | None) -> bool:
    """A sentence that only points the reader to another page, document or link."""
    return bool(text) and bool(_POINTER_RE.search(tidy(text or "")))


def link_phrase(text: str) -> str | None:
    """'To read our EU privacy policy click here' -> 'a link to its EU privacy policy' (with the
    owner's words already in the third person): what the link leads to, or None when the sentence
    is more than a link."""
    m = _LINK_TARGET_RE.match(tidy(text))
    if not m:
        return None
    what = (m.group("what") or m.group("what2") or m.group("what3") or "").strip()
    if len(what.split()) > 14:
        what = re.split(r" (?:and|or|from time to time|under|where)\b", what, maxsplit=1)[0]   # the thing linked, not all it is for
    if not what or len(what.split()) > 14:
        return None
    if what.split()[0].lower() in ("a", "an", "the", "our", "its", "your", "more", "this", "these"):
        what = what[:1].lower() + what[1:]
    verb = (m.group("verb") or "").lower()
    if verb and verb not in ("read", "view", "see", "access", "review"):
        what = f"{re.sub(r'^opt[- ]out', 'opt out', verb)} {what}"
    return f"a link to {what}"


# page furniture a scrape kept inside the policy text: share buttons, sign-up boxes, menus,
# teasers of other articles ('Share on Google Plus Share on LinkedIn', 'Sign Up*Invalid email
# address', 'Most Read 1 Opinion …', 'Try 1 month for 99¢'): never a statement of the policy
_CHROME_RE = Prefiltered(re.compile(
    r"\bShare (?:on|via) [A-Z]|\bSign ?Up(?=[A-Z*]|\s*\*)|\*\s*Invalid e-?mail|(?i:\bback to (?:the )?top\b)|"
    r"\bSkip to (?:main )?content\b|\bMost Read\b|(?i:\bsee all newsletters\b)|\bTry \d+ months? for\b|"
    r"\bExpand \w+ Expand\b|NEW!|\bLogo(?=\d|[A-Z])|(?i:\bkeep me logged in)|(?i:\bforgot your password\?)|"
    r"(?i:\bfor screen ?reader)"), ("share", "sign", "invalid", "back", "skip", "most read", "newsletters", "try",
                                      "expand", "new!", "logo", "logged", "forgot", "screen"))   # every match holds one
_WORDY_RE = re.compile(r"[A-Za-z]")
# a headline or card the page cut short with an ellipsis right after a word ('Treaty finalized to
# expand book...', 'To help make your Twitter experience better on one of your devices...'): a
# policy's own sentence ends with a stop, and its lists end with 'etc.'
_TEASER_RE = re.compile(r"(?<!\betc)(?<=[A-Za-z,'’])\s?(?:\.\.\.|…)$")
# a match ends the text (or its last line break), so it starts within this many characters of the
# end: only the end is searched, not every position of a sentence
_TEASER_REACH = 8
_TEASER_WORDS = 14   # longer, and it is a sentence that trails off, which the reader is shown
# a run of two capitalised words glued to the next item of a menu or heading ('Prime Instant
# VideosUnlimited streaming', 'Untitled DocumentUntitled Document'); a brand's own capitals
# ('the vendor DoubleClick', 'by NewspaperDirect') follow a lower-case word or a comma
_GLUED_MENU_RE = re.compile(r"\b[A-Z][\w&'-]* (?:& )?[A-Z][a-z]*[a-z]{3}[A-Z][a-z]{2,}"
                            # or a lower-case word glued to the next item ('ratings or complimentsUber business')
                            r"|(?<![\w.])[a-z]{5,}[A-Z][a-z]{2,}")


# a run of headlines or link titles a scrape kept as one "sentence" is long, mostly capitalised
# (each title is in Title Case) and has hardly a comma: a policy sentence that long with that
# many names lists them with commas ('include Target, Borders, Waldenbooks, …')
HEADLINE_RUN_WORDS = 25        # fewer words: a sentence naming a program or two ('… Safe Harbor Privacy Principles')
HEADLINE_RUN_CAPITALS = 0.6    # share of capitalised words; policy sentences full of names reach about 0.55
HEADLINE_RUN_WORDS_PER_COMMA = 15    # a list of names in prose has a comma (or semicolon) at least this often


def _headline_run(words: list[str]) -> bool:
    """words are a run of news headlines or link titles, not prose ('… highest-paying majors
    5 White House intruder was tackled by off-duty Secret Service agent The Most Popular All
    Over The Washington Post Armed contractor …'): many words, most capitalised, few commas."""
    if len(words) < HEADLINE_RUN_WORDS:
        return False
    commas = sum(w.count(",") + w.count(";") for w in words)
    return sum(1 for w in words if w[:1].isupper()) >= HEADLINE_RUN_CAPITALS * len(words) \
        and commas * HEADLINE_RUN_WORDS_PER_COMMA < len(words)


# a shop's or a site's menu flattened into one "sentence" ('Expand baby baby bath bath safety bath
# toys …'): long, hardly a small word of prose, and no commas (a list in prose has them)
MENU_RUN_WORDS = 16            # shorter runs may be a heading glued to a sentence ('Wireless (WiFi) Service Target offers …')
MENU_FUNCTION_SHARE = 0.1      # prose has far more small words than one in ten
MENU_CAPITALS = 0.3            # a lower-case menu; a line of names ('Ad Choices: Digital Advertising Alliance of Canada') is no menu
_MENU_SMALL_WORDS = frozenset("""a an the this that these those of to and or in on for with by from at as into about
is are was were be been will would may might can could should must shall do does did has have had not no
we us our you your it its they their them he she his her who which what when where if than then also only
any all some each such other more""".split()) | frozenset(
    # the same small words of the other languages policies are captured in (French, German, Spanish,
    # Italian, Dutch, Portuguese): a French sentence of prose is no menu for want of English ones
    """le la les un une des du de et ou à au aux en dans sur pour par avec est sont nous vous votre vos
    notre nos ce cette ces qui que ne pas il elle ils se sa son ses leur leurs
    der die das ein eine einen dem den des und oder zu im in auf für mit von ist sind wir sie ihre ihr
    unsere nicht wenn dass es sich auch bei
    el los las una unos y o en con por para es son nosotros su sus nuestro nuestra que se al del lo
    il lo gli una di da con per è sono noi voi vostro vostri nostro che non
    het een en van voor met op te zijn wij u uw ons niet dat
    os as um uma e ou em no na com por para é são nós você seu sua nosso não""".split())


def _menu_run(words: list[str]) -> bool:
    """words are a menu of links flattened into one line, not prose: many words, mostly in lower
    case, hardly one small word of prose among them, few commas (see MENU_RUN_WORDS)."""
    if len(words) < MENU_RUN_WORDS:
        return False
    small = sum(1 for w in words if w.lower().strip(",.;:()") in _MENU_SMALL_WORDS)
    commas = sum(w.count(",") + w.count(";") for w in words)
    capitals = sum(1 for w in words if w[:1].isupper())
    return small < MENU_FUNCTION_SHARE * len(words) and commas * HEADLINE_RUN_WORDS_PER_COMMA < len(words) \
        and capitals < MENU_CAPITALS * len(words)


def is_scraped_run(text: str) -> bool:
    """A long run of headlines, link titles or menu items a scrape kept as one sentence (see
    _headline_run and _menu_run): no sentence of the policy, so no name in it is one the
    policy gives. Unlike is_page_chrome, a short line of names ('Digital Advertising Alliance,
    European Digital Advertising Alliance, …') is never taken for one."""
    spaces = text.count(" ")
    if spaces < MENU_RUN_WORDS - 1 or (text.count(",") + text.count(";")) * HEADLINE_RUN_WORDS_PER_COMMA >= spaces + 1:
        return False              # too short for either run, or a comma as often as prose has one: no need to split
    return _scraped_words(_wordy(text))


# sentences whose is_page_chrome answer is kept: text_shares asks it of every sentence of both
# versions, so a 1 MB pair (8,000 distinct sentences) evicted each answer before the other side
# or the statements asked again (every ask a miss); a pure function, the answers are the same
PAGE_CHROME_MEMO = 16384


@lru_cache(maxsize=PAGE_CHROME_MEMO)
def is_page_chrome(text: str) -> bool:
    """A run of page furniture rather than a sentence of the policy: a share or sign-up
    widget, a menu or list of teasers (eight words or more, three in four capitalised), a
    long run of headlines or link titles with hardly a comma (see _headline_run), or a long
    lower-case menu with hardly a small word of prose (see _menu_run)."""
    if _CHROME_RE.search(text) or ("=" in text and re.search(r"\w=[^\s&]*&[\w-]+=", text)) or _GLUED_MENU_RE.search(text):
        return True               # a widget, a link's query string ('node=admin&destination=…'), a glued menu
    if _TEASER_RE.search(text, max(0, len(text) - _TEASER_REACH)) and len(text.split()) <= _TEASER_WORDS:
        return True               # a teaser the site cut short: 'Netflix shares jump, Apple and...'
    words = _wordy(text)
    return len(words) >= 8 and _capitalised(words) >= 0.75 * len(words) or _scraped_words(words)


# the words of a text that hold a Latin letter, each a whole whitespace-separated token: the
# lookbehind starts a match only at a token's start and the possessive run never backtracks
_WORDY_TOKEN_RE = re.compile(r"(?<!\S)[^\sA-Za-z]*+[A-Za-z]\S*")


def _wordy(text: str) -> list[str]:
    """[w for w in text.split() if _WORDY_RE.search(w)] in one scan of the text (\\s and
    str.split() agree on what is whitespace)."""
    return _WORDY_TOKEN_RE.findall(text)


def _capitalised(words: list[str]) -> int:
    """How many of words open with a capital letter."""
    return sum([w[:1].isupper() for w in words])


def _scraped_words(words: list[str]) -> bool:
    """_headline_run(words) or _menu_run(words), each count made once and only when needed:
    both want few commas, a headline run many capitals and a menu few, so the small words
    of prose are counted only for a line with few capitals."""
    n = len(words)
    if n < min(MENU_RUN_WORDS, HEADLINE_RUN_WORDS):
        return False
    joined = " ".join(words)       # the separator adds no comma
    if (joined.count(",") + joined.count(";")) * HEADLINE_RUN_WORDS_PER_COMMA >= n:
        return False
    capitals = _capitalised(words)
    if n >= HEADLINE_RUN_WORDS and capitals >= HEADLINE_RUN_CAPITALS * n:
        return True
    if n < MENU_RUN_WORDS or capitals >= MENU_CAPITALS * n:
        return False
    small = sum([w.lower().strip(",.;:()") in _MENU_SMALL_WORDS for w in words])
    return small < MENU_FUNCTION_SHARE * n



# -- saying that a practice is new ------------------------------------------------------------

# a line that says its change already: a label ('New right: ', 'No longer says: ', 'Names a new
# recipient: '), 'now', 'no longer', an old value '(was: …)', an edit verb that opens it ('Adds …')
_CHANGE_MARK_RE = re.compile(
    r"^(?:New(?: [a-z ]+)?|No longer [a-z ]+|Drops? [a-z ]+|Adds|Names [^:]{1,40}|Now [^:]{1,40}|Right no longer stated|"
    r"Retention rule dropped|Narrows its promise|Restates|Rewritten|Rewrite [a-z ]+|Cosmetic only):\s|"
    r"\bnow\b|\bno longer\b|\bnewly\b|\(was: |"
    r"^(?:Adds|Drops|Removes|Rewords|Names|Narrows|Widens|Restates|The new capture|Now)\b|"
    r"\b(?:is back|anymore|any more|instead of)\b", re.I)


def says_change(text: str) -> bool:
    """Does a line say what changed (a label, 'now', 'no longer', '(was: …)', an edit verb)?"""
    return bool(_CHANGE_MARK_RE.search(text))


_NOW_AFTER = frozenset({"may", "will", "can", "might", "could", "would", "should", "must", "shall", "is", "are", "has", "have"})
_ALREADY_NEW_RE = re.compile(r"(?i)\b(?:now|newly|no longer|anymore|any more)\b")
_NOT_A_VERB = frozenset("""its this his is was has does thus as us yes its plus various always perhaps news across
unless whereas towards afterwards services terms partners users""".split())


def _now_in(rest: str) -> str | None:
    """The predicate of a simple affirmative clause with 'now' put before its verb ('may keep
    track' -> 'may now keep track', 'also collects' -> 'now also collects', 'collects' -> 'now
    collects'); None when the clause is negated or its verb is not found."""
    words = rest.split(" ")
    if len(words) < 2 or words[1].lower().strip(",") in ("not", "never", "no") or words[0].lower().endswith("n't"):
        return None
    first = words[0].lower()
    if first in ("has", "have") and not (words[1].endswith(("ed", "en")) or words[1] in _PARTICIPLES):
        return " ".join(["now", *words])       # 'has a specific notice' -> 'now has a specific notice'
    if first in _NOW_AFTER:
        return " ".join([words[0], "now", *words[1:]])
    adverbs = 0
    while adverbs < 2 and adverbs < len(words) - 1 and (words[adverbs].lower() == "also" or (
            words[adverbs].lower().endswith("ly") and len(words[adverbs]) > 4)):
        adverbs += 1                           # 'also uses', 'automatically collects'
    verb = words[adverbs]
    if adverbs < len(words) - 1 and words[adverbs + 1].lower() in _NOW_AFTER | {"not", "never"}:
        return None                            # 'Glassdoor affiliates shall process': the -s word is a noun
    if adverbs < len(words) and (verb.lower() in ("does", "do") or (
            verb.isalpha() and verb.islower() and verb.endswith("s") and not verb.endswith("ss")
            and verb not in _NOT_A_VERB and len(verb) > 3)):
        if adverbs < len(words) - 1 and words[adverbs + 1].lower() in ("not", "never"):
            return None                        # 'also does not sell': a commitment, not a practice
        return " ".join(["now", *(w for w in words[:adverbs] if w.lower() not in _NOW_SAYS), *words[adverbs:]])
    return None


# adverbs that say what 'now' says: 'currently uses' is 'now uses', never 'now currently uses'
_NOW_SAYS = frozenset({"currently", "presently"})


def say_new(text: str, owner: str) -> str:
    """A sentence of the new version stated as new: 'now' before the verb of the company's own
    simple clause ('Twitter may now keep track of …', 'Acme now collects …'), else the sentence
    under 'New: ' ('New: these services may collect …'). A sentence that already says it is new
    ('now', 'no longer', a label of its own) is returned as it is."""
    if not text or _ALREADY_NEW_RE.search(text) or re.match(r"^[A-Z][A-Za-z ]{2,40}:\s", text):
        return text
    text = capitalise(_ADDING_OPENER_RE.sub("", text))     # 'Also, in order to …': 'New' says it is added
    for subject in (owner, "The company", "It"):
        if subject and text.startswith(subject + " "):
            said = _now_in(text[len(subject) + 1:])
            if said:
                return f"{subject} {said}"
            break
    at = text.find(f", {owner} ") if owner else -1
    if _LEAD_CLAUSE_RE.match(text) and 0 < at <= 160 and not re.search(r"[;:()]|\.\s", text[:at]):
        said = _now_in(text[at + len(owner) + 3:])      # 'If you apply for a job, Acme now collects …'
        if said:
            return f"{text[:at]}, {owner} {said}"
    return "New: " + text        # a whole sentence after the colon keeps its capital


_ADDING_OPENER_RE = re.compile(r"^(?:(?:Also|In addition|Additionally|Further|Furthermore|Moreover|And|Note|Please note),\s+|"
                               r"(?:Please |Also,? )?[Nn]ote that\s+)")
_PARTICIPLES = frozenset("been made put set taken given chosen built begun done shown written sent kept".split())
# a condition or setting before the company's own clause ('If you apply for a job at Acme, ',
# 'In addition to the public content you submit, '): no comma inside, no other clause's verb
_LEAD_CLAUSE_RE = re.compile(r"^(?:If|When|Where|In addition to|With|For|Through|Once|After|Before|While|As part of|"
                             r"On|In|To)\b")


def reads_was(said: str, old: str, new: str) -> str | None:
    """A reworded sentence whose change no rule could name, said with what its edit replaced:
    '… through the settings on the Privacy page (was: on the My Privacy page)'. None when the
    edit cannot be quoted beside the clause (a reader would have to guess what changed)."""
    window = edit_window(old, new)
    if window is None or not window[1] or window[1].lower() not in said.lower():
        return None
    if not (window[2] and window[3]) and not re.search(r"\w{4,}", window[2] or window[3]):
        return None           # 'My Privacy page' -> 'Privacy page': one small word, nothing to tell
    return f"{said} (was: {window[0][:1].lower() + window[0][1:] if window[0][1:2].islower() else window[0]})"


_WAS_WORD_RE = re.compile(r"[a-z]{4,}")


def keeps_was_context(cut: str, body: str, was: str) -> bool:
    """A cut of a statement still holds the words its old value '(was: …)' shares with the
    whole statement (the context of the edit, 'privacy settings … page' around 'My'): a cut that
    drops them leaves the old value paired with nothing."""
    shared = set(_WAS_WORD_RE.findall(was.lower())) & set(_WAS_WORD_RE.findall(body.lower()))
    return shared <= set(_WAS_WORD_RE.findall(cut.lower()))


_NOW_MARK_RE = re.compile(r"^New: |^((?:\S+ ){1,4})now (?=\S)")


def unmarked(text: str) -> str:
    """text without the 'New: ' or the 'now' that say_new puts in: the length the quote had."""
    return _NOW_MARK_RE.sub(lambda m: m.group(1) or "", text, count=1)


_ANY_ASIDE_RE = re.compile(r" \((?:[^()\s]+ ){3,}[^()]{1,80}\)(?=[\s,;.]|$)")     # four words or more: a definition


# an example list set off by commas inside a clause that goes on ('any of your personal
# information, including your shopping history, with your cable provider')
_INNER_EXAMPLE_RE = re.compile(r",\s+(?:including|such as|e\.g\.|for example)\s[^,;:()]{1,80},(?=\s+(?:with|to|for|from|outside|other than|unless|except|without|beyond|by|in|on)\s)")


def without_aside(text: str) -> str:
    """text without its asides in parentheses of any length ('aggregate information (information
    that does not directly identify an individual) with third parties') and without an example
    list set off by commas in the middle of its clause: a headline's form."""
    return _INNER_EXAMPLE_RE.sub("", _ANY_ASIDE_RE.sub("", text))


# an appositive that only names what the clause already said ('certain types of customer
# information, known as Customer Proprietary Network Information, for marketing purposes'):
# set off by commas in the middle of a clause, or closing it
_APPOSITIVE_RE = re.compile(r",\s+(?:also |otherwise |collectively |hereinafter )?(?:known as|called|referred to as|"
                            r"defined as)\s+[^,;:()]{1,80}(?:,(?=\s)|(?=\s*$))")

# a 'prior to / before / after …ing' qualifier inside one item of a list, ended by the next item
# ('the last URL you visited prior to clicking through to its Web site and your browser type')
_ITEM_QUALIFIER_RE = re.compile(r"(?<=\w)\s+(?:prior to|before|after|upon|when|while)\s+\w+ing\b[^,;:()]{0,60}?"
                                r"(?=,\s|\s+and\s+(?:your|the|a|an|its|their|our|any|other|information|data)\b)")


def without_qualifiers(text: str) -> str:
    """text without the appositives that rename a noun (', known as …,') and without a
    'prior to / after …ing' qualifier inside an item of a list that goes on after it: a
    headline's form that keeps the object and what changed."""
    text = _APPOSITIVE_RE.sub("", text)
    at = text.find(", ")
    if at > 0:      # a list: its items are set off by commas
        text = text[:at] + _ITEM_QUALIFIER_RE.sub("", text[at:])
    return re.sub(r"\s{2,}", " ", text).strip()
