"""Attacks on the run's bounds: nothing a hostile server, archive, file or argument does may
make a run spin or hang while it holds the workspace lock."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.support.cli import assert_no_traceback, run_tracker
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config


@pytest.mark.slow
def test_absurd_shard_count_is_a_usage_error_not_a_spin(tmp_path: Path, web: LocalServer) -> None:
    """`--shard 1/10**12` used to score every company a trillion times (a run that never
    ends while holding the lock); it is refused at once with exit 2."""
    url = web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", url)])
    for value in ("1/1000000000000", "1/1001", "1/" + "9" * 5000, "1/²"):
        try:
            proc = run_tracker(root, "track", "--shard", value, timeout=30)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"--shard {value[:20]} spun for 30 s") from None
        assert proc.returncode == 2, (value[:20], proc.stderr)
        assert "--shard" in proc.stderr
        assert_no_traceback(proc.stdout, proc.stderr)
    assert web.seen == []
    assert run_tracker(root, "track", "--shard", "1/1000").returncode == 0


def _big_policy(seed: int, sections: int = 60) -> bytes:
    """A long policy (~60 KB) whose headings all change between seeds: the detector's
    expensive case (every section renamed)."""
    import random

    rng = random.Random(seed)
    words = ("data personal share collect retain partners services account cookies rights "
             "process law request delete access third parties advertising security").split()
    body = []
    for i in range(sections):
        heading = " ".join(rng.choice(words) for _ in range(4)).title()
        para = " ".join(rng.choice(words) for _ in range(120))
        body.append(f"<h2>{heading} {i}</h2><p>{para}.</p>")
    return ("<!doctype html><html><head><meta charset='utf-8'><title>P</title></head><body>"
            "<main><h1>Privacy Policy</h1>" + "".join(body) + "</main></body></html>").encode()


def test_change_reports_computed_during_track_are_bounded_in_time(
        tmp_path: Path, web: LocalServer, monkeypatch) -> None:
    """A pair the detector needs long for no longer holds the lock inside `track`: reports
    are computed in a child process killed when the budget is spent; `build` computes what
    is left."""
    import json as _json

    from tests.support.cli import cli
    from tracker.tracking import reports

    monkeypatch.setattr(reports, "REPORT_BUDGET", 0.3)
    web.page("/p", _big_policy(1))
    root = write_config(tmp_path / "ws", [Doc("acme", "privacy-policy", web.url("/p"))],
                        fetch={"max_shrink": 1.0})
    assert cli(root, "track").exit_code == 0
    web.page("/p", _big_policy(2))
    result = cli(root, "track", "--stats")
    assert result.exit_code == 0, result.output
    assert "CHANGED  acme/privacy-policy" in result.stdout
    stats = _json.loads(result.stderr.strip().splitlines()[-1])
    assert stats["phases"]["detect"] < 0.3 + 2.0, stats    # the budget, plus forking
    cache = root / ".tracker" / "cache" / "reports"
    assert not list(cache.glob("*.json")) if cache.exists() else True  # deferred to build
    assert cli(root, "build").exit_code == 0
    assert len(list(cache.glob("*.json"))) == 1


def test_file_documents_never_block_on_fifos_or_devices(tmp_path: Path) -> None:
    """`file://` documents (opt-in) that name a FIFO with no writer, a device or a directory
    fail at once with one line each; a regular file beside them is recorded."""
    import os

    fifo = tmp_path / "policy.fifo"
    os.mkfifo(fifo)
    good = tmp_path / "policy.html"
    good.write_bytes(policy_page("Privacy Policy"))
    link = tmp_path / "link-to-fifo.html"
    link.symlink_to(fifo)
    docs = [Doc("acme", "fifo", fifo.as_uri()), Doc("acme", "zero", "file:///dev/zero"),
            Doc("acme", "tty", "file:///dev/tty"), Doc("acme", "dir", tmp_path.as_uri()),
            Doc("acme", "link", link.as_uri()), Doc("acme", "privacy-policy", good.as_uri())]
    root = write_config(tmp_path / "ws", docs, fetch={"allow_file_urls": True})
    try:
        proc = run_tracker(root, "track", timeout=60)
    except subprocess.TimeoutExpired:
        raise AssertionError("a file:// document blocked the run") from None
    assert_no_traceback(proc.stdout, proc.stderr)
    assert proc.returncode == 1, proc.stderr
    failed = [line for line in proc.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 5 and all("not a regular file" in line for line in failed), failed
    assert "NEW      acme/privacy-policy" in proc.stdout


def test_max_time_bounds_a_documents_attempts_together(tmp_path: Path, web: LocalServer) -> None:
    """A page that drips one byte a second used to be retried after each max_time cut-off
    (3 x max_time plus backoff with retries = 2); max_time now bounds all attempts of the
    document in a run: one cut-off, no retry that could not finish anyway."""
    import time

    from tests.support.cli import cli

    def drip(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(60):
            h.wfile.write(b"<")
            h.wfile.flush()
            time.sleep(1)

    web.routes["/drip"] = drip
    web.page("/ok", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("slow", "privacy-policy", web.url("/drip")),
                                          Doc("fine", "privacy-policy", web.url("/ok"))],
                        fetch={"max_time": 3, "timeout": 2, "retries": 3,
                               "retry_backoff": 0.2})
    result = cli(root, "track")
    assert result.exit_code == 1, result.output
    assert "FAILED   slow/privacy-policy" in result.stderr and "3 s" in result.stderr
    assert "NEW      fine/privacy-policy" in result.stdout
    # One attempt used the whole max_time: no retry (before: 4 attempts, over 12 s).
    assert len(web.requests_to("/drip")) == 1, web.seen
    assert "max_time of 3 s spent" in result.stderr


def _hostile_pdf(pages: int = 300, ops: int = 5000) -> bytes:
    """A small PDF whose pages all share one big content stream: pypdf parses the stream
    again for every page (about 1 s each here, minutes for the whole file)."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"".join(b"BT /F1 9 Tf %d %d Td (We collect your data %d) Tj ET\n"
                             % (i % 500, i % 700, i) for i in range(ops)))
    content = writer._add_object(stream.flate_encode())
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    resources = DictionaryObject({NameObject("/Font"): DictionaryObject(
        {NameObject("/F1"): font})})
    for _ in range(pages):
        page = writer.add_blank_page(612, 792)
        page[NameObject("/Contents")] = content
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_extraction_is_bounded_in_time(tmp_path: Path, web: LocalServer,
                                           monkeypatch) -> None:
    """A ~50 KB PDF that would keep pypdf busy for minutes fails that document with one line
    once the extraction deadline passes (a killed child process); the others are recorded."""
    import time

    from tests.support.cli import cli
    from tracker.extract import pdf

    monkeypatch.setattr(pdf, "PDF_TIME_LIMIT", 2.0)
    body = _hostile_pdf()
    assert len(body) < 200_000
    web.page("/terms.pdf", body, content_type="application/pdf")
    web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [Doc("acme", "terms", web.url("/terms.pdf")),
                                          Doc("acme", "privacy-policy", web.url("/p"))])
    started = time.monotonic()
    result = cli(root, "track")
    assert time.monotonic() - started < 30
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    assert "NEW      acme/privacy-policy" in result.stdout
    assert result.stderr.strip().splitlines() == [
        f"FAILED   acme/terms: PDF from {web.url('/terms.pdf')} took over 2 s to extract; "
        "giving up on it this run"]
