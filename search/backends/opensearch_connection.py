"""How the OpenSearch backend talks to one node: every answer, headers and body, within a deadline.

urllib3's timeout bounds each read, so a node sending a byte now and then held a search for as long as it
kept sending (a fake node trickling one header line a second held one 400 s). Here a request's whole answer
must arrive within its timeout and within what is left of the call's deadline (`deadline()`, which
OpenSearchBackend.call sets around one call and its retries); when either passes, the socket is shut and the
request fails as a ConnectionTimeout, which the backend reports as backend_unavailable.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

import urllib3
from opensearchpy import ConnectionError, ConnectionTimeout, SerializationError, Urllib3HttpConnection

MAX_ANSWER_BYTES = 256 * 1024 * 1024  # of one answer as sent (compressed): the largest Warta asks for, an export page
# of 500 articles, is a few MB (shared corpus: 1.9 MB, 0.5 MB gzipped; its 500 longest 2.7 MB); a server streaming for ever filled 14 GB before the deadline


class AnswerTooLarge(SerializationError):
    """A server sent more than MAX_ANSWER_BYTES for one request: not read further, not asked again."""


class _Overflow(Exception):
    """Raised inside the read (urllib3 passes it through unwrapped), turned into AnswerTooLarge."""


class _BoundedFile:
    """A response's socket file that refuses to give more than `limit` bytes in all."""

    def __init__(self, raw, limit: int) -> None:
        self._raw, self._left = raw, limit

    def _took(self, data):
        self._left -= len(data)
        if self._left < 0:
            raise _Overflow()
        return data

    def read(self, amount: int | None = -1) -> bytes:
        wanted = self._left + 1 if amount is None or amount < 0 else min(amount, self._left + 1)
        return self._took(self._raw.read(wanted))

    def read1(self, amount: int = -1) -> bytes:
        wanted = self._left + 1 if amount is None or amount < 0 else min(amount, self._left + 1)
        return self._took(self._raw.read1(wanted))

    def readline(self, limit: int = -1) -> bytes:
        wanted = self._left + 1 if limit is None or limit < 0 else min(limit, self._left + 1)
        return self._took(self._raw.readline(wanted))

    def readinto(self, buffer) -> int:
        view = memoryview(buffer)[:self._left + 1]
        count = self._raw.readinto(view)
        self._left -= count or 0
        if self._left < 0:
            raise _Overflow()
        return count

    def __getattr__(self, name: str):
        return getattr(self._raw, name)


class _BoundedResponse(http.client.HTTPResponse):
    """http.client's response over a _BoundedFile: headers and body within MAX_ANSWER_BYTES."""

    def __init__(self, sock, *args, **kwargs) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp = _BoundedFile(self.fp, MAX_ANSWER_BYTES)


class _CallDeadline(threading.local):
    by: float | None = None  # time.monotonic() by which this thread's current call must be answered
    answer_by: float | None = None  # by which the request being sent must be answered (the earlier of the two)


_DEADLINE = _CallDeadline()


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Every request this thread sends inside is answered within `seconds` from now, retries included (or fails);
    an enclosing deadline that ends sooner stays."""
    previous = _DEADLINE.by
    ends = time.monotonic() + seconds
    _DEADLINE.by = ends if previous is None else min(previous, ends)
    try:
        yield
    finally:
        _DEADLINE.by = previous


def time_left() -> float | None:
    """Seconds left of this thread's call deadline; None outside one."""
    return None if _DEADLINE.by is None else _DEADLINE.by - time.monotonic()


class _CutOff:
    """A urllib3 connection whose answer is cut off (its socket shut) when the request's answer_by passes, and
    is read no further than MAX_ANSWER_BYTES."""

    response_class = _BoundedResponse

    def getresponse(self, *args, **kwargs):
        answer_by = _DEADLINE.answer_by
        if answer_by is None:
            return super().getresponse(*args, **kwargs)
        cut = threading.Event()
        watchdog = threading.Timer(max(answer_by - time.monotonic(), 0.0), self._cut, (cut,))
        watchdog.daemon = True
        watchdog.start()
        try:
            response = super().getresponse(*args, **kwargs)  # reads the body too (preload_content)
        finally:
            watchdog.cancel()
        if cut.is_set():  # what arrived before the cut can look whole (headers end at EOF): it is not
            raise urllib3.exceptions.ReadTimeoutError(None, "", "no whole answer before the deadline")
        return response

    def _cut(self, cut: threading.Event) -> None:
        cut.set()
        sock = getattr(self, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class _CutOffHTTP(_CutOff, urllib3.connection.HTTPConnection):
    pass


class _CutOffHTTPS(_CutOff, urllib3.connection.HTTPSConnection):
    pass


class DeadlineConnection(Urllib3HttpConnection):
    """opensearch-py's urllib3 connection, each request's whole answer within its timeout and the call's deadline."""

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):
        started = time.monotonic()
        answer_by = started + (timeout or self.timeout)
        if _DEADLINE.by is not None:
            answer_by = min(answer_by, _DEADLINE.by)
        if answer_by <= started:
            raise ConnectionTimeout("TIMEOUT", "the call's deadline passed before this request", None)
        if self.pool is None:
            self._create_urllib3_pool()
        self.pool.ConnectionCls = _CutOffHTTPS if self.use_ssl else _CutOffHTTP
        _DEADLINE.answer_by = answer_by
        try:
            return super().perform_request(method, url, params, body, answer_by - started, ignore, headers)
        except _Overflow:
            raise AnswerTooLarge("N/A", f"an answer of more than {MAX_ANSWER_BYTES // 2 ** 20} MB") from None
        except ConnectionError as error:
            if isinstance(error.info, _Overflow):
                raise AnswerTooLarge("N/A", f"an answer of more than {MAX_ANSWER_BYTES // 2 ** 20} MB") from None
            if time.monotonic() < answer_by or isinstance(error, ConnectionTimeout):
                raise
            raise ConnectionTimeout("TIMEOUT", f"no whole answer within {answer_by - started:.1f} s", error) from None
        finally:
            _DEADLINE.answer_by = None
