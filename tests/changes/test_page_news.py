"""What the page holds, never told as news: a privacy notice the policy's own update brought is
compared as the policy's content (only a document shown to be another one is a capture note),
and a clause a reworded sentence keeps word for word is no line of its own."""

from __future__ import annotations

from tests.support.changes import SECTIONED_POLICY as POLICY
from tracker.changes import compare
from tracker.changes.documents import other_documents
from tracker.changes.rules.practices import said_before


def _notice(title: str, date: str | None) -> str:
    """A regional privacy notice appended after a thematic break, with its own date line or none."""
    return "\n\n".join(["- - -", f"{title}\n{'=' * len(title)}"] + ([f"_Last updated: {date}_"] if date else []) + [
        "If you live in Washington State this notice applies to you in addition to the policy.",
        "We collect consumer health data such as the fitness goals you choose to share with us.",
        "We share your consumer health data with our hosting providers to operate the service.",
        "You have the right to delete your consumer health data by writing to our privacy team.",
        "You have the right to confirm whether we collect or share your consumer health data.",
        "We never sell your consumer health data to anyone for any purpose whatsoever.",
    ])


SPANISH = "\n\n".join([
    "- - -",
    "Política de Privacidad para residentes del Espacio Económico Europeo\n" + "=" * 20,
    "_Última actualización: March 3, 2025_",
    "Esta política explica cómo recogemos y usamos sus datos personales en el Espacio Económico Europeo.",
    "Usted tiene derecho a oponerse al tratamiento de sus datos y a la portabilidad de los datos.",
    "Puede presentar una reclamación ante la autoridad de control de su país en cualquier momento.",
    "Transferimos sus datos personales fuera del Espacio Económico Europeo con cláusulas contractuales tipo.",
    "Nos basamos en el consentimiento, el contrato y el interés legítimo como bases jurídicas de los datos.",
    "Nuestro representante en la Unión Europea es una empresa que puede contactar por correo electrónico.",
    "Si tiene preguntas sobre esta política, escriba a nuestro equipo de privacidad en cualquier momento.",
    "Conservamos los datos de la cuenta mientras la cuenta esté abierta y los borramos cuando usted la cierra.",
    "Los datos que nos da para el servicio no se venden a nadie y solo se usan para lo que usted pide.",
])


def test_a_notice_dated_like_the_policy_is_part_of_it() -> None:
    notice = _notice("Consumer Health Data Privacy Notice", "March 3, 2025")
    assert other_documents(POLICY, POLICY + "\n\n" + notice)[2] is None


def test_an_undated_privacy_notice_after_a_break_is_part_of_the_policy() -> None:
    notice = _notice("Consumer Health Data Privacy Notice", None)
    assert other_documents(POLICY, POLICY + "\n\n" + notice)[2] is None


def test_a_notice_the_update_brought_is_reported_as_content() -> None:
    r = compare(POLICY, POLICY + "\n\n" + _notice("Consumer Health Data Privacy Notice", "March 3, 2025"))
    assert r.verdict in ("substantive", "major")
    assert not r.headline.startswith("The page now also holds")
    assert any("health data" in b for b in (r.headline, *r.bullets))


def test_a_notice_with_its_own_older_date_is_another_document() -> None:
    what = other_documents(POLICY, POLICY + "\n\n" + _notice("Consumer Health Data Privacy Notice", "May 1, 2022"))[2]
    assert what is not None and what.titles == ("Consumer Health Data Privacy Notice",)


def test_the_same_date_written_otherwise_is_the_same_date() -> None:
    notice = _notice("Consumer Health Data Privacy Notice", "3 March 2025")
    assert other_documents(POLICY, POLICY + "\n\n" + notice)[2] is None


def test_terms_after_a_break_are_another_document_without_a_date() -> None:
    what = other_documents(POLICY, POLICY + "\n\n" + _notice("Terms of Service", None))[2]
    assert what is not None and what.titles == ("Terms of Service",)


def test_a_translation_dated_like_the_policy_is_another_document() -> None:
    what = other_documents(POLICY, POLICY + "\n\n" + SPANISH)[2]
    assert what is not None and what.side == "new" and len(what.titles) == 1


OPT_OUT = ("If your contact details have been included in the database, you will have received an email from us "
           "containing instructions on how to opt-out, which you can do by calling us on +44 (0)20 7775 6667, or by "
           "emailing {}.")
BODY = "\n\n".join([
    "Privacy Policy\n==============",
    "We collect your name and email address when you register for an account with us.",
    "Research database\n-----------------",
    "As part of the research process, we identify publicly available details of key individuals who are linked to "
    "project activities.",
    OPT_OUT,
    "We keep these details for as long as the company stays in our research database.",
])


def test_said_before_reads_the_old_sentence_in_the_third_person() -> None:
    old = OPT_OUT.format("a@example.com")
    assert said_before("Acme", "You will have received an email from Acme containing instructions on how to opt-out", old)
    assert not said_before("Acme", "Acme may share your details with its partners", old)
    assert not said_before("Acme", "Opt-out", old)          # too short to tell by itself


def test_an_unchanged_clause_of_a_reworded_sentence_is_no_line() -> None:
    r = compare(BODY.format("research+ccpa@example.com"), BODY.format("ccpa.privacy@example.com"))
    lines = (r.headline, *r.bullets)
    assert not any(x.startswith("If your contact details have been included") for x in lines)
    assert any("ccpa.privacy@example.com (was: research+ccpa@example.com)" in x for x in lines)


def test_a_link_whose_target_holds_parentheses_is_one_link() -> None:
    from tracker.changes.normalize import strip_inline
    menu = '*   [Connect](javascript:void(0); "Import address book or check ecards received")'
    assert strip_inline(menu).text == "*   Connect"
    assert strip_inline("see [Cookie](https://en.wikipedia.org/wiki/Cookie_(web)) here").text == "see Cookie here"


def test_a_widget_line_stamped_relative_to_the_capture_is_no_news() -> None:
    from tracker.changes.trivial import page_stamp
    assert page_stamp("1 (last comment by wles32 23 hours ago)")
    assert not page_stamp("We delete your messages 30 days after you sent them, not 2 days ago")


def test_a_cookie_banner_over_its_button_is_page_furniture() -> None:
    from tracker.changes.furniture import drop_furniture
    banner = ("This site uses cookies. By continuing to browse the website, you accept the use of cookies by us "
              "and our partners.\n\nOk")
    assert drop_furniture(POLICY + "\n\n" + banner).strip() == POLICY.strip()
    # the policy's own sentence about cookie consent stays
    own = POLICY + "\n\nBy using our website you agree to our use of cookies as this policy describes."
    assert drop_furniture(own) == own
    r = compare(POLICY + "\n\n" + banner, POLICY)
    assert r.verdict == "cosmetic" or not any("cookies" in x for x in (r.headline, *r.bullets))


MOVED_HEAD = ("Acme Privacy Policy\n===================\n\nAcme Inc. (\"Acme\", \"we\") explains in this policy how Acme "
              "collects and uses your personal information on acme.com.")
USE = ("How we use it\n-------------\n\nWe use your information to provide the service and to answer your questions.")
ANALYSE = "We analyse how visitors navigate our pages in order to improve the layout and the speed of the website."
SECURITY = "Security\n--------\n\nWe protect your information with encryption and strict access controls at all times."


def test_same_by_name_reads_we_and_the_company_s_name_alike() -> None:
    from tracker.changes.report import Change
    from tracker.changes.rules.common import same_by_name
    moved = Change("reworded", "Security", ANALYSE,
                   "Acme analyses how visitors navigate its pages in order to improve the layout and the speed of the website.")
    assert same_by_name("Acme", moved)
    changed = Change("reworded", "Security", ANALYSE,
                     "Acme analyses how visitors navigate its pages in order to show them personalised ads.")
    assert not same_by_name("Acme", changed)


def test_a_sentence_moved_and_put_in_the_third_person_is_no_news() -> None:
    old = "\n\n".join([MOVED_HEAD, USE + "\n\n" + ANALYSE, SECURITY])
    moved = "Acme analyses how visitors navigate its pages in order to improve the layout and the speed of the website."
    new = "\n\n".join([MOVED_HEAD, USE, SECURITY + "\n\n" + moved])
    r = compare(old, new)
    assert r.verdict == "cosmetic"
    assert not any("analyses" in x for x in (r.headline, *r.bullets))
