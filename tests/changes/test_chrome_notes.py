"""Page clutter, revision notes and fragments are never reported as news: a run of headlines
or a flattened menu kept by a scrape is page chrome, a revision note ('Changes made to …; no
change in information practices') is an editor's note, a lead-in that only announces
examples is cut before the item's own sentence, and a purpose opener is never a cut of its
sentence."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.phrasing import is_page_chrome, shorten
from tracker.changes.publishable import publishable
from tracker.changes.rules.common import Statement
from tracker.changes.trivial import is_change_note

HEADLINES = ("Look at this list of the highest-paying majors 5 White House intruder was tackled by off-duty Secret "
             "Service agent The Most Popular All Over The Daily Courier Armed contractor with criminal record was on "
             "elevator with the Mayor in Atlanta Slate The Greatest Job Perk You Have Never Heard Of TIME Famous "
             "Collector Has Had Part of Her Art Collection Seized Tampa Bay Times Gigantic Swimming Pools Called "
             "Crystal Lagoons Coming To Tampa Bay Area")
MENU = ("Expand home bath bath accessories bath rugs & toilet covers bath towels bathroom mirrors bathroom scales "
        "beach towels shower curtains bedding bed pillows & protectors")
NAMES = ("Examples of businesses with which we offer joint or co-branded products include Target, Borders, "
         "Waldenbooks, CD Now, Verizon Wireless, Sprint, T-Mobile, Virgin Mobile, Eddie Bauer and Office Depot")
PROSE_LIST = ("This information includes internet protocol addresses, browser type, internet service provider, "
              "referring and exit pages, operating system, date and time stamp, and clickstream data")


def test_a_run_of_headlines_is_page_chrome() -> None:
    assert is_page_chrome(HEADLINES)
    assert not is_page_chrome(NAMES)          # names listed with commas: a sentence of the policy


def test_a_flattened_lower_case_menu_is_page_chrome() -> None:
    assert is_page_chrome(MENU)
    assert not is_page_chrome(PROSE_LIST)     # a list in prose has its commas


def test_a_revision_note_is_an_editors_note() -> None:
    assert is_change_note("Changes made to make the statement easier to understand; no change in information practices.")
    assert is_change_note("Changes made to reflect changes in the US Dept of Commerce Safe Harbor statement requirements.")
    assert not is_change_note("Changes made to your account settings take effect immediately.")
    assert not is_change_note("Changes made to this policy will be posted on this page.")


def test_a_revision_note_added_is_never_a_bullet() -> None:
    old = ("Acme Privacy Policy\n\nWe collect your name and e-mail address when you register.\n\n"
           "Effective Date: April 15, 2011\n")
    new = ("Acme Privacy Policy\n\nWe collect your name and e-mail address when you register.\n\n"
           "Effective Date: July 1, 2011\n"
           "Changes made to make the statement easier to understand; no change in information practices.\n")
    report = compare(old, new)
    assert not any("Changes made" in b for b in (report.headline, *report.bullets))
    assert report.verdict in ("cosmetic", "minor")


def test_a_lead_in_of_examples_is_cut_before_the_item_sentence() -> None:
    text = ("Here are some examples: Device Information: Acme collects technical information when you visit "
            "its websites or use its mobile applications")
    kept = publishable([Statement(text, "collection", "collection-widened", None, text, (0,))])
    assert [s.text for s in kept] == ["Acme collects technical information when you visit its websites or use "
                                      "its mobile applications"]


def test_a_purpose_opener_is_never_the_cut_of_its_sentence() -> None:
    text = ("To enable the purchase of these products (with the exception of the Article Archive), Acme collects "
            "and stores billing and credit card information")
    assert shorten(text, 60) != "To enable the purchase of these products"


def test_no_entity_is_read_from_a_run_of_headlines() -> None:
    old = ("Acme Privacy Policy\n\nWe collect your name and e-mail address when you register.\n\n"
           "We share your data with service providers.\n")
    sidebar = ("Most Popular (3166906 views) The Atlantic How Obama Has Left Red States Deeper in the Red Fast Company "
               "Microsoft Completes Its \"Office Everywhere\" Vision With Outlook For iOS And Android The Baltimore Sun "
               "Clock Is Ticking For The Harbor Tunnel Says The Mayor")
    report = compare(old, old + "\n" + sidebar + "\n")
    assert not {"Android", "Outlook"} & set(report.entities_added["vendors"])
