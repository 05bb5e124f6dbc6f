"""No server-side request forgery, tested without a single packet to a non-loopback address:
host names resolve through a stubbed resolver to private, link-local or public addresses, and
any attempt to connect to a non-loopback address fails the test (and is never sent)."""

from __future__ import annotations

from pathlib import Path


from tests.support.net import Net
from tests.support.cli import assert_no_traceback, cli
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config


def _redirect(web: LocalServer, path: str, target: str) -> str:
    web.routes[path] = lambda h: h.reply(302, b"", headers={"Location": target})
    return web.url(path)


def test_redirects_never_lead_into_internal_addresses(tmp_path: Path, web: LocalServer,
                                                      net: Net) -> None:
    """A document at 127.0.0.1 (like the demo) may reach loopback, and nothing else that is
    not public: link-local cloud metadata, private, unspecified, IPv4-mapped forms."""
    net.names["metadata.test"] = ["169.254.169.254"]
    net.names["intranet.test"] = ["10.0.0.7"]
    port = web.port
    web.page("/ok", policy_page("Privacy Policy"))
    docs = [Doc("acme", "metadata", _redirect(web, "/m", "http://metadata.test/latest/meta-data/")),
            Doc("acme", "intranet", _redirect(web, "/i", f"http://intranet.test:{port}/x")),
            Doc("acme", "private-literal", _redirect(web, "/p", f"http://10.1.2.3:{port}/x")),
            Doc("acme", "mapped", _redirect(web, "/v6", "http://[::ffff:169.254.169.254]/x")),
            Doc("acme", "unspecified", _redirect(web, "/z", f"http://0.0.0.0:{port}/ok")),
            Doc("acme", "loopback", _redirect(web, "/l", f"http://localhost:{port}/ok"))]
    root = write_config(tmp_path / "ws", docs)
    result = cli(root, "track")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 5 and all("refusing to connect" in line for line in failed), failed
    assert "NEW      acme/loopback" in result.stdout
    assert net.attempts == []
    assert [s.path for s in web.seen if s.path in ("/x", "/ok")] == ["/ok"]


def test_a_public_name_resolving_or_rebinding_to_internal_is_refused(
        tmp_path: Path, web: LocalServer, net: Net) -> None:
    """Checked on the resolved and on the connected address, not only on the name: a name
    that resolves to a private address is never connected to, and one that answers a public
    address first and loopback next (DNS rebinding) is cut off before any request."""
    net.names["acme.test"] = ["10.1.2.3"]
    net.names["rebind.test"] = ["93.184.216.34", "127.0.0.1"]
    web.page("/p", policy_page("Privacy Policy"))
    root = write_config(tmp_path / "ws", [
        Doc("acme", "privacy-policy", f"http://acme.test:{web.port}/p"),
        Doc("rebind", "privacy-policy", f"http://rebind.test:{web.port}/p")])
    result = cli(root, "track")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 2 and all("refusing to connect" in line for line in failed), failed
    assert net.attempts == []
    assert web.seen == []   # the rebinding connection was shut before a request was sent


def test_redirects_to_javascript_and_data_urls_are_one_failed_line(
        tmp_path: Path, web: LocalServer) -> None:
    root = write_config(tmp_path / "ws", [
        Doc("acme", "js", _redirect(web, "/js", "javascript:alert(document.cookie)")),
        Doc("acme", "data", _redirect(web, "/data", "data:text/html,<script>alert(1)</script>")),
        Doc("acme", "vb", _redirect(web, "/vb", "vbscript:msgbox(1)"))])
    result = cli(root, "track")
    assert_no_traceback(result.output)
    assert result.exit_code == 1, result.output
    failed = [line for line in result.stderr.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 3, result.stderr
    assert all("redirects to" in line and "unexpected" not in line for line in failed), failed
    assert len(result.stderr.strip().splitlines()) == 3
