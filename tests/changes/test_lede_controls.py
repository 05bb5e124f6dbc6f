"""What leads when a practice and a control over it both appear, when sharing is hedged, when ads
follow the user, and when a section is for some users only (tracker.changes.priorities,
tracker.changes.statements.select and scoped, tracker.changes.headline)."""

from __future__ import annotations

from tracker.changes.headline import _purpose_lost, _unpadded, headline_of, summarise
from tracker.changes.priorities import hedged, narrow, promise_firmness, ranked_standing, section_audience, standing, tier, tracks_for_ads
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement
from tracker.changes.statements import controlled_practices, cover, scoped, select
from tracker.changes.summary import Facts


def _facts(changes: list[Change] | None = None) -> Facts:
    return Facts(changes or [], [], [], [], {}, {}, [("collection", 1)], 0.9, {}, 1, 1, False)


_RIGHT = Statement("New right: you can opt out of location services at any time", "rights", "right-added", None, "x", (6,))
_COLLECTS = Statement("Acme collects location data provided by your mobile device", "collection", "collection-widened",
                      None, "y", (3,))
_PROMISE = Statement("New commitment: Acme will not use your personal information for other purposes without your consent",
                     "use", "promise-added", None, "z", (7,))


def test_a_new_collection_leads_the_right_that_lets_the_user_stop_it() -> None:
    out = select([_RIGHT, _PROMISE, _COLLECTS], added=frozenset({3, 6, 7}))
    assert [s.changes for s in out][:2] == [(3,), (6,)]
    assert headline_of(out, _facts(), "substantive", False) == _COLLECTS.text


def test_a_practice_reworded_or_about_other_data_keeps_its_place_behind_the_right() -> None:
    # reworded (not a sentence new to this version): it was there before its control
    assert controlled_practices([_RIGHT, _COLLECTS], frozenset({6})) == {}
    other = Statement("Acme collects your shipping address when you order", "collection", "collection-widened", None, "w", (3,))
    assert controlled_practices([_RIGHT, other], frozenset({3, 6})) == {}
    negated = Statement("Acme does not collect location data from your mobile device", "collection", "collection-widened",
                        None, "w", (3,))
    assert controlled_practices([_RIGHT, negated], frozenset({3, 6})) == {}
    assert controlled_practices([_RIGHT, _COLLECTS], frozenset({3, 6})) == {1: tier("right-added")}


def test_tracking_for_ads_new_to_this_version_is_a_practice_not_a_remark() -> None:
    link = "Target may now also link your various devices so that content you see on one device results in relevant advertising"
    assert tier("practice-changed") == 3 and standing("practice-changed", link) == 2
    assert tracks_for_ads("New: Acme uses retargeting cookies to show you its ads on other sites")
    assert tracks_for_ads("Oracle may now participate in advertising technology networks that collect data from other websites")
    # not new, a way out of it, a term explained, a denial: none is the tracking itself
    assert not tracks_for_ads("Acme uses retargeting cookies to show you its ads on other sites")
    assert not tracks_for_ads("New: Some of these companies offer a tool to opt out of targeted ads")
    assert not tracks_for_ads("New: Interest-based ads are ads that are served to you based on your browsing")
    assert not tracks_for_ads("Acme now does not use your data for targeted advertising")


def test_anonymous_or_consented_sharing_and_a_vendors_control_trail_a_plain_widening() -> None:
    assert hedged("sharing-widened", "Acme now shares ad performance reports with its partners in aggregate form")
    assert hedged("sharing-widened", "When you otherwise consent, Acme may share your information with other companies")
    assert hedged("collection-widened", "New: You can adjust Google's use of cookies by visiting Google's Ads Settings")
    assert hedged("collection-widened", "Acme Ticket - if you do not wish to receive Acme Ticket promotional e-mails, write to us")
    # the user's own opt-out of the company's ads is news; a promise is never 'hedged'
    assert not hedged("collection-widened", "If you prefer, you can opt out of interest-based advertising in your settings")
    assert not hedged("sharing-widened", "Acme now shares your purchase history with advertising partners")
    assert not hedged("promise-added", "New commitment: Acme does not share your data without your consent")
    aggregate = Statement("Acme now shares ad performance reports with its partners in aggregate form", "sharing",
                          "sharing-widened", None, "a", (1,))
    plain = Statement("Acme now shares your purchase history with its partners", "sharing", "sharing-widened", None, "b", (2,))
    assert [s.changes for s in select([aggregate, plain])] == [(2,), (1,)]


def test_a_name_that_must_be_said_is_said_by_the_practice_not_by_a_reassurance() -> None:
    owned = Statement("All data collected by Omniture on behalf of the site is owned and used by Acme", "collection",
                      "collection-widened", None, "a", (1,))
    tracks = Statement("Acme now uses Omniture to track and analyze usage statistics from its visitors", "sharing",
                       "new-recipient", None, "Omniture", (2,))
    assert standing(owned.impact, owned.text) == 3
    assert cover([], [owned, tracks], ("Omniture",)) == [tracks]


def test_the_headline_leaves_out_padding_but_never_a_clause_that_hands_data_on() -> None:
    assert _unpadded("No longer promises: Acme will never share your billing information, which Acme stores to bill you") \
        == "No longer promises: Acme will never share your billing information"
    kept = "Your trust is important to Acme, which is why Acme doesn't share information about you"
    assert _unpadded(kept) == kept
    assert _unpadded("Acme may now also link your various devices") == "Acme may now link your devices"
    assert _unpadded("Partners may use cookies or similar technologies to show you ads") == "Partners may use cookies to show you ads"


def test_a_cut_never_ends_on_the_tools_used_without_what_for() -> None:
    full = "Target now uses third-party advertising companies to display ads tailored to your individual interests"
    assert _purpose_lost(full, "Target now uses third-party advertising companies")
    # data used stays a practice even without its purpose
    assert not _purpose_lost("Oracle may now use the names of company CEOs to provide select services",
                             "Oracle may now use the names of company CEOs")


def test_a_section_for_some_users_only_is_said_with_its_audience() -> None:
    assert section_audience("Information for Pharmacy Guests in Texas") == "pharmacy guests in Texas"
    assert section_audience("Your California Privacy Rights") == "California residents"
    assert section_audience("For Users in the European Union") == "users in the European Union"
    assert section_audience("Cookies") is None and section_audience("Our Users") is None
    titles = {1: "Information for Pharmacy Guests in Texas", 2: "Sharing"}
    complaint = Statement("New: You may file a complaint with the Secretary of Health and Human Services", "rights",
                          "named-party", None, "a", (1,))
    texan = Statement("New: Texas guests may call the Texas State Board of Pharmacy", "rights", "named-party", None, "b", (1,))
    everyone = Statement("Acme now shares your data with its affiliates", "sharing", "sharing-widened", None, "c", (2,))
    out = scoped([complaint, texan, everyone], lambda k: titles[k])
    assert out[0].text.endswith("(for pharmacy guests in Texas only)") and narrow(out[0].text)
    assert out[1] == texan and out[2] == everyone        # says so itself; not in such a section


def test_the_audience_goes_before_the_old_value_and_reaches_the_headline() -> None:
    changes = [Change("reworded", "Notice to EEA Residents", "We keep data for 30 days.", "We keep data for 60 days.")]
    s = Statement("Acme keeps your data for 60 days (was: 30 days)", "retention", "retention-changed", "30 days", "60 days", (0,))
    [stated], headline = summarise(_facts(changes), "substantive", [s], False, False)
    assert stated.text == "Acme keeps your data for 60 days (for EEA residents only) (was: 30 days)"
    assert "EEA residents only" in headline


def test_a_hedged_promise_made_firm_is_a_commitment_and_the_reverse_a_loss() -> None:
    assert promise_firmness("Acme does not intend to transfer your data", "Acme will not transfer your data") == 1
    assert promise_firmness("Acme will not transfer your data", "Acme generally will not transfer your data") == -1
    assert promise_firmness("Acme will not transfer your data", "Acme will never transfer your data") == 0
    firmed = Statement("Acme will not transfer your personal information without your consent (was: Acme does not intend to "
                       "transfer)", "sharing", "reworded", "Acme does not intend to transfer", "Acme will not transfer", (1,))
    aside = Statement("Adds: some third-party sites may be co-branded with an Acme logo", "other", "reworded", None, "x", (2,))
    assert tier("reworded") == 4 and ranked_standing(firmed.impact, firmed.text, firmed.old, firmed.new) == tier("promise-added")
    assert [s.changes for s in select([aside, firmed])] == [(1,), (2,)]
