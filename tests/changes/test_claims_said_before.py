"""A right, practice or promise is not new or gone when the other version gives it in other words
(general rules, synthetic texts): an appeal or a complaint to an authority is one right however
worded.
"""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.corroborate import Side, business_transfer, transfer_said
from tracker.changes.quoted import quoted_statements
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement
from tracker.changes.rules.rights import _recourse, _right_objects, right_given

BODY = [
    "Acme collects the information you give us when you create an account and when you use our services.",
    "Acme uses your information to provide the services, to keep them safe and to improve them.",
    "We share your information with our service providers, who process it on our behalf.",
    "You can ask us to delete your personal information at any time by writing to privacy@acme.com.",
    "We keep your information for as long as your account is open.",
]


def _policy(*extra: str) -> str:
    return "# Privacy Policy\n\n" + "\n\n".join(BODY + list(extra)) + "\n"


def _claims(bullets: tuple[str, ...], headline: str) -> list[str]:
    return [b for b in (headline, *bullets) if b.startswith(("New right", "Right no longer", "No longer", "Adds", "New:"))]


def test_an_appeal_is_one_right_however_worded() -> None:
    assert _recourse("If we deny your request, you may appeal our decision by emailing us.") == {"appeal"}
    assert _recourse("Please contact us if you disagree with our decision on your request.") == {"appeal"}
    assert _recourse("You have the right to lodge a complaint with your data protection authority (DPA).") == {"complaint"}
    assert _recourse("You may complain to the Information Commissioner's Office.") == {"complaint"}
    # a company's commitment to a panel of authorities is no recourse of the user's
    assert _recourse("Acme commits to cooperate with the panel of EU data protection authorities on complaints.") == set()
    assert _recourse("We review complaints about our service quality.") == set()
    assert "appeal" in _right_objects("You can exercise your privacy rights or request an appeal under applicable law.")


def test_a_right_to_appeal_the_old_text_gave_in_other_words_is_not_new() -> None:
    old = ["If we deny your request, you may appeal our decision by emailing us."]
    given = right_given(old, before=True)
    assert given("You can exercise your privacy rights or request an appeal by contacting support@acme.com.")
    assert given("You may appeal a refused request by writing to us.")
    # an appeal given with another right the old text lacks is news
    assert not given("You have the right to data portability and you may appeal our decision.")
    assert not right_given(["You may ask us for a copy of your data."], before=True)(
        "You may appeal our decision on your request by writing to us.")


def test_a_complaint_to_an_authority_said_with_an_abbreviation_is_not_gone() -> None:
    new = ["If you are located in the EU, you also have the right to lodge a complaint to your DPA."]
    assert right_given(new)("If you are located in the EU, you also have the right to lodge a complaint to your "
                            "data protection authority.")


def test_no_new_right_to_appeal_when_the_old_policy_let_the_user_appeal() -> None:
    old = _policy("If you disagree with our decision on your request, you can contact us and we will review it again.")
    new = _policy("If you disagree with our decision on your request, you can contact us and we will review it again.",
                  "You can exercise your privacy rights or request an appeal under applicable law by writing to "
                  "appeals@acme.com.")
    r = compare(old, new)
    assert not any("appeal" in b for b in _claims(r.bullets, r.headline)), (r.headline, r.bullets)


def test_a_widened_appeal_right_is_not_said_gone() -> None:
    old = _policy("If we decline to take action on your request, you may appeal within 45 days by emailing "
                  "privacy@acme.com.")
    new = _policy("Residents of Colorado, Connecticut, Virginia and Oregon whose request we refused may ask for a "
                  "review of it by writing to privacy@acme.com; if the refusal stands, you can appeal to the "
                  "Attorney General of your state.")
    r = compare(old, new)
    assert not any(b.startswith("Right no longer") and "appeal" in b for b in (r.headline, *r.bullets)), \
        (r.headline, r.bullets)


def test_the_right_to_limit_sensitive_data_is_one_right_however_worded() -> None:
    old = ["Right to Limit Processing of Sensitive Personal Information",
           "You may opt out of the sale of your personal information at any time."]
    claim = ("Certain jurisdictions may provide individuals with the right to opt-in, opt-out, or limit the use and "
             "disclosure of sensitive personal information.")
    assert right_given(old, before=True)(claim)
    # the old text limited nothing the user asks for: the right is news
    assert not right_given(["You may opt out of the sale of your personal information at any time."], before=True)(claim)
    assert _recourse("We limit access to sensitive data to our employees.") == set()



def test_a_business_transfer_listing_other_events_is_not_gone() -> None:
    new = Side(["Additionally, in the event of a reorganization, merger, or sale we may transfer any and all personal "
                "information we collect to the relevant third party.",
                "We use cookies to remember your preferences."])
    gone = ("Personal information may be transferred to a third party as a result of a sale, acquisition, merger, "
            "reorganization or other transfer involving us.")
    assert business_transfer(gone)
    assert transfer_said(gone, new)
    # a condition the other side lacks is news: the practice changed
    assert not transfer_said("Personal information will not be transferred in a merger without your consent.", new)
    assert not business_transfer("We may transfer your data to our servers in the United States.")


def test_a_quote_the_other_text_still_says_is_told_as_a_rewording_or_not_at_all() -> None:
    gone = "If you have any questions, you can contact us at privacy@acme.com about your data."
    came = "If you have any questions or complaints about this policy, you can contact us at privacy@acme.com about your data."
    changes = [Change("removed", "Summary", gone, None, ("contact",), True),
               Change("added", "Summary", None, came, ("contact",), True)]

    def refuted(s: Statement) -> Statement | None:      # the other text still says every sentence
        return None

    out = quoted_statements(changes, set(), check=refuted)
    assert [s.text for s in out] == ["Now says: “…any questions or complaints about this policy, you can…” "
                                     "(was: “…any questions, you can contact…”)"]
    assert quoted_statements(changes[:1], set(), check=refuted) == []
    assert quoted_statements(changes[:1], set())[0].text.startswith("No longer says")


def test_appealing_content_is_no_appeal() -> None:
    assert _recourse("You may find some of our content appealing to younger readers.") == set()
