"""Closed-loop HTTP clients for the load benches: each keeps one connection open and sends its next request
when the last answer has arrived, as a reader's browser does.

They run as asyncio tasks in one thread over raw HTTP/1.1, so that measuring costs the machine little: a
client written with urllib (a new connection, a Python HTTP parser and a thread per request) took a large share
of the two cores it was measuring.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field
from typing import Sequence

ANSWER_SECONDS = 60.0  # a request not answered within this is counted as an error


@dataclass
class Answers:
    """What the clients saw: per request its start (seconds since the run began), latency and status."""

    started: list[float] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def between(self, start: float, end: float) -> list[float]:
        """Latencies of the requests started in [start, end)."""
        return [latency for begun, latency in zip(self.started, self.latencies) if start <= begun < end]

    def errors_between(self, start: float, end: float) -> int:
        return sum(1 for error in self.errors if start <= float(error.split(" ", 1)[0]) < end)


def run_clients(host: str, port: int, paths: Sequence[str], clients: int, seconds: float,
                answers: Answers, origin: float) -> None:
    """`clients` clients cycling through `paths` (each from its own offset) for `seconds`; what they see is
    added to `answers`, times counted from `origin` (a time.perf_counter() value)."""
    asyncio.run(_run(host, port, list(paths), clients, seconds, answers, origin))


async def _run(host, port, paths, clients, seconds, answers, origin) -> None:
    stop_at = time.perf_counter() + seconds
    await asyncio.gather(*(_client(host, port, paths, offset, stop_at, answers, origin)
                           for offset in range(clients)))


async def _client(host: str, port: int, paths: list[str], offset: int, stop_at: float, answers: Answers,
                  origin: float) -> None:
    connection = None
    for path in itertools.islice(itertools.cycle(paths), offset % len(paths), None):
        if time.perf_counter() >= stop_at:
            break
        started = time.perf_counter()
        try:
            if connection is None:
                connection = await asyncio.wait_for(asyncio.open_connection(host, port), ANSWER_SECONDS)
            status, keep = await asyncio.wait_for(_exchange(*connection, host, port, path), ANSWER_SECONDS)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError,
                ValueError, KeyError) as error:  # KeyError: an answer without Content-Length
            answers.errors.append(f"{started - origin:.3f} {path[:60]}: {type(error).__name__} {error}")
            connection = _close(connection)
            continue
        answers.started.append(started - origin)
        answers.latencies.append(time.perf_counter() - started)
        if status != 200:
            answers.errors.append(f"{started - origin:.3f} {path[:60]}: HTTP {status}")
        if not keep:
            connection = _close(connection)
    _close(connection)


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, port: int,
                    path: str) -> tuple[int, bool]:
    """One request and its whole answer: (status, whether the connection stays open)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode("ascii"))
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
    status_line, *header_lines = head.split("\r\n")
    headers = {name.strip().lower(): value.strip()
               for name, _, value in (line.partition(":") for line in header_lines if line)}
    await reader.readexactly(int(headers["content-length"]))
    return int(status_line.split(" ", 2)[1]), headers.get("connection", "").lower() != "close"


def _close(connection) -> None:
    if connection is not None:
        connection[1].close()
    return None
