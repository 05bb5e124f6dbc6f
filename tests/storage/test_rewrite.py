"""History rewriting on plain data: planning, merging, placing one item, replaying."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tracker.models import Extracted, RecordMeta
from tracker.storage.rewrite import (
    Commit, ImportItem, Seen, apply_changes, classify, facts_from_commit, git_date, merge,
    parse_history, plan_insertion, replay_message, replay_tree, set_raw, text_blob,
    tracker_message,
)

T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
E0 = int(T0.timestamp())
DAY = 86400


def item(day: int, text: str) -> ImportItem:
    return ImportItem(T0 + timedelta(days=day), Extracted(text=text, raw=b"r", raw_ext="md"),
                      RecordMeta(source_url="file:///x"), "Privacy Policy")


def commit(day: int, *changes: tuple[str, str | None], sha: str = "") -> Commit:
    return Commit(sha or f"{day:040d}", E0 + day * DAY, f"{E0 + day * DAY} +0000",
                  [(p, "100644", s) for p, s in changes])


def test_git_date_keeps_the_stated_offset_and_naive_is_utc() -> None:
    assert git_date(datetime(2024, 1, 1)) == f"{E0} +0000"
    east = datetime(2024, 1, 1, 5, 30, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert git_date(east) == f"{E0} +0530"
    assert git_date(datetime(2024, 1, 1, tzinfo=timezone(timedelta(hours=-3)))) \
        == f"{E0 + 3 * 3600} -0300"


def test_plan_starts_at_the_first_newer_commit() -> None:
    history = [commit(0, ("p.md", "a")), commit(2, ("t.md", "b")), commit(4, ("p.md", "c"))]
    seen = [Seen(f"{E0 + DAY} +0000", "a"), Seen(f"{E0 + 3 * DAY + 60} +0000", "b")]
    tie = ImportItem(T0 + timedelta(days=3, seconds=60), item(3, "y").extracted,
                     item(3, "y").meta, "Privacy Policy")
    plan = plan_insertion(history, seen, [item(3, "x"), tie], "p")
    assert plan.start == 2 and plan.parent == history[1].sha
    assert plan.current_epoch == history[0].epoch  # when p.md last changed before the start
    assert plan.kept_seen == [seen[0]]
    assert [type(e).__name__ for e in plan.events] == ["ImportItem", "Seen", "ImportItem"]  # Seen first at a tie
    assert not plan.appending(history)
    assert plan_insertion(history, [], [item(9, "x")], "p").appending(history)


def test_merge_puts_existing_commits_first_at_equal_dates() -> None:
    a, b = commit(1, ("p.md", "a")), commit(3, ("p.md", "b"))
    out = list(merge([a, b], [item(1, "x"), item(2, "y")]))
    assert out[0] is a and isinstance(out[1], ImportItem) and out[3] is b


def test_classify_one_item() -> None:
    flat = {"p.md": ("100644", "a")}
    assert classify("a", E0, flat, "p.md", E0) == "same"
    assert classify("a", E0 + 1, flat, "p.md", E0) == "repeat"
    assert classify("b", E0 + 1, flat, "p.md", E0) == "new"
    assert classify("a", E0, {}, "p.md", None) == "new"
    assert text_blob("x\n") == "587be6b4c3f93f93c489c0111bba5596147a26cb"  # git hash-object


def test_set_raw_keeps_one_snapshot_and_apply_changes_deletes() -> None:
    flat = {"raw/p.html": ("100644", "h")}
    set_raw(flat, "p", "pdf", "d")
    assert flat == {"raw/p.pdf": ("100644", "d")}
    assert apply_changes(commit(1, ("raw/p.pdf", None), ("p.md", "t")), flat) == \
        {"p.md": ("100644", "t")}


def test_replay_drops_a_commit_whose_text_is_no_longer_new() -> None:
    before = {"p.md": ("100644", "x"), "raw/p.md": ("100644", "rx")}
    same_text = commit(5, ("p.md", "x"), ("raw/p.html", "other-raw"))
    new, touched, dropped = replay_tree(same_text, before)
    assert dropped and new == before and touched == {"p"}
    other_doc = commit(5, ("t.md", "y"))
    new, touched, dropped = replay_tree(other_doc, before)
    assert not dropped and new["t.md"] == ("100644", "y") and touched == {"t"}


def test_replay_message_rewrites_parent_tree_and_first_record_subject() -> None:
    message = tracker_message("Acme", "p", "Privacy Policy", RecordMeta(source_url="u", fetcher="import"),
                              first=True, version="1")
    raw = (f"tree {'1' * 40}\nparent {'2' * 40}\nauthor A <a@b> 1 +0000\n"
           f"committer A <a@b> 1 +0000\ngpgsig -----BEGIN\n sig\n -----END\n\n{message}"
           ).encode()
    out = replay_message(raw, "3" * 40, "4" * 40, {"p"}, {"p.md": ("100644", "a")}).decode()
    assert out.startswith(f"tree {'3' * 40}\nparent {'4' * 40}\nauthor A <a@b> 1 +0000\n")
    assert "gpgsig" not in out and " sig" not in out
    assert "\n\nRecord new changes of Acme Privacy Policy\n" in out
    meta, title = facts_from_commit(out, "Acme", "p")
    assert (meta.source_url, meta.fetcher, title) == ("u", "import", "Privacy Policy")


def test_parse_history_reads_git_log_raw() -> None:
    out = ("\x1e" + "a" * 40 + f"\x1f{E0}\x1f{E0} +0000\x1f\n\n"
           ":000000 100644 " + "0" * 40 + " " + "b" * 40 + " A\0p.md\0"
           ":100644 000000 " + "b" * 40 + " " + "0" * 40 + " D\0raw/p.md\0")
    [c] = parse_history(out)
    assert (c.sha, c.epoch) == ("a" * 40, E0)
    assert c.changes == [("p.md", "100644", "b" * 40), ("raw/p.md", "000000", None)]


def test_a_walk_places_items_through_a_real_loose_writer(tmp_path) -> None:
    """The driver alone: no CompanyRepo, a real object store checked with plain git."""
    import subprocess

    from tracker.storage.insert import Reader, walk_insertion
    from tracker.storage.objects import LooseWriter

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    writer = LooseWriter(tmp_path / ".git" / "objects", "test")
    reader = Reader(label="acme/p", flat_tree=lambda sha: {}, read_object=lambda sha: b"",
                    company_name="Acme",
                    message=lambda doc, title, meta, first: tracker_message(
                        "Acme", doc, title, meta, first, "1"))
    items = [item(1, "A\n"), item(2, "A\n"), item(3, "B\n")]
    walk = walk_insertion(plan_insertion([], [], items, "p"), [], "p", writer, reader)
    assert len(walk.created) == 2 and walk.parent == walk.created[-1]
    assert [g.epoch for g in walk.seen] == [E0 + 2 * DAY]  # the repeat is remembered
    log = subprocess.run(["git", "-C", str(tmp_path), "log", "--format=%at %s", walk.parent],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert log == [f"{E0 + 3 * DAY} Record new changes of Acme Privacy Policy",
                   f"{E0 + DAY} First record of Acme Privacy Policy"]
    show = subprocess.run(["git", "-C", str(tmp_path), "show", f"{walk.parent}:p.md"],
                          capture_output=True, text=True, check=True).stdout
    assert show == "B\n"
    subprocess.run(["git", "-C", str(tmp_path), "fsck", "--strict", walk.parent], check=True,
                   capture_output=True)
