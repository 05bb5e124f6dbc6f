"""Third parties a policy names that no list knows: company names recognised by shape and context.

The seed list in vendors.py covers well-known ad, analytics, payment and hosting vendors; a
policy also names its processors, affiliates and industry bodies, which no list can hold. A
capitalised name counts as a party when

- it carries a legal-form suffix ("Quincy Data Center LLC", "Netflix Entretenimento Brasil, Ltda."),
- it ends in an organisation word ("Direct Marketing Association", "XO Communications",
  "Flurry Analytics" -> "Flurry"), or
- a role phrase introduces it ("maintained by PressReader", "partners such as A, B and C",
  "Facebook Companies (which include WhatsApp and Oculus)", "Yandex Taxi and other local providers").

Capitalised words that are only capitalised because they start a heading or a sentence, or
that the text also writes in lower case ("Services", "Account", "Settings"), are not names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# one word of a name: capitalised ("Quincy", "O'Brien", "AT&T"), an inner capital ("iTunes",
# "eBay") or a leading digit ("1Password")
_TOKEN = r"(?:[A-Z](?:[\w&'’-]|\.(?=[A-Z]\.))*[\w&]|[A-Z]|[a-z]{1,2}[A-Z][\w]*|\d+[A-Za-z][\w]*)"
_JOIN = r"(?: (?:of|de|do|du|der|für|&)(?= [A-Z]))"
_NAME = rf"{_TOKEN}(?:{_JOIN}? {_TOKEN}){{0,5}}"
_SUFFIX = (r"(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|SARL|S\.[àá] r\.l|S\.A\.R\.L|S\.A|SAS|S\.L|B\.V|BV|"
           r"N\.V|plc|PLC|Pty Ltd|Ltda|LLP|L\.P|S\.p\.A|AB|ASA|Oy|K\.K)\.?")
_LEGAL_RE = re.compile(rf"(?<![\w&'’-])({_NAME}),? ({_SUFFIX})(?![\w&-])(?! (?:Liability|Partnership|Warranty|"
                       r"Edition|Time|Access|License|Licence|Use|Purpose))")
# (the space matched before the look back, which covers it too: the same test, and re skips from
# space to space instead of trying the look back at every position of a whole text)
_SUFFIX_HINT_RE = re.compile(rf" (?<=[\w.,] ){_SUFFIX}(?![\w&-])")
# an organisation word ends the name; strong ones name a body whatever the words before it
_STRONG_ORG = ("Association", "Alliance", "Initiative", "Council", "Bureau", "Foundation", "Institute",
               "Federation", "Consortium")
_WEAK_ORG = ("Communications", "Technologies", "Networks", "Labs", "Holdings", "Interactive",
             "Media", "Payments", "Software", "International", "Telecom", "Wireless", "Analytics")
_ORG_RE = re.compile(rf"(?<![\w&'’-])({_NAME}) ({'|'.join(_STRONG_ORG + _WEAK_ORG)})"
                     r"(?: of (?:the )?([A-Z]\w+(?: [A-Z]\w+)?))?(?![\w&-])(?! [A-Z])")
_ORG_HINT_RE = re.compile(rf" (?:{'|'.join(_STRONG_ORG + _WEAK_ORG)})\b")
# role phrases: "... by NAME", "partners such as A, B and C", "NAME and other providers"
_BY_RE = re.compile(r"by (?:the )?(?=[A-Z0-9a-z])")      # a literal head: the scan skips ahead
_ROLE_VERB_RE = re.compile(r"\b(?:provided|maintained|operated|offered|powered|hosted|processed|controlled|run|"
                           r"managed|administered|supplied|owned|developed|serviced|delivered|acquired|published|"
                           r"issued)(?: \w+){0,2}? $")
_LIST_WORD_RE = re.compile(r"(?:such as|including|like|e\.g\.,?|for example,?|which include|namely|are)\s+"
                           r"(?=[A-Z0-9]|[a-z]{1,2}[A-Z])")
# a list of services, apps or sites names the company's own products unless they are someone else's
_LIST_CUE_RE = re.compile(r"\b(?:(?:partner|provider|vendor|processor|sub-?processor|platform|network|advertiser|"
                          r"affiliate|browser)s?|compan(?:y|ies)|subsidiar(?:y|ies)|entit(?:y|ies)|"
                          r"(?:third[- ]party|other|external|outside|partner) (?:service|app|application|site|website|"
                          r"tool|product)s?)(?: [a-z-]+){0,2}?,? \(?$")
_OTHER_RE = re.compile(r" (?:and|or|&) other (?:[a-z-]+ ){0,2}?(?:providers|partners|companies|services|vendors|"
                       r"platforms|networks|processors|apps|applications)\b")
_NAME_BEFORE_RE = re.compile(rf"(?<![\w&'’-])({_NAME})$")
_ITEM_SPLIT_RE = re.compile(r",? (?:and|or|as well as) |, |/| & (?=[A-Z])")
_LIST_END_RE = re.compile(r"[.;:!?)(\[\]\n]|\s[-–—]\s")
_NAME_RE = re.compile(_NAME)
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_INNER_CAP_RE = re.compile(r"[a-z][A-Z]|^[a-z]{1,2}[A-Z]|^\d")

# capitalised words that start names of things, not of companies
_JOINS = ("of", "de", "do", "du", "der", "für", "&")
_LEAD_STOP = {"The", "A", "An", "Our", "Your", "This", "That", "These", "Those", "By", "And", "Or", "With", "From",
              "For", "To", "In", "On", "At", "Of", "As", "If", "When", "We", "You", "Contact", "Email", "E-mail",
              "Visit", "See", "Call", "Write", "Attn", "Attention", "Copyright", "All", "Both", "Each", "Including",
              "Via", "Its", "Their", "His", "Her", "Any", "Some", "Other", "Such", "Please", "Mail", "Address",
              "Tel", "Phone", "Fax", "Also", "Then", "Today", "Currently", "Learn", "More", "About", "Read", "Use",
              "Official", "Subscribe", "Follow", "Join", "Download", "Open", "Go", "Sign", "Log", "Re"}
_ACRONYM_STOP = {"US", "USA", "EU", "EEA", "UK", "IP", "ID", "IDs", "OK", "FAQ", "PDF", "HTML", "URL", "API", "SMS",
                 "GPS", "TV", "PC", "CEO", "DPO", "GDPR", "CCPA", "COPPA", "AI", "VR", "AR", "IT", "HR", "PII",
                 "SDK", "SDKs", "iOS", "NY", "CA", "DC", "LLC", "INC", "LTD", "FTC", "DNT", "II", "III"}


# device identifiers and network technologies a list of data names ('network type (e.g., 4G, 5G,
# Wi-Fi)', 'identifiers (e.g., IMEI/UDID)'): written like brands, never a party that gets data
_TECH_TERMS = frozenset({"IMEI", "UDID", "IDFA", "IDFV", "GAID", "AAID", "MAC", "MEID", "IMSI", "ICCID", "LTE", "3G", "4G",
                         "5G", "Wi-Fi", "WiFi", "Wifi", "Bluetooth", "NFC", "VPN", "ISP", "DNS", "SSL", "TLS", "HTTP",
                         "HTTPS", "USB", "CPU", "OS", "RFID", "SIM", "eSIM", "ID"})


# words of policies that are capitalised in headings and titles but name no one
_GENERIC = {"social", "company", "companies", "service", "services", "site", "sites", "website", "websites", "privacy",
            "policy", "terms", "data", "information", "personal", "account", "user", "users", "customer", "customers",
            "partner", "partners", "digital", "online", "mobile", "global", "national", "international", "european",
            "american", "internet", "web", "network", "networks", "media", "group", "cookie", "cookies", "advertising",
            "marketing", "settings", "help", "center", "centre", "support", "team", "app", "apps", "store", "home",
            "page", "content", "products", "product", "device", "devices", "platform", "security", "payment",
            "payments", "business", "businesses", "other", "third", "party", "parties", "new", "general", "legal"}

# words that place a company or name its corporate shell, not a line of business: a legal
# entity named by these alone is no name ('In Ireland, Limited'); with only these after the company's
# name, it is the company itself in another country (ownership.py)
PLACE_WORDS = frozenset("""
uk u.k. us u.s. usa u.s.a. america americas north south latin central east west middle pacific asia
europe european eu emea apac nordic nordics benelux dach international global worldwide
ireland irish netherlands nederland holland luxembourg germany deutschland france españa spain
italy italia portugal belgium switzerland schweiz austria österreich sweden sverige norway norge
denmark danmark finland suomi poland polska czech hungary romania greece turkey israel
canada mexico méxico brasil brazil argentina chile colombia peru
australia zealand new india japan singapore korea china hong kong taiwan indonesia malaysia
philippines thailand vietnam africa nigeria kenya egypt arabia emirates uae
holdings holding group technologies technology inc corp corporation company co operations
""".split())


# the words a text writes in lower case (_lower_words of it), read on first need
Lower = Callable[[], frozenset[str]]


# a word in lower case on its own: (?<![\w@/.-])[a-z][a-z'-]*[a-z](?![\w@/-]|\.\w), with its
# first letter matched before the look back (now over that letter too: the same test, as the letter
# is no [\w@/.-] followed by a letter only when the character before it is none), so re skips to
# the letters a match can start with instead of trying the look back at every position
_LOWER_WORD_RE = re.compile(r"[a-z](?<![\w@/.-][a-z])[a-z'-]*[a-z](?![\w@/-]|\.\w)")


@lru_cache(maxsize=16)
def _lower_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case on their own (not inside an address or a link)."""
    return frozenset(_LOWER_WORD_RE.findall(text))


def _proper(token: str, lower: Lower) -> bool:
    """A word that names something: an acronym, an inner capital, or never written in lower case."""
    if _ACRONYM_RE.fullmatch(token):
        return token not in _ACRONYM_STOP
    if _INNER_CAP_RE.search(token):
        return token not in _ACRONYM_STOP
    return token[:1].isupper() and token.lower() not in _GENERIC and token.lower() not in lower()


def _trim(name: str) -> str:
    """The name without leading words that are not part of it ("The", "Contact", "Our")."""
    words = name.split(" ")
    while words and words[0] in _LEAD_STOP:
        words.pop(0)
    while words and words[-1] in ("of", "de", "do", "du", "der", "für", "&"):
        words.pop()
    return " ".join(words)


# words that end a run of glued menu or heading text before a company's name
_BREAK = {"privacy", "policy", "team", "officer", "us", "contact", "certification", "preferences", "sale", "added",
          "titles", "central", "statement", "notice", "terms", "about", "home", "help", "support"}


_GLUED_RE = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]\w*)")


# a lead word this short glued to a name is the brand's own prefix ('OnStar', 'OpenWeb',
# 'InMobi'), not a menu word whose line break was lost ('ContactIntuit')
_GLUED_LEAD_MIN = 5


def _unglue(token: str) -> str:
    """A policy word glued to the next name where a line break was lost ('TeamIntuit' ->
    'Intuit', 'ContactIntuit' -> 'Intuit'); other tokens as they are ('PayPal', 'WebEx',
    'OnStar', 'OpenWeb')."""
    m = _GLUED_RE.fullmatch(token)
    if m and (m.group(1).lower() in _BREAK or (m.group(1) in _LEAD_STOP and len(m.group(1)) >= _GLUED_LEAD_MIN)):
        return m.group(2)
    return token


# a copyright year or a postal code glued to the name after it ('© 2018Konnektive LLC', 'CA
# 94110Automattic Inc.'): the name is the rest, after the digits as a word of their own (three
# digits at least: '1Password' is a name)
_YEAR_GLUED_RE = re.compile(r"(?<![\w])\d{3,}(?=[A-Z][a-z])")
# a token of an address line before a name: a number or a postal code ('94110', 'D02', 'AY86')
_ADDRESS_TOKEN_RE = re.compile(r"\d+|[A-Z]{1,3}\d{2,}[\dA-Z]{0,2}")


def _company_words(words: str) -> str:
    """The company's name among the capitalised words before a legal form: the rightmost run
    without a policy word ('Contact Us Privacy Team Intuit' -> 'Intuit', 'Privacy TeamIntuit'
    -> 'Intuit'); its last word is kept whatever it is ('Retail Activation Services')."""
    tokens = _trim(_YEAR_GLUED_RE.sub(r"\g<0> ", words)).split(" ")
    keep = [tokens.pop()] if tokens else []
    if keep and _unglue(keep[0]) != keep[0]:
        return _unglue(keep[0])
    while tokens:
        t = tokens[-1]
        if t in _LEAD_STOP or t.lower() in _BREAK or t.endswith(("'s", "’s")):
            break
        if _ADDRESS_TOKEN_RE.fullmatch(t):      # an address line ran into the name: its country
            while len(keep) > 1 and keep[0].lower() in PLACE_WORDS:    # is no word of the name
                keep.pop(0)
            break
        if _unglue(t) != t:
            keep.insert(0, _unglue(t))
            break
        keep.insert(0, tokens.pop())
    while keep and keep[0] in _JOINS:
        keep.pop(0)
    return " ".join(keep)


def _possessive(name: str) -> str:
    """'Apple's' -> 'Apple'; '' for "Verizon's FiOS" (a product of a company, not a company)."""
    words = name.split(" ")
    if any(w.endswith(("'s", "’s")) for w in words[:-1]):
        return ""
    return re.sub(r"['’]s$", "", name)


def _verb_form(token: str, lower: Lower) -> bool:
    """Is token a verb's -ed or -ing form whose verb the text writes in lower case ('Liked' and
    'likes', 'Retweeted' and 'retweet', 'Following' and 'follow')?"""
    m = re.fullmatch(r"([A-Z][a-z]{2,}?)(e?d|ing)", token)
    if not m:
        return False
    stem = m.group(1).lower()
    forms = {stem, stem + "e", stem + "s", stem + "es", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem}
    return not forms.isdisjoint(lower())


def _is_name(name: str, lower: Lower, need_proper: bool = True) -> bool:
    """Is name a company's name? need_proper: nothing but its context says so, so it must be
    short, hold a word that names something and no word of a policy's own vocabulary."""
    if not name or not _NAME_RE.fullmatch(name) or len(name) > 80:
        return False
    tokens = [t for t in name.split(" ") if t not in ("of", "de", "do", "du", "der", "für", "&")]
    if not need_proper:
        return True
    if any(t in _TECH_TERMS for t in tokens):
        return False      # '4G', 'Wi-Fi', 'IMEI' in a list of data: a technology, not a party
    if len(tokens) > 3 or any(t.lower() in _GENERIC for t in tokens[:-1]):
        return False
    if len(tokens) == 1 and _verb_form(tokens[0], lower):
        return False      # 'Liked', 'Retweeted', 'Following': a button's label, not a company
    if tokens[-1].lower() in _GENERIC and tokens[-1] not in _WEAK_ORG:
        return False
    return any(_proper(t, lower) for t in tokens)


def _in_prose(text: str, start: int, end: int) -> bool:
    """The name stands in a sentence, not alone on a line (a menu entry, a heading, a link)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return len(text[lo:hi if hi != -1 else len(text)].split()) >= 6


def _glued_before(text: str, start: int) -> bool:
    """Does the name continue a word or address before it ('Washingtonpost.Newsweek
    Interactive': the tail of another name, not a name of its own)? A sentence split may have
    put a line break after the dot, leaving the word before alone on its line."""
    if start < 2:
        return False
    if text[start - 1] == "." and text[start - 2].isalnum():
        return True
    return text[start - 1] == "\n" and _LONE_WORD_RE.search(text, max(0, start - 40), start) is not None


_LONE_WORD_RE = re.compile(r"(?:^|\n)[A-Z][a-z]*[a-z]\.\n$")


def _legal(text: str, lower: Lower) -> list[tuple[str, int, int]]:
    out = []
    for hit in _SUFFIX_HINT_RE.finditer(text):
        lo = max(0, hit.start() - 90)
        for m in _LEGAL_RE.finditer(text, lo, hit.end()):
            if m.end() != hit.end():
                continue
            name = _company_words(m.group(1))
            if all(w.lower() in PLACE_WORDS for w in name.split(" ")):
                continue      # 'In Ireland, Limited': a place and a legal form name no one
            start = m.end(1) - len(name)
            if _is_name(name, lower, need_proper=False) and name not in _ACRONYM_STOP and \
                    not _glued_before(text, start):
                suffix = m.group(2) if "." in m.group(2).rstrip(".") else m.group(2).rstrip(".")
                out.append((f"{name} {suffix}", start, m.end()))
    return out


def _org(text: str, lower: Lower) -> list[tuple[str, int, int]]:
    out = []
    for hit in _ORG_HINT_RE.finditer(text):
        lo = max(0, hit.start() - 90)
        for m in _ORG_RE.finditer(text, lo, min(len(text), hit.end() + 40)):
            if m.start(2) != hit.start() + 1:
                continue
            name, word = _trim(m.group(1)), m.group(2)
            if not name or _possessive(name + " x") != name + " x":
                continue      # "Target's Wireless": a product of a company
            if not _in_prose(text, m.start(1), m.end(2)) or _glued_before(text, m.start(1) + m.group(1).index(name)):
                continue
            if word in _STRONG_ORG:
                if _is_name(name, lower, need_proper=False):
                    full = f"{name} {word}" + (f" of {m.group(3)}" if m.group(3) else "")
                    out.append((full, m.start(1) + m.group(1).index(name), m.end()))
            elif word == "Analytics":      # "Flurry (Mobile) Analytics": the company is Flurry
                base = re.sub(r"(?: (?:Mobile|Web|App|Site|Data))+$", "", name)
                base = _after_join(base)    # 'Opt Out of Google Analytics': a link's words, then the product
                if base and _is_name(base, lower):   # the span of the company's name only: a
                    at = m.start(1) + m.group(1).index(name)  # listed product ("Google Analytics") hides it
                    out.append((base, at, at + len(base)))
            elif _is_name(name, lower) and not _common_phrase(text, name, word, lower):
                out.append((f"{name} {word}", m.start(1) + m.group(1).index(name), m.end(2)))
    return out


def _after_join(name: str) -> str:
    """The words after the last joining word ('Opt Out of Google' -> 'Google'): what a product
    name ending in an organisation word belongs to; the name itself when it has none."""
    words = name.split(" ")
    cut = max((i for i, w in enumerate(words) if w in _JOINS), default=-1)
    return " ".join(words[cut + 1:]) if 0 <= cut < len(words) - 1 else name


def _common_phrase(text: str, name: str, word: str, lower: Lower) -> bool:
    """Is 'name word' a phrase of the policy capitalised as a heading ('Similar Tracking
    Technologies', 'Third-Party Tracking Technologies'), not a company ('XO Communications')?
    So when its first word names nothing (a word the text writes in lower case) or the text
    writes its last two words in lower case too ('… cookies and similar tracking technologies')."""
    first, last = name.split(" ")[0], name.split(" ")[-1]
    if not _proper(first, lower) and not _ACRONYM_RE.fullmatch(first):
        return True
    return f"{last} {word}".lower() in text and re.search(
        rf"(?<![\w-]){re.escape(last.lower())} {re.escape(word.lower())}(?![\w-])", text) is not None


def _all_proper(name: str, lower: Lower) -> bool:
    """Every word names something ('Rotten Tomatoes'), unlike a feature of a named product
    ('Yahoo News', 'Twitter Direct Message') whose other words the text writes in lower case."""
    return all(_proper(t, lower) for t in name.split(" ") if t not in _JOINS)


def _short_for_longer(name: str, text: str) -> bool:
    """A plain one-word item ('Maps') that the text elsewhere writes after another name
    ('Google Maps') is a short form of that product's name, not a company of its own."""
    if " " in name or _INNER_CAP_RE.search(name) or _ACRONYM_RE.fullmatch(name):
        return False
    probe = f" {name}"
    rx = re.compile(rf"\b[A-Z][\w&-]+ {re.escape(name)}\b")
    # rx.search(text), tried only before each place ' name' is written: from the start of the
    # run of word characters before it (a scan of a long text tries every position)
    i = text.find(probe)
    while i != -1:
        j = i
        while j and _RUN_CHAR_RE.match(text, j - 1):
            j -= 1
        if rx.search(text, j, i + len(probe) + 1):
            return True
        i = text.find(probe, i + 1)
    return False


_RUN_CHAR_RE = re.compile(r"[\w&-]")


def _list_items(text: str, start: int) -> list[tuple[str, int]]:
    """The items of a list that begins at start ('A, B and C.'), each with its position."""
    end = _LIST_END_RE.search(text, start, min(len(text), start + 200))
    chunk = text[start:end.start() if end else min(len(text), start + 200)]
    items, pos = [], 0
    for part in _ITEM_SPLIT_RE.split(chunk)[:8]:
        i = chunk.find(part, pos)
        pos = i + len(part)
        items.append((part.strip(), start + i))
    return items


# one plain capitalised word after 'the': a term the policy defines ('the Client', 'the Controller')
_DEFINED_TERM_RE = re.compile(r"[A-Z][a-z]+")


def _roles(text: str, lower: Lower) -> list[tuple[str, int, int]]:
    out = []
    for m in _BY_RE.finditer(text):
        head = text[m.end():m.end() + 2]
        if m.start() == 0 or text[m.start() - 1] != " " or not (head[:1].isupper() or head[:1].isdigit()
                                                                 or head[1:2].isupper()):
            continue
        if not _ROLE_VERB_RE.search(text, max(0, m.start() - 40), m.start()):
            continue
        nm = _NAME_RE.match(text, m.end())
        if nm and not re.match(r"\.[a-z]", text[nm.end():nm.end() + 2]):     # 'by NYTimes.com': a site
            name = _possessive(_trim(nm.group(0)))
            if m.group(0).endswith("the ") and _DEFINED_TERM_RE.fullmatch(name):
                continue      # 'processed by the Client': a role the policy defines, not a company
            if _is_name(name, lower):
                out.append((name, m.end() + nm.group(0).index(name), m.end() + nm.group(0).index(name) + len(name)))
    for m in _LIST_WORD_RE.finditer(text):
        if not _LIST_CUE_RE.search(text, max(0, m.start() - 50), m.start()):
            continue
        for item, pos in _list_items(text, m.end()):
            item = item[4:] if item.startswith("the ") else item
            name = _trim(item)
            if name == item and _is_name(name, lower) and _all_proper(name, lower) and \
                    not _short_for_longer(name, text):
                out.append((name, pos, pos + len(name)))
    for m in _OTHER_RE.finditer(text):
        nm = _NAME_BEFORE_RE.search(text, max(0, m.start() - 80), m.start())
        name = _possessive(_trim(nm.group(1))) if nm else ""     # "Verizon's FiOS and other services"
        if name and _is_name(name, lower) and _all_proper(name, lower):
            out.append((name, m.start() - len(name), m.start()))
    return out


# the policy names itself: 'Glassdoor, Inc. ("Glassdoor," "we," or "us")', '© 2010 WP Company LLC'
_WE_DEF_RE = re.compile(r"\(\s*(?:collectively,?\s*|hereinafter,?\s*)?(?:the\s+)?(?:[\"“”'‘’][^()]{0,80}?)?"
                        r"[\"“”'‘’](?:we|We|WE|us|Us)[,\"“”'‘’]")
# a short name in quotes, capitalised or a brand with an inner capital ('“ironSource“')
_QUOTED_RE = re.compile(r"[\"“”]((?:[A-Z]|[a-z]{1,5}[A-Z])[^\"“”,]{1,40}?),?[\"“”]")
_COPYRIGHT_RE = re.compile(r"(?:©|&copy;|\([cC]\)|Copyright)(?:\s*(?:©|&copy;|\([cC]\)))?[\s,]*"
                           r"(?:(?:19|20)\d\d(?:\s*[-–,]\s*|\s+|(?=[A-Z][a-z])))+(?:by\s+)?(?=[A-Z])")
# the name before a "we" definition starts a word: never the tail of one ('onSource' of 'ironSource Ltd.')
_NAME_TAIL_RE = re.compile(rf"(?<![A-Za-z0-9])({_NAME})(?:,? {_SUFFIX})?,?\s*$")
_NAME_HEAD_RE = re.compile(rf"({_NAME})(?:,? {_SUFFIX})?")
_DBA_RE = re.compile(r"\s(?:d/b/a|dba|doing business as|trading as)\s+$")
# the company that opens a sentence as "we" ('We, GraphCMS GmbH, Dircksenstraße 47, … (hereinafter
# "we/our")', 'We, Acme Ltd., take …'): named with its legal form, the author itself
_WE_COMMA_RE = re.compile(rf"\bWe,\s+({_NAME},? {_SUFFIX})(?=[,\s(])")
# a place just before a "we" definition ('… with its registered address in China ("we" or "us")')
# is where the company is, never who it is
_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|from)\s+(?:the\s+)?$")
_NOT_SELF = {"Company", "We", "Us", "Our", "Service", "Services", "Site", "Sites", "Website", "Platform", "App"}


def _self_span(name: str, start: int, end: int) -> tuple[str, int, int] | None:
    name = _trim(name)
    if not name or name in _NOT_SELF or name in _ACRONYM_STOP:
        return None
    return name, end - len(name) if start < 0 else start, end


# the last item of a list of companies ('…, Fox Sports, and Fox Television Stations')
_LIST_TAIL_RE = re.compile(r"(?:,\s*|,? and |,? & )$")


def _last_of_many(text: str, start: int, definition: str) -> bool:
    """Is the name at start the last of a list of companies that are "we" collectively ('Fox
    Digital Services, LLC, along with Fox News, …, and Fox Television Stations (collectively
    "Company" or "we")')? Then it is no more the author than the others are."""
    return "collectively" in definition.lower() and bool(_LIST_TAIL_RE.search(text[max(0, start - 6):start]))


@lru_cache(maxsize=16)
def self_names(text: str) -> tuple[tuple[str, int, int], ...]:
    """(name, start, end) of the names the policy gives itself: the company that defines
    itself as "we" ('Glassdoor, Inc. ("Glassdoor," "we," or "us")', 'X d/b/a Y ("We")', its
    short name in the quotes, 'We, GraphCMS GmbH, …') and the holder of the copyright ('© 2004,
    2010 WP Company LLC')."""
    out: list[tuple[str, int, int]] = []
    for m in _WE_DEF_RE.finditer(text) if "(" in text else ():
        end = m.start()
        for _ in range(2):      # 'WP Company LLC d/b/a The Washington Post ("We")': both names
            before = _NAME_TAIL_RE.search(text, max(0, end - 120), end)
            if not before:
                break
            hit = _self_span(before.group(1), before.start(1), before.start(1) + len(before.group(1)))
            if _PLACE_BEFORE_RE.search(text, max(0, before.start(1) - 12), before.start(1)):
                hit = None
            if hit and not _last_of_many(text, before.start(1), m.group(0)):
                out.append(hit)
            dba = _DBA_RE.search(text, max(0, before.start() - 20), before.start())
            if not dba:
                break
            end = dba.start()
        close = text.find(")", m.start())
        for q in _QUOTED_RE.finditer(text, m.start(), close if close != -1 else m.end()):
            hit = _self_span(q.group(1), q.start(1), q.end(1))
            if hit:
                out.append(hit)
    for m in _WE_COMMA_RE.finditer(text) if "We," in text else ():
        hit = _self_span(m.group(1), m.start(1), m.end(1))
        if hit:
            out.append(hit)
    for m in _COPYRIGHT_RE.finditer(text) if ("©" in text or "opyright" in text or "(c)" in text.lower()
                                                or "&copy;" in text) else ():
        nm = _NAME_HEAD_RE.match(text, m.end())
        if nm:
            hit = _self_span(nm.group(1), m.end(), m.end() + len(nm.group(1)))
            if hit and hit[0] == nm.group(1):
                out.append((hit[0], hit[1], nm.end()))
    return tuple(out)


def legal_names(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each company the text names with its legal form ('Bandcamp Ventures
    LLC', 'Gaea Operations Ltd'), its own among them."""
    if not _SUFFIX_HINT_RE.search(text):
        return []
    return _legal(text, lambda: _lower_words(text))


def find_parties(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of every party named by shape or context (see the module docstring),
    except the names the policy gives itself (self_names)."""
    if not re.search(r"[A-Z]", text):
        return []
    # the text's lower-case words are read only when a candidate name must be judged (most
    # sentences hold none): a scan of every word of every sentence otherwise
    lower: Lower = lambda: _lower_words(text)     # noqa: E731
    found = _legal(text, lower) + _org(text, lower) + _roles(text, lower)
    if not found:
        return found
    own = self_names(text)
    if not own:
        return found
    return [f for f in found if not any(s <= f[1] < e for _, s, e in own)]
