"""The policy's own company told apart from third parties: branches and sites of its own are
reported apart (own_entities), affiliates with a trade name of their own stay third parties."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.ownership import is_own_branch, is_own_site, split_own

REDDIT = ("Reddit", "reddit")


@pytest.mark.parametrize("name,own", [
    ("Reddit Netherlands B.V.", True),
    ("Reddit UK Limited", True),
    ("Reddit, Inc.", False),                 # the company itself: left out by entities.diff, not here
    ("Reddit Europe Holdings Ltd", True),
    ("Reddit Payments Corp", False),          # a line of business: an affiliate, a recipient
    ("Redditor Network LLC", False),
    ("Zendesk UK Limited", False),
])
def test_a_branch_is_the_company_under_a_place_name(name: str, own: bool) -> None:
    assert is_own_branch(name, REDDIT) is own


def test_a_multi_word_company_name_is_matched_whole() -> None:
    owner = ("Wikimedia Foundation", "wikimedia")
    assert is_own_branch("Wikimedia Foundation Europe gGmbH Ltd", owner) is False   # 'ggmbh' is no place
    assert is_own_branch("Wikimedia Foundation Europe Ltd", owner)
    assert is_own_branch("Wikimedia Deutschland Ltd", owner)


@pytest.mark.parametrize("host,own", [
    ("store.wikimedia.org", True),
    ("wikimediafoundation.org", True),       # the family's name written as one word
    ("wikitech.wikimedia.org", True),
    ("wikipedia.org", False),
    ("mediawiki.org", False),
    ("zendesk.com", False),
])
def test_own_sites(host: str, own: bool) -> None:
    assert is_own_site(host, ("Wikimedia Foundation", "wikimedia")) is own


def test_own_site_by_prefix_needs_a_long_name() -> None:
    assert is_own_site("support.reddithelp.com", REDDIT)
    assert not is_own_site("metacritic.com", ("Meta", "meta"))     # a 4-letter name matches whole only
    assert is_own_site("meta.com", ("Meta", "meta"))


def test_split_keeps_emails_and_unknown_owner_changes_nothing() -> None:
    added = {"vendors": ["Reddit UK Limited", "Zendesk"], "domains": ["reddithelp.com", "zendesk.com"],
             "emails": ["dpo@reddit.com"]}
    a, r, oa, orm = split_own(added, {"vendors": [], "domains": []}, REDDIT)
    assert a == {"vendors": ["Zendesk"], "domains": ["zendesk.com"], "emails": ["dpo@reddit.com"]}
    assert oa == {"vendors": ["Reddit UK Limited"], "domains": ["reddithelp.com"]}
    assert orm == {"vendors": [], "domains": []}
    a2, _, oa2, _ = split_own(added, {}, (None, None))
    assert a2 == added and oa2 == {"vendors": [], "domains": []}


def test_report_names_branches_apart_from_third_parties() -> None:
    base = ("Write to privacy@acmecorp.com or dpo@acmecorp.com. Acme collects your name. Acme uses it. "
            "Acme keeps it. Acme deletes it. Acme shares it. See https://www.acmecorp.com/privacy.\n")
    new = base + ("If you live in the EEA, Acme Ireland Limited is the controller of your data. "
                  "Payments are processed by Acme Payments LLC and by Stripe, Inc.\n")
    r = compare(base, new)
    assert r.own_added["vendors"] == ["Acme Ireland Limited"]
    assert "Acme Ireland Limited" not in r.entities_added["vendors"]
    assert {"Acme Payments LLC", "Stripe"} <= set(r.entities_added["vendors"])
    back = type(r).from_json(r.to_json())
    assert back.own_added == r.own_added and back.own_removed == r.own_removed


def test_every_vendor_that_came_or_went_has_a_role() -> None:
    from tracker.changes.vendors import role_of
    base = "Contact privacy@acmecorp.com. Acme collects data. Acme uses it. Acme keeps it.\n"
    new = base + ("Sign in with Facebook. Our app runs on Android. Payments go to Stripe, Inc. "
                  "Disputes go to JAMS. We follow the Digital Advertising Alliance principles. "
                  "Data is hosted by Zorblax Data Center LLC.\n")
    r = compare(base, new)
    assert set(r.vendor_roles) == set(r.entities_added["vendors"])
    # Facebook only as a button to sign in with; a company the text says hosts data is a processor
    assert r.vendor_roles["Facebook"] == "sign-in" and r.vendor_roles["Android"] == "platform"
    assert r.vendor_roles["Stripe"] == "service provider" and r.vendor_roles["JAMS"] == "dispute resolution"
    assert r.vendor_roles["Digital Advertising Alliance"] == "industry opt-out or certification"
    assert r.vendor_roles["Zorblax Data Center LLC"] == "service provider"
    assert role_of("Zorblax Data Center LLC") == "company" and role_of("Facebook") == "social network"
    assert role_of("Direct Marketing Association") == "industry opt-out or certification"
    assert type(r).from_json(r.to_json()).vendor_roles == r.vendor_roles


def test_roles_follow_the_sentences_that_name_the_party() -> None:
    from tracker.changes.roles import role_in
    seal = "Acme is a licensee of the TRUSTe Privacy Program. TRUSTe reviews our practices each year."
    body = ("If we do not resolve your complaint, you can submit it to TRUSTe, which provides an "
            "independent third-party dispute resolution service.")
    assert role_in("TRUSTe", [seal]) == "industry opt-out or certification"
    assert role_in("TRUSTe", [body]) == "dispute resolution"
    assert role_in("Facebook", ["If you sign up using your Facebook credentials, we access your profile."]) == "sign-in"
    # one sentence that gives it data keeps it a recipient
    assert role_in("Facebook", ["Sign in with Facebook.", "We share hashed e-mail addresses with Facebook."]) \
        == "social network"
    assert role_in("Google Plus", ["Log in with a Facebook or Google+ account."]) == "sign-in"
    assert role_in("Prospero", ["Message boards are hosted and managed by Prospero, a third party vendor."]) \
        == "service provider"
    assert role_in("Outlook", ["Turn images off in your email client (e.g., Outlook)."]) == "platform"
    # the controller is not its own processor; a sentence ends at a full stop a scrape glued
    assert role_in("Plumtree Distribution International", [
        "EEA data is controlled by Plumtree Distribution International in Cork, and processed on its behalf "
        "by Plumtree Inc."]) == "company"
    assert role_in("Yandora Taxi", ["Fleet partners.Yandora Taxi and other local providers.Airports.Legal disputes "
                                    "are settled by arbitration."]) == "company"


def test_a_policy_that_calls_itself_we_is_the_first_party() -> None:
    body = ("Glassdoor, Inc. (\"Glassdoor,\" \"we,\" or \"us\") explains how we use data. Google Analytics "
            "measures visits. Google Analytics sets cookies. Google Analytics reports to us. ")
    old = body + "Contact Glassdoor, Inc. at 100 Shoreline Highway.\n"
    new = old + "Glassdoor and its subsidiaries including Glassdoor Global Limited take part in Privacy Shield.\n"
    r = compare(old, new)
    assert "Glassdoor Global Limited" not in r.entities_added["vendors"]
    assert r.own_added["vendors"] == ["Glassdoor Global Limited"]
    assert "Glassdoor Inc" not in r.entities_added["vendors"] + r.entities_removed["vendors"]


def test_a_company_named_far_more_than_any_other_is_the_author_without_a_site() -> None:
    from tracker.changes.entities import first_party
    text = "Pinterest collects data. " * 16 + "Share to Facebook. " * 4
    assert first_party([text], []) == ("Pinterest", "pinterest")
    assert first_party(["Pinterest collects data. " * 16 + "Share to Facebook. " * 6], [])[0] is None


def test_one_regulators_address_does_not_make_the_regulator_the_first_party() -> None:
    """A single address that is neither the company's nor a privacy/legal/support mailbox (the
    Berlin commissioner's 'mailbox@…') names a regulator, not the author; a privacy mailbox
    alone does name the author."""
    from tracker.changes.entities import first_party
    text = ("We keep your data safe. You may complain to the Berlin Commissioner for Data "
            "Protection at mailbox@datenschutz-berlin.de.")
    assert first_party([text], ["https://www.datenschutz-berlin.de/"])[1] is None
    assert first_party(["Write to privacy@acmecorp.com with questions."], [])[1] == "acmecorp"
    assert first_party([text + " Write to us at help@acmecorp.com or help@acmecorp.com."],
                       [])[1] == "acmecorp"


def test_the_company_is_named_as_its_text_spells_its_site_out() -> None:
    """washpost.com's policy says 'The Washington Post', not 'Washpost'; a site name the text
    writes as a word ('Intuit') stays; a name whose letters do not run through it never fits."""
    from tracker.changes.detector import _owner_name
    post = "The Washington Post collects data. Write to privacy@washpost.com. The Washington Post may share it."
    assert _owner_name((None, "washpost"), post) == "Washington Post"
    assert _owner_name((None, "nytimes"), "The New York Times Company and The New York Times app.") \
        == "New York Times"
    assert _owner_name((None, "intuit"), "Intuit Inc. and Intuit Mint Service.") == "Intuit"
    assert _owner_name((None, "washpost"), "Privacy Policy of Acme Widgets Inc.") == "Washpost"
    assert _owner_name((None, None), "anything") == "The company"


def test_a_company_filed_under_its_new_name_is_named_as_its_text_writes_it() -> None:
    """Facebook's 2016 policy is Facebook's, not Meta's; a text that writes the new name keeps it."""
    from tracker.changes.detector import _owner_name
    assert _owner_name(("Meta", "facebook"), "Facebook may share information with Instagram.") == "Facebook"
    assert _owner_name(("Meta", "facebook"), "Meta and Facebook may share information.") == "Meta"
    assert _owner_name(("Meta", None), "The company shares information.") == "Meta"


def test_a_company_of_a_group_that_keeps_its_own_name_is_named_by_it() -> None:
    """LinkedIn's 2010 policy never writes 'Microsoft' (its owner since 2016): its statements
    say 'LinkedIn'."""
    from tracker.changes.detector import _owner_name
    assert _owner_name(("Microsoft", "linkedin"), "LinkedIn may share your profile. LinkedIn members") == "LinkedIn"
    assert _owner_name(("Microsoft", "microsoft"), "Microsoft and LinkedIn may share data.") == "Microsoft"


def test_the_company_the_text_calls_we_outranks_a_partner_it_names_more_often() -> None:
    """A Glassdoor policy about signing in with Facebook names Facebook 50 times; it calls
    Glassdoor 'we', so Glassdoor is the author, and no statement says 'Meta'."""
    from tracker.changes.entities import first_party
    text = ('Glassdoor, Inc. ("Glassdoor", "we", "us") runs this site. '
            + "If you connect with Facebook, Facebook shares your Facebook friends with us. " * 17)
    assert first_party([text], [])[0] == "Glassdoor"
    # without a name of its own the most named company still stands
    assert first_party(["Pinterest collects data. " * 16 + "Share to Facebook. "], [])[0] == "Pinterest"


def test_a_service_named_often_is_not_the_author_of_a_text_that_writes_its_own_sites_name() -> None:
    """A utility's policy about Google Analytics names Google 20 times but writes 'SMUD', the
    name of its own site and mailbox, more often: SMUD is the author, its statements never say
    'Google'. A text that names its site less often than the company keeps the company."""
    from tracker.changes.detector import _owner_name
    from tracker.changes.entities import first_party
    own = "SMUD protects your data. SMUD may e-mail you. Write to privacy@smud.org. " * 8
    ga = "Google Analytics measures visits to the Site. " * 16
    assert first_party([own + ga], ["https://www.smud.org/a", "https://www.smud.org/b", "https://www.smud.org/c"]) \
        == (None, "smud")
    assert _owner_name((None, "smud"), own + ga) == "SMUD"
    assert first_party(["Write to privacy@smud.org. " + ga], [])[0] == "Google"


def test_the_site_name_is_written_as_the_text_writes_it() -> None:
    """linkedin.com's early policies, without a vendor family, say 'LinkedIn', not 'Linkedin'."""
    from tracker.changes.detector import _owner_name
    assert _owner_name((None, "linkedin"), "LinkedIn members may share. LinkedIn may use data. linkedin.com") \
        == "LinkedIn"
    # a site's name inside its address is no name the text writes: 'NYTimes.com' is New York Times
    assert _owner_name((None, "nytimes"), "The New York Times and NYTimes.com. NYTimes.com may share.") \
        == "New York Times"
    # a name in capitals only (a menu's 'NYTIMES') yields to the name the text spells out
    assert _owner_name((None, "nytimes"), "NYTIMES HOME. The New York Times may share.") == "New York Times"

    # capitals in a title only ('ACME <Corp> & Co Privacy Policy') are a title's style, not the name
    assert _owner_name((None, "acme"), "# ACME <Corp> & Co Privacy Policy\nWe keep data.") == "Acme"
