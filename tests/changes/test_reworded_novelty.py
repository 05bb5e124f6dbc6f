"""A sentence reworded, re-wrapped or glued to a heading is neither new nor gone (issue 13's
false 'New …' / 'No longer …' lines): wraps cut mid-sentence are joined, a question's 'No.'
negates nothing, an unpaired added and removed sentence saying the same is a rewording, and a
sentence the other page still writes word for word was not dropped."""

from __future__ import annotations

from tests.support.changes import ch
from tracker.changes.corroborate import (Side, corroborated, narrowed_in, protection_kinds, reworded_pair, sign,
                                         verbatim)
from tracker.changes.rules.common import Statement
from tracker.changes.segment import unwrap

KINDS = protection_kinds(lambda t: "does not" in t or "do not" in t)


def test_a_long_line_going_on_in_lower_case_is_one_sentence_with_the_next() -> None:
    text = ("Outside the Acme Family of Companies:\n"
            "Except in certain circumstances explained in our privacy policy, Acme does not\n"
            "sell, license or share information that individually identifies our customers\n"
            "with others outside of Acme for non-Acme purposes without your consent.\n"
            "Read more")
    lines = unwrap(text).split("\n")
    assert lines[1].startswith("Except in certain") and lines[1].endswith("without your consent.")
    assert lines[0] == "Outside the Acme Family of Companies:" and lines[2] == "Read more"


def test_a_list_item_before_a_short_chrome_line_or_a_web_address_stays_apart() -> None:
    for text in ("registration to membership programs or newsletter subscriptions and such events\nback to top",
                 "Cisco has published some helpful guidelines on privacy, ongoing and found at\n"
                 "http://www.example.com/privacy/index.html."):
        assert unwrap(text) == text


def test_a_questions_answer_negates_nothing() -> None:
    assert sign("No. We do not sell your personal information to anyone.").polarity == ("not",)
    assert sign("No, we do not sell it.").polarity == ("not",)


def test_a_promise_to_sell_or_disclose_narrowed_with_an_exception_is_found() -> None:
    claim = ("No. We do not sell or disclose individually identifiable information obtained online about our "
             "visitors to anyone outside of Acme.")
    holder = ("Except in certain circumstances explained in our privacy policy, Acme does not sell, license or share "
              "information that individually identifies our customers with others outside of Acme for non-Acme "
              "purposes without your consent.")
    kind = KINDS(holder)
    assert kind is not None
    assert narrowed_in(claim, Side([holder]), kind) == holder


def test_a_sentence_the_other_page_writes_word_for_word_is_there() -> None:
    page = ("Google Fi, for a phone planSensor data from your deviceYour device may have sensors that can be used "
            "to better understand your location and movement. For example, an accelerometer …")
    assert verbatim("Your device may have sensors that can be used to better understand your location and movement.",
                    page)
    assert not verbatim("Your device may have sensors.", page)      # too short to be recognised
    assert not verbatim("Your device may have sensors that can be used to understand your location.", page)


def test_a_sentence_said_gone_is_kept_out_when_the_page_still_writes_it() -> None:
    gone = "Your device may have sensors that can be used to better understand your location and movement."
    changes = [ch("removed", gone, None)]
    said = [Statement(f"No longer says: {gone}", "location", "practice-changed", gone, None, (0,))]
    page = "Sensor data from your deviceYour device may have sensors that can be used to better understand " \
           "your location and movement. For example …"
    kept = corroborated(said, changes, [gone], ["For example …"], KINDS, pages={"old": gone, "new": page})
    assert kept == []
    assert corroborated(said, changes, [gone], ["For example …"], KINDS) == said


def test_an_unpaired_added_and_removed_sentence_saying_the_same_is_a_rewording() -> None:
    old = "If you are a user in the EEA and have a question or a complaint about Acme and Privacy Shield, please contact us."
    new = "EEA individuals with inquiries or complaints regarding our Privacy Shield policy should first contact Acme here."
    changes = [ch("removed", old, None), ch("added", None, new)]
    gone = Statement(f"No longer says: {old}", "contact", "practice-changed", old, None, (0,))
    assert reworded_pair(gone, changes)
    kept = corroborated([gone], changes, [old], [new], KINDS)
    assert kept == []


def test_a_sentence_that_grew_a_clause_is_still_news() -> None:
    old = "By doing this, you are asking Facebook to send us registration information from your Facebook profile."
    new = ("By doing this, you are asking Facebook to send us certain information from your Facebook profile, and "
           "you authorize us to collect, store, and use any and all information available to us through Facebook.")
    changes = [ch("removed", old, None), ch("added", None, new)]
    added = Statement(f"New: {new}", "sharing", "collection-widened", None, new, (1,))
    assert not reworded_pair(added, changes)


def test_a_menu_item_ending_in_a_bar_is_no_section() -> None:
    from tracker.changes.segment import segment
    text = ("Privacy Statement\n\nWe collect your name when you register for an account.\n\n"
            "Contacts & Feedback |\n\nHelp\n")
    titles = [s.title for s in segment(text).sections]
    assert "Contacts & Feedback" not in titles
