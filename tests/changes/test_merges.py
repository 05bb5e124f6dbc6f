"""Sentences merged or split by an edit are one rewording (tracker.changes.merges)."""

from __future__ import annotations

from tracker.changes.detector import compare
from tracker.changes.merges import merge_rewordings
from tracker.changes.report import Change

INTRO = ("# Privacy Policy\n\nAcme Corp. operates the acme.example website and apps. This policy explains how "
         "we handle personal information about you.\n\n## Information from other sources\n\n")
OUTRO = ("\n\n## Your choices\n\nYou can opt out of marketing e-mails at any time by following the unsubscribe "
         "link in any e-mail we send you.\n")
MERGED_OLD = ("Acme obtains information from outside companies such as those that collect consumer information "
              "including demographic and interest data. Examples of this information include gender, age range, "
              "education, sports enthusiast, frequent diner or pet owner.")
MERGED_NEW = ("Acme obtains information from outside companies including demographic and interest data (such as "
              "gender, age range, education level, sports enthusiast, or frequent diner), as well as information "
              "such as device type, carrier, city and state.")


def _rebuild(section: str, old: str, new: str) -> Change:
    return Change("reworded", section, old, new)


def test_two_sentences_folded_into_one_are_one_rewording() -> None:
    changes = [Change("added", "S", None, MERGED_NEW), Change("removed", "S", MERGED_OLD.split(". ")[0] + ".", None),
               Change("removed", "S", MERGED_OLD.split(". ")[1], None)]
    out = merge_rewordings(changes, _rebuild)
    assert [c.kind for c in out] == ["reworded"]
    assert out[0].new == MERGED_NEW and "pet owner" in (out[0].old or "") and "outside companies" in (out[0].old or "")


def test_a_sentence_split_in_two_with_a_new_use_is_one_rewording() -> None:
    old = ("When you open an Acme email or click on links within these emails, we may collect and retain information "
           "to provide you with future communications that may be more interesting to you.")
    new1 = "We may collect information when you open these emails or click on links within the emails."
    new2 = ("This information is used to personalize the content of the emails themselves and make future "
            "communications and marketing more interesting to you.")
    out = merge_rewordings([Change("removed", "S", old, None), Change("added", "S", None, new1),
                            Change("added", "S", None, new2)], _rebuild)
    assert [(c.kind, c.old, c.new) for c in out] == [("reworded", old, f"{new1} {new2}")]


def test_unrelated_sentences_and_other_sections_stay_apart() -> None:
    a = Change("added", "S", None, "We now share your precise location with advertising partners for measurement.")
    r = Change("removed", "S", "Children under 13 may not create an account or use the service at all.", None)
    elsewhere = Change("removed", "T", MERGED_OLD, None)
    assert merge_rewordings([a, r], _rebuild) == [a, r]
    assert merge_rewordings([Change("added", "S", None, MERGED_NEW), elsewhere], _rebuild)[1] is elsewhere


def test_what_a_merge_adds_is_stated_and_nothing_is_called_dropped() -> None:
    report = compare(INTRO + MERGED_OLD + OUTRO, INTRO + MERGED_NEW + OUTRO)
    assert report.stats["reworded"] == 1 and report.stats["added"] == 0 and report.stats["removed"] == 0
    said = " ".join(report.bullets) + " " + report.headline
    assert "device type" in said
    assert "No longer says" not in said


def test_honouring_do_not_track_reworded_into_refusing_it_is_a_withdrawn_commitment() -> None:
    old = INTRO + ("We honor the Do Not Track browser option to give you control over how your website visits "
                   "are used to personalize your experience and ads.") + OUTRO
    new = INTRO + ("You can control how we personalize your experience and ads by using your Personalization and "
                   "Data settings. We respond to these settings rather than the Do Not Track browser option, which "
                   "we no longer support.") + OUTRO
    report = compare(old, new)
    assert report.headline.endswith(" no longer honours Do Not Track signals")
    assert report.verdict in ("substantive", "major")


def test_a_list_sentence_turned_into_items_after_a_removed_paragraph_is_one_rewording() -> None:
    """Six sentences removed before the added items that restate the first of them: the window
    counts each kind on its own, so the restated list is still found."""
    lead = "Personal information may include, but is not limited to, your name, physical address and telephone number."
    gone = [Change("removed", "S", lead, None)] + [
        Change("removed", "S", f"Other paragraph sentence number {k} about statistics and aggregates here.", None)
        for k in range(5)]
    items = [Change("added", "S", None, "Personal information may include, but is not limited to:"),
             Change("added", "S", None, "Your name and physical address and telephone number"),
             Change("added", "S", None, "Information about your company affiliation")]
    out = merge_rewordings(gone + items, _rebuild)
    assert any(c.kind == "reworded" and c.old == lead for c in out), [(c.kind, c.old) for c in out]
