"""Cosmetic change pages say what the cosmetic change was instead of an empty redline."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tracker.changes import compare
from tracker.publish.cosmetic import describe_cosmetic

OLD = "# Privacy\n\nLast updated: March 1, 2024\n\nSee [our partners](https://a.example/p).\n"


def test_date_stamp_links_and_formatting_are_described() -> None:
    new = OLD.replace("March 1, 2024", "April 1, 2024")
    items = describe_cosmetic(compare(OLD, new), OLD, new)
    assert [(i.label, i.old, i.new) for i in items] == [
        ("Date stamp", ("March 1, 2024",), ("April 1, 2024",))]
    moved = OLD.replace("https://a.example/p", "https://b.example/partners")
    items = describe_cosmetic(compare(OLD, moved), OLD, moved)
    assert items[0].label == "Link targets"
    assert items[0].old == ("https://a.example/p",) and items[0].new == ("https://b.example/partners",)
    spaced = OLD.replace("See [our", "See  *[our").replace("/p).", "/p)*.")
    items = describe_cosmetic(compare(OLD, spaced), OLD, spaced)
    assert [i.label for i in items] == ["Formatting"] and "words are the same" in items[0].note
    assert describe_cosmetic(compare(OLD, OLD), OLD, OLD) == ()


def test_cosmetic_change_page_shows_the_date_stamp(site: Path) -> None:
    page = next((site / "companies/acme/privacy-policy/changes").glob("2024-04-01-*.html"))
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    assert soup.select_one(".redline-box") is None          # no empty box
    section = soup.select_one(".cosmetic-section")
    assert section is not None
    dd = section.select_one("dl.cosmetic dt").find_next_sibling("dd")
    assert section.select_one("dl.cosmetic dt").get_text() == "Date stamp"
    assert dd.select_one("del").get_text() == "March 1, 2024"
    assert dd.select_one("ins").get_text() == "April 1, 2024"
