"""Where a fetch may connect: no server-side request forgery through redirects or DNS.

A document may only reach addresses of the kind its own configured URL names: a public URL
never leads (by a redirect, or by a name that resolves or rebinds to one) into loopback,
private, link-local (cloud metadata at 169.254.169.254 included), unspecified or other
non-global addresses. A document configured at such an address (the local demo, tests, an
intranet page configured by its address) may reach that one kind, and no other. Checked on
every hop twice: on the resolved addresses before connecting, and on the peer address of the
connected socket (a name that resolves differently the second time gains nothing).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from tracker.errors import FetchError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_kind(ip: Address) -> str | None:
    """None for a global (public) address, else the name of its non-public kind."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind, test in (("loopback", ip.is_loopback), ("unspecified", ip.is_unspecified),
                       ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                       ("private", ip.is_private)):
        if test:
            return kind
    return None if ip.is_global else "reserved"


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def allowed_kind(url: str) -> str | None:
    """The non-public kind of address a document configured at ``url`` may reach: the kind
    of its literal address, "loopback" for localhost names, None for any public name."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    ip = _literal(host)
    return address_kind(ip) if ip is not None else None


class AddressGuard:
    """Refuses connections to a kind of address the document may not reach (see module)."""

    def __init__(self, document_url: str) -> None:
        self.allowed = allowed_kind(document_url)

    def _check(self, host: str, ip_text: str) -> None:
        ip = _literal(ip_text)
        if ip is None:
            return
        kind = address_kind(ip)
        if kind is not None and kind != self.allowed:
            where = host if host == ip_text else f"{host} ({ip_text})"
            raise FetchError(f"refusing to connect to {where}: a {kind} address, and the "
                             "document's own URL is not one")

    def before_connect(self, host: str, port: int) -> None:
        """Check every address ``host`` resolves to, before any connection is made."""
        if _literal(host) is not None:
            self._check(host, host.strip("[]"))
            return
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError:
            return  # the connection attempt reports the DNS failure itself
        for info in infos:
            self._check(host, str(info[4][0]))

    def after_connect(self, host: str, sock: socket.socket) -> None:
        """Check the address actually connected to; shut the socket before refusing."""
        try:
            peer = str(sock.getpeername()[0])
        except OSError:
            return
        try:
            self._check(host, peer)
        except FetchError:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            raise
