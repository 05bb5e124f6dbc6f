"""The subject is the company the policy is of, never its representative, a cookie encyclopaedia
it links to, a parent named a few times or a service it uses; its name is the one its text writes
('Lydia' for lydia-app, 'FT', 'W3Schools'); a training item of a list says whose data it trains on."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes import entities as ent
from tracker.changes.detector import _owner_name


def _policy(name: str, times: int = 5, extra: str = "") -> str:
    """A short policy that names its company `times` times."""
    return " ".join(f"{name} collects your e-mail address to send receipt number {k}." for k in range(times)) + " " + extra


def test_a_representative_s_mailbox_gives_way_to_the_site_the_text_names() -> None:
    text = _policy("Zorblox", 12, "Our EU representative is Reprio: write to rep_zorblox@reprio.com or "
                                  "eu_zorblox@reprio.com. Reprio answers within a month.")
    urls = [f"https://help.zorblox.com/{k}" for k in range(4)]
    fam, label = ent.first_party([text], urls)
    assert label == "zorblox"
    assert _owner_name((fam, label), text) == "Zorblox"


def test_a_cookie_table_s_links_give_way_to_the_site_the_text_names() -> None:
    text = _policy("Zorblox", 12, "| Cookie | Host |\n| [AWSALB](https://cookiebase.co.uk/cookies/AWSALB) | Zorblox |")
    urls = [f"https://cookiebase.co.uk/cookies/c{k}" for k in range(20)] + \
        [f"https://www.zorblox.ie/{k}" for k in range(4)]
    fam, label = ent.first_party([text], urls)
    assert label == "zorblox"
    assert _owner_name((fam, label), text) == "Zorblox"


def test_a_parent_named_a_few_times_gives_way_to_the_site_the_text_names() -> None:
    text = _policy("Zorblox", 40, "Zorblox is a subsidiary of Amazon. Amazon, Amazon, Amazon and Amazon "
                                  "host it. Write to eu-privacy@amazon.co.uk.")
    urls = [f"https://www.zorblox.com/{k}" for k in range(9)] + [f"https://www.amazon.com/{k}" for k in range(6)]
    fam, label = ent.first_party([text], urls)
    assert (fam, label) == (None, "zorblox")
    assert _owner_name((fam, label), text) == "Zorblox"


def test_a_service_named_often_is_not_the_author_whose_mailbox_starts_its_name() -> None:
    text = _policy("Zorbvision", 14, "We use Google Analytics. " * 16 + "Write to privacy@zorb.com, "
                   "sportsprivacy@zorb.com or privacy@zorb.com.")
    fam, label = ent.first_party([text], [])
    assert fam is None and label == "zorb"
    assert _owner_name((fam, label), text) == "Zorbvision"


def test_a_site_s_name_with_a_hyphen_or_a_digit_or_of_two_letters_is_written_as_the_text_writes_it() -> None:
    assert _owner_name((None, "lydia-app"), _policy("Lydia")) == "Lydia"
    assert _owner_name((None, "w3schools"), _policy("W3Schools")) == "W3Schools"
    assert _owner_name((None, "ft"), _policy("FT")) == "FT"
    assert _owner_name((None, "zq7x-app"), _policy("Acme")) == "The company"      # never a name it does not write


def test_a_training_item_says_whose_data_its_list_s_lead_in_names() -> None:
    head = "Acme Privacy Policy\n\nHow we use information\n\nWe may use your personal information:\n\n"
    items = ["To process and deliver customer orders;", "To manage payments, fees and charges;",
             "To defend our interests in the event of a dispute;"]
    old = head + "\n".join(f"* {x}" for x in items) + "\n\nContact privacy@acme.com or privacy@acme.com.\n"
    new = head + "\n".join(f"* {x}" for x in items + [
        "To train our machine learning or artificial intelligence models for the purposes outlined in this policy;",
        "To comply with the law."]) + "\n\nContact privacy@acme.com or privacy@acme.com.\n"
    report = compare(old, new)
    lines = [report.headline, *report.bullets]
    assert any("now uses personal data to train AI models" in x for x in lines), lines


def test_a_sentence_s_own_subject_in_capitals_is_no_heading_glued_before_the_company() -> None:
    from tracker.changes.rules.common import _without_heading
    said = "The Personal Information System1 processes about you depends on how you interact with its Services"
    assert _without_heading(said, "System1") == said
    glued = "Additional Choices With Respect To Targeted Advertising Acme and third parties may use your data"
    assert _without_heading(glued, "Acme") == "Acme and third parties may use your data"


def test_a_mailbox_changed_in_an_address_is_a_new_address_not_a_name_swapped() -> None:
    from tracker.changes.edits import edit_statement
    from tracker.changes.report import Change
    from tracker.changes.rules.common import Context
    old = ("Sensitive Data - Such as allergies, disabilities or other health requirements which you provide when you "
           "enrol in a competition. Contact EU-Privacy@Acme.com to withdraw this type of consent.")
    new = old.replace("EU-Privacy@", "DPO@")
    ctx = Context([], {}, {}, [], [], "Acme")
    said = edit_statement(ctx, Change("reworded", "", old, new, (), True, ()))
    assert said is not None and said[0] == "Contact e-mail is now DPO@Acme.com (was: EU-Privacy@Acme.com)"


def test_a_name_put_into_or_taken_out_of_a_run_of_names_is_said_so() -> None:
    from tracker.changes.edits import list_grown
    assert list_grown("Kingdom, California", "Kingdom, Switzerland, California") == ("Now also names", ["Switzerland"])
    assert list_grown("UK, EU/ EEA", "EU, EEA") == ("No longer names", ["UK"])
    assert list_grown("Acoustic", "Braze") is None


def test_the_last_of_companies_that_are_we_collectively_is_not_the_author() -> None:
    from tracker.changes.parties import self_names
    text = ('Zorb Digital Services, LLC, along with Zorb News, Zorb Sports, and Zorb Television Stations '
            '(collectively "Company" or "we") wants you to be familiar with how we collect information.')
    assert "Zorb Television Stations" not in [n for n, _, _ in self_names(text)]
    assert "Glassdoor" in [n for n, _, _ in self_names('Glassdoor, Inc. ("Glassdoor," "we," or "us") runs a site.')]


def test_a_text_without_site_or_address_is_the_company_that_acts_in_it() -> None:
    acts = " ".join(f"Zorbcom may use your data for purpose {k}. Zorbcom provides service {k}." for k in range(6))
    text = acts + " Oath may receive some of it. Information may be kept."
    assert _owner_name((None, None), text) == "Zorbcom"
    assert _owner_name((None, None), "Oath may receive it. Zorbcom may use it. " * 5) == "The company"   # none stands out


def test_a_swapped_name_s_shared_words_never_start_with_a_pronoun() -> None:
    from tracker.changes.edits import shared_lead
    assert shared_lead("We") == ""
    assert shared_lead("covers the websites of The International") == "The International "
