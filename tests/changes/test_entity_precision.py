"""Entity precision rules: page chrome, rates, typo fixes and self names are not entities."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.entities import diff, extract, find_domains, find_durations, first_party, respelled
from tracker.changes.vendors import find_vendors, in_teaser, is_button

BODY = ("Acme Widgets Inc. (\"Acme\", \"we\") wrote this policy. We collect your name and e-mail address "
        "to run the service. We keep server logs for 30 days. Contact privacy@acmewidgets.com.\n")


def test_hyphenated_age_is_not_a_period() -> None:
    assert find_durations("an advertiser can target 18 to 35 year-old women") == set()
    assert find_durations("we delete it after 35 years") == {"35 years"}


def test_rates_and_delivery_speeds_are_not_periods() -> None:
    assert find_durations("We serve you 24 hours a day, 7 days a week!") == set()
    assert find_durations("Members get free two-day shipping and 2-day delivery.") == set()
    assert find_durations("We respond within 2 days. Requests take 7 days each.") == {"2 days", "7 days"}


def test_title_case_offer_or_headline_is_not_a_period() -> None:
    assert find_durations("FREE 2-Day Shipping, No Minimum Purchase") == set()
    assert find_durations("How to Find a Job in 72 Hours Earn a Higher Salary") == set()
    assert find_durations("Retention: 30 Days") == {"30 days"}
    assert find_durations("We delete it after 6 Months.") == {"6 months"}


def test_teaser_line_cut_with_an_ellipsis() -> None:
    text = "Blogs\nPayPal Galactic: The first and...\nTry 1 month for 99¢ Orlando...\n"
    assert in_teaser(text, text.index("PayPal"))
    assert find_vendors(text) == set()
    assert find_durations(text) == set()
    prose = "We use PayPal to process payments.\nWe keep them for 1 month.\n"
    assert find_vendors(prose) == {"PayPal"} and find_durations(prose) == {"1 month"}


def test_share_and_follow_buttons_name_no_party() -> None:
    text = "Share on Facebook Share on Twitter Share via Email Follow us on LinkedIn"
    assert is_button(text, text.index("Facebook"))
    assert find_vendors(text) == set()
    assert find_vendors("You may share your posts on Facebook and Twitter.") == {"Facebook", "Twitter"}


def test_respelled_names() -> None:
    assert respelled("Retail Acitvation Services LLC", "Retail Activation Services LLC")
    assert respelled("Verzion Wireless", "Verizon Wireless")
    assert not respelled("Google Ads", "Google Apps")
    assert not respelled("Windows 7", "Windows 8")
    assert not respelled("Mailgun", "Mailjet")
    assert not respelled("Tapad", "Tapjoy")


def test_a_typo_fixed_is_no_company_added_or_removed() -> None:
    old = BODY + "Our affiliates include Retail Acitvation Services LLC and Dermstore LLC.\n"
    new = BODY + "Our affiliates include Retail Activation Services LLC and Dermstore LLC.\n"
    added, removed = diff(extract(old), extract(new))
    assert added["vendors"] == [] and removed["vendors"] == []
    new2 = BODY + "Our affiliates include Retail Activation Services LLC and Shipt LLC.\n"
    added, removed = diff(extract(old), extract(new2))
    assert added["vendors"] == ["Shipt LLC"] and removed["vendors"] == ["Dermstore LLC"]


def test_a_page_setting_is_no_site() -> None:
    assert find_domains("commentConfig: {canvas_permalink_id=washpost.com/8bvh5zpd9k}", []) == set()
    assert find_domains("Visit washpost.com/privacy for more.", []) == {"washpost.com"}


def test_company_named_by_its_site_is_the_company() -> None:
    text = ("Walmart.com USA, LLC (\"Walmart.com\", \"we\" or \"us\") runs this site. Walmart.com respects "
            "your privacy.\nMedical Clinics at Walmart are run by others.\n")
    fam, label = first_party([text, text], [])
    assert fam == "Walmart" and label == "walmart"
    r = compare(text.replace("Medical Clinics at Walmart are run by others.\n", ""), text)
    assert "Walmart" not in r.entities_added["vendors"]


def test_placeholder_address_is_no_contact() -> None:
    from tracker.changes.entities import find_emails
    text = ("Your e-mail address will include your public username like so: username@facebook.com. "
            "Write to privacy@facebook.com or firstname.lastname@example.org.")
    assert find_emails(text) == {"privacy@facebook.com"}


def test_only_a_recipient_of_data_is_a_new_recipient() -> None:
    from tracker.changes.roles import may_receive
    assert not may_receive("Apple", "Each operating system, iOS for Apple devices, provides its own instructions")
    assert not may_receive("TRUSTe", "We have our privacy practices reviewed for compliance by TRUSTe")
    assert not may_receive("Facebook", "Social plugins allow you to share information with Facebook")
    assert may_receive("Facebook", "We share hashed e-mail addresses with Facebook to show you ads")
    assert may_receive("Stripe", "Payments are processed by our payment processor, Stripe, Inc.")


def test_platform_named_in_a_sharing_sentence_is_no_new_recipient() -> None:
    base = BODY + "We share your data with our service providers.\n"
    platform = compare(base, base + "We share settings with your device: iOS for Apple devices, Android for Android "
                                    "devices and Windows for Microsoft devices each provide their own instructions.\n")
    assert not [s for s in platform.statements if s.get("impact") == "new-recipient"]
    processor = compare(base, base + "We share your payment data with Stripe, our payment processor.\n")
    assert any("Stripe" in s["text"] for s in processor.statements)


def test_button_labels_in_a_list_are_no_companies() -> None:
    text = ("You can like, follow and retweet posts. We share information with our partners, such as Liked, "
            "Retweeted and Followed, and with partners such as Boeing and Nielsen.")
    assert find_vendors(text) == {"Boeing", "Nielsen"}


def test_copyright_year_glued_to_the_name() -> None:
    from tracker.changes.parties import find_parties, self_names
    text = "© 2018Konnektive LLC. Any rights not expressly granted herein are reserved by Konnektive."
    assert [n for n, _, _ in self_names(text)] == ["Konnektive LLC"]
    assert find_parties(text) == []


def test_general_mailbox_names_the_company() -> None:
    text = ("Konstant Infosolutions runs this site. We use Google Analytics (see google.com/analytics, "
            "google.com/policies and google.com/privacy). Write to mail@konstantinfo.com.")
    urls = ["https://google.com/analytics", "https://google.com/policies", "https://google.com/privacy"]
    assert first_party([text], urls)[1] == "konstantinfo"
    regulator = "Complain to the commissioner at mailbox@datenschutz-berlin.de."
    assert first_party([regulator], [])[1] is None


def test_a_list_ending_in_an_ellipsis_is_no_teaser() -> None:
    text = "Our advertising partners include Google, Facebook, ...\n"
    assert not in_teaser(text, text.index("Google"))
    assert find_vendors(text) == {"Google", "Facebook"}

