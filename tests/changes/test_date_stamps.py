"""Date stamps in plain-text scrapes: glued to titles and sentences, in change-log headings."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.normalize import cut_stamps, date_value, latest_date
from tracker.changes.segment import segment

BODY = ("We collect your name and e-mail address when you register. "
        "We use your e-mail address to send you receipts. We do not sell personal information.")


@pytest.mark.parametrize("glued, phrase", [
    ("Privacy PolicyLast updated: March 15, 2018.This privacy policy describes our commitment.",
     "Last updated: March 15, 2018."),
    ("REVISED AND POSTED AS OF: MARCH 31, 2010. Please note this version changes nothing.",
     "REVISED AND POSTED AS OF: MARCH 31, 2010."),
    ("Privacy Policy The Example Privacy Policy was updated on December 13, 2017.",
     "was updated on December 13, 2017."),
    ("Data Use PolicyDate of Last Revision: September 7, 2011Information we receive",
     "Date of Last Revision: September 7, 2011"),
    ("Privacy Policy Published: April 24, 2018 Example LLC recognizes the importance of privacy.",
     "Published: April 24, 2018"),
    ("Privacy Policy Last modified: June 5, 2015 (view archived versions) There are many ways.",
     "Last modified: June 5, 2015"),
])
def test_stamp_phrase_is_cut_out_of_a_glued_sentence(glued: str, phrase: str) -> None:
    rest, found = cut_stamps(glued)
    assert found == [phrase]
    assert phrase not in rest and rest
    assert not any(ch.isdigit() for ch in rest)


@pytest.mark.parametrize("sentence", [
    "From September 2022, we may ask some users to provide an e-mail address.",
    "We delete inactive accounts after March 2020 backups expire.",
    "Telegram users have been able to communicate with bots since 2015.",
])
def test_a_date_in_content_is_not_a_stamp(sentence: str) -> None:
    assert cut_stamps(sentence) == (sentence, [])


def _page(stamp_line: str) -> str:
    return f"Home About Careers\nExample Privacy Policy{stamp_line}This policy explains what we do. {BODY}\n"


def test_stamp_glued_into_the_first_sentence_is_metadata_and_the_change_is_cosmetic() -> None:
    old = _page("Last updated: March 15, 2018.")
    new = _page("Last updated: April 4, 2018.")
    report = compare(old, new)
    assert report.date_stamp == {"old": "March 15, 2018", "new": "April 4, 2018"}
    assert report.verdict == "cosmetic"
    assert not report.changes


def test_stamp_glued_to_a_real_change_keeps_the_change() -> None:
    old = _page("Last updated: March 15, 2018.")
    new = _page("Last updated: April 4, 2018.").replace("We do not sell", "We may sell")
    report = compare(old, new)
    assert report.date_stamp_changed
    assert report.verdict != "cosmetic"


def test_newest_change_log_heading_dates_a_document_without_a_stamp_line() -> None:
    log = "\n\n## Changes\n\n**March 25, 2019**\n\nAdded a section.\n\n**October 26, 2021**\n\nFixed a link.\n"
    doc = segment("# Policy\n\n" + BODY + log)
    assert doc.date_stamp == "October 26, 2021"
    newer = segment("# Policy\n\n" + BODY + log + "\n**March 31, 2024**\n\nNew entry.\n")
    assert newer.date_stamp == "March 31, 2024"


def test_an_explicit_stamp_wins_over_change_log_headings() -> None:
    doc = segment("# Policy\n\nLast updated: May 1, 2020\n\n" + BODY + "\n\n**March 25, 2023**\n\nEntry.\n")
    assert doc.date_stamp == "May 1, 2020"


def test_date_values_order_dates_across_formats() -> None:
    assert date_value("March 31, 2024") == (2024, 3, 31)
    assert date_value("31 March 2024") == (2024, 3, 31)
    assert date_value("2024-03-31") == (2024, 3, 31)
    assert date_value("Sept. 2, 2019") == (2019, 9, 2)
    assert date_value("no date here") is None
    assert latest_date(["June 19, 2022", "2023-01-02", "March 24, 2021"]) == "2023-01-02"
    assert latest_date([]) is None
