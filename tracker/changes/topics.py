"""Topic rules: which data-protection subject a changed sentence is about.

Keyword rules, not a model: deterministic, explainable, and testable one by one. A sentence can
have several topics; "other" is used only when no rule fires.
"""

from __future__ import annotations

import re
from functools import lru_cache

TOPICS = ("collection", "use", "sharing", "sale", "cookies-tracking", "retention", "rights",
          "security", "children", "international-transfer", "do-not-track", "legal-basis",
          "policy-changes", "contact", "ai", "other")

_RULES: dict[str, str] = {
    "collection": r"\b(?:collect(?:s|ed|ing|ion)?|gather(?:s|ed|ing)?|obtain(?:s|ed)?|receive(?:s|d)? (?:information|data)|"
                  r"we (?:may )?(?:record|log|capture)|you (?:provide|give|submit)|information (?:you|we) (?:provide|receive)|"
                  r"location (?:data|information)|precise location|geolocation|device (?:information|identifiers?)|ip address|"
                  r"date of birth|birthday|contacts|address book|payment information|government[- ]issued id|biometric|"
                  r"phone number|email address|browsing history|purchase (?:history|information)|sensor|"
                  r"(?:provide|give|submit|send)s? us(?: with)?|shipping address|payment (?:card|details)|"
                  r"when you (?:purchase|buy|sign up|register|create an account))\b",
    "use": r"\b(?:we use|use (?:your|this|the|such|that) (?:information|data|personal)|used (?:to|for)|uses? (?:of )?(?:your|personal)|"
           r"process(?:es|ed|ing)? (?:your|personal|the)|purposes?|personali[sz]e|personali[sz]ation|to improve|analy[sz]e|"
           r"advertis(?:ing|ements?)|(?<!non-)(?:targeted|tailored|personali[sz]ed|relevant|interest-based|behaviou?ral) ads|"
           r"target (?:\w+ )?ads|ads (?:based on|tailored)|marketing|recommend(?:ation)?s?|profil(?:e|ing)|research|to provide (?:and|the|our)|"
           r"(?:associated|combined|linked|merged) with (?:your|the user's|personal))\b",
    "sharing": r"\b(?:share[sd]?|sharing|disclos(?:e|es|ed|ing|ure)|third[- ]part(?:y|ies)|partners?|service providers?|"
               r"vendors?|affiliates?|subsidiar(?:y|ies)|processors?|sub-?processors?|advertisers?|law enforcement|"
               r"transfer(?:red)? to|make (?:it )?available to|sponsors?|merger|acquisition)\b",
    "sale": r"\b(?:sell|sells|sold|sale of (?:your )?(?:personal )?(?:data|information)|do not sell|rent(?:s|ed)? (?:your )?(?:personal )?(?:data|information)|"
            r"monetary consideration|valuable consideration)\b",
    "cookies-tracking": r"\b(?:cookies?|pixels?|web beacons?|beacons?|tracking|trackers?|tags?|sdks?|local storage|"
                        r"fingerprint(?:ing)?|device identifiers?|advertising id|idfa|analytics|clear gifs?|"
                        r"interest[- ]based|cross[- ]device|retarget(?:ing)?)\b",
    "retention": r"\b(?:retain(?:s|ed|ing)?|retention|keep(?:s)? (?:your |the |this )?(?:data|information|personal)|stored for|"
                 r"store(?:s|d)? (?:it|them|your)? ?for|delet(?:e|es|ed|ion|ing)|purge[sd]?|as long as (?:necessary|needed|your account)|"
                 r"period of|for up to|erase[sd]?|anonymi[sz]e[sd]?|destroy(?:ed)?|archiv(?:e|ed))\b",
    "rights": r"\b(?:right (?:to|of)|rights|access(?:ing)? (?:to )?your|correct(?:ion)?|rectif(?:y|ication)|erasure|portab(?:le|ility)|"
              r"object(?:ion)? to|restrict(?:ion)?|withdraw(?:al)? (?:your )?consent|opt[- ]?(?:out|in)|unsubscribe|"
              r"choices?|preferences|request (?:access|deletion|a copy)|complain(?:t)?|supervisory authority|lodge|"
              r"data subject|appeal|shine the light|export (?:your )?(?:data|information)|download (?:your|a copy))\b",
    "security": r"\b(?:secur(?:e|ity|ed)|encrypt(?:ed|ion|s)?|safeguards?|protect(?:s|ed|ion)? (?:your|the|against)|breach(?:es)?|"
                r"unauthori[sz]ed access|firewalls?|two[- ]factor|authentication|vulnerab(?:le|ility)|password)\b",
    "children": r"\b(?:child(?:ren)?|minors?|kids?|under (?:the age of )?1[3-8]|parent(?:al|s)?|guardians?|teen(?:s|agers?)?|"
                r"coppa|age[- ]restricted|family link|students?)\b",
    "international-transfer": r"\b(?:international(?:ly)? transfer|transfer(?:red|s)? (?:outside|to (?:the united states|other countries|countries))|"
                              r"cross[- ]border|other countries|outside (?:the|your) (?:eea|eu|european|country|uk)|"
                              r"standard contractual clauses|privacy shield|data privacy framework|adequacy|"
                              r"countries (?:other than|outside)|stored in the united states|processed in)\b",
    "do-not-track": r"\b(?:do[- ]not[- ]track|dnt|global privacy control|gpc|browser signals?)\b",
    "legal-basis": r"\b(?:legal bas(?:is|es)|lawful basis|legitimate interests?|performance of (?:a |the )?contract|"
                   r"legal obligations?|vital interests?|public interest|consent(?:ed)?|terms of service|"
                   r"digital services act|governing law|jurisdiction|arbitration|applicable law)\b",
    "policy-changes": r"\b(?:changes? to (?:this|our|the) (?:privacy )?(?:policy|notice|statement)|update (?:this|our) (?:policy|notice)|"
                      r"(?:modify|amend|revise) (?:this|our) (?:policy|notice)|material changes?|notify you (?:of|about) (?:any )?changes?|"
                      r"most recent update|changes made)\b",
    "contact": r"\b(?:contact (?:us|our)|e-?mail (?:us|at)|write to us|mailing address|postal address|data protection officer|"
               r"\bdpo\b|representative|call us|phone:|telephone|reach us|address(?:ed)? (?:to|at)|help cent(?:er|re)|support team)\b",
    "ai": r"\b(?:artificial intelligence|\bai\b|machine learning|ml models?|models? training|train(?:ing)? (?:our |ai |machine )?models?|"
          r"large language models?|llms?|generative|chatbots?|chatgpt|openai|automated decision[- ]making|algorithm(?:s|ic)?)\b",
}
# patterns are lower-case and run on lower-cased text: re.I makes Python's re several times slower
_COMPILED = {t: re.compile(rx) for t, rx in _RULES.items()}


def _hints(rx: str) -> tuple[str, ...]:
    """Word stems (4+ letters, or the whole word) that any match must contain: a cheap
    substring test before the regex, which is slow on long alternations."""
    from tracker.changes.literals import _top_level_branches
    from tracker.changes.vendors import literal_hints
    if rx.startswith(r"\b(?:") and rx.endswith(r")\b"):
        rx = rx[5:-3]
    hints = literal_hints(rx)
    if not hints:      # a branch without a sure word ('uses? (?:of )?…'): one hint per branch, from its opening
        per_branch = [literal_hints(br) or _opening(br) for br in _top_level_branches(rx)]
        hints = tuple(sorted({h for hs in per_branch for h in hs})) if all(per_branch) else ()
    return tuple(h[:4] if len(h) > 4 else h for h in hints)


_OPENING_RE = re.compile(r"(?:\\b)?([a-z0-9 '-]+)(.?)")


def _opening(branch: str) -> tuple[str, ...]:
    """The literal text every match of a branch starts with ('uses? (?:of )?…' -> 'use'), as a
    one-hint tuple, or () when it opens with a group or has under three sure letters."""
    m = _OPENING_RE.match(branch)
    if not m:
        return ()
    lit = m.group(1)
    if m.group(2) in ("?", "*", "{"):
        lit = lit[:-1]         # the last letter is optional
    return (lit,) if len(lit.strip()) >= 3 else ()


_HINTS = {t: _hints(rx) for t, rx in _RULES.items()}


def topics_of(text: str) -> list[str]:
    """Topics whose keywords occur in text, in vocabulary order; ['other'] when none does."""
    return list(_topics_of(text.lower()))


# (topic, pattern, hints) in vocabulary order, for the topics that have a pattern
_CHECKS = tuple((t, _COMPILED[t], _HINTS[t]) for t in TOPICS if t in _COMPILED)


@lru_cache(maxsize=8192)
def _topics_of(low: str) -> tuple[str, ...]:
    found: list[str] = []
    for t, rx, hints in _CHECKS:     # plain loops: a generator per topic and sentence cost more than the tests
        if hints:
            for h in hints:
                if h in low:
                    break
            else:
                continue          # no hint written: the pattern cannot match
        if rx.search(low):
            found.append(t)
    return tuple(found) or ("other",)




def has_topic(text: str) -> bool:
    return topics_of(text) != ["other"]
