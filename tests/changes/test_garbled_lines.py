"""Lines a reader cannot publish: a quote cut mid-phrase (in any language), a 'mentions <term>'
label whose term is no thing, a condition cut at its comma, a bare list of items, 'the certain …',
'now currently', a bullet that only repeats the headline's address, a headline pointing at
'these <things>' it never names."""

from __future__ import annotations

import pytest

from tracker.changes.anchors import anchor
from tracker.changes.headline import _lead_order
from tracker.changes.phrasing import say_new, shorten
from tracker.changes.publishable import fragment, mention_term
from tracker.changes.render import shown_bullets
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement


def _ctx(changes: list[Change], new_sentences: tuple[str, ...]) -> Context:
    return Context(changes, {"vendors": [], "laws": []}, {"vendors": [], "laws": []}, [], [], "Acme",
                   old_sentences=(), new_sentences=new_sentences)


def _added(text: str) -> Change:
    return Change("added", "S", None, text, ("sharing",), True, ())


def test_a_quantifier_never_follows_the_article_of_a_referent() -> None:
    before = "You will have to provide certain payment information such as your card number."
    quoted = "This information is processed by its payment processor, Stripe."
    ctx = _ctx([_added(quoted)], (before, quoted))
    s = anchor(ctx, Statement("This information is processed by its payment processor, Stripe",
                              "sharing", "new-recipient", None, quoted, (0,)))
    assert s.text == "The payment information is processed by its payment processor, Stripe"


def test_a_plural_referent_keeps_its_quantifier() -> None:
    before = "You have certain rights over your personal data."
    quoted = "These rights include the right to obtain copies of your personal data."
    ctx = _ctx([_added(quoted)], (before, quoted))
    s = anchor(ctx, Statement("These rights include the right to obtain copies of your personal data",
                              "rights", "right-added", None, quoted, (0,)))
    assert s.text == "Certain rights include the right to obtain copies of your personal data"


def test_now_is_never_said_beside_currently() -> None:
    assert say_new("Acme currently uses Anthropic as its model provider", "Acme") == \
        "Acme now uses Anthropic as its model provider"


@pytest.mark.parametrize(("term", "quote"), [
    ("vous identifier", "nous déposions un cookie afin de vous identifier"),      # another language
    ("become publicly", "your posts may become publicly available"),              # a verb and an adverb
    ("Finally", "Finally, you may control and/or opt-out"),                       # an adverb
    ("Groceries Powered", "its partner experiences (Groceries Powered by Acme)"), # a participle
    ("Get Express", "Get Express customer service or contact Acme"),              # a verb
])
def test_a_mentions_label_names_no_verb_adverb_or_foreign_words(term: str, quote: str) -> None:
    assert mention_term(term, quote) is None


@pytest.mark.parametrize(("term", "quote", "name"), [
    ("Managed", "This Policy does not apply to Managed Accounts or Acme Kids", "Managed Accounts"),
    ("Shield", "extent required by the Privacy Shield principles", "Privacy Shield"),
    ("Reddit", "Reddit may use a variety of technologies", "Reddit"),
    ("binding arbitration", "invoke binding arbitration for complaints", "binding arbitration"),
])
def test_a_mentions_label_names_the_whole_name(term: str, quote: str, name: str) -> None:
    assert mention_term(term, quote) == name


@pytest.mark.parametrize("text", [
    "No longer mentions Acme: “nous déposions un cookie afin de vous identifier et de nous voir attribuer une”",
    "Now mentions Acme EU: “please visit the Acme EU web site at www.acme.eu for more”",
    "Adds: Acme's new policy comes into effect on 11 November 2026 or, if you are in the UK",
    "To opt out of marketing please email Acme at privacy@acme.com or, where applicable",
    "Collection, storage, adaptation, use, transmission, erasure, or destruction",
])
def test_a_line_cut_mid_phrase_or_a_bare_list_is_no_statement(text: str) -> None:
    assert fragment(text) is not None


@pytest.mark.parametrize("text", [
    "Now mentions Acme EU: “please visit the Acme EU web site for more information”",
    "Acme shares your data with partners, if you consent",
    "Your name, email address, and phone number are collected when you register",
])
def test_whole_lines_stay(text: str) -> None:
    assert fragment(text) is None


def test_a_cut_never_stops_inside_a_condition_set_between_commas() -> None:
    text = ("Acme's new Privacy Policy for UK users comes into effect on 11 November 2026 or, if you are in the UK, "
            "when you make a choice about the ads Acme shows you in its apps")
    cut = shorten(text, 100)
    assert cut is None or not cut.endswith("in the UK")


def test_a_bullet_that_only_says_to_write_to_the_headlines_address_is_not_shown() -> None:
    headline = "Contact e-mail: sales@acme.com (was: info@acme.com)"
    bullets = ["To do so, please contact its support team at sales@acme.com",
               "To delete your account, write to sales@acme.com", "1 link target changed"]
    assert shown_bullets(headline, bullets) == bullets[1:]


def test_a_line_pointing_at_things_it_never_names_does_not_lead() -> None:
    pointing = Statement("New: Acme has no control over these third-party caches, and they might keep the data",
                         "retention", "retention-stated", None, "x", (0,))
    plain = Statement("Acme now keeps your profile data for two years after you close your account",
                      "retention", "retention-stated", None, "y", (1,))
    assert _lead_order([pointing, plain])[0] is plain
