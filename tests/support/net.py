"""A stubbed resolver and a connect guard: address checks tested without a packet to a
non-loopback address."""

from __future__ import annotations


class Net:
    """The stubbed resolver and the connect guard."""

    def __init__(self) -> None:
        self.names: dict[str, list[str]] = {}
        self.attempts: list[str] = []
        self.lookups: dict[str, int] = {}
