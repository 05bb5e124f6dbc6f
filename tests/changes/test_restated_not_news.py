"""A sentence the other version still states, renumbered or reworded, is neither new nor gone
(general rules, synthetic texts).

- a clause's number ('7.1.4 In certain cases, …', '(b) We share …') is where it stands, not
  what it says: a sentence that lost or changed its number is still held by the other side;
- a rule of keeping whose few data words ('account information … close your account') the other
  text keeps for another period is one rule with its period changed, not one dropped and one new;
- a list's lead reworded ('Acme collects the following types of information' -> 'We collect these
  categories of personal data:') is not gone, unless its act or the recipients it names changed;
- a pointer to a page under a new title ('State-Specific Privacy Disclosures' for 'California
  Privacy Disclosures') is not gone, one to a page dropped beside another kept is;
- sharing with 'third-party artificial intelligence service providers' is still said when the
  other text hands the same inputs to Anthropic, an AI provider by name;
- a sentence followed by 'For example, …' and an example the old text gave is no new practice;
- 'opt-out' is 'opt out', and a 'Note' before a right that points to its explanation no word of it;
- a right to a copy 'so you can use it for your own purposes' or 'in a structured, commonly
  used format' is data portability, and a sentence that only gives rights the old text gave in
  other words ('a machine readable format' for 'a portable format') is said before.
"""

from __future__ import annotations

from tracker.changes.corroborate import Side, said_before, sign
from tracker.changes.digests import given_before, rights_given_before
from tracker.changes.restated import introduces_old_example, named_member, renamed_pointer, same_lead_in
from tracker.changes.retained import keeping_elsewhere


def test_a_clause_number_is_no_figure_of_the_sentence() -> None:
    assert sign("7.1.4 In certain cases, you have the right to request erasure.").numbers == ()
    assert sign("(b) We share your data with partners.").numbers == ()
    assert sign("Section 3. We keep your data.").numbers == ()
    # figures that open a sentence are its own
    assert sign("30 days after you close your account, we delete your data.").numbers == ("30",)
    assert sign("1.5 million users use the service.").numbers == ("1", "5")


def test_a_renumbered_sentence_is_still_held() -> None:
    new = Side(["In certain cases, you have the right to request the immediate erasure of your personal data "
                "held by us."])
    assert new.holds("7.1.4 In certain cases, you have the right to request the immediate erasure of your "
                     "personal data.")
    old = Side(["7.1.4 In certain cases, you have the right to request the immediate erasure of your personal data."])
    assert old.holds("In certain cases, you have the right to request the immediate erasure of your personal data.")
    # a changed figure of the sentence itself is still a change
    assert not Side(["We keep your account data for 90 days."]).holds("2. We keep your account data for 30 days.")


def test_portability_in_other_words_was_given_before() -> None:
    assert given_before("data portability", ["You can ask us to provide to you your personal information that we "
                                             "have collected so you can use it for your own purposes."])
    assert given_before("data portability", ["You have the right to receive your data in a structured, commonly "
                                             "used format."])
    assert not given_before("data portability", ["You may use the Services for your own purposes."])


def test_a_sentence_giving_only_old_rights_is_said_before() -> None:
    old = ["You may also have the right to request rectification of your User Information, to obtain your User "
           "Information in a portable format, and to object to its processing."]
    assert rights_given_before("You also have the right to receive personal data concerning yourself in a machine "
                               "readable format.", old)
    assert said_before(Side(old))("You also have the right to receive personal data concerning yourself in a "
                                  "machine readable format.")
    # a right the old text did not give is new
    assert not rights_given_before("You also have the right to lodge a complaint with your local authority and to "
                                   "receive your data in a machine readable format.", ["We collect your name."])
    # a sentence that says more than its rights is not read as rights alone
    assert not rights_given_before("We share your data with advertisers.", old)


def test_a_pointer_to_a_renamed_page_is_not_gone() -> None:
    old = Side(["Visit the California Privacy Disclosures page to read additional disclosures required under state "
                "laws.", "Visit the Japan Privacy Disclosures page to read additional disclosures required under the "
                "Act on Protection of Personal Information.", "Visit the Republic of Korea Privacy Disclosures page to "
                "read additional disclosures required under the Personal Information Protection Act."])
    new = Side(["Visit the State-Specific Privacy Disclosures page to read additional disclosures required under "
                "state laws.", "Visit the Japan Privacy Disclosures page to read additional disclosures required under "
                "the Act on Protection of Personal Information.", "We use cookies."])
    assert renamed_pointer(old.sentences[0], new, old)
    # a page dropped beside another that was there all along is gone
    assert not renamed_pointer(old.sentences[2], new, old)


def test_recipients_named_by_trade_then_by_name_are_not_gone() -> None:
    claim = ("When you use these features, your inputs may be shared with third-party artificial intelligence "
             "service providers for the purpose of generating outputs.")
    assert named_member(claim, Side(["Acme currently uses Anthropic as its large language model provider.",
                                     "Acme sends Anthropic the inputs and context needed to provide the feature."]))
    # another party, other things handed over, or a denial: the sharing is gone
    assert not named_member(claim, Side(["Acme sends Stripe the inputs needed to process your payment."]))
    assert not named_member(claim, Side(["Acme sends Anthropic your account e-mail address."]))
    assert not named_member(claim, Side(["Acme does not send Anthropic your inputs."]))


def test_opt_out_however_hyphenated_is_the_same_words() -> None:
    assert sign("You may also opt-out of the sale of your personal information.").words == \
        sign("You may also opt out of the sale of your personal information.").words


def test_a_noted_pointer_to_an_old_right_is_no_new_right() -> None:
    from tracker.changes.restated import pointed_right
    old = Side(["California residents have the right to opt out of the sale of their personal information."])
    assert pointed_right('Note you may also opt-out of the "sale" of your personal information as described above.',
                         old, lambda t: "right" in t)


def test_a_sentence_introducing_an_old_example_is_no_new_practice() -> None:
    example = ("when you are not signed in to an account, we store the information that we collect with unique "
               "identifiers tied to the browser you are using.")
    old = Side(["We collect your name.", example[:1].upper() + example[1:]])
    claim = "Acme also collects and uses data that is not associated with your account."
    assert introduces_old_example(claim, old, Side([claim, "For example, " + example]))
    # an example the old text never gave: the sentence may be news
    assert not introduces_old_example(claim, old, Side([claim, "For example, we buy lists of e-mail addresses "
                                                               "from data brokers."]))


def test_a_rule_of_few_data_words_restated_with_another_period_is_paired() -> None:
    new = Side(["Account information is retained for 5 years after your account is closed, unless the law "
                "requires otherwise.", "We use cookies."])
    claim = "We retain your account information for 2 years after you close your account."
    assert keeping_elsewhere(claim, new, lambda _: False) == new.sentences[0]
    # other data kept for another period is no other half of the rule
    assert keeping_elsewhere(claim, Side(["Payment records are retained for 5 years."]), lambda _: False) is None


def test_a_list_lead_reworded_is_not_gone() -> None:
    claim = "Acme collects the following types of information:"
    assert same_lead_in(claim, Side(["We collect these categories of personal data:"]))
    # another act, or recipients the new lead no longer names: not the same lead
    assert not same_lead_in(claim, Side(["We share these categories of personal data:"]))
    assert not same_lead_in("We share the following information with advertisers:",
                            Side(["We share the following categories of data with service providers:"]))
