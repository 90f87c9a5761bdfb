"""The production server: waitress with limits a hostile client cannot wait out.

Waitress reads every request in its I/O loop and hands a thread only a complete request, so a slow client
holds a connection, never a thread. What it does not bound by itself: how long one request may take to
arrive (`channel_timeout` counts idleness, so a header byte every 3 s keeps a connection forever, and 100
such connections lock out everyone), and the size of a body (1 GB by default). `make_server` bounds both,
and answers waitress's own errors (a malformed request line, headers too large) with the same error envelope
as the app, instead of waitress's plain text.
"""

from __future__ import annotations

import json
import time
import re
from dataclasses import dataclass

from flask import Flask, render_template
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import ErrorTask

API_HEAD_BYTES = 64
API_REQUEST = re.compile(rb"\s*[A-Z]+ /api/")
PAGE_REQUEST = re.compile(rb"\s*[A-Z]+ /")


@dataclass(frozen=True)
class ServerLimits:
    """How much one client may take from the server."""

    threads: int = 8  # requests answered at once
    connection_limit: int = 100  # open connections; waitress stops accepting above it
    request_timeout: float = 10.0  # seconds from a request's first byte to its last (headers and body)
    idle_timeout: float = 15.0  # seconds a connection may stay open without a request in progress
    max_header_bytes: int = 16 * 1024
    max_body_bytes: int = 64 * 1024  # nothing here takes a body; the app refuses over 16 KB anyway


def _deadline_channel(limits: ServerLimits, error_task: type[ErrorTask]) -> type[HTTPChannel]:
    class DeadlineChannel(HTTPChannel):
        """A connection that is closed when one request takes longer than `request_timeout` to arrive."""

        error_task_class = error_task
        request_started = 0.0
        request_head = b""  # the first bytes of the request being read: its error answer depends on the path

        def received(self, data: bytes) -> bool:
            if self.request is None and data:
                self.request_started = time.monotonic()
                self.request_head = data[:API_HEAD_BYTES]
            return super().received(data)

        def readable(self) -> bool:
            # The I/O loop asks every channel this at least once a second (asyncore_loop_timeout).
            if (self.request is not None and not self.requests and not self.will_close
                    and time.monotonic() - self.request_started > limits.request_timeout):
                self.will_close = True  # writable() turns true and the loop closes the socket
            return super().readable()

    return DeadlineChannel


def _error_task(app: Flask) -> type[ErrorTask]:
    class EnvelopeErrorTask(ErrorTask):
        """Waitress's own 400/413/431 answers in Warta's form: the JSON envelope for /api/ (and when the
        path could not be read), the error page for the other routes."""

        def execute(self) -> None:
            error = self.request.error
            code = error.reason.lower().replace(" ", "_")
            message = str(error.body)[:200]
            if API_REQUEST.match(self.channel.request_head) or not PAGE_REQUEST.match(self.channel.request_head):
                body = json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")
                content_type = "application/json"
            else:
                with app.test_request_context("/"):
                    body = render_template("error.html", code=code, message=message,
                                           status=error.code).encode("utf-8")
                content_type = "text/html; charset=utf-8"
            self.status = f"{error.code} {error.reason}"
            self.response_headers.append(("Content-Type", content_type))
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    return EnvelopeErrorTask


def make_server(app: Flask, host: str, port: int, limits: ServerLimits = ServerLimits()):
    """A waitress server already bound to host:port (OSError when it cannot be); `.run()` serves,
    `.effective_host`/`.effective_port` say where."""
    sockets: dict = {}
    server = create_server(app, map=sockets, host=host, port=port, ident="warta", threads=limits.threads,
                           connection_limit=limits.connection_limit, channel_timeout=limits.idle_timeout,
                           cleanup_interval=1, max_request_header_size=limits.max_header_bytes,
                           max_request_body_size=limits.max_body_bytes)
    channel = _deadline_channel(limits, _error_task(app))
    for dispatcher in sockets.values():
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = channel
    return server
