"""Lines a journalist could publish: the policy's owner named as its text names itself, cuts
that never drop a limit or stop inside a clause, no list markers, doubled words or old values
spaced otherwise than the old text writes them, and never two labels stacked in a headline."""

from __future__ import annotations

from tracker.changes.detector import _owner_name
from tracker.changes.phrasing import compact, shorten
from tracker.changes.publishable import said_once, starred, was_as_written
from tracker.changes.report import Change
from tracker.changes.rules.common import Context, Statement


def test_a_group_company_named_once_beside_its_member_does_not_speak_for_it() -> None:
    """GitHub's policy names Microsoft once and itself throughout: its subject is GitHub."""
    text = "GitHub, a subsidiary of Microsoft, runs this site. " + "GitHub collects data. " * 6
    assert _owner_name(("Microsoft", "github"), text) == "GitHub"
    # a Microsoft policy that mentions GitHub in passing stays Microsoft's
    assert _owner_name(("Microsoft", "microsoft"), "Microsoft collects data. Microsoft owns GitHub.") == "Microsoft"


def test_a_site_name_with_a_prefix_or_a_country_is_named_by_the_word_inside_it() -> None:
    """gotinder.com's policy writes 'Tinder', sonyusa.com's 'Sony': never 'Gotinder' or 'Sonyusa'."""
    tinder = "Tinder collects your data. Tinder shares it. Tinder keeps it. Visit policies.tinder.com."
    assert _owner_name((None, "gotinder"), tinder) == "Tinder"
    assert _owner_name((None, "sonyusa"), "Sony uses data. Sony may share it. Sony keeps it.") == "Sony"


def test_a_common_noun_inside_a_site_name_is_no_name() -> None:
    """'Media' in dmgmedia is a word the text writes in lower case: it names no company."""
    text = "Media partners get data. Media reports use data. Media may share it. Social media and media sites."
    assert _owner_name((None, "dmgmedia"), text) == "Dmgmedia"
    assert _owner_name((None, "gotinder"), "Tinder is named once only here.") == "Gotinder"


def test_an_examples_aside_never_runs_across_a_verb() -> None:
    """', including the Website may be sold, or other transactions may occur': the aside is
    'including the Website', never the clause after it."""
    text = ("Sony or any of its assets, including the Website may be sold, or other transactions may occur "
            "in which information collected by the Website is a business asset in the transaction")
    assert "may be sold, or other transactions may occur" in compact(text)
    assert compact("Categories such as your name and e-mail address are public") == "Categories are public"


def test_a_cut_never_drops_the_limit_after_it_nor_stops_on_an_auxiliary() -> None:
    """'…, Comcast will, but only at your direction and with your consent' is never cut to
    '… Comcast will'."""
    text = ("If you participate in offers that require Comcast to disclose your identifiable data to another "
            "company, Comcast will, but only at your direction and with your consent")
    assert shorten(text, 124) is None
    limited = ("Acme shares your contact details and your purchase history with its partners, only when you "
               "have asked it to do so in your account settings")
    assert shorten(limited, 90) is None


def test_a_cut_never_stops_inside_a_clause_before_its_verb() -> None:
    """'… whether the information' cut before 'is accurate' is no clause."""
    from tracker.changes.headline import trim_tail
    text = ("XING now pursues the legitimate interest of other users in obtaining clarity as to whether the "
            "information in your profile is accurate and complete")
    cut = trim_tail(text, 110)
    assert cut is None or not cut.endswith("the information")


def test_a_list_marker_inside_a_line_is_cut_or_the_line_dropped() -> None:
    """'Examples: * Google collects …' is said without its lead-in; list cells run together are no line."""
    s = Statement("Examples of processing activities: * Google collects IP addresses to protect against abuse",
                  "collection", "collection-widened", None,
                  "Examples of processing activities: * Google collects IP addresses to protect against abuse")
    out = starred(s)
    assert out is not None and out.text == "Google collects IP addresses to protect against abuse"
    assert out.new == "Google collects IP addresses to protect against abuse"
    label = Statement("Marketing • Acme will also contact you about products of other group companies", "x",
                      "practice-changed")
    assert starred(label).text == "Acme will also contact you about products of other group companies"
    cells = Statement("Adds: Contract * Legitimate interest (service maintenance) * Legal obligation", "x", "reworded")
    assert starred(cells) is None
    plain = Statement("Acme collects your e-mail address", "x", "collection-widened")
    assert starred(plain) is plain


def test_a_doubled_small_word_is_said_once() -> None:
    s = Statement("Acme has sold data for the commercial purpose of of providing ads", "x", "reworded")
    assert said_once(s).text == "Acme has sold data for the commercial purpose of providing ads"


def test_an_old_value_is_spaced_as_the_old_sentence_writes_it() -> None:
    """'(was: team @chayn.co)' of 'team@chayn.co' is said as the old text writes it."""
    change = Change("reworded", "", "Please contact us at team@chayn.co or by post.",
                    "Please contact us at privacy@chayn.co or by post.", (), True)
    ctx = Context([change], {}, {}, [], [], "Chayn")
    s = Statement("Please contact Chayn at privacy@chayn.co or by post (was: team @chayn.co)", "contact",
                  "contact-changed", "team @chayn.co", "privacy@chayn.co", (0,))
    assert was_as_written(s, ctx).text.endswith("(was: team@chayn.co)")
    kept = Statement("Please contact Chayn at privacy@chayn.co (was: by e-mail)", "contact", "contact-changed",
                     None, None, (0,))
    assert was_as_written(kept, ctx) is kept


def test_an_old_value_split_and_capitalised_otherwise_is_said_as_the_old_text_writes_it() -> None:
    change = Change("reworded", "", "To opt out, email guest.relations@target.com or call 800-440-0680.",
                    "To opt out, call Guest Relations at 800-440-0680.", (), True)
    ctx = Context([change], {}, {}, [], [], "Target")
    s = Statement("Call Guest Relations at 800-440-0680 (was: Email Guest. Relations @target.com or call 800-440-0680)",
                  "contact", "contact-changed", None, None, (0,))
    assert was_as_written(s, ctx).text.endswith("(was: email guest.relations@target.com or call 800-440-0680)")


def test_a_cut_never_drops_an_exception_further_on() -> None:
    """'… (which may include Personal Data), except for data that is Services Data' is never cut
    before its parenthesis: the exception would go with it."""
    text = ("New: Customer Content is the information Acme obtains from you when you use Acme Services "
            "(which may include Personal Data), except for data that is considered Services Data")
    cut = shorten(text, 100)
    assert cut is None or "except" in cut
