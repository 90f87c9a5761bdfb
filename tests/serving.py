"""A real `warta serve` process for tests and benches: start it on a free port, wait until it answers."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence

ROOT = Path(__file__).resolve().parent.parent

START_SECONDS = 60  # a shared 2-core machine running other builds took over 30 s to answer once


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str, timeout: float = 10.0) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def server_processes(pid: int) -> list[int]:
    """A `warta serve` process and its worker processes (children), the master first."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return [pid, *sorted(int(child) for child in children)]


def _proc_megabytes(path: str, label: str) -> int:
    """The kB figure after `label` in a /proc file, in MB; 0 when the file lacks it."""
    for line in Path(path).read_text().splitlines():
        if line.startswith(label):
            return int(line.split()[1]) // 1024
    return 0


def resident_mb(pid: int) -> int:
    """A process's resident set size in MB (pages it shares with other processes counted in full)."""
    return _proc_megabytes(f"/proc/{pid}/status", "VmRSS:")


def proportional_mb(pid: int) -> int:
    """A process's proportional set size in MB: its private pages, and its share of pages it shares with others
    (a forked worker's inherited pages count once over all the processes sharing them)."""
    return _proc_megabytes(f"/proc/{pid}/smaps_rollup", "Pss:")


@contextmanager
def running(command: Callable[[int], list[str]], probe: str, name: str,
            start_seconds: float = START_SECONDS) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield the base URL and the process of a server started by `command(port)` on a free port, once GET
    `probe` answers (within `start_seconds`, else RuntimeError with its log); stop it afterwards."""
    port = free_port()
    log = tempfile.TemporaryFile()  # a file, not a pipe: a pipe nobody reads would block the server's logging
    process = subprocess.Popen(command(port), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            try:
                get_json(base + probe, timeout=10)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"{name} did not start: " + log.read().decode()) from None
                time.sleep(0.1)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@contextmanager
def serving(index: Path, threads: int = 8, with_process: bool = False, options: Sequence[str] = (),
            start_seconds: float = START_SECONDS, command: Sequence[str] = ("-m", "search.cli")) -> Iterator:
    """Yield the base URL of a `warta serve` process over `index` (with `with_process`, the URL and the
    process), started with extra `options` (by `python COMMAND serve ...`), answering within `start_seconds`
    (it warms the index first: the first search opens the index, slow on a busy machine); stop it afterwards."""
    def warta(port: int) -> list[str]:
        return [sys.executable, *command, "serve", "--index", str(index), "--port", str(port),
                "--threads", str(threads), *options]

    with running(warta, "/api/search?q=", "warta serve", start_seconds) as (base, process):
        yield (base, process) if with_process else base
