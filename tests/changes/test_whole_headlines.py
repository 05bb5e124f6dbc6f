"""Headlines a journalist can publish as written (issue 13): a quote that must be shortened
ends on what the sentence is about (its opener or aside left out, or cut at a clause of
consequence), never before its object; a change no statement could say is quoted or said as
the address it replaced, never counted ('Adds 2 sentences and drops 2')."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.quoted import _cut, said_alone
from tracker.changes.report import Change

_INTRO = ("# Privacy Policy\n\nAcme Corp explains here how it handles the personal information of the people "
          "who use its website and its apps.\n\n")


def test_a_long_condition_is_cut_at_a_join_and_the_main_clause_kept_whole() -> None:
    text = ("If you are based in the UK and believe we mishandled your personal information or failed to comply "
            "with UK data protection laws, you can also make a data protection complaint directly to us.")
    said = _cut(text, 125)
    assert said == "If you are based in the UK …, you can also make a data protection complaint directly to us."


def test_an_aside_is_left_out_so_the_quote_ends_on_its_object() -> None:
    text = ("If you would like to avoid the proxy, you can change your server address (in the browser extension "
            "settings) to https://api.example.org/v1")
    assert _cut(text, 125) == ("If you would like to avoid the proxy, you can change your server address (…) to "
                               "https://api.example.org/v1")


def test_a_clause_of_consequence_is_where_a_quote_may_end() -> None:
    text = ("The pixel allows us to understand how users engage with our website, providing insights into their "
            "journey and helping us attribute conversions based on their interactions.")
    assert _cut(text, 125) == "The pixel allows us to understand how users engage with our website"


def test_a_condition_is_never_dropped_whole() -> None:
    text = ("If you have created an account with us and have asked us in writing to keep your records, "
            "we will keep a copy of every message you sent to our support team for seven years.")
    assert not _cut(text, 90).startswith("…")


def test_address_lines_replaced_are_said_as_the_new_address() -> None:
    changes = [Change("added", "Contact", None, "4052 S 124th Street,", ("contact",), False),
               Change("added", "Contact", None, "Greenfield, WI 53228;", ("contact",), False),
               Change("removed", "Contact", "255 Executive Drive, Suite 400,", None, ("contact",), False),
               Change("removed", "Contact", "Plainview, NY 11803;", None, ("contact",), False)]
    assert said_alone(changes, [0, 1, 2, 3]) == ("Postal address changed to “4052 S 124th Street, Greenfield, WI 53228” "
                                                 "(was: “255 Executive Drive, Suite 400, Plainview, NY 11803”)")


def test_one_reworded_line_is_quoted_not_counted() -> None:
    old = _INTRO + "## Contact\n\nYou can write to us at the address below.\n\nAcme Data GmbH\n\nMain Street 4, Berlin\n"
    new = _INTRO + "## Contact\n\nYou can write to us at the address below.\n\nAcme Data GmbH i.L.\n\nMain Street 4, Berlin\n"
    r = compare(old, new)
    assert not r.headline.startswith(("Rewords", "Adds", "Drops")), r.headline
    assert "Acme Data GmbH i.L." in r.headline


def test_a_hidden_address_placeholder_is_never_quoted_as_the_change() -> None:
    changes = [Change("reworded", "Contact", "You can also contact our support team via the web form.",
                      "You can also email protected via the web form.", ("contact",), False)]
    assert said_alone(changes, [0]) is None


def test_a_run_of_labels_is_never_quoted_as_a_sentence() -> None:
    changes = [Change("removed", "Ads", "Pseudonymized Identifiers Technical information Commerce events", None,
                      ("cookies-tracking",), False)]
    assert said_alone(changes, [0]) is None


def test_a_statement_too_long_to_lead_leads_without_its_clause_of_consequence() -> None:
    from tracker.changes.rules.structure import first_clause
    text = ("New retention rule: the original image is permanently deleted after redaction, ensuring that the code "
            "is neither stored nor viewed by a human as part of a manual verification process")
    assert first_clause(text, 139) == "New retention rule: the original image is permanently deleted after redaction"


def test_the_sentence_that_says_who_we_are_never_leads_a_practice() -> None:
    from tracker.changes.headline import _lead_order
    from tracker.changes.rules.common import Statement
    definition = Statement('Now also names Dashboard in “This policy governs how Acme Ltd. ("Acme", "we" or "us") '
                           'handles data”', "other", "practice-changed", None, "Dashboard")
    contact = Statement("Contact e-mail: privacy@acme.example (was: dpo@acme.example)", "contact", "contact-changed",
                        "dpo@acme.example", "privacy@acme.example")
    assert _lead_order([definition, contact])[0] is contact
    assert _lead_order([definition])[0] is definition


def test_an_aside_that_limits_the_sentence_is_never_left_out() -> None:
    text = "We may share your purchase details with our partners (except your card number and health data) to offer you rewards."
    assert "(…)" not in _cut(text, 100)


def test_dated_lines_of_a_list_are_no_postal_address() -> None:
    """A list of holidays ('World Food Day (Oct 16, 2020)') has numbers a postcode pattern takes
    for one; a line with a date is never a line of an address."""
    changes = [Change("added", "Events", None, "World Food Day (Oct 16, 2020)", ("other",), False),
               Change("added", "Events", None, "Black Poetry Day (Oct 17, 2020)", ("other",), False),
               Change("removed", "Events", "Samhain (Oct 31, 2020)", None, ("other",), False),
               Change("removed", "Events", "Clergy Appreciation Day (11 October 2020)", None, ("other",), False)]
    said = said_alone(changes, [0, 1, 2, 3])
    assert said is None or "address" not in said.lower()
