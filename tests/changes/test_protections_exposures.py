"""Protections not worded 'we will not …' (off by default, contractual bans on recipients, zero
data retention, automatic deletion) withdrawn or added, and the user's data newly made public or
kept after account deletion (tracker.changes.rules.protections)."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.priorities import tier
from tracker.changes.report import Change
from tracker.changes.rules.common import Context
from tracker.changes.rules.protections import exposure_statements, protection_statements


def _ctx(*changes: Change, old: tuple[str, ...] = (), new: tuple[str, ...] = ()) -> Context:
    return Context(list(changes), entities_added={"vendors": [], "laws": []},
                   entities_removed={"vendors": [], "laws": []}, sections_added=[], sections_removed=[],
                   owner="Acme", old_sentences=old, new_sentences=new)


def _ch(kind: str, old: str | None, new: str | None, material: bool = True) -> Change:
    return Change(kind, "S", old, new, ("sharing",), material, ())


DEFAULT_OFF = "These assistant features are off by default, but you may enable them in the settings panel."
CONTRACT = "Our vendors are contractually prohibited from selling your data."
ZDR = "All data sent to our AI provider is covered by zero data retention."


def test_a_default_off_feature_dropped_is_a_withdrawn_promise_even_without_a_topic_word() -> None:
    (s,) = protection_statements(_ctx(_ch("removed", DEFAULT_OFF, None, material=False), old=(DEFAULT_OFF,)))
    assert s.impact == "promise-withdrawn" and s.text.startswith("No longer promises: these assistant features are off")


def test_a_protection_restated_by_the_new_text_is_no_news() -> None:
    again = "Assistant features are off by default, but you may enable them in the settings."
    assert protection_statements(_ctx(_ch("removed", DEFAULT_OFF, None), old=(DEFAULT_OFF,), new=(again,))) == []


def test_a_contractual_ban_on_recipients_added_is_a_commitment() -> None:
    (s,) = protection_statements(_ctx(_ch("added", None, CONTRACT), new=(CONTRACT,)))
    assert s.impact == "promise-added" and "contractually prohibited from selling your data" in s.text


def test_two_kinds_of_protection_gone_are_told_in_one_statement() -> None:
    (s,) = protection_statements(_ctx(_ch("removed", DEFAULT_OFF, None), _ch("removed", ZDR, None),
                                      old=(DEFAULT_OFF, ZDR)))
    assert s.text == "Acme no longer promises features off by default and zero data retention"
    assert s.changes == (0, 1)


def test_data_kept_after_account_deletion_is_said_and_a_denied_deletion_is_no_protection() -> None:
    kept = "Deleting your account will not automatically delete the personal data we have collected about you."
    assert protection_statements(_ctx(_ch("added", None, kept), new=(kept,))) == []
    (s,) = exposure_statements(_ctx(_ch("added", None, kept), new=(kept,)))
    assert s.impact == "deletion-limited" and "will not automatically delete" in s.text


def test_cookies_deleted_at_session_end_are_no_protection() -> None:
    cookie = "Session cookies are automatically deleted when you close your browser."
    assert protection_statements(_ctx(_ch("removed", cookie, None), old=(cookie,))) == []


def test_applicants_data_published_is_an_exposure_that_leads() -> None:
    public = "If you are selected, your name, photo and application answers will be published on our website."
    (s,) = exposure_statements(_ctx(_ch("added", None, public), new=(public,)))
    assert s.impact == "made-public" and tier("made-public") == 0


def test_what_the_user_posts_or_aggregate_data_is_no_exposure() -> None:
    posted = "Information you post in our forums will be publicly available."
    stats = "Aggregate statistics about our users may be published."
    not_public = "Your application will not be made public."
    for text in (posted, stats, not_public):
        assert exposure_statements(_ctx(_ch("added", None, text), new=(text,))) == [], text


def test_a_new_public_exposure_leads_the_report() -> None:
    old = ("# Privacy\n\nWe collect your name and email address when you apply for our awards list. "
           "We use this information to review your application.\n")
    new = old + ("\nIf you are chosen for the list, your name, employer and biography will be published "
                 "and become publicly available.\n")
    r = compare(old, new)
    assert "will be published" in r.headline or "publicly available" in r.headline


def test_a_ban_on_the_reader_or_on_the_company_answering_a_request_is_no_protection() -> None:
    for text in ("You are prohibited from using the Service to sell data.",
                 "In response to a request to know, we are prohibited from disclosing your Social Security number."):
        assert protection_statements(_ctx(_ch("removed", text, None), old=(text,))) == [], text


def test_a_condition_on_being_public_is_no_exposure() -> None:
    text = "Of course the app can only access your friends' music interests if they are public."
    assert exposure_statements(_ctx(_ch("added", None, text), new=(text,))) == []


def test_a_contractual_bar_said_in_other_words_is_still_given() -> None:
    gone = "These service providers are contractually required to keep your information confidential."
    kept = "Our contracts with these firms prohibit them from using your information for other purposes."
    assert protection_statements(_ctx(_ch("removed", gone, None), old=(gone,), new=(kept,))) == []


def test_a_default_off_feature_dropped_alone_makes_the_change_substantive() -> None:
    kept = "# Privacy\n\nWe collect your email address to send you receipts. We keep it while you have an account.\n"
    old = kept + "\nOur assistant features are off by default, and you may enable them in the settings panel.\n"
    r = compare(old, kept)
    assert r.verdict == "substantive" and r.headline.startswith("Drops promise: ")
    assert "our assistant" not in r.headline
