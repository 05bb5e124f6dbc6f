"""The summary rules one by one: each returns statements of one kind with a named impact level;
priorities live in one ordered table; the verdict is decided by meaning."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.claims import keep_real_entities, keep_real_sections, plain, heading_lines
from tracker.changes.phrasing import clause_about, shorten, third_person
from tracker.changes.priorities import IMPACTS, RANK, tier
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement
from tracker.changes.rules.promises import consent_statements, promise_statements
from tracker.changes.rules.sharing import recipient_statements, sharing_statements
from tracker.changes.rules.retention import retention_statements
from tracker.changes.rules.rights import rights_statements
from tracker.changes.rules.structure import section_statements
from tracker.changes.statements import select
from tracker.changes.rules.figures import value_statements
from tracker.changes.trivial import is_trivial


def _ctx(*changes: Change, **kw: object) -> Context:
    base = dict(entities_added={"vendors": [], "laws": []}, entities_removed={"vendors": [], "laws": []},
                sections_added=[], sections_removed=[], owner="Acme")
    base.update(kw)
    return Context(list(changes), **base)  # type: ignore[arg-type]


def _ch(kind: str, old: str | None, new: str | None, topics: tuple[str, ...] = ("sharing",),
        flips: tuple[str, ...] = ()) -> Change:
    return Change(kind, "S", old, new, topics, True, flips)


def test_every_impact_level_has_a_reason_and_one_place() -> None:
    names = [n for n, _ in IMPACTS]
    assert len(names) == len(set(names)) and all(reason for _, reason in IMPACTS)
    assert RANK["sale-reversal"] < RANK["promise-withdrawn"] < RANK["sharing-widened"] < RANK["retention-changed"]
    assert RANK["retention-changed"] < RANK["transfer-basis"] < RANK["new-recipient"] < RANK["section-added"]
    assert tier("promise-withdrawn") < tier("new-recipient") < tier("reworded")


def test_withdrawn_promise_and_sale_reversal() -> None:
    gone = promise_statements(_ctx(_ch("removed", "We will not combine cookie data with your account "
                                                  "unless we have your opt-in consent.", None)))
    assert [s.impact for s in gone] == ["promise-withdrawn"]
    assert gone[0].text.startswith("No longer promises: Acme will not combine cookie data")
    sale = promise_statements(_ctx(_ch("reworded", "We will not sell your data to third parties.",
                                       "We may sell your data to advertising partners.", ("sale",))))
    assert sale[0].impact == "sale-reversal" and sale[0].topic == "sale"
    assert sale[0].text == ("Acme may sell your data to advertising partners "
                            "(was: acme will not sell your data to third parties)") or \
        sale[0].text.startswith("Acme may sell your data to advertising partners (was:")


def test_consent_asked_in_other_words_is_no_sale_reversal() -> None:
    """'We require opt-in consent for sharing' -> 'We'll ask for your explicit consent to share'
    (Google, 2018): the consent step stands, nothing was reversed or withdrawn."""
    said = promise_statements(_ctx(_ch("reworded", "We require opt-in consent for the sharing of any sensitive "
                                       "personal information.", "We'll ask for your explicit consent to share any "
                                       "sensitive personal information.")))
    assert [s.impact for s in said] == []


def test_something_that_merely_will_not_work_is_no_promise() -> None:
    assert promise_statements(_ctx(_ch("removed", "Certain features will not be available once cookies "
                                                  "are disabled.", None))) == []


def test_consent_weakened() -> None:
    (s,) = consent_statements(_ctx(_ch("reworded", "We send offers only if you opt in.",
                                       "We send offers unless you opt out.", ("rights",), ("opt-in → opt-out",))))
    assert s.impact == "consent-weakened" and s.text.startswith("Acme sends offers unless you opt out (was:")


def test_value_change_is_attached_to_its_own_practice() -> None:
    (s,) = value_statements(_ctx(_ch("reworded", "Search logs are deleted after 180 days.",
                                     "Search logs are deleted after 90 days.", ("retention",))))
    assert s.text == "Search logs are deleted after 90 days (was: 180 days)"
    assert (s.impact, s.old, s.new, s.changes) == ("retention-changed", "180 days", "90 days", (0,))


def test_sharing_and_recipient_by_role() -> None:
    c = _ch("added", None, "We share your precise location with advertising partners.")
    assert [s.impact for s in sharing_statements(_ctx(c))] == ["sharing-widened"]
    signin = _ch("added", None, "You can sign in with Facebook or Google.", ("other",))
    assert recipient_statements(_ctx(signin, entities_added={"vendors": ["Facebook"], "laws": []})) == []
    widget = _ch("added", None, "Some of our Services integrate with Google's reCAPTCHA widget to stop spam.", ("security",))
    (w,) = recipient_statements(_ctx(widget, entities_added={"vendors": ["reCAPTCHA"], "laws": []}))
    assert w.impact == "new-recipient" and "reCAPTCHA" in w.text
    listed = _ch("reworded", "We use Google Analytics to gather information.",
                 "We use Google Analytics and Marketo to gather information.", ("collection",))
    (m,) = recipient_statements(_ctx(listed, entities_added={"vendors": ["Marketo"], "laws": []}))
    assert m.impact == "new-recipient" and "Marketo" in m.text
    proc = _ch("added", None, "We share payment data with Stripe, our payment processor.")
    (r,) = recipient_statements(_ctx(proc, entities_added={"vendors": ["Stripe"], "laws": []}))
    assert r.impact == "new-recipient" and "Stripe" in r.text


def test_rights_and_retention_rules() -> None:
    (r,) = rights_statements(_ctx(_ch("added", None, "You can appeal a refused request by writing to us.",
                                      ("rights",))))
    assert r.impact == "right-added" and r.text == "New right: you can appeal a refused request by writing to Acme"
    (k,) = retention_statements(_ctx(_ch("added", None, "We keep transaction data for at least 7 years.",
                                         ("retention",))))
    assert k.impact == "retention-changed" and k.text == "New retention rule: Acme keeps transaction data for at least 7 years"
    (d,) = retention_statements(_ctx(_ch("removed", "We delete your data when you ask us to.", None, ("retention",))))
    assert d.impact == "retention-stated" and d.text == "Retention rule dropped: Acme deletes your data when you ask Acme to"


def test_sections_are_one_statement_each_way() -> None:
    out = section_statements(_ctx(sections_added=["A Rights", "B Cookies"], sections_removed=["Data Retention"]))
    assert [s.text for s in out] == ["Adds sections “A Rights” and “B Cookies”", "Removes the section “Data Retention”"]


def test_only_headings_that_name_a_practice_or_right_are_stated() -> None:
    # 'Our Business', a person's name and page controls are navigation: they stay in `sections`
    out = section_statements(_ctx(sections_added=["Our Business", "Aida Alvarez", "Your California Privacy Rights",
                                                  "Forgot Password?", "Archive of Previous Privacy Policies",
                                                  "Acme believes that protecting the privacy of children on the"],
                                  sections_removed=["Contact Privacy Office"]))
    assert [s.text for s in out] == ["Adds a section “Your California Privacy Rights”"]


def test_select_orders_by_impact_caps_and_keeps_one_reading_per_change() -> None:
    cands = [Statement(f"reworded {i}", "other", "reworded", changes=(i,)) for i in range(5)]
    cands += [Statement("withdrawn", "sharing", "promise-withdrawn", changes=(9,)),
              Statement("same change, weaker reading", "sharing", "practice-changed", changes=(9,))]
    out = select(cands)
    assert out[0].text == "withdrawn" and len(out) <= 6
    assert "same change, weaker reading" not in [s.text for s in out]
    assert sum(s.impact == "reworded" for s in out) == 2


def test_phrasing_third_person_and_whole_clauses() -> None:
    assert third_person("We keep logs and we do not sell them to our partners", "Acme") == \
        "Acme keeps logs and it does not sell them to its partners"
    assert third_person("We and our partners use cookies", "Acme") == "Acme and its partners use cookies"
    assert third_person("We frequently push back", "Acme") == "Acme frequently pushes back"
    assert third_person("We apply rules and we reply", "Acme") == "Acme applies rules and it replies"
    # a heading glued before the sentence ('Target We share …') is not said twice
    assert third_person("Target We share data within Target Corporation", "Target") == \
        "Target shares data within Target Corporation"
    long = ("We collect your name, e-mail address and phone number when you register, including through "
            "single sign-on providers, and we use them to verify your identity and to prevent fraud on the service")
    q = clause_about(long, None, 90)
    assert q is None or (len(q) <= 90 and "…" not in q)
    cut = shorten(long, 100)
    assert cut and len(cut) <= 100 and long.startswith(cut)


def test_trivial_changes() -> None:
    assert is_trivial(Change("reworded", "", "Data in the EEA stays there.",
                             "Data in the European Economic Area stays there."))
    assert is_trivial(Change("reworded", "", "We recieve your data.", "We receive your data."))
    assert is_trivial(Change("added", "", None, "We have updated our Privacy Policy."))
    assert not is_trivial(Change("reworded", "", "We keep data 30 days.", "We keep data 90 days."))


def test_verdict_by_meaning(policy: str) -> None:
    one = compare(policy, policy.replace("We send you marketing e-mails only if you opt in.\n", ""))
    assert one.verdict == "substantive" and one.statements[0]["impact"] == "promise-withdrawn"
    assert compare(policy, policy.replace("U.S.", "United States")).verdict == "cosmetic"
    assert compare(policy, "We have updated our Privacy Policy.\n\n" + policy).verdict == "cosmetic"
    assert compare(policy, policy).headline == "No change"


def test_sentence_split_by_punctuation_only_is_not_a_change(policy: str) -> None:
    new = policy.replace("We use your information to provide and improve the Service.\nWe will not sell",
                         "We use your information to provide and improve the Service; we will not sell")
    r = compare(policy, new)
    assert r.verdict == "cosmetic" and r.stats["added"] == r.stats["removed"] == r.stats["reworded"] == 0


def test_claims_guard_drops_what_the_other_text_still_says() -> None:
    old, new = "Menu: Facebook | Home\n\nWe keep logs 30 days.", "We keep logs 30 days.\n\nWe use Facebook pixels."
    added, removed = keep_real_entities({"vendors": ["Facebook"], "durations": []},
                                        {"vendors": [], "durations": []}, plain(old), plain(new))
    assert added["vendors"] == []
    a, r, n = keep_real_sections(["Cookies"], ["Contact"], [("Old", "New")],
                                 heading_lines("Cookies\nText.\nOld"), heading_lines("Contact\nNew\nText."))
    assert a == [] and r == [] and n == [("Old", "New")]


def test_markdown_and_plain_text_of_one_policy_are_equal(policy: str) -> None:
    import re
    r = compare(policy, re.sub(r"^#+ ", "", policy, flags=re.M))
    assert r.verdict == "cosmetic" and r.sections_added == () and r.sections_removed == ()
    wrap = "This page was archived on March 3, 2024. Please check the original snapshot for the current version.\n\n"
    w = compare(policy, wrap + policy)
    assert w.verdict == "cosmetic" and w.date_stamp["new"] == "March 1, 2023"


def test_edit_window_quotes_the_one_edit_with_its_neighbours() -> None:
    from tracker.changes.phrasing import edit_window
    w = edit_window("We collect payment data, such as credit card or checking account information.",
                    "We collect payment data, such as credit card information.")
    assert w == ("such as credit card or checking account information", "such as credit card information",
                 "checking account", "", "such as credit card", "information")
    assert edit_window("Same words here.", "Same words here.") is None
    many = " ".join(f"w{i}" for i in range(40))
    assert edit_window("a " + many, "b " + many[::-1]) is None


def test_compact_drops_openers_and_asides_but_not_the_focus() -> None:
    from tracker.changes.phrasing import compact
    text = "Please note that data of users in the European Economic Area (EEA) is controlled by Acme Ltd (like Acme Shop)."
    assert compact(text) == "Data of users in the European Economic Area is controlled by Acme Ltd."
    at = text.index("(like")
    assert "(like Acme Shop)" in compact(text, (at + 1, at + 5))


def test_a_reworded_sentence_is_stated_by_its_edit() -> None:
    from tracker.changes.rules.common import edit_statement
    from tracker.changes.rules.structure import reworded_statements
    c = _ch("reworded", "We collect your name and payment data, such as credit card or checking account information.",
            "We collect your name and payment data, such as credit card information.", ("collection",))
    text, old, new = edit_statement(_ctx(c), c)
    assert text == "Acme collects your name and payment data, no longer including checking account information"
    long_list = ("The family of companies includes the companies controlled by Acme, including the Acme telephone "
                 "companies, Acme Enterprise Solutions, {}Acme Wireless, Beta{} and Acme Online, all over the world "
                 "and in every country where the law allows it.")
    c2 = _ch("reworded", long_list.format("", ""), long_list.format("XO Communications, ", ", MapQuest"))
    (s,) = reworded_statements(_ctx(c2))
    assert s.text.startswith("Now also names XO Communications and MapQuest")
    c3 = _ch("reworded", long_list.format("Times Skimmer, ", ""), long_list.format("", ""))
    assert reworded_statements(_ctx(c3))[0].text.startswith("No longer names Times Skimmer")


def test_a_removed_sentence_merged_into_a_new_one_is_not_reported_removed() -> None:
    from tracker.changes.rules.practices import practice_statements
    gone = _ch("removed", "Data collected in the EEA when using Tunes is controlled by Tunes SARL in Luxembourg.", None,
               ("collection",))
    merged = _ch("reworded", "Data is controlled by Acme Sales.", "Data is controlled by Acme Distribution. Data "
                 "collected in the EEA when using Tunes is controlled by Tunes SARL in Luxembourg and processed "
                 "by Acme Inc.", ("collection",))
    texts = [s.text for s in practice_statements(_ctx(gone, merged))]
    assert not any("No longer" in t for t in texts)
    assert [s.text for s in practice_statements(_ctx(gone))][0].startswith("No longer says")


def test_digests_name_new_rights_and_legal_bases_the_old_text_never_stated() -> None:
    from tracker.changes.digests import basis_digest, office_statements, rights_digest
    new = [_ch("added", None, "You have the right to data portability and the right to object to processing.", ("rights",)),
           _ch("added", None, "You may lodge a complaint with your local data protection authority.", ("rights",)),
           _ch("added", None, "We process your data on the basis of your consent, to perform a contract, and for our "
                              "legitimate interests.", ("legal-basis",)),
           _ch("added", None, "You can contact our Data Protection Officer at dpo@acme.test.", ("contact",))]
    (r,) = rights_digest(_ctx(*new, old_text="We collect data."))
    assert r.text == ("New rights: objection to processing, data portability and a complaint to a data "
                      "protection authority") and r.impact == "right-added" and r.changes == (0, 1)
    assert rights_digest(_ctx(*new, old_text="You have the right to object. Data portability applies.")) == []
    cited = [_ch("added", None, "Under the GDPR you have the right to object and to data portability.", ("rights",))]
    listed = _ch("added", None, "You may request access, correction or deletion of your data.", ("rights",))
    (d,) = rights_digest(_ctx(listed, old_text=""))
    assert d.text == "New rights: access, correction and deletion"
    (g,) = rights_digest(_ctx(*cited, old_text="", entities_added={"laws": ["GDPR"], "vendors": []}))
    assert g.text == "New rights under the GDPR: objection to processing and data portability"
    (b,) = basis_digest(_ctx(*new, old_text="We collect data."))
    assert b.text == "Acme now states its legal basis for processing personal data: consent, contract and legitimate interests"
    assert basis_digest(_ctx(*new, old_text="We rely on our legitimate interests.")) == []
    (o,) = office_statements(_ctx(*new, old_text="We collect data."))
    assert o.impact == "office-named" and "Data Protection Officer" in o.text
    # a sentence saying there are no automated decisions grants no right about them
    none = _ch("added", None, "We do not make automated decisions that significantly affect you, and you can "
                              "request access to your personal data.", ("rights",))
    assert rights_digest(_ctx(none, old_text="")) == []


def test_select_lets_a_digest_stand_for_the_sentences_it_sums_up() -> None:
    digest = Statement("New rights: a and b", "rights", "right-added", changes=(1, 2))
    one = Statement("New right: a", "rights", "right-added", changes=(1,))
    other = Statement("New right: c", "rights", "right-added", changes=(3,))
    practice = Statement("Acme collects b", "collection", "collection-widened", changes=(2,))
    elsewhere = Statement("Acme collects d", "collection", "collection-widened", changes=(4,))
    withdrawn = Statement("No longer promises: b", "sharing", "promise-withdrawn", changes=(2,))
    out = [s.text for s in select([one, other, digest, practice, elsewhere])]
    assert out == ["New rights: a and b", "Acme collects d"]
    assert "No longer promises: b" in [s.text for s in select([digest, withdrawn])]   # a loss is never summed up


def test_a_new_promise_not_to_sell_ranks_with_rights_and_inability_is_no_promise() -> None:
    (s,) = promise_statements(_ctx(_ch("added", None, "We do not sell your personal data to anyone.", ("sale",))))
    assert s.impact == "no-sale-promise" and tier("no-sale-promise") == tier("right-added") < tier("sharing-widened")
    assert promise_statements(_ctx(_ch("added", None, "After deletion we will not be able to restore your data.",
                                       ("retention",)))) == []


def test_a_heading_glued_to_its_sentence_is_set_apart() -> None:
    from tracker.changes.phrasing import tidy
    assert tidy("Privacy QuestionsIf you have questions, write to us.") == "Privacy Questions: If you have questions, write to us"
    assert tidy("YouTube keeps logs.") == "YouTube keeps logs"


def test_a_promise_that_covers_less_is_narrowed_even_when_few_words_changed() -> None:
    from tracker.changes.rules.promises import narrowed_promises
    c = Change("reworded", "S", "We will not sell or rent your email address or any information that identifies you "
               "without your permission.", "We will not sell or rent your email address without your permission.",
               ("sale",), False, ())
    (s,) = narrowed_promises(_ctx(c))
    assert s.impact == "promise-narrowed" and tier("promise-narrowed") == 0
    assert s.text.startswith("Narrows its promise: Acme will not sell or rent your email address without your permission (was:")
    assert "any information that identifies you" in s.text
    assert s.short == "Acme narrows its promise not to sell or rent your email address without your permission"
    wider = Change("reworded", "S", "We will not sell your email address.", "We will not sell your email address or "
                   "your phone number.", ("sale",), True, ())
    assert narrowed_promises(_ctx(wider)) == []


def test_words_around_a_term_of_a_long_sentence_are_a_true_excerpt() -> None:
    import re
    from tracker.changes.phrasing import words_around
    text = ("Where the issue is more substantive in nature, more information is sought if necessary and if not the "
            "matter is escalated to our Privacy Legal team which will work across the business to resolve it.")
    got = words_around(text, re.compile("Privacy Legal"))
    assert got and "Privacy Legal team" in got and got in text and len(got.split()) <= 14


def test_a_newly_cited_law_is_always_named_and_one_practice_is_stated_once() -> None:
    cands = [Statement(f"Acme gives {w}", "sharing", "sharing-widened", changes=(i,))
             for i, w in enumerate(("advertisers your location", "insurers your health records", "brokers your contacts"))]
    cands += [Statement(f"New right: {w}", "rights", "right-added", changes=(10 + i,))
              for i, w in enumerate(("appeal refusals", "export photos", "erase messages"))]
    cands += [Statement(f"Acme collects {w}", "collection", "collection-widened", changes=(30 + i,))
              for i, w in enumerate(("purchases", "voice recordings"))]
    cands += [Statement("Processing of data in the EU is subject to the GDPR", "legal-basis", "reworded", changes=(20,))]
    out = select(cands, must=("GDPR",))
    assert len(out) <= 6 and any("GDPR" in s.text for s in out)
    assert [s for s in select(cands) if "GDPR" in s.text] == []
    twice = [Statement("New retention rule: Acme retains transaction, location and usage data for 7 years", "retention",
                       "retention-changed", changes=(1,)),
             Statement("New retention rule: Acme retains certain data, including transaction, location and usage data, "
                       "for a minimum of 7 years", "retention", "retention-changed", changes=(2,))]
    assert len(select(twice)) == 1
    assert len(select(cands, per_level=1)) == 4        # one per level


def test_a_company_newly_named_as_controller_is_stated() -> None:
    from tracker.changes.digests import controller_statements
    c = _ch("added", None, "If you live in the EEA, Acme Netherlands B.V. is the controller of your information.",
            ("legal-basis",))
    (s,) = controller_statements(_ctx(c, old_text="Acme Inc. is the controller of your information."))
    assert s.impact == "office-named" and "Acme Netherlands B.V" in s.text and s.new.startswith("Acme Netherlands")
    assert controller_statements(_ctx(c, old_text="Acme Netherlands B.V. handles EEA support.")) == []


def test_a_sentence_about_children_is_its_own_statement() -> None:
    from tracker.changes.rules.practices import children_statements
    c = _ch("added", None, "Our services are not directed to children, and you may not use them if you are under 13.",
            ("children",))
    (s,) = children_statements(_ctx(c))
    assert s.impact == "children-rule" and s.text.startswith("Acme's services are not directed to children")
    other = _ch("added", None, "We use cookies to remember you.", ("children",))
    assert children_statements(_ctx(other)) == []


def test_no_cut_after_an_abbreviation_or_inside_a_parenthesis() -> None:
    from tracker.changes.phrasing import clause_about
    text = ("Acme complies with the EU-U.S. Data Privacy Framework and the UK Extension to the EU-U.S. DPF, and the "
            "Swiss-U.S. Data Privacy Framework as set forth by the U.S. Department of Commerce")
    cut = shorten(text, 139)
    assert cut is None or not cut.endswith(("U.S", "Swiss-U.S"))
    assert clause_about("DPF Principles) with regard to the processing of personal data received from the EU "
                        "under the framework, which we follow in every case and in every country we serve.", None, 60) is None


def test_a_condition_is_never_quoted_without_what_follows_from_it() -> None:
    from tracker.changes.phrasing import clause_about
    text = ("If you do not receive timely acknowledgment of your complaint from us, or if we have not addressed "
            "your complaint to your satisfaction, please visit the dispute resolution page of our provider today.")
    got = clause_about(text, None, 80)
    assert got is None or not got.startswith("If you do not receive timely acknowledgment of your complaint from us")


def test_a_change_log_line_is_never_a_statement() -> None:
    """The change log says what the editors did elsewhere; the rules state that text itself."""
    log_old = "Change log2018-04-04:Typographical error corrected"
    log_new = "Change log2018-05-11List GDPR Supervisory Authority2018-04-04:Typographical error corrected"
    ctx = _ctx(_ch("reworded", log_old, log_new, ("other",)),
               _ch("added", None, "We share your email address with advertising partners."))
    from tracker.changes.statements import candidates
    texts = [s.text for s in candidates(ctx)]
    assert texts and not any("Change log" in t for t in texts)


def test_a_long_first_statement_is_compacted_not_skipped_for_the_headline() -> None:
    from tracker.changes.headline import compact
    long = ("Acme does not knowingly collect personal information from children under the age of 13 "
            "without the consent of the child's parent or guardian, in order to comply with the law.")
    short = compact(long)
    assert compact("We keep logs in order to detect fraud") == "We keep logs to detect fraud"
    assert "under 13" in short and "parental consent" in short and "in order to comply" in short
    old = "We collect your name. We use cookies."
    new = old + " " + long.replace("Acme does not", "We do not")
    rep = compare(old, new)
    assert len(rep.headline) <= 140 and "children under 13" in rep.headline and "parental consent" in rep.headline


def test_an_address_edit_is_stated_as_the_address_not_as_a_practice_or_a_party() -> None:
    old = ("We collect your name. Write to us by mail at: 317 Adelaide Street West, Suite 910. "
           "We use cookies.")
    new = ("We collect your name. Write to us by mail at: Suite 303, 49 Spadina Ave. "
           "We use cookies.")
    rep = compare(old, new)
    assert rep.headline.startswith("Postal address changed to “Suite 303, 49 Spadina Ave”")
    assert "(was: “317 Adelaide Street West, Suite 910”)" in rep.headline
    assert [s["impact"] for s in rep.statements] == ["contact-changed"]


def test_the_generic_company_subject_is_lower_case_inside_a_sentence() -> None:
    assert third_person("You can write us by mail.", "The company") == "You can write the company by mail."
    assert third_person("Our partners may contact us.", "The company") == "The company's partners may contact the company."


def test_a_trailing_purpose_is_dropped_only_from_a_whole_unscoped_clause() -> None:
    from tracker.changes.headline import _led, trim_tail
    long = ("If you apply for a job at Acme, Acme collects and uses your personal information "
            "for legitimate human resources and business management reasons")
    assert trim_tail(long, 100) == "If you apply for a job at Acme, Acme collects and uses your personal information"
    # a negated or consent clause keeps its scope whole: no cut at all
    assert trim_tail("Acme does not sell your personal information to advertisers in any country", 50) is None
    assert trim_tail("Acme shares your location with partners only with your consent for research", 50) is None
    # a cut that would leave a dangling article or no object is not taken
    assert trim_tail("Acme now collects the data from partners", 30) is None
    assert trim_tail("Acme may track how you use links across its Services by redirecting clicks or "
                     "through other means", 95) == "Acme may track how you use links across its Services"
    assert _led("Rewrite: ", "New commitment: Acme never sells data") == \
        "Rewrite with a new commitment: Acme never sells data"


def test_mojibake_is_repaired_before_comparing() -> None:
    good = "We collect your name. That’s the basic purpose of this policy. We use cookies."
    bad = good.encode("utf-8").decode("latin-1")
    assert "â" in bad
    assert compare(bad, good).verdict == "cosmetic"
    rep = compare("We collect your name.", bad.replace("We use cookies.", "We share your name with advertisers."))
    assert "â" not in rep.headline + " ".join(rep.bullets)
