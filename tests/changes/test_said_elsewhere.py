"""A practice, right or promise is not new or gone when the other version says it in other words,
in another place or in another language (general rules, synthetic texts).

- a policy captured in another language is a translation: the report says so and claims nothing
  new or removed;
- a sentence translated into the policy's language at the same place is no new right;
- a numbered part split under new headings is not a removed section;
- a sentence that only gives a control the other version still gives is not gone;
- the right to know is the right of access; a right the old text gave in other words is not new.
"""

from __future__ import annotations

from tests.support.changes import ch
from tracker.changes import compare
from tracker.changes.corroborate import Side, corroborated, protection_kinds
from tracker.changes.digests import given_before
from tracker.changes.languages import language_change, language_of, sentence_language, translated_pair
from tracker.changes.restated import control_still_given
from tracker.changes.rules.common import Statement
from tracker.changes.rules.rights import _right_objects

KINDS = protection_kinds(lambda t: "does not" in t or "do not" in t)

ENGLISH = [
    "We collect the information you give us when you create an account and when you use our services.",
    "We use your information to provide the services, to keep them safe and to improve them.",
    "We do not sell the personal information of consumers under the age of sixteen.",
    "You can ask us for a copy of your data and you can ask us to delete it.",
    "We share your information with our service providers, who process it on our behalf.",
    "If you have questions about this policy, you can write to us at the address below.",
]
SPANISH = [
    "Recopilamos la información que usted nos da cuando crea una cuenta y cuando usa nuestros servicios.",
    "Usamos su información para prestar los servicios, para mantenerlos seguros y para mejorarlos.",
    "No vendemos la información personal de los consumidores menores de dieciséis años.",
    "Usted puede pedirnos una copia de sus datos y puede pedirnos que los eliminemos.",
    "Compartimos su información con nuestros proveedores de servicios, que la procesan por nuestra cuenta y con "
    "nuestras instrucciones para los fines del servicio.",
    "Si tiene preguntas sobre esta política, puede escribirnos a la dirección que aparece a continuación, por correo "
    "o por teléfono, y le responderemos con los detalles del caso.",
]


def test_the_language_of_a_version_is_read_from_its_function_words() -> None:
    assert language_of(ENGLISH * 2) == "English"
    assert language_of(SPANISH * 3) == "Spanish"
    assert language_of(ENGLISH[:1]) is None                  # a stub: too few words to tell
    assert language_change(ENGLISH * 2, SPANISH * 3) == ("English", "Spanish")
    assert language_change(ENGLISH * 2, ENGLISH * 2 + SPANISH[:1]) is None     # one Spanish line: still English


def test_a_policy_captured_in_another_language_claims_nothing_new_or_gone() -> None:
    old = "# Privacy Policy\n\n" + "\n\n".join(ENGLISH * 2) + "\n"
    new = "# Política de privacidad\n\n" + "\n\n".join(SPANISH * 3) + "\n"
    r = compare(old, new)
    assert "now captured in Spanish (was: English)" in r.headline
    assert r.verdict == "minor"
    assert not any(b.startswith(("No longer", "New", "Drops")) for b in r.bullets)


GERMAN_COMPLAINT = ("Je nach Ihrem Aufenthaltsort können Sie sich auch bei der zuständigen Aufsichtsbehörde in Ihrem Land "
                    "beschweren (z. B. in den USA bei der jeweiligen Behörde oder in einem EU-Mitgliedstaat).")
ENGLISH_COMPLAINT = ("Depending on your place of residence, you can also lodge a complaint with the competent supervisory "
                     "authority in your country (e.g., in the USA with the respective authority or in an EU member state).")


def test_a_sentence_translated_at_its_place_is_no_new_right() -> None:
    assert sentence_language(GERMAN_COMPLAINT) == "German" and sentence_language(ENGLISH_COMPLAINT) == "English"
    assert translated_pair(ENGLISH_COMPLAINT, [GERMAN_COMPLAINT])
    assert not translated_pair(ENGLISH_COMPLAINT, ["Wir speichern Ihre Daten."])          # far shorter: no translation
    changes = [ch("removed", GERMAN_COMPLAINT, None), ch("added", None, ENGLISH_COMPLAINT)]
    s = Statement("New right: " + ENGLISH_COMPLAINT, "rights", "right-added", None, ENGLISH_COMPLAINT, (1,))
    assert corroborated([s], changes, [GERMAN_COMPLAINT], [ENGLISH_COMPLAINT], KINDS) == []


def test_a_numbered_part_split_under_new_headings_is_not_removed() -> None:
    intro = "Example Inc. runs the Example service for its customers around the world."
    where = ("Example is based in the United States and your information may be transferred to the United States. "
             "We rely on standard contractual clauses for transfers of personal data from Europe.")
    rights = ("You have the right to access, correct and delete your personal information. "
              "You may also object to our use of your personal information for direct marketing.")
    old = (f"{intro}\n\n## 14. International Data Transfers and Certain User Rights\n\n### 14.1 Location of Data\n\n"
           f"{where}\n\n### 14.2 Your Rights\n\n{rights}\n\n## 15. Contact\n\nWrite to privacy@example.com.\n")
    new = (f"{intro}\n\n## 13. Location of Data\n\n{where}\n\n## 14. Your Privacy Rights\n\n{rights}\n\n"
           f"## 15. Contact\n\nWrite to privacy@example.com.\n")
    r = compare(old, new)
    assert "14. International Data Transfers and Certain User Rights" not in r.sections_removed
    assert not any("Removes the section" in b for b in r.bullets)


def test_a_control_still_given_in_other_words_is_not_gone() -> None:
    gone = ("Acme always provides consumers with the ability to opt-out of interest-based advertising (and control "
            "their data collection in additional ways).")
    kept = Side(["You can control how you share your data with Acme, including electing to opt-out of interest-based "
                 "advertising altogether."])
    assert control_still_given(gone, kept)
    # a control over something else is news
    assert not control_still_given(gone, Side(["You can opt-out of promotional emails at any time."]))
    # a sentence that also states a practice is judged by its practice
    assert not control_still_given("We share your data with advertisers, and you can opt-out of interest-based "
                                   "advertising.", kept)
    changes = [ch("removed", gone, None)]
    s = Statement("No longer says: " + gone, "sharing", "sharing-narrowed", gone, None, (0,))
    assert corroborated([s], changes, [gone], list(kept.sentences), KINDS) == []


def test_the_right_to_know_is_the_right_of_access() -> None:
    assert _right_objects("You have the right to know certain details about our data practices.") == {"acces"}
    assert _right_objects("You may request access to your personal information.") == {"acces"}


def test_a_right_the_old_text_gave_in_other_words_is_not_new() -> None:
    old = ["You may also send us an email at privacy@example.com to request access to, correct, or delete personal "
           "data that you have provided to us."]
    assert given_before("correction", old) and given_before("deletion", old) and given_before("access", old)
    assert not given_before("objection to processing", old)
    # a deletion the company makes on its own is no right the user was given
    assert not given_before("deletion", ["We delete your data when it is no longer needed."])


def test_a_site_the_user_may_access_is_no_right_of_access() -> None:
    assert not given_before("access", ["We are not responsible for third-party websites that you may access through "
                                       "our services; or for their content."])
    assert not given_before("access", ["Your lists are stored so that you can access them on other devices."])


def test_a_defined_term_is_no_tool_that_gives_a_right() -> None:
    from tracker.changes.corroborate import same_means
    claim = ("The right to know what Personal Information we have collected and how we have used and disclosed that "
             "Personal Information.")
    side = Side(["Pursuant to our instructions, these parties will access, process, or store Personal Information in "
                 "the course of performing their duties to us."])
    assert not same_means(claim, side, lambda t: True)


def test_a_right_given_as_what_follows_when_the_user_acts_is_not_new() -> None:
    old = ("If you enable a browser-based opt-out preference signal that complies with applicable law, such as Global "
           "Privacy Control (GPC), we will treat the signal as a valid request to opt out of the sale or sharing of "
           "Personal Information.")
    new = ("You may also exercise your opt out rights by enabling a browser-based opt-out preference signal that "
           "complies with applicable laws, such as the Global Privacy Control (\"GPC\").")
    s = Statement("New right: " + new, "rights", "right-added", None, new, (0,))
    assert corroborated([s], [ch("added", None, new)], [old], [new], KINDS) == []
    # a signal the old text only honoured for cookies gives no opt-out of sale
    other = "If you enable a browser setting that blocks cookies, some features may not work."
    assert corroborated([s], [ch("added", None, new)], [other], [new], KINDS) == [s]


def test_rights_listed_under_headings_that_name_them_are_still_given() -> None:
    from tracker.changes.detector import _right_titles
    from tracker.changes.rules.rights import right_given
    from tracker.changes.segment import segment
    new = segment("Intro text about Example and the personal information it handles for you.\n\n"
                  "## Right to Delete\n\nYou may ask us to erase the personal information we hold about you.\n\n"
                  "## Right to Correct\n\nYou may ask us to fix personal information that is wrong.\n\n"
                  "## Right to Know and Access\n\nYou may ask us what personal information we hold about you.\n")
    titles = _right_titles(new)
    assert titles == ["Right to Delete", "Right to Correct", "Right to Know and Access"]
    gone = "You have the right to access, delete or correct your Personal Information."
    assert right_given([s.text for s in new.sentences] + titles)(gone)
