"""The subject is the company as its text names itself: an address the text never writes, a name
with an apostrophe, 'The' before a name, a brand with an inner capital, who "we" are, and a quote
cut at the end of a clause."""

from __future__ import annotations

from tracker.changes import entities as ent
from tracker.changes.detector import _owner_name
from tracker.changes.parties import self_names
from tracker.changes.phrasing import third_person
from tracker.changes.quoted import _cut


def _policy(name: str, extra: str) -> str:
    """A short policy that names its company five times."""
    return " ".join(f"{name} collects your e-mail address to send receipt number {k}." for k in range(5)) + " " + extra


def test_an_address_the_text_never_writes_is_not_the_company() -> None:
    text = _policy("Zorblox", "Write to dpo.zorblox@leonardi.adv.br or dpo.zorblox@leonardi.adv.br, "
                              "or to privacy@zorblox.com.")
    urls = ["https://en.help.zorblox.com/a", "https://www.zorblox.com/b", "https://www.zorblox.com/c"]
    fam, label = ent.first_party([text], urls)
    assert label == "zorblox"
    assert _owner_name((fam, label), text) == "Zorblox"


def test_a_scrambled_address_gives_way_to_the_linked_site() -> None:
    text = _policy("QuillFire", "Write to rivacypay@uillfireqay.omcay or rivacypay@uillfireqay.omcay.")
    urls = ["https://www.quillfire.com/help", "https://www.quillfire.com/terms", "https://quillfire.com/a"]
    fam, label = ent.first_party([text], urls)
    assert label == "quillfire"
    assert _owner_name((fam, label), text) == "QuillFire"


def test_a_linked_site_of_another_company_never_stands_for_the_author() -> None:
    text = _policy("Zorblox", "Zorblox uses Google Analytics. Google Analytics sets cookies. Google may read them. "
                              "Write to help@zqxw.net or help@zqxw.net.")
    urls = ["https://support.google.com/a", "https://policies.google.com/b", "https://google.com/c"]
    _, label = ent.first_party([text], urls)
    assert label != "google"


def test_a_name_with_an_apostrophe_is_written_whole() -> None:
    text = _policy("O'Malley", "O'Malley's customers may write to privacy@omalley.com.")
    assert _owner_name((None, "omalley"), text) == "O'Malley"


def test_the_article_the_text_always_writes_is_part_of_the_name() -> None:
    text = 'The Quill ("The Quill", "we") is owned by Quill Publishing. The Quill keeps logs. Read The Quill.'
    assert _owner_name(("Quill", "quillpublishing"), text) == "The Quill"
    text = 'Quill ("Quill", "we") keeps logs. Quill shares data. Quill is part of the Quill family.'
    assert _owner_name(("Quill", "quill"), text) == "Quill"


def test_a_brand_with_an_inner_capital_is_named_whole() -> None:
    text = "This policy governs how zipLine Ltd. (“zipLine“, “Company” “we” or “us“) handles information."
    assert [n for n, _, _ in self_names(text)] == ["zipLine"]


def test_who_we_are_is_never_a_tautology() -> None:
    assert third_person("We're Acme S.p.A., an Italian company", "Acme") == "Acme S.p.A. is an Italian company"
    assert third_person("We are Acme S.p.A.", "Acme") == "We are Acme S.p.A."
    assert third_person('When we say "we" or "us", we mean Acme', "Acme") == 'When Acme says "we" or "us", it means Acme'
    assert third_person("We are committed to you", "Acme") == "Acme is committed to you"


def test_a_long_quote_ends_with_its_clause() -> None:
    text = ("You can request that we delete your Personal Information by emailing privacy@example.com, "
            "or at the address set forth below or by calling the number in section 9")
    assert _cut(text, 120) == "You can request that we delete your Personal Information by emailing privacy@example.com"
    limited = "We share your data with partners, but only with your consent and only when the law allows it here"
    assert _cut(limited, 60).endswith("…")


def test_a_brand_in_lower_case_is_written_as_the_text_writes_it() -> None:
    text = "[zqm media](https://www.zqmmedia.co.uk/) is a media company. We publish news. Contact zqm media today."
    assert _owner_name((None, "zqmmedia"), text) == "zqm media"


def test_an_article_of_a_longer_name_is_not_the_company_s() -> None:
    text = "Zorvax collects data. The Zorvax Services are for adults. Use the Zorvax Services. Zorvax shares data."
    assert _owner_name(("Zorvax", "zorvax"), text) == "Zorvax"


def test_a_verb_after_an_inverted_modal_stays_bare() -> None:
    said = third_person("Only where reasonably necessary will we share your data", "Acme")
    assert said == "Only where reasonably necessary will Acme share your data"
    assert third_person("We may disclose it if we either believe it lawful", "Acme") == \
        "Acme may disclose it if it either believes it lawful"
    assert third_person("Will we sell data? We never sell data.", "Acme") == "Will Acme sell data? It never sells data."


def test_the_lint_flags_a_name_said_to_be_itself() -> None:
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "bench" / "statement_lint.py"
    spec = importlib.util.spec_from_file_location("statement_lint_subjects", path)
    assert spec and spec.loader
    lint = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lint)
    assert lint.debris("Bending Spoons is now Bending Spoons S.p.A., an Italian company", True)
    assert not lint.debris("Bending Spoons S.p.A. is an Italian company based in Milan", True)


def test_it_is_capitalised_only_where_a_sentence_starts() -> None:
    said = third_person("In addition to what we collect from you directly, We may also receive data", "Acme")
    assert said == "In addition to what Acme collects from you directly, it may also receive data"
