"""The data controller named on a line of its own under a label ('The company responsible for
your data (the "data controller") is:'): another company there is told as the controller
changed, with the old one."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.digests import labelled_controller

BODY = ("\n\n## Data we collect\n\nWe collect your name and e-mail address when you sign up. We use them "
        "to run your account. We keep them while your account is open.\n")


def _policy(controller: str) -> str:
    return ("# Privacy Policy\n\nThe company responsible for your data (the “data controller”) is:\n\n"
            f"{controller}  \n10 Example Street, Exampletown\n" + BODY)


def test_the_name_under_a_controller_label_is_read() -> None:
    sentences = ('The company responsible for your data (the "data controller") is:', "Meetic S.A.S.",
                 "This policy applies to our services.")
    assert labelled_controller(sentences) == "Meetic S.A.S."
    assert labelled_controller(("Data controller:", "Acme Ltd")) == "Acme Ltd"
    # a sentence after the label is no name
    assert labelled_controller(("The controller is:", "the company that runs the service you use.")) is None


def test_another_company_under_the_label_is_the_controller_changed() -> None:
    r = compare(_policy("Example International Limited"), _policy("Exemple S.A.S."))
    assert r.headline == "Exemple S.A.S. is now the data controller (was: Example International Limited)"
    assert r.verdict in ("substantive", "major")


def test_the_same_company_written_otherwise_is_no_controller_change() -> None:
    r = compare(_policy("Exemple S.A.S."), _policy("Exemple SAS"))
    assert "data controller" not in r.headline


def test_the_same_names_added_in_two_sentences_are_told_once() -> None:
    from tracker.changes.rules.common import Statement
    from tracker.changes.statements import select
    lines = [Statement("Now also names Indiana, Kentucky and Rhode Island", "scope", "named-party", None,
                       "Indiana, Kentucky, Rhode Island", (1,)),
             Statement("Now also names Indiana, Kentucky and Rhode Island in “Some states”", "scope", "named-party",
                       None, "Indiana, Kentucky, Rhode Island", (2,)),
             Statement("Now also names Acme Payments and Stripe", "sharing", "new-recipient", None,
                       "Acme Payments, Stripe", (3,))]
    told = [s.text for s in select(lines)]
    assert len([t for t in told if "Indiana" in t]) == 1
    assert "Now also names Acme Payments and Stripe" in told     # other names are another line
