"""A statement whose subject or reference points back to a sentence it does not quote is
anchored to its referent in the sentence before, or never leads (tracker.changes.anchors)."""

from __future__ import annotations

import pytest

from tracker.changes.anchors import anchor, points_back, refers_back
from tracker.changes.headline import summarise
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement
from tracker.changes.statements import candidates
from tracker.changes.summary import Facts


def _ctx(changes: list[Change], new_sentences: tuple[str, ...], old_sentences: tuple[str, ...] = ()) -> Context:
    return Context(changes, {"vendors": [], "laws": []}, {"vendors": [], "laws": []}, [], [], "Acme",
                   old_sentences=old_sentences, new_sentences=new_sentences)


def _added(text: str) -> Change:
    return Change("added", "S", None, text, ("retention",), True, ())


@pytest.mark.parametrize("body", [
    "This copy remains accessible even if the post is later deleted",
    "These companies are authorized to use your personal information",
    "Such affiliates shall process your personal data",
    "These apps may facilitate the download of other apps",      # one app is this one; these apps are others'
    "These websites have their own privacy policies",
    "They may combine this information with other data",
])
def test_a_demonstrative_or_pronoun_subject_points_back(body: str) -> None:
    assert points_back(body) and refers_back(body)


@pytest.mark.parametrize("body", [
    "This Online Privacy Policy applies only to the information Acme collects",
    "These Terms apply to every Acme service",
    "Acme shares your data with advertising partners",
    "The information you provide is stored for 30 days",
])
def test_the_document_itself_or_a_specified_noun_does_not(body: str) -> None:
    assert not points_back(body) and not refers_back(body)


def test_the_x_points_back_only_when_the_sentence_before_introduced_x() -> None:
    body = "The tags may collect information from cookies placed by other companies"
    assert points_back(body, "Acme allows other companies to place tags on its properties")
    assert not points_back(body, "Acme uses cookies to remember you")


@pytest.mark.parametrize("body", [
    "Acme does not store the personal information of the third party",
    "You can opt out of those vendors' use of cookies to tailor ads",
])
def test_a_reference_inside_the_sentence_refers_back(body: str) -> None:
    assert refers_back(body) and not points_back(body)


def test_a_reference_the_statement_itself_introduces_is_anchored() -> None:
    assert not refers_back("Acme may share your data with a third party, and the third party may keep it")
    assert not refers_back("Ad networks show ads on participating websites and measure those ads")


def test_the_referent_of_the_sentence_before_replaces_the_pointing_subject() -> None:
    before = "When users pay to unlock a post, a permanent copy is created in their history."
    quoted = "This copy remains accessible even if the post is later deleted."
    ctx = _ctx([_added(quoted)], ("Acme offers paid posts.", before, quoted))
    s = anchor(ctx, Statement("New retention rule: this copy remains accessible even if the post is later deleted",
                              "retention", "retention-stated", None, quoted, (0,)))
    assert s.text == "New retention rule: the permanent copy remains accessible even if the post is later deleted"


def test_a_plural_referent_takes_no_article_inside_the_sentence() -> None:
    before = "Acme works with third-party vendors who use cookies to tailor advertising."
    quoted = "You can opt out of those vendors' use of cookies by visiting aboutads.info."
    ctx = _ctx([_added(quoted)], (before, quoted))
    s = anchor(ctx, Statement("New right: you can opt out of those vendors' use of cookies by visiting aboutads.info",
                              "rights", "right-added", None, quoted, (0,)))
    assert s.text == "New right: you can opt out of third-party vendors' use of cookies by visiting aboutads.info"


def test_an_unresolved_subject_is_left_out_and_never_the_headline() -> None:
    before = "Acme allows other companies to place tags on its digital properties."
    tags = "The tags may collect information from cookies placed by other companies."
    ctx = _ctx([_added(before), _added(tags)], (before, tags))
    cands = [Statement("The tags may collect information from cookies placed by other companies", "collection",
                       "collection-widened", None, tags, (1,)),
             Statement("Acme allows other companies to place tags on its digital properties", "sharing",
                       "sharing-widened", None, before, (0,))]
    from tracker.changes import statements as st
    kept = [s for s in cands if not st._points_back(ctx, s)]
    assert [s.text for s in kept] == ["Acme allows other companies to place tags on its digital properties"]
    facts = Facts(ctx.changes, [], [], [], ctx.entities_added, ctx.entities_removed, [], 0.8, {}, 1, 1, False)
    statements, headline = summarise(facts, "substantive", cands, False, False)
    assert headline == "Acme allows other companies to place tags on its digital properties"


def test_candidates_anchor_before_they_judge() -> None:
    before = "When users pay to unlock a post, a permanent copy is created in their history."
    quoted = "This copy is kept for 30 days even if the post is later deleted."
    ctx = _ctx([_added(before), _added(quoted)], (before, quoted))
    texts = [s.text for s in candidates(ctx)]
    assert not any(t.lower().startswith(("this copy", "new retention rule: this copy")) for t in texts)
    assert any("permanent copy" in t for t in texts)


@pytest.mark.parametrize("before, expected", [
    # a verb before the noun says nothing of which one ('Place tags …', 'Uses tags …' never); the phrase after it may
    ("Acme also allows other companies to place tags on its digital properties.",
     "Tags on its digital properties may collect information from cookies"),
    ("Acme uses tags for analytics.", None),
    ("Acme works with Nielsen tags on its digital properties.", "Nielsen tags may collect information from cookies"),
])
def test_only_words_that_say_which_become_the_referent(before: str, expected: str | None) -> None:
    quoted = "The tags may collect information from cookies."
    ctx = _ctx([_added(quoted)], (before, quoted))
    s = Statement("The tags may collect information from cookies", "collection", "collection-widened", None, quoted, (0,))
    assert anchor(ctx, s).text == (expected or s.text)


def test_a_pronoun_subject_is_not_taken_for_a_noun() -> None:
    quoted = "This includes social media features that may collect your IP address."
    ctx = _ctx([_added(quoted)], ("Acme's site includes many features.", quoted))
    s = Statement("This includes social media features that may collect your IP address", "collection",
                  "collection-widened", None, quoted, (0,))
    assert anchor(ctx, s) == s


@pytest.mark.parametrize("before, quoted, expected", [
    ("This policy is approved by the Acme Board.", "It may not be ignored by Acme staff.",
     "This policy may not be ignored by Acme staff"),
    ("Our service providers are bound by contract.", "They may use your data only for Acme.",
     "Acme's service providers may use your data only for Acme"),
    # the number must agree, and the sentence before must open with its subject
    ("Our service providers are bound by contract.", "It may use your data only for Acme.",
     "It may use your data only for Acme"),
    ("When you sign up, Acme asks for your e-mail.", "It is kept for 30 days.", "It is kept for 30 days"),
])
def test_a_pronoun_subject_takes_the_subject_of_the_sentence_before(before: str, quoted: str, expected: str) -> None:
    ctx = _ctx([_added(quoted)], (before, quoted))
    s = Statement(quoted.rstrip("."), "sharing", "practice-changed", None, quoted, (0,))
    assert anchor(ctx, s).text == expected


@pytest.mark.parametrize("before, quoted, expected", [
    ("Acme uses the information collected from your use of its SMS Service (SMS) solely to improve it.",
     "The information will not be sold to third parties.",
     "The information collected from your use of its SMS Service will not be sold to third parties"),
    ("Acme also allows other companies to place tags on its digital properties.",
     "The tags may collect information from cookies.",
     "Tags on its digital properties may collect information from cookies"),
    # a phrase that runs on past what can be said in passing is no referent
    ("Acme uses the information collected from your use of its services on every device you own and every site "
     "you visit and every app you open.", "The information will not be sold.", "The information will not be sold"),
])
def test_a_phrase_after_the_noun_can_say_which(before: str, quoted: str, expected: str) -> None:
    ctx = _ctx([_added(quoted)], (before, quoted))
    s = Statement(quoted.rstrip("."), "sharing", "practice-changed", None, quoted, (0,))
    assert anchor(ctx, s).text == expected
