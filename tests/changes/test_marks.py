"""Every shown line says what changed (tracker.changes.marks): an added sentence is new or left as
it stands, a reworded one says what its edit replaced, a headline cut keeps the old value."""

from __future__ import annotations

from tests.support.changes import ch, ctx
from tracker.changes.corroborate import said_before, Side
from tracker.changes.headline import _unlabelled, headline_of
from tracker.changes.marks import marked
from tracker.changes.phrasing import says_change
from tracker.changes.rules.common import Statement
from tracker.changes.summary import Facts

OLD = Side(["We collect the information you provide about those individuals such as their name and data.",
            "This Site and Application are not directed to children under 13.",
            "We may use your purchase history to recommend products to you."])


def _mark(change_new: str, text: str, impact: str = "collection-widened") -> str:
    c = ctx(ch("added", None, change_new))
    s = Statement(text, "other", impact, None, "x", (0,))
    return marked(c, s, said_before(OLD)).text


def test_a_sentence_whose_practice_the_old_text_wrote_gets_no_label() -> None:
    # restated: never 'now', 'New:', nor a 'Restates:' label blind readers found false as often as true
    assert _mark("Acme is not directed to children under 13.", "Acme is not directed to children under 13",
                 "children-rule") == "Acme is not directed to children under 13"
    assert _mark("Acme may use your purchase history to recommend products.",
                 "Acme may use your purchase history to recommend products") == \
        "Acme may use your purchase history to recommend products"


def test_a_sentence_an_old_one_half_holds_is_never_said_new() -> None:
    # 'collect', 'data', 'provide' in one old sentence: said_before holds it, so never 'now',
    # though the location data is not there
    text = "Acme collects location data provided by your mobile device"
    assert said_before(OLD)("We collect location data provided by your mobile device.")
    assert _mark("We collect location data provided by your mobile device.", text) == text


def test_a_sentence_the_old_text_never_wrote_is_said_new() -> None:
    assert _mark("We share your precise location with advertising partners.",
                 "Acme shares your precise location with advertising partners",
                 "sharing-widened") == "Acme now shares your precise location with advertising partners"
    # a law cited in a new sentence (said by its kind, so stated_as_new leaves it) is new too
    assert _mark("Acme complies with the EU-US Privacy Shield principles.",
                 "Acme complies with the EU-US Privacy Shield principles", "law-cited") == \
        "Acme now complies with the EU-US Privacy Shield principles"
    # an aside that opens the sentence goes, 'New: ' goes before the sentence
    assert _mark("NOTE: The dispute resolution process is only available in English.",
                 "NOTE: The dispute resolution process is only available in English") == \
        "New: The dispute resolution process is only available in English"


def test_a_reworded_sentence_says_what_its_edit_replaced_in_the_third_person() -> None:
    old = "If we learn that a child under 13 has provided us with personal information, we will delete it."
    new = "If we learn that a child under 16 has provided us with personal information, we will delete it."
    c = ctx(ch("reworded", old, new))
    s = Statement("If Acme learns that a child under 16 has provided Acme with personal information, it will delete it",
                  "children", "practice-changed", None, "16", (0,))
    out = marked(c, s, said_before(OLD)).text
    assert out.startswith(s.text + " (was: ") and "13" in out.split("(was: ")[1], out


def test_a_rewording_that_replaces_nothing_of_meaning_stays_a_plain_quote() -> None:
    c = ctx(ch("reworded", "We receive personal information about you from other sources as well.",
               "We receive personal information about you from other sources."))
    s = Statement("Acme receives personal information about you from other sources", "other", "reworded", None, None, (0,))
    assert marked(c, s, said_before(OLD)) == s


def test_a_reworded_sentence_naming_a_party_says_the_name_it_now_mentions() -> None:
    c = ctx(ch("reworded", "Our advertising services, including BrightRoll, provide these services.",
               "Our advertising services, including BrightRoll and Gemini, provide these services."))
    s = Statement("Its advertising services, including BrightRoll and Gemini, provide these services", "sharing",
                  "named-party", None, "Gemini", (0,))
    assert marked(c, s, said_before(OLD)).text == f"Now mentions Gemini: {s.text}"


def test_says_change_tells_marked_lines_from_plain_facts() -> None:
    for line in ("New right: you can appeal", "Acme now collects your IP address", "No longer says: x",
                 "Acme keeps logs for 90 days (was: 30 days)", "Restates: Acme is not directed to children"):
        assert says_change(line), line
    for line in ("Acme collects location data", "New York Times may log your IP address",
                 "Please note: this policy applies only to this site"):
        assert not says_change(line), line


def test_a_headline_cut_keeps_the_old_value_that_is_its_only_sign_of_change() -> None:
    text = ("Acme shares your purchase history (the items you bought in its stores or on any of its websites and "
            "apps) with advertising partners for marketing (was: with its affiliates)")
    s = Statement(text, "sharing", "reworded", "with its affiliates", "with advertising partners", (0,))
    f = Facts([], [], [], [], {}, {}, [("sharing", 1)], 0.9, {}, 1, 1, False)
    head = headline_of([s], f, "substantive", False)
    assert head == "Acme shares your purchase history with advertising partners for marketing (was: with its affiliates)", head


def test_a_retention_rule_too_long_for_its_label_is_still_said_new() -> None:
    assert _unlabelled("New retention rule: Acme deletes inactive accounts after 15 years") == \
        "New: Acme deletes inactive accounts after 15 years"
