"""The lead's fixes of 2.16.0: a known company's site the text names most is its author's, a
name of several words keeps its 'The', a report without a name says 'the policy'. Short
synthetic texts."""
from __future__ import annotations

from tracker.changes import entities as ent
from tracker.changes.rules.common import _lower
from tracker.changes.swapped import owners


def _policy(author: str, other: str, n_author: int, n_other: int) -> tuple[list[str], list[str]]:
    text = " ".join([f"{author} keeps your settings on its servers."] * n_author
                    + ["You may connect Google Calendar to your account."] * 5      # no company named most by far
                    + [f"Calendar invitations may be sent through {other}."] * n_other)
    urls = [f"https://www.{author.lower()}.org/page{i}" for i in range(8)] \
        + [f"https://{other.lower()}.com/privacy"] * 2
    return [text, text], urls


def test_a_known_companys_site_the_text_names_most_is_the_author():
    texts, urls = _policy("Mozilla", "Mailfence", 12, 3)
    assert ent.first_party(texts, urls)[1] == "mozilla"


def test_a_known_companys_site_named_less_than_the_authors_is_not_the_author():
    text = " ".join(["Qiwi.gg keeps your data safe and Qiwi never sells it."] * 8
                    + ["Google Analytics measures visits to Qiwi.gg."] * 2)
    urls = ["https://www.google.com/policies/privacy"] * 4 + ["https://qiwi.gg/terms"] * 2
    assert ent.first_party([text, text], urls)[1] != "google"


def test_a_name_of_several_words_keeps_its_capital_the():
    assert _lower("The Trade Desk does not sell information") == "The Trade Desk does not sell information"
    assert _lower("The New York Times may use this information") == "The New York Times may use this information"
    assert _lower("The TRUSTe program covers only this site") == "the TRUSTe program covers only this site"
    assert _lower("We do not sell your data") == "we do not sell your data"


def test_a_policy_without_a_name_is_the_policy():
    assert owners("The company") == "the"
    assert owners("The company", True) == "The"
    assert owners("Aetna") == "Aetna's"
