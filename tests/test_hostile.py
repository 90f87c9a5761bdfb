"""Hostile and random input: never a 500, never slow, nothing that writes, nothing that runs."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.errors import BadQueryError
from search.querylang import parse

NASTY = st.one_of(
    st.text(max_size=600),
    st.text(alphabet="()\"*-:OR ", max_size=300),
    st.just("(" * 400 + "kata" + ")" * 400),
    st.just('"'), st.just("*"), st.just("-"), st.just("official:"), st.just('agency:"'),
    st.just("<script>alert(1)</script>"), st.just("javascript:alert(1)"),
    st.builds(lambda w: w * 50, st.sampled_from(["kemendagri ", "a*", "\"x\" ", "from:2022 "])),
)


@settings(max_examples=300, deadline=None)
@given(NASTY)
def test_parser_never_raises_but_refuses_what_it_cannot_search_as_written(text):
    try:
        parsed = parse(text)
    except BadQueryError as error:  # `-(a b)`, `a OR -b`: said, not searched as something else
        assert error.code == "bad_syntax"
        return
    assert isinstance(parsed.groups, tuple)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=NASTY, official=st.text(max_size=50), page=st.sampled_from(["1", "2", "0", "-1", "x", "999999"]))
def test_api_never_fails_or_stalls(client, q, official, page):
    client.get("/api/search", query_string={"q": "kata"})  # the first search opens the index: not what is timed
    started = time.process_time()
    response = client.get("/api/search", query_string={"q": q, "official": official, "page": page})
    elapsed = time.process_time() - started
    assert response.status_code in (200, 400, 414), response.get_data(as_text=True)
    assert elapsed < 1.0, (q, elapsed)
    if response.status_code != 200:
        assert set(response.get_json()["error"]) == {"code", "message"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=NASTY)
def test_page_never_fails_and_never_echoes_markup(client, q):
    response = client.get("/", query_string={"q": q})
    assert response.status_code in (200, 400, 414)
    html = response.get_data(as_text=True)
    assert "<script>alert" not in html


def test_long_query_string_is_refused_with_the_envelope(client):
    response = client.get("/api/search?q=" + "a" * 5000)
    assert response.status_code == 414
    assert response.get_json()["error"]["code"] == "request_too_large"


def test_too_many_facet_values_are_a_bad_request(client):
    response = client.get("/api/search", query_string=[("official", f"nama {i}") for i in range(21)])
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_filter"


def test_hostile_facet_values_are_escaped(client):
    html = client.get("/", query_string={"official": "<img src=x onerror=alert(1)>"}).get_data(as_text=True)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_app_has_no_endpoint_that_writes(app):
    for rule in app.url_map.iter_rules():
        assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule


def test_post_put_delete_are_refused(client):
    for method in (client.post, client.put, client.delete, client.patch):
        response = method("/api/search")
        assert response.status_code == 405
        assert response.get_json()["error"]["code"] == "method_not_allowed"


def test_a_record_whose_url_holds_a_lone_surrogate_is_served_and_exported(tmp_path, capsys):
    """Trial 28: `"url": "https://x.id/a/\\ud800"` is valid JSON; indexed as it was, every search listing the
    article, its page, the exports and `warta search --json` failed to encode it (500, tracebacks). The
    stored address has U+FFFD in its place; the article's id (a hash of the address as written) is kept."""
    import json

    from search.cli import main
    from search.indexer import build_index
    from web import create_app

    (tmp_path / "u.jsonl").write_text(json.dumps({
        "title": "Jembatan gantung diresmikan", "url": "https://x.id/a/\ud800",
        "body": "Bupati Lampung Selatan Nanang Ermanto meresmikan jembatan gantung di Desa Sukamaju, Senin."}) + "\n",
        encoding="utf-8")
    build_index([tmp_path / "u.jsonl"], tmp_path / "ix")
    app = create_app({"WARTA_INDEX": str(tmp_path / "ix"), "TESTING": True})
    try:
        client = app.test_client()
        hit = client.get("/api/search?q=jembatan").get_json()["hits"][0]
        assert (hit["id"], hit["url"]) == ("88a947f4cb909c71", "https://x.id/a/\ufffd")
        assert [client.get(url).status_code for url in (
            "/?q=jembatan", "/api/search.csv?q=jembatan", "/api/search.jsonl?q=jembatan",
            "/api/articles/88a947f4cb909c71", "/article/88a947f4cb909c71", "/feed?q=jembatan")] == [200] * 6
    finally:
        app.extensions["warta"].close()
    capsys.readouterr()
    assert main(["search", "--json", "--index", str(tmp_path / "ix"), "jembatan"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["url"] == "https://x.id/a/\ufffd"
