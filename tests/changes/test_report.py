"""The report contract: exact spec fields, JSON determinism and round trip, rendering, escaping."""

from __future__ import annotations

import json
import re

import pytest

from tracker.changes import DETECTOR_VERSION, ChangeReport, compare, redline_html, render_html, render_text

TOPICS = {"collection", "use", "sharing", "sale", "cookies-tracking", "retention", "rights", "security",
          "children", "international-transfer", "do-not-track", "legal-basis", "policy-changes",
          "contact", "ai", "other"}


def _changed(policy: str) -> str:
    return (policy.replace("30 days", "90 days")
            .replace("## Contact Us", "## Cookies\n\nWe use Google Analytics cookies to measure traffic.\n\n## Contact Us")
            .replace("We will not sell", "We may sell"))


def test_to_dict_has_exactly_the_spec_fields(policy: str) -> None:
    d = compare(policy, _changed(policy)).to_dict()
    assert set(d) == {"verdict", "headline", "bullets", "similarity", "stats", "sections", "topics",
                      "entities", "changes", "date_stamp", "detector_version", "statements", "own_entities",
                      "vendor_roles", "links_changed"}
    assert d["bullets"] == [s["text"] for s in d["statements"]]
    for s in d["statements"]:
        assert set(s) == {"text", "topic", "impact", "old", "new", "changes"} and s["topic"] in TOPICS
        assert all(0 <= k < len(d["changes"]) for k in s["changes"])
    assert set(d["stats"]) == {"added", "removed", "reworded", "moved", "unchanged"}
    assert set(d["sections"]) == {"added", "removed", "renamed", "changed"}
    assert set(d["entities"]) == {"added", "removed"}
    for side in ("added", "removed"):
        assert set(d["entities"][side]) == {"laws", "vendors", "emails", "domains", "phones", "durations", "ages"}
        assert set(d["own_entities"][side]) == {"vendors", "domains"}
    assert all(set(t) == {"topic", "changes"} and t["topic"] in TOPICS for t in d["topics"])
    for c in d["changes"]:
        assert {"kind", "section", "old", "new", "topics", "material"} <= set(c)
        assert c["kind"] in {"added", "removed", "reworded", "moved"}
        assert set(c["topics"]) <= TOPICS
    assert d["verdict"] in {"cosmetic", "minor", "substantive", "major"}
    assert 0 <= d["similarity"] <= 1
    assert d["detector_version"] == DETECTOR_VERSION
    assert len(d["headline"]) < 160 and "\n" not in d["headline"]
    assert len(d["bullets"]) <= 8


def test_deterministic_and_round_trip(policy: str) -> None:
    new = _changed(policy)
    a, b = compare(policy, new), compare(policy, new)
    assert a.to_json() == b.to_json()
    back = ChangeReport.from_dict(json.loads(a.to_json()))
    assert back == a and back.to_json() == a.to_json()
    assert a.topics == [t["topic"] for t in a.to_dict()["topics"]]


def test_summary_names_the_changes(policy: str) -> None:
    r = compare(policy, _changed(policy))
    text = (r.headline + "\n" + "\n".join(r.bullets))
    assert "90 days" in text and "Google Analytics" in text
    # 'We will not sell' -> 'We may sell' reverses a core promise: major, and tagged sale
    assert r.verdict == "major" and "sale" in r.topics and not r.is_cosmetic


def test_identical_texts() -> None:
    r = compare("Same text.", "Same text.")
    assert r.verdict == "cosmetic" and r.changes == () and r.similarity == 1.0


def test_empty_inputs() -> None:
    r = compare("", "We collect your e-mail address.")
    assert r.verdict == "major" and r.stats["added"] == 1
    assert compare("", "").is_cosmetic


def test_text_render(policy: str) -> None:
    r = compare(policy, _changed(policy))
    out = render_text(r)
    assert out.startswith(r.headline)
    assert "{+90+}" in out and "[-30-]" in out
    assert "+ added" in out


def test_html_escapes_policy_text(policy: str) -> None:
    evil = policy.replace("## Contact Us", "## Contact Us\n\nWe <script>alert(1)</script> & track you with <b>cookies</b>.")
    r = compare(policy, evil)
    html = render_html(r)
    assert "<script>" not in html and "&lt;script&gt;" in html or "alert(1)" in html
    assert "<script" not in html
    assert "<ins>" in html
    for frag in (html, redline_html(r), redline_html(r, max_changes=1)):
        assert "<script" not in frag
        assert frag.count("<div") == frag.count("</div>")


def test_redline_html_limit_keeps_material_first(policy: str) -> None:
    new = _changed(policy).replace("# Example Privacy Policy", "# Example Privacy Policy\n\nWelcome, reader.")
    r = compare(policy, new)
    short = redline_html(r, max_changes=1)
    assert short.count('<p class="change') == 1
    assert "material" in short
    assert "more change" in short
    assert redline_html(r).count('<p class="change') == len(r.changes)


def test_moved_sentence_shown_as_moved(policy: str) -> None:
    line = "We keep your data for 30 days after you close your account.\n"
    new = policy.replace(line, "").replace("We use your information to provide", line.strip() + "\nWe use your information to provide")
    r = compare(policy, new)
    out = render_text(r)
    assert "> moved" in out and "[-We keep" not in out
    assert re.search(r"Moved:", render_html(r))


@pytest.mark.slow
def test_byte_identical_across_processes(policy: str, tmp_path) -> None:
    """Set iteration order changes with PYTHONHASHSEED; the report must not."""
    import os
    import subprocess
    import sys
    (tmp_path / "old.md").write_text(policy, encoding="utf-8")
    (tmp_path / "new.md").write_text(_changed(policy) + "\nWe use Hotjar, Intercom and Mixpanel for 13 months.\n",
                                     encoding="utf-8")
    code = ("import sys; from pathlib import Path; from tracker.changes import compare, render_html; "
            "r = compare(Path(sys.argv[1]).read_text(), Path(sys.argv[2]).read_text()); "
            "sys.stdout.write(r.to_json() + render_html(r))")
    outs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outs.add(subprocess.run([sys.executable, "-c", code, str(tmp_path / "old.md"), str(tmp_path / "new.md")],
                                env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outs) == 1
