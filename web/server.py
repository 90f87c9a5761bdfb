"""The production server: pre-forked worker processes, each running waitress with limits a hostile client
cannot wait out.

Waitress reads every request in its I/O loop and hands a thread only a complete request, so a slow client
holds a connection, never a thread. What it does not bound by itself: how long one request may take to
arrive (`channel_timeout` counts idleness, so a header byte every 3 s keeps a connection forever, and 100
such connections lock out everyone), the size of a body (1 GB by default), and the requests waiting for a
thread (its task queue grows without end, and a request in it waits as long as it takes). `make_server` bounds
all three (the last with WaitingLine, answering 503 at once rather than late), and answers waitress's own
errors (a malformed request line, headers too large) with the same error envelope as the app, instead of
waitress's plain text.

One Python process answers on one core at a time (the GIL), so `serve` runs several: gunicorn's master binds
the socket, forks the workers, replaces one that dies and stops them on a signal. Gunicorn's own workers are
not used: its sync and gthread workers give a connection a thread as soon as its first byte arrives and then
read the rest with blocking calls, so a client dripping a header byte at a time holds that thread (gunicorn's
documentation asks for a buffering proxy in front). `WaitressWorker` instead runs waitress's I/O loop over the
master's listening socket, so every limit above holds in each worker. Each worker opens the index itself,
after the fork: a Whoosh file shared across processes would share its read offset, and a lease would outlive
the worker that took it.
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import math
import os
import re
import signal
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Sequence

from flask import Flask
from flask import request as flask_request
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser, ParsingError
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask, ThreadedTaskDispatcher, WSGITask
from waitress.utilities import Error

from search.errors import IndexDamagedError, WartaError
from search.query import SearchService

from .views import error_response

API_HEAD_BYTES = 64
UNCOUNTED_PATHS = ("/static/", "/favicon")  # files a page loads beside it, all at once: never refused
BACKLOG = 1024  # connections the kernel queues before a worker accepts them (waitress's default)
HEARTBEAT_SECONDS = 1.0  # a worker tells the master it is alive at least this often (its I/O loop's timeout)
WORKER_SILENCE_SECONDS = 30  # the master replaces a worker silent for this long (hung, not just busy)
FOLLOW_SECONDS = 0.25  # how often a serving process looks whether `current` moved (one readlink): with no
# searches coming to start a swap, a new article waits up to this long before its generation is even opened
SAVE_SEARCHES_SECONDS = 10.0  # how often it writes the searches it answered last, for the next server's start
GRACEFUL_SECONDS = 10  # after SIGTERM, how long a worker may finish the requests it has
EXIT_MARGIN_SECONDS = 10  # then how long the master waits for it to save its searches and exit before SIGKILL:
# a worker's exit on a loaded machine (a CI run beside benchmarks) once took longer than the finishing itself
API_REQUEST = re.compile(rb"\s*[A-Z]+ /((?i:api)[/?# ]|feed[?# ])")  # answered with the JSON envelope, as the
# app does (views.wants_json): `/api` itself and under it in any case, and the feed
PAGE_REQUEST = re.compile(rb"\s*[A-Z]+ /")
M_ARENA_MAX = -8  # glibc's mallopt parameter: how many malloc arenas threads may spread over
WAITING_PER_THREAD = 4  # requests waiting for a worker's threads, per thread, before a new one is refused (503):
# trial 41 (100 client addresses, 2 workers of 8 threads) had 43 waiting and a cheap search's p50 at 3.45 s, but 32
# keep-alive clients on one worker keep 24 waiting with answers in 35 ms (p50): how long the line stands, not how
# long it is, says the worker is saturated (`queue_wait`); this only bounds a burst
COSTLY_PATHS = ("/api/search.csv", "/api/search.jsonl", "/api/export")  # every hit, streamed: at 3,868 articles
# an export of two common words takes 0.7-0.9 s of CPU, a page of hits 5-70 ms; in trial 41's mix the exports were
# one request in eleven and most of the CPU
COSTLY_WAITING_SHARE = 0.25  # the share of a worker's waiting line an export may join (of those waiting, and of how
# long the first has waited): busy, a worker refuses exports first (trial 41's load, 100 addresses: with half, a
# cheap search's 200s took 1.02 s at the median, 3.62 s at p95; with a quarter 0.73 s and 1.73 s)
RETRY_AFTER_SECONDS = 1  # what a refusal for a busy server asks a client to wait before trying again
UNREAD_BYTES = 64 * 1024  # what a connection refused unread may have sent, read and dropped before it is closed


@dataclass(frozen=True)
class ServerLimits:
    """How much one client may take from the server."""

    threads: int = 8  # requests answered at once
    connection_limit: int = 100  # open connections; waitress stops accepting above it
    client_connection_limit: int = 50  # open connections from one address: the rest stay for everyone else
    client_request_limit: int = 0  # requests of one address answered at once by a worker; 0: half its threads
    request_timeout: float = 10.0  # seconds from a request's first byte to its last (headers and body)
    idle_timeout: float = 15.0  # seconds a connection may stay open without a request in progress
    max_header_bytes: int = 16 * 1024
    max_body_bytes: int = 64 * 1024  # nothing here takes a body; the app refuses over 16 KB anyway
    keepalive_requests: int = 100  # answers on one connection before it is closed (as Apache's default)
    queue_limit: int = 0  # requests waiting for a thread of a worker; one more is answered 503 at once; 0:
    # WAITING_PER_THREAD × threads
    queue_wait: float = 1.0  # while the request waiting longest has waited this many seconds, a new one is
    # answered 503 at once: the line moves too slowly for it
    queue_timeout: float = 5.0  # seconds a request may wait for a thread; then it is answered 503 instead
    export_limit: int = 0  # exports (every hit, streamed) a worker answers at once; one more is answered 503 at
    # once; 0: a quarter of its threads (at least one)


def waiting_allowed(limits: ServerLimits) -> int:
    """How many requests may wait for a worker's threads: `queue_limit`, or WAITING_PER_THREAD per thread."""
    return limits.queue_limit or WAITING_PER_THREAD * limits.threads


def requests_per_client(limits: ServerLimits) -> int:
    """How many requests of one address a worker answers at once however busy it is: `client_request_limit`,
    or half its threads (at least one)."""
    return limits.client_request_limit or max(1, limits.threads // 2)


def exports_at_once(limits: ServerLimits) -> int:
    """How many exports a worker answers at once: `export_limit`, or a quarter of its threads (at least one).
    Trial 44: eight exports from eight addresses, arriving while threads were free, took every thread of a worker
    (16 s of work), and a search from a ninth waited 5 s for a 503; the waiting line refuses exports first only
    once something waits."""
    return limits.export_limit or max(1, limits.threads // 4)


class FairShare:
    """The app, keeping a thread free for every other address: one address may have any number of requests
    answered at once while the worker has threads to spare, but past its share (`limit`) only while one thread
    stays free after them; one more is answered 429 at once (`Retry-After: 1`), its thread freed in a moment.
    Without it waitress gives its threads first come, first served: 32 exports sent at once from one address
    (each allowed, a second of CPU) held every thread, and a search from another address waited 21 s (trial
    29). A request counts until its answer has been sent (an export streams after the app returns). Static
    files are never refused (a page's stylesheet and scripts load together), nor counted. Exports (every hit,
    streamed) are answered `exports` at once, whoever asks: one more is answered 503 `server_busy` at once, so
    exports never hold the threads the searches need."""

    def __init__(self, app: Flask, limit: int, threads: int, exports: int | None = None) -> None:
        self.app, self.limit, self.threads = app, limit, threads
        self.exports = exports if exports is not None else exports_at_once(ServerLimits(threads=threads))
        self._lock = threading.Lock()
        self._running: Counter[str] = Counter()
        self._total = 0
        self._exporting = 0

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith(UNCOUNTED_PATHS):
            return self.app(environ, start_response)
        client = environ.get("REMOTE_ADDR", "")
        export = path.startswith(COSTLY_PATHS)
        with self._lock:
            too_many_exports = export and self._exporting >= self.exports
            admitted = not too_many_exports and (self._running[client] < self.limit
                                                 or self._total < self.threads - 1)
            if admitted:
                self._running[client] += 1
                self._total += 1
                self._exporting += export
        if too_many_exports:
            return self._refused(environ, start_response, "server_busy", 503, (
                f"this server process is answering {self.exports} exports already, the most it answers at once: "
                "retry in a moment"))
        if not admitted:
            return self._refused(environ, start_response, "too_many_requests", 429, (
                f"this address already has {self.limit} requests or more being answered by this server process, "
                "which has no thread to spare: retry in a moment"))
        try:
            return _Closing(self.app(environ, start_response), lambda: self._done(client, export))
        except BaseException:
            self._done(client, export)
            raise

    def _done(self, client: str, export: bool) -> None:
        with self._lock:
            self._total -= 1
            self._exporting -= export
            self._running[client] -= 1
            if self._running[client] <= 0:
                del self._running[client]

    def _refused(self, environ, start_response, code: str, status: int, message: str):
        """The app's own error answer (its page with the search kept, or the JSON envelope; its headers)."""
        with self.app.request_context(environ):
            answer = self.app.process_response(
                self.app.make_response(error_response(code, message, status, q=flask_request.args.get("q", ""))))
        answer.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return answer(environ, start_response)


class _Closing:
    """An answer's body that calls `done` once when the server closes it (sent, or the client gone)."""

    def __init__(self, body, done: Callable[[], None]) -> None:
        self.body, self._done = body, done

    def __iter__(self):
        return iter(self.body)

    def close(self) -> None:
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            done, self._done = self._done, None
            if done is not None:
                done()


class ServerBusy(Error):
    """A request refused before any thread took it, the worker's line of requests waiting for a thread being
    full or standing too long (WaitingLine), or this one having waited `queue_timeout`: 503 with Retry-After,
    in the app's error form (the JSON envelope or the error page), code `server_busy`."""

    code = 503
    reason = "Service Unavailable"
    envelope_code = "server_busy"
    headers = (("Retry-After", str(RETRY_AFTER_SECONDS)),)


class WaitingLine(ThreadedTaskDispatcher):
    """Waitress's dispatcher of requests to a worker's threads, with bounds on those waiting. Its queue holds
    connections, each with its next request, stamped `queued_at` when they join. A connection handing over a
    request it has just read (`handing_over`) is not queued while `limit` requests wait already, or while the
    one waiting longest has waited `patience` seconds (an export: a quarter of either): it is told why
    (`turned_away`) and answers 503 itself, at once. A request waitress could not read is always queued: its
    answer (400, 431...) is cheap, and says what is wrong with it. Waitress logs `Task queue depth` for every
    request it queues past the idle threads: a turned-away one is never queued, never logged (queued, then
    taken back, the refusals of a 30 s trial logged 54,000 lines)."""

    def __init__(self, limit: int, patience: float) -> None:
        super().__init__()
        self.limit, self.patience = limit, patience

    def waiting(self) -> int:
        """Requests queued that no thread will take at once: the queue, less the idle threads about to take
        one (what waitress logs as its task queue depth)."""
        with self.lock:
            return self._waiting()

    def _waiting(self) -> int:
        idle = len(self.threads) - self.stop_count - self.active_count
        return len(self.queue) - max(0, idle)

    def add_task(self, task) -> None:
        request = task.requests[0]
        if getattr(task, "handing_over", False) and request.error is None:
            share = COSTLY_WAITING_SHARE if request.path.startswith(COSTLY_PATHS) else 1.0
            task.turned_away = self.refusal(share)
            if task.turned_away is not None:
                return
        task.queued_at = time.monotonic()
        super().add_task(task)

    def refusal(self, share: float = 1.0) -> str | None:
        """Why a request may not join the line now, or None when it may; `share` of the bounds apply."""
        with self.lock:
            waiting = self._waiting()
            head = self.queue[0] if self.queue else None
        waited = time.monotonic() - (getattr(head, "queued_at", None) or time.monotonic())
        if waiting >= math.ceil(self.limit * share):
            return f"this server process is busy, with {waiting} waiting for a thread: retry in a moment"
        if waiting > 0 and waited >= self.patience * share:
            return (f"this server process is busy: the request waiting longest has waited {waited:.1f} s for a "
                    "thread; retry in a moment")
        return None

    def take_back(self, task) -> bool:
        """Take `task` out of the queue; False when it was not there (a thread has it already)."""
        with self.lock:
            if task not in self.queue:
                return False
            self.queue.remove(task)
            return True


def too_many_connections(limit: int) -> bytes:
    """The whole answer to a connection over its address's limit, sent before its request is read: 429 in the
    JSON envelope (the path is not known yet), Retry-After, closing the connection."""
    body = json.dumps({"error": {"code": "too_many_connections", "message": (
        f"this address has as many connections open to this server process as one address may ({limit}): close "
        "one, or retry in a moment")}}).encode("utf-8")
    return (f"HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Retry-After: {RETRY_AFTER_SECONDS}\r\nConnection: close\r\n\r\n").encode("ascii") + body


def discard_unread(sock: socket.socket) -> None:
    """Read and drop what the client has sent so far (UNREAD_BYTES at most), without waiting. A socket closed
    with bytes still unread sends a reset instead of a normal end, and a client that gets the reset before it
    has read the answer sees only the reset (an asyncio client, among others, drops what it had received)."""
    left = UNREAD_BYTES
    try:
        while left > 0 and (chunk := sock.recv(min(left, 16384), socket.MSG_DONTWAIT)):
            left -= len(chunk)
    except OSError:  # nothing more to read now (BlockingIOError), or the client is gone
        pass


def framing_problem(header_plus: bytes, version: str) -> str | None:
    """Why a request's head (its first line and header lines, as sent) leaves where its body ends open to two
    readings, or None when it does not. Behind a proxy that frames a body by one header, a server framing it by
    the other reads a request hidden in the body as the next one (request smuggling). Waitress 3.0.2 takes
    `Transfer-Encoding: chunked` over a Content-Length and keeps the connection open, so the hidden request was
    answered too; RFC 9112 §6.1 lets a server refuse such a request. Refused: a Transfer-Encoding beside a
    Content-Length, in an HTTP/1.0 request (which has no chunked framing: waitress read the chunks as the next
    request), or other than one `chunked` (`chunked, chunked`, an empty one: waitress answers `gzip` or
    `xchunked` 501 itself, and two differing Content-Lengths 400); and a header line folded onto the one before
    (obs-fold, which RFC 9112 §5.2 lets a server refuse: waitress joins it to the line without a space, where
    another reader may drop it)."""
    lines = header_plus.split(b"\r\n")[1:]
    if any(line.startswith((b" ", b"\t")) for line in lines):
        return "a header line folded onto the line before it (obs-fold) is refused: send each header on one line"
    fields = [line.partition(b":") for line in lines]
    codings = [value for name, _, value in fields if name.lower() == b"transfer-encoding"]
    if not codings:
        return None
    if any(name.lower() == b"content-length" for name, _, _ in fields):
        return "a request with both Content-Length and Transfer-Encoding is refused: send one of them"
    if version != "1.1":
        return "Transfer-Encoding is refused in an HTTP/1.0 request: send Content-Length"
    listed = [coding.strip(b" \t").lower() for coding in b",".join(codings).split(b",")]
    if [coding for coding in listed if coding] != [b"chunked"]:
        return "Transfer-Encoding must be `chunked`, once"
    return None


class FramingCheckedParser(HTTPRequestParser):
    """Waitress's request parser, refusing (400, then the connection closes) a request whose body could be
    framed two ways (framing_problem)."""

    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)  # waitress's own refusals first (501 for a coding it lacks)
        problem = framing_problem(header_plus, self.version)
        if problem is not None:
            raise ParsingError(problem)


def _deadline_channel(limits: ServerLimits, error_task: type[ErrorTask]) -> type[HTTPChannel]:
    open_by_client: Counter[str] = Counter()  # this worker's connections by client address (its I/O thread's)

    class DeadlineChannel(HTTPChannel):
        """A connection that is closed when one request takes longer than `request_timeout` to arrive, and
        answered 429 and closed at once, before its request is read, when its client already holds
        `client_connection_limit` connections: slow clients from one address cannot take every connection the
        server accepts. A request completed while the threads' line is full or stands too long is answered 503
        at once (WaitingLine), and one still waiting after `queue_timeout` seconds is answered 503 then:
        waitress's queue has no bound of its own, and a request waiting in it long is work the client has likely
        given up on by the time a thread takes it. A request whose body could be framed two ways is answered 400
        and the connection closed (FramingCheckedParser): nothing sent after it on the connection is answered."""

        error_task_class = error_task
        task_class = _counted_task(limits)
        parser_class = FramingCheckedParser
        answered = 0  # requests answered on this connection
        request_started = 0.0
        request_head = b""  # the first bytes of the request being read: its error answer depends on the path
        queued_at = None  # when this connection's request joined the threads' queue (None: none waits)
        handing_over = False  # reading a request that, once complete, goes to the threads' queue (WaitingLine)
        turned_away = None  # why WaitingLine refused to queue this connection's request
        client = None  # the address counted in open_by_client while the connection is open
        unread = False  # answered without reading its request (a client over its connection limit)

        def __init__(self, server, sock, addr, adj, map=None) -> None:
            super().__init__(server, sock, addr, adj, map)
            self.client = addr[0] if isinstance(addr, tuple) and addr else str(addr)
            open_by_client[self.client] += 1
            if open_by_client[self.client] > limits.client_connection_limit:
                self._answer_unread(too_many_connections(limits.client_connection_limit))

        def _answer_unread(self, answer: bytes) -> None:
            """Send `answer` without reading a request, then close: the loop writes it on its next turn."""
            self.outbufs[-1].append(answer)
            self.total_outbufs_len += len(answer)
            self.close_when_flushed = True  # readable() turns false: no request of this connection is read
            self.unread = True

        def handle_close(self) -> None:
            if self.unread:
                discard_unread(self.socket)
            super().handle_close()

        def del_channel(self, map=None) -> None:
            super().del_channel(map)
            if self.client is not None:
                open_by_client[self.client] -= 1
                if open_by_client[self.client] <= 0:
                    del open_by_client[self.client]
                self.client = None

        def received(self, data: bytes) -> bool:
            if self.request is None and data:
                self.request_started = time.monotonic()
                self.request_head = data[:API_HEAD_BYTES]
            self.handing_over = not self.requests  # a request completed now goes to the line
            try:
                taken = super().received(data)
            finally:
                self.handing_over = False
            if self.turned_away is not None:
                message, self.turned_away = self.turned_away, None
                self._refuse(ServerBusy(message))
            return taken

        def _refuse(self, error: Error) -> None:
            """Answer the request at the head of this connection with `error` at once, here in the I/O thread
            (no thread has it): the refusal itself never waits behind the requests it spares."""
            self.queued_at = None
            self.requests[0].error = error
            self.service()  # the error task: the answer goes to the output buffer, the connection closes

        def readable(self) -> bool:
            # The I/O loop asks every channel this at least once a second (asyncore_loop_timeout).
            now = time.monotonic()
            if (self.request is not None and not self.requests and not self.will_close
                    and now - self.request_started > limits.request_timeout):
                self.will_close = True  # writable() turns true and the loop closes the socket
            if self.queued_at is not None and now - self.queued_at > limits.queue_timeout:
                self._refuse_waited_out()
            return super().readable()

        def _refuse_waited_out(self) -> None:
            """Answer 503 to a request that waited for a thread longer than `queue_timeout`, unless a thread has
            taken it; either way it is looked at once."""
            self.queued_at = None
            if self.requests and self.requests[0].error is None and self.server.task_dispatcher.take_back(self):
                self._refuse(ServerBusy(f"this request waited {limits.queue_timeout:g} s for a thread, the longest "
                                        "this server process lets one wait: retry in a moment"))

        def writable(self) -> bool:
            # While a task thread holds the output lock it is sending its answer itself. Asking to write then
            # only makes the loop spin: select answers at once for a socket with room, handle_write cannot take
            # the lock, and the spinning loop holds the GIL the task needs to finish (a busy loop measured at
            # ~20,000 turns/s under 32 clients). The task pulls the trigger when it leaves data or ends.
            if self.requests and not (self.will_close or self.close_when_flushed):
                if not self.outbuf_lock.acquire(False):
                    return False
                self.outbuf_lock.release()
            return super().writable()

    return DeadlineChannel


def _counted_task(limits: ServerLimits) -> type[WSGITask]:
    class CountedTask(WSGITask):
        """An answer that closes its connection once the connection has had `keepalive_requests` of them.

        Between workers, connections are shared out only when they are accepted: 32 keep-alive clients that
        connect at once can all land on the worker that woke first, and stay there while the others idle.
        Closing each connection now and then lets the client reconnect to whichever worker is free."""

        def build_response_header(self):
            self.channel.answered += 1
            if self.channel.answered >= limits.keepalive_requests:
                self.set_close_on_finish()
            if self.version == "1.1" and (self.request.command == "HEAD" or not self.has_body):
                return self._bodiless_response_header()
            return super().build_response_header()

        def _bodiless_response_header(self) -> bytes:
            """The head of an answer without a body, by its method or its status: a HEAD whose GET is streamed
            (an export: no Content-Length), a 204 (OPTIONS), a 304. Waitress frames a HEAD as its GET,
            `Transfer-Encoding: chunked`, which RFC 9112 lets a HEAD answer name; but it then sent the empty
            last chunk, a body HEAD must not have, and it closed the connection after each of these answers
            lacking a length, so a request pipelined behind one was never answered. Here no chunk follows, and
            the connection stays open unless it was to close anyway (the client asked, or the keep-alive count
            is reached): the answer ends with its head."""
            closing = self.close_on_finish or self.request.headers.get("CONNECTION", "").lower() == "close"
            head = super().build_response_header()
            self.chunked_response = False  # finish() sends no `0\r\n\r\n`
            if not closing and self.close_on_finish:
                self.close_on_finish = False
                head = head.replace(b"\r\nConnection: close\r\n", b"\r\n", 1)
            return head

    return CountedTask


def _error_task(app: Flask) -> type[ErrorTask]:
    class EnvelopeErrorTask(ErrorTask):
        """Waitress's own 400/413/431 answers, and the 503 of a request refused as busy, in Warta's form: the
        JSON envelope for /api/ and /feed (and when the path could not be read), the error page for the other
        routes; an error's own headers (Retry-After) added."""

        def execute(self) -> None:
            error = self.request.error
            code = getattr(error, "envelope_code", None) or error.reason.lower().replace(" ", "_")
            message = str(error.body)[:200]
            # a request refused as busy was read whole: its own first line (the channel's head may be the next
            # request's); waitress's own errors may come before a first line was read
            head = self.request.first_line if isinstance(error, ServerBusy) else self.channel.request_head
            if API_REQUEST.match(head) or not PAGE_REQUEST.match(head):
                body = json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")
                content_type = "application/json"
            else:
                with app.test_request_context("/"):
                    body = error_response(code, message, error.code)[0].encode("utf-8")  # the app's own page
                content_type = "text/html; charset=utf-8"
            self.status = f"{error.code} {error.reason}"
            self.response_headers.append(("Content-Type", content_type))
            self.response_headers.extend(getattr(error, "headers", ()))
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    return EnvelopeErrorTask


class OneLineWartaErrors(logging.Filter):
    """Waitress logs an error raised after an answer's head was sent (an export streaming when the index turns
    out damaged) with its traceback; a Warta error says what happened in its message: one line, no traceback.
    The client sees the answer cut off (no last chunk), as for any failure past the head."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, WartaError):
            record.msg, record.args = f"{record.getMessage()}: {error}", ()
            record.exc_info = record.exc_text = None
        return True


WAITRESS_LOG = logging.getLogger("waitress")


def make_server(app: Flask, host: str | None = None, port: int | None = None,
                limits: ServerLimits = ServerLimits(), sockets: Sequence[socket.socket] = ()):
    """A waitress server already bound to host:port (OSError when it cannot be), or serving `sockets` already
    bound and listening; `.run()` serves, `.effective_host`/`.effective_port` say where."""
    share_one_malloc_arena()  # before waitress starts its threads
    if not any(isinstance(f, OneLineWartaErrors) for f in WAITRESS_LOG.filters):
        WAITRESS_LOG.addFilter(OneLineWartaErrors())
    where = {"sockets": list(sockets)} if sockets else {"host": host, "port": port}
    named = sockets[0].getsockname()[0] if sockets else host
    socket_map: dict = {}
    shared = FairShare(app, requests_per_client(limits), limits.threads, exports_at_once(limits))
    line = WaitingLine(waiting_allowed(limits), limits.queue_wait)
    line.set_thread_count(limits.threads)  # what create_server does for the dispatcher it makes itself, when it
    # is not given one (`_dispatcher`, waitress's hook for a dispatcher of one's own, in 1.x to 3.x)
    server = create_server(shared, map=socket_map, ident="warta", threads=limits.threads, _dispatcher=line,
                           connection_limit=limits.connection_limit, channel_timeout=limits.idle_timeout,
                           cleanup_interval=1, max_request_header_size=limits.max_header_bytes,
                           max_request_body_size=limits.max_body_bytes,
                           server_name=answering_name(named or "127.0.0.1"), **where)
    # waitress compares the limit with everything in its map: its listening sockets and wake-up pipe count
    # as connections (a limit of 100 let 98 clients in); Warta's limit counts clients only
    server.adj.connection_limit = limits.connection_limit + len(socket_map)
    channel = _deadline_channel(limits, _error_task(app))
    for dispatcher in socket_map.values():
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = channel
    return server


WILDCARD_ANSWERS = {"0.0.0.0": "127.0.0.1", "::": "::1"}  # listening everywhere: the address every host has


def answering_name(host: str) -> str:
    """The WSGI `SERVER_NAME` for a server listening on `host`: what a request without a Host header (HTTP/1.0)
    is taken to have asked for, and so where the feed's links then point. Waitress's own, `waitress.invalid`,
    gave dead links (trial 52); the address `serve` prints is right, but for a wildcard one, which no client can
    ask for: the loopback address then, as the one name sure to reach the server (a server answering others
    sets WARTA_PUBLIC_URL)."""
    return WILDCARD_ANSWERS.get(host, host)


def share_one_malloc_arena() -> bool:
    """Have every thread of this process allocate from one malloc arena (glibc; elsewhere nothing changes);
    True when it took effect. Threads created afterwards are affected.

    glibc gives each new thread an arena of its own (up to 8 per core). A search allocates arrays of a
    megabyte and more (postings, scores, masks of a frequent word); each of waitress's threads then grew and
    trimmed its own arena, page-faulting those arrays in again: at 1M articles `presiden` took 75 ms on each
    thread's first few asks against 23 ms on one thread. With the GIL the threads rarely allocate at once, so
    one arena costs no waiting."""
    try:
        return ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1) == 1
    except (OSError, AttributeError):  # no C library to load, or one without mallopt
        return False


def _generations(app: Flask) -> SearchService | None:
    """The app's backend when it searches index generations on this machine (Whoosh); None for a cluster."""
    backend = app.extensions["warta"]
    return backend if isinstance(backend, SearchService) else None


def warm(app: Flask, refuse_damaged: bool = False) -> None:
    """Open the generation `current` names and warm it (Generation.warm), then ask it the searches the last
    server saved (search/warmlist.py), before the first request. An index that cannot be opened now is left to
    the requests, which report it (503) as they always have; with `refuse_damaged` (`serve` starting, before
    any request), a damaged one is raised (IndexDamagedError), as `serve` refuses one it finds at its start."""
    service = _generations(app)
    try:
        if service is not None:
            service.replay_saved = True
            service.current()
    except IndexDamagedError:
        if refuse_damaged:
            raise
    except WartaError:
        pass


def prepare_worker(app: Flask, refuse_damaged: bool = False) -> None:
    """What a serving process does before it accepts a connection: warm the current generation (see warm for
    `refuse_damaged`), then follow `current` from a thread of its own, so that a reindex is opened and warmed
    while searches are still answered from the generation they had (SearchService.background_swaps), and the
    old one is let go."""
    service = _generations(app)
    if service is None:
        return
    service.background_swaps = True
    warm(app, refuse_damaged)
    threading.Thread(target=_follow, args=(service,), name="warta-follow", daemon=True).start()


def _follow(service: SearchService) -> None:
    saved = time.monotonic()
    while True:
        time.sleep(FOLLOW_SECONDS)
        try:
            service.current()  # starts opening a newer generation, if there is one
        except WartaError:
            pass  # no usable index: the searches report it
        if time.monotonic() - saved >= SAVE_SEARCHES_SECONDS:
            saved = time.monotonic()
            _save_recent(service)


def save_searches(app: Flask) -> None:
    """Write the searches this process answered last for the next server's start (SearchService.save_recent)."""
    service = _generations(app)
    if service is not None:
        _save_recent(service)


def _save_recent(service: SearchService) -> None:
    try:
        service.save_recent()
    except WartaError:
        pass  # a read-only index root: the next server starts without them, as before there was a file


def warm_before_forking(app: Flask) -> None:
    """In the master, before it forks: open and warm the current generation, then let it go. What warming
    read stays with the service (kept per segment, across generations) and every worker inherits it, pages
    shared until written; each worker then opens the generation itself, with its own files and lease."""
    service = _generations(app)
    if service is not None:
        try:
            warm(app, refuse_damaged=True)  # a file damaged since `serve` verified the index: one line, exit 1
        finally:
            service.close()
    gc.collect()
    gc.freeze()  # what warming read (millions of words at 1M articles) is skipped by the workers' collections,
    # which would otherwise walk it, pausing a request and writing to (un-sharing) its pages


def forking_available() -> bool:
    """Whether pre-forked workers can run here: the platform forks and gunicorn is installed."""
    if not hasattr(os, "fork"):
        return False
    try:
        import gunicorn.arbiter  # noqa: F401
    except ImportError:
        return False
    return True


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def bind_listener(host: str, port: int) -> socket.socket:
    """A TCP socket listening on host:port, bound now: OSError when it cannot be."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
    except socket.gaierror:
        raise OSError(f"cannot listen on {host}:{port}") from None
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            listener.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        listener.bind(address)
        listener.listen(BACKLOG)
    except OSError as error:  # `Address already in use`: which address, the message says
        listener.close()
        raise OSError(error.errno, f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    except BaseException:
        listener.close()
        raise
    return listener


def worker_limits(limits: ServerLimits, workers: int) -> ServerLimits:
    """One worker's share: the connection limits are the whole server's, so each worker takes a part of them;
    threads are per worker."""
    return replace(limits, connection_limit=max(1, math.ceil(limits.connection_limit / workers)),
                   client_connection_limit=max(1, math.ceil(limits.client_connection_limit / workers)))


def serve_forked(app: Flask, listener: socket.socket, limits: ServerLimits, workers: int,
                 prepare: Callable[[Flask], None] = prepare_worker) -> int:
    """Serve `listener` with `workers` pre-forked processes until a signal stops the master; return that
    signal's number (SIGINT, SIGTERM or SIGQUIT), or -1 when the master stopped for another reason (a
    worker could not boot). Each worker runs `prepare(app)` before it accepts a connection.

    The listener passes to gunicorn's master, which keeps it for the workers it forks."""
    from gunicorn.arbiter import Arbiter
    from gunicorn.sock import create_sockets

    class WartaArbiter(Arbiter):
        """Gunicorn's master, remembering which signal stopped it."""

        stopped_by = -1

        def handle_int(self) -> None:
            self.stopped_by = signal.SIGINT
            super().handle_int()

        def handle_term(self) -> None:
            self.stopped_by = signal.SIGTERM
            super().handle_term()

        def handle_quit(self) -> None:
            self.stopped_by = signal.SIGQUIT
            super().handle_quit()

    try:
        warm_before_forking(app)
    except BaseException:  # a damaged index: serve ends here, and the listener with it
        listener.close()
        raise
    application = _gunicorn_application(app, worker_limits(limits, workers), workers, prepare)
    arbiter = WartaArbiter(application)
    arbiter.LISTENERS = create_sockets(application.cfg, arbiter.log, fds=[listener.detach()])
    master = os.getpid()
    try:
        arbiter.run()  # returns only by SystemExit: in the master when it stops, in a worker when it ends
    except SystemExit:
        if os.getpid() != master:
            raise  # a worker's end: it must not run on as a master
    return arbiter.stopped_by


def _gunicorn_application(app: Flask, limits: ServerLimits, workers: int, prepare: Callable[[Flask], None]):
    from gunicorn.app.base import BaseApplication

    class WartaApplication(BaseApplication):
        """The Flask app and one worker's limits, with gunicorn settings chosen here, not read from the
        command line or the environment."""

        def __init__(self) -> None:
            self.limits = limits
            self.prepare = prepare
            super().__init__()

        def load_config(self) -> None:
            settings = {
                "workers": workers,
                "worker_class": _waitress_worker(),
                "preload_app": True,  # the master imports everything once; workers share those pages
                "timeout": WORKER_SILENCE_SECONDS,
                "graceful_timeout": GRACEFUL_SECONDS + EXIT_MARGIN_SECONDS,
                "loglevel": "warning",  # `serve` prints one line when it listens, and errors
                "errorlog": "-",
                "accesslog": None,
                "proc_name": "warta",
                "control_socket_disable": True,  # a management socket of newer gunicorns: not wanted here
            }
            for name, value in settings.items():
                if name in self.cfg.settings:
                    self.cfg.set(name, value)

        def load(self) -> Flask:
            return app

    return WartaApplication()


def _waitress_worker() -> type:
    from gunicorn.workers.base import Worker

    class WaitressWorker(Worker):
        """A gunicorn worker process answering with waitress (every limit of `make_server`) on the master's
        listening socket; it tells the master it is alive once a loop, and on SIGTERM stops accepting,
        finishes the requests it has (at most GRACEFUL_SECONDS) and exits."""

        def run(self) -> None:
            # The server first: its threads are waiting for work by the time preparation is done and the
            # loop accepts (a task given to a thread still starting is logged as a queue).
            server = make_server(self.wsgi, limits=self.app.limits,
                                 sockets=[getattr(listener, "sock", listener) for listener in self.sockets])
            socket_map = server._map if hasattr(server, "_map") else server.map
            poll = server.adj.asyncore_use_poll
            try:
                self._prepare()
                told = 0.0
                while self.alive and os.getppid() == self.ppid:  # a dead master leaves this worker to init
                    wasyncore.loop(timeout=HEARTBEAT_SECONDS, map=socket_map, use_poll=poll, count=1)
                    if time.monotonic() - told >= HEARTBEAT_SECONDS:  # a system call: not on every turn
                        self.notify()
                        told = time.monotonic()
                _finish(socket_map, poll, time.monotonic() + GRACEFUL_SECONDS)
                save_searches(self.wsgi)
            finally:
                server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
                wasyncore.close_all(socket_map)

        def _prepare(self) -> None:
            """Run the app's preparation (warming the index) while still telling the master this worker lives."""
            failure: list[BaseException] = []

            def prepare() -> None:
                try:
                    self.app.prepare(self.wsgi)
                except BaseException as error:  # re-raised in the worker's main thread
                    failure.append(error)

            thread = threading.Thread(target=prepare, name="warta-warm", daemon=True)
            thread.start()
            while thread.is_alive() and self.alive:
                thread.join(HEARTBEAT_SECONDS)
                self.notify()
            if failure:
                raise failure[0]

    return WaitressWorker


def _finish(socket_map: dict, poll: bool, deadline: float) -> None:
    """Stop accepting; close idle connections; serve on until the requests in progress are answered."""
    for dispatcher in list(socket_map.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.accepting = False
    while time.monotonic() < deadline:
        channels = [d for d in list(socket_map.values()) if isinstance(d, HTTPChannel)]
        if not channels:
            return
        for channel in channels:
            if not channel.requests and not channel.total_outbufs_len:
                channel.will_close = True  # the loop closes it on its next turn
        wasyncore.loop(timeout=0.1, map=socket_map, use_poll=poll, count=1)
