"""The summary rules one by one: each returns statements of one kind with a named impact level;
priorities live in one ordered table; the verdict is decided by meaning."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.claims import keep_real_entities, keep_real_sections, plain, heading_lines
from tracker.changes.phrasing import clause_about, shorten, third_person
from tracker.changes.priorities import IMPACTS, RANK, tier
from tracker.changes.report import Change
from tracker.changes.statements import (Context, Statement, consent_statements, promise_statements,
                                        recipient_statements, retention_statements, rights_statements,
                                        section_statements, select, sharing_statements, value_statements)
from tracker.changes.trivial import is_trivial


def _ctx(*changes: Change, **kw: object) -> Context:
    base = dict(entities_added={"vendors": [], "laws": []}, entities_removed={"vendors": [], "laws": []},
                sections_added=[], sections_removed=[], owner="Acme")
    base.update(kw)
    return Context(list(changes), **base)  # type: ignore[arg-type]


def _ch(kind: str, old: str | None, new: str | None, topics: tuple[str, ...] = ("sharing",),
        flips: tuple[str, ...] = ()) -> Change:
    return Change(kind, "S", old, new, topics, True, flips)


def test_every_impact_level_has_a_reason_and_one_place() -> None:
    names = [n for n, _ in IMPACTS]
    assert len(names) == len(set(names)) and all(reason for _, reason in IMPACTS)
    assert RANK["sale-reversal"] < RANK["promise-withdrawn"] < RANK["sharing-widened"] < RANK["retention-changed"]
    assert RANK["retention-changed"] < RANK["transfer-basis"] < RANK["new-recipient"] < RANK["section-added"]
    assert tier("promise-withdrawn") < tier("new-recipient") < tier("reworded")


def test_withdrawn_promise_and_sale_reversal() -> None:
    gone = promise_statements(_ctx(_ch("removed", "We will not combine cookie data with your account "
                                                  "unless we have your opt-in consent.", None)))
    assert [s.impact for s in gone] == ["promise-withdrawn"]
    assert gone[0].text.startswith("No longer promises: Acme will not combine cookie data")
    sale = promise_statements(_ctx(_ch("reworded", "We will not sell your data to third parties.",
                                       "We may sell your data to advertising partners.", ("sale",))))
    assert sale[0].impact == "sale-reversal" and sale[0].topic == "sale"
    assert sale[0].text == ("Acme may sell your data to advertising partners "
                            "(was: acme will not sell your data to third parties)") or \
        sale[0].text.startswith("Acme may sell your data to advertising partners (was:")


def test_something_that_merely_will_not_work_is_no_promise() -> None:
    assert promise_statements(_ctx(_ch("removed", "Certain features will not be available once cookies "
                                                  "are disabled.", None))) == []


def test_consent_weakened() -> None:
    (s,) = consent_statements(_ctx(_ch("reworded", "We send offers only if you opt in.",
                                       "We send offers unless you opt out.", ("rights",), ("opt-in → opt-out",))))
    assert s.impact == "consent-weakened" and s.text.startswith("Acme sends offers unless you opt out (was:")


def test_value_change_is_attached_to_its_own_practice() -> None:
    (s,) = value_statements(_ctx(_ch("reworded", "Search logs are deleted after 180 days.",
                                     "Search logs are deleted after 90 days.", ("retention",))))
    assert s.text == "Search logs are deleted after 90 days (was: 180 days)"
    assert (s.impact, s.old, s.new, s.changes) == ("retention-changed", "180 days", "90 days", (0,))


def test_sharing_and_recipient_by_role() -> None:
    c = _ch("added", None, "We share your precise location with advertising partners.")
    assert [s.impact for s in sharing_statements(_ctx(c))] == ["sharing-widened"]
    signin = _ch("added", None, "You can sign in with Facebook or Google.", ("other",))
    assert recipient_statements(_ctx(signin, entities_added={"vendors": ["Facebook"], "laws": []})) == []
    proc = _ch("added", None, "We share payment data with Stripe, our payment processor.")
    (r,) = recipient_statements(_ctx(proc, entities_added={"vendors": ["Stripe"], "laws": []}))
    assert r.impact == "new-recipient" and "Stripe" in r.text


def test_rights_and_retention_rules() -> None:
    (r,) = rights_statements(_ctx(_ch("added", None, "You can appeal a refused request by writing to us.",
                                      ("rights",))))
    assert r.impact == "right-added" and r.text == "New right: you can appeal a refused request by writing to Acme"
    (k,) = retention_statements(_ctx(_ch("added", None, "We keep transaction data for at least 7 years.",
                                         ("retention",))))
    assert k.impact == "retention-stated" and k.text == "Acme keeps transaction data for at least 7 years"


def test_sections_are_one_statement_each_way() -> None:
    out = section_statements(_ctx(sections_added=["A Rights", "B Cookies"], sections_removed=["Old"]))
    assert [s.text for s in out] == ["Adds sections “A Rights” and “B Cookies”", "Removes the section “Old”"]


def test_select_orders_by_impact_caps_and_keeps_one_reading_per_change() -> None:
    cands = [Statement(f"reworded {i}", "other", "reworded", changes=(i,)) for i in range(5)]
    cands += [Statement("withdrawn", "sharing", "promise-withdrawn", changes=(9,)),
              Statement("same change, weaker reading", "sharing", "practice-changed", changes=(9,))]
    out = select(cands)
    assert out[0].text == "withdrawn" and len(out) <= 6
    assert "same change, weaker reading" not in [s.text for s in out]
    assert sum(s.impact == "reworded" for s in out) == 2


def test_phrasing_third_person_and_whole_clauses() -> None:
    assert third_person("We keep logs and we do not sell them to our partners", "Acme") == \
        "Acme keeps logs and it does not sell them to its partners"
    assert third_person("We and our partners use cookies", "Acme") == "Acme and its partners use cookies"
    long = ("We collect your name, e-mail address and phone number when you register, including through "
            "single sign-on providers, and we use them to verify your identity and to prevent fraud on the service")
    q = clause_about(long, None, 90)
    assert q is None or (len(q) <= 90 and "…" not in q)
    cut = shorten(long, 100)
    assert cut and len(cut) <= 100 and long.startswith(cut)


def test_trivial_changes() -> None:
    assert is_trivial(Change("reworded", "", "Data in the EEA stays there.",
                             "Data in the European Economic Area stays there."))
    assert is_trivial(Change("reworded", "", "We recieve your data.", "We receive your data."))
    assert is_trivial(Change("added", "", None, "We have updated our Privacy Policy."))
    assert not is_trivial(Change("reworded", "", "We keep data 30 days.", "We keep data 90 days."))


def test_verdict_by_meaning(policy: str) -> None:
    one = compare(policy, policy.replace("We send you marketing e-mails only if you opt in.\n", ""))
    assert one.verdict == "substantive" and one.statements[0]["impact"] == "promise-withdrawn"
    assert compare(policy, policy.replace("U.S.", "United States")).verdict == "cosmetic"
    assert compare(policy, "We have updated our Privacy Policy.\n\n" + policy).verdict == "cosmetic"
    assert compare(policy, policy).headline == "No change"


def test_sentence_split_by_punctuation_only_is_not_a_change(policy: str) -> None:
    new = policy.replace("We use your information to provide and improve the Service.\nWe will not sell",
                         "We use your information to provide and improve the Service; we will not sell")
    r = compare(policy, new)
    assert r.verdict == "cosmetic" and r.stats["added"] == r.stats["removed"] == r.stats["reworded"] == 0


def test_claims_guard_drops_what_the_other_text_still_says() -> None:
    old, new = "Menu: Facebook | Home\n\nWe keep logs 30 days.", "We keep logs 30 days.\n\nWe use Facebook pixels."
    added, removed = keep_real_entities({"vendors": ["Facebook"], "durations": []},
                                        {"vendors": [], "durations": []}, plain(old), plain(new))
    assert added["vendors"] == []
    a, r, n = keep_real_sections(["Cookies"], ["Contact"], [("Old", "New")],
                                 heading_lines("Cookies\nText.\nOld"), heading_lines("Contact\nNew\nText."))
    assert a == [] and r == [] and n == [("Old", "New")]


def test_markdown_and_plain_text_of_one_policy_are_equal(policy: str) -> None:
    import re
    r = compare(policy, re.sub(r"^#+ ", "", policy, flags=re.M))
    assert r.verdict == "cosmetic" and r.sections_added == () and r.sections_removed == ()
    wrap = "This page was archived on March 3, 2024. Please check the original snapshot for the current version.\n\n"
    w = compare(policy, wrap + policy)
    assert w.verdict == "cosmetic" and w.date_stamp["new"] == "March 1, 2023"
