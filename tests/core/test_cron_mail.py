"""What cron mails an operator over a week of hourly `tracker track` runs: only news.

A local site on 127.0.0.1 plays two companies; the clock is injected (no sleeping): 168
runs an hour apart. One page is broken for two days, one gets a cosmetic edit and later a
real change. Every line printed is asserted, and every run that printed nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from tracker.changes import compare
from tracker.cli.main import main
from tracker.storage.history import company_repo
from tracker.workspace import Workspace

from tests.support.workspace import POLICY_SECTIONS, make_workspace, policy_html

T0 = datetime(2026, 3, 2, 0, 17, tzinfo=timezone.utc)   # a Monday, cron minute 17
STAMP = "<p>Last updated: March 1, 2026</p>"
TERMS = [("Using the service", "You must be 16 or older to use the service. You may not "
          "resell access to it."),
         ("Termination", "We may close accounts that break these terms after a warning.")]


def _publish(web, *, acme_stamp: str = STAMP, acme_sections=POLICY_SECTIONS,
             globex_broken: bool = False) -> None:
    web.html("/privacy", "Privacy Policy", acme_stamp + policy_html(acme_sections))
    if globex_broken:
        web.html("/terms", "Server error", "<p>Internal error</p>", status=500)
    else:
        web.html("/terms", "Terms of Service", policy_html(TERMS))


SHARING_CHANGE = [(h, "We share precise location with advertising partners and data "
                   "brokers, who may sell it." if h == "Sharing" else p)
                  for h, p in POLICY_SECTIONS]


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_week_of_hourly_runs_mails_only_news(tmp_path, web):
    workspace = make_workspace(tmp_path / "ws", web, {
        "acme": [("privacy-policy", "/privacy")], "globex": [("terms-of-service", "/terms")]})
    now = [T0]
    runner = CliRunner()
    printed: dict[int, tuple[str, str, int]] = {}
    broken = range(48, 96)            # hours: Wednesday 00:17 to Friday 00:17
    for hour in range(7 * 24):
        now[0] = T0 + timedelta(hours=hour)
        stamp = "<p>Last updated: March 3, 2026</p>" if hour >= 29 else STAMP
        _publish(web, acme_stamp=stamp, globex_broken=hour in broken,
                 acme_sections=SHARING_CHANGE if hour >= 130 else POLICY_SECTIONS)
        result = runner.invoke(main, ["-w", str(workspace.root), "track"],
                               obj={"clock": lambda: now[0]})
        if hour == 60:   # quiet in the mail, but `tracker status` always lists it
            status = runner.invoke(main, ["-w", str(workspace.root), "status"])
            assert status.exit_code == 1
            assert status.stdout == (
                "2 documents, 1 failing.\nFAILING  globex/terms-of-service: 13 consecutive "
                f"failure(s) since 2026-03-04 00:17; last error: HTTP 500 Internal Server "
                f"Error from {web.url('/terms')}\n")
        if result.stdout or result.stderr:
            printed[hour] = (result.stdout, result.stderr, result.exit_code)
        else:
            assert result.exit_code == (1 if hour in broken else 0), (hour, result.output)

    error = f"HTTP 500 Internal Server Error from {web.url('/terms')}"
    acme = company_repo(Workspace.open(workspace.root), "acme")
    versions = acme.versions("privacy-policy")
    assert len(versions) == 3                     # first, cosmetic (recorded), substantive
    cosmetic = compare(acme.text_at(versions[2].commit, "privacy-policy"),
                       acme.text_at(versions[1].commit, "privacy-policy"))
    assert cosmetic.verdict == "cosmetic"
    real = compare(acme.text_at(versions[1].commit, "privacy-policy"),
                   acme.text_at(versions[0].commit, "privacy-policy"))
    assert real.verdict == "substantive"
    expected = {
        0: ("NEW      acme/privacy-policy: first version recorded "
            f"({acme.versions('privacy-policy')[2].commit[:10]})\n"
            f"NEW      globex/terms-of-service: first version recorded "
            f"({company_repo(workspace, 'globex').versions('terms-of-service')[0].commit[:10]})"
            "\n", "", 0),
        48: ("", f"FAILED   globex/terms-of-service: {error}\n", 1),
        50: ("", f"FAILED   globex/terms-of-service: {error} "
                 "(failing for 3 runs since 2026-03-04 00:17)\n", 1),
        74: ("", f"FAILED   globex/terms-of-service: {error} "
                 "(still failing: 27 runs since 2026-03-04 00:17)\n", 1),
        96: ("RECOVERED globex/terms-of-service: recovered after 48 failed run(s) since "
             "2026-03-04 00:17\n", "", 0),
        130: (f"CHANGED  acme/privacy-policy [substantive] {real.headline}\n", "", 0),
    }
    assert printed == expected
    # the broken document is listed by `status` on every run in between, mailed or not
    status = runner.invoke(main, ["-w", str(workspace.root), "status"])
    assert status.exit_code == 0 and status.stdout == "2 documents, 0 failing.\n"


def test_cosmetic_changes_are_recorded_and_printed_only_on_request(tmp_path, web):
    workspace = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/privacy")]})
    runner = CliRunner()
    args = ["-w", str(workspace.root), "track"]
    _publish(web)
    assert runner.invoke(main, args).exit_code == 0
    _publish(web, acme_stamp="<p>Last updated: March 3, 2026</p>")
    quiet = runner.invoke(main, args)
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    assert len(company_repo(workspace, "acme").versions("privacy-policy")) == 2
    _publish(web, acme_stamp="<p>Last updated: March 4, 2026</p>")
    shown = runner.invoke(main, args + ["--show-cosmetic"])
    assert shown.stdout.startswith("CHANGED  acme/privacy-policy [cosmetic] ")
    config = workspace.config_path
    config.write_text(config.read_text().replace("[site]\n", "[site]\nshow_cosmetic = true\n"))
    _publish(web, acme_stamp="<p>Last updated: March 5, 2026</p>")
    shown = runner.invoke(main, args)
    assert shown.stdout.startswith("CHANGED  acme/privacy-policy [cosmetic] "), shown.output


def test_failure_news_rules_and_state_compatibility(tmp_path):
    from tracker.state import StateStore

    path = tmp_path / "state.json"
    # a state file written before `last_reported` existed: 5 failures already counted
    path.write_text('{"version": 1, "documents": {"acme/privacy-policy": {'
                    '"consecutive_failures": 5, "first_failure": "2026-03-01T00:00:00+00:00",'
                    ' "last_error": "HTTP 500", "alerted": true}}, "events": []}\n')
    store = StateStore(path, failure_threshold=3).load()
    news = [store.record_failure("acme", "privacy-policy", T0 + timedelta(hours=h), "HTTP 500")
            for h in range(26)]
    assert news[0] == "still failing: 6 runs since 2026-03-01 00:00"   # once, then daily
    assert [i for i, n in enumerate(news) if n is not None] == [0, 24]
    store.save()
    again = StateStore(path, failure_threshold=3).load()
    assert again.doc("acme", "privacy-policy").last_reported == T0 + timedelta(hours=24)
    assert again.record_success("acme", "privacy-policy", T0 + timedelta(hours=30),
                                changed=False) == \
        "recovered after 31 failed run(s) since 2026-03-01 00:00"
    assert again.doc("acme", "privacy-policy").last_reported is None
    every_run = StateStore(tmp_path / "other.json", failure_threshold=3, failure_reminder=None)
    assert [every_run.record_failure("a", "b", T0 + timedelta(hours=h), "x")
            for h in range(4)] == ["", "still failing: 2 runs since 2026-03-02 00:17",
                                   "failing for 3 runs since 2026-03-02 00:17",
                                   "still failing: 4 runs since 2026-03-02 00:17"]
