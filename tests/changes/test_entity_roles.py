"""A platform is a named party only where the sentence gives it a part: a browser in a sample log
line and a platform a product is 'for' ('Twitter for iOS') are not newly named parties."""

from __future__ import annotations

import pytest

from tracker.changes import compare
from tracker.changes.vendors import find_vendors, in_sample, runs_on

_BASE = ("Acme Privacy Policy\n\nWe collect the information you give us when you create an account. "
         "We use it to run the service and to answer your questions.\n")


@pytest.mark.parametrize("text, gone", [
    ("Firefox 1.0.7; Windows NT 5.1 is the browser and operating system being used.", "Firefox"),
    ("A log entry may read: 123.45.67.89 - 25/Mar/2003 - Firefox 1.0.7. Windows NT 5.1 - 740674ce2123e969", "Firefox"),
    ("Your profile will no longer be viewable on acme.com, Acme for iOS, and Acme for Android.", "iOS"),
    ("Access Acme from an application such as Acme for Mac, Acme for Android or AcmeDeck.", "Android"),
])
def test_not_a_party(text: str, gone: str) -> None:
    """The software of a sample log line and the platform a product runs on name no party."""
    assert gone not in find_vendors(text)


@pytest.mark.parametrize("text, kept", [
    ("Each operating system, iOS for Apple devices, Android for Android devices and Windows for Microsoft "
     "devices, provides its own instructions.", {"iOS", "Apple", "Android", "Microsoft"}),
    ("To opt out, select Limit Ad Tracking for iOS.", {"iOS"}),
    ("See the Opt-Out for Android.", {"Android"}),
    ("To buy from the store you must use a browser such as Firefox 3.0 or later.", {"Firefox"}),
    ("Cookie removal instructions: Mozilla Firefox 1.x", {"Firefox"}),
    ("If you link your Kindle or Nook account, they may send us information.", {"Kindle", "Nook"}),
])
def test_still_a_party(text: str, kept: set[str]) -> None:
    """A platform that gives settings, runs a store or sends data, and a browser a policy names as
    supported, are still named."""
    assert kept <= find_vendors(text)


def test_in_sample_needs_a_build_number() -> None:
    """Only a three-part build number or a product/version token marks a sample string."""
    assert in_sample("Firefox 1.0.7 is used", len("Firefox"))
    assert in_sample("Mozilla/5.0 (Windows NT 10.0)", len("Mozilla"))
    assert not in_sample("Firefox 3.0 or later", len("Firefox"))


def test_runs_on_needs_a_product_and_a_list_end() -> None:
    """'Acme for iOS,' is a product's platform; 'iOS for Apple devices' and 'apps for iOS devices' are not."""
    text = "Acme for iOS, apps for iOS devices, iOS for Apple devices"
    first = text.index("iOS")
    second = text.index("iOS", first + 1)
    apple = text.index("Apple")
    assert runs_on(text, first, first + 3)
    assert not runs_on(text, second, second + 3)
    assert not runs_on(text, apple, apple + 5)


def test_report_does_not_name_the_platform_of_its_own_app() -> None:
    """A new sentence about the company's own apps does not make iOS a newly named party; a
    sentence giving data to a platform does."""
    own_app = compare(_BASE, _BASE + "\nDeleted accounts are no longer viewable on acme.com, Acme for iOS, "
                                      "and Acme for Android.\n")
    assert "iOS" not in own_app.entities_added.get("vendors", [])
    shares = compare(_BASE, _BASE + "\nWe share your device identifier with Apple so that the iOS "
                                    "advertising settings you choose apply to our ads.\n")
    assert "iOS" in shares.entities_added.get("vendors", [])
