"""Entity kinds: extraction, normalisation, and the report's added/removed lists."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.entities import extract, find_ages, find_durations, find_phones


@pytest.mark.parametrize("text,expected", [
    ("for six (6) months", {"6 months"}),
    ("for thirty days", {"30 days"}),
    ("a 30-day window", {"30 days"}),
    ("within 13 months", {"13 months"}),
    ("for one year", {"1 year"}),
    ("ten business days", {"10 business days"}),
    ("users 16 years or older", set()),
])
def test_durations(text: str, expected: set[str]) -> None:
    assert find_durations(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("children under the age of 13", {"13"}),
    ("You must be at least 16 years old.", {"16"}),
    ("minors under 18 need a parent", {"18"}),
    ("We keep 13 copies of the backup.", set()),
])
def test_ages(text: str, expected: set[str]) -> None:
    assert find_ages(text) == expected


def test_phones_need_a_cue_and_enough_digits() -> None:
    assert find_phones("Call us at +1 (415) 555-0100.") == {"+14155550100"}
    assert find_phones("Phone: (415) 555-0100") == {"+14155550100"}   # same number, same key
    assert find_phones("Tel: 020 7946 0958") == {"02079460958"}
    assert find_phones("In 2023 we served 1 200 000 users") == set()


def test_laws_vendors_emails_domains() -> None:
    e = extract("Under the GDPR and the California Consumer Privacy Act, we use Google Analytics "
                "and Intercom. Email dpo@example.com or see https://help.zendesk.com/x and example.org.",
                ["https://www.privacyshield.gov/list"])
    assert e.laws == {"GDPR", "CCPA"}
    assert e.vendors == {"Google Analytics", "Intercom"}   # "Google" inside is not separate
    assert e.emails == {"dpo@example.com"}
    assert {"help.zendesk.com", "example.org", "privacyshield.gov"} <= e.domains
    assert "example.com" not in e.domains                  # e-mail domains are e-mails


def test_prose_glued_to_a_word_is_not_a_domain() -> None:
    e = extract("We use it for these purposes.In addition, used.to and law.to are not sites; visit www.example.in.")
    assert e.domains == {"example.in"}


def test_uk_gdpr_is_its_own_law() -> None:
    assert extract("Under the UK GDPR you may complain.").laws == {"UK GDPR"}


def test_ambiguous_vendor_names_need_context() -> None:
    assert "Apple" not in extract("an apple a day").vendors
    assert "X" not in extract("Section X applies.").vendors
    assert "X" in extract("We share with X (formerly Twitter).").vendors


@pytest.mark.parametrize("kind,old,new,value", [
    ("laws", "We follow applicable law.", "We follow the CCPA.", "CCPA"),
    ("vendors", "We use analytics.", "We use Hotjar for analytics.", "Hotjar"),
    ("emails", "Contact us.", "Contact us at dpo@example.org.", "dpo@example.org"),
    ("domains", "See our site.", "See https://trust.acme-cloud.net/faq.", "trust.acme-cloud.net"),
    ("phones", "Call us.", "Call us at +44 20 7946 0958.", "+442079460958"),
    ("durations", "We keep data as long as necessary.", "We keep data for twelve months.", "12 months"),
    ("ages", "The service is for everyone.", "The service is not for children under 16.", "16"),
])
def test_each_kind_reported_added_and_removed(policy: str, kind: str, old: str, new: str, value: str) -> None:
    base = policy + "\n## Extra\n\n"
    r = compare(base + old + "\n", base + new + "\n")
    assert value in r.entities_added[kind], r.entities_added
    back = compare(base + new + "\n", base + old + "\n")
    assert value in back.entities_removed[kind]
    assert r.verdict in ("minor", "substantive")


def test_retention_bullet_says_old_and_new(policy: str) -> None:
    r = compare(policy, policy.replace("30 days", "ninety days"))
    assert r.entities_added["durations"] == ["90 days"]
    assert r.entities_removed["durations"] == ["30 days"]
    assert "The company keeps your data for ninety days after you close your account (was: 30 days)" in r.bullets
    assert r.verdict == "substantive"


def test_lower_case_documents_match_names_in_any_case() -> None:
    e = extract("we use google analytics and hubspot under the gdpr. an apple a day.", fold=True)
    assert e.vendors == {"Google Analytics", "HubSpot"}
    assert e.laws == {"GDPR"}
    assert extract("we use google analytics.").vendors == set()   # capitals matter otherwise


def test_archive_banner_is_neither_a_change_nor_a_date_stamp(policy: str) -> None:
    banner = ("> *The following text is extracted and transformed from the example.com privacy policy "
              "that was archived on {}. Please check the original snapshot.*\n\n")
    r = compare(banner.format("2019-06-10") + policy, banner.format("2020-01-15") + policy)
    assert r.verdict == "cosmetic" and r.changes == ()
    assert r.date_stamp["new"] == "March 1, 2023"        # the policy's own stamp wins
    bare = compare(banner.format("2019-06-10") + "We collect your name.", banner.format("2020-01-15") + "We collect your name.")
    # the wrapper dates the archive's copy, not the policy: neither content nor a date stamp
    assert bare.is_cosmetic and bare.date_stamp == {"old": None, "new": None}


def test_own_company_name_is_not_a_third_party() -> None:
    from tracker.changes.entities import first_party
    texts = ["Write to privacy@reddit.com or dpo@reddit.com. Reddit, Reddit, Reddit and Reddit use Reddit data; "
             "see https://support.reddithelp.com and Google Analytics."]
    fam, label = first_party(texts, ["https://www.reddit.com/a", "https://redditinc.com/b"])
    assert (fam, label) == ("Reddit", "reddit")
    r = compare("Email dpo@reddit.com. Reddit uses Reddit tools.",
                "Email dpo@reddit.com. Reddit uses Reddit tools. See https://reddithelp.com/x and Zendesk.")
    # the company's own name is not a third party; a new site of its own is a new address of
    # the company, reported apart from third parties
    assert r.entities_added["vendors"] == ["Zendesk"] and r.entities_added["domains"] == []
    assert r.own_added == {"vendors": [], "domains": ["reddithelp.com"]}
    assert r.to_dict()["own_entities"]["added"]["domains"] == ["reddithelp.com"]


@pytest.mark.parametrize("text,expected", [
    ("Tel.: +49 30 13889-0", {"+4930138890"}),
    ("Fax: +49 30 2155050", {"+49302155050"}),
    ("AJ DEN HAAG(+31) - (0)70 - 888 85 00 You may", {"+31708888500"}),    # trunk '(0)' dropped
    ("New York, NY 10018. Telephone: 212-556-8391.", {"+12125568391"}),
    ("or write to us; 650.253.0000 is the switchboard", {"+16502530000"}),  # North American shape
    ("call 1-800-555-0199 toll free", {"+18005550199"}),
    ("Phone: (415) 555-0100", {"+14155550100"}),
])
def test_phone_formats_by_digits(text: str, expected: set[str]) -> None:
    assert find_phones(text) == expected


@pytest.mark.parametrize("text", [
    "Updated 2018-05-25; covers 1999-2019 and 05/25/2018.",
    "Mountain View, CA 94043, USA",
    "version 10.2.3.4567 from 192.168.100.200",
    "we served 1 200 000 users in 2023",
    "order number 123456789012345678",
    "Section 1798.83 of the Civil Code",
])
def test_dates_years_versions_and_postal_codes_are_not_phones(text: str) -> None:
    assert find_phones(text) == set()


def test_same_phone_written_two_ways_is_one_number() -> None:
    from tracker.changes.entities import phone_key
    assert phone_key("(650) 253-0000") == phone_key("+1 650 253 0000") == phone_key("650-253-0000")
    assert phone_key("+44 (0)20 7946 0958") == phone_key("+44 20 7946 0958")


def test_domains_by_host_without_www_or_path() -> None:
    from tracker.changes.entities import host_key
    assert host_key("https://WWW.Example.co.uk/a/b?c=1#d") == "example.co.uk"
    assert host_key("help.uber.com/hc") == "help.uber.com"
    assert host_key("mailto:dpo@example.com") is None and host_key("#top") is None
    e = extract("Opt out at optout.aboutads.info or www.networkadvertising.org/choices.",
                ["http://www.aboutads.info/choices", "https://policies.google.com/privacy"])
    assert e.domains == {"optout.aboutads.info", "networkadvertising.org", "aboutads.info", "policies.google.com"}


def test_rescraped_links_do_not_change_domains(policy: str) -> None:
    md = policy + "\nSee [our help](https://www.help.example.org/x) and www.acme.com.\n"
    txt = policy + "\nSee our help (help.example.org/y) and acme.com/page.\n"
    r = compare(md, txt)
    assert r.entities_added["domains"] == [] and r.entities_removed["domains"] == []


def test_bare_site_stays_while_a_page_under_it_does(policy: str) -> None:
    r = compare(policy + "\nUpdate your profile at www.cisco.com/profile.\n",
                policy + "\nUpdate your profile at http://tools.cisco.com/profile.\n")
    assert r.entities_added["domains"] == ["tools.cisco.com"]
    assert r.entities_removed["domains"] == []


@pytest.mark.parametrize("text,law", [
    ("We utilize standard contract clauses approved by the European Commission.", "Standard Contractual Clauses"),
    ("transfers subject to the terms of the EU Model Clauses", "Standard Contractual Clauses"),
    ("the EU-US and Swiss-US Privacy Shield Frameworks", "Swiss-U.S. Privacy Shield"),
])
def test_law_variants(text: str, law: str) -> None:
    assert law in extract(text).laws


@pytest.mark.parametrize("text", [
    "Oracle participates in the Direct Marketing Association (DMA).",   # DMA is not the Digital Markets Act
    "Walmart Home OfficePrivacy Office, MS #0160702",                   # 'ePrivacy' inside a glued word
    "a signed DSA with each processor",
])
def test_acronyms_and_glued_words_are_not_laws(text: str) -> None:
    assert extract(text).laws == set()


def test_a_subscription_for_a_site_matches_its_hosts() -> None:
    from tracker.notify.facts import ChangeFacts
    facts = ChangeFacts("id", "acme", "Acme", "privacy-policy", "Privacy", "2024-01-01T00:00:00+00:00", "minor",
                        "h", (), (), {"domains": ["policies.google.com"], "vendors": ["Hotjar"]}, {}, "u", "r")
    assert {"google.com", "policies.google.com", "hotjar"} <= facts.entity_names()
    assert "google.de" not in facts.entity_names()
    own = ChangeFacts("id", "acme", "Acme", "privacy-policy", "Privacy", "2024-01-01T00:00:00+00:00", "minor",
                      "h", (), (), {}, {}, "u", "r",
                      report={"own_entities": {"added": {"vendors": ["Acme UK Ltd"], "domains": ["help.acme.com"]},
                                               "removed": {}}})
    assert {"acme uk ltd", "help.acme.com", "acme.com"} <= own.entity_names()   # the company's own, apart


def test_plain_text_copy_of_a_markdown_page_loses_no_domain(policy: str) -> None:
    md = policy + "\nAsk us [here](https://acme.zendesk.com/requests/new) or see www.acme.org.\n"
    txt = policy + "\nAsk us here or see www.acme.org.\n"
    for a, b in ((md, txt), (txt, md)):
        r = compare(a, b)
        assert r.entities_added["domains"] == [] and r.entities_removed["domains"] == []
    # both sides with links: a link target that went is a removed host (a site of the company
    # itself is reported apart from the third parties' sites)
    r = compare(md, txt.replace("Ask us here", "Ask us [here](https://help.acme.net/new)"))
    assert r.entities_removed["domains"] == ["acme.zendesk.com"]
    assert r.entities_added["domains"] + r.own_added["domains"] == ["help.acme.net"]


def test_account_numbers_are_not_phones() -> None:
    assert find_phones("Your account number 1234 5678 9012 is on the invoice.") == set()
    assert find_phones("We recall 2019 123 456 items.") == set()


def test_evaluator_compares_entities_in_their_normal_forms() -> None:
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "bench" / "evaluate_changes.py"
    spec = importlib.util.spec_from_file_location("evaluate_changes_t", path)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader
    spec.loader.exec_module(mod)
    assert mod.match_entities("phones", ["212-556-8391"], ["+12125568391"]) == ({"+12125568391"}, {"+12125568391"})
    want, have = mod.match_entities("domains", ["zendesk.com", "help.uber.com"], ["reddit.zendesk.com", "uber.com"])
    assert want == {"zendesk.com", "help.uber.com"} and have == {"zendesk.com", "uber.com"}   # uber.com is not help.
    # a label at the domain's grain covers every reported host under it, once
    assert mod.match_entities("domains", ["google.com"], ["google.com", "tools.google.com"]) == ({"google.com"},) * 2
    # a label at the host's grain names each host
    assert mod.match_entities("domains", ["tools.google.com"], ["google.com", "tools.google.com"]) == \
        ({"tools.google.com"}, {"google.com", "tools.google.com"})
    assert mod.match_entities("vendors", ["Mozilla Firefox", "Google Commerce Ltd"],
                              ["Firefox", "Google Commerce Ltd."]) == ({"firefox", "google commerce"},) * 2


def test_names_in_navigation_titles_are_page_chrome() -> None:
    from tracker.changes.vendors import find_vendors
    menu = ("Companies near you Best Buy Reviews Target Reviews IBM Reviews AT&T Reviews The Home Depot Reviews "
            "Walmart Reviews Macy's Reviews Microsoft Reviews Deloitte Reviews Amazon Reviews Bank of America Reviews")
    teaser = "25 Highest Rated Companies for Vacation Time Off How to Get A Job At Snapchat According to Insiders 7 Companies"
    assert not find_vendors(menu) & {"IBM", "Walmart", "Amazon", "Microsoft"}
    assert "Snapchat" not in find_vendors(teaser)
    # a list of partners has its commas, a sentence its words in lower case, a table its bars
    assert {"Criteo", "AppNexus", "Quantcast"} <= find_vendors(
        "Our partners: Google, Facebook, Twitter, Pinterest, LinkedIn, Criteo, AppNexus, Rubicon Project and Quantcast.")
    assert "Optimizely" in find_vendors("We also use the Google Analytics, Optimizely and Mixpanel cookies to see how you use it.")
    assert "Criteo" in find_vendors("| Criteo | Advertising | Retargeting | Criteo SA | France | Yes | 13 Months |")


def test_a_menu_of_age_ranges_names_no_period() -> None:
    menu = "Toys Shop by Age Baby Toys 2-3 Years 4-5 Years 6-7 Years 8-9 Years 10-12 Years 13-15 Years See All Outdoor Play"
    assert find_durations(menu) == set()
    assert find_durations("Logs are kept for 3 Years and then deleted.") == {"3 years"}
    assert find_durations("Opt-outs are applied within 10 Business Days of your request.") == {"10 business days"}


def test_menu_lines_of_brand_sites_are_no_domains_and_glued_labels_no_addresses() -> None:
    from tracker.changes.entities import find_domains, find_emails
    menu = ("Audible Download Audio Books\nBeautyBar.com Prestige Beauty Delivered\nBook Depository Books With Free "
            "Delivery Worldwide\nBookworm.com Books For Children Of All Ages\nCasa.com Kitchen, Storage & Everything Home\n"
            "CreateSpace Indie Print Publishing Made Easy\n")
    assert find_domains(menu, []) == set()
    assert find_domains("Dermstore LLC (Dermstore.com, Blush.com, and Hairenvy.com). We may share data with them.",
                        []) == {"dermstore.com", "blush.com", "hairenvy.com"}
    table = "Contact Information: United Statesprivacy@apple.com Canadaprivacy-ca@apple.com Latin Americaprivacy-la@apple.com"
    assert find_emails(table) == {"privacy@apple.com", "privacy-ca@apple.com", "privacy-la@apple.com"}
    assert find_emails("Write to Learning@nytimes.com or Privacy@wal-mart.com.") == {"learning@nytimes.com",
                                                                                   "privacy@wal-mart.com"}


def test_a_list_of_subsidiaries_in_capitals_is_not_a_menu() -> None:
    from tracker.changes.vendors import find_vendors
    text = ("Subsidiaries include, but are not limited to: Retail Activation Services LLC (Consensus Corporation), "
            "TCC Cooking Co. (Cooking.com and Chefs Catalog) and Dermstore LLC")
    assert "Consensus Corporation" in find_vendors(text)
    assert not find_vendors("Ad Choices Share on Facebook Share on Twitter Share on Tumblr Resize Text Print Article")


def test_a_menu_of_ranges_one_per_line_names_no_period() -> None:
    menu = "Girls' Toys\nBoys' Toys\nShop by Age\nBaby Toys\n2-3 Years\n4-5 Years\n6-7 Years\n8-9 Years\n10-12 Years\nSee All\nOutdoor Play\nRiding Toys\n"
    assert find_durations(menu) == set()
    assert find_durations("Retention Period\n7 Years\nWe keep tax records for seven years after the sale.") == {"7 years"}
