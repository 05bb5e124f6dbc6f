"""A change no rule states is quoted as it stands (tracker.changes.quoted), and the link line
says truly what happened to the links: a report never reads '2 link targets changed' while
the appeal right now covers more states or an analytics pixel is no longer listed."""

from __future__ import annotations

from tracker.changes import compare
from tracker.changes.headline import links_said
from tracker.changes.quoted import needs_quotes, quoted_statements
from tracker.changes.report import Change
from tracker.changes.rules.common import Statement
from tracker.changes.summary import Facts

_INTRO = ("# Privacy Policy\n\nAcme Corp explains here how it handles the personal information of the people "
          "who use its website and its apps.\n\n")
_APPEAL = ("If you are a resident of {states}Delaware, Iowa, Nebraska, Oregon, or Texas, USA, if we deny your "
           "privacy request, you may be able to appeal by contacting us and referencing \"Privacy Request Appeal.\"\n")


def _facts(added: int, removed: int) -> Facts:
    f = Facts([], [], [], [], {}, {}, [], 0.9, {}, 1, 1, False)
    f.links_changed, f.links_added, f.links_removed = added + removed, added, removed
    return f


def test_a_list_of_states_that_grew_is_said_by_its_new_names() -> None:
    old = _INTRO + "## Your rights\n\n" + _APPEAL.format(states="")
    new = _INTRO + "## Your rights\n\n" + _APPEAL.format(states="Indiana, Kentucky, Rhode Island, ")
    r = compare(old, new)
    assert r.headline.startswith("Now also names Indiana, Kentucky and Rhode Island: ")
    assert "appeal" in r.headline


def test_a_dropped_item_of_a_purpose_list_is_quoted_under_its_heading() -> None:
    items = "- Fraud prevention and security of the service.\n- Third-party analytics tracking. (pixel based)\n"
    old = _INTRO + "## Purpose\n\n" + items + "\nSee [our cookie page](https://acme.example/cookies).\n"
    new = _INTRO + "## Purpose\n\n" + items.split("\n")[0] + "\n"
    r = compare(old, new)
    assert r.verdict != "cosmetic"
    assert "Third-party analytics tracking. (pixel based)" in r.headline
    assert r.headline.startswith("No longer lists ")
    assert not r.headline.endswith("changed")          # the link line never leads


def test_a_value_swapped_in_a_contact_line_is_said_with_its_old_value() -> None:
    c = Change("reworded", "Contact us", "Acme Corp, 1515 Fruitville Road, Sarasota", "Acme Corp, 1680 Fruitville Road, Sarasota")
    [s] = quoted_statements([c], set())
    assert s.text == "Now says: “Acme Corp, 1680 Fruitville Road, Sarasota” (was: “Acme Corp, 1515 Fruitville Road, Sarasota”)"


def test_menu_items_widget_counters_and_hidden_emails_are_never_quoted() -> None:
    changes = [Change("added", "Languages", None, "繁體字 (Traditional Chinese - Hong Kong)"),
               Change("reworded", "Tabs", "tab NaN of 0", "tab 1 of 0"),
               Change("reworded", "Contact", "Write to us at privacy@acme.example today.",
                      "Write to us at email protected today."),
               Change("added", "Contents", None, "Who do we share your personal data with?(#3.")]
    assert quoted_statements(changes, set()) == []


def test_a_long_sentence_is_quoted_within_a_bullet_and_only_material_lines_are_quoted() -> None:
    long = ("During 2025, Acme shared the following types of personal information about its customers with "
            "SiriusXM Satellite Radio, Acme Financial Services and its authorized dealers for their own marketing:")
    changes = [Change("removed", "Dealers", "Please click on the link below to view a list of dealers.", None),
               Change("removed", "Sharing", long, None, material=True)]
    out = quoted_statements(changes, set())
    assert [s.changes for s in out] == [(1,)]           # a pointer to a list of dealers is no news
    assert out[0].text.startswith("No longer says: “During 2025, Acme shared")
    assert len(out[0].text) <= 140 and out[0].text.endswith("…”")


def test_parties_are_named_only_when_written_as_names_that_head_a_part_of_the_policy() -> None:
    raw = "#### Contentsquare SAS\n\n#### Backblaze\n\n#### Postmark\n\nShare on\nReddit\n"
    out = quoted_statements([], set(), (["Contentsquare", "Reddit"], ["CA 94110Automattic Inc", "Backblaze", "Postmark"]), raw)
    assert [s.text for s in out] == ["Now names Contentsquare", "No longer names Backblaze and Postmark"]


def test_a_party_named_only_in_a_news_caption_is_not_said() -> None:
    caption = Change("added", "Top stories", None, "Apple unveils its new tablet in a crowded market Hayley Tsukayama")
    assert quoted_statements([caption], set(), (["Apple"], [])) == []


def test_only_link_lines_need_quotes() -> None:
    assert needs_quotes([Statement("Adds a link to its cookie policy", "other", "pointer")])
    assert not needs_quotes([Statement("New right: appeal", "rights", "right-added")])


def test_links_added_or_dropped_are_never_targets_changed() -> None:
    assert links_said(_facts(2, 0)) == "Adds 2 new links"
    assert links_said(_facts(0, 1)) == "No longer has 1 link"
    assert links_said(_facts(1, 1)) == "1 link target changed"
    assert links_said(_facts(3, 1)) == "1 link target changed, 2 links added"
    assert links_said(_facts(2, 0), noun=True) == "2 links added"


def test_a_link_only_added_reads_so_in_a_cosmetic_headline() -> None:
    old = _INTRO + "Read our cookie policy for details.\n"
    new = _INTRO + "Read our [cookie policy](https://acme.example/cookies) for details.\n"
    r = compare(old, new)
    assert r.verdict == "cosmetic"
    assert "1 link added" in r.headline and "target" not in r.headline


def test_every_link_line_is_known_as_one_and_never_leads() -> None:
    from tracker.changes.headline import headline_of, links_line
    for added, removed in ((1, 0), (0, 3), (2, 2), (3, 1), (1, 4)):
        assert links_line(links_said(_facts(added, removed)))
    lines = [Statement(links_said(_facts(0, 1)), "other", "pointer"),
             Statement("No longer says: “Third-party analytics tracking is used on this site.”", "other", "reworded")]
    assert headline_of(lines, _facts(0, 1), "minor", False).startswith("No longer says")
