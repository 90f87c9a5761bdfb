"""The production server: answers while a reindex swaps generations underneath it."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from search.warmlist import WARM_FILE

from .conftest import CORPUS, ROOT, SEEDS
from .serving import get_json, serving


def test_queries_never_fail_while_reindexing(tmp_path):
    index = tmp_path / "ix"
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(SEEDS), "--index", str(index), "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    statuses: list[int] = []
    totals: set[int] = set()
    stop = threading.Event()
    with serving(index) as base:

        def client() -> None:
            while not stop.is_set():
                status, body = get_json(base + "/api/search?q=")
                statuses.append(status)
                totals.add(body.get("total", -1))

        threads = [threading.Thread(target=client) for _ in range(4)]
        for thread in threads:
            thread.start()
        for sources in ([SEEDS, CORPUS], [SEEDS], [SEEDS, CORPUS]):
            subprocess.run([sys.executable, "-m", "search.cli", "reindex", *map(str, sources), "--index", str(index),
                            "--full", "--quiet"], cwd=ROOT, check=True, capture_output=True)
            time.sleep(0.3)
        stop.set()
        for thread in threads:
            thread.join()
        # the server opens a new generation in the background, answering from the old one meanwhile
        reached = _wait_until(lambda: get_json(base + "/api/search?q=")[1]["total"] == 7, seconds=10)
    assert statuses and set(statuses) == {200}
    assert totals == {1, 7}
    assert reached
    assert len(list(index.glob("gen-*"))) == 1  # the server let go of the old generations


def _index(tmp_path):
    index = tmp_path / "ix"
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", str(SEEDS), "--index", str(index), "--quiet"],
                   cwd=ROOT, check=True, capture_output=True)
    return index


def _exchange(port: int, data: bytes, timeout: float = 10.0) -> bytes:
    """Send raw bytes, read until the server closes (or `timeout`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        answer = b""
        try:
            sock.sendall(data)
            while chunk := sock.recv(65536):
                answer += chunk
        except ConnectionResetError:  # the server answered and closed before reading all we sent
            pass
    return answer


def _port(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


def test_slow_clients_cannot_lock_everyone_out(tmp_path):
    """Ten connections (the whole limit here) each dripping a header byte a second: each is closed when its
    request has taken longer than --request-timeout, so a new client is answered within a few seconds."""
    with serving(_index(tmp_path), threads=2, options=["--connection-limit", "10", "--request-timeout", "2"]) as base:
        port = _port(base)
        slow = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(10)]
        closed_after: list[float] = []
        started = time.monotonic()

        def drip(sock: socket.socket) -> None:
            try:
                for byte in b"GET /api/search?q=x HTTP/1.1\r\nHost: x\r\n":
                    sock.sendall(bytes([byte]))
                    time.sleep(0.5)
                    if time.monotonic() - started > 8:
                        return
            except OSError:
                closed_after.append(time.monotonic() - started)

        drippers = [threading.Thread(target=drip, args=(sock,)) for sock in slow]
        for thread in drippers:
            thread.start()
        time.sleep(0.5)
        status, body = get_json(base + "/api/search?q=reformasi", timeout=8)
        answered_after = time.monotonic() - started
        for thread in drippers:
            thread.join()
        for sock in slow:
            sock.close()
    assert (status, body["total"]) == (200, 1)
    assert answered_after < 5  # request timeout 2 s, maintenance once a second
    assert len(closed_after) == 10 and max(closed_after) < 6


def test_the_connection_limit_counts_client_connections_only(tmp_path):
    """--connection-limit 3: two idle connections leave room for a third client, three leave none (waitress
    counts its own listening socket and wake-up pipe among the connections; Warta's limit does not)."""
    with serving(_index(tmp_path), options=["--workers", "1", "--connection-limit", "3"]) as base:
        port = _port(base)
        idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(2)]
        time.sleep(0.5)  # accepted by now
        assert get_json(base + "/api/search?q=reformasi", timeout=3)[0] == 200
        idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        time.sleep(0.5)
        refused = False
        try:
            get_json(base + "/api/search?q=reformasi", timeout=1.5)
        except OSError:  # queued by the kernel, never accepted while three connections are open
            refused = True
        for sock in idle:
            sock.close()
        assert refused
        assert get_json(base + "/api/search?q=reformasi", timeout=5)[0] == 200  # room again once they close


def _raw_search(port: int, source: str) -> bytes:
    """The first bytes of the answer to a search sent from `source` (a loopback address), b"" when the server
    closes the connection without answering, or resets it."""
    with socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(source, 0)) as sock:
        sock.sendall(b"GET /api/search?q=reformasi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        try:
            return sock.recv(12)
        except ConnectionResetError:
            return b""


def _first_refusal(port: int, source: str, seconds: float = 10.0) -> bytes:
    """Searches from `source` until one is not answered 200, or the last answer after `seconds`: on a loaded
    machine the server may not have accepted the idle connections yet when the first search comes."""
    deadline = time.monotonic() + seconds
    while True:
        answer = _raw_search(port, source)
        if answer != b"HTTP/1.1 200" or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def test_one_client_address_cannot_take_every_connection(tmp_path):
    """--client-connection-limit 3 of --connection-limit 10: a fourth connection from 127.0.0.1 is answered 429
    and closed while three idle ones stay open, and a client at 127.0.0.2 is still answered."""
    with serving(_index(tmp_path), options=["--workers", "1", "--connection-limit", "10",
                                            "--client-connection-limit", "3"]) as base:
        port = _port(base)
        idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(3)]
        refused = _first_refusal(port, "127.0.0.1")
        other = _raw_search(port, "127.0.0.2")
        for sock in idle:
            sock.close()
        time.sleep(0.5)
        again = _raw_search(port, "127.0.0.1")
    assert (refused, other, again) == (b"HTTP/1.1 429", b"HTTP/1.1 200", b"HTTP/1.1 200")


def test_a_slow_body_and_a_huge_header_hold_no_thread(tmp_path):
    with serving(_index(tmp_path), threads=1, options=["--request-timeout", "2"]) as base:
        port = _port(base)
        body_sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        body_sock.sendall(b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n")
        started = time.monotonic()
        # the one thread is free while the body trickles in
        assert get_json(base + "/api/search?q=reformasi", timeout=3)[0] == 200
        closed = False
        try:
            while time.monotonic() - started < 8:
                body_sock.sendall(b"x")
                time.sleep(0.3)
                if body_sock.recv(1, socket.MSG_DONTWAIT | socket.MSG_PEEK) == b"":
                    closed = True
                    break
        except BlockingIOError:
            pass
        except OSError:
            closed = True
        if not closed:  # the last read may have raced the close
            body_sock.settimeout(3)
            closed = body_sock.recv(1) == b""
        body_sock.close()
        assert closed and time.monotonic() - started < 5

        started = time.monotonic()
        answers = [_exchange(port, b"GET /api/search HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * size + b"\r\n\r\n")
                   for size in (17_000, 100_000)]
        assert time.monotonic() - started < 3
        head, _, payload = answers[0].partition(b"\r\n\r\n")
        assert head.split(b" ", 1)[1].startswith(b"431 ") and b"Content-Type: application/json" in head
        assert json.loads(payload)["error"]["code"] == "request_header_fields_too_large"
        assert answers[1] == b"" or answers[1].split(b" ", 1)[1].startswith(b"431 ")  # refused, maybe reset unread
        page = _exchange(port, b"GET /?q=" + b"a" * 17_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n").decode()
        assert page.split(" ", 2)[1] == "431" and "text/html" in page.split("\r\n\r\n")[0]
        assert "<title>Alamat terlalu panjang — Warta</title>" in page  # the app's own error page, in Indonesian
        assert "Alamat atau permintaan ini terlalu panjang untuk dilayani." in page
        assert get_json(base + "/api/search?q=reformasi", timeout=3)[0] == 200


def test_raw_non_ascii_path_gets_the_error_envelope(tmp_path):
    with serving(_index(tmp_path)) as base:
        answer = _exchange(_port(base), b"GET /api/\xc3\xa9x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        page = _exchange(_port(base), b"GET /\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400 ") and b"Content-Type: application/json" in head
    assert json.loads(payload) == {"error": {"code": "bad_request", "message": "Bad URI"}}
    assert page.startswith(b"HTTP/1.1 400 ") and b"Content-Type: text/html" in page
    assert "Permintaan ini tidak dapat dibaca: alamat atau isiannya tidak sah." in page.decode()  # the app's page


def _head_lines(head: bytes) -> list[bytes]:
    """An answer's status line and headers, without those that differ between two answers (Date) or describe
    the connection rather than the resource (Connection)."""
    return [line for line in head.split(b"\r\n") if not line.lower().startswith((b"date:", b"connection:"))]


STREAMED = (b"/api/search.csv?q=reformasi", b"/api/search.jsonl?q=reformasi", b"/api/export?format=csv&q=reformasi")


def test_head_on_a_streamed_export_answers_gets_headers_without_a_body_and_keeps_the_connection(tmp_path):
    with serving(_index(tmp_path)) as base:
        answers = {path: (_exchange(_port(base), b"HEAD " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n"
                                    b"GET /api/search?q=reformasi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                          _exchange(_port(base), b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                   for path in STREAMED}
    for path, (answer, got) in answers.items():
        head, _, after = answer.partition(b"\r\n\r\n")
        assert _head_lines(head) == _head_lines(got.partition(b"\r\n\r\n")[0]), path
        assert b"Transfer-Encoding: chunked" in head and b"Connection: close" not in head, path
        assert after.startswith(b"HTTP/1.1 200 OK\r\n"), path  # not `0\r\n\r\n`: the next answer, same connection
        assert json.loads(after.partition(b"\r\n\r\n")[2])["total"] == 1, path


def test_serve_prints_where_it_listens_once_bound_and_sigint_exits_130(tmp_path):
    index = _index(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--index", str(index), "--port", "0"],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        port = int(line.rstrip().rstrip("/").rsplit(":", 1)[1])
        assert line == f"Warta serving {index} on http://127.0.0.1:{port}/\n"
        assert get_json(f"http://127.0.0.1:{port}/api/search?q=reformasi")[1]["total"] == 1
        # the same port again: the bind fails, and nothing claims to be serving
        taken = subprocess.run([sys.executable, "-m", "search.cli", "serve", "--index", str(index),
                                "--port", str(port)], cwd=ROOT, capture_output=True, text=True, timeout=30)
        assert taken.returncode == 1
        assert taken.stderr == f"warta serve: cannot listen on 127.0.0.1:{port}: Address already in use\n"
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 130
        assert process.stderr.read() == "warta serve: interrupted\n"
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()


def test_postings_damaged_while_serve_warms_up_stop_it_in_one_line_before_it_forks(tmp_path, monkeypatch, capsys):
    """`serve` verified the index and printed its address; a file truncated while the master warms the index
    (before it forks) ends `serve` with one line and exit 1, as an index damaged at its start does."""
    from search.cli import EXIT_ERROR, main
    from search.generation import Generation
    from search.generations import current_generation
    from search.indexer import build_index

    index = tmp_path / "ix"
    build_index([SEEDS, CORPUS], index)
    generation = current_generation(index)
    postings = next(generation.glob("*.pst"))
    size = postings.stat().st_size
    warm = Generation.warm

    def damaged_then_warmed(opened, *args, **kwargs):
        os.truncate(postings, 100)
        warm(opened, *args, **kwargs)

    def forked(*args, **kwargs):
        raise AssertionError("serve went on to fork workers over a damaged index")

    monkeypatch.setattr(Generation, "warm", damaged_then_warmed)
    monkeypatch.setattr("web.server._gunicorn_application", forked)
    assert main(["serve", "--index", str(index), "--port", "0"]) == EXIT_ERROR
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"Warta serving {index} on http://127.0.0.1:")
    assert err[1:] == [f"warta serve: the index generation {generation} is damaged: {postings.name} has 100 bytes "
                       f"instead of {size}; run `warta reindex` to rebuild it"]


def _children(pid: int) -> list[int]:
    return sorted(int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())


def _leases(pid: int) -> set[str]:
    """The generations whose lease file a process holds open."""
    held = set()
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(descriptor)
        except OSError:
            continue
        if target.endswith("/.inuse"):
            held.add(Path(target).parent.name)
    return held


def _wait_until(condition, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        if time.monotonic() > deadline:
            return found
        time.sleep(0.1)
    return found


def _reindex(index, *sources) -> None:
    subprocess.run([sys.executable, "-m", "search.cli", "reindex", *map(str, sources), "--index", str(index),
                    "--full", "--quiet"], cwd=ROOT, check=True, capture_output=True)


def test_two_workers_each_serve_and_follow_a_reindex_letting_the_old_generation_go(tmp_path):
    index = _index(tmp_path)
    with serving(index, with_process=True, options=["--workers", "2"]) as (base, process):
        workers = _wait_until(lambda: len(_children(process.pid)) == 2 and _children(process.pid))
        first = os.readlink(index / "current")
        assert _wait_until(lambda: all(_leases(worker) == {first} for worker in workers))
        assert _leases(process.pid) == set()  # the master warmed the index, then let it go before forking
        for stopped, running in (workers, workers[::-1]):  # each alone answers while the other is stopped
            os.kill(stopped, signal.SIGSTOP)
            try:
                assert [get_json(base + "/api/search?q=reformasi", timeout=10)[0] for _ in range(5)] == [200] * 5
            finally:
                os.kill(stopped, signal.SIGCONT)
        _reindex(index, SEEDS, CORPUS)
        second = os.readlink(index / "current")
        assert second != first
        # each worker opens and warms the new generation in the background, then lets the old one go
        assert _wait_until(lambda: all(_leases(worker) == {second} for worker in workers))
        assert _wait_until(lambda: not (index / first).exists())
        assert {get_json(base + "/api/search?q=")[1]["total"] for _ in range(10)} == {7}
        assert _children(process.pid) == workers


def test_a_killed_worker_is_replaced_and_the_server_keeps_answering(tmp_path):
    index = _index(tmp_path)
    with serving(index, with_process=True, options=["--workers", "2"]) as (base, process):
        workers = _wait_until(lambda: len(_children(process.pid)) == 2 and _children(process.pid))
        os.kill(workers[0], signal.SIGKILL)
        replaced = _wait_until(lambda: (lambda now: len(now) == 2 and workers[0] not in now and now)
                               (_children(process.pid)))
        assert replaced and workers[1] in replaced
        newcomer = next(worker for worker in replaced if worker != workers[1])
        assert _wait_until(lambda: _leases(newcomer) == {os.readlink(index / "current")})
        assert [get_json(base + "/api/search?q=reformasi")[1]["total"] for _ in range(5)] == [1] * 5


def test_sigterm_lets_the_workers_finish_and_ends_as_sigterm_always_ended_it(tmp_path):
    index = _index(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "search.cli", "serve", "--index", str(index), "--port", "0",
                                "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    try:
        port = int(process.stderr.readline().rstrip().rstrip("/").rsplit(":", 1)[1])
        assert _wait_until(lambda: _answers(port))
        workers = _children(process.pid)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == -signal.SIGTERM
        assert process.stderr.read() == ""
        assert not any(Path(f"/proc/{worker}").exists() for worker in workers)
        # a worker stopping writes the searches it answered, for the next server to ask before it listens
        saved = json.loads((index / WARM_FILE).read_text(encoding="utf-8"))["searches"]
        assert [entry["q"] for entry in saved] == ["reformasi"]
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()


def _answers(port: int) -> bool:
    try:
        return get_json(f"http://127.0.0.1:{port}/api/search?q=reformasi", timeout=2)[0] == 200
    except OSError:
        return False


ONE_PROCESS = ("-c", "import sys, web.server; web.server.forking_available = lambda: False; "
                     "from search.cli import main; sys.exit(main(sys.argv[1:]))")


def test_without_fork_one_waitress_process_serves_and_sigint_exits_130(tmp_path):
    index = _index(tmp_path)
    with serving(index, with_process=True, command=ONE_PROCESS) as (base, process):
        assert get_json(base + "/api/search?q=reformasi")[1]["total"] == 1
        assert _children(process.pid) == []
        _reindex(index, SEEDS, CORPUS)  # followed as the workers follow it
        assert _wait_until(lambda: get_json(base + "/api/search?q=")[1]["total"] == 7)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 130


def test_what_the_master_warmed_is_frozen_before_it_forks(index_root):
    import gc

    from web import create_app
    from web.server import warm_before_forking

    before = gc.get_freeze_count()
    try:
        warm_before_forking(create_app({"WARTA_INDEX": str(index_root)}))
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


@contextmanager
def _served_from_a_thread(server) -> Iterator[None]:
    """Run `server`'s I/O loop in a thread; on leaving, close it and wait for the loop to end. Closing from
    another thread can pull a socket from under the loop's select(): that error is expected once closing began
    and is the only one swallowed."""
    closing = threading.Event()

    def run() -> None:
        try:
            server.run()
        except OSError:
            if not closing.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        closing.set()
        server.close()
        thread.join(10)
        assert not thread.is_alive()


@contextmanager
def _tiny_server(limits) -> Iterator:
    """A waitress server from make_server on a free port, over a one-route app, serving from a thread."""
    from flask import Flask

    from web.server import make_server

    app = Flask("tiny")
    app.add_url_rule("/", "hello", lambda: "hello")
    server = make_server(app, "127.0.0.1", 0, limits=limits)
    with _served_from_a_thread(server):
        yield server


def _answers_on_one_connection(port: int, count: int) -> list[bytes]:
    """Send `count` keep-alive requests one after another on one connection; each answer's head, lower-cased
    (an empty one once the server has closed the connection)."""
    heads = []
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        reader = sock.makefile("rb")
        for _ in range(count):
            head = b""
            try:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                while (line := reader.readline()) not in (b"\r\n", b""):
                    head += line
            except OSError:  # closed by the server: the send or the read is refused
                head = b""
            heads.append(head.lower())
            if head:
                reader.read(int(re.search(rb"content-length: (\d+)", head.lower()).group(1)))
    return heads


def test_a_connection_is_closed_after_its_keepalive_requests_so_clients_spread_over_workers():
    from web.server import ServerLimits

    with _tiny_server(ServerLimits(threads=2, keepalive_requests=3)) as server:
        heads = _answers_on_one_connection(server.effective_port, 4)
    assert [head.startswith(b"http/1.1 200") for head in heads] == [True, True, True, False]
    assert [b"connection: close" in head for head in heads] == [False, False, True, False]


@contextmanager
def _app_server(index: Path) -> Iterator[int]:
    """The app over `index` behind make_server in this process, serving from a thread: its port."""
    from web import create_app
    from web.server import ServerLimits, make_server

    app = create_app({"WARTA_INDEX": str(index)})
    server = make_server(app, "127.0.0.1", 0, limits=ServerLimits(threads=1))
    try:
        with _served_from_a_thread(server):
            yield server.effective_port
    finally:
        app.extensions["warta"].close()


def test_the_servers_own_error_on_the_feed_is_the_json_envelope_as_the_apps_are(index_root):
    with _app_server(index_root) as port:
        answer = _exchange(port, b"GET /feed?q=a HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 17_000 + b"\r\n\r\n")
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.split(b" ", 1)[1].startswith(b"431 ") and b"Content-Type: application/json" in head
    assert json.loads(payload)["error"]["code"] == "request_header_fields_too_large"


@pytest.mark.parametrize("path", [b"/api", b"/API/search", b"/api?q=a"])
def test_the_servers_own_error_on_any_api_path_is_the_json_envelope_as_the_apps_is(index_root, path):
    """As the app (views.wants_json): `/api` and any path under it in any case."""
    with _app_server(index_root) as port:
        answer = _exchange(port, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 17_000 + b"\r\n\r\n")
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == b"HTTP/1.0 431 Request Header Fields Too Large"  # waitress answers 1.0
    assert b"\r\nContent-Type: application/json\r\n" in head
    assert json.loads(payload) == {"error": {"code": "request_header_fields_too_large",
                                             "message": "exceeds max_header of 16384"}}


def test_an_options_answer_ends_with_its_head_and_the_connection_answers_on(index_root):
    with _app_server(index_root) as port:
        answer = _exchange(port, b"OPTIONS /api/search HTTP/1.1\r\nHost: x\r\n\r\n"
                           b"GET /api/search?q=musrenbang HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head, _, after = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 204 ") and b"\r\nAllow: GET, HEAD, OPTIONS\r\n" in head
    assert b"Connection: close" not in head and b"\r\nContent-Type:" not in head
    assert after.startswith(b"HTTP/1.1 200 OK\r\n")  # the next request, answered on the same connection
    assert json.loads(after.partition(b"\r\n\r\n")[2])["total"] == 1


def test_options_asterisk_asks_the_server_itself_and_is_answered_as_any_path(index_root):
    """Trial 32: `OPTIONS * HTTP/1.1` (RFC 9110: about the server, not a resource) was a 404 HTML page."""
    with _app_server(index_root) as port:
        answer = _exchange(port, b"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head = answer.partition(b"\r\n\r\n")[0]
    assert head.startswith(b"HTTP/1.1 204 ") and b"\r\nAllow: GET, HEAD, OPTIONS\r\n" in head


def test_the_io_loop_does_not_ask_to_write_while_a_task_thread_holds_the_output_lock():
    """A task sending its own answer holds the channel's output lock; a loop asking to write meanwhile would
    spin (select answers at once, handle_write cannot take the lock), holding the GIL the task needs."""
    from web.server import ServerLimits

    client, served = socket.socketpair()
    try:
        with _tiny_server(ServerLimits(threads=1)) as server:
            channel_class = next(d for d in server._map.values() if hasattr(d, "channel_class")).channel_class
            channel = channel_class(server, served, ("127.0.0.1", 1), server.adj, map={})
            channel.requests = [object()]  # a request being answered by a task
            channel.outbufs[-1].append(b"part of an answer")
            channel.total_outbufs_len = 17
            held, release = threading.Event(), threading.Event()

            def task() -> None:
                with channel.outbuf_lock:
                    held.set()
                    release.wait(5)

            thread = threading.Thread(target=task)
            thread.start()
            held.wait(5)
            while_held = bool(channel.writable())
            release.set()
            thread.join()
            assert (while_held, bool(channel.writable())) == (False, True)
            channel.will_close = True  # a channel to close is always writable: the loop closes it in handle_write
            with channel.outbuf_lock:
                assert channel.writable()
    finally:
        client.close()
        served.close()


def test_a_warta_error_past_an_answers_head_is_logged_in_one_line_without_traceback():
    import logging
    import sys

    from search.errors import IndexDamagedError
    from web.server import OneLineWartaErrors

    def record_of(error: Exception) -> logging.LogRecord:
        try:
            raise error
        except Exception:
            return logging.LogRecord("waitress", logging.ERROR, __file__, 1, "Exception while serving %s",
                                     ("/api/search.csv",), sys.exc_info())

    damaged = record_of(IndexDamagedError("the index generation gen-1 is damaged: MAIN.pst has 100 bytes"))
    assert OneLineWartaErrors().filter(damaged)
    assert (damaged.getMessage(), damaged.exc_info) == (
        "Exception while serving /api/search.csv: the index generation gen-1 is damaged: MAIN.pst has 100 bytes",
        None)
    bug = record_of(KeyError("x"))  # anything else keeps its traceback
    assert OneLineWartaErrors().filter(bug) and bug.exc_info is not None


def test_serving_threads_share_one_malloc_arena_where_glibc_allows_it():
    import platform

    from web.server import share_one_malloc_arena

    expected = platform.libc_ver()[0] == "glibc"  # elsewhere there is nothing to set, and nothing fails
    assert share_one_malloc_arena() is expected


def test_one_address_may_have_only_its_share_of_the_threads_answering_at_once(app):
    """Trial 29: 32 exports sent at once from one address held every thread, and a search from another waited
    21 s. Past its share (here one request at once), an address is answered 429 at once with Retry-After; an
    export counts until its streamed answer is closed; other addresses are answered meanwhile."""
    from werkzeug.test import EnvironBuilder

    from web.server import FairShare, ServerLimits, requests_per_client

    share = FairShare(app, 1, 2)  # one request of an address at once when no thread is to spare: two threads

    def call(path: str, address: str):
        answered = {}
        environ = EnvironBuilder(path=path, environ_base={"REMOTE_ADDR": address}).get_environ()
        body = share(environ, lambda status, headers, exc_info=None: answered.update(status=status,
                                                                                         headers=dict(headers)))
        return answered, body

    (first, streaming) = call("/api/search.jsonl?q=reformasi", "10.0.0.1")
    (refused, refused_body) = call("/api/search?q=reformasi", "10.0.0.1")
    (other, other_body) = call("/api/search?q=reformasi", "10.0.0.2")
    assert (first["status"], refused["status"], refused["headers"]["Retry-After"], other["status"]) == (
        "200 OK", "429 TOO MANY REQUESTS", "1", "200 OK")
    assert json.loads(b"".join(refused_body))["error"]["code"] == "too_many_requests"
    other_body.close()
    list(streaming)
    streaming.close()
    (again, again_body) = call("/?q=reformasi", "10.0.0.1")  # the export's answer sent: its share is back
    again_body.close()
    assert again["status"] == "200 OK"
    (static, static_body) = call("/static/style.css", "10.0.0.1")  # a page's files are never refused
    static_body.close()
    assert static["status"] == "200 OK"
    roomy = FairShare(app, 1, 8, exports=8)  # with threads to spare, an address may have more answered at once
    bodies = [roomy(EnvironBuilder(path="/api/search.jsonl?q=reformasi", environ_base={"REMOTE_ADDR": "10.0.0.3"}
                                   ).get_environ(), lambda *args: None) for _ in range(7)]
    assert roomy._total == 7 and roomy._running["10.0.0.3"] == 7  # one thread of eight stays free
    (past, past_body) = (lambda answered: (answered, roomy(EnvironBuilder(
        path="/?q=reformasi", environ_base={"REMOTE_ADDR": "10.0.0.3"}).get_environ(),
        lambda status, headers, exc_info=None: answered.update(status=status, headers=dict(headers)))))({})
    assert (past["status"], "Content-Security-Policy" in past["headers"]) == ("429 TOO MANY REQUESTS", True)
    assert 'value="reformasi"' in b"".join(past_body).decode()  # the page keeps the search
    for body in bodies:
        body.close()
    assert roomy._total == 0
    assert [requests_per_client(ServerLimits(threads=n)) for n in (1, 2, 8)] == [1, 1, 4]
    assert requests_per_client(ServerLimits(threads=8, client_request_limit=6)) == 6



def test_a_worker_answers_only_its_export_limit_of_exports_at_once_whoever_asks(app):
    """Trial 44: eight exports from eight addresses, sent while threads were free, held every thread of a worker
    and a search from a ninth got 503 after 5 s. Past the export limit an export is answered 503 server_busy at
    once, from any address, while searches are still answered; an export counts until its answer is closed."""
    from werkzeug.test import EnvironBuilder

    from web.server import FairShare, ServerLimits, exports_at_once

    share = FairShare(app, 4, 8, exports=2)
    answers = []

    def call(path: str, address: str):
        answered = {}
        environ = EnvironBuilder(path=path, environ_base={"REMOTE_ADDR": address}).get_environ()
        body = share(environ, lambda status, headers, exc_info=None: answered.update(status=status,
                                                                                         headers=dict(headers)))
        answers.append(body)
        return answered, body

    exporting = [call(path, f"10.0.1.{n}")[1] for n, path in enumerate(
        ("/api/search.csv?q=reformasi", "/api/export?format=jsonl&q=reformasi"), start=1)]
    (third, third_body) = call("/api/search.jsonl?q=reformasi", "10.0.1.3")
    (search, _) = call("/api/search?q=reformasi", "10.0.1.4")
    assert (third["status"], third["headers"]["Retry-After"], search["status"]) == (
        "503 SERVICE UNAVAILABLE", "1", "200 OK")
    assert json.loads(b"".join(third_body))["error"]["code"] == "server_busy"
    list(exporting[0])
    exporting[0].close()
    (after, _) = call("/api/search.csv?q=reformasi", "10.0.1.3")  # one export's answer sent: room for another
    assert after["status"] == "200 OK"
    for body in answers:
        body.close()
    assert (share._exporting, share._total) == (0, 0)
    assert [exports_at_once(ServerLimits(threads=n)) for n in (1, 4, 8, 64)] == [1, 1, 2, 16]
    assert exports_at_once(ServerLimits(threads=8, export_limit=5)) == 5


@contextmanager
def _holding_server(limits, app=None) -> Iterator[tuple[object, threading.Event, threading.Event]]:
    """make_server over `app` (a bare Flask app by default) with `/api/hold` added: a request there holds its
    thread until `release` is set (10 s at most), setting `entered` when it starts. Yields the server, entered
    and release; release is set on leaving."""
    from flask import Flask

    from web.server import make_server

    app = app or Flask("holding")
    entered, release = threading.Event(), threading.Event()

    def hold():
        entered.set()
        release.wait(10)
        return {"held": True}

    app.add_url_rule("/api/hold", "hold", hold)
    server = make_server(app, "127.0.0.1", 0, limits=limits)
    try:
        with _served_from_a_thread(server):
            yield server, entered, release
            release.set()
    finally:
        release.set()


def _send(port: int, path: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    return sock


def _answer(sock: socket.socket) -> tuple[bytes, bytes]:
    """The head and body of the answer on `sock`, read until the server closes it; then closes `sock`."""
    answer = b""
    with sock:
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return head, body


def test_a_request_past_the_queue_limit_is_refused_503_at_once_while_the_waiting_ones_are_answered():
    """Trial 41: 100 client addresses kept 43 requests waiting per worker and a cheap search took 3.45 s
    (p50), and no answer ever said the server was busy. With one thread held and --queue-limit 2 requests
    waiting, a third is answered 503 with Retry-After at once; the waiting ones are answered in turn."""
    from web.server import ServerLimits

    with _holding_server(ServerLimits(threads=1, queue_limit=2, queue_wait=60)) as (server, entered, release):
        port = server.effective_port
        held = _send(port, b"/api/hold")
        assert entered.wait(5)
        waiting = []
        for count in (1, 2):
            waiting.append(_send(port, b"/api/hold"))
            assert _wait_until(lambda: server.task_dispatcher.waiting() == count, seconds=5)
        started = time.monotonic()
        head, body = _answer(_send(port, b"/api/search?q=banjir"))
        refused_after = time.monotonic() - started
        release.set()
        answered = [_answer(sock)[0].split(b"\r\n", 1)[0] for sock in (held, *waiting)]
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 503 Service Unavailable"
    assert {b"Retry-After: 1", b"Content-Type: application/json", b"Connection: close"} <= set(head.split(b"\r\n"))
    assert json.loads(body) == {"error": {"code": "server_busy", "message": (
        "this server process is busy, with 2 waiting for a thread: retry in a moment")}}
    assert refused_after < 2  # not after the held request: at once
    assert answered == [b"HTTP/1.1 200 OK"] * 3


def test_a_request_is_refused_503_at_once_while_the_one_waiting_longest_has_waited_the_queue_wait():
    """How long the line stands, more than how long it is, says a worker is saturated: 32 keep-alive clients on
    one worker keep 24 requests waiting, answered in 35 ms (p50). With the one thread held, a request joins the
    line while the one waiting longest has waited less than --queue-wait (2 s here), and is refused after."""
    from web.server import ServerLimits

    with _holding_server(ServerLimits(threads=1, queue_wait=2)) as (server, entered, release):
        port = server.effective_port
        held = _send(port, b"/api/hold")
        assert entered.wait(5)
        waiting = []
        for count in (1, 2):  # the second joins: the first has waited less than 2 s
            waiting.append(_send(port, b"/api/hold"))
            assert _wait_until(lambda: server.task_dispatcher.waiting() == count, seconds=5)
        time.sleep(2.1)
        started = time.monotonic()
        head, body = _answer(_send(port, b"/api/search?q=banjir"))
        refused_after = time.monotonic() - started
        release.set()
        answered = [_answer(sock)[0].split(b"\r\n", 1)[0] for sock in (held, *waiting)]
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 503 Service Unavailable" and b"\r\nRetry-After: 1" in head
    assert re.fullmatch(r"this server process is busy: the request waiting longest has waited 2\.\d s for a "
                        r"thread; retry in a moment", json.loads(body)["error"]["message"])
    assert refused_after < 2
    assert answered == [b"HTTP/1.1 200 OK"] * 3

def test_the_line_refuses_by_its_length_and_by_the_first_ones_wait_and_an_export_at_a_quarter_of_both():
    from types import SimpleNamespace

    from web.server import WaitingLine

    line = WaitingLine(limit=16, patience=2.0)  # no threads started: every request queued waits

    def wait(count: int, first_waited: float) -> None:
        now = time.monotonic()
        line.queue.clear()
        line.queue.extend(SimpleNamespace(queued_at=now - first_waited + 0.01 * n) for n in range(count))

    wait(2, 0.6)
    assert line.refusal() is None
    assert re.fullmatch(r"this server process is busy: the request waiting longest has waited 0\.6 s for a "
                        r"thread; retry in a moment", line.refusal(0.25))  # an export: 0.6 s of 0.5
    wait(4, 0.1)
    assert (line.refusal(), line.refusal(0.25)) == (
        None, "this server process is busy, with 4 waiting for a thread: retry in a moment")  # 4 of 4
    wait(2, 2.1)
    assert line.refusal().startswith("this server process is busy: the request waiting longest has waited 2.1 s")
    wait(16, 0.1)
    assert line.refusal() == "this server process is busy, with 16 waiting for a thread: retry in a moment"

def test_the_queue_limit_is_a_multiple_of_the_threads_unless_set():
    from web.server import ServerLimits, waiting_allowed

    assert [waiting_allowed(ServerLimits(threads=n)) for n in (1, 8)] == [4, 32]
    assert waiting_allowed(ServerLimits(threads=8, queue_limit=5)) == 5


def test_a_request_waiting_longer_than_the_queue_timeout_is_refused_503_without_waiting_for_a_thread():
    """The one thread held for good: a request waiting behind it is answered 503 once it has waited
    --queue-timeout (1 s here; the I/O loop looks once a second), not when the thread is free."""
    from web.server import ServerLimits

    with _holding_server(ServerLimits(threads=1, queue_timeout=1)) as (server, entered, release):
        held = _send(server.effective_port, b"/api/hold")
        assert entered.wait(5)
        started = time.monotonic()
        head, body = _answer(_send(server.effective_port, b"/feed?q=banjir"))
        refused_after = time.monotonic() - started
        release.set()
        answered = _answer(held)[0].split(b"\r\n", 1)[0]
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 503 Service Unavailable" and b"\r\nRetry-After: 1" in head
    assert json.loads(body) == {"error": {"code": "server_busy", "message": (
        "this request waited 1 s for a thread, the longest this server process lets one wait: retry in a moment")}}
    assert 1 <= refused_after < 3  # the thread is held 10 s
    assert answered == b"HTTP/1.1 200 OK"


def test_an_export_may_join_only_the_first_quarter_of_the_waiting_line():
    """Trial 41's exports were one request in eleven and most of the CPU: with one request waiting of the two
    the line holds, an export is refused at once, and a search still waits its turn."""
    from web.server import ServerLimits

    with _holding_server(ServerLimits(threads=1, queue_limit=2, queue_wait=60)) as (server, entered, release):
        port = server.effective_port
        held = _send(port, b"/api/hold")
        assert entered.wait(5)
        waiting = _send(port, b"/api/hold")
        assert _wait_until(lambda: server.task_dispatcher.waiting() == 1, seconds=5)
        head, body = _answer(_send(port, b"/api/search.jsonl?q=banjir"))
        search = _send(port, b"/api/hold")
        assert _wait_until(lambda: server.task_dispatcher.waiting() == 2, seconds=5)
        release.set()
        answered = [_answer(sock)[0].split(b"\r\n", 1)[0] for sock in (held, waiting, search)]
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 503 Service Unavailable"
    assert json.loads(body)["error"]["message"] == (
        "this server process is busy, with 1 waiting for a thread: retry in a moment")
    assert answered == [b"HTTP/1.1 200 OK"] * 3


def test_a_page_refused_as_busy_is_the_apps_own_error_page_in_indonesian(index_root):
    from web import create_app
    from web.server import ServerLimits

    app = create_app({"WARTA_INDEX": str(index_root)})
    try:
        with _holding_server(ServerLimits(threads=1, queue_limit=1, queue_wait=60), app) as (server, entered,
                                                                                         release):
            held = _send(server.effective_port, b"/api/hold")
            assert entered.wait(5)
            waiting = _send(server.effective_port, b"/api/hold")
            assert _wait_until(lambda: server.task_dispatcher.waiting() == 1, seconds=5)
            head, body = _answer(_send(server.effective_port, b"/?q=banjir"))
            release.set()
            for sock in (held, waiting):
                _answer(sock)
    finally:
        app.extensions["warta"].close()
    page = body.decode()
    assert head.startswith(b"HTTP/1.1 503 ") and b"\r\nRetry-After: 1\r\n" in head
    assert b"Content-Type: text/html" in head
    assert "<title>Layanan tidak tersedia — Warta</title>" in page
    assert "Server sedang melayani terlalu banyak permintaan. Coba lagi sebentar lagi." in page


def test_a_connection_over_its_addresses_limit_is_answered_429_before_it_is_closed():
    """Trial 41: one address over its connections saw ~40 % of them closed with no answer or reset. The answer
    is sent before the request is read, and what the client sent is read and dropped before closing, so the
    client reads the whole answer and then the end of the connection, not a reset."""
    from web.server import ServerLimits

    with _tiny_server(ServerLimits(client_connection_limit=1)) as server:
        idle = socket.create_connection(("127.0.0.1", server.effective_port), timeout=5)
        deadline = time.monotonic() + 10
        while True:  # until the server has accepted the idle connection
            head, body = _answer(_send(server.effective_port, b"/"))
            if not head.startswith(b"HTTP/1.1 200") or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        idle.close()
    assert head.split(b"\r\n") == [b"HTTP/1.1 429 Too Many Requests", b"Content-Type: application/json",
                                   b"Content-Length: %d" % len(body), b"Retry-After: 1", b"Connection: close"]
    assert json.loads(body) == {"error": {"code": "too_many_connections", "message": (
        "this address has as many connections open to this server process as one address may (1): close one, "
        "or retry in a moment")}}


def test_a_request_waitress_cannot_read_gets_its_own_error_even_when_the_line_is_full():
    """Its answer is cheap and says what is wrong: a 400 is never hidden behind a 503 (nor lost: reading its
    path, which it lacks, once closed the connection unanswered)."""
    from web.server import ServerLimits

    with _holding_server(ServerLimits(threads=1, queue_limit=1, queue_wait=0.1)) as (server, entered, release):
        held = _send(server.effective_port, b"/api/hold")
        assert entered.wait(5)
        waiting = _send(server.effective_port, b"/api/hold")
        assert _wait_until(lambda: server.task_dispatcher.waiting() == 1, seconds=5)
        unreadable = _send(server.effective_port, b"/api/\xc3\xa9x")
        assert _wait_until(lambda: server.task_dispatcher.waiting() == 2, seconds=5)
        release.set()
        answers = [_answer(sock) for sock in (held, waiting, unreadable)]
    assert [head.split(b"\r\n", 1)[0] for head, _ in answers] == [b"HTTP/1.1 200 OK"] * 2 + [
        b"HTTP/1.1 400 Bad Request"]
    assert json.loads(answers[2][1]) == {"error": {"code": "bad_request", "message": "Bad URI"}}


def _feed_without_host(port: int, version: bytes) -> tuple[bytes, list[bytes]]:
    """The status line and the ids of `/feed?q=musrenbang` asked without a Host header."""
    answer = _exchange(port, b"GET /feed?q=musrenbang " + version + b"\r\nConnection: close\r\n\r\n")
    return answer.split(b"\r\n", 1)[0], re.findall(rb"<id>([^<]*)</id>", answer)


def test_a_feed_asked_without_a_host_links_to_where_serve_listens_or_is_a_400_under_http_1_1(index_root):
    """Trial 52: under `serve` (pre-forked workers) such a feed linked to `http://waitress.invalid:<port>/`."""
    with serving(index_root) as base:
        port = _port(base)
        old, new = _feed_without_host(port, b"HTTP/1.0"), _feed_without_host(port, b"HTTP/1.1")
    assert old[0] == b"HTTP/1.0 200 OK"
    assert old[1][0] == f"http://127.0.0.1:{port}/feed?q=musrenbang".encode()
    assert old[1][1].startswith(f"http://127.0.0.1:{port}/article/".encode()) and len(old[1]) == 2
    assert (new[0][:13], new[1]) == (b"HTTP/1.1 400 ", [])


def test_one_waitress_process_answers_a_request_without_a_host_with_its_own_address(index_root):
    with _app_server(index_root) as port:
        status, ids = _feed_without_host(port, b"HTTP/1.0")
    assert (status, ids[0]) == (b"HTTP/1.0 200 OK", f"http://127.0.0.1:{port}/feed?q=musrenbang".encode())


def test_a_server_listening_everywhere_names_the_loopback_address_for_a_request_without_a_host():
    from web.server import answering_name

    assert [answering_name(host) for host in ("0.0.0.0", "::", "127.0.0.1", "192.168.1.5", "::1")] == [
        "127.0.0.1", "::1", "127.0.0.1", "192.168.1.5", "::1"]


SMUGGLED = b"GET /api/officials/Thamrin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"  # answered, it closes


def test_a_request_with_both_content_length_and_transfer_encoding_is_refused_and_its_hidden_request_unanswered(
        index_root):
    """Trial finding: waitress 3.0.2 read the body as chunked (`0`, empty), answered, and kept the connection, so
    the request a Content-Length-framing proxy took for the body was answered too (two 200s)."""
    body = b"0\r\n\r\n" + SMUGGLED
    with _app_server(index_root) as port:
        answer = _exchange(port, b"GET /api/search?q=musrenbang&per_page=1 HTTP/1.1\r\nHost: x\r\nContent-Length: "
                           + str(len(body)).encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 400 Bad Request" and b"\r\nConnection: close\r\n" in head
    assert answer.count(b"HTTP/1.1 ") == 1  # closed after the refusal: the hidden request is never answered
    assert json.loads(payload) == {"error": {"code": "bad_request", "message": (
        "a request with both Content-Length and Transfer-Encoding is refused: send one of them")}}


def _status_lines(port: int, request_head: bytes) -> list[bytes]:
    """Every status line answered to `request_head`, an empty chunked body and SMUGGLED behind it, before the
    server closes the connection."""
    answer = _exchange(port, request_head + b"\r\n\r\n0\r\n\r\n" + SMUGGLED, timeout=5)
    return re.findall(rb"HTTP/1\.[01] \d{3} [^\r]*", answer)


def test_a_transfer_encoding_other_than_chunked_once_is_refused_and_closes_the_connection(index_root):
    search = b"GET /api/search?q=musrenbang HTTP/1.1\r\nHost: x\r\n"
    refusals = {  # after the search's head: how it is answered, alone on its connection
        b"Transfer-Encoding: chunked, identity": b"HTTP/1.1 501 Not Implemented",  # waitress's own
        b"Transfer-Encoding: xchunked": b"HTTP/1.1 501 Not Implemented",
        b"Transfer-Encoding: chunked, chunked": b"HTTP/1.1 400 Bad Request",
        b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked": b"HTTP/1.1 400 Bad Request",
        b"Transfer-Encoding: ": b"HTTP/1.1 400 Bad Request",
        b"Content-Length: 0\r\nContent-Length: 5": b"HTTP/1.1 400 Bad Request",  # waitress's own
        b"Content-Length: 5\r\nTRANSFER-ENCODING: Chunked": b"HTTP/1.1 400 Bad Request",
        b"X-A: b\r\n c\r\nTransfer-Encoding: chunked": b"HTTP/1.1 400 Bad Request",  # a folded line
    }
    with _app_server(index_root) as port:
        answered = {headers: _status_lines(port, search + headers) for headers in refusals}
        old = _status_lines(port, b"GET /api/search?q=musrenbang HTTP/1.0\r\nConnection: keep-alive\r\n"
                            b"Transfer-Encoding: chunked")
        pipelined = _status_lines(port, search + b"Transfer-Encoding: chunked")
    assert answered == {headers: [status] for headers, status in refusals.items()}
    assert old == [b"HTTP/1.0 400 Bad Request"]  # before, a 200, then a 400 for the chunk read as a request
    assert pipelined == [b"HTTP/1.1 200 OK"] * 2  # chunked alone: a body, then the next request


def test_framing_problem_says_why_a_body_could_be_read_two_ways():
    from web.server import framing_problem

    both = "a request with both Content-Length and Transfer-Encoding is refused: send one of them"
    once = "Transfer-Encoding must be `chunked`, once"
    heads = {
        (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked", "1.1"): None,
        (b"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ,Chunked ,", "1.1"): None,  # empty list elements
        (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3", "1.1"): None,
        (b"GET / HTTP/1.1\r\ncontent-length: 3\r\ntransfer-encoding: chunked", "1.1"): both,
        (b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked", "1.1"): once,
        (b"GET / HTTP/1.1\r\nTransfer-Encoding: ", "1.1"): once,
        (b"GET / HTTP/1.0\r\nTransfer-Encoding: chunked", "1.0"): (
            "Transfer-Encoding is refused in an HTTP/1.0 request: send Content-Length"),
        (b"GET / HTTP/1.1\r\nX-A: b\r\n\tc", "1.1"): (
            "a header line folded onto the line before it (obs-fold) is refused: send each header on one line"),
    }
    assert {head: framing_problem(*head) for head in heads} == heads


def test_an_export_cut_by_damage_on_the_wire_ends_with_why_then_closes_without_its_last_chunk(index_root, monkeypatch,
                                                                                             caplog):
    """Trial finding: the body just stopped. Now its last line says why; the missing last chunk still tells HTTP
    (and a cache) the answer is incomplete, and the server logs one line."""
    from search.errors import IndexDamagedError
    from search.query import SearchService

    def damaged_after_one_row(service, request, limit=None):
        yield {"id": "a1"}
        raise IndexDamagedError(f"the index generation {service.index_root}/gen-1 is damaged: MAIN.pst has 100 bytes")

    monkeypatch.setattr(SearchService, "export", damaged_after_one_row)
    monkeypatch.setattr("search.export.export_row", lambda stored: stored)
    with _app_server(index_root) as port:
        answer = _exchange(port, b"GET /api/search.jsonl?q=musrenbang HTTP/1.1\r\nHost: x\r\n\r\n")
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b"\r\n")[0] == b"HTTP/1.1 200 OK" and b"\r\nTransfer-Encoding: chunked\r\n" in head
    last = (b'{"error": {"code": "index_damaged", "message": "the index generation gen-1 is damaged: MAIN.pst has 100 '
            b'bytes"}}\n')
    assert body == b'D\r\n{"id": "a1"}\n\r\n' + b"%X\r\n" % len(last) + last + b"\r\n"  # no `0\r\n\r\n`: cut
    assert [(r.name, r.getMessage(), r.exc_info) for r in caplog.records if r.levelname == "ERROR"] == [
        ("waitress", f"Exception while serving /api/search.jsonl: the index generation {index_root}/gen-1 is damaged: "
                     "MAIN.pst has 100 bytes", None)]
