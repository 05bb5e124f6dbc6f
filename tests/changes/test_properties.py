"""Property tests: known mutations of real seed policies must be named by the report."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.support.properties import examples
from tracker.changes import compare
from tracker.changes.segment import segment

VENDORS = ["Google Analytics", "Hotjar", "Intercom", "Mixpanel", "Stripe", "Segment.io", "Braze", "Criteo"]


def _paragraph_ends(text: str) -> list[int]:
    return [m.end() for m in re.finditer(r"[.!?]\n", text)]



@pytest.mark.slow
@settings(max_examples=examples(20), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_inserted_vendor_and_period_are_named(seeds: list[str], data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(seeds))
    ends = _paragraph_ends(text)
    if not ends:
        return
    at = data.draw(st.sampled_from(ends))
    vendor = data.draw(st.sampled_from(VENDORS))
    days = data.draw(st.integers(min_value=2, max_value=400))
    canonical_vendor = "Segment" if vendor == "Segment.io" else vendor
    if canonical_vendor in compare(text, text).entities_added["vendors"] or vendor in text:
        return
    sentence = f"\nWe share usage data with {vendor} and keep it for {days} days.\n"
    new = text[:at] + sentence + text[at:]
    r = compare(text, new)
    assert r.verdict in ("minor", "substantive")
    assert canonical_vendor in r.entities_added["vendors"]
    if f"{days} days" not in segment(text).text:
        assert f"{days} days" in r.entities_added["durations"]
    summary = r.headline + " " + " ".join(r.bullets)
    assert canonical_vendor in summary


@settings(max_examples=examples(20), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_noise_mutations_stay_cosmetic(seeds: list[str], data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(seeds))
    mutation = data.draw(st.sampled_from(["spaces", "quotes", "blank lines", "crlf", "trailing"]))
    if mutation == "spaces":
        new = re.sub(r"(?<=\S) (?=\S)", "  ", text)
    elif mutation == "quotes":
        new = text.replace('"', "\u201c").replace("'", "\u2019")
    elif mutation == "blank lines":
        new = text.replace("\n\n", "\n\n\n")
    elif mutation == "crlf":
        new = text.replace("\n", "\r\n")
    else:
        new = "\n".join(line.rstrip() + " " if line.strip() else line for line in text.split("\n"))
    r = compare(text, new)
    assert r.verdict == "cosmetic", (mutation, [c.to_dict() for c in r.changes][:3])


@settings(max_examples=examples(15), deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_deleted_sentence_is_reported_removed(seeds: list[str], data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(seeds))
    doc = segment(text)
    candidates = [s.text for s in doc.sentences if len(s.text.split()) >= 8 and text.count(s.text) == 1
                  and sum(1 for t in doc.sentences if t.key == s.key) == 1]
    if not candidates:
        return
    victim = data.draw(st.sampled_from(candidates))
    r = compare(text, text.replace(victim, "", 1))
    assert r.verdict != "cosmetic"
    assert any(c.kind in ("removed", "reworded") and c.old and (victim in c.old or c.old in victim)
               for c in r.changes)
