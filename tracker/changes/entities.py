"""Entity extraction: laws, vendors, e-mails, domains, phones, durations and age thresholds.

The report lists only entities present on one side and absent on the other, so extraction must
be stable under rewording: every kind is normalised to a canonical form ("six (6) months" ->
"6 months", "+1 (555) 010-9999" -> "+15550109999").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


from tracker.changes.normalize import registrable_domain, url_host
from collections import Counter
from functools import lru_cache

from tracker.changes.literals import char_positions, finditer_runs, literal_hints, required_literals, search_near
from tracker.changes.parties import self_names
from tracker.changes.vendors import _seed_name as _seed
from tracker.changes.vendors import (AFFILIATES, COMPANY_RENAMED, VENDORS, family, find_vendors, in_menu, in_teaser,
                                    vendor_mentions,
                                    vendor_spans)

KINDS = ("laws", "vendors", "emails", "domains", "phones", "durations", "ages")

# canonical law name -> regex (case-sensitive unless (?i) inside)
LAWS: dict[str, str] = {
    "UK GDPR": r"\bUK[ -]GDPR\b|\bUnited Kingdom General Data Protection Regulation",
    "GDPR": r"(?<!UK )(?<!UK-)\bGDPR\b|\bGeneral Data Protection Regulation\b(?! \(UK)",
    "CCPA": r"\bCCPA\b|\bCalifornia Consumer Privacy Act\b",
    "CPRA": r"\bCPRA\b|\bCalifornia Privacy Rights Act\b",
    "COPPA": r"\bCOPPA\b|Children'?s Online Privacy Protection Act|Children'?s Online Privacy Protection Rule",
    "CAN-SPAM": r"\bCAN[- ]SPAM\b",
    "CalOPPA": r"\bCal ?OPPA\b|\bCalifornia Online Privacy Protection Act\b",
    "Shine the Light": r"Shine the Light|California Civil Code (?:Section |§ ?)?1798\.83",
    "LGPD": r"\bLGPD\b|Lei Geral de Prote[cç][aã]o de Dados",
    "PIPEDA": r"\bPIPEDA\b|Personal Information Protection and Electronic Documents Act",
    "HIPAA": r"\bHIPAA\b|Health Insurance Portability and Accountability Act",
    "FERPA": r"\bFERPA\b|Family Educational Rights and Privacy Act",
    "GLBA": r"\bGLBA\b|Gramm[- ]Leach[- ]Bliley",
    "FCRA": r"\bFCRA\b|Fair Credit Reporting Act",
    "VPPA": r"\bVPPA\b|Video Privacy Protection Act",
    "BIPA": r"\bBIPA\b|Biometric Information Privacy Act",
    "VCDPA": r"\bVCDPA\b|Virginia Consumer Data Protection Act",
    "CPA (Colorado)": r"Colorado Privacy Act",
    "CTDPA": r"\bCTDPA\b|Connecticut Data Privacy Act",
    "UCPA": r"\bUCPA\b|Utah Consumer Privacy Act",
    "PIPL": r"\bPIPL\b|Personal Information Protection Law",
    "APPI": r"\bAPPI\b|Act on the Protection of Personal Information",
    "POPIA": r"\bPOPIA\b|Protection of Personal Information Act",
    "Data Protection Act 2018": r"Data Protection Act,? 2018",
    "EU-U.S. Data Privacy Framework": r"EU-U\.?S\.? Data Privacy Framework|EU-US DPF\b|EU-U\.S\. DPF\b",
    "UK Extension to the EU-U.S. DPF": r"UK Extension to the EU-U\.?S\.? (?:Data Privacy Framework|DPF)|UK Extension\b",
    "Swiss-U.S. Data Privacy Framework": r"Swiss-U\.?S\.? Data Privacy Framework|Swiss-U\.?S\.? DPF\b",
    "Data Privacy Framework": r"(?<!EU-U\.S\. )(?<!Swiss-U\.S\. )(?<!EU-US )\bData Privacy Framework\b",
    "Swiss-U.S. Privacy Shield": r"Swiss[- ]U\.?S\.?(?:\s+(?:and|&)\s+EU[- ]U\.?S\.?)?\s+Privacy Shield",
    "Privacy Shield": r"Privacy Shield",
    "Standard Contractual Clauses": r"[Ss]tandard [Cc]ontract(?:ual)? [Cc]lauses|\bSCCs\b|[Ss]tandard [Cc]lauses|"
                                    r"[Ss]tandard [Dd]ata [Pp]rotection [Cc]lauses|"
                                    r"\b[Mm]odel [Cc]lauses|\b[Mm]odel [Cc]ontract(?:ual)? [Cc]lauses",
    "Binding Corporate Rules": r"Binding Corporate Rules",
    "ePrivacy": r"\bePrivacy|\be-Privacy|Privacy and Electronic Communications (?:Directive|Regulations)|\bPECR\b",
    # the bare acronyms are other things too (DMA: the Direct Marketing Association)
    "Digital Services Act": r"Digital Services Act",
    "Digital Markets Act": r"Digital Markets Act",
    "EU AI Act": r"\bAI Act\b|Artificial Intelligence Act",
    "Safe Harbor": r"Safe Harbou?r(?: Framework| Principles| program)",
    "DMCA": r"\bDMCA\b|Digital Millennium Copyright Act",
    "ECPA": r"\bECPA\b|Electronic Communications Privacy Act",
    "CLOUD Act": r"\bCLOUD Act\b",
    "Data Protection Directive": r"Data Protection Directive|Directive 95/46",
}
_LAW_RES = [(k, re.compile(v), literal_hints(v)) for k, v in LAWS.items()]
_LAW_HEADS = {k: required_literals(v) for k, v in LAWS.items()}
_ALL_LAW_HINTS = tuple(sorted({h for _, _, hints in _LAW_RES for h in hints}))
_LAW_RES_FOLD = [(k, re.compile(v, re.I), h) for k, (_, _, h), v in zip(LAWS, _LAW_RES, LAWS.values())]

_TM_RE = re.compile(r"(?<=[a-z])TM\b")   # 'FirefoxTM': a trademark sign spelled out and glued
_EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
_TLDS = ("com|org|net|gov|edu|io|co|ai|app|dev|info|biz|me|tv|us|uk|eu|de|fr|nl|ie|ca|au|jp|in|br|"
         "es|it|ch|se|no|fi|dk|be|at|pl|ru|cn|ly|gg|so|to|fm|xyz|cloud|tech|online|site|shop|health|int|mil")
# bare domains must be written in lower case ("purposes.In addition" is a missing space, not a
# site), and TLDs that are English words need a "www." or a second dot ("used.to" is prose)
_BARE_DOMAIN_RE = re.compile(rf"(?<![\w@.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{_TLDS})\b(?![\w-]|\.[a-z])")
# what every bare-domain match contains (a literal-led pattern: Python's re skips ahead to dots)
_DOT_TLD_RE = re.compile(rf"\.(?:{_TLDS})\b")
# the characters a bare domain (an e-mail address) is made of: each is searched for only in
# the runs of them around a '.com' (an '@'), not at every position of a whole policy
_DOMAIN_RUN_RE = re.compile(r"[A-Za-z0-9.-]+")
_EMAIL_RUN_RE = re.compile(r"[A-Za-z0-9._%+@-]+")
_ANY_DIGIT = re.compile(r"\d").search
_WORDLIKE_TLDS = {"in", "to", "it", "me", "so", "us", "be", "at", "no", "is", "as", "am", "an", "do", "go", "my",
                  "on", "or", "tv", "co", "fm", "ly", "gg", "ai", "io", "de"}
# a phone number: an optional country code ("+49", "(+31)"), an optional trunk "(0)", then groups of
# digits (the first may be in brackets) joined by one separator each; validated by find_phones
# (the leading lookahead lets the scan skip every character that cannot start a number)
_PHONE_RE = re.compile(r"(?=[(+\d])(?:(?<=[A-Za-z])(?=\(\+)|(?<![\w/.+-]))(?:\(\+\d{1,3}\)|\+\d{1,3})?(?:[ \t.\u2013-]{0,3}\(0\))?[ \t.\u2013-]{0,3}"
                       r"(?:\(\d{2,5}\)|\d{1,5})(?:(?: ?[\u2013.-] ?| )(?:\(\d{2,5}\)|\d{1,8})){1,5}(?![\d/_a-z]|[.-]\d)")
_PHONE_CUE_RE = re.compile(r"(?i)(?:phone|\btel\b|\btel\.|\bcall|\bfax|toll[- ]free|hotline|\bdial|\bmobile|"
                           r"contact (?:us|our) at)")
# North American shape: "(650) 253-0000", "650-253-0000", "1-800-555-0199", "650.253.0000"
_NANP_RE = re.compile(r"(?:1[ .-])?(?:\(\d{3}\) ?|\d{3}([.-]))\d{3}(?(1)\1|[.-])\d{4}")
_DATE_LIKE_RE = re.compile(r"(?:19|20)\d{2}(?:[ ./-]\d{1,2}){1,2}|\d{1,2}[ ./-]\d{1,2}[ ./-](?:19|20)\d{2}|"
                           r"(?:19|20)\d{2}\s*[\u2013-]\s*(?:19|20)\d{2}")

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-one": 21, "twenty-four": 24, "twenty-five": 25, "thirty": 30, "thirty-six": 36,
    "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a single": 1,
}
_NUM = r"(?:\d{1,4}(?:,\d{3})?|" + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS if w not in ("a", "an", "a single")), key=len, reverse=True)) + ")"
_UNIT = r"(?:second|minute|hour|day|business day|calendar day|working day|week|month|year)s?"
_DURATION_RE = re.compile(
    rf"(?i)\b({_NUM})(?:\s*\((\d{{1,4}})\))?(?:\s|-)+({_UNIT})\b")
_UNIT_RE = re.compile(r"(?i)(?<![a-z])(?:second|minute|hour|day|week|month|year)s?\b")
# a number from 8 to 21 standing alone: (?<!\d)(?:[89]|1\d|2[01])(?!\d), its first digit matched
# before the look back (which covers it too) so that re skips to those digits, not trying the look
# back at every position of a whole text
_AGE_NUM_RE = re.compile(r"[1289](?<!\d[1289])(?:(?<=[89])|(?<=1)\d|(?<=2)[01])(?!\d)")
_AGE_RES = [
    re.compile(r"(?i)\b(?:under|below|younger than|less than|over|older than|at least|minimum age of|"
               r"the age of|age of|aged?|ages?)\s+(?:the\s+age\s+of\s+)?(?:majority\s+)?\(?(\d{1,2})\)?(?:\s+years)?"),
    re.compile(r"(?i)\b(\d{1,2})\s+years?\s+(?:of\s+age|old|or\s+(?:older|younger|over|under))"),
    re.compile(r"(?i)\b(\d{1,2})\+"),
    re.compile(r"(?i)\b(?:under|over)-(\d{1,2})s?\b"),
]


@dataclass
class Entities:
    laws: set[str] = field(default_factory=set)
    vendors: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    domains: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    durations: set[str] = field(default_factory=set)
    ages: set[str] = field(default_factory=set)
    # hosts that only a link target names (not written in the text), and whether there are
    # any: a plain-text copy of a Markdown page loses them all without a change
    linked_only: set[str] = field(default_factory=set)
    has_links: bool = False

    def get(self, kind: str) -> set[str]:
        return getattr(self, kind)


def _num(token: str) -> int | None:
    t = token.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return NUMBER_WORDS.get(t)


def find_durations(text: str) -> set[str]:
    """'six (6) months', '30-day', 'thirty days' -> {'6 months', '30 days'}."""
    out = set()
    matches: list[re.Match[str]] = []
    for u in _UNIT_RE.finditer(text):     # units are rarer than numbers: look behind each
        lo = max(0, u.start() - 40)
        matches.extend(m for m in _DURATION_RE.finditer(text, lo, u.end()) if m.end() == u.end())
    for m in matches:
        n = _num(m.group(2) or m.group(1))
        if n is None or n == 0:
            continue
        start = m.start()
        tail = text[m.end():m.end() + 24]
        if re.match(r"[\s-]*(?:of age|old|or (?:older|younger|over|under)|of age or)", tail, re.I):
            continue  # an age, not a period ('35 year-old women')
        if _RATE_RE.match(tail) or _NOT_A_PERIOD_RE.match(tail):
            continue  # a rate ('24 hours a day, 7 days a week'), a delivery speed ('2-day shipping')
        if _title_case_run(text, start, m.end()):
            continue  # 'FREE 2-Day Shipping', 'How to Find a Job in 72 Hours Earn a Higher Salary'
        if in_teaser(text, start):
            continue  # 'Try 1 month for 99¢ ...': a teaser, cut short
        # "24/7", "section 3 days"... skip numbers glued to a slash or part of dates
        if start and text[start - 1] in "/.":
            continue
        if m.group(3)[:1].isupper() and in_menu(text, start, m.end(), across_lines=True):
            continue  # 'Shop by Age 2-3 Years 4-5 Years': a menu of ranges, not a period
        unit = m.group(3).lower().replace("business ", "business-").replace("calendar ", "calendar-") \
            .replace("working ", "working-").rstrip("s")
        unit = unit.replace("business-day", "business day").replace("calendar-day", "day").replace("working-day", "business day")
        out.add(f"{n} {unit}" + ("s" if n != 1 else ""))
    return out


# after a period: 'a day', 'per week' make it a rate; 'shipping', 'delivery' a delivery speed
_RATE_RE = re.compile(r"(?i)\s+(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year)\b")
_NOT_A_PERIOD_RE = re.compile(r"(?i)[\s-]+(?:free\s+)?(?:shipping|delivery|shipment)\b")
_CAP_WORD_RE = re.compile(r"[A-Z0-9][\w'’&.-]*")


def _title_case_run(text: str, start: int, end: int) -> bool:
    """Is the period written with a capital unit inside a run of title-case words, a menu
    entry, an offer or a headline ('FREE 2-Day Shipping, No Minimum', 'Find a Job in 72 Hours
    Earn a Higher Salary')? A period of prose has its unit in lower case."""
    unit = re.search(r"[A-Za-z]+$", text[start:end])
    if not unit or not unit.group(0)[:1].isupper():
        return False
    before = text[max(0, start - 40):start].split()[-2:]
    after = text[end:end + 40].split()[:2]
    if not after or not before:
        return False
    cap = [w for w in before + after if _CAP_WORD_RE.match(w) or w.lower() in ("a", "an", "the", "of", "to", "in", "for",
                                                                            "and", "&", "by", "on", "at")]
    return len(cap) == len(before) + len(after) and not before[-1].endswith((".", ":", "!", "?"))


def find_ages(text: str) -> set[str]:
    out = set()
    windows: list[tuple[int, int]] = []
    for hit in _AGE_NUM_RE.finditer(text):
        lo, hi = max(0, hit.start() - 40), min(len(text), hit.end() + 25)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    for rx in _AGE_RES:
        for m in (m for lo, hi in windows for m in rx.finditer(text, lo, hi)):
            n = int(m.group(1))
            if 8 <= n <= 21:
                ctx = text[max(0, m.start() - 80):m.end() + 80].lower()
                if re.search(r"\b(?:age|aged|child|children|minor|minors|kid|teen|years old|year old|old|parent|older|younger|adult|majority|birthday)\b", ctx):
                    out.add(str(n))
    return out


def phone_key(written: str) -> str:
    """The canonical form of a phone number: '+' and every digit of an international number
    (a trunk '(0)' after the country code dropped), '+1' and ten digits for a North American
    number written without it, the digits as written for other national numbers.
    '+49 30 13889-0' -> '+4930138890', '(650) 253-0000' -> '+16502530000'."""
    w = written.strip()
    intl = w.startswith(("+", "(+"))
    if intl:
        w = re.sub(r"(?<=\d)\)?[\s.\u2013-]*\(0\)", "", w, count=1)   # '+31 (0)70' -> '+3170'
    digits = re.sub(r"\D", "", w)
    if intl:
        return "+" + digits
    if len(digits) == 10 and digits[0] in "23456789" and _NANP_RE.fullmatch(w):
        return "+1" + digits
    if len(digits) == 11 and digits[0] == "1" and _NANP_RE.fullmatch(w):
        return "+" + digits
    return digits


def _is_phone(m: re.Match[str], text: str) -> bool:
    """A candidate number is a phone: 9 to 15 digits, not a date or a range of years, and either
    written with a country code, in the North American shape, or just after a word like 'phone'."""
    w = m.group(0).strip(" \t.-\u2013")
    digits = re.sub(r"\D", "", w)
    if not 9 <= len(digits) <= 15 or _DATE_LIKE_RE.fullmatch(w):
        return False
    if re.search(r"\d[.]\d{1,3}[.]\d{1,3}[.]\d", w):
        return False          # an IP address or a version number
    if w.startswith(("+", "(+")) or _NANP_RE.fullmatch(w):
        return True
    return bool(_PHONE_CUE_RE.search(text[max(0, m.start() - 30):m.start()]))


def find_phones(text: str) -> set[str]:
    """Phone numbers of text by their canonical key (see phone_key)."""
    out: set[str] = set()
    if not _ANY_DIGIT(text):
        return out     # every number the pattern matches has digits
    for m in _PHONE_RE.finditer(text):
        if _is_phone(m, text):
            out.add(phone_key(m.group(0)))
    return out


_GLUED_WORD_RE = re.compile(r"(?<=[a-z0-9])\.[A-Z][a-z]+$")


def _emails_in(text: str) -> list[re.Match[str]]:
    """list(_EMAIL_RE.finditer(text)), tried only around each '@'."""
    return finditer_runs(_EMAIL_RE, text, char_positions(text, "@"), _EMAIL_RUN_RE) if "@" in text else []


def find_emails(text: str) -> set[str]:
    """E-mail addresses of text, lower case; a capitalised word glued after a lower-case
    address is the next sentence ('privacy@twitter.com.We will' -> 'privacy@twitter.com')."""
    if "@" not in text:
        return set()
    out = set()
    for m in _emails_in(text):
        address = m.group(0)
        glued = _GLUED_WORD_RE.search(address)
        if glued and "." in address[address.index("@"):glued.start()]:
            address = address[:glued.start()]
        glued_label = _LABEL_GLUED_RE.match(address)
        if glued_label:      # 'Canadaprivacy-ca@apple.com': a table's label glued to the address
            address = address[glued_label.end(1):]
        address = address.lower().rstrip(".")
        if address.split("@", 1)[0] not in _PLACEHOLDER_LOCALS:
            out.add(address)
    return out


# the shape of an address the text explains, not an address to write to ('Your Facebook e-mail
# address will include your public username like so: username@facebook.com')
_PLACEHOLDER_LOCALS = frozenset({"username", "yourname", "your.name", "yourusername", "your_username", "user.name",
                                 "firstname.lastname", "first.last", "firstname", "name.surname", "john.doe",
                                 "jane.doe", "johndoe", "janedoe", "someone", "you", "yourid"})


_LABEL_GLUED_RE = re.compile(r"([A-Z][a-z]+)(?=(?:privacy|support|help|info|contact|legal|dpo|security|feedback|abuse)"
                             r"[\w.+-]*@)")


@lru_cache(maxsize=16384)
def host_key(host_or_url: str) -> str | None:
    """The canonical form of a web address: its host name, lower case, without 'www.', a port
    or a path ('https://WWW.Example.co.uk/x?y' -> 'example.co.uk', 'help.uber.com/a' ->
    'help.uber.com'); None for what is not a web address (mail, phone, fragment, bare IP)."""
    if registrable_domain(host_or_url) is None:
        return None
    return re.sub(r"^www\d{0,2}\.", "", url_host(host_or_url) or "") or None


def find_domains(text: str, urls: list[str], written: list[str] | None = None) -> set[str]:
    """Web hosts linked from or written in text, by host_key; written: _written_domains(text)
    when already known (the scan of a whole text is the costly part)."""
    out = set()
    for u in urls:
        d = host_key(u)
        if d:
            out.add(d)
    for d in _written_domains(text) if written is None else written:
        out.add(d)
    return out


def _written_domains(text: str) -> list[str]:
    """The host_key of every bare domain written in text, in text order."""
    out: list[str] = []
    if not _DOT_TLD_RE.search(text):
        return out     # a bare domain ends in '.' + a TLD: without one, nothing to scan for
    email_spans = [m.span() for m in _emails_in(text)]
    for m in finditer_runs(_BARE_DOMAIN_RE, text, (d.start() for d in _DOT_TLD_RE.finditer(text)), _DOMAIN_RUN_RE):
        if any(s <= m.start() < e for s, e in email_spans):
            continue
        if text[max(0, m.start() - 4):m.start()].lower() == "non-" or m.group(0).lower().startswith("non-"):
            continue
        if m.start() and text[m.start() - 1] == "=":
            continue      # 'canvas_permalink_id=washpost.com/8bvh5zpd9k': a page script's setting
        host = m.group(0)
        tld = host.rsplit(".", 1)[-1]
        if tld in _WORDLIKE_TLDS and not host.lower().startswith("www.") and host.count(".") < 2:
            continue
        if not host.islower() and in_menu(text, m.start(), m.end(), across_lines=True):
            continue      # 'Bookworm.com Books For Children Casa.com Kitchen': a menu of brand sites
        d = host_key(host)
        if d and not re.fullmatch(r"(?:e\.g|i\.e|u\.s|etc)\.[a-z]+", d):
            out.append(d)
    return out


@lru_cache(maxsize=4096)
def extract_sentence(text: str) -> Entities:
    """extract() for one sentence, memoised: the detector asks about the same sentences often."""
    return extract(text)


@lru_cache(maxsize=4096)
def sentence_laws(text: str) -> set[str]:
    """extract_sentence(text).laws, the same set built the same way, without the rest: the
    rules that only ask which laws a sentence cites (every changed sentence, once per law a
    report names) never pay for its vendors, the costliest kind to read. Never mutated."""
    return find_laws(text, text.lower(), False)


@lru_cache(maxsize=4096)
def sentence_durations(text: str) -> set[str]:
    """extract_sentence(text).durations without the rest (see sentence_laws). Never mutated."""
    return find_durations(text)


# the kinds a changed sentence is told material by (verdict.is_material), the cheap ones first:
# the vendors, the costliest to read, only when every other kind is the same on both sides
DELTA_KINDS = ("laws", "emails", "phones", "durations", "ages", "vendors")


@lru_cache(maxsize=16384)
def sentence_kind(text: str, kind: str) -> set[str]:
    """extract_sentence(text).get(kind) for one kind of DELTA_KINDS, built as extract builds it,
    without the other kinds (a sentence's domains are never compared). Never mutated."""
    if kind == "laws":
        return sentence_laws(text)
    if kind == "durations":
        return sentence_durations(text)
    if kind == "vendors":
        return find_vendors(_TM_RE.sub("", text) if "TM" in text else text, False)
    if kind == "emails":
        return find_emails(text)
    if kind == "phones":
        return find_phones(text)
    if kind == "ages":
        return find_ages(text)
    raise ValueError(f"not a compared kind: {kind}")


def find_laws(text: str, low: str, fold: bool) -> set[str]:
    """The laws and frameworks text cites (low: text in lower case; fold: any case)."""
    laws: set[str] = set()
    present = {h for h in _ALL_LAW_HINTS if h in low}   # one test per hint, not per law and hint
    for name, rx, hints in (_LAW_RES_FOLD if fold else _LAW_RES):
        if hints and present.isdisjoint(hints):
            continue
        heads = None if fold else _LAW_HEADS[name]
        if heads is not None and not any(h in text for h in heads):
            continue   # no match can start anywhere in this text
        if search_near(rx, text, low, hints, heads=heads):
            laws.add(name)
    if fold and "UK GDPR" in laws and not re.search(r"(?i)(?<!uk )(?<!uk-)\bgdpr\b", text):
        laws.discard("GDPR")
    if laws & {"EU-U.S. Data Privacy Framework", "Swiss-U.S. Data Privacy Framework", "UK Extension to the EU-U.S. DPF"}:
        laws.discard("Data Privacy Framework")   # the generic name is part of the specific ones
    return laws


def extract(text: str, urls: list[str] | None = None, fold: bool = False) -> Entities:
    """All entities of one text; urls are link targets collected during normalisation."""
    ent = Entities()
    ent.laws = find_laws(text, text.lower(), fold)
    ent.vendors = find_vendors(_TM_RE.sub("", text) if "TM" in text else text, fold)
    ent.emails = find_emails(text)
    written = _written_domains(text)
    ent.domains = find_domains(text, urls or [], written)
    if urls:
        ent.linked_only = ent.domains - find_domains(text, [], written)
        ent.has_links = bool(ent.linked_only)
    ent.phones = find_phones(text)
    ent.durations = find_durations(text)
    ent.ages = find_ages(text)
    return ent


_MAIL_PROVIDERS = {"gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "aol", "icloud", "proton",
                   "protonmail", "gmx", "mail", "example"}


# the mailboxes a company opens for its own readers ('privacy@', 'dpo@', 'legal@'): one such
# address names the company; any other single address may be a regulator's or a partner's
_ROLE_MAILBOX_RE = re.compile(r"(?:privacy|data|dpo|gdpr|legal|support|help|contact|compliance|copyright|"
                              r"security|abuse|feedback|customer|service|care|ccpa|optout|opt-out|unsubscribe|"
                              r"hello|team|trust|(?:info|mail|office|enquiries|inquiries|webmaster)$)")


def first_party(texts: list[str], urls: list[str], fold: bool = False) -> tuple[str | None, str | None]:
    """(vendor family, domain label) of the policy's own company: the most named company and
    the most linked site, so its own products and help sites are not reported as third parties."""
    counts: Counter[str] = Counter()
    for t in texts:
        for canon, n in vendor_mentions(t, fold).items():
            counts[family(canon)] += n
    fam = None
    n1 = n2 = 0
    if counts:
        (top, n1), *rest = counts.most_common(2) + [("", 0)]
        n2 = rest[0][1]
        if n1 >= 5 and n1 >= 3 * max(n2, 1):
            fam = top
    dom_counts: Counter[str] = Counter()
    public: set[str] = set()        # a regulator's or a government's site: whom the policy points to
    for u in urls:
        d = registrable_domain(u)
        if d:
            dom_counts[d.split(".")[0]] += 1
            if _PUBLIC_SITE_RE.search(d):
                public.add(d.split(".")[0])
    mail_counts: Counter[str] = Counter()
    role_mail: set[str] = set()     # domains with a privacy, legal or support mailbox
    for t in texts:   # the company's own contact addresses are the strongest sign of who it is
        for key, role in _mail_keys(t):
            mail_counts[key] += 1
            if role:
                role_mail.add(key)
    label = None
    if mail_counts:
        top_m, times = _top_mail(texts, mail_counts)
        # one address alone may be a regulator's or a partner's ('… write to the Berlin
        # commissioner at mailbox@datenschutz-berlin.de'): it names the company only when
        # the text gives it twice, links to its site twice, names the company by it or it is
        # a privacy, legal or support mailbox
        named = bool(fam) and (top_m.startswith(_key(fam or "")) or _key(fam or "").startswith(top_m))
        if times >= 2 or dom_counts.get(top_m, 0) >= 2 or named or top_m in role_mail:
            label = top_m
    own_sites = Counter({d: n for d, n in dom_counts.items()
                         if not _other_vendor_site(d, fam) or (fam is None and _named_most(texts, d, dom_counts))})
    if label is None and own_sites:
        top_d, n = own_sites.most_common(1)[0]
        # a site's name of three letters ('arc.net') names the author only as a name the text writes
        if n >= 3 and (len(top_d) >= 4 or len(top_d) == _SHORT_SITE
                       and _written_times(texts, top_d, capitalised=True) >= _LABEL_WRITTEN_TIMES):
            label = top_d
    if label is None and not fam:
        label = _site_named(texts, Counter({d: n for d, n in own_sites.items() if d not in public}))
    if label and mail_counts and not fam:
        label = _named_label(texts, label, dom_counts)
    if label and not fam:
        label = _written_site(texts, label, dom_counts)
    # without a site or an address of its own to go by, a company named 15 times and three
    # times as often as any other is the author
    dominant = bool(fam) and n1 >= 15 and n1 >= (5 if label else 3) * max(n2, 1) \
        and not _site_name_leads(texts, label, n1, fam)
    we = _self_name(texts)
    calls_fam_we = bool(fam) and bool(we) and _key(fam or "") in (_key(we or ""), _key(family(_seed(we or ""))))
    site = _written_site(texts, "", dom_counts, n1) if fam and not calls_fam_we else ""
    if site:
        fam, label = None, site     # IMDb's policy names Amazon 6 times and itself 137 times
    if calls_fam_we:
        dominant = True     # the text calls the most named company "we"
    elif fam and we and not _owns_site(fam, label):
        fam = None          # the text calls another company "we": the most named is a partner
                            # (Facebook, 53 times in a Glassdoor policy about signing in with it)
    if fam and not _owns_site(fam, label) and not dominant:
        fam = None   # the most named company is the author only if it owns the main site or dominates
    if not fam and we:
        fam = family(_seed(we))
    if fam and not label:
        label = fam.lower()
    return fam, label


# a linked site's name this short may be an abbreviation of anything ('co', 'abc')
_SHORT_SITE = 3


def _other_vendor_site(domain: str, fam: str | None) -> bool:
    """Is domain the site of a known company other than fam, the company the text names most
    ('google' in a policy that links to Google's ad settings and cookie pages 24 times)? Such a
    site is whom the policy points to, never its author: the author of a policy by that company
    names it most."""
    named = {family(c) for c in vendor_mentions(domain, True)}
    return bool(named) and fam not in named


def _named_most(texts: list[str], site: str, sites: Counter[str]) -> bool:
    """Does the text write site's name at least as often as the name of any other site it links
    most ('Mozilla' 18 times for mozilla.org beside 'Mailfence' 6 times; 'Automattic' 52 times
    beside 'WooCommerce' 20), and _SITE_WRITTEN_MIN times at least? A known company's site is then
    the author's, when no company is named most by a clear margin; 'Google' 8 times beside 'Qiwi'
    16 times is not, nor 'Google' 6 times in a carrier's policy that links nothing of its own."""
    mine = _label_times(texts, site)
    return mine >= _SITE_WRITTEN_MIN and all(mine >= _label_times(texts, d)
                                                for d, _ in sites.most_common(_WRITTEN_SITES) if d != site)


def _site_named(texts: list[str], sites: Counter[str]) -> str | None:
    """A site the policy links to, of no known company, whose name its text writes as a name
    _LABEL_WRITTEN_TIMES times or more ('Savetz Publishing' 14 times for one link to
    savetzpublishing.com, in a policy that links to Google more): the author's, when no site is
    linked often enough to tell; the most linked of those, or None."""
    for site, _ in sites.most_common(_WRITTEN_SITES):
        if len(site) >= _INSIDE_SITE_MIN and (_written_times(texts, site, capitalised=True) >= _LABEL_WRITTEN_TIMES
                                              or _whole_times(texts, site) >= _LABEL_WRITTEN_TIMES):
            return site
    return None


# a site's name shorter than this may be an abbreviation of anything
_INSIDE_SITE_MIN = 4
# a government's or a public body's site ('privacyshield.gov', 'ec.europa.eu', 'cnil.fr' is no such ending:
# it is linked too rarely to count): named by a policy, never its author when nothing else says so
_PUBLIC_SITE_RE = re.compile(r"\.(?:gov|gouv|gob|gv|int|mil)(?:\.[a-z]{2})?$|(?:^|\.)europa\.eu$")


def _whole_times(texts: list[str], site: str) -> int:
    """How often the texts write the site's name as a name of two words or more, each capitalised
    ('Savetz Publishing' for savetzpublishing), never in an address."""
    if not site.isalpha():
        return 0
    pattern = re.compile(r"(?i)(?<![@./\w'’-])" + " ?".join(map(re.escape, site)) + r"(?![\w@'’-]|\.[a-z])")
    return sum(1 for t in texts for m in pattern.finditer(t)
               if " " in m.group(0) and all(w[:1].isupper() for w in m.group(0).split(" ")))


def _top_mail(texts: list[str], mail_counts: Counter[str]) -> tuple[str, int]:
    """The mail domain given most often, and how often; between domains given as often, the one
    whose name the text writes most ('dpo@scalingo.com' beside a host's 'personal-data@outscale.com',
    each given four times, in a policy that writes 'SCALINGO' 120 times and 'OUTSCALE' 15 times;
    'Lydia' 109 times for lydia-app against 'PayLead' 40 times)."""
    most = max(mail_counts.values())
    tied = sorted(k for k, n in mail_counts.items() if n == most)
    if len(tied) == 1:
        return tied[0], most
    return max(tied, key=lambda k: _label_times(texts, k)), most
@lru_cache(maxsize=4)
def _mail_keys(text: str) -> tuple[tuple[str, bool], ...]:
    """(the site's name, a privacy, legal or support mailbox?) of each e-mail address of a text at
    no mail provider, in order; once per version (the next pair of a history asks again)."""
    out = []
    for m in _emails_in(text):
        local, host = m.group(0).lower().rsplit("@", 1)
        if host.split(".")[-2] not in _MAIL_PROVIDERS:
            domain = registrable_domain(host)
            out.append((domain.split(".")[0] if domain else host, bool(_ROLE_MAILBOX_RE.match(local))))
    return tuple(out)


# the linked site whose name stands for an address name the text never writes: this many links at least
_LABEL_SITE_LINKS = 3
# ... and the text writes the site's name as a word this many times as often as any word the address's
# name starts ('Roblox' 259 times against 'Advertising' for 'leonardi.adv.br')
_LABEL_SITE_OVER = 5
# letters of a name that start the words it is written in ('Integral' of 'integralads')
_LABEL_HEAD = 4


def _named_label(texts: list[str], label: str, dom_counts: Counter[str]) -> str:
    """The policy's own label, a name its text writes: a mail domain it never writes (a DPO law
    firm's 'dpo.acme@leonardi.adv.br' given four times, an address spelled backwards against spam:
    'rivacypay@ediafiremay.omcay', a processor's 'privacy@integralads.com' in a list of them) gives
    way to the site the policy links to most, when the text writes that site's name as a word
    _LABEL_SITE_OVER times as often ('Roblox', 'MediaFire', 'Dailymotion'); a site of a named
    company ('google') never stands for the author."""
    sites = [d for d, n in dom_counts.most_common(1) if n >= _LABEL_SITE_LINKS and d != label
             and len(d) >= 3 and not vendor_mentions(d, True)]
    if not sites or _written_times(texts, label):
        return label
    head = re.compile(rf"(?<![@./\w-]){re.escape(label[:_LABEL_HEAD].capitalize())}")
    label_words = sum(len(head.findall(t)) for t in texts)
    site_words = _written_times(texts, sites[0])
    return sites[0] if site_words >= max(_LABEL_WRITTEN_TIMES, _LABEL_SITE_OVER * label_words) else label


# a site's name the text writes this often as a word is a name the text calls itself
_LABEL_WRITTEN_TIMES = 3
# a linked site's name stands for the author only when the text writes it this often: a payment
# provider linked in four places and named four times ('PAYONE') is a processor, not the author
_SITE_WRITTEN_MIN = 10
# the sites linked most that may name the author instead of its label: a few, each a scan of the text
_WRITTEN_SITES = 3


def _written_site(texts: list[str], label: str, dom_counts: Counter[str], named: int | None = None) -> str:
    """The policy's own label, the name it calls itself by: a label the text names rarely gives way
    to a site it links to _LABEL_SITE_LINKS times whose name it writes _LABEL_SITE_OVER times as
    often ('Tinder' 16 times against its EU representative's 'rep_tinder@prighter.com' and
    'Prighter' twice; 'Vodafone' 110 times against a cookie table's 69 links to cookiepedia.co.uk;
    'IMDb' against a parent's 'eu-privacy@amazon.co.uk'); a site of a named company ('google')
    never stands for the author. named: how often the text names the label's company, when
    it is a vendor's family ('Amazon'), not a site's name."""
    sites = [d for d, n in dom_counts.most_common() if n >= _LABEL_SITE_LINKS and d != label
             and len(d) >= 3 and not vendor_mentions(d, True)][:_WRITTEN_SITES]
    if not sites:
        return label
    written = {d: _written_times(texts, d, capitalised=True) for d in sites}
    best = max(sites, key=lambda d: written[d])
    need = max(_SITE_WRITTEN_MIN, _LABEL_SITE_OVER * (_label_times(texts, label) if named is None else named))
    return best if written[best] >= need else label


def _label_times(texts: list[str], label: str) -> int:
    """How often the texts write the label's name: as a word ('lydia'), or as a capitalised word
    its first letters spell ('Swiss' of 'Swiss Post' for swisspost, 'Lydia' for lydia-app, 'Sony'
    for sonypictures), a name the text does not write in lower case as often ('Cookie' of
    cookiepedia is a noun), whichever is more."""
    head = re.compile(rf"{_unglued(label[:_LABEL_HEAD].capitalize())}[a-z]*(?![\w@-])")
    words = Counter(w for t in texts for w in head.findall(t) if label.startswith(w.lower()))
    names = [n for w, n in words.items()
             if n > _NAME_OVER_NOUN * sum(len(re.findall(rf"{_unglued(w.lower())}(?![\w@-])", t)) for t in texts)]
    return max([_written_times(texts, label)] + names)


# a name is written capitalised more than this many times as often as in lower case
_NAME_OVER_NOUN = 3


def _unglued(literal: str) -> str:
    """The pattern (?<![@./\\w-]) + re.escape(literal), written to open on literal's first character
    and look back over it: re skips to that character instead of trying the look back at every
    position of a long text. The same matches."""
    if not literal:
        return r"(?<![@./\w-])"
    first = re.escape(literal[0])
    return rf"{first}(?<![@./\w-]{first}){re.escape(literal[1:])}"


def _written_times(texts: list[str], key: str, capitalised: bool = False) -> int:
    """How often the texts write key as a word, any case, never inside an address or a link
    ('Roblox' counts, 'privacy@roblox.com' and 'roblox.com/help' do not); capitalised: only
    as a name is written, with a capital first ('Post', not the verb 'post')."""
    return sum(_written_in(t, key, capitalised) for t in texts)


# _written_in answers remembered: a report asks for a few site names in both of its texts, and the
# next pair of a history asks again for the version they share
WRITTEN_MEMO = 64


@lru_cache(maxsize=WRITTEN_MEMO)
def _written_in(text: str, key: str, capitalised: bool) -> int:
    """_written_times of one text. The pattern opens on key's first character and looks back over
    it ((?<![@./\\w-]) tried at every position of a long text was most of the cost); the same matches."""
    word = re.compile(rf"(?i){_unglued(key)}(?![\w@-]|\.[a-z])")
    return sum(1 for m in word.finditer(text) if not capitalised or m.group(0)[0].isupper())


def _site_name_leads(texts: list[str], label: str | None, named: int, fam: str | None) -> bool:
    """Does the text call itself by its own site's or mailbox's name (a word, any case) at least
    as often as it names the most named company, a name of another family? 'SMUD' 58 times
    against 'Google' 20 times (in 'Google Analytics') makes SMUD the author and Google a service
    it uses; 'facebook' is a name of Meta's family and says nothing against it."""
    if not label or not label.isalpha() or len(label) < 3:
        return False
    if fam in {family(c) for c in vendor_mentions(label, True)}:
        return False
    word = re.compile(rf"(?i)\b{re.escape(label)}\b")
    # or as the first letters of its name ('Nagravision Sarl' for privacy@nagra.com)
    longer = re.compile(rf"(?<![@./\w-]){re.escape(label.capitalize())}[a-z]+")
    return sum(len(word.findall(t)) + len(longer.findall(t)) for t in texts) >= named


def _owns_site(fam: str, label: str | None) -> bool:
    """Is label (the policy's own site or mail domain) the company fam's ('facebook' for Meta's
    Facebook is not: the label must start with the name)?"""
    return bool(label) and (str(label).startswith(fam.lower()) or fam.lower().startswith(str(label)))


def _key(name: str) -> str:
    return re.sub(r"\W", "", vendor_key(name))


# a company that calls itself by its site ('Walmart.com ("we")') is the company of that name
_SITE_TLD_RE = re.compile(r"(?<=\w)\.(?:com|net|org|co\.uk|co|io)$")


# self_names of a whole text, once per version: first_party reads both texts of each pair
_own_names = lru_cache(maxsize=4)(self_names)


def _self_name(texts: list[str]) -> str | None:
    """The name the policy gives itself most often (parties.self_names), without its legal form
    or its site's ending ('Walmart.com' -> 'Walmart')."""
    counts: Counter[str] = Counter()
    for t in texts:
        for name, _, _ in _own_names(t):
            counts[_SITE_TLD_RE.sub("", _LEGAL_SUFFIX_TAIL_RE.sub("", name))] += 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0] if counts else None


_ENTITY_TAIL_RE = re.compile(r"(?:International|Association|Alliance|Foundation|Institute|Council)$")


def _own(name: str, fam: str | None, own: set[str]) -> bool:
    """Is name the first party itself or one of its products ('Gmail', 'Reddit Coins' in their
    company's policy)? Its affiliates stay: a company of the group under its own name
    ('Instagram' for Meta), or a legal entity ('Google Commerce Ltd', 'Apple Distribution
    International'): data that goes to them crosses a company line."""
    if vendor_key(name) in own or _key(name) in own or (fam and (name == fam or COMPANY_RENAMED.get(name) == fam)):
        return True
    if name in VENDORS:
        return bool(fam) and family(name) == fam and name not in AFFILIATES
    head = name.split(" ", 1)[0]
    if vendor_key(name) != name.lower() or _ENTITY_TAIL_RE.search(name):
        return False      # a legal entity or a body: not a product
    # a product by its own name ('Reddit Coins') or under one of the company's listed products
    # ('Alexa Actionable Analytics' in Amazon's policy)
    return head.lower() in own or (bool(fam) and " " in name and head in VENDORS and family(head) == fam)


def _named_by(longer: str, name: str) -> bool:
    """Is name said by longer already: its product ('Google Analytics' for 'Google') or one of
    its legal entities ('Acme UK Ltd' for 'Acme')? 'Digital Advertising Alliance of Canada' is
    another body than the 'Digital Advertising Alliance'."""
    if longer == name or not longer.startswith(name + " "):
        return False
    return family(longer) == family(name) != longer or vendor_key(longer) != longer.lower()


def _tail_of(longer: str, name: str) -> bool:
    """Is the legal name the last words of a longer one the texts write ('UK Services Limited'
    of 'Yahoo UK Services Limited', read where 'Yahoo! UK Services Limited' broke the name)?
    A piece of a company's name, not a company; names without a legal form stay ('Digital
    Advertising Alliance' beside 'European Digital Advertising Alliance')."""
    return longer != name and longer.endswith(" " + name) and vendor_key(name) != name.lower()


def diff(old: Entities, new: Entities, owner: tuple[str | None, str | None] = (None, None)
         ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(added, removed) per kind, sorted, for the report.

    owner: the first party (see first_party); the company's own name is left out (its separately
    named products, affiliates and sites stay: they are what a reader wants to see come and go).
    A parent company added together with one of its products ("Google" with "Google Analytics")
    is named once, by the product; names that differ only by a legal-form suffix are the same.
    """
    fam, label = owner
    own = {k.lower() for k in (fam, label) if k}
    added = {k: new.get(k) - old.get(k) for k in KINDS}
    removed = {k: old.get(k) - new.get(k) for k in KINDS}
    if old.has_links != new.has_links:   # one side lost its link targets (re-scraped as plain text)
        added["domains"] -= new.linked_only
        removed["domains"] -= old.linked_only
    for side, other in ((added, old.vendors), (removed, new.vendors)):
        if "Privacy Shield" in side["laws"]:   # the framework named once, not once per country
            side["laws"].discard("Swiss-U.S. Privacy Shield")
        side["vendors"] = {v for v in side["vendors"] if not _own(v, fam, own)}
        other_hosts = new.domains if side is removed else old.domains
        # a bare site is still there while a page under it is: 'cisco.com' -> 'tools.cisco.com'
        side["domains"] = {d for d in side["domains"]
                           if not (registrable_domain(d) == d and any(h.endswith("." + d) for h in other_hosts))}
        keys = {vendor_key(v) for v in other}
        side["vendors"] = {v for v in side["vendors"] if vendor_key(v) not in keys}   # 'Acme Ltd' vs 'Acme Limited'
        side["vendors"] = {v for v in side["vendors"] if not any(_named_by(o, v) for o in side["vendors"])}
        names = old.vendors | new.vendors
        side["vendors"] = {v for v in side["vendors"] if not any(_tail_of(o, v) for o in names)}
        side["vendors"] = _one_spelling(side["vendors"])
        side["vendors"] = {v for v in side["vendors"] if not any(respelled(v, o) for o in other)}
    return ({k: sorted(v) for k, v in added.items()}, {k: sorted(v) for k, v in removed.items()})


def _edits(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of a and b (an adjacent swap is one edit), or
    limit + 1 once it is known to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def respelled(name: str, other: str) -> bool:
    """Is name another spelling of other, a typo made or fixed ('Retail Acitvation Services
    LLC' / 'Retail Activation Services LLC', 'Verzion Wireless' / 'Verizon Wireless')? One edit
    (a swap of two letters counts as one) in a name of 6 to 11 letters, two in a longer one;
    the same words in number, the same first letter and the same digits: 'Google Ads' and
    'Google Apps', 'Windows 7' and 'Windows 8' are two names."""
    a, b = vendor_key(name), vendor_key(other)
    if a == b or len(a) < 6 or a[0] != b[0] or a.count(" ") != b.count(" "):
        return False
    if re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    limit = 1 if len(a) < 12 else 2
    return _edits(a, b, limit) <= limit


def _one_spelling(names: set[str]) -> set[str]:
    """One name per party: 'Netflix Luxembourg S.à r.l.' and 'Netflix Luxembourg S.á r.l'
    added together are one company (the same vendor_key); the longest spelling is kept."""
    by_key: dict[str, str] = {}
    for v in sorted(names, key=lambda n: (-len(n), n)):
        by_key.setdefault(vendor_key(v), v)
    return set(by_key.values())


_LEGAL_SUFFIX_TAIL_RE = re.compile(
    r"(?i)(?:,?\s+(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|AG|SARL|S\.A\.R\.L|S\.[aàá] r\.l|S\.A|SAS|"
    r"S\.L|B\.V|BV|N\.V|plc|Pty|Ltda|LLP|L\.P)\.?)+$")


def vendor_key(name: str) -> str:
    """Two vendor names are the same party when their keys are equal: lower case, without a
    legal-form suffix ('Apple UK Limited' and 'Apple UK Ltd.' -> 'apple uk')."""
    return _LEGAL_SUFFIX_TAIL_RE.sub("", name.strip()).lower()


def canonical(kind: str, value: str) -> str:
    """The comparable form of an entity as a person would write it (in a label or a filter):
    phones by their digits, domains by host, vendors and laws through the same names the
    extraction uses ('Mozilla Firefox' -> 'firefox'), everything in lower case."""
    if kind == "phones":
        return phone_key(value)
    if kind == "domains":
        return host_key(value) or value.strip().lower()
    if kind == "laws":
        laws = extract(value).laws
        return max(laws, key=len).lower() if laws else value.strip().lower()
    if kind == "vendors":
        whole = [c for c, spans in vendor_spans(value.strip()).items() if (0, len(value.strip())) in spans]
        return vendor_key(whole[0] if len(whole) == 1 else value)
    return value.strip().lower()


def same_host(want: str, have: str) -> bool:
    """A reported host answers a wanted domain when it is that domain or a host under it whose
    registrable domain it is ('reddit.zendesk.com' answers 'zendesk.com')."""
    return want == have or (have.endswith("." + want) and registrable_domain(have) == want)
