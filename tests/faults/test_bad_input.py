"""Bad input at the user level: corrupted or hand-edited repositories, broken workspaces,
names that try to escape the workspace or pass as git options, URLs of other schemes, fuzzed
configs. Every case is a clear one-line error naming what is wrong, never a traceback."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.properties import examples
from tests.support.cli import assert_no_traceback, cli
from tests.support.git import doc_log, fsck, git
from tests.support.workspace import Doc, policy_page, write_config

pytestmark = pytest.mark.timeout(60)

USER = ["-c", "user.name=Operator", "-c", "user.email=op@example.org"]


# --------------------------------------------------------------------------- corrupted repos

def _garbage_head(repo: Path) -> None:
    (repo / ".git/HEAD").write_text("garbage\n")


def _lose_object(rev: str) -> Callable[[Path], None]:
    def corrupt(repo: Path) -> None:
        sha = git(repo, "rev-parse", rev).strip()
        (repo / ".git/objects" / sha[:2] / sha[2:]).unlink()
    return corrupt


def _file_instead_of_repo(repo: Path) -> None:
    shutil.rmtree(repo)
    repo.write_text("not a repository\n")


CORRUPTIONS = {
    "garbage-in-HEAD": (_garbage_head, "not a usable git repository"),
    "deleted-blob": (_lose_object("HEAD:privacy-policy.md"), "cannot read object|unable to read"),
    "deleted-commit": (_lose_object("HEAD"), "corrupted repository: HEAD commit"),
    "file-instead-of-repository": (_file_instead_of_repo, "cannot create repository"),
}


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_corrupted_repository_fails_that_company_only(tracked: Path, name: str) -> None:
    corrupt, words = CORRUPTIONS[name]
    acme = tracked / "snapshots/acme"
    corrupt(acme)
    result = cli(tracked, "track")
    assert result.exit_code == 1, result.output
    assert_no_traceback(result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"FAILED   acme/privacy-policy: {acme}")
    assert re.search(words, result.stderr), result.stderr
    assert result.stdout.startswith("CHANGED  globex/privacy-policy [")
    assert len(doc_log(tracked / "snapshots/globex", "privacy-policy")) == 2

    status = cli(tracked, "status")
    assert status.exit_code == 1 and "FAILING  acme/privacy-policy" in status.stdout
    if name != "file-instead-of-repository":  # (then acme simply has no repository)
        log = cli(tracked, "log", "acme")
        assert log.exit_code == 3 and log.stdout == ""
        assert log.stderr.startswith(f"Error: {acme}") and log.stderr.count("\n") == 1
    build = cli(tracked, "build")  # the other companies are still published
    assert_no_traceback(build.stderr)
    assert (tracked / "public/companies/globex/index.html").is_file()
    if name != "file-instead-of-repository":  # (else acme simply has nothing recorded)
        assert build.exit_code == 1, build.output
        said = [line for line in build.stderr.splitlines()   # (besides the base_url reminder)
                if not line.startswith("Warning: feeds were built without base_url")]
        assert len(said) == 1 and f"cannot publish acme: {acme}" in said[0], build.stderr
        assert cli(tracked, "run", "globex").exit_code == 1  # cron sees it on every run
    else:
        assert build.exit_code == 0, build.output


def _commit_unrelated_file(repo: Path) -> None:
    (repo / "NOTES.txt").write_text("Checked by legal on 2024-05-01.\n")
    git(repo, "add", "NOTES.txt")
    git(repo, *USER, "commit", "-q", "-m", "Add legal notes")


def _commit_hand_edit(repo: Path) -> None:
    policy = repo / "privacy-policy.md"
    policy.write_text(policy.read_text("utf-8") + "\nEdited by hand.\n", encoding="utf-8")
    git(repo, *USER, "commit", "-q", "-a", "-m", "Fix a typo by hand")


def _uncommitted_hand_edit(repo: Path) -> None:
    policy = repo / "privacy-policy.md"
    policy.write_text("Scribbled over.\n", encoding="utf-8")


@pytest.mark.parametrize("edit", [_commit_unrelated_file, _commit_hand_edit,
                                  _uncommitted_hand_edit])
def test_hand_edited_repository_keeps_working_without_rewriting_history(
        tracked: Path, edit: Callable[[Path], None]) -> None:
    acme = tracked / "snapshots/acme"
    edit(acme)
    before = git(acme, "rev-parse", "HEAD").strip()
    result = cli(tracked, "track")
    assert result.exit_code == 0, result.output
    assert "CHANGED  acme/privacy-policy" in result.stdout
    # the operator's commits stay in history: recorded on top, never rewritten
    git(acme, "merge-base", "--is-ancestor", before, "HEAD")
    assert "revision 2 of the Acme" in git(acme, "show", "HEAD:privacy-policy.md")
    assert (acme / "privacy-policy.md").read_text("utf-8") == git(acme, "show",
                                                                   "HEAD:privacy-policy.md")
    if edit is _commit_unrelated_file:
        assert git(acme, "show", "HEAD:NOTES.txt") == "Checked by legal on 2024-05-01.\n"
    assert git(acme, "status", "--porcelain") == ""
    fsck(acme)
    assert cli(tracked, "log", "acme").exit_code == 0


# --------------------------------------------------------------------------- broken workspaces

def _no_workspace(root: Path) -> tuple[int, str]:
    shutil.rmtree(root)
    return 3, f"Error: workspace directory {root} does not exist"


def _no_config(root: Path) -> tuple[int, str]:
    (root / "tracker.toml").unlink()
    return 3, f"Error: {root} is not a tracker workspace: no tracker.toml"


def _corrupt_state(root: Path) -> tuple[int, str]:
    (root / ".tracker/state.json").write_text('{"documents": {"acme/privacy-policy": [1, 2')
    return 3, f"Error: state file {root / '.tracker/state.json'} is unreadable"


def _workspace_is_a_file(root: Path) -> tuple[int, str]:
    shutil.rmtree(root)
    root.write_text("oops")
    return 2, "Usage: "  # click checks -w itself: a usage error


@pytest.mark.parametrize("breakage", [_no_workspace, _no_config, _corrupt_state,
                                      _workspace_is_a_file])
@pytest.mark.parametrize("command", ["track", "run", "build", "list", "status"])
def test_broken_workspace_is_a_clear_error(tracked: Path, breakage, command: str) -> None:
    code, expected = breakage(tracked)
    result = cli(tracked, command)
    if breakage is _corrupt_state and command == "build":  # no versions lost: publish anyway,
        assert result.exit_code == 1, result.output  # but say so (cron mails it), exit 1
        assert "publishing without fetch status" in result.stderr
        assert (tracked / "public/companies/acme/index.html").is_file()
        return
    assert result.exit_code == code, result.output
    assert_no_traceback(result.stdout, result.stderr)
    assert result.stderr.startswith(expected), result.stderr
    if code == 3:
        assert result.stderr.count("\n") == 1
    else:
        assert f"Directory '{tracked}' is a file" in result.stderr


# --------------------------------------------------------------------------- unsafe names

UNSAFE_NAMES = ["..", "../evil", "../../etc", "/etc/passwd", "--upload-pack=touch pwned",
                "-x", ".hidden", ".git", "a/b", "acme/../../evil", "evil\nname", "nul\0name",
                "x" * 65, "Acme", "acme.lock", "acme."]


@pytest.mark.parametrize("name", UNSAFE_NAMES)
@pytest.mark.parametrize("field", ["slug", "type"])
def test_unsafe_names_in_config_are_refused_before_any_work(tmp_path: Path, name: str,
                                                            field: str) -> None:
    root = tmp_path / "ws"
    doc = Doc("acme", "privacy-policy", "https://acme.example/privacy")
    if field == "slug":
        doc.company = name
    else:
        doc.doc_type = name
    write_config(root, [doc])
    result = cli(root, "track")
    assert result.exit_code == 2, result.output
    assert_no_traceback(result.stdout, result.stderr)
    key = "key 'slug'" if field == "slug" else "key 'documents[0].type'"
    assert result.stderr.startswith(f"Error: {root / 'tracker.toml'}: company ")
    assert key in result.stderr and "unsafe or invalid" in result.stderr
    assert sorted(p.name for p in root.iterdir()) == ["tracker.toml"]  # nothing written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gitconfig-global", "ws"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["ws"]


@pytest.mark.parametrize("args", [
    ["log", "../../etc"], ["log", "--type", "../x", "acme"], ["diff", "../acme"],
    ["diff", "--", "--upload-pack=touch pwned"], ["track", "--", "--upload-pack=touch pwned"],
    ["track", "../acme"], ["run", "-x"], ["backfill", "--", "../acme"], ["reextract", ".."],
    ["add", "--type", "../../x", "acme", "https://acme.example/terms"],
    ["add", "--type", "--upload-pack=x", "acme", "https://acme.example/terms"],
])
def test_unsafe_names_on_the_command_line_are_refused(tracked: Path, args: list[str]) -> None:
    config_before = (tracked / "tracker.toml").read_bytes()
    outside = sorted(p.name for p in tracked.parent.iterdir())
    result = cli(tracked, *args)
    assert result.exit_code == 2, result.output
    assert_no_traceback(result.stdout, result.stderr)
    assert result.stderr.count("\n") <= 4 and "Error" in result.stderr  # click usage: 4
    assert (tracked / "tracker.toml").read_bytes() == config_before
    assert sorted(p.name for p in (tracked / "snapshots").iterdir()) == ["acme", "globex"]
    assert sorted(p.name for p in tracked.parent.iterdir()) == outside
    assert not list(tracked.parent.rglob("pwned"))


def test_add_turns_a_hostile_company_name_into_a_safe_slug(tracked: Path) -> None:
    result = cli(tracked, "add", "--", "../../Evil Corp --upload-pack", "https://evil.example/p")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added evil-corp-upload-pack/privacy-policy")


def test_import_refuses_unsafe_directory_names(tmp_path: Path) -> None:
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", "https://a.example/p")])
    archive = tmp_path / "archive"
    text = "# Policy\n\nWe collect what we need.\n"
    bad = ["-x", "--upload-pack=touch pwned", ".git", ".hidden", "..evil", "a b", "x" * 65]
    for name in bad + ["acme"]:
        (archive / name).mkdir(parents=True)
        (archive / name / "2024-01-01.md").write_text(text)
    for name in ["--upload-pack=x", ".git", "a..b"]:  # unsafe document types
        (archive / "acme" / name).mkdir()
        (archive / "acme" / name / "2024-01-02.md").write_text(text)
    result = cli(root, "import", str(archive))
    assert result.exit_code == 1, result.output
    assert_no_traceback(result.stdout, result.stderr)
    errors = result.stderr.splitlines()
    assert len(errors) == len(bad) + 3, errors
    assert all(e.startswith("ERROR    ") and "unsafe" in e for e in errors)
    assert sorted(p.name for p in (root / "snapshots").iterdir()) == ["acme"]
    assert git(root / "snapshots/acme", "ls-tree", "-r", "--name-only", "HEAD").split() == [
        "privacy-policy.md", "raw/privacy-policy.md"]
    assert not list(tmp_path.rglob("pwned"))


# --------------------------------------------------------------------------- URL schemes

@pytest.mark.parametrize("url, words", [
    ("file:///etc/passwd", "file:// URLs are refused unless [fetch] allow_file_urls = true"),
    ("javascript:alert(1)", "scheme 'javascript' is not allowed"),
    ("data:text/html,<script>alert(1)</script>", "scheme 'data' is not allowed"),
    ("ftp://acme.example/privacy.txt", "scheme 'ftp' is not allowed"),
    ("gopher://acme.example/", "scheme 'gopher' is not allowed"),
    ("http:///privacy", "has no host name"),
    ("acme.example/privacy", "must start with http:// or https://"),
    ("https://acme.example/pri vacy", "must not contain spaces or control characters"),
])
def test_only_http_and_https_urls_are_accepted(tmp_path: Path, url: str, words: str) -> None:
    root = tmp_path / "ws"
    assert cli(root, "init").exit_code == 0  # -w ROOT init creates it
    before = (root / "tracker.toml").read_bytes()
    added = cli(root, "add", "acme", url)
    assert added.exit_code == 2 and words in added.stderr, added.output
    assert (root / "tracker.toml").read_bytes() == before
    write_config(root, [Doc("acme", "privacy-policy", url)])
    tracked = cli(root, "track")
    assert tracked.exit_code == 2 and words in tracked.stderr, tracked.output
    assert "key 'documents[0].url'" in tracked.stderr
    assert not (root / "snapshots/acme").exists()


def test_file_urls_work_only_when_the_config_allows_them(tmp_path: Path) -> None:
    policy = tmp_path / "policy.html"
    policy.write_bytes(policy_page("Local Policy", 1))
    root = tmp_path / "ws"
    write_config(root, [Doc("acme", "privacy-policy", policy.as_uri())])
    assert cli(root, "track").exit_code == 2
    write_config(root, [Doc("acme", "privacy-policy", policy.as_uri())],
                 fetch={"allow_file_urls": True})
    result = cli(root, "track")
    assert result.exit_code == 0 and result.stdout.startswith("NEW      acme/privacy-policy")
    trailers = git(root / "snapshots/acme", "log", "-1", "--format=%(trailers:only,unfold)")
    assert f"Source-URL: {policy.as_uri()}" in trailers and "Fetcher: file" in trailers


# --------------------------------------------------------------------------- fuzzed configs

_hostile = st.sampled_from(["", "..", "../x", "-x", "--upload-pack=x", "file:///etc/passwd",
                            "javascript:alert(1)", "http://", "https://ok.example/p", "acme",
                            "a" * 70, "\0", "\u202e", "<script>", "[", "'", '"'])
_values = st.one_of(_hostile, st.text(max_size=12), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                    st.lists(_hostile, max_size=3))
_keys = st.sampled_from(["slug", "name", "homepage", "type", "url", "select", "remove",
                         "strip_params", "browser", "max_shrink", "title", "timeout", "retries",
                         "max_bytes", "allow_file_urls", "feed_items", "base_url", "bogus"])
_tables = st.dictionaries(_keys, _values, max_size=5)


@pytest.mark.slow
@settings(max_examples=examples(60), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(site=_tables, fetch=_tables,
       companies=st.lists(st.fixed_dictionaries({}, optional={
           "slug": _values, "name": _values, "homepage": _values,
           "documents": st.lists(_tables, max_size=2)}), max_size=3))
def test_fuzzed_config_through_the_cli_is_exit_2_or_works(tmp_path_factory, site, fetch,
                                                          companies) -> None:
    import tomlkit

    root = tmp_path_factory.mktemp("fuzz")
    data = {"site": site, "fetch": fetch, "companies": companies}
    try:
        text = tomlkit.dumps(data)
    except Exception:
        return  # not representable as TOML
    (root / "tracker.toml").write_text(text, encoding="utf-8")
    result = cli(root, "list")
    assert_no_traceback(result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ") and str(root / "tracker.toml") in result.stderr
    assert sorted(p.name for p in root.iterdir()) == ["tracker.toml"]
