"""A company a Markdown table of processors or partners lists for the first time is a new recipient
(tracker.changes.tablerows): segmentation reads a table cell by cell, so a row whose cells repeat
other rows', or whose name is only a link, changed no sentence and the pair was told as 'Cosmetic
only: 1 link added' (blind readers of 2.16.0: new sub-processors in a table missed)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.tablerows import new_party_rows

_HEAD = ("# Acme Privacy Policy\n\nWe collect your name and email address when you register.\n\n"
         "## Third parties we share personal data with\n\nWe use the following processors:\n\n"
         "| Processor | Personal data | Purpose |\n| --- | --- | --- |\n"
         "| [Stripe](https://stripe.com) | Name, payment card | Payments |\n"
         "| [Zendesk](https://zendesk.com) | Name, email address | Customer support |\n")
_ROW = "| [Braze](https://braze.com) | Name, email address | Customer support |\n"
_TAIL = "\n## Your rights\n\nYou can ask us to delete your data at any time.\n"


def test_a_new_row_names_a_new_recipient() -> None:
    r = compare(_HEAD + _TAIL, _HEAD + _ROW + _TAIL)
    assert r.verdict == "substantive"
    assert "Braze" in r.headline and "processors" in r.headline
    assert r.bullets[0].endswith("(Name, email address)")


def test_a_row_naming_a_company_the_old_text_names_is_no_news() -> None:
    old = _HEAD + _TAIL + "\nWe send marketing e-mails through Braze.\n"
    new = _HEAD + _ROW + _TAIL + "\nWe send marketing e-mails through Braze.\n"
    assert new_party_rows(old, new) == []
    assert "Braze" not in compare(old, new).headline


def test_a_legal_form_does_not_make_a_name_new() -> None:
    old = _HEAD + _TAIL + "\nBraze processes e-mails for us.\n"
    new = _HEAD + "| Braze, Inc. | Name | Marketing |\n" + _TAIL + "\nBraze processes e-mails for us.\n"
    assert new_party_rows(old, new) == []


def test_a_table_of_data_categories_names_no_party() -> None:
    head = ("## Data we share with third parties\n\n| Category | Examples |\n| --- | --- |\n"
            "| Identifiers | Name, email address |\n| Commercial information | Purchases |\n")
    new = head + "| Geolocation | Precise location |\n"
    assert new_party_rows(head + _TAIL, new + _TAIL) == []


def test_a_table_not_about_recipients_names_no_party() -> None:
    head = ("## Cookies\n\n| Name | Duration |\n| --- | --- |\n| Session | 1 day |\n| Prefs | 1 year |\n")
    assert new_party_rows(head + _TAIL, head + "| Tracker | 2 years |\n" + _TAIL) == []


def test_several_new_rows_are_one_statement() -> None:
    rows = "".join(f"| [{n}](https://{n.lower()}.com) | Usage data | Analytics |\n"
                   for n in ("Amplitude", "Mixpanel", "Segment", "Heap", "Hotjar"))
    r = compare(_HEAD + _TAIL, _HEAD + rows + _TAIL)
    assert r.headline.startswith("Now lists 5 new companies among its data processors: Amplitude, Mixpanel")
    assert "and 1 more" in r.headline


def test_a_brand_the_old_text_names_is_no_new_company() -> None:
    old = _HEAD + _TAIL + "\nWe use Google Analytics to count visits.\n"
    new = _HEAD + "| [Google Tag Manager](https://google.com) | Usage data | Tags |\n" + _TAIL + \
        "\nWe use Google Analytics to count visits.\n"
    assert new_party_rows(old, new) == []


def test_names_one_cell_joins_are_each_a_party_but_never_the_company_itself() -> None:
    new = _HEAD + "| Batch & Acme | Account data | E-mails |\n" + _TAIL
    assert [r.name for r in new_party_rows(_HEAD + _TAIL, new, "Acme")] == ["Batch"]


def test_a_cookie_table_names_no_party() -> None:
    head = ("## Third-party cookies\n\n| Cookie name | Provider | Purpose |\n| --- | --- | --- |\n"
            "| NID | google.com | Ads |\n| IDE | doubleclick.net | Ads |\n")
    assert new_party_rows(head + _TAIL, head + "| MUID | bing.com | Ads |\n" + _TAIL) == []


def test_a_kind_of_recipient_is_no_company() -> None:
    head = ("## Who we share data with\n\n| Recipient | Data |\n| --- | --- |\n"
            "| Stripe | Payment card |\n| Zendesk | Email address |\n")
    assert new_party_rows(head + _TAIL, head + "| Law enforcement authorities | Any data |\n" + _TAIL) == []


def test_a_table_of_parties_data_comes_from_is_told_as_sources() -> None:
    from tracker.changes.tablerows import table_statements
    head = ("## Data Received from Third Parties\n\nWe may receive some personal data from third parties.\n\n"
            "| Third Party | Privacy Documents |\n| --- | --- |\n| Stripe | [Privacy Policy](https://stripe.com/privacy) |\n")
    new = head + "| Zoho Mail | [Privacy Policy](https://www.zoho.com/privacy.html) |\n"
    (s,) = table_statements(head, new, "")
    assert s.impact == "sources-widened" and "receives personal data from" in s.text and "Zoho Mail" in s.text
