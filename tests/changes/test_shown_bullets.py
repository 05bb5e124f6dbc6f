"""What a reader sees under a headline: never the headline again (changes.render.shown_bullets)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.render import render_html, render_text, shown_bullets
from tracker.notify.facts import ChangeFacts


def test_a_bullet_the_headline_already_says_is_shown_once() -> None:
    bullets = ["Drops promise: Acme does not sell your data", "Acme keeps logs for 30 days (was: 90 days)"]
    assert shown_bullets("Drops promise: Acme does not sell your data", bullets) == bullets[1:]
    # the headline's label differs from the bullet's ('Drops promise' / 'No longer promises'): still the same sentence
    assert shown_bullets("Drops promise: Acme does not sell your data",
                         ["No longer promises: Acme does not sell your data"]) == []


def test_a_bullet_in_another_script_is_judged_by_its_own_words() -> None:
    assert shown_bullets("Acme shares data", ["Adds: 您的数据可能被传输到其他国家"]) == ["Adds: 您的数据可能被传输到其他国家"]
    assert shown_bullets("Adds: 您的数据可能被传输到其他国家", ["Adds: 您的数据可能被传输到其他国家"]) == []


def test_a_bullet_that_says_more_than_the_headline_is_shown() -> None:
    # the headline dropped the old value or cut the sentence: the bullet gives the rest
    assert shown_bullets("Acme keeps logs for 30 days", ["Acme keeps logs for 30 days (was: 90 days)"]) == \
        ["Acme keeps logs for 30 days (was: 90 days)"]
    assert shown_bullets("Acme may share your location", ["Acme may share your location with advertisers"]) == \
        ["Acme may share your location with advertisers"]


def test_text_and_html_forms_and_notifications_list_the_headline_once() -> None:
    old = "# Privacy\n\nWe keep your data for 30 days.\n\nWe will not sell your data to anyone.\n"
    new = "# Privacy\n\nWe keep your data for 30 days.\n\nWe may sell your data to advertising partners.\n"
    report = compare(old, new)
    assert report.bullets and report.headline
    text = render_text(report)
    html = render_html(report)
    for b in report.bullets:
        shown = b in shown_bullets(report.headline, report.bullets)
        assert (f"  * {b}" in text) == shown
    assert text.count(report.headline) == 1 + sum(report.headline in b for b in shown_bullets(report.headline, report.bullets))
    assert html.count("<li>") == len(shown_bullets(report.headline, report.bullets))
    facts = ChangeFacts("id", "acme", "Acme", "privacy", "Privacy", "2024-01-01T00:00:00+00:00", report.verdict,
                        report.headline, tuple(report.bullets), (), {}, {}, "https://x/c.html", "https://x/c.html#r")
    assert facts.shown_bullets == shown_bullets(report.headline, report.bullets)
    assert report.to_dict()["bullets"] == list(report.bullets)      # the JSON keeps every statement


def test_a_bullet_the_headline_cuts_short_is_not_shown_when_its_tail_adds_no_fact() -> None:
    head = "If you opt out, you may continue to receive online advertising from Acme"
    tail = "If you opt out, you may continue to receive online advertising from Acme; however, these ads may not be as relevant"
    assert shown_bullets(head, [tail]) == []
    # a short form in other words: the same promise, its label and 'opt-in' aside
    assert shown_bullets("Acme drops its promise not to combine cookie information with personally identifiable information without your consent",
                         ["No longer promises: Acme will not combine cookie information with personally identifiable information unless it has your "
                          "opt-in consent"]) == []
    # the page's own size is not a fact the reader needs
    assert shown_bullets("Acme's policy page shows the complete policy again (was: a summary linking to it)",
                         ["Acme's page shows the complete 3,557-word policy again (was: a 293-word summary linking to it)"]) == []


def test_a_bullet_the_headline_cuts_short_is_shown_when_its_tail_adds_a_fact() -> None:
    head = "Acme may use cookies to collect information about the use of its site"
    for tail in (" and share it with Google Analytics",          # a recipient (a name)
                 " in aggregate form",                            # a form that changes the meaning
                 " for 13 months",                                # a number
                 " (was: about its newsletters)",                 # an old value the headline does not give
                 " from you such as your phone number"):          # what is collected
        assert shown_bullets(head, [head + tail]) == [head + tail], tail
    # a headline far shorter than the bullet: most of the bullet is not in it, so the bullet is shown
    assert shown_bullets("Acme now cites the Privacy Shield", ["Acme sells your location to data brokers"]) == \
        ["Acme sells your location to data brokers"]
