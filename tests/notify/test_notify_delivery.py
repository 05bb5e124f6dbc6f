"""Digests over a simulated week (injected clock), retries with backoff of a channel that is
down for three runs, and imports that only notify when asked."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from click.testing import CliRunner

from tests.support.notify import (MAJOR, POLICY, SALE, Hooks, policy_variant, subscription,
                       write_workspace)
from tracker.cli import main
from tracker.notify.run import NotifyReport, notify
from tracker.tracking import track
from tracker.workspace import Workspace

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)     # ISO week 2026-W10


def _run(root: Path, when: datetime, **kwargs):
    workspace = Workspace.open(root)
    return track(workspace, workspace.load_config(), captured_at=when, **kwargs)


def _digests(hooks: Hooks, path: str) -> list[dict]:
    return [json.loads(p.json()["message"]) for p in hooks.at(path)]


def test_daily_and_weekly_digests_over_a_simulated_week(tmp_path: Path, web, hooks) -> None:
    companies = ["acme", "globex", "initech"]
    for slug in companies:
        web.pages[f"/{slug}"] = policy_variant(slug, 0)
    write_workspace(tmp_path, web, companies,
                    subscription("daily", hooks.url("json", "/daily"), digest="daily")
                    + subscription("weekly", hooks.url("json", "/weekly"), digest="weekly")
                    + subscription("instant", hooks.url("json", "/instant")))
    _run(tmp_path, MONDAY)
    # (day of the week, company changed that day); Thursday and Saturday nothing changes
    plan = {0: ["acme"], 1: ["initech", "globex"], 2: ["acme"], 4: ["initech"], 6: ["globex"]}
    versions = {slug: 0 for slug in companies}
    for day in range(7):
        when = MONDAY + timedelta(days=day, hours=1)
        for slug in plan.get(day, []):
            versions[slug] += 1
            web.pages[f"/{slug}"] = policy_variant(slug, versions[slug])
        if day == 2:
            web.pages["/initech"] = MAJOR          # Wednesday: a major rewrite at initech
        report = _run(tmp_path, when)
        assert report.exit_code == 0
        daily = _digests(hooks, "/daily")
        # each run sends the digest of the day before, if that day had changes
        assert len(daily) == len([d for d in plan if d < day]), (day, daily)
        assert _digests(hooks, "/weekly") == []    # the week is not over
    expected_changes = sum(len(v) for v in plan.values()) + 1
    assert len(hooks.at("/instant")) == expected_changes
    assert sum(len(c["changes"]) for d in _digests(hooks, "/daily") for c in d["companies"]) \
        == expected_changes - len(plan[6])         # Sunday's digest is due on Monday
    _run(tmp_path, MONDAY + timedelta(days=7, hours=1))          # next Monday
    _run(tmp_path, MONDAY + timedelta(days=7, hours=2))          # and again: no repeat
    weekly, = _digests(hooks, "/weekly")
    assert (weekly["digest"], weekly["period"]) == ("weekly", "2026-W10")
    groups = weekly["companies"]
    assert [g["company"] for g in groups][0] == "initech"   # its major change leads
    assert sorted(g["company"] for g in groups) == companies
    assert sum(len(g["changes"]) for g in groups) == expected_changes
    initech = groups[0]["changes"]
    assert initech[0]["verdict"] == "major"
    assert [c["verdict"] for c in initech] == sorted(
        (c["verdict"] for c in initech), key=["major", "substantive", "minor"].index)
    title = hooks.at("/weekly")[0].json()["title"]
    assert "weekly digest" in title and f"{expected_changes} changes at 3 companies" in title
    daily = _digests(hooks, "/daily")
    assert len(daily) == len(plan)               # one per day with changes, Sunday's on Monday
    assert [d["period"] for d in daily] == [f"{MONDAY + timedelta(days=d):%Y-%m-%d}"
                                            for d in sorted(plan)]


def test_a_channel_down_for_three_runs_is_retried_with_backoff(tmp_path: Path, web,
                                                                hooks) -> None:
    with Hooks() as down:
        down.down = True
        web.pages["/acme"] = POLICY
        write_workspace(tmp_path, web, ["acme"],
                        subscription("up", hooks.url("json", "/up"))
                        + subscription("flaky", down.url("json", "/flaky"),
                                       hooks.url("json", "/flaky-mirror")))
        _run(tmp_path, MONDAY)
        web.pages["/acme"] = SALE
        reports: list[NotifyReport] = []
        for hour in (1, 2, 3):
            report = _run(tmp_path, MONDAY + timedelta(hours=hour))
            assert report.exit_code == 1
            assert report.outcomes[0].status == ("changed" if hour == 1 else "not-modified") \
                or report.outcomes[0].status == "unchanged"
            reports.append(report.notifications)
            failure = report.notifications.failures["flaky"]
            assert "json://127.0.0.1" in failure and "503" in failure
            # a run inside the backoff window does not try again
            early = _run(tmp_path, MONDAY + timedelta(hours=hour, minutes=1))
            assert early.notifications.failures == {} and down.requests == hour
        assert len(hooks.at("/up")) == 1 and len(hooks.at("/flaky-mirror")) == 1
        down.down = False
        report = _run(tmp_path, MONDAY + timedelta(hours=4))
        assert report.exit_code == 0 and report.notifications.failures == {}
        assert len(down.at("/flaky")) == 1
        _run(tmp_path, MONDAY + timedelta(hours=5))
        assert len(down.at("/flaky")) == 1 and len(hooks.at("/up")) == 1


def test_import_notifies_only_with_notify(tmp_path: Path, web, hooks) -> None:
    web.pages["/acme"] = POLICY
    write_workspace(tmp_path, web, ["acme"],
                    subscription("hook", hooks.url("json", "/h"), min_verdict="minor"))
    runner = CliRunner()
    assert runner.invoke(main, ["-w", str(tmp_path), "track"]).exit_code == 0
    now = datetime.now(timezone.utc)
    archive = tmp_path / "archive"
    for i, text in enumerate((SALE, MAJOR)):
        day = archive / "acme" / "privacy-policy"
        day.mkdir(parents=True, exist_ok=True)
        (day / f"{(now + timedelta(days=i + 1)):%Y-%m-%d}.md").write_text(text, "utf-8")
    result = runner.invoke(main, ["-w", str(tmp_path), "import", str(archive)])
    assert result.exit_code == 0, result.output
    web.pages["/acme"] = MAJOR                 # the site now says what the import ended with
    assert runner.invoke(main, ["-w", str(tmp_path), "track"]).exit_code == 0
    assert hooks.posts == []                   # the import's changes are never sent later
    (archive / "acme" / "privacy-policy" / f"{now + timedelta(days=3):%Y-%m-%d}.md"
     ).write_text(POLICY, "utf-8")
    result = runner.invoke(main, ["-w", str(tmp_path), "import", "--notify", str(archive)])
    assert result.exit_code == 0, result.output
    post, = hooks.at("/h")
    assert json.loads(post.json()["message"])["captured_at"].startswith(
        f"{now + timedelta(days=3):%Y-%m-%d}")


def test_notify_without_subscriptions_does_nothing(tmp_path: Path, web) -> None:
    write_workspace(tmp_path, web, ["acme"], "")
    workspace = Workspace.open(tmp_path)
    assert notify(workspace, workspace.load_config()) == NotifyReport()
    assert not (tmp_path / ".tracker" / "notify").exists()
