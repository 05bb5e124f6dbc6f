"""The verdict by meaning: one small synthetic pair per rule, each able to fail."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.report import Change
from tracker.changes.trivial import glued_chrome, is_change_log, is_trivial, trivial_changes
from tracker.changes.verdict import practice_sections, widens_scope


def _reworded(old: str, new: str) -> Change:
    return Change("reworded", "", old, new, ("other",), False, ())


def _added(text: str) -> Change:
    return Change("added", "", None, text, ("other",), False, ())


def _removed(text: str) -> Change:
    return Change("removed", "", text, None, ("other",), False, ())


# -- cosmetic ---------------------------------------------------------------------------------

def test_preposition_swap_is_trivial_but_a_negation_is_not() -> None:
    assert is_trivial(_reworded("What happens when I provide information via this Web site?",
                                "What happens when I provide information on this Web site?"))
    assert not is_trivial(_reworded("We share data with partners.", "We share data without partners."))
    assert not is_trivial(_reworded("We do sell your data.", "We do not sell your data."))


def test_change_log_lines_are_trivial_even_glued() -> None:
    old = "Change log2018-03-15:More GDPR terms in the glossary."
    new = "No change in meaning.2018-03-15:More GDPR terms in the glossary.2018-04-04:Typo fixed."
    assert is_change_log(old) and is_change_log(new)
    assert is_trivial(_reworded(old, new))
    assert not is_change_log("From September 2022, we may ask some users for an e-mail address.")
    assert not is_trivial(_reworded("We keep logs for 30 days.", "We keep logs for 90 days."))


def test_verbless_fragment_is_trivial_a_sentence_is_not() -> None:
    assert is_trivial(_removed("Archived versions"))
    assert not is_trivial(_removed("We sell your data."))
    assert not is_trivial(_added("Contact privacy@example.com"))     # a contact is never a fragment
    assert not is_trivial(_added("precise location"))                # an item of a list of collected data
    assert not is_trivial(_added("advertising partners"))            # an item of a list of recipients


def test_page_chrome_glued_to_an_unchanged_sentence() -> None:
    sentence = "Our Online Privacy Policy You know and trust Target and we value your trust."
    chrome = "Music DVD Movies Books Shop All Departments Target : Privacy Policy Pharmacy Privacy"
    assert glued_chrome(sentence, f"{chrome} {sentence}")
    assert not glued_chrome(sentence, f"We now sell your data to brokers. {sentence}")
    assert not glued_chrome("We share your data with our partners:", "We share your data with our partners: "
                            "Google Analytics, Facebook")       # new recipients are not menu words
    changes = [_added(f"{chrome} {sentence}"), _removed(sentence)]
    assert trivial_changes(changes) == {0, 1}
    changes = [_added(f"We may share it with advertisers. {sentence}"), _removed(sentence)]
    assert trivial_changes(changes) == set()


PAGE = """# Privacy

Updated July 2004

## Questions

What happens when I provide personal information via this Web site?

## Answers

We use your e-mail address to answer your question. We will not sell your personal information.

## Changes

Change log 2004-07-10: First version.
"""


def test_whole_pair_of_cosmetic_edits_is_cosmetic_and_a_real_edit_is_not() -> None:
    new = (PAGE.replace("Updated July 2004", "Updated November 2004")
           .replace("via this Web site", "on this Web site")
           .replace("Change log 2004-07-10: First version.",
                    "Change log 2004-07-10: First version. 2004-11-10: Wording of a question fixed."))
    report = compare(PAGE, new)
    assert report.verdict == "cosmetic" and report.date_stamp_changed
    worse = new.replace("We will not sell", "We may sell")
    assert compare(PAGE, worse).verdict == "major"


# -- substantive ------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new", [
    ("Twitter may keep track of how you interact with links in Tweets by redirecting clicks.",
     "Twitter may keep track of how you interact with links in Tweets across our Services including "
     "third party clients by redirecting clicks."),
    ("We also adhere to several frameworks, including the EU-US Privacy Shield Framework.",
     "We also adhere to several frameworks, including the EU-US and Swiss-US Privacy Shield Frameworks."),
    ("The family of companies that shares your data includes Example Wireless, AOL and Example Online.",
     "The family of companies that shares your data includes XO Communications, Example Wireless, AOL, "
     "MapQuest and Example Online."),
    ("If you are a resident of the EEA, you have the following data protection rights.",
     "If you are a resident of the EEA, or any other country with similar laws, you have the following "
     "data protection rights."),
])
def test_practice_that_reaches_more_parties_or_places_widens_scope(old: str, new: str) -> None:
    assert widens_scope(_reworded(old, new))
    assert not widens_scope(_reworded(new, old))          # narrowing is not widening


@pytest.mark.parametrize("old, new", [
    ("Both Oracle and the partner will have access to that information.",
     "Both Oracle and the partner will have access to your Personal Information."),      # defined term
    ("You can control your location settings in your settings.",
     "You can control your location settings in your account settings."),             # one word
    ("Intuit (and entities and subsidiaries covered by its certification) participates in the Privacy Shield.",
     "Intuit Inc. and Quincy Data Center LLC participate in the Privacy Shield."),      # replaced, not added
    ("The weather was fine in March.", "The weather was fine in March and April in Paris and Rome."),  # no practice
])
def test_clarifications_do_not_widen_scope(old: str, new: str) -> None:
    assert not widens_scope(_reworded(old, new))


def test_widened_scope_makes_the_pair_substantive() -> None:
    old = PAGE.replace("We use your e-mail address", "We share your e-mail address with Example Bank")
    new = old.replace("with Example Bank", "with Example Bank and Example Insurance")
    assert compare(old, new).verdict == "substantive"


def test_new_section_about_children_is_substantive() -> None:
    assert practice_sections(["Children", "About us", "Sale of your data"]) == ["Children", "Sale of your data"]
    new = PAGE + "\n## Children\n\nAsk us first.\n"
    report = compare(PAGE, new)
    assert report.verdict == "substantive", report.to_dict()


def test_appended_section_is_not_a_rewrite_however_long() -> None:
    new = PAGE + "\n## Children\n\nChildren under 13 may not use the service.\n\n" + "x" * 3000 + "\n"
    report = compare(PAGE, new)
    assert report.verdict == "substantive"
    assert not report.headline.startswith("Rewrite")


def test_most_of_the_text_replaced_is_a_rewrite() -> None:
    old = "\n\n".join(f"We keep record number {k} of your visits for one year." for k in range(30))
    new = "\n\n".join(f"Our partner number {k} receives your location every hour." for k in range(30))
    assert compare(old, new).verdict == "major"


def test_sentence_split_off_an_unstopped_old_sentence_is_not_new() -> None:
    from tracker.changes.trivial import unstopped_piece
    old = ("Where the issue is substantive, the matter is escalated to our legal team to the satisfaction "
           "of the customer All such substantive contacts receive a response.")
    assert unstopped_piece("All such substantive contacts receive a response.", old)
    assert not unstopped_piece("sell your personal information to advertisers",
                               "We will never sell your personal information to advertisers.")
    assert not unstopped_piece("All such contacts are sold to brokers.", old)
    changes = [_added("All such substantive contacts receive a response."), _removed(old)]
    assert trivial_changes(changes) == {0}


def test_a_statement_resting_only_on_trivial_changes_does_not_raise_the_verdict() -> None:
    old = ("# Help\n\nWhen a privacy question is received a team triages the contacts and answers you.\n\n"
           "We will not sell your personal information.\n\n" + PAGE + "\n\n"
           + "".join(f"Rule {k} of our help desk applies to question type {k} only.\n\n" for k in range(12))
           + "If needed the matter is escalated to our legal team to the satisfaction of the customer All such "
           "substantive contacts receive a response.\n")
    new = old.replace("to the satisfaction of the customer All such",
                      "to your satisfaction.\n\nAll such")
    report = compare(old, new)
    assert report.verdict == "minor", report.to_dict()


# -- the list of what is cosmetic and what is major -----------------------------------

def test_update_banner_with_its_short_tail_is_cosmetic(policy: str) -> None:
    top = "# Example Privacy Policy"
    banner = compare(policy, policy.replace(top, top + "\n\nWe have updated our Privacy Policy. Please read it carefully."))
    assert banner.verdict == "cosmetic"
    news = compare(policy, policy.replace(top, top + "\n\nWe have updated our Privacy Policy. "
                                                       "We now share your location with advertisers."))
    assert news.verdict in ("substantive", "major")


@pytest.mark.parametrize("placeholder", ["[email protected]", "[email&#160;protected]"])
def test_email_shown_as_anti_spam_placeholder_is_cosmetic(policy: str, placeholder: str) -> None:
    assert compare(policy, policy.replace("privacy@example.com", placeholder)).verdict == "cosmetic"
    assert compare(policy, policy.replace("privacy@example.com", "legal@example.org")).verdict != "cosmetic"


def test_archive_wrapper_line_is_neither_content_nor_date_stamp(policy: str) -> None:
    wrapper = ("> *The following text is extracted and transformed from the example.com privacy policy that was "
               "archived on 2019-06-10. Please check the [original snapshot on the Wayback Machine]"
               "(https://web.archive.org/web/20190610234532id_/https://example.com/privacy) for the most "
               "accurate reproduction.*\n\n")
    report = compare(policy, wrapper + policy)
    assert report.verdict == "cosmetic" and report.changes == ()
    assert report.date_stamp == {"old": "March 1, 2023", "new": "March 1, 2023"}


@pytest.mark.parametrize("old_verb", ["sell", "share"])
def test_will_not_sell_or_share_becoming_may_share_is_major_and_tagged_sale(policy: str, old_verb: str) -> None:
    old = policy.replace("will not sell", f"will not {old_verb}")
    new = policy.replace("We will not sell your personal information to third parties.",
                         "We may share your personal information with advertising partners.")
    report = compare(old, new)
    assert report.verdict == "major" and "sale" in report.topics


def test_identical_texts_say_no_change(policy: str) -> None:
    report = compare(policy, policy)
    assert report.headline == "No change" and report.changes == ()


def test_page_chrome_saying_change_log_in_is_not_a_change_log() -> None:
    old = ("change Log In |Register |About Example Online Privacy Statement Example is committed to "
           "protecting your privacy.")
    new = ("change Log In |Account |Register |About Example Online Privacy Statement To learn how to protect "
           "your personal information, please visit our privacy site.")
    assert not is_change_log(old) and not is_trivial(_reworded(old, new))


def test_a_copyright_year_moved_on_inside_a_sentence_is_trivial() -> None:
    from tracker.changes.report import Change
    old = ("If we change our policy, we will post the changes as soon as they go into effect. © Copyright 1999, "
           "2000, 2010 WP Company LLC d/b/a The Washington Post")
    new = old.replace("1999", "2000")
    assert is_trivial(Change("reworded", "", old, new))
    chrome = "help links help shipping & delivery returns 11/16 TM & © 2017 Target Brands, Inc."
    assert is_trivial(Change("reworded", "", chrome, chrome.replace("2017", "2018")))
    kept = "We keep your search history until 2017, then delete it. © 2017 Acme"
    assert not is_trivial(Change("reworded", "", kept, kept.replace("until 2017", "until 2019")))


def test_addresses_shown_as_placeholders_are_trivial_but_a_new_address_is_not() -> None:
    from tracker.changes.report import Change
    old = "You may also email us at requests@acme.example from the email address on your account, or write to privacy@acme.example."
    assert is_trivial(Change("reworded", "", old, old.replace("requests@acme.example", "[email protected]")))
    assert is_trivial(Change("reworded", "", old, old.replace("requests@acme.example", "email")
                             .replace("privacy@acme.example", "email")))
    assert not is_trivial(Change("reworded", "", old, old.replace("requests@acme.example", "dpo@acme.example")))
    assert not is_trivial(Change("reworded", "", old, old.replace("requests@acme.example", "email")
                                 .replace("on your account", "you registered")))


def test_two_neighbouring_letters_swapped_is_a_typo_even_in_a_word_of_meaning() -> None:
    assert is_trivial(_reworded("Everyone can see your story.", "Evreyone can see your story."))
    assert is_trivial(_reworded("We notify you without unreasonable delay.", "We notify you witohut unreasonable delay."))
    assert not is_trivial(_reworded("We notify you without delay.", "We notify you within delay."))


def test_a_verb_agreeing_with_its_subject_is_no_change_of_meaning() -> None:
    assert is_trivial(_reworded("We do not share it unless one of the following circumstances apply:",
                                "We do not share it unless one of the following circumstances applies:"))


def test_the_companys_unnamed_group_spelled_out_adds_no_party() -> None:
    """'Intuit (and entities and subsidiaries covered by …)' -> 'Intuit Inc. and Quincy Data
    Center LLC, the entities covered by …' says who is covered: no new party. One named party
    put for another ('Apple Sales International' -> 'Apple Distribution International') is."""
    from tracker.changes.verdict import names_own_group
    group = _reworded("Acme (and entities and subsidiaries covered by its certification) takes part in Privacy Shield.",
                      "Acme Inc. and Quincy Data Center LLC, the entities covered by its certification, take part.")
    assert names_own_group("Quincy Data Center LLC", [group])
    swap = _reworded("Your data is controlled by Apple Sales International in Cork.",
                     "Your data is controlled by Apple Distribution International in Cork.")
    assert not names_own_group("Apple Distribution International", [swap])
    named = _added("We share your data with Quincy Data Center LLC for hosting.")
    assert not names_own_group("Quincy Data Center LLC", [group, named])


def test_the_name_of_a_notice_widens_no_practice() -> None:
    """'Our privacy policies for personal health information' -> 'Our Notice of Privacy
    Practices for …' names a document, not a new party."""
    assert not widens_scope(_reworded("Our privacy policies for personal health information describe how we protect it.",
                                      "Our Notice of Privacy Practices for personal health information describes how "
                                      "we protect it."))
    assert widens_scope(_reworded("We share personal information with our partners.",
                                  "We share personal information with our partners and Acme Analytics."))



def test_a_count_of_the_texts_own_parts_is_no_changed_number() -> None:
    """'these three highlights' -> 'these four highlights': the summary grew by a point, no
    period or amount changed; 'three months' -> 'four months' did change."""
    from tracker.changes.verdict import flips
    assert flips("Please pay particular attention to these three highlights: Acme is designed to share.",
                 "Please pay particular attention to these four highlights: Acme is designed to share.") == []
    assert flips("We keep logs for three months.", "We keep logs for four months.") == ["number changed: 3 → 4"]


@pytest.mark.parametrize("text", [
    "For more tips on protecting children's privacy online, please see the Online Privacy Portal.",
    "Click here to log in to your store account and then click the Unsubscribe From Newsletter button.",
    "A version of this statement suitable for printing is available at http://example.com/privacy.pdf.",
    "Correct typographical errors and add printable version of this statement.",
    "Protecting the privacy of you and your family is important to Acme.",
    "Your Acme Marketing Preferences",
])
def test_pointers_remarks_and_labels_do_not_count_toward_substantive(text: str) -> None:
    from tracker.changes.verdict import weighty
    assert not weighty(_added(text)) and not weighty(_removed(text))


def test_a_sentence_of_practice_counts_toward_substantive() -> None:
    from tracker.changes.verdict import weighty
    assert weighty(_added("We share your purchase history with advertising partners."))
    assert weighty(_reworded("Click here to read more.", "We keep your searches for 90 days."))


def test_pointers_and_remarks_added_and_dropped_are_not_substantive() -> None:
    old = PAGE.replace("## Changes", "For more tips on staying safe online, please see our Privacy Portal. "
                                     "Protecting your privacy is important to Acme.\n\n## Changes")
    new = PAGE.replace("## Changes", "A version of this policy suitable for printing is available at "
                                     "http://example.com/p.pdf. Click here to manage your newsletter e-mail "
                                     "subscriptions and Unsubscribe From Newsletter.\n\n## Changes")
    assert compare(old, new).verdict in ("minor", "cosmetic")
    practice = new.replace("Click here to manage", "We now share your e-mail address with Example Ads. Click here "
                                                   "to manage")
    assert compare(old, practice).verdict == "substantive"


def test_the_document_called_by_another_of_its_names_is_trivial() -> None:
    old = "Acme has been awarded a Privacy Seal signifying that this privacy policy has been reviewed."
    assert is_trivial(_reworded(old, old.replace("privacy policy", "privacy statment")))
    assert is_trivial(_reworded(old, old.replace("policy", "notice")))
    assert not is_trivial(_reworded(old, old.replace("privacy policy", "privacy practice")))
