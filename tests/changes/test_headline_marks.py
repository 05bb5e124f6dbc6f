"""A headline always says what changed: a reworded sentence whose '(was: …)' does not fit beside
it in 140 characters leads as its edit quoted with the old words ('Now says: “…” (was: “…”)'),
never as the new sentence alone, which reads as a rule always there (blind readers of 2.17.0)."""

from tracker.changes import compare

_BODY = ("\n\n## Data we collect\n\nWe collect your name and e-mail address when you sign up. We use them to run "
         "your account. We keep them while your account is open.\n")


def _policy(list_name: str) -> str:
    return ("# Privacy Policy\n\nThe Example company responsible for your personal information and for the data "
            "of your account can be found in the list of our regional data controllers, the "
            f"\"{list_name}\"." + _BODY)


def test_a_reworded_sentence_too_long_for_its_was_leads_with_its_edit_quoted() -> None:
    r = compare(_policy("Example Controller List"), _policy("Example Global Controller List"))
    assert ("(was: " in r.headline or "instead of" in r.headline) and "Global" in r.headline, r.headline
    assert len(r.headline) < 140


def test_the_edit_of_a_reworded_sentence_is_quoted_with_its_old_words() -> None:
    from tracker.changes.quoted import edit_quote
    from tracker.changes.report import Change
    old = ('The Paramount company responsible for your personal information can be found in the '
           '"Paramount Controller List".')
    c = Change("reworded", "", old, old.replace("Paramount Controller", "Paramount Skydance Controller"))
    said = edit_quote(c)
    assert said is not None and said.startswith("Now says: “") and "Skydance" in said
    assert "(was: “…found in the \"Paramount Controller List\"" in said
    assert edit_quote(Change("reworded", "", old, old)) is None
