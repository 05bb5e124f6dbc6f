"""Bounded body reading: a byte cap enforced while streaming, also on the decompressed size, so
a gzip bomb is stopped after max_bytes instead of being inflated."""

from __future__ import annotations

import zlib

import httpx

from tracker.errors import FetchError
from tracker.fetching.failures import network_error


class _BoundedDecoder:
    """Decompresses gzip/deflate without ever producing more than the caller allows."""

    def __init__(self, content_encoding: str, url: str) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise FetchError(f"unsupported Content-Encoding {content_encoding!r} from {url}")
        self.coding = codings[0] if codings else None
        self.url = url
        self._d = self._new()
        self._first = True

    def _new(self) -> "zlib._Decompress | None":
        return None if self.coding is None else self._decoder()

    def _decoder(self) -> "zlib._Decompress":
        # gzip: +32 accepts a gzip or zlib header; deflate: zlib header (raw tried on failure)
        return zlib.decompressobj(zlib.MAX_WBITS | 32 if self.coding != "deflate"
                                  else zlib.MAX_WBITS)

    @property
    def complete(self) -> bool:
        """False when a compressed stream stopped before its end (a cut connection)."""
        return self._d is None or self._d.eof

    def feed(self, data: bytes, room: int) -> list[bytes]:
        """Decoded pieces of `data`; raises OverflowError once more than `room` bytes come out."""
        if self._d is None:
            if len(data) > room:
                raise OverflowError
            return [data]
        out: list[bytes] = []
        decoder = self._d
        while data:
            assert self._d is not None  # set again after each gzip member
            try:
                piece = decoder.decompress(data, room + 1)
            except zlib.error as exc:
                if self._first and self.coding == "deflate":  # raw deflate, no zlib header
                    decoder = self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise FetchError(f"corrupt {self.coding} body from {self.url}: {exc}") from None
            self._first = False
            out.append(piece)
            room -= len(piece)
            if room < 0:
                raise OverflowError
            data = decoder.unconsumed_tail
            if decoder.eof:
                data = decoder.unused_data + data
                if not data.strip(b"\0"):
                    break
                decoder = self._d = self._decoder()  # next gzip member
        return out


def read_body(response: httpx.Response, url: str, max_bytes: int) -> bytes:
    """The decoded body, or FetchError as soon as it exceeds max_bytes."""
    too_big = FetchError(f"{url} is larger than the {max_bytes:,} byte limit (max_bytes)")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise too_big
    decoder = _BoundedDecoder(response.headers.get("content-encoding", ""), url)
    chunks: list[bytes] = []
    size = received = 0
    try:
        for raw in response.iter_raw():
            received += len(raw)
            if received > max_bytes:
                raise too_big
            for piece in decoder.feed(raw, max_bytes - size):
                chunks.append(piece)
                size += len(piece)
    except OverflowError:
        raise too_big from None
    except httpx.HTTPError as exc:
        raise network_error(exc, url) from None
    if not decoder.complete:
        raise FetchError(f"{decoder.coding} body from {url} ends early", transient=True)
    return b"".join(chunks)
