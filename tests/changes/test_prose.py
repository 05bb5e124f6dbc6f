"""The prose of a report read as a journalist would: quotes start and end where a clause does,
links and remarks about the document never lead, values come with their practice, bullets stay
tight, and who answers for the data is said by name."""

from __future__ import annotations

import re

from tests.support.changes import ch as _ch, ctx as _ctx
from tracker.changes import compare
from tracker.changes.digests import controller_statements, office_statements, sources_digest
from tracker.changes.headline import tighten
from tracker.changes.phrasing import clause_about, has_verb, is_pointer, link_phrase, third_person, tidy
from tracker.changes.priorities import RANK, tier
from tracker.changes.segment import split_sentences
from tracker.changes.rules.common import Statement
from tracker.changes.statements import candidates, select
from tracker.changes.rules.figures import value_statements


def test_a_link_is_said_as_what_it_links_to() -> None:
    assert is_pointer("For more information, please see our Children's Privacy Disclosure.")
    assert is_pointer("To read our EU privacy policy click here.")
    assert is_pointer("You should read this policy in its entirety.")
    assert not is_pointer("We collect your name and e-mail address when you register.")
    assert link_phrase("To read its EU privacy policy click here.") == "a link to its EU privacy policy"
    assert link_phrase("To opt-out of Acme sharing with third parties, click here") == \
        "a link to opt out of Acme sharing with third parties"
    assert link_phrase("For a list of entities that may be considered data controllers from time to time and "
                       "where you can exercise your rights, click here.") == \
        "a link to a list of entities that may be considered data controllers"
    assert link_phrase("We share data with partners, click here") is None


def test_a_pointer_trails_every_practice_and_never_leads_the_headline() -> None:
    old = "# Privacy\n\nWe collect your name.\n"
    new = ("# Privacy\n\nWe collect your name.\n\nFor more information, please see our Children's Privacy Disclosure.\n\n"
           "We share your purchase history with advertising partners.\n")
    rep = compare(old, new)
    assert not rep.headline.startswith("For more information")
    assert "advertising partners" in rep.headline
    kinds = [s["impact"] for s in rep.to_dict()["statements"]]
    assert kinds[-1] == "pointer" and tier("pointer") > tier("reworded")


def test_a_value_change_is_stated_with_its_practice_in_plain_words_and_ranks_with_commitments() -> None:
    c = _ch("reworded", "We do not knowingly collect any personal information from children under the age of 13 "
            "without parental consent, unless permitted by law.",
            "We do not knowingly collect any personal information from children under the age of 16 "
            "without parental consent, unless permitted by law.", ("children",))
    (s,) = value_statements(_ctx(c))
    assert s.text == ("Acme does not knowingly collect any personal information from children under 16 without "
                      "parental consent, unless permitted by law (was: 13)")
    assert tier(s.impact) == 1


def test_quotes_never_open_with_a_connective_nor_end_on_a_dangling_word_or_a_clipped_abbreviation() -> None:
    assert tidy("However, any communications to TRUSTe must be in English.") == \
        "any communications to TRUSTe must be in English"
    assert tidy("And Google Play uses information like apps you installed.").startswith("Google Play uses")
    assert tidy("if a parent so chooses they can delete their child's Wish List by .").endswith("Wish List")
    assert tidy("It is processed on its behalf by Apple Inc.").endswith("Apple Inc.")
    assert tidy("Data is transferred to the U.S.").endswith("the U.S.")
    assert third_person("we may combine it with information we already have", "Acme") == \
        "Acme may combine it with information it already has"


def test_a_name_with_a_plural_word_is_no_clause() -> None:
    assert not has_verb("Cisco's Binding Corporate Rules - Controller")
    assert not has_verb("Swiss Safe Harbor framework as set forth by the")
    assert has_verb("Uses the data to improve the service")
    assert has_verb("Acme collects your name")


def test_a_quote_is_never_cut_inside_a_list_nor_after_a_dash_following_an_abbreviation() -> None:
    long = ("Acme complies with the U.S. - Swiss Safe Harbor framework as set forth by the U.S. Department of Commerce "
            "regarding the collection, use, and retention of personal data from European Union member countries "
            "and Switzerland, and it certifies so each year to the Department.")
    quote = clause_about(long, None, 170)
    assert quote is None or not quote.startswith("Swiss")
    assert quote is None or not quote.endswith("collection, use")
    listed = ("Certain categories of information such as your name, profile photo, list of friends and pages you are "
              "a fan of, gender, geographic region, and networks you belong to are considered publicly available to "
              "everyone, including Facebook-enhanced applications, and therefore do not have privacy settings.")
    quote = clause_about(listed, None, 170)
    assert quote is not None and "publicly available" in quote and not quote.endswith("gender")


def test_inc_ends_a_sentence_before_an_ordinary_opener_only() -> None:
    assert split_sentences("It is processed by Apple Inc. Personal information collected in the EEA is controlled "
                           "by iTunes SARL.") == ["It is processed by Apple Inc.",
                                                  "Personal information collected in the EEA is controlled by iTunes SARL."]
    assert len(split_sentences("Write to Acme Inc. Privacy Office at the address below.")) == 1


def test_a_hard_wrap_after_eu_us_does_not_end_the_sentence() -> None:
    old = "Intro line.\n\nWe keep data.\n"
    new = ("Intro line.\n\nWe keep data.\n\nWith respect to transfers to the U.S., Acme is certified under the EU-U.S.\n"
           "Privacy Shield developed by the U.S. Department of Commerce.\n")
    rep = compare(old, new)
    assert not any(s.startswith("Privacy Shield developed") for s in rep.bullets)
    assert any("EU-U.S. Privacy Shield developed" in (c.new or "") for c in rep.changes)


def test_a_long_bullet_is_cut_at_a_clause_boundary_keeping_its_label_and_old_value() -> None:
    body = ("Acme shares your purchase history with advertising partners to show you ads, in accordance with "
            "applicable law and the terms you accepted when you created your account on the site")
    s = tighten(Statement(f"{body} (was: never)", "sharing", "sharing-widened", "never", body))
    assert len(s.text) <= 140 and s.text.endswith("(was: never)") and "advertising partners" in s.text
    short = Statement("Acme keeps logs for 90 days", "retention", "retention-changed")
    assert tighten(short) is short
    promise = Statement("Drops promise: " + "x " * 80, "sharing", "promise-withdrawn", "y", None)
    assert tighten(promise).text == promise.text       # a promise is never cut short


def test_sources_of_data_are_digested_in_one_statement() -> None:
    c1 = _ch("added", None, "We may also collect information about you from trusted partners.", ("collection",))
    c2 = _ch("added", None, "In some circumstances, we also collect information about you from publicly accessible sources.",
             ("collection",))
    (s,) = sources_digest(_ctx(c1, c2, old_text="We collect your name."))
    assert s.text == "Acme now also gets data about you from trusted partners and publicly accessible sources"
    assert s.impact == "sources-widened" and s.changes == (0, 1)
    assert sources_digest(_ctx(c1, c2, old_text="We get data from trusted partners and from publicly accessible sources.")) == []


def test_the_controller_is_named_with_its_processor_and_the_office_with_how_to_reach_it() -> None:
    c = _ch("reworded", "Personal information of EEA residents is jointly controlled by Acme Sales International.",
            "Personal information of EEA residents is controlled by Acme Distribution International in Cork, Ireland, "
            "and processed on its behalf by Acme Inc.", ("collection",))
    (s,) = controller_statements(_ctx(c, old_text=c.old or ""))
    assert s.short == "Acme Distribution International is now the data controller, with Acme Inc. processing the data for it"
    d = _ch("added", None, "For email inquiries, you may reach our Data Protection Office at dpo@acme.com.")
    e = _ch("added", None, "You may reach our data protection officer, Jane Doe, with any question.")
    texts = [x.text for x in office_statements(_ctx(d, old_text="nothing"))] + \
        [x.text for x in office_statements(_ctx(e, old_text="nothing"))]
    assert texts == ["Names a Data Protection Officer, reachable at dpo@acme.com",
                     "Names a Data Protection Officer, Jane Doe"]


def test_a_dropped_retention_rule_is_kept_in_a_rewrite_and_never_given_up_for_a_name() -> None:
    from tracker.changes.headline import rewrite_digest
    cands = [Statement(f"New commitment: Acme will not sell x{k} without your consent", "sale", "promise-added",
                       None, "x", (k,)) for k in range(6)]
    cands.append(Statement("Retention rule dropped: Acme deletes inactive accounts after 15 years", "retention",
                           "retention-changed", "15 years", None, (9,)))
    cands.append(Statement("Acme uses Google Analytics", "sharing", "new-recipient", None, "Google Analytics", (10,)))
    chosen = rewrite_digest(cands, (), ("Google Analytics",))
    texts = [s.text for s in chosen]
    assert any(t.startswith("Retention rule dropped") for t in texts)
    assert any("Google Analytics" in t for t in texts)
    assert RANK["pointer"] == max(RANK.values())


def test_a_pointer_sentence_among_candidates_keeps_its_right() -> None:
    right = _ch("added", None, "You can opt out of interest-based ads at any time; for more information, please see "
                "the DAA's Consumer Choice Page.", ("rights",))
    link = _ch("added", None, "To learn more about how cookies work, please visit our Cookie Notice.")
    chosen = select(candidates(_ctx(right, link)))
    assert [s.impact for s in chosen] == ["right-added", "pointer"]
    assert re.search(r"opt out", chosen[0].text)


def test_one_name_for_another_is_said_as_such_and_an_edit_keeps_its_negation() -> None:
    from tracker.changes.phrasing import edit_window
    from tracker.changes.rules.common import edit_statement
    c = _ch("reworded", "Software developers can build tools on developer projects on Wikimedia Labs, a platform "
            "for third-party developers that we host and that is run by volunteers and staff of the projects.",
            "Software developers can build tools on developer projects on Wikimedia Cloud Services, a platform "
            "for third-party developers that we host and that is run by volunteers and staff of the projects.")
    e = edit_statement(_ctx(c), c)
    assert e is not None and e[0].startswith("Now says Wikimedia Cloud Services instead of Wikimedia Labs")
    w = edit_window("If you no longer want to receive marketing communications via email or postal mail, do this.",
                    "If you no longer want to receive certain communications from us, do this.")
    assert w is not None and w[1].startswith("no longer want")


def test_a_typo_or_inflection_fixed_is_no_statement_beside_a_real_change() -> None:
    old = ("This policy outlines what data Acme collects, stores, and process about you. "
           "Cookies are small files placed on your computer that help analyze web traffic. "
           "We keep server logs for 30 days.")
    new = ("This policy outlines what data Acme collects, stores, and processes about you. "
           "Cookies are small files placed on your computer that help analyze web traffic. "
           "We keep server logs for 90 days.")
    rep = compare(old, new)
    texts = [s["text"] if isinstance(s, dict) else s.text for s in rep.statements]
    assert rep.verdict != "cosmetic"
    assert "90 days" in rep.headline
    assert not any("processes about you" in t for t in texts), texts


def test_a_typo_fixed_alone_is_cosmetic() -> None:
    old = "Acme collects, stores, and process your data. We keep server logs for 30 days."
    new = "Acme collects, stores, and processes your data. We keep server logs for 30 days."
    assert compare(old, new).verdict == "cosmetic"


def test_one_new_source_added_to_a_sentence_is_stated() -> None:
    """Twitter's 2013 intro gained 'and from our partners and other third parties' in a sentence
    too long to quote: data about the user now also comes from others, said plainly; a source the
    old text named, or a vague one, is no news."""
    from tracker.changes.rules.practices import practice_statements
    old = ('Twitter receives your information through our various websites, SMS, APIs, email notifications, '
           'applications, buttons, and widgets (the "Services" or "Twitter").')
    new = ('Twitter receives your information through our various websites, SMS, APIs, email notifications, '
           'applications, buttons, widgets, and ads (the "Services" or "Twitter") and from our partners and other '
           'third parties.')
    said = practice_statements(_ctx(_ch("reworded", old, new, ("collection",)), old_text=old))
    assert [(s.text, s.impact) for s in said] == [
        ("Acme now also gets data about you from its partners and other third parties", "sources-widened")]
    assert practice_statements(_ctx(_ch("reworded", old, new, ("collection",)),
                                    old_text=old + " We may also receive data from our partners.")) == []
    vague = new.replace("our partners and other third parties", "other sources")
    assert not any("gets data" in s.text for s in practice_statements(_ctx(_ch("reworded", old, vague, ("collection",)),
                                                                          old_text=old)))


def test_third_person_leaves_addresses_as_written() -> None:
    """'…/hc/en-us' and 'us@acme.com' are addresses, not pronouns: rewriting them breaks the link."""
    line = third_person("You can reach us at https://support.acme.com/hc/en-us or write to us@acme.com.", "Acme")
    assert line == "You can reach Acme at https://support.acme.com/hc/en-us or write to us@acme.com."
