"""A line that does not say what changed (a quote with no 'New:', 'now', 'no longer' or '(was: …)')
goes after the lines of its tier that say their change: it leads and is shown only when they do not."""

from __future__ import annotations

from tracker.changes.headline import headline_of, rewrite_digest
from tracker.changes.rules.common import Statement
from tracker.changes.statements import select, tells, untold
from tracker.changes.summary import Facts

_QUOTE = Statement("Acme is not directed to children under 13", "children", "collection-widened", changes=(1,))
_NEWS = Statement("Acme now collects your precise location", "collection", "collection-widened", changes=(2,))


def test_a_quote_with_no_mark_is_untold() -> None:
    assert untold(_QUOTE)
    assert not untold(_NEWS)
    assert not untold(Statement("Acme keeps logs for 90 days (was: 30 days)", "retention", "practice-changed"))


def test_a_headline_form_that_says_the_change_tells_it() -> None:
    pointer = Statement("To learn more about the Safe Harbor program, please visit export.gov", "international-transfer",
                        "law-cited", short="Acme now cites Safe Harbor")
    assert not untold(pointer)


def test_a_dropped_promise_and_a_new_contact_tell_their_change() -> None:
    assert not untold(Statement("Acme drops its promise not to sell your data", "sale", "practice-changed"))
    assert not untold(Statement("New contact e-mail: privacy@acme.com", "contact", "contact-changed"))


def test_an_old_value_with_no_word_tells_nothing() -> None:
    assert untold(Statement("Your data is controlled by Acme S.à r (was: á r.l)", "other", "practice-changed"))


def test_the_line_that_says_its_change_leads_its_tier() -> None:
    assert select([_QUOTE, _NEWS])[0] is _NEWS


def test_an_untold_line_is_left_out_when_its_level_is_full() -> None:
    other = Statement("Acme now collects your contacts", "collection", "collection-widened", changes=(3,))
    chosen = select([_QUOTE, _NEWS, other])
    assert _QUOTE not in chosen and chosen[:2] == [_NEWS, other]


def test_a_higher_tier_still_leads_an_untold_line() -> None:
    promise = Statement("Acme will not sell your personal information", "sale", "no-sale-promise", changes=(4,))
    assert select([_NEWS, promise])[0] is promise


def test_a_rewrite_digest_leads_with_a_line_that_says_its_change() -> None:
    shared = Statement("Acme shares your data with its affiliates", "sharing", "sharing-widened", changes=(5,))
    assert untold(shared) and rewrite_digest([shared, _NEWS]) == [_NEWS, shared]


def test_a_rewrite_digest_keeps_its_one_line_per_level() -> None:
    # a rewrite is told by the range of its levels: the first quote of a level is not swapped out
    assert rewrite_digest([_QUOTE, _NEWS]) == [_QUOTE]


def test_an_old_number_tells_its_change() -> None:
    assert not untold(Statement("Acme does not collect data from anyone under 18 (was: 13)", "children", "value-changed"))


def _facts() -> Facts:
    return Facts([], [], [], [], {}, {}, [("collection", 1)], 0.9, {}, 1, 1, False)


# a reworded sentence that fits a headline only without its '(was: …)'
_REWORDED = Statement("Advertisers or their partners sometimes place cookies on your computer (or use other similar "
                      "technologies) to serve ads and to make their ads more effective (was: cookies on your computer in "
                      "order to make their ads)", "cookies", "sharing-widened", "in order to make", "to serve ads", (1,))


def test_a_headline_that_lost_its_old_value_gives_way_to_a_line_that_says_its_change() -> None:
    quote = Statement("Its affiliates may share information with Acme as well", "sharing", "sharing-widened", changes=(2,))
    named = Statement("Acme now requires advertisers to comply with its Advertising Guidelines", "sharing", "named-party",
                      None, "Advertising Guidelines", (3,))
    assert headline_of([_REWORDED, quote, named], _facts(), "substantive", False) == named.text


def test_a_headline_that_lost_its_old_value_still_leads_a_quote_or_a_pointer() -> None:
    quote = Statement("Its affiliates may share information with Acme as well", "sharing", "sharing-widened", changes=(2,))
    headline = headline_of([_REWORDED, quote], _facts(), "substantive", False)
    assert headline.startswith("Advertisers or their partners") and not tells(headline)
