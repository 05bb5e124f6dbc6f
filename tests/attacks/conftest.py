"""Fixtures of the attack suite: the stubbed network of the SSRF tests, and the small
workspace the CLI fuzz test copies."""

from __future__ import annotations

import ipaddress
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli import cli
from tests.support.net import Net
from tests.support.web import LocalServer
from tests.support.workspace import Doc, policy_page, write_config


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

@pytest.fixture(scope="module")
def template() -> Iterator[tuple[Path, LocalServer, Path]]:
    """A workspace with two recorded versions of one document, and a directory of hostile
    paths (a file, a symlink loop, a link to /etc/passwd, import snapshots with a bad date)."""
    base = Path(tempfile.mkdtemp(prefix="attack-fuzz-"))
    with LocalServer() as web:
        web.page("/p", policy_page("Privacy Policy", 1))
        root = write_config(base / "ws", [Doc("acme", "privacy-policy", web.url("/p"))])
        with open(root / "tracker.toml", "a", encoding="utf-8") as fh:
            fh.write(f'\n[wayback]\nurl = "{web.url("")}"\nrequests_per_minute = 100000\n')
        assert cli(root, "track").exit_code == 0
        web.page("/p", policy_page("Privacy Policy", 2, "<p>We now sell data.</p>"))
        assert cli(root, "track").exit_code == 0
        paths = base / "paths"
        paths.mkdir()
        (paths / "file").write_text("a file\n")
        (paths / "loop").symlink_to(paths / "loop")
        (paths / "passwd").symlink_to("/etc/passwd")
        (paths / "snaps" / "acme").mkdir(parents=True)
        (paths / "snaps" / "acme" / "2020-01-01.txt").write_text("We collect data.\n")
        (paths / "snaps" / "acme" / "2020-13-01.txt").write_text("Bad date.\n")
        yield root, web, paths
    shutil.rmtree(base, ignore_errors=True)
