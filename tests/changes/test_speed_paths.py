"""The speed-ups of the detector's hot spots answer exactly what the plain definitions answer.

A hint pre-check before a slow regex (literals.Prefiltered), an early stop when counting
matches (captures._at_least) and a find() before a scan (headings._brand) are each checked
against the definition they stand for, on hand-made edge cases and seeded random strings.
"""

from __future__ import annotations

import random
import re

from tracker.changes import captures, corroborate, headings, phrasing
from tracker.changes.literals import Prefiltered
from tracker.changes.rules.common import _PROMISE_RE, _RIGHT_RE
from tracker.changes.rules.rights import _ANY_RIGHT_RE, _BROWSER_ONLY_RE

_PIECES = ["you ", "can ", "may ", "request ", "right ", "to ", "of ", "access ", "object ", "delete ", "How ", "whom ",
           "browser ", "settings ", "add-on's ", "plug-ins ", "in ", "your ", "We ", "data ", "personal ", "opt-out ",
           "third-party ", "shares ", "consent ", "YOU ", "Right ", "REQUESTS ", "are ", "available ", "is ", "the ",
           "r\u0131ght ", "reque\u017ft ", "caf\u00e9 ", ", ", ". ", "gives you the ability to ", "lets you to access ",
           "information ", "cookies ", "collects ", "disclosed ", "Share on ", "Google ", "Sign Up", "*Invalid e-mail ",
           "Back to the top ", "Skip to main content ", "Most Read ", "Try 3 months for ", "Expand menu Expand ", "NEW!",
           "Logo2", "LogoX", "keep me logged in ", "Forgot your password? ", "for screen reader ", "should ",
           "URGE ", "Keep in Mind ", "think before ", "tips ", "exercise ", "We ", "we do not ", "We will not sell ",
           "WE NEVER ", "without your prior consent ", "unless you give ", "ask for your consent ", "only with your consent ",
           "users must opt-in ", "opt in basis ", "we also will n't ", "30 ", "two ", "Ninety ", "hundreds ", "don't ",
           "CANNOT ", "Never ", "except ", "only ", "unless ", "Know ", "7"]


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def _spans(it) -> list[tuple[int, int]]:
    return [m.span() for m in it]


def test_prefiltered_patterns_answer_as_their_regex() -> None:
    patterns = [_RIGHT_RE, _ANY_RIGHT_RE, _BROWSER_ONLY_RE, captures._POLICY_RE, phrasing._CHROME_RE,
                phrasing._ADVICE_WORDS_RE, _PROMISE_RE, corroborate._NUMBER_RE, corroborate._POLARITY_RE]
    texts = _random_texts(3000, 13) + ["You can request access", "you may opt out", "the right to erasure",
                                        "Deletion requests are available", "How you can request it",
                                        "r\u0131ght to access", "we use your browser settings", ""]
    for p in patterns:
        assert isinstance(p, Prefiltered)
        rx = p.regex
        for t in texts:
            a, b = p.search(t), rx.search(t)
            assert (a.span() if a else None) == (b.span() if b else None), (p.pattern[:40], t)
            a, b = p.match(t), rx.match(t)
            assert (a.span() if a else None) == (b.span() if b else None), (p.pattern[:40], t)
            assert _spans(p.finditer(t)) == _spans(rx.finditer(t)), (p.pattern[:40], t)
            assert p.sub(" ", t) == rx.sub(" ", t)
            assert p.findall(t) == rx.findall(t) and p.findall(t.lower()) == rx.findall(t.lower())


def test_prefiltered_runs_the_regex_on_non_ascii_text() -> None:
    # re's case folding matches 'ı' for 'i' and 'ſ' for 's': lower() does not, so no hint is looked for
    p = Prefiltered(re.compile(r"(?i)\bright to\b"), ("right",))
    assert p.search("the r\u0131ght to know") is not None
    assert p.search("the wrong to know") is None
    assert p.search("the RIGHT TO know").span() == (4, 12)
    assert p.search("xx right to", 3).span() == (3, 11)


def test_at_least_equals_counting_every_match() -> None:
    rnd = random.Random(5)
    for _ in range(500):
        text = " ".join(rnd.choice(["the", "and", "Daten", "of", "wir", "x"]) for _ in range(rnd.randint(0, 30)))
        for count in (0, 0.5, 1, 2, 3.2, 7, 40):
            assert captures._at_least(captures._ENGLISH_RE.finditer(text), count) == \
                (len(captures._ENGLISH_RE.findall(text)) >= count)


def _brand_by_scan(body: str, m: re.Match[str]) -> bool:
    """The definition: any match of the glued word after a lower-case word elsewhere in body."""
    last = m.group(1).split()[-1]
    word = last + re.sub(r"['’]s$", "", m.group(2))
    here = m.end(1) - len(last)
    return any(x.start(1) != here for x in re.finditer(r"(?<![\w'’-])[a-z][\w'’-]*,? (" + re.escape(word) + r")\b", body))


def test_brand_test_equals_the_scan_of_the_paragraph() -> None:
    rnd = random.Random(7)
    words = ["DoubleClick", "Privacy", "Policy", "An", "updated", "places", "cookies", "the", "vendor", "Data",
             "Secure", "encrypted", "Service", "about", "we", "use", "by", "Apple's", "iCloud"]
    bodies = ["We use it.DoubleClick places cookies and the vendor DoubleClick serves ads.",
              "Read on.Privacy PolicyAn updated version is here.",
              "Keep it.Secure DataData encrypted at rest, as Service DataData about use."]
    for _ in range(800):
        bodies.append(" ".join(rnd.choice(words) + rnd.choice(["", ".", "", " "]) for _ in range(rnd.randint(3, 25))))
    seen = 0
    for body in bodies:
        for m in headings._GLUED_MID_RE.finditer(body):
            seen += 1
            assert headings._brand(body, m) == _brand_by_scan(body, m), body
    assert seen > 50


def test_topic_hints_hold_in_every_text_a_topic_pattern_matches() -> None:
    from tracker.changes import topics
    words = sorted({w for rx in topics._RULES.values() for w in re.findall(r"[a-z0-9]+", rx) if len(w) > 1})
    rnd = random.Random(11)
    texts = [" ".join(rnd.choice(words) + rnd.choice(["", "s", "ed", "ing", ":"]) for _ in range(rnd.randint(1, 6)))
             for _ in range(6000)]
    texts += ["we use cookies", "uses of your data", "our purposes", "choices", "sdks and tags", "for up to a year",
              "under the age of 13", "llms", "sub-processors", "make it available to", "recommendations"]
    for topic, rx in topics._COMPILED.items():
        hints = topics._HINTS[topic]
        assert topic == "policy-changes" or hints, topic      # every other topic is pre-checked
        for t in texts:
            if hints and rx.search(t):
                assert any(h in t for h in hints), (topic, t)
    assert topics.topics_of("Uses of your data") == ["use"]
