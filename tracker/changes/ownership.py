"""The policy's own company apart from third parties: its branches and its own sites.

A reader of a change report asks "who else gets my data now?". The company that wrote the
policy is not an answer, and neither is the same company under a country's name ('Reddit
Netherlands B.V.', 'Apple UK Limited', 'Uber USA LLC') or a site of its own
('support.reddithelp.com', 'store.wikimedia.org', 'privacy.apple.com'). They are reported
apart, as the company's own entities, so that `entities.vendors` and `entities.domains` name
third parties only. A company of the group under a name of its own trade ('Google Payment
Corp', 'Meredith Performance Marketing, LLC', 'Instagram') stays a third party: data that
goes there crosses a company line, and the policy usually says so.
"""

from __future__ import annotations

import re

from tracker.changes.entities import vendor_key
from tracker.changes.normalize import registrable_domain
from tracker.changes.parties import PLACE_WORDS, legal_names, self_names

OWN_KINDS = ("vendors", "domains")

_SPLIT_RE = re.compile(r"[\s,]+")


def owner_keys(owner: tuple[str | None, str | None]) -> tuple[str, ...]:
    """The first party's names as one lower-case word each: its vendor family without spaces
    ('wikimediafoundation') and the label of its main site or mail domain ('reddit')."""
    fam, label = owner
    keys = [re.sub(r"\W", "", k.lower()) for k in (fam, label) if k]
    return tuple(dict.fromkeys(k for k in keys if len(k) >= 3))


def _names_owner(word: str, keys: tuple[str, ...]) -> bool:
    """Is word the company's name: one of its keys, or the start of its site's name ('Acme'
    for acmecorp.com)?"""
    return any(word == k or (len(word) >= 4 and k.startswith(word)) for k in keys)


def is_own_branch(name: str, owner: tuple[str | None, str | None]) -> bool:
    """Is name the first party under a place's name: its own name, then only words of place
    or corporate shell ('Reddit Netherlands B.V.', 'Oracle America, Inc.', 'Glassdoor Global
    Limited')? 'Apple Distribution International' and 'Google Commerce Ltd' name a line of
    business: they are affiliates, not the company."""
    keys = owner_keys(owner)
    words = [w for w in _SPLIT_RE.split(vendor_key(name)) if w]
    if not keys or len(words) < 2:
        return False
    fam_words = [w for w in _SPLIT_RE.split((owner[0] or "").lower()) if w]
    if fam_words and len(fam_words) > 1 and words[:len(fam_words)] == fam_words:
        rest = words[len(fam_words):]       # 'Wikimedia Foundation Europe'
    elif _names_owner(re.sub(r"\W", "", words[0]), keys):
        rest = words[1:]
    else:
        return False
    return bool(rest) and all(w.strip(".") in PLACE_WORDS or w in PLACE_WORDS for w in rest)


def is_own_site(host: str, owner: tuple[str | None, str | None]) -> bool:
    """Is host a site of the first party: its registrable domain is the company's name
    ('google.com', 'store.wikimedia.org', 'wikimediafoundation.org') or its main site's name
    followed by more ('support.reddithelp.com' for reddit)?"""
    domain = registrable_domain(host)
    if not domain:
        return False
    first = re.sub(r"\W", "", domain.split(".")[0])
    for key in owner_keys(owner):
        if first == key or (len(key) >= 5 and first.startswith(key)):
            return True
    return False


# a short name in quotes right after a legal name: 'Bandcamp Ventures LLC (“Bandcamp”)'
_SHORT_AFTER_RE = re.compile(r",?\s*\(\s*(?:the\s+)?[\"“”'‘’]([^\"“”'‘’()]{2,40})[\"“”'‘’]")


def self_keys(texts: list[str], owner: tuple[str | None, str | None] = (None, None)) -> frozenset[str]:
    """The vendor keys of the names the texts give themselves: parties.self_names ('GraphCMS
    GmbH' of 'We, GraphCMS GmbH, …', 'Glassdoor, Inc. ("Glassdoor," "we")') and a legal name
    the text shortens to the first party's own name ('Bandcamp Ventures LLC (“Bandcamp”)'), not
    one that only runs something ('payments operated by Adyen N.V.': a processor). Whatever the
    company is called elsewhere (its product's name, its site's), that is the author."""
    keys = {vendor_key(name) for t in texts for name, _, _ in self_names(t)}
    own = owner_keys(owner)
    for t in texts:
        for name, _, end in legal_names(t):
            short = _SHORT_AFTER_RE.match(t, end)
            if short and re.sub(r"\W", "", short.group(1).lower()) in own:
                keys.add(vendor_key(name))
    return frozenset(keys)


def split_own(added: dict[str, list[str]], removed: dict[str, list[str]],
              owner: tuple[str | None, str | None], selves: frozenset[str] = frozenset()
              ) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
    """(added, removed, own_added, own_removed): the first party's branches and sites taken
    out of the vendors and domains that came or went (e-mail addresses stay: they are
    contacts, whoever runs them); selves: the vendor keys of the names the texts give
    themselves (self_keys), the author under any name."""
    out = []
    for side in (added, removed):
        third = {k: list(v) for k, v in side.items()}
        own: dict[str, list[str]] = {k: [] for k in OWN_KINDS}
        if any(owner) or selves:
            own["vendors"] = [v for v in side.get("vendors", [])
                              if is_own_branch(v, owner) or vendor_key(v) in selves]
            own["domains"] = [d for d in side.get("domains", []) if any(owner) and is_own_site(d, owner)]
            third["vendors"] = [v for v in side.get("vendors", []) if v not in own["vendors"]]
            third["domains"] = [d for d in side.get("domains", []) if d not in own["domains"]]
        out.append((third, own))
    (a, oa), (r, orm) = out
    return a, r, oa, orm
