"""A statement states a practice, not a pasted sentence: openers and example lists dropped before a
bullet runs long, a too-long lede reduced rather than skipped, headings and menus glued to
sentences left out, the company's verbs agreeing, and statements that point nowhere (a pronoun
without its antecedent, a sentence about no data, advice to the reader) kept from the lede."""

from __future__ import annotations

from tests.support.changes import ch as _ch, ctx as _ctx
from tracker.changes.clauses import drop_examples, drop_opener, practice_of, reductions
from tracker.changes.headline import _led, _weak_lead, headline_of, tighten
from tracker.changes.phrasing import is_advice, is_page_chrome, shorten, third_person, tidy
from tracker.changes.priorities import RANK, tier
from tracker.changes.rules.common import Statement, _owner_says
from tracker.changes.statements import _loose, candidates
from tracker.changes.rules.sharing import law_statements
from tracker.changes.rules.practices import practice_statements
from tracker.changes.rules.retention import retention_statements
from tracker.changes.rules.rights import rights_statements
from tracker.changes.rules.promises import signal_statements
from tracker.changes.summary import Facts


def _facts() -> Facts:
    return Facts([], [], [], [], {}, {}, [("sharing", 1)], 0.9, {}, 1, 1, False)


def test_an_opener_of_footing_or_motive_is_dropped_but_never_a_condition() -> None:
    assert drop_opener("In compliance with the Safe Harbor Principles, Acme commits to resolve complaints about "
                       "your privacy") == "Acme commits to resolve complaints about your privacy"
    assert drop_opener("If you connect with Facebook, Acme will receive your friends list and profile") is None
    # a pronoun whose antecedent was in the opener takes its place, or the opener stays
    assert drop_opener("Because this Web site wants to show its commitment, it has agreed to disclose its practices") \
        == "This Web site has agreed to disclose its practices"
    assert drop_opener("Because you asked for it, they have agreed to disclose the practices of the site") is None
    # an opener that holds what is new to this version stays
    assert drop_opener("Under the Privacy Shield Framework, Acme collects and uses EU personal data",
                       ("privacy shield",)) is None


def test_a_trailing_list_of_examples_is_dropped_only_when_it_is_a_list() -> None:
    assert drop_examples("Acme collects information about your device, such as your IP address and the pages you "
                         "visit") == "Acme collects information about your device"
    # the list was the subject's: 'use your location' is the verb of the sentence
    assert drop_examples("Some of the services that you use in the app, such as Maps, use your location") is None
    # the sentence goes on after the list: the recipient of a promise is not an example
    assert drop_examples("Acme does not share any of your personal information, including your shopping history, "
                         "with your cable or satellite TV provider") is None
    assert drop_examples("Acme collects information, such as when you visit the site and what you read") is None


def test_practice_of_keeps_the_longest_reduction_that_fits() -> None:
    text = ("In the course of serving advertisements to its users, Acme may allow authorized third parties to place "
            "or recognize a unique cookie on your browser, such as DoubleClick cookies")
    assert practice_of(text, 140) == ("Acme may allow authorized third parties to place or recognize a unique cookie "
                                      "on your browser, such as DoubleClick cookies")
    assert practice_of(text, 100) == "Acme may allow authorized third parties to place or recognize a unique cookie on your browser"
    assert practice_of("Acme sells data", 140) == "Acme sells data"
    assert list(reductions("Acme sells data to brokers")) == []


def test_a_long_lede_is_reduced_to_its_practice_instead_of_skipped() -> None:
    first = Statement("In compliance with the US-EU and US-Swiss Safe Harbor Principles and its certification, Acme "
                      "endeavors to resolve all complaints about privacy and the collection or use of customer "
                      "information", "international-transfer", "transfer-basis")
    second = Statement("Acme keeps logs for 90 days", "retention", "retention-stated")
    head = headline_of([first, second], _facts(), "substantive", False)
    assert head.startswith("Acme endeavors to resolve all complaints about privacy"), head


def test_a_withdrawn_promise_is_headlined_by_its_verb_and_object() -> None:
    text = ("No longer promises: Verizon does not sell or disclose individually identifiable information obtained "
            "online about its visitors to anyone outside of Verizon")
    assert shorten(text, 130) == ("Verizon drops its promise not to sell or disclose individually identifiable "
                                  "information obtained online about its visitors")
    # never a clause whose subject is not a name: 'All information … will not be searchable'
    assert shorten("No longer promises: All information entered there will only be viewable by you and will not be "
                   "searchable by others without your consent", 100) is None


def test_a_rewrite_headline_reads_as_one_phrase_with_the_statement_label() -> None:
    assert _led("Rewrite: ", "New right: you can delete your data") == "Rewrite with a new right: you can delete your data"
    assert _led("Rewrite: ", "Right no longer stated: you can opt out") == "Rewrite drops a right: you can opt out"
    assert _led("Rewrite: ", "Acme sells data") == "Rewrite: Acme sells data"


def test_a_long_bullet_loses_its_opener_but_keeps_the_words_of_its_edit() -> None:
    s = Statement("Through cookies and other tracking technologies placed on its many sites and apps, Google collects "
                  "information about user activity to provide Acme with this service and processes it",
                  "collection", "collection-widened", None, "x")
    assert tighten(s).text.startswith("Google collects information about user activity"), tighten(s).text
    edit = Statement("Acme supports platforms for third-party developers to experiment and develop new tools and "
                     "sites and many other things besides, such as wmflabs.org (was: such as Labs wmflabs.org)",
                     "other", "reworded", "such as Labs wmflabs.org", "such as wmflabs.org", (0,))
    assert "wmflabs.org (was:" in tighten(edit).text


def test_a_heading_glued_to_its_sentence_is_left_out_and_brands_stay_whole() -> None:
    assert tidy("How our global services operateFacebook may share information internally.") == \
        "Facebook may share information internally"
    assert tidy("How our global services operateFacebook, Inc. complies with the framework.") == \
        "Facebook, Inc. complies with the framework"
    assert tidy("Our partner LinkedIn may share information.") == "Our partner LinkedIn may share information"
    assert tidy("For more information about how WebTrends collects data, see").startswith("For more information")
    assert tidy("Privacy PolicyIn the event of a sale") == "Privacy Policy: In the event of a sale"


def test_menus_glued_into_one_line_are_page_chrome_and_brand_names_are_not() -> None:
    assert is_page_chrome("Prime Instant VideosUnlimited streaming of thousands of movies with Amazon Prime")
    assert is_page_chrome("Untitled DocumentUntitled DocumentTarget Privacy Policy")
    assert is_page_chrome("Users providing feedback, such as ratings or complimentsUber business partners")
    assert not is_page_chrome("Online advertising for the site is delivered by the vendor DoubleClick")
    assert not is_page_chrome("The Replica Edition, which is maintained by NewspaperDirect, has its own policy")


def test_verbs_agree_with_the_company_after_a_modal_in_a_list_and_in_an_inversion() -> None:
    assert third_person("We cannot control how developers use it", "Acme") == "Acme cannot control how developers use it"
    assert third_person("how we collect, use, share and protect information", "Acme") == \
        "how Acme collects, uses, shares and protects information"
    assert third_person("nor do we transmit to them any data", "Acme") == "nor does Acme transmit to them any data"
    assert third_person("Acme we share the information", "Acme") == "Acme shares the information"


def test_a_disclaimer_is_not_a_right_and_a_law_is_not_cited_twice() -> None:
    c = _ch("added", None, "We cannot control the actions of other Users with whom you may choose to share your pages.")
    assert rights_statements(_ctx(c)) == []
    laws = {"vendors": [], "laws": ["Swiss-U.S. Privacy Shield"]}
    said = _owner_says(_ctx(entities_added=laws), "We comply with the Swiss-US Privacy Shield principles.")
    assert said == "Acme complies with the Swiss-US Privacy Shield principles", said


def test_retention_named_in_a_list_of_what_a_framework_covers_is_no_retention_rule() -> None:
    c = _ch("added", None, "We comply with the Privacy Shield framework for the collection, use and retention of "
            "information from the EU.", ("retention",))
    assert retention_statements(_ctx(c)) == []


def test_deleting_as_one_of_the_users_rights_is_no_retention_rule() -> None:
    for right in ("Acme provides a number of options to access, correct, suppress, or delete your personal information.",
                  "All users may review, update, correct or delete the personal information in their account.",
                  "You can request deletion of your account at any time.",
                  # the user's own act, with no rule of the company's after it
                  "You can also permanently delete your Acme account.",
                  "If you want to delete or remove your Facebook Information permanently, you may send an e-mail to us.",
                  "If you delete cookies, change your browser settings or switch browsers, you will need to opt-out again.",
                  # a label the user types, whole or cut by a sentence split
                  'Please write "Delete my Facebook Information" in the subject line of your e-mail.',
                  'Delete my Facebook Information" in the subject line and your full name in the body of the e-mail.'):
        assert retention_statements(_ctx(_ch("added", None, right, ("retention",)))) == [], right
    rule = _ch("added", None, "Acme deletes your search queries after 90 days.", ("retention",))
    assert [s.impact for s in retention_statements(_ctx(rule))] == ["retention-changed"]
    after = _ch("added", None, "If you delete your account, Acme keeps your posts for 30 days.", ("retention",))
    assert [s.impact for s in retention_statements(_ctx(after))] == ["retention-changed"]


def test_how_to_use_rights_and_what_any_browser_does_are_no_rights() -> None:
    for text in ("You may exercise these rights by emailing us at privacy@acme.com or by contacting us at:",
                 "You can remove or block cookies using the settings in your browser.",
                 "You can set your browser to refuse cookies.",
                 "You may choose to give Acme personal information in a variety of situations.",
                 "You can review its Privacy Shield registration here.",
                 "You may also choose to disclose your information in the following ways:",
                 "You may also control how certain information is shared in your Privacy Settings on Facebook.",
                 "Acme reserves the right to correct any errors or omissions in this Service.",
                 "You may also choose to grant Acme access to your activity data from another service.",
                 "You may obtain copies of the model contractual clauses by contacting Acme.",
                 "You may choose to associate a Google account with your Acme registration.",
                 "Acme also tracks your order history so you can access Your Account and see which items you bought.",
                 # a practice with a control as its aside, withholding data, agreeing to a feature
                 "We may later suggest people to follow based on your imported address book contacts, which you can "
                 "delete at any time.",
                 "You can choose not to provide personal information Acme may request of you.",
                 "You can opt in to receive push notifications from Acme.",
                 "You can choose to receive mobile push notifications from Acme.",
                 "You can disable or delete similar data used by browser add-ons, such as Flash cookies, by changing "
                 "the add-on's settings or visiting the Website of its manufacturer."):
        assert rights_statements(_ctx(_ch("added", None, text, ("rights",)))) == [], text
        assert rights_statements(_ctx(_ch("removed", text, None, ("rights",)))) == [], text
    for own in ("You can opt out of interest-based ads in your Acme account settings.",
                "You can review and update your account information at any time.",
                "You can control how your information is shared in your Privacy Settings on Acme.",
                "You may opt out of such emails here, though Acme reserves the right to send you account notices.",
                "You may obtain a copy of your personal data by contacting us.",
                "You can delete the contacts you imported, which Acme keeps until then.",
                "You can choose not to receive promotional e-mails from Acme."):
        assert [s.impact for s in rights_statements(_ctx(_ch("added", None, own, ("rights",))))] == ["right-added"], own


def test_ignoring_do_not_track_is_a_practice_and_honouring_it_a_commitment() -> None:
    def said(text: str) -> list[tuple[str, str]]:
        return [(s.impact, s.text) for s in signal_statements(_ctx(_ch("added", None, text, ("do-not-track",))))]
    assert said('At this time, we do not respond to browser "do not track" signals.') == [
        ("practice-changed", 'At this time, Acme does not respond to browser "do not track" signals')]
    assert said("Although we would like to honor Do Not Track signals, we are unable to honor them at this time.")[0][0] \
        == "practice-changed"
    assert said("We honor the Global Privacy Control signal as a request to opt out of sales.")[0][0] == "promise-added"
    from tracker.changes.rules.promises import _promise_of
    assert not _promise_of("Acme", 'Acme does not respond to browser "do not track" signals')
    # what others may do one day is neither
    assert said('There is no industry standard for how companies should respond to "do not track" signals.') == []


def test_statements_without_an_antecedent_or_about_no_data_are_left_out_while_others_remain() -> None:
    assert _loose(Statement("It will receive basic data about you as detailed in section 6.3 above", "ai",
                            "collection-widened", None, "x 6.3"))
    assert _loose(Statement("No longer says: the company strives to be a responsible corporate citizen", "other",
                            "reworded", "x", None))
    assert not _loose(Statement("These cookies and identifiers use information about your visits", "other", "reworded"))
    assert not _loose(Statement("Now says “Box 8041, Davenport” (was: “Box 217, Northvale”)", "other", "reworded",
                                "Box 217", "Box 8041"))
    pronoun = _ch("added", None, "They may combine this information with what they know about you.", ("sharing",))
    real = _ch("added", None, "We share your purchase history with advertising partners.", ("sharing",))
    texts = [s.text for s in candidates(_ctx(pronoun, real))]
    assert texts and not any(t.startswith("They") for t in texts), texts


def test_advice_to_the_reader_is_never_the_lede() -> None:
    assert is_advice("Children should exercise caution before providing personal information online.")
    assert is_advice("We urge you to keep your password secret.")
    assert not is_advice("We share your data with partners.")
    advice = _ch("added", None, "Children should always ask a parent before giving us any personal information.",
                 ("children",))
    assert all(s.impact == "pointer" for s in candidates(_ctx(advice)))


def test_a_lede_must_be_a_clause_of_its_own() -> None:
    for text in ("With respect to Personal Information received or transferred under the framework",
                 "If you have questions about its participation in the program",
                 "Adds “magazines or other” after “including when you order”",
                 "It will receive basic data about you as detailed above",
                 "If you have questions or complaints about its practices, please contact Acme at privacy@acme.com"):
        assert _weak_lead(Statement(text, "other", "practice-changed")), text
    assert not _weak_lead(Statement("If you use the app, Acme collects your location every hour", "other",
                                    "practice-changed"))


def test_trackers_used_for_ads_rank_with_collection_and_a_law_cited_trails_practices() -> None:
    ads = _ch("added", None, "We also use cookies and advertising identifiers to deliver and tailor advertising.",
              ("cookies-tracking",))
    assert [s.impact for s in practice_statements(_ctx(ads))] == ["collection-widened"]
    law = _ch("added", None, "We rely on Standard Contractual Clauses for international transfers of your data.",
              ("international-transfer",))
    cited = _ch("added", None, "We comply with the CCPA when we process data of California residents.", ("rights",))
    ctx = _ctx(law, cited, entities_added={"vendors": [], "laws": ["Standard Contractual Clauses", "CCPA"]})
    impacts = {s.new: s.impact for s in law_statements(ctx)}
    assert impacts == {"Standard Contractual Clauses": "law-for-transfers", "CCPA": "law-cited"}
    assert tier("law-for-transfers") < tier("law-cited") == tier("reworded")
    assert RANK["law-cited"] < RANK["reworded"]


def test_an_item_added_to_or_dropped_from_a_list_of_data_is_said_as_such() -> None:
    from tracker.changes.edits import edit_statement
    tail = (" and many other things that make this sentence far too long to quote as one clause of a bullet that "
            "a reader takes in at a glance.")
    c = _ch("reworded", "When you buy, we collect your name and payment information, such as credit card or checking "
            "account information" + tail, "When you buy, we collect your name and payment information, such as credit "
            "card information" + tail)
    assert edit_statement(_ctx(c), c) == ("Acme collects your name and payment information, no longer including checking "
                                          "account information", "checking account information", None)
    from tracker.changes.edits import list_edit      # the fallback when no clause of its own fits
    assert list_edit(_ctx(c), c, "or checking account", "") == (
        "Acme no longer lists checking account among the data it collects", "checking account", None)
    o = ("Examples of the information we collect and analyze include the IP address, login, password, computer and "
         "connection information such as browser type and version, purchase history, which we sometimes aggregate "
         "with similar information from other customers.")
    n = o.replace("browser type and version", "browser type, version, and timezone setting, browser plug-in types")
    c = _ch("reworded", o, n)
    assert edit_statement(_ctx(c), c)[0] == \
        "Acme now also lists timezone setting, browser plug-in types among the data it collects"


def test_a_sentence_announcing_a_list_it_does_not_quote_never_leads() -> None:
    assert _weak_lead(Statement("New right: you can access or update some of your information in the following ways",
                                "rights", "right-added"))
    assert not _weak_lead(Statement("New right: you can access or update your information at any time", "rights",
                                    "right-added"))


def test_a_control_reworded_into_a_right_is_a_changed_right_not_a_new_one() -> None:
    c = _ch("reworded", "Customers who prefer that we not share their customer information for marketing may opt out "
            "by calling us.", "You can limit our sharing of certain Customer Proprietary Network Information for certain "
            "marketing uses.", ("rights",))
    said = rights_statements(_ctx(c))
    assert [s.impact for s in said] == ["practice-changed"] and "(was: " in said[0].text, said
    new = _ch("reworded", "We keep your data safe.", "You can limit our sharing of your data for marketing.", ("rights",))
    assert [s.impact for s in rights_statements(_ctx(new))] == ["right-added"]


def test_a_fragment_is_no_statement_and_a_heading_never_leads() -> None:
    assert _loose(Statement("All data collected", "collection", "collection-widened", None, "All data collected"))
    assert not _loose(Statement("Now also names XO", "other", "reworded", None, "XO"))
    assert _weak_lead(Statement("Adds a section “Other Websites and Platforms”", "other", "section-added"))


def test_offices_named_together_are_one_statement_and_a_connective_opener_is_dropped() -> None:
    from tracker.changes.digests import office_statements
    c1 = _ch("added", None, "You can contact our Data Protection Officer at dpo@acme.com with any question.")
    c2 = _ch("added", None, "Our lead supervisory authority is the Irish Data Protection Commission for EU users.")
    said = office_statements(_ctx(c1, c2))
    assert [s.text for s in said] == ["Names a Data Protection Officer (reachable at dpo@acme.com) and a lead "
                                      "supervisory authority"], said
    assert said[0].changes == (0,)
    assert tidy("Similarly, if one of these partners has data about you.") == "if one of these partners has data about you"


def test_data_added_right_after_the_verb_of_practice_is_what_the_company_now_also_does() -> None:
    from tracker.changes.edits import _grown_object
    assert _grown_object(_ctx(), "Washington Post may collect", "browser type and settings, such as language") == \
        "Washington Post may now also collect browser type and settings, such as language"
    assert _grown_object(_ctx(), "We may collect", "the IP address of your device") == \
        "Acme may now also collect the IP address of your device"
    assert _grown_object(_ctx(), "We may collect", "if you agree to it") is None
    assert _grown_object(_ctx(), "Acme Corporation subsidiaries include", "Dermstore LLC") is None


def test_a_sentence_in_another_language_is_never_dropped_for_lacking_english_data_words() -> None:
    assert not _loose(Statement("Adds: 您的数据可能被传输到其他国家。Ваши данные могут передаваться в другие страны", "other",
                                "reworded", None, "x"))


def test_a_headline_leaves_out_the_users_motive_not_the_object() -> None:
    """'… if you want to back it up …' says why a user might, not when the right applies: a
    headline too long with it drops it, never the object of the right."""
    s = Statement("New right: you can export a copy of content in your Google Account if you want to back it up or "
                  "use it with a service outside of Google", "rights", "right-added")
    head = headline_of([s], _facts(), "major", True)
    assert head == "Rewrite with a new right: you can export a copy of content in your Google Account", head


def test_a_name_bullet_that_a_chosen_statement_already_says_is_not_repeated() -> None:
    from tracker.changes.statements import _repeats
    renamed = Statement("Now says Wikimedia Cloud Services instead of Wikimedia Labs", "other", "reworded")
    assert _repeats(Statement("No longer names Labs Cloud Services", "other", "reworded"), [renamed])
    assert not _repeats(Statement("No longer names Toolforge", "other", "reworded"), [renamed])
    assert not _repeats(Statement("New right: deletion of your data", "rights", "right-added"), [renamed])
