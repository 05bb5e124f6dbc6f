"""The CLI explains itself (issue 16): messages of diff, import, list, add, log, backfill,
reextract and accept; examples at the end of every --help. CliRunner for most, real
`python -m tracker` subprocesses where the exit code and streams matter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tracker.cli.main import main
from tracker.models import document_type_title

from tests.support.workspace import POLICY_SECTIONS, make_workspace, policy_html

POLICY = "\n\n".join(f"## {h}\n\n{p}" for h, p in POLICY_SECTIONS) + "\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def tracker(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300, env=dict(os.environ))


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True).stdout


def _history(tmp_path: Path) -> Path:
    """A workspace whose acme/privacy-policy has four versions, two on 2021-06-01."""
    ws = tmp_path / "ws"
    assert run("init", str(ws)).exit_code == 0
    src = tmp_path / "src" / "acme"
    src.mkdir(parents=True)
    (src / "2021-05-01.md").write_text(POLICY)
    (src / "2021-06-01T080000.md").write_text(POLICY.replace("30 days", "90 days"))
    (src / "2021-06-01T170500.md").write_text(POLICY.replace("30 days", "1 year"))
    (src / "2021-07-01.md").write_text(POLICY.replace("30 days", "1 year")
                                       .replace("We do not sell", "We sell"))
    result = run("-w", str(ws), "import", str(tmp_path / "src"))
    assert result.exit_code == 0, result.output
    return ws


# --------------------------------------------------------------------------- diff

def test_diff_of_files_says_file_not_found_and_refuses_binary(tmp_path):
    good = tmp_path / "old.md"
    good.write_text(POLICY)
    result = run("diff", str(good), str(tmp_path / "new.md"))
    assert result.exit_code == 2
    assert result.output == f"Error: file not found: {tmp_path / 'new.md'}\n"
    binary = tmp_path / "new.pdf"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01\x02binary")
    result = run("diff", str(good), str(binary))
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "is a binary file" in result.output


def test_diff_revisions_as_log_shows_them(tmp_path):
    ws = _history(tmp_path)
    log = run("-w", str(ws), "log", "acme").output.splitlines()
    assert [line[:16] for line in log] == ["2021-07-01 00:00", "2021-06-01 17:05",
                                           "2021-06-01 08:00", "2021-05-01 00:00"]
    commits = [line.split()[2] for line in log]

    def diff_json(*revs: str) -> str:
        result = run("-w", str(ws), "diff", "acme", *revs, "--format", "json")
        assert result.exit_code == 0, result.output
        return result.output

    by_commit = diff_json(commits[3][:7], commits[0][:8])
    assert diff_json("2021-05-01", "2021-07-01") == by_commit
    assert diff_json("2021-05-01", "HEAD") == by_commit
    assert diff_json("HEAD~3") == by_commit
    assert diff_json("2021-05-01 00:00", "HEAD") == by_commit
    assert diff_json("2021-06-01T08:00", "HEAD~1") == diff_json(commits[2][:6], commits[1])
    assert diff_json("HEAD^") == diff_json()            # the last change, both ways


def test_bad_revisions_are_usage_errors_in_our_words(tmp_path):
    ws = _history(tmp_path)
    for rev, words in (("2021-06-01", 'several versions'.replace("several", "2") +
                        ' of acme/privacy-policy were captured on 2021-06-01; give the date '
                        'and time: "2021-06-01 17:05", "2021-06-01 08:00"'),
                       ("2020-01-01", "no version of acme/privacy-policy was captured on "
                        "2020-01-01 (versions: 2021-07-01, 2021-06-01, 2021-06-01, "
                        "2021-05-01)"),
                       ("HEAD~9", "HEAD~9: acme/privacy-policy has only 4 version(s), so "
                        "HEAD~3 is the oldest"),
                       ("deadbeef", "no version of acme/privacy-policy has a commit starting "
                        "with 'deadbeef' (see `tracker log`)"),
                       ("yesterday", "bad revision 'yesterday' for acme/privacy-policy")):
        result = tracker("-w", str(ws), "diff", "acme", rev)
        assert result.returncode == 2, (rev, result.stderr)
        assert result.stdout == ""
        assert result.stderr.startswith(f"Error: {words}"), (rev, result.stderr)
        assert "Traceback" not in result.stderr and "git" not in result.stderr.lower()


# --------------------------------------------------------------------------- import / list

def test_import_names_ignored_files_and_rebuilt_histories(tmp_path):
    ws = tmp_path / "ws"
    run("init", str(ws))
    newer = tmp_path / "newer" / "acme"
    newer.mkdir(parents=True)
    (newer / "2022-01-01.md").write_text(POLICY)
    (newer / "notes.txt").write_text("not a snapshot")
    (tmp_path / "newer" / "README.md").write_text("about this archive")
    result = tracker("-w", str(ws), "import", str(tmp_path / "newer"))
    assert result.returncode == 0, result.stderr
    assert (f"IGNORED  {newer / 'notes.txt'}: not named <YYYY-MM-DD>[THHMMSS]."
            "<md|txt|html|pdf>") in result.stdout.splitlines()
    assert (f"IGNORED  {tmp_path / 'newer' / 'README.md'}: neither a company directory nor "
            "a file starting with an archive-date header") in result.stdout.splitlines()
    assert "rebuilt" not in result.stdout
    first = git(ws / "snapshots" / "acme", "rev-parse", "HEAD").strip()
    older = tmp_path / "older" / "acme"
    older.mkdir(parents=True)
    (older / "2020-01-01.md").write_text(POLICY.replace("30 days", "2 years"))
    result = tracker("-w", str(ws), "import", str(tmp_path / "older"))
    assert result.returncode == 0, result.stderr
    assert ("rebuilt history of acme/privacy-policy in date order, 1 existing versions kept "
            "(commit ids after the first inserted version changed)") in result.stdout
    assert git(ws / "snapshots" / "acme", "rev-parse", "HEAD").strip() != first
    # acme is in no tracker.toml, yet it is listed (as the site and `log` show it)
    listing = tracker("-w", str(ws), "list")
    assert listing.returncode == 0
    row = [line for line in listing.stdout.splitlines() if line.startswith("acme/")]
    assert len(row) == 1 and row[0].split()[1] == "2"
    assert row[0].endswith("not in tracker.toml")
    status = tracker("-w", str(ws), "status")
    assert status.stdout == "0 documents, 0 failing.\n"


def test_import_help_lists_the_formats():
    text = run("import", "--help").output
    for words in ("<company>/<YYYY-MM-DD>[THHMMSS].<ext>", "<company>/<document-type>/",
                  "archive-date header", "md, markdown, txt, html, htm or pdf"):
        assert words in text


# --------------------------------------------------------------------------- add / log / backfill

def test_add_explains_what_it_ignored_and_suggests_type(tmp_path):
    ws = tmp_path / "ws"
    run("init", str(ws))
    assert run("-w", str(ws), "add", "acme", "https://acme.example/privacy").exit_code == 0
    again = run("-w", str(ws), "add", "acme", "https://acme.example/p2")
    assert again.exit_code == 2
    assert ("acme already has a privacy-policy document (https://acme.example/privacy); to "
            "track another document, give its type, e.g. `tracker add acme URL --type "
            "terms-of-service`") in again.output
    more = run("-w", str(ws), "add", "acme", "https://acme.example/terms", "--type",
               "terms-of-service", "--name", "ACME", "--homepage", "https://acme.example")
    assert more.exit_code == 0, more.output
    assert more.output.splitlines() == [
        "Added acme/terms-of-service: https://acme.example/terms",
        "Note: acme already exists (Acme), so --name and --homepage were ignored; edit "
        "tracker.toml to change the company's details."]
    assert "ACME" not in (ws / "tracker.toml").read_text()


def test_log_n_below_one_and_unknown_backfill_company_are_usage_errors(tmp_path):
    ws = _history(tmp_path)
    for n in ("0", "-1"):
        result = run("-w", str(ws), "log", "acme", "-n", n)
        assert result.exit_code == 2 and "x>=1" in result.output
    assert len(run("-w", str(ws), "log", "acme", "-n", "1").output.splitlines()) == 1
    run("-w", str(ws), "add", "globex", "https://globex.example/privacy")
    result = tracker("-w", str(ws), "backfill", "nobody")
    assert result.returncode == 2
    assert result.stderr == "Error: unknown company 'nobody' (configured: globex)\n"


# --------------------------------------------------------------------------- reextract / titles

def test_reextract_says_what_it_did(tmp_path):
    ws = _history(tmp_path)
    run("-w", str(ws), "add", "globex", "https://globex.example/privacy")
    config = ws / "tracker.toml"
    config.write_text(config.read_text() + '\n[[companies]]\nslug = "acme"\nname = "Acme"\n'
                      '[[companies.documents]]\ntype = "privacy-policy"\n'
                      'url = "https://acme.example/privacy"\n')
    result = tracker("-w", str(ws), "reextract")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "SKIPPED     globex/privacy-policy: nothing recorded yet",
        "UNCHANGED   acme/privacy-policy: the stored snapshot gives the same text",
        "2 documents: 0 re-extracted (technical commits), 1 unchanged, 1 skipped, 0 failed."]


def test_document_type_titles_read_as_people_write_them():
    assert document_type_title("terms-of-service") == "Terms of Service"
    assert document_type_title("privacy-policy") == "Privacy Policy"
    assert document_type_title("terms-of-use") == "Terms of Use"
    assert document_type_title("eula") == "EULA"
    assert document_type_title("cookie_policy") == "Cookie Policy"


# --------------------------------------------------------------------------- help

def test_every_help_ends_with_an_example():
    def ending(args: list[str]) -> list[str]:
        text = run(*args, "--help").output.rstrip("\n").split("\n\n")[-1]
        return text.splitlines()

    commands = [[]] + [[name] for name in main.commands]
    assert len(commands) > 10
    for args in commands:
        last = ending(args)
        assert last[0].strip() in ("Example:", "Examples:"), (args, last)
        assert all(line.strip().startswith("tracker") or "tracker" in line
                   for line in last[1:]), (args, last)
        if args:
            assert any(args[0] in line for line in last[1:]) or args == ["run"], (args, last)


# --------------------------------------------------------------------------- accept

def test_accept_records_a_refused_capture_with_its_reason(tmp_path, web):
    workspace = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/p")]})
    web.html("/p", "Privacy Policy", policy_html())
    args = ["-w", str(workspace.root)]
    assert run(*args, "track").exit_code == 0
    web.html("/p", "Privacy Policy", policy_html(POLICY_SECTIONS[:1]))
    refused = tracker(*args, "track")
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("FAILED   acme/privacy-policy: extracted text shrank "
                                     "from ")
    assert ("(more than 50%: [fetch] max_shrink = 0.5; a document can set its own max_shrink);"
            " keeping the last good version. If the page really shrank, record it with "
            "`tracker accept acme --type privacy-policy`") in refused.stderr
    repo = workspace.root / "snapshots" / "acme"
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "1"
    accepted = tracker(*args, "accept", "acme")
    assert accepted.returncode == 0, accepted.stderr
    assert accepted.stdout.startswith("ACCEPTED acme/privacy-policy [")
    assert git(repo, "rev-list", "--count", "HEAD").strip() == "2"
    note = git(repo, "log", "-1", "--format=%(trailers:key=Note,valueonly)").strip()
    assert note.startswith("accepted by the operator after track refused it: extracted "
                           "text shrank from ")
    subprocess.run(["git", "-C", str(repo), "fsck", "--strict"], check=True,
                   capture_output=True)
    assert tracker(*args, "status").stdout == "1 documents, 0 failing.\n"
    again = tracker(*args, "accept", "acme", "--type", "privacy-policy")
    assert again.returncode == 2 and "nothing to accept for acme/privacy-policy" in again.stderr
    assert run(*args, "track").output == ""           # the accepted text is now the baseline


def test_a_document_max_shrink_is_named_in_the_message(tmp_path, web):
    workspace = make_workspace(tmp_path / "ws", web, {"acme": [("privacy-policy", "/p")]})
    config = workspace.config_path
    config.write_text(config.read_text().replace('type = "privacy-policy"',
                                                 'type = "privacy-policy"\nmax_shrink = 0.2'))
    web.html("/p", "Privacy Policy", policy_html())
    assert run("-w", str(workspace.root), "track").exit_code == 0
    web.html("/p", "Privacy Policy", policy_html(POLICY_SECTIONS[:2]))
    result = run("-w", str(workspace.root), "track")
    assert result.exit_code == 1
    assert "(more than 20%: this document's max_shrink = 0.2)" in result.output
