"""News pages around a policy: a paragraph on one line is no wrapped line, teasers cut with an
ellipsis are page chrome, and headlines or bylines without a stop never make a change
substantive by volume."""
from tracker.changes import compare
from tracker.changes.phrasing import is_page_chrome
from tracker.changes.segment import unwrap
from tracker.changes.verdict import is_caption

# a news page's headlines, all about one width: the page looks wrapped at 48 columns
_MENU = "\n".join(["Obama leads Romney by eight in new national poll", "Treaty finalized to expand book access for blind",
                   "Ovechkin misses game with bronchitis, says coach", "China and Japan looking to the future of trade",
                   "Swedish town exports its unemployed to Norway now", "Halloween in Hong Kong draws record crowds again",
                   "North Korean tourist stops now open to visitors", "Meriweather a long shot to play against Giants",
                   "Simon Cowell not sure how Britney will do today", "Family Almanac: unrequited love and other woes"])
_SCOPE = ("Please note: this policy applies only to information collected by example.com online, "
          "as specified below, and does not govern or apply to information collected or used by "
          "The Example Company or its affiliates through other means")
_QUESTION = "What personally identifiable information do I provide to example.com?"


def test_a_paragraph_on_one_line_is_not_joined_to_the_heading_after_it() -> None:
    text = "\n".join([_MENU, "Privacy Policy", "(amended as of Nov. 15, 2011)", _SCOPE, _QUESTION, "We ask for your name and e-mail address when you register."])
    lines = unwrap(text).split("\n")
    assert _SCOPE in lines and _QUESTION in lines


def test_teasers_cut_short_are_page_chrome_but_a_list_ending_in_etc_is_not() -> None:
    assert is_page_chrome("Netflix shares jump, Apple and...")
    assert is_page_chrome("Treaty finalized to expand book…")
    assert not is_page_chrome("We share your name, address, phone number, etc...")
    assert not is_page_chrome("We collect your name and address.")


def test_headlines_and_bylines_are_captions_but_list_items_of_a_policy_are_not() -> None:
    assert is_caption("Mortgage rates spike in response to Fed statement; 30-year crosses 4 percent mark Amrita Jayakumar")
    assert not is_caption("Your name and postal address")
    assert not is_caption("Target Corporation subsidiaries and affiliates include: Target Bank, Dermstore LLC")
    assert not is_caption("Mortgage rates are kept for 30 years.")


def test_changed_news_headlines_around_an_unchanged_policy_are_not_substantive() -> None:
    policy = "\n".join([_SCOPE, _QUESTION, "We ask for your name and e-mail address when you register.",
                        "We keep your data for 30 days after you close your account."])
    old = "\n".join(["Mortgage rates spike in response to Fed statement; 30-year crosses 4 percent mark Amrita Jayakumar",
                     "Company allegedly misled government about security clearance checks Tom Hamburger", policy])
    new = "\n".join(["Apple's iPad mini: The review roundup Hayley Tsukayama",
                     "NYC marathon goes on less than one week since storm Top Galleries", policy])
    report = compare(old, new)
    assert report.verdict in ("cosmetic", "minor")
    assert "Please note" not in report.headline


def test_a_headline_cut_never_ends_on_a_word_that_waits_for_its_complement() -> None:
    from tracker.changes.headline import trim_tail
    text = ("Verizon may now also collect your domain name, the address of the last URL you visited prior "
            "to clicking through to its Web site and your browser and platform type")
    cut = trim_tail(text, 140)
    assert cut is None or not cut.endswith("prior")


def test_a_short_wrapped_line_ending_on_and_goes_on_on_the_next() -> None:
    text = ("Verizon may send e-mails to:\nConduct online surveys\n"
            "Provide marketing information about Verizon products and\nservices\nRespond to your e-mail")
    lines = unwrap(text).split("\n")
    assert "Provide marketing information about Verizon products and services" in lines
    assert "Conduct online surveys" in lines and "Respond to your e-mail" in lines
