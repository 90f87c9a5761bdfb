"""search/backends/__init__.py and the OpenSearch backend's connection handling, against fake servers only (no
cluster): malformed URLs are refused up front."""

import pytest

from search.backends import BackendSettings, opensearch_nodes, without_credentials
from search.cli import EXIT_USAGE, main
from search.errors import BadQueryError


@pytest.mark.parametrize("url, message", [
    ("", "the OpenSearch URL '' names no node: give http://host:port"),
    (",", "the OpenSearch URL ',' names no node: give http://host:port"),
    ("http://a:1,,http://b:2", "the OpenSearch URL '' is empty (a stray comma?): give http://host:port"),
    ("ftp://127.0.0.1:9200", "the OpenSearch URL 'ftp://127.0.0.1:9200' must start with http:// or https://"),
    ("127.0.0.1:9200", "the OpenSearch URL '127.0.0.1:9200' must start with http:// or https://"),
    ("http://127.0.0.1:9200/somepath", "the OpenSearch URL 'http://127.0.0.1:9200/somepath' must name a node only, "
                                       "without a path, query or fragment (http://host:port)"),
    ("http://127.0.0.1:9200?pretty", "the OpenSearch URL 'http://127.0.0.1:9200?pretty' must name a node only, "
                                     "without a path, query or fragment (http://host:port)"),
    ("http://127.0.0.1:9200#x", "the OpenSearch URL 'http://127.0.0.1:9200#x' must name a node only, "
                                "without a path, query or fragment (http://host:port)"),
    ("http://[::1", "the OpenSearch URL 'http://[::1' opens an IPv6 address with [ and never closes it "
                    "(http://[::1]:9200)"),
    ("http://[::1]", "the OpenSearch URL 'http://[::1]' must give a port after the host (http://[::1]:9200)"),
    ("http://[zz]:9200", "the OpenSearch URL 'http://[zz]:9200' has no valid IPv6 address between [ and ] ('zz')"),
    ("http://localhost", "the OpenSearch URL 'http://localhost' must give a port after the host (http://host:9200)"),
    ("http://:9200", "the OpenSearch URL 'http://:9200' must give a host before the port (http://host:9200)"),
    ("http://a b:9200", "the OpenSearch URL 'http://a b:9200' has no valid host ('a b')"),
    ("http://127.0.0.1:99999", "the OpenSearch URL 'http://127.0.0.1:99999' must give a port from 1 to 65535 "
                               "(http://host:9200), not '99999'"),
    ("http://127.0.0.1:0", "the OpenSearch URL 'http://127.0.0.1:0' must give a port from 1 to 65535 "
                           "(http://host:9200), not '0'"),
    ("http://127.0.0.1:+92", "the OpenSearch URL 'http://127.0.0.1:+92' must give a port from 1 to 65535 "
                             "(http://host:9200), not '+92'"),
])
def test_a_malformed_opensearch_url_is_refused_naming_what_is_wrong(url, message):
    with pytest.raises(BadQueryError) as refused:
        opensearch_nodes(url)
    assert (str(refused.value), refused.value.code) == (message, "bad_setting")


def test_well_formed_opensearch_urls_name_their_nodes():
    assert opensearch_nodes(" http://a:9200/ , HTTPS://user:pw@b.example:443,http://[::1]:9250") == [
        "http://a:9200/", "HTTPS://user:pw@b.example:443", "http://[::1]:9250"]


def test_a_comma_in_a_user_or_password_belongs_to_it_and_only_commas_after_them_separate_nodes():
    assert opensearch_nodes("http://admin:S3cret,PW@127.0.0.1:9200") == ["http://admin:S3cret,PW@127.0.0.1:9200"]
    assert opensearch_nodes("http://a,b:c,d@h:1, https://x:p,q@h2:2,http://h3:3") == [
        "http://a,b:c,d@h:1", "https://x:p,q@h2:2", "http://h3:3"]


@pytest.mark.parametrize("url, shown_as", [
    ("http://admin:pw123@127.0.0.1:9200", "http://127.0.0.1:9200"),
    ("https://user@b.example:443", "https://b.example:443"),
    ("http://a:1,http://u:p@b:2, http://c:3", "http://a:1,http://b:2, http://c:3"),
    ("http://u:p@ss/w@rd@[::1]:9250", "http://[::1]:9250"),  # a password's own `@` and `/`, unescaped
    ("u:secret@host:9200", "host:9200"),  # no scheme: refused, and shown without it too
    ("http://127.0.0.1:9200", "http://127.0.0.1:9200"),
    ("http://admin:S3cret,PW@127.0.0.1:9200", "http://127.0.0.1:9200"),  # trial 64: `http://admin:S3cret` was shown
    ("http://a:b,c,d@h:1,http://x:p,q@h2:2", "http://h:1,http://h2:2"),
])
def test_a_node_url_is_shown_without_its_user_and_password(url, shown_as):
    assert without_credentials(url) == shown_as


@pytest.mark.parametrize("url, message", [
    ("http://admin:pw123@localhost", "the OpenSearch URL 'http://localhost' must give a port after the host "
                                     "(http://host:9200)"),
    ("ftp://admin:pw123@x:1", "the OpenSearch URL 'ftp://x:1' must start with http:// or https://"),
    ("http://a:1,http://admin:pw123@b:99999", "the OpenSearch URL 'http://b:99999' must give a port from 1 to 65535 "
                                              "(http://host:9200), not '99999'"),
    ("http://admin:S3cret,PW@127.0.0.1:99999", "the OpenSearch URL 'http://127.0.0.1:99999' must give a port from 1 "
                                               "to 65535 (http://host:9200), not '99999'"),
    ("http://admin:S3cret,PW@localhost,b:2", "the OpenSearch URL 'http://localhost' must give a port after the host "
                                             "(http://host:9200)"),
])
def test_a_refused_url_is_named_without_its_password(url, message):
    with pytest.raises(BadQueryError) as refused:
        opensearch_nodes(url)
    assert str(refused.value) == message


@pytest.mark.parametrize("command", [["search", "x"], ["reindex", "."], ["serve", "--port", "18660"]])
@pytest.mark.parametrize("url", ["http://127.0.0.1:18900/somepath", "http://[::1", "http://127.0.0.1:99999", ",", "",
                                 "ftp://127.0.0.1:18660"])
def test_the_cli_refuses_a_malformed_url_in_one_line_before_any_request(command, url, capsys):
    assert main([*command, "--backend", "opensearch", "--opensearch-url", url]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith(f"warta {command[0]}: the OpenSearch URL ") and err.count("\n") == 1


def test_a_malformed_url_in_the_environment_is_refused_for_opensearch_only(monkeypatch):
    monkeypatch.setenv("WARTA_OPENSEARCH_URL", "ftp://x:1")
    assert BackendSettings.from_environment(name="whoosh").opensearch_url == "ftp://x:1"  # not used: not checked
    with pytest.raises(BadQueryError, match="^the OpenSearch URL 'ftp://x:1' must start with http:// or https://$"):
        BackendSettings.from_environment(name="opensearch")
    monkeypatch.setenv("WARTA_OPENSEARCH_URL", "")  # an empty variable is unset, as every WARTA_ variable
    assert BackendSettings.from_environment(name="opensearch").opensearch_url == "http://127.0.0.1:9250"


# -- fake servers ------------------------------------------------------------------------------------------------
FAKE_PORTS = range(18660, 18700)  # a range of their own, away from the test clusters' 9250-9552


class FakeServer:
    """An HTTP server in a thread that answers every request with `answer(handler)`: not OpenSearch."""

    def __init__(self, answer) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def answer_any(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    answer(self)
                except OSError:  # the client gave up (a deadline): nothing to answer
                    pass

            do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = answer_any

        for port in FAKE_PORTS:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
                break
            except OSError:
                continue
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def answering(status: int, content_type: str, body: bytes):
    def answer(handler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return answer


@pytest.fixture
def fake():
    servers = []

    def start(answer) -> FakeServer:
        servers.append(FakeServer(answer))
        return servers[-1]
    yield start
    for server in servers:
        server.close()


HTML = answering(200, "text/html", b"<html><body>It works!</body></html>")
NOT_FOUND_PAGE = answering(404, "text/html", b"<html><body>Not Found</body></html>")
FOREIGN_JSON = answering(200, "application/json", b'{"hello":"world"}')
EMPTY_JSON = answering(200, "application/json", b"{}")  # the mappings of no Warta index
UNAUTHORISED = answering(401, "application/json", b'{"error":{"type":"security_exception","reason":"no auth"},'
                                                  b'"status":401}')
NOT_OPENSEARCH = "does not answer as OpenSearch does"


@pytest.mark.parametrize("answer, said", [
    (HTML, f"{NOT_OPENSEARCH} (an answer that is not JSON)"),
    (NOT_FOUND_PAGE, f"{NOT_OPENSEARCH} (HTTP 404 without OpenSearch's JSON error)"),
    (FOREIGN_JSON, f"{NOT_OPENSEARCH} (a mapping request answered with JSON of another shape)"),
    (UNAUTHORISED, "refused Warta's request (401 security_exception)"),
])
def test_a_server_that_is_not_opensearch_is_one_line_from_the_cli_and_a_503_from_the_api(fake, answer, said,
                                                                                         capsys):
    from search.cli import EXIT_ERROR
    from web import create_app

    server = fake(answer)
    subject = "server" if said.startswith(NOT_OPENSEARCH) else "OpenSearch cluster"
    line = f"the {subject} at {server.url} {said}"
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url", server.url]) == EXIT_ERROR
    assert capsys.readouterr().err == f"warta search: {line}\n"
    client = create_app({"WARTA_BACKEND": "opensearch", "WARTA_OPENSEARCH_URL": server.url,
                         "TESTING": True}).test_client()
    for path in ("/api/search?q=x", "/api/articles/abc", "/api/facets/source?q=x"):
        response = client.get(path)
        assert (response.status_code, response.get_json()["error"]["code"]) == (503, "backend_unavailable"), path
    assert client.get("/api/search?q=x").get_json()["error"]["message"] == line


def test_no_message_shows_the_password_of_the_cluster_url(fake, capsys, monkeypatch, tmp_path):
    """Trial 59: `http://admin:pw123@host:port` was quoted whole in the 503 of every API route, in `warta search` and
    `warta reindex` on stderr and in serve's start-up line."""
    import web.server
    from search.cli import EXIT_ERROR
    from web import create_app

    server = fake(UNAUTHORISED)
    port = server.url.rsplit(":", 1)[1]
    url = f"http://admin:pw123@127.0.0.1:{port}"
    line = f"the OpenSearch cluster at http://127.0.0.1:{port} refused Warta's request (401 security_exception)"
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url", url]) == EXIT_ERROR
    assert capsys.readouterr().err == f"warta search: {line}\n"
    (tmp_path / "a.txt").write_text("Judul\n\nIsi berita yang cukup panjang untuk dibaca sebagai artikel.\n")
    assert main(["reindex", str(tmp_path), "--backend", "opensearch", "--opensearch-url", url]) == EXIT_ERROR
    assert capsys.readouterr().err == f"warta reindex: {line}\n"
    client = create_app({"WARTA_BACKEND": "opensearch", "WARTA_OPENSEARCH_URL": url, "TESTING": True}).test_client()
    for path in ("/api/search?q=x", "/api/articles/abc", "/api/facets/source?q=x", "/api/search.jsonl?q=x",
                 "/feed?q=x", "/?q=x"):
        response = client.get(path)
        assert response.status_code == 503, path
        assert b"pw123" not in response.data and b"admin" not in response.data, path
    assert client.get("/api/search?q=x").get_json()["error"]["message"] == line
    monkeypatch.setattr(web.server, "serve_forked",  # bound and announced, then not served
                        lambda app, listener, *rest: listener.close() or 0)
    assert main(["serve", "--backend", "opensearch", "--opensearch-url", url, "--port", "0"]) == EXIT_ERROR
    announced = capsys.readouterr().err.splitlines()[0]
    assert announced.startswith(f"Warta serving http://127.0.0.1:{port} on http://127.0.0.1:"), announced


def test_a_password_holding_a_comma_is_sent_whole_and_never_shown(fake, capsys):
    """Trial 64: `http://admin:S3cret,PW@host:port` was split into two nodes and refused as
    `the OpenSearch URL 'http://admin:S3cret' must give a port`, the user and half the password on stderr."""
    import base64

    from search.cli import EXIT_ERROR

    sent: list[str] = []

    def unauthorised(handler) -> None:
        sent.append(handler.headers.get("Authorization", ""))
        UNAUTHORISED(handler)

    server = fake(unauthorised)
    port = server.url.rsplit(":", 1)[1]
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url",
                 f"http://admin:S3cret,PW@127.0.0.1:{port}"]) == EXIT_ERROR
    assert capsys.readouterr().err == (f"warta search: the OpenSearch cluster at http://127.0.0.1:{port} refused "
                                       "Warta's request (401 security_exception)\n")
    assert set(sent) == {"Basic " + base64.b64encode(b"admin:S3cret,PW").decode()}


def test_an_alias_naming_no_warta_index_is_no_index(fake, capsys):
    """A mapping answer of `{}`: the alias names indices without Warta's id field (or a server answers `{}` to
    everything): no index, 503 index_missing, rather than searches that fail on answers of another shape."""
    from search.cli import EXIT_ERROR
    from web import create_app

    server = fake(EMPTY_JSON)
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url", server.url]) == EXIT_ERROR
    assert capsys.readouterr().err == (f"warta search: no Warta index in the OpenSearch cluster at {server.url}: the "
                                       "alias warta names none; run `warta reindex --backend opensearch` first\n")
    client = create_app({"WARTA_BACKEND": "opensearch", "WARTA_OPENSEARCH_URL": server.url,
                         "TESTING": True}).test_client()
    response = client.get("/api/search?q=x")
    assert (response.status_code, response.get_json()["error"]["code"]) == (503, "index_missing")


def trickling(interval: float):
    """A node that starts an answer and then sends one header line every `interval` seconds, for ever."""
    def answer(handler) -> None:
        import time

        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for line in range(100):  # 10 s: without a deadline the test fails, late, rather than hangs
            handler.wfile.write(f"X-Slow-{line}: y\r\n".encode())
            handler.wfile.flush()
            time.sleep(interval)
    return answer


@pytest.fixture
def short_deadline(monkeypatch):
    """A request's whole answer within 0.6 s, a call within 1.0 s (30 s and 60 s in use)."""
    from search.backends import opensearch

    monkeypatch.setattr(opensearch, "REQUEST_TIMEOUT_S", 0.6)
    monkeypatch.setattr(opensearch, "CALL_DEADLINE_S", 1.0)


def test_a_trickling_node_fails_at_the_call_deadline_not_never(fake, short_deadline, capsys):
    """Trial: a node sending one header line a second held a search 400 s (the timeout bounded each read)."""
    import time

    from search.cli import EXIT_ERROR
    from web import create_app

    server = fake(trickling(0.1))  # each read well within the request's timeout
    started = time.monotonic()
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url", server.url]) == EXIT_ERROR
    took = time.monotonic() - started
    assert capsys.readouterr().err == (f"warta search: the OpenSearch cluster at {server.url} did not answer in time "
                                       "(ConnectionTimeout)\n")
    assert 1.0 <= took < 1.8, took
    client = create_app({"WARTA_BACKEND": "opensearch", "WARTA_OPENSEARCH_URL": server.url,
                         "TESTING": True}).test_client()
    started = time.monotonic()
    response = client.get("/api/search?q=x")  # its ETag's version check fails: the search does not wait again
    took = time.monotonic() - started
    assert (response.status_code, response.get_json()["error"]["code"]) == (503, "backend_unavailable")
    assert 1.0 <= took < 1.8, took


def test_a_whole_answer_arriving_slowly_within_the_deadline_is_read(fake, short_deadline):
    """The cut-off stops a request at its deadline, not one that ends before it."""
    import json
    import time

    from search.backends import BackendSettings, open_backend

    body = json.dumps({"warta.g1": {"mappings": {"properties": {"id": {"type": "keyword"}}}}}).encode()

    def slow(handler) -> None:
        time.sleep(0.3)
        answering(200, "application/json", body)(handler)

    backend = open_backend(BackendSettings("opensearch", opensearch_url=fake(slow).url))
    try:
        assert backend.version == "warta.g1"
    finally:
        backend.close()


def streaming_for_ever(handler) -> None:
    """A node answering 200 with a chunked body that never ends (trial 59: 14 GB resident before the deadline)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    chunk = b"[" * 65536
    for _ in range(2000):  # 128 MB: without a bound the test fails, late, rather than hangs
        handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))


@pytest.mark.parametrize("declared", [None, 10 ** 12])
def test_an_answer_larger_than_any_warta_asks_for_is_cut_and_one_line(fake, monkeypatch, capsys, declared):
    """The answer's bytes are bounded (MAX_ANSWER_BYTES), chunked or with a length declared: a one-line refusal,
    asked once, not the process's memory filling until the deadline."""
    import time

    from search.backends import opensearch_connection
    from search.cli import EXIT_ERROR

    def huge(handler) -> None:
        if declared is None:
            return streaming_for_ever(handler)
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(declared))
        handler.end_headers()
        for _ in range(2000):
            handler.wfile.write(b"[" * 65536)

    monkeypatch.setattr(opensearch_connection, "MAX_ANSWER_BYTES", 1024 * 1024)
    server = fake(huge)
    started = time.monotonic()
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url", server.url]) == EXIT_ERROR
    assert capsys.readouterr().err == (f"warta search: the server at {server.url} does not answer as OpenSearch does "
                                       "(an answer of more than 1 MB)\n")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("name, generation, manifest", [
    ("warta.g20261203101500123456", True, False),
    ("warta.files.g20261203101500123456", False, True),
    ("warta.gallery", False, False),  # trial 64: an index that only starts alike
    ("warta.gx.g20261203101500123456", False, False),  # another alias's (`warta.gx`) generation
    ("warta.gx.files.g20261203101500123456", False, False),
    ("warta.gx.lock", False, False),
    ("warta.g2026120310150012345", False, False),  # a stamp of another shape
    ("warta.g20261203101500123456x", False, False),
    ("wartaxg20261203101500123456", False, False),  # the dot is a dot, not any character
    ("warta.files.gallery", False, False),
])
def test_only_an_alias_own_generations_and_manifests_are_named_so(name, generation, manifest):
    from search.backends.opensearch import is_generation, is_manifest

    assert (is_generation("warta", name), is_manifest("warta", name)) == (generation, manifest)


CLUSTER_ERRORS = [  # answers of OpenSearch's no other branch maps: each one line, and a 503 (trial 64: a traceback, a 500)
    (400, b'{"error":{"root_cause":[{"type":"invalid_index_name_exception","reason":"must not start with _"}],'
          b'"type":"invalid_index_name_exception","reason":"Invalid index name [_bad], must not start with \'_\'."},'
          b'"status":400}',
     "refused Warta's request (400 invalid_index_name_exception: Invalid index name [_bad], must not start with '_'.)"),
    (429, b'{"error":{"type":"rejected_execution_exception","reason":"rejected execution of coordinating operation"},'
          b'"status":429}',
     "is too busy to answer (429 rejected_execution_exception: rejected execution of coordinating operation)"),
    (429, b'{"error":{"type":"cluster_block_exception","reason":"index [warta.g1] blocked by: [TOO_MANY_REQUESTS/12/'
          b'disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];"},"status":429}',
     "blocks Warta's request (429 cluster_block_exception: index [warta.g1] blocked by: [TOO_MANY_REQUESTS/12/disk "
     "usage exceeded flood-stage watermark, index has read-only-allow-delete block];); lift the block, then try again"),
    (405, b'{"error":"Incorrect HTTP method for uri [/warta] and method [GET], allowed: [POST]","status":405}',
     "refused Warta's request (405 Incorrect HTTP method for uri [/warta] and method [GET], allowed: [POST])"),
]


@pytest.mark.parametrize("status, body, said", CLUSTER_ERRORS, ids=[str(e[0]) for e in CLUSTER_ERRORS])
def test_any_other_cluster_error_is_one_line_from_the_cli_and_a_503_from_the_api(fake, status, body, said, capsys,
                                                                               tmp_path):
    from search.cli import EXIT_ERROR
    from web import create_app

    server = fake(answering(status, "application/json", body))
    line = f"the OpenSearch cluster at {server.url} {said}"
    assert main(["search", "x", "--backend", "opensearch", "--opensearch-url", server.url]) == EXIT_ERROR
    assert capsys.readouterr().err == f"warta search: {line}\n"
    (tmp_path / "a.txt").write_text("Judul\n\nIsi berita yang cukup panjang untuk dibaca sebagai artikel.\n")
    for full in ([], ["--full"]):
        assert main(["reindex", str(tmp_path), *full, "--backend", "opensearch", "--opensearch-url", server.url]) == \
            EXIT_ERROR
        assert capsys.readouterr().err == f"warta reindex: {line}\n"
    client = create_app({"WARTA_BACKEND": "opensearch", "WARTA_OPENSEARCH_URL": server.url,
                         "TESTING": True}).test_client()
    for path in ("/api/search?q=x", "/api/articles/abc", "/api/facets/source?q=x"):
        response = client.get(path)
        assert (response.status_code, response.get_json()["error"]) == (
            503, {"code": "backend_unavailable", "message": line}), path


BAD_ALIASES = ["_bad", "-x", "+x", ".warta", ".", "..", "*", "warta*", "war?ta", "a,b", "Warta", "war ta", "war/ta",
               "war\\ta", 'war"ta', "war<ta", "war>ta", "war|ta", "war#ta", "war:ta", "wartä", "a" * 228]


@pytest.mark.parametrize("alias", BAD_ALIASES)
def test_an_alias_opensearch_would_refuse_or_a_pattern_could_widen_is_refused(alias):
    from search.backends import checked_alias
    from search.backends.opensearch import OpenSearchBackend
    from search.errors import shown

    message = (f"the OpenSearch alias {shown(alias)} (WARTA_OPENSEARCH_ALIAS) must be lower-case letters a-z, digits, "
               "`.`, `_` and `-`, starting with a letter or a digit, at most 227 characters")
    for refuse in (checked_alias, lambda name: OpenSearchBackend("http://127.0.0.1:9", alias=name)):
        with pytest.raises(BadQueryError) as refused:
            refuse(alias)
        assert (str(refused.value), refused.value.code) == (message, "bad_setting")


def test_well_formed_aliases_are_kept():
    from search.backends import checked_alias

    assert [checked_alias(a) for a in ("warta", "warta-test-12", "warta.gx", "w_2", "9", "a" * 227)] == [
        "warta", "warta-test-12", "warta.gx", "w_2", "9", "a" * 227]


@pytest.mark.parametrize("command", [["search", "x"], ["reindex", "."], ["serve", "--port", "18911"]])
@pytest.mark.parametrize("alias", ["_bad", "*", "a,b"])
def test_the_cli_refuses_a_bad_alias_in_one_line_before_any_request(command, alias, monkeypatch, capsys):
    monkeypatch.setenv("WARTA_OPENSEARCH_ALIAS", alias)
    assert main([*command, "--backend", "opensearch", "--opensearch-url", "http://127.0.0.1:9"]) == EXIT_USAGE
    assert capsys.readouterr().err == (f"warta {command[0]}: the OpenSearch alias {alias!r} (WARTA_OPENSEARCH_ALIAS) "
                                       "must be lower-case letters a-z, digits, `.`, `_` and `-`, starting with a "
                                       "letter or a digit, at most 227 characters\n")


def test_a_bad_alias_in_the_environment_is_refused_for_opensearch_only(monkeypatch):
    from web import create_app

    monkeypatch.setenv("WARTA_OPENSEARCH_ALIAS", "_bad")
    assert BackendSettings.from_environment(name="whoosh").opensearch_alias == "_bad"  # not used: not checked
    with pytest.raises(BadQueryError, match="^the OpenSearch alias '_bad' "):
        create_app({"WARTA_BACKEND": "opensearch", "WARTA_OPENSEARCH_URL": "http://127.0.0.1:9", "TESTING": True})
