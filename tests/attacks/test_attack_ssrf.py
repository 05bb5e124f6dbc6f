"""No server-side request forgery, tested without a single packet to a non-loopback address:
host names resolve through a stubbed resolver to private, link-local or public addresses, and
any attempt to connect to a non-loopback address fails the test (and is never sent)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from faultkit import Doc, LocalServer, assert_no_traceback, cli, policy_page, write_config


class Net:
    """The stubbed resolver and the connect guard."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {}
        self.attempts: list[str] = []
        self.lookups: dict[str, int] = {}


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> Iterator[Net]:
    state = Net()
    real_getaddrinfo = socket.getaddrinfo
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name in state.names:
            n = state.lookups[name] = state.lookups.get(name, 0) + 1
            answers = state.names[name]
            ip = answers[min(n, len(answers)) - 1]   # a rebinding name answers differently
            family = socket.AF_INET6 if ":" in ip else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (ip, port or 0))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def allowed(address) -> bool:
        ip = ipaddress.ip_address(str(address[0]).split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return ip.is_loopback

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not allowed(address):
            state.attempts.append(str(address[0]))
            raise OSError(101, "Network is unreachable (blocked by the test)")
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not allowed(address):
            state.attempts.append(str(address[0]))
            return 101
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield state


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
