"""A control listed as an instruction ('Take information associated with your Acme Account out of
many of our services') gives the user its act like 'you can …' does, and a condition ('if you
want to back it up') is no part of what the act is done to (tracker.changes.sameact.acts): a
blind reader graded 'New right: you can export a copy of content in your Google Account' 0."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.sameact import acts

_BASE = ("Acme Privacy Policy\n\nInformation We Collect\n\nWe collect your name and email address when you "
         "register.\n\nHow We Use Information\n\nWe use your email address to send you receipts.\n\n")
_OLD_CONTROLS = ("Your Controls\n\nAdjust how the Profile associated with your Acme Account appears to others.\n\n"
                 "Take information associated with your Acme Account out of many of our services.\n\n")
_NEW_CONTROLS = ("Your Controls\n\nYou can export a copy of content in your Acme Account if you want to back it up "
                 "or use it with a service outside of Acme.\n\n")


def test_an_instruction_gives_its_act() -> None:
    assert acts("Take information associated with your Acme Account out of many of our services.") is not None
    assert acts("Take information associated with your Acme Account out of many of our services.")[0] == {"copy"}
    assert acts("Review our Terms of Service before you sign up.") is None or acts(
        "Review our Terms of Service before you sign up.")[0] == {"access"}


def test_a_condition_is_no_part_of_the_object() -> None:
    got = acts("You can export a copy of content in your Acme Account if you want to back it up.")
    assert got is not None and "back" not in got[1]


def test_an_export_the_old_controls_gave_is_no_new_right() -> None:
    r = compare(_BASE + _OLD_CONTROLS, _BASE + _NEW_CONTROLS)
    assert not any("export" in (s["new"] or "") for s in r.statements)
    assert "export" not in r.headline


def test_an_export_no_old_control_gave_is_a_new_right() -> None:
    r = compare(_BASE, _BASE + _NEW_CONTROLS)
    assert any("export" in (s["new"] or "") for s in r.statements)
