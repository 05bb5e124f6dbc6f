"""The verdict follows the weightiest statement: a withdrawn no-sale promise or a new use of the
user's data to train AI is `major`, a changed period in any language or a processor added or
dropped is `substantive`, a new contact e-mail or a table of contents is not. Short synthetic
pairs, each able to fail without its rule."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.entities import KINDS
from tracker.changes.phrasing import is_page_chrome
from tracker.changes.report import Change
from tracker.changes.summary import Facts
from tracker.changes.verdict import (contact_only, names_kept_section, period_changed, recipients_changed,
                                     starts_ai_training)

_BODY = ("Example Corp runs a photo sharing service. We collect your name, e-mail address and the photos you upload. "
         "We use this information to run the service and to answer your questions. "
         "We keep your photos until you delete your account. ")


def _reworded(old: str, new: str) -> Change:
    return Change("reworded", "", old, new, ("other",), True, ())


def test_a_withdrawn_promise_not_to_sell_is_major() -> None:
    old = _BODY + "We do not sell your personal information to third parties. We share it with our hosting provider."
    new = _BODY + "We share it with our hosting provider."
    assert compare(old, new).verdict == "major"


def test_a_no_sale_promise_kept_in_other_words_stays_below_major() -> None:
    old = (_BODY + "We do not sell information about our advertising customers to third parties. "
           "We do not sell your personal information.")
    new = _BODY + "We do not sell your personal information."
    assert compare(old, new).verdict != "major"


def test_a_new_contact_email_is_minor() -> None:
    old = _BODY + "If you have questions about this policy, please contact us at team@example.com or by post."
    new = _BODY + "If you have questions about this policy, please contact us at privacy@example.com or by post."
    assert compare(old, new).verdict == "minor"


def test_contact_only_tells_an_address_from_a_practice() -> None:
    assert contact_only(_reworded("Write to team@example.com.", "Write to privacy@example.com."))
    assert contact_only(_reworded("E-mail us at [email protected].", "E-mail us at support@example.co."))
    assert not contact_only(_reworded("We share data with ads@x.com.", "We sell data to ads@x.com."))


def test_a_period_changed_in_french_is_substantive() -> None:
    old = ("Vos données de compte seront conservées pendant toute la durée de votre adhésion. Elles pourront "
           "ensuite être conservées et traitées pendant 3 ans suivant le dernier contact de votre part pour nous "
           "permettre de vous adresser des sollicitations commerciales. Vous pouvez vous opposer à ce traitement.")
    new = old.replace("pendant 3 ans", "pendant 5 ans")
    assert period_changed("traitées pendant 3 ans suivant", "traitées pendant 5 ans suivant")
    assert not period_changed("conservées 3 ans, depuis le 1 janvier 2023", "conservées 3 ans, depuis le 1 janvier 2024")
    assert compare(old, new).verdict == "substantive"


def test_french_prose_is_no_menu() -> None:
    assert not is_page_chrome("Elles pourront ensuite être conservées et traitées pendant 5 ans suivant le "
                              "dernier contact de votre part pour nous permettre de vous adresser des sollicitations.")


def test_new_ai_training_on_user_data_is_major() -> None:
    old = _BODY + "We may share your personal data with our affiliates to provide customer support."
    new = (_BODY + "We may share your personal data with our affiliates to provide customer support and to "
           "train artificial intelligence and machine learning models.")
    assert compare(old, new).verdict == "major"


def test_ai_training_already_stated_or_denied_is_not_new() -> None:
    added = Change("added", "", None, "We use your personal data to train our AI models.", ("ai",), True, ())
    assert starts_ai_training([added], ["We collect your name."])
    assert not starts_ai_training([added], ["Your content may be used to train machine learning models."])
    denied = Change("added", "", None, "We do not use your personal data to train AI models.", ("ai",), True, ())
    assert not starts_ai_training([denied], ["We collect your name."])


def _facts(changes: list[Change], old_headings: frozenset[str] = frozenset(),
           new_headings: frozenset[str] = frozenset()) -> Facts:
    f = Facts(changes, [], [], [], {k: [] for k in KINDS}, {k: [] for k in KINDS}, [], 0.99, {}, 1, 1, False)
    f.old_headings, f.new_headings = old_headings, new_headings
    return f


def test_a_table_of_contents_line_names_a_kept_section() -> None:
    toc = Change("removed", "", "Tracking Tools and Opt-Out", None, ("cookies-tracking",), True, ())
    gone = Change("removed", "", "Tracking Tools and Opt-Out", None, ("cookies-tracking",), True, ())
    sentence = Change("removed", "", "We use tracking tools.", None, ("cookies-tracking",), True, ())
    kept = frozenset({"tracking tools and opt out"})
    assert names_kept_section(toc, _facts([toc], kept, kept))
    assert not names_kept_section(gone, _facts([gone], kept, frozenset()))
    assert not names_kept_section(sentence, _facts([sentence], kept, kept))


def test_a_processor_dropped_from_a_list_changes_the_recipients() -> None:
    row = Change("removed", "Sub-processors", "Website: https://www.backblaze.com/", None, ("other",), False, ())
    f = _facts([row])
    f.entities_removed["vendors"], f.entities_removed["domains"] = ["Backblaze"], ["backblaze.com"]
    assert recipients_changed(f, [row])
    teaser = Change("added", "Latest news", None, "Apple’s iPad mini: The review roundup", ("other",), False, ())
    g = _facts([teaser])
    g.entities_added["vendors"] = ["Apple"]
    assert not recipients_changed(g, [teaser])


def test_the_companys_own_new_name_is_no_recipient() -> None:
    line = Change("added", "", None, "Acme Systems Inc.", ("other",), False, ())
    f = _facts([line])
    f.entities_added["vendors"] = ["Acme Systems Inc"]
    f.old_sentences = tuple(f"Acme collects data item {k}." for k in range(6))
    f.new_sentences = f.old_sentences
    assert not recipients_changed(f, [line])
