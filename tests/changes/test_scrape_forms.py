"""Scrape forms that are not changes: a link whose text sits on lines of its own, and revision
stamps written in the other languages policies are published in."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.normalize import is_date_stamp
from tracker.changes.segment import join_split_links

BODY = "\n\nWe collect your e-mail address to send you receipts.\n\nWe keep receipts for 7 years.\n"


def test_a_link_split_over_lines_is_one_link() -> None:
    split = "*   ### [\n    GENERAL PRIVACY POLICY\n    ](javascript:void(0))"
    assert join_split_links(split) == "*   ### [GENERAL PRIVACY POLICY](javascript:void(0))"
    assert join_split_links("See [our policy](/p) and [\nthe terms\n](/t).") == "See [our policy](/p) and [the terms](/t)."


def test_rewrapping_a_link_is_cosmetic() -> None:
    old = "*   ### [GENERAL PRIVACY POLICY](javascript:void(0))" + BODY
    new = "*   ### [\n    GENERAL PRIVACY POLICY\n    ](javascript:void(0))" + BODY
    rep = compare(old, new)
    assert rep.verdict == "cosmetic", rep.headline
    assert rep.stats["added"] == rep.stats["removed"] == 0


@pytest.mark.parametrize("stamp", ["Mise à jour : 05/12/2023", "Dernière mise à jour le 12/03/2024",
                                   "Stand: 01.03.2024", "Última actualización: 3/5/2024",
                                   "Ultimo aggiornamento: 10/01/2024", "Laatst bijgewerkt: 01.02.2024"])
def test_revision_stamps_in_other_languages(stamp: str) -> None:
    assert is_date_stamp(stamp)


@pytest.mark.parametrize("sentence", ["We stand by it since 2020", "Contact us at 12/14 Main Street"])
def test_not_stamps(sentence: str) -> None:
    assert not is_date_stamp(sentence)


def test_a_french_revision_date_is_cosmetic() -> None:
    old = "# Politique de confidentialité\n\n* Mise à jour : 29/11/2023\n" + BODY
    new = "# Politique de confidentialité\n\n* Mise à jour : 05/12/2023\n" + BODY
    rep = compare(old, new)
    assert rep.verdict == "cosmetic" and "date" in rep.headline, rep.headline
