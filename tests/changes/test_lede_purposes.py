"""The change that matters most to a user leads: a sentence that now uses the user's data for
advertising or promotion, or to recognise the user on other sites, and a dropped clause that let
ad networks use the user's browsing history, are stated and outrank reworded sentences and
names (tracker.changes.digests.purpose_statements, tracker.changes.priorities.tier)."""

from __future__ import annotations

from tracker.changes.detector import compare
from tracker.changes.priorities import tier

_INTRO = ("Acme Privacy Policy. This policy explains how Acme Inc. handles information about you. "
          "We collect the information you give us when you create an account, such as your name and e-mail address. "
          "We use your contact information to send you receipts and notices about your account. ")
_END = ("You can update your account information at any time in your account settings. "
        "If you have questions about this policy, please write to Acme Inc., 1 Main Street, Springfield.")


def test_a_new_promotional_use_of_posts_leads_over_a_renamed_product() -> None:
    old = _INTRO + ("Acme offers Forums, or message boards. "
                    "Any information you disclose when posting a message in these Forums becomes public. ") + _END
    new = _INTRO + ("Acme offers Forums (message boards) and Reader Reviews. "
                    "Any information you disclose when posting a message in these areas, along with your Member ID, "
                    "becomes public and may be used by Acme for related online and offline promotional uses. ") + _END
    r = compare(old, new)
    assert r.verdict in ("substantive", "major")
    assert "promotional uses" in r.bullets[0], r.bullets
    assert r.statements[0]["impact"] in ("collection-widened", "sharing-widened")


def test_a_dropped_clause_letting_ad_networks_use_browsing_history_is_news() -> None:
    old = _INTRO + ("We use information about your visits to our websites to recognize you when you come back and "
                    "Internet advertising networks may use your web browsing history to show you advertising. ") + _END
    new = _INTRO + "We use information about your visits to our websites to recognize you when you visit. " + _END
    r = compare(old, new)
    assert "advertising networks may use your web browsing history" in r.headline, r.headline
    assert r.headline.startswith("No longer says")
    assert r.statements[0]["impact"] == "sharing-narrowed"


def test_a_clause_still_said_elsewhere_is_not_reported_gone() -> None:
    kept = "Internet advertising networks may use your web browsing history to show you advertising. "
    old = _INTRO + ("We use information about your visits to our websites to recognize you when you come back and "
                    "Internet advertising networks may use your web browsing history to show you advertising. ") + _END
    new = _INTRO + "We use information about your visits to our websites to recognize you when you visit. " + kept + _END
    r = compare(old, new)
    assert not any(s["impact"] == "sharing-narrowed" for s in r.statements), r.bullets


def test_recognising_users_as_they_browse_online_outranks_a_scope_note() -> None:
    old = _INTRO + ("This Online Privacy Policy applies only to the information we collect through the Services. "
                    "We may also provide our service providers with lists of our user email addresses that they use "
                    "to recognize our users when they subscribe to third-party email services. ") + _END
    new = _INTRO + ("We may also provide our service providers with lists of our user email addresses that they use "
                    "to recognize our users as they navigate online or use third-party email services. ") + _END
    r = compare(old, new)
    assert "navigate online" in r.bullets[0], r.bullets


def test_a_negated_purpose_is_no_widening() -> None:
    old = _INTRO + _END
    new = _INTRO + "We do not use your purchase history to show you ads on other websites. " + _END
    r = compare(old, new)
    assert not any(s["impact"] in ("collection-widened", "sharing-widened") for s in r.statements), r.statements


def test_a_practice_with_a_direction_outranks_an_undirected_one_and_a_name() -> None:
    assert tier("sharing-narrowed") < tier("practice-changed") == tier("named-party") < tier("reworded")
    assert tier("collection-widened") < tier("retention-stated") < tier("section-added") < tier("pointer")


def test_identity_documents_newly_collected_are_named_with_their_condition() -> None:
    old = _INTRO + "If you join the Creator Program, we collect your name and payout e-mail address. " + _END
    new = _INTRO + ("If you join the Creator Program (e.g., our Partner Program), we collect your name, date of birth, "
                    "tax forms and government ID to pay you. ") + _END
    r = compare(old, new)
    said = [b for b in r.bullets if "now collects" in b]
    assert len(said) == 1 and said[0].startswith("If you join the Creator Program, ") \
        and said[0].endswith(" now collects date of birth, government ID and tax information"), r.bullets
    assert r.verdict in ("substantive", "major")


def test_a_sensitive_kind_the_old_text_named_is_not_new() -> None:
    old = _INTRO + "We may ask for your date of birth to confirm your age. " + _END
    new = _INTRO + "We may ask for your date of birth to confirm your age and collect it when you register. " + _END
    r = compare(old, new)
    assert not any("now collects" in b for b in r.bullets), r.bullets


def test_a_dropped_promise_to_delete_a_childs_data_leads() -> None:
    old = _INTRO + ("If a child has provided our website with personal information, we ask that a parent or guardian "
                    "call 1-800-555-0100 or contact us and we will delete the information about the child from our files. "
                    "There will be no charge for calling. ") + _END
    new = _INTRO + ("If a child has provided our website with personal information, we ask that a parent or guardian "
                    "call 1-800-555-0100 or contact us. ") + _END
    r = compare(old, new)
    assert r.headline.startswith("No longer says: ") and "will delete the information about the child" in r.headline, \
        r.headline
    assert r.statements[0]["impact"] == "children-rule"


def test_a_childs_deletion_promise_kept_in_another_sentence_is_not_gone() -> None:
    old = _INTRO + ("If a child has provided our website with personal information, we ask that a parent "
                    "contact us and we will delete the information about the child from our files. ") + _END
    new = _INTRO + ("If a child has provided our website with personal information, we ask that a parent contact us. "
                    "After that, we will delete the information about the child from our files. ") + _END
    r = compare(old, new)
    assert not any(s["impact"] == "children-rule" and s["text"].startswith("No longer") for s in r.statements), r.bullets


def test_a_vendor_newly_engaged_to_track_visitors_is_said_as_what_it_does() -> None:
    old = _INTRO + "We use cookies to remember your preferences. " + _END
    new = _INTRO + ("We use cookies to remember your preferences. Acme is currently using and has contracted with "
                    "Webtrends, a third party, to track and analyze usage and volume statistical information from our "
                    "visitors to administer our Web site. ") + _END
    r = compare(old, new)
    assert any(b.endswith("now uses Webtrends to track and analyze usage and volume statistical information from its visitors")
               for b in r.bullets), r.bullets


def test_platform_applications_newly_given_access_is_a_sharing_widening() -> None:
    old = _INTRO + "Other users can see your profile according to your privacy settings. " + _END
    new = _INTRO + ("Other users can see your profile according to your privacy settings. If you or your friends use "
                    "third-party applications built on the Acme Platform, those Platform Applications may access and "
                    "share certain information about you with others in accordance with your privacy settings. ") + _END
    r = compare(old, new)
    assert any(s["impact"] == "sharing-widened" and "may access and share certain information about you" in s["text"]
               for s in r.statements), r.statements


def test_a_section_title_glued_before_the_company_never_leads() -> None:
    from tracker.changes.headline import _weak_lead
    from tracker.changes.statements import Statement
    glued = Statement("Third-Party Automated Collection Acme participates in online behavioral advertising", "use",
                      "collection-widened")
    named = Statement("The New York Times Company may share your e-mail address with advertisers", "sharing",
                      "sharing-widened")
    assert _weak_lead(glued) and not _weak_lead(named)


def test_a_sentence_about_child_pornography_is_no_childrens_data_rule() -> None:
    old = _INTRO + ("Regrettably, there are those who use the Internet to view, store and distribute child pornography. "
                    "We share your contact details with our payment processor to bill you. ") + _END
    new = _INTRO + "We share your contact details with our payment processor to bill you. " + _END
    r = compare(old, new)
    assert not any(s["impact"] == "children-rule" for s in r.statements), r.statements


def test_a_list_of_location_sources_is_said_as_the_kind_collected() -> None:
    old = _INTRO + "Our app records your workouts. " + _END
    new = _INTRO + ("Our app records your workouts. If you enable location, we collect location data from "
                    "GPS signals, device sensors, Wi-Fi access points, and cell tower IDs. ") + _END
    r = compare(old, new)
    said = [b for b in r.bullets if "precise location" in b or "GPS" in b]
    assert said and all(b.split(",")[0].split()[0] != "GPS" for b in said), r.bullets
    assert any(b.endswith("now collects precise location") or "collect" in b for b in said), r.bullets
