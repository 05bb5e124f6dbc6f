"""An added sentence is said as new ('now', 'New:') only when no old sentence states the same act
on the same kind of data: collect = receive = obtain, information = data, a name spelled out or
abbreviated; a practice the old text stated more narrowly is said with what it said ('(was: …)').
"""

from __future__ import annotations

from tests.support.changes import ch, ctx
from tracker.changes.corroborate import Side, said_before
from tracker.changes.marks import marked
from tracker.changes.rules.common import Statement
from tracker.changes.samepractice import act_objects, bare, narrower_before, practice_said

# sentences of any policy, so that the words of the sentences under test are rare in it
FILLER = ["We care about your privacy.", "This policy explains our practices.", "You can contact us at any time.",
          "We use cookies to remember your settings.", "We keep your account secure with encryption."]


def _old(*sentences: str) -> Side:
    return Side([*sentences, *FILLER])


def test_the_same_act_with_another_verb_and_noun_was_said_before() -> None:
    # receive = collect, data = information, website = site, application = app
    old = _old("We receive data whenever you visit a website or application that uses our services.")
    assert practice_said("We collect information when you visit sites and apps that use our services.", old)
    old = _old("For similar reasons, we may supplement the personal information you provide with information "
               "from other sources, as permitted by law.")
    assert practice_said("We might supplement the information described above with information we obtain from other "
                         "sources, including from both online and offline data providers.", old)


def test_a_name_and_its_abbreviation_are_one_technology() -> None:
    old = _old('We use "cookies," Web beacons, HTML5 local storage and other similar technologies.')
    assert practice_said("We may use Local Storage Objects (LSOs) such as HTML5 to store content information and "
                         "preferences.", old)


def test_another_kind_of_data_another_act_or_another_name_is_news() -> None:
    assert not practice_said("We collect your precise location when you use the app.",
                             _old("We collect your email address when you register."))
    assert not practice_said("We may share your information with Sam's Club.",
                             _old("We may share your information with our affiliates."))
    assert not practice_said("We may sell your purchase history to advertisers.",
                             _old("We may use your purchase history to show you advertisers' offers."))


def test_a_denied_act_is_no_practice_but_a_negation_elsewhere_is() -> None:
    assert not practice_said("We may share aggregated information with third parties.",
                             _old("We do not share aggregated information with third parties."))
    assert practice_said("We may also share aggregated information with third parties.",
                         _old("We may share aggregated information that does not include personal information "
                              "with third parties."))


def test_a_sentence_is_read_without_its_examples_and_asides() -> None:
    assert bare("We collect information when you use apps that use our Services (like our Like button), "
                "which helps us.") == "We collect information when you use apps that use our Services"
    assert act_objects("We receive data whenever you visit") == frozenset({("@get", "@info")})
    assert act_objects("We do not share information") == frozenset()


def test_said_before_finds_the_practice_in_other_words_given_the_owner() -> None:
    old = _old("We receive data whenever you visit a website or application that uses our services.")
    assert said_before(old, owner="Acme")("We collect information when you visit sites and apps that use our services.")


def test_a_practice_stated_more_narrowly_is_said_with_what_the_old_text_said() -> None:
    old = _old("We receive data whenever you visit a website that uses Acme Platform.")
    new = "We collect information whenever you visit a website or app that uses our advertising services."
    assert not practice_said(new, old, "Acme")
    assert narrower_before(new, old, "Acme") == "receives data whenever you visit a website that uses Acme Platform"
    c = ctx(ch("added", None, new))
    s = Statement("Acme collects information whenever you visit a website or app that uses its advertising services",
                  "collection", "collection-widened", None, None, (0,))
    plain = marked(c, s, lambda _: False)
    assert plain.text.startswith("Acme now collects")      # without the old text: said as new
    said = marked(c, s, lambda _: False, lambda t: narrower_before(t, old, "Acme"))
    assert said.text == f"{s.text} (was: receives data whenever you visit a website that uses Acme Platform)"
    # no old sentence of that act: the mark stands
    assert marked(c, s, lambda _: False, lambda t: narrower_before(t, _old(), "Acme")).text == plain.text


def test_an_old_sentence_the_new_one_extends_is_said_as_what_it_was() -> None:
    old = _old("Like most websites, Acme uses cookies and web log files to track site usage.")
    new = ("Like most websites, Acme uses cookies and web log files to track site usage and trends, to improve the "
           "quality of its service and to deliver third-party advertising.")
    assert not practice_said(new, old, "Acme")
    assert narrower_before(new, old, "Acme") == "uses cookies and web log files to track site usage"


def test_a_noun_is_no_act_and_a_cut_clause_is_no_old_value() -> None:
    assert act_objects("complaints about its collection or use of your personal information") == frozenset()
    # the old sentence's examples cut leave 'uses your personal information to': nothing to say it was
    old = _old("We use your personal information to, for example, send you offers about our products and services.")
    assert narrower_before("We use your personal information to send you offers about our products, services and "
                           "partners' products.", old, "Acme") is None
