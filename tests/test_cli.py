import errno
import json
import os
import subprocess
import sys

import pytest

from whoosh.filedb.structfile import StructFile

from search.cli import EXIT_ERROR, EXIT_OK, EXIT_REJECTED_INPUTS, EXIT_USAGE, build_parser, main

from .conftest import CORPUS, SEED_AGENCIES, SEED_FILE, SEED_OFFICIALS, SEEDS


def test_every_command_has_help_text():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0]
    assert set(commands.choices) == {"reindex", "search", "extract", "serve"}
    for action in commands._choices_actions:
        assert action.help, action.dest
    for name, sub in commands.choices.items():
        for option in sub._actions:
            if option.dest != "help":
                assert option.help, f"{name} {option.dest}"


def test_the_help_lists_every_exit_code_the_commands_give():
    """Trial 46: `warta --help` named four exit codes; 130 (Ctrl-C) and 143 (SIGTERM) happen too."""
    from search.cli import EXIT_ERROR, EXIT_REJECTED_INPUTS, EXIT_TERMINATED, EXIT_USAGE
    from search.entry import EXIT_INTERRUPTED

    epilog = build_parser().epilog
    assert [code for code in (EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_REJECTED_INPUTS, EXIT_INTERRUPTED, EXIT_TERMINATED)
            if f" {code} " not in epilog] == []


def test_reindex_then_search_json(tmp_path, capsys):
    assert main(["reindex", str(SEEDS), str(CORPUS), "--index", str(tmp_path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("indexed 7 articles in ")
    assert out.rstrip().endswith("0 duplicates, 0 skipped, 0 errors")
    assert main(["search", "reformasi birokrasi", "--official", "Thamrin", "--json", "--index", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == 1
    assert result["hits"][0]["officials"] == SEED_OFFICIALS
    assert main(["search", "reformasi birokrasi", "--official", "thamrin", "--json", "--index", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["query"]["official"] == ["Thamrin"]  # any case, as stored


@pytest.mark.parametrize("output", ["csv", "jsonl", "text"])
def test_json_beside_another_format_is_bad_usage(index_root, capsys, output):
    assert main(["search", "musrenbang", "--json", "--format", output, "--index", str(index_root)]) == EXIT_USAGE
    assert capsys.readouterr().err == f"warta search: --json and --format {output} ask for two outputs: give one\n"


def test_a_page_past_the_last_says_so(index_root, capsys):
    assert main(["search", "musrenbang", "--page", "3", "--index", str(index_root)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[1] == "page 3 is past the last one, 1 (10 a page)"


def test_search_text_output(index_root, capsys):
    assert main(["search", "musrenbang", "--index", str(index_root)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 articles (")
    assert lines[1].startswith("  1. Bupati Pesawaran Dendi Ramadhona membuka")
    assert lines[2] == "     2017-03-27 · Gedong Tataan · Humas Pesawaran"
    assert "*Musrenbang*" in lines[3]


def test_the_first_line_counts_articles_and_the_stories_they_make(tmp_path_factory, capsys):
    from .conftest import build_story_index

    root = str(build_story_index(tmp_path_factory))
    assert main(["search", "reformasi birokrasi", "--index", root]) == EXIT_OK
    assert capsys.readouterr().out.split(" (")[0] == "4 articles in 2 stories"
    assert main(["search", "reformasi birokrasi", "--index", root, "--all-articles"]) == EXIT_OK
    assert capsys.readouterr().out.split(" (")[0] == "4 articles"


def test_a_query_may_start_with_a_minus_and_need_not_be_quoted(index_root, capsys):
    # `warta search -musrenbang` was refused by argparse as an unknown option
    def totals(*argv):
        assert main(["search", "--json", "--index", str(index_root), *argv]) == EXIT_OK
        return json.loads(capsys.readouterr().out)["total_articles"]

    everything, musrenbang = totals(), totals("musrenbang")
    assert totals("-musrenbang") == totals("--", "--musrenbang") == everything - musrenbang == 6
    assert totals("pesawaran", "-musrenbang") == totals("-musrenbang", "pesawaran") == totals("pesawaran -musrenbang")
    assert main(["search", "musrenbang OR -gempa", "--index", str(index_root)]) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("warta search: OR cannot join a part that is left out (-gempa)")


@pytest.mark.parametrize("argv", [["korupsi\udce9"], ["\udcff\udcfe"], ["rapat", "--agency", "din\udce9as"]])
def test_bytes_of_a_command_line_that_are_not_utf8_are_refused_not_dropped(index_root, capsys, argv):
    """Trial 27: `warta search $'korupsi\\xe9'` answered as `korupsi` and echoed a lone surrogate no JSON
    parser takes; `$'\\xff\\xfe'` listed every article. Python reads such bytes as lone surrogates."""
    assert main(["search", "--json", "--index", str(index_root), *argv]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "", "warta search: the query is not UTF-8 text: a byte of it is no UTF-8 character\n")


@pytest.mark.parametrize("argv", [["\x1fbanjir"], ["banjir\x1c"], ["banjir", "--facet", "source=\x1fdetik.com"]])
def test_a_control_character_at_the_ends_of_the_query_or_a_facet_value_is_refused_as_the_api_refuses_it(
        index_root, capsys, argv):
    """Trial 57: str.strip() dropped U+001C-U+001F at the ends, so `$'\\x1fbanjir'` was searched as `banjir`
    where the API answers 400."""
    assert main(["search", "--json", "--index", str(index_root), *argv]) == EXIT_USAGE
    assert capsys.readouterr().out == ""


def test_spaces_and_line_breaks_at_the_ends_of_the_query_are_trimmed(index_root, capsys):
    assert main(["search", "--json", "--index", str(index_root), " \tmusrenbang\n\x85 "]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["query"]["q"] == "musrenbang"


def test_a_name_option_takes_a_name_and_the_query_is_echoed_as_typed(index_root, capsys):
    assert main(["search", "--index", str(index_root), "musrenbang", "--official", "-Joko Widodo"]) == EXIT_USAGE
    assert capsys.readouterr().err.strip() == (
        'warta search: --official -Joko Widodo: --official takes a name; to leave one out write '
        '-official:"Joko Widodo" in the query')
    assert main(["search", "--json", "--index", str(index_root), "pesawaran", "-musrenbang"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["query"]["q"] == "pesawaran -musrenbang"  # one space, as typed


def test_a_search_with_nothing_to_search_says_so(index_root, capsys):
    assert main(["search", "😀 !!!", "--index", str(index_root)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[1] == "nothing to search in '😀 !!!': every article is listed"


def test_a_search_from_the_shell_does_not_warm_the_index_for_searches_to_come(index_root, capsys, monkeypatch):
    def warm(*args, **kwargs):
        raise AssertionError("warmed")

    monkeypatch.setattr("search.generation.Generation.warm", warm)
    assert main(["search", "musrenbang", "--index", str(index_root)]) == EXIT_OK
    assert capsys.readouterr().out.startswith("1 articles (")


def test_the_reindex_bar_counts_reading_on_a_bar_of_its_own_when_the_build_reports_it():
    import io

    from search.cli import ReindexBar

    terminal = io.StringIO()
    bar = ReindexBar(file=terminal)
    bar.planned(3)
    bar(1)
    assert bar.read is None  # an update reads and indexes at once: one bar
    bar.reading(2)
    bar.reading(1)  # within tqdm's 0.1 s of the last: shown only because it is the last
    assert "read: 100%" in terminal.getvalue()
    bar(2)
    assert (bar.read.n, bar.indexed.n) == (3, 3)
    bar.close()
    assert "indexed: 100%" in terminal.getvalue()


def test_the_reindex_bar_of_an_update_counts_what_it_reads_again_and_ends_full(tmp_path, monkeypatch):
    import io

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    def bar_states(argv) -> list[str]:
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        assert main(argv) == EXIT_OK
        return [state.split("|")[0] + "|" + state.split("|")[2].split(" [")[0]
                for state in terminal.getvalue().split("\r") if state.startswith("indexed:")]

    sources = tmp_path / "in"
    sources.mkdir()
    lines = [json.dumps({"title": f"Judul {n}", "body": f"Berita nomor {n} tentang rapat pemerintah daerah."})
             for n in range(5)]
    (sources / "arsip.jsonl").write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    reindex = ["reindex", str(sources), "--index", str(tmp_path / "ix")]
    assert bar_states(reindex)[-1] == "indexed: 100%| 4/4"
    with (sources / "arsip.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(lines[4] + "\n")
    assert bar_states(reindex)[-1] == "indexed: 100%| 1/1"  # trial 53: `0%| 1/5`, the bar of every line
    assert bar_states(reindex) == []  # nothing to read: no bar


def test_reindex_with_rejected_inputs_exits_3_and_lists_them(tmp_path, capsys):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "seed.txt").write_text(SEED_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (sources / "broken.jsonl").write_text("{oops\n")
    assert main(["reindex", str(sources), "--index", str(tmp_path / "ix")]) == EXIT_REJECTED_INPUTS
    captured = capsys.readouterr()
    assert f"error: {sources / 'broken.jsonl'}:1: not valid JSON" in captured.err
    assert "indexed 1 articles" in captured.out


def flood_of_bad_records(path, bad_lines: int) -> None:
    good = {"title": "Pasar baru", "body": "Bupati Lampung Selatan meresmikan pasar baru di Kalianda bersama warga."}
    path.write_text("{oops\n" * bad_lines + json.dumps(good) + "\n", encoding="utf-8")


def test_reindex_lists_twenty_rejections_a_file_and_counts_the_rest(tmp_path, capsys):
    flood_of_bad_records(tmp_path / "bad.jsonl", 500)
    assert main(["reindex", str(tmp_path / "bad.jsonl"), "--index", str(tmp_path / "ix")]) == EXIT_REJECTED_INPUTS
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert len(errors) == 21
    assert errors[19] == f"error: {tmp_path / 'bad.jsonl'}:20: not valid JSON (Expecting property name enclosed in " \
                         "double quotes at column 2)"
    assert errors[20] == (f"error: {tmp_path / 'bad.jsonl'}: 480 more not listed (the first 20 are; --all-rejections "
                          "lists all)")
    assert "indexed 1 articles" in captured.out and "500 errors" in captured.out


@pytest.mark.parametrize("command", ["reindex", "extract"])
def test_all_rejections_lists_every_one(tmp_path, capsys, command):
    flood_of_bad_records(tmp_path / "bad.jsonl", 30)
    index = ["--index", str(tmp_path / "ix")] if command == "reindex" else []
    assert main([command, str(tmp_path / "bad.jsonl"), "--all-rejections", *index]) == EXIT_REJECTED_INPUTS
    errors = capsys.readouterr().err.splitlines()
    assert [line.split(": not valid")[0] for line in errors] == [f"error: {tmp_path / 'bad.jsonl'}:{n}"
                                                                 for n in range(1, 31)]


def test_extract_lists_twenty_rejections_a_file_and_counts_the_rest(tmp_path, capsys):
    flood_of_bad_records(tmp_path / "bad.jsonl", 45)
    assert main(["extract", str(tmp_path / "bad.jsonl")]) == EXIT_REJECTED_INPUTS
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    errors = captured.err.splitlines()
    assert len(errors) == 21
    assert errors[-1] == (f"error: {tmp_path / 'bad.jsonl'}: 25 more not listed (the first 20 are; --all-rejections "
                          "lists all)")


def test_extract_prints_one_json_object_per_article(capsys):
    assert main(["extract", str(SEED_FILE)]) == EXIT_OK
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert list(record) == ["id", "title", "body", "date", "url", "source", "place", "officials", "agencies", "persons", "regions",
                            "quotes"]
    assert [o["name"] for o in record["officials"]] == SEED_OFFICIALS
    assert [a["name"] for a in record["agencies"]] == SEED_AGENCIES
    assert record["officials"][5] == {"name": "Suhajar Diantoro", "role": "Sekretaris Jenderal Kemendagri",
                                      "surfaces": ["Suhajar Diantoro", "Suhajar"]}
    assert record["agencies"][1]["acronym"] == "Kemendagri"


def test_extract_reports_pages_without_article_on_stderr_and_reading_nothing_as_reindex_does(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<html><title>Beranda</title><body>menu</body></html>")
    assert main(["extract", str(tmp_path)]) == EXIT_REJECTED_INPUTS  # as reindex: nothing read is exit 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [f"skipped: {tmp_path / 'index.html'}: page holds no article text",
                                         "error: no article could be read from any source"]
    (tmp_path / "empty.jsonl").write_text("")  # trial 42: an empty file beside it exited 0 too
    assert main(["extract", str(tmp_path / "empty.jsonl")]) == EXIT_REJECTED_INPUTS
    assert main(["extract", str(tmp_path / "empty.jsonl"), str(SEED_FILE)]) == EXIT_OK


@pytest.mark.parametrize("command", ["reindex", "extract"])
def test_a_directory_with_nothing_to_read_is_an_error_for_both_commands(tmp_path, capsys, command):
    # `warta extract empty/` printed nothing and exited 0 while reindex said why it read nothing (trial 40)
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("# catatan\n")
    where = ["--index", str(tmp_path / "ix")] if command == "reindex" else []
    found = "no .txt, .jsonl, .json, .csv or .html files found in"
    assert main([command, str(tmp_path / "empty"), *where]) == EXIT_ERROR
    assert capsys.readouterr().err == f"warta {command}: {found} {tmp_path / 'empty'}\n"
    assert main([command, str(tmp_path / "notes"), *where]) == EXIT_ERROR
    skipped = (f"skipped: {tmp_path / 'notes'}: 1 files of kinds Warta does not read, not read (.md 1; it reads "
               ".csv .htm .html .json .jsonl .txt)")
    assert capsys.readouterr().err.splitlines() == [skipped, f"warta {command}: {found} {tmp_path / 'notes'}"]
    assert not (tmp_path / "ix").exists()
    (tmp_path / "links").mkdir()  # trial 46: a reindex of links leading nowhere listed none of them
    (tmp_path / "links" / "broken.json").symlink_to(tmp_path / "nowhere.json")
    assert main([command, str(tmp_path / "links"), *where]) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines() == [f"skipped: {tmp_path / 'links' / 'broken.json'}: broken symbolic "
                                                    f"link", f"warta {command}: {found} {tmp_path / 'links'}"]


@pytest.mark.parametrize("argv, message", [
    (["search", "x", "--index", "/nonexistent/warta"], "warta search: no index at /nonexistent/warta"),
    (["reindex", "/nonexistent/src", "--index", "IDX"], "warta reindex: /nonexistent/src: no such file or directory"),
    (["extract", "/nonexistent/src"], "warta extract: /nonexistent/src: no such file or directory"),
])
def test_errors_are_one_line_and_exit_1(argv, message, index_root, capsys):
    argv = [str(index_root) if a == "IDX" else a for a in argv]
    assert main(argv) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_console_script_runs_without_traceback(tmp_path):
    completed = subprocess.run([sys.executable, "-m", "search.cli", "search", "x", "--index", str(tmp_path)],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == EXIT_ERROR
    assert completed.stderr.startswith("warta search: no index at")
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize("command", ["reindex", "extract"])
def test_output_closed_early_keeps_the_exit_code_of_rejected_inputs(tmp_path, command):
    flood_of_bad_records(tmp_path / "bad.jsonl", 5000)  # as `warta reindex … 2>&1 | head -1` under pipefail:
    index = ["--index", str(tmp_path / "ix")] if command == "reindex" else []  # more than a pipe's buffer
    process = subprocess.Popen([sys.executable, "-m", "search.cli", command, str(tmp_path / "bad.jsonl"), *index,
                                "--all-rejections"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=120) == EXIT_REJECTED_INPUTS


def test_reindex_of_a_directory_full_of_bad_input(tmp_path, capsys):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "good.txt").write_text(SEED_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (sources / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (sources / "latin1.txt").write_bytes("Kalianda, Bupati meresmikan kafé baru di pusat kota pagi ini.".encode("latin-1"))
    (sources / "invalid.txt").write_bytes(b"Kalianda, berita \xff\xfe rusak di tengah kalimat yang panjang.")
    (sources / "empty.txt").write_text("")
    with (sources / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a 50 MB file (sparse; only its size is read)
    (sources / "nothing.html").write_text("<html><head><title>Beranda</title></head><body><a href='/'>x</a></body></html>")
    paragraph = "<p>Warga menyambut baik pembangunan pasar baru yang lebih bersih dan tertata di pusat kota.</p>"
    page = f"<html><head><meta property='og:title' content='Pasar Baru Dibuka'></head><body><article>{paragraph * 4}"
    (sources / "truncated.html").write_text(page + "<p>Kalimat terakhir terpot")
    good = {"title": "Judul", "url": "https://a.id/1", "body": "Isi berita yang cukup panjang untuk dianggap artikel."}
    lines = [json.dumps(good), "{broken", json.dumps({**good, "url": "https://a.id/2", "body": 7}),
             json.dumps({"title": "tanpa isi", "url": "https://a.id/3"}),
             json.dumps({**good, "url": "https://a.id/4", "date": "2022-02-30"})]
    (sources / "records.jsonl").write_text("\n".join(lines) + "\n")
    code = main(["reindex", str(sources), "--index", str(tmp_path / "ix"), "--quiet"])
    captured = capsys.readouterr()
    assert code == EXIT_REJECTED_INPUTS
    # the seed, the truncated page, the good record, and the two files read as Windows-1252
    assert "indexed 5 articles" in captured.out
    assert captured.out.rstrip().endswith("1 duplicates, 2 skipped, 5 errors; 3 warnings")
    errors = sorted(line for line in captured.err.splitlines() if line.startswith("error: "))
    assert errors == sorted([
        f"error: {sources / 'binary.txt'}: binary file (contains NUL bytes)",
        f"error: {sources / 'huge.txt'}: file is 50.0 MB, over the 20 MB limit",
        f"error: {sources / 'records.jsonl'}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"error: {sources / 'records.jsonl'}:3: field 'body' must be a string, got int",
        f"error: {sources / 'records.jsonl'}:4: missing or empty 'body' (fields: title, url; map one with --column body=NAME)",
    ])
    warnings = sorted(line for line in captured.err.splitlines() if line.startswith("warning: "))
    assert warnings == sorted([
        f"warning: {sources / 'invalid.txt'}: not valid UTF-8 on line 1: 2 bytes read as Windows-1252",
        f"warning: {sources / 'latin1.txt'}: not valid UTF-8 on line 1: 1 byte read as Windows-1252",
        f"warning: {sources / 'records.jsonl'}:5: unreadable date '2022-02-30': indexed without a date",
    ])
    skipped = sorted(line for line in captured.err.splitlines() if line.startswith("skipped: "))
    assert skipped == [f"skipped: {sources / 'empty.txt'}: empty file",
                       f"skipped: {sources / 'nothing.html'}: page holds no article text"]


def test_a_month_first_export_with_only_warnings_exits_0_saying_what_it_guessed(tmp_path, capsys):
    """Issue 13's export: dates month first (a second number over 12 decides the file), one date unreadable,
    another file undecidable; every article indexed, the warnings listed, exit 0."""
    sources = tmp_path / "in"
    sources.mkdir()
    body = "Bupati Lampung Selatan membuka rapat koordinasi di Kalianda bersama kepala dinas nomor {}."
    (sources / "export.jsonl").write_text("".join(
        json.dumps({"url": f"https://a.id/{n}", "body": body.format(n), "date": d}) + "\n"
        for n, d in enumerate(["9/30/2025 19:00", "6/5/2025", "kemarin sore"])))
    (sources / "undecided.jsonl").write_text(
        json.dumps({"url": "https://a.id/u", "body": body.format("u"), "date": "6/5/2025"}) + "\n")
    assert main(["reindex", str(sources), "--index", str(tmp_path / "ix"), "--quiet"]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.startswith("indexed 4 articles in ")
    assert captured.out.rstrip().endswith("0 duplicates, 0 skipped, 0 errors; 2 warnings")
    assert captured.err.splitlines() == [
        f"warning: {sources / 'export.jsonl'}:3: unreadable date 'kemarin sore': indexed without a date",
        f"warning: {sources / 'undecided.jsonl'}: 1 dates such as 6/5/2025 could be day-first or month-first and "
        "nothing in the file tells: read day-first (the Indonesian convention)"]
    assert main(["search", "--from", "2025-06-05", "--to", "2025-06-05", "--all-articles", "--json",
                 "--index", str(tmp_path / "ix")]) == EXIT_OK
    assert [h["url"] for h in json.loads(capsys.readouterr().out)["hits"]] == ["https://a.id/1"]  # 5 June
    # trial 43: --from/--to read a date as every other place does, written as in Indonesia too
    assert main(["search", "--from", "05/06/2025", "--to", "5.6.2025", "--all-articles", "--json",
                 "--index", str(tmp_path / "ix")]) == EXIT_OK
    answer = json.loads(capsys.readouterr().out)
    assert ([h["url"] for h in answer["hits"]], answer["query"]["from"], answer["query"]["to"]) == (
        ["https://a.id/1"], "2025-06-05", "2025-06-05")


@pytest.mark.parametrize("command", ["reindex", "extract"])
def test_a_malformed_column_mapping_is_bad_usage(tmp_path, capsys, command):
    where = ["--index", str(tmp_path / "ix")] if command == "reindex" else []
    assert main([command, str(SEEDS), "--column", "body", *where]) == EXIT_USAGE
    assert capsys.readouterr().err == f"warta {command}: column mapping 'body' is not FIELD=COLUMN\n"
    assert not (tmp_path / "ix").exists()
    assert main([command, str(SEEDS), "--column", "body=a", "--column", "body=b", *where]) == EXIT_USAGE
    assert capsys.readouterr().err == f"warta {command}: field 'body' is mapped to two columns, 'a' and 'b': give one\n"
    assert not (tmp_path / "ix").exists()


def test_csv_columns_in_english_and_a_column_mapped_on_the_command_line(tmp_path, capsys):
    sources = tmp_path / "in"
    sources.mkdir()
    body = "Bupati Lampung Selatan membuka rapat koordinasi di Kalianda bersama kepala dinas."
    (sources / "en.csv").write_text("Title,Content,Published_At,Link,Media\n"
                                    f"Rapat di Kalianda,\"{body}\",9/30/2025 19:00,https://a.id/1,Lampost\n")
    (sources / "other.csv").write_text(f"headline,naskah\nRapat kedua,\"{body} Lagi.\"\n")
    assert main(["extract", str(sources / "en.csv")]) == EXIT_OK
    assert main(["extract", str(sources / "other.csv"), "--column", "body=naskah"]) == EXIT_OK
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["title"], r["date"], r["url"], r["source"]) for r in records] == [
        ("Rapat di Kalianda", "2025-09-30", "https://a.id/1", "Lampost"), ("Rapat kedua", None, None, None)]


def test_reindex_into_the_filesystem_root_is_refused_before_anything_is_written(capsys):
    before = sorted(os.listdir("/"))
    assert main(["reindex", str(SEEDS), "--index", "/", "--quiet"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("warta reindex: refusing to write an index into /: it holds files Warta did not make (")
    assert err.rstrip().endswith("and no .warta-index marker; choose a new or empty directory")
    assert len(err.strip().splitlines()) == 1
    assert sorted(os.listdir("/")) == before


def test_serve_refuses_a_damaged_index_in_one_line(tmp_path, capsys):
    assert main(["reindex", str(SEEDS), "--index", str(tmp_path), "--quiet"]) == EXIT_OK
    toc = next((tmp_path / "current").glob("*.toc"))
    toc.write_bytes(b"")
    capsys.readouterr()
    completed = subprocess.run([sys.executable, "-m", "search.cli", "serve", "--index", str(tmp_path), "--port", "0"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == EXIT_ERROR
    assert completed.stderr.startswith(f"warta serve: the index generation {tmp_path.resolve()}/gen-")
    assert f"is damaged: {toc.name} has 0 bytes instead of " in completed.stderr
    assert "Traceback" not in completed.stderr and len(completed.stderr.strip().splitlines()) == 1
    assert main(["reindex", str(SEEDS), "--index", str(tmp_path), "--quiet"]) == EXIT_OK  # an update rebuilds
    err = capsys.readouterr().err
    assert err.startswith(f"notice: the index generation {tmp_path.resolve()}/gen-") and "rebuilding it in full" in err
    assert main(["search", "birokrasi", "--index", str(tmp_path)]) == EXIT_OK


@pytest.mark.parametrize("output", ["csv", "jsonl"])
def test_an_export_of_a_damaged_index_prints_nothing_to_stdout(tmp_path, capsys, output):
    assert main(["reindex", str(SEEDS), "--index", str(tmp_path), "--quiet"]) == EXIT_OK
    toc = next((tmp_path / "current").glob("*.toc"))
    toc.write_bytes(b"")
    capsys.readouterr()
    assert main(["search", "birokrasi", "--format", output, "--index", str(tmp_path)]) == EXIT_ERROR
    out, err = capsys.readouterr()
    assert out == ""  # not a CSV header alone, a file that looks like an export with no match
    assert err.startswith(f"warta search: the index generation {tmp_path.resolve()}/gen-")
    assert f"is damaged: {toc.name} has 0 bytes instead of " in err and len(err.strip().splitlines()) == 1


def test_a_full_disk_is_one_line_and_exit_1(tmp_path, capsys, monkeypatch):
    assert main(["reindex", str(SEEDS), "--index", str(tmp_path), "--quiet"]) == EXIT_OK
    capsys.readouterr()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), args[1] if len(args) > 1 else None)

    monkeypatch.setattr("whoosh.filedb.filestore.FileStorage.create_file", full)
    assert main(["reindex", str(SEEDS), str(CORPUS), "--index", str(tmp_path), "--quiet"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert err.startswith("warta reindex: the disk is full (No space left on device (")
    assert err.endswith(f"): the new index was not written and the previous one at {tmp_path} is still current\n")
    assert len(err.splitlines()) == 1

def test_a_full_disk_in_the_indexing_workers_is_one_line_too(tmp_path, capfd, monkeypatch):
    """The parallel build: a worker that meets ENOSPC tells the reindex and ends without a traceback of its own."""
    sources = tmp_path / "src"
    sources.mkdir()
    body = "Berita nomor {n} tentang rapat pemerintah daerah di Kalianda bersama kepala dinas."
    (sources / "many.jsonl").write_text("".join(
        json.dumps({"url": f"https://a.id/{n}", "body": body.format(n=n)}) + "\n" for n in range(60)))
    monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr("os.cpu_count", lambda: 2)

    parent = os.getpid()
    write = StructFile.write

    def full_in_workers(self, *args, **kwargs):
        if os.getpid() != parent:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return write(self, *args, **kwargs)

    monkeypatch.setattr(StructFile, "write", full_in_workers)
    assert main(["reindex", str(sources), "--index", str(tmp_path / "ix"), "--quiet"]) == EXIT_ERROR
    err = capfd.readouterr().err
    assert err == ("warta reindex: the disk is full (No space left on device): the new index was not written "
                   f"and there is no index at {tmp_path / 'ix'} yet\n")  # a first reindex: none to keep


@pytest.mark.parametrize("argv, complaint", [
    (["search", "x", "--from", "0000"], "argument --from: '0000' is not a date"),
    (["search", "x", "--to", "9999-12"], "argument --to: '9999-12' is not a date"),
    (["search", "x", "--from", "notadate"], "argument --from: 'notadate' is not a date"),
    (["search", "x", "--from", "28/09/16"], "argument --from: '28/09/16' is not a date written YYYY-MM-DD, YYYY-MM, "
                                            "YYYY, DD/MM/YYYY or MM/YYYY, years 1900 to 2100\n"),
    (["search", "x", "--to", "29/02/2019"], "argument --to: '29/02/2019' is not in the calendar: must be a date "
                                            "written YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or MM/YYYY, years 1900 to "
                                            "2100\n"),
    (["search", "x", "--per-page", "0"], "argument --per-page: '0' is not a whole number from 1 to 100"),
    (["search", "x", "--per-page", "500"], "argument --per-page: '500' is not a whole number from 1 to 100"),
    (["search", "x", "--page", "٣"], "argument --page: '٣' is not a whole number from 1 to 999999999"),
    (["search", "x", "--page", "1000000000"], "argument --page: '1000000000' is not a whole number from 1 to 999999999"),
    (["serve", "--port", "99999"], "argument --port: '99999' is not a whole number from 0 to 65535"),
    (["serve", "--port", "-1"], "argument --port: '-1' is not a whole number from 0 to 65535"),
    (["serve", "--host", "256.1.1.1"], "argument --host: '256.1.1.1' is not an IP address or host name"),
    (["serve", "--threads", "0"], "argument --threads: '0' is not a whole number from 1 to 64"),
    (["serve", "--connection-limit", "0"], "argument --connection-limit: '0' is not a whole number from 1 to 1000"),
    (["serve", "--queue-limit", "0"], "argument --queue-limit: '0' is not a whole number from 1 to 1000"),
    (["serve", "--queue-wait", "0"], "argument --queue-wait: '0' is not a whole number from 1 to 3600"),
    (["serve", "--queue-timeout", "0.5"], "argument --queue-timeout: '0.5' is not a whole number from 1 to 3600"),
])
def test_values_argparse_would_take_but_warta_cannot_use_exit_2(argv, complaint, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == EXIT_USAGE
    err = capsys.readouterr().err
    assert complaint in err and "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["search", "x", "--from", "2017", "--to", "2016"],
     "warta search: the date range ends (2016-12-31) before it starts (2017-01-01)"),
    (["search", "x from:0000"],
     "warta search: from: must be a date written YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or MM/YYYY, years 1900 to 2100"),
    (["search", "x to:2023-02-29"],
     "warta search: to: 2023-02-29 is not in the calendar: must be a date written YYYY-MM-DD, YYYY-MM, YYYY, DD/MM/YYYY or MM/YYYY, "
     "years 1900 to 2100"),
    (["search", "x", "--facet", "region=Lampung Selatn"],
     "warta search: no region named 'Lampung Selatn'; did you mean Lampung Selatan?"),
])
def test_bad_dates_in_the_query_exit_2_with_one_line(argv, message, index_root, capsys):
    assert main([*argv, "--index", str(index_root)]) == EXIT_USAGE
    assert capsys.readouterr().err == message + "\n"


def test_hosts_and_ports_that_are_fine():
    parser = build_parser()
    args = parser.parse_args(["serve", "--host", "::1", "--port", "0", "--threads", "64"])
    assert (args.host, args.port, args.threads, args.connection_limit) == ("::1", 0, 64, 100)
    assert parser.parse_args(["serve", "--host", "localhost"]).host == "localhost"
    assert parser.parse_args(["serve", "--host", "0.0.0.0"]).host == "0.0.0.0"


def test_serve_flags_set_the_servers_limits_and_leave_the_others_to_follow_the_threads():
    from search.cli import server_limits
    from web.server import ServerLimits, waiting_allowed

    parser = build_parser()
    assert server_limits(parser.parse_args(["serve"])) == ServerLimits()
    limits = server_limits(parser.parse_args(["serve", "--threads", "4", "--queue-limit", "3", "--queue-wait", "2",
                                              "--queue-timeout", "3", "--client-request-limit", "4",
                                              "--export-limit", "2"]))
    assert (limits.threads, limits.queue_limit, limits.queue_wait, limits.queue_timeout,
            limits.client_request_limit, limits.export_limit) == (4, 3, 2, 3, 4, 2)
    assert waiting_allowed(server_limits(parser.parse_args(["serve", "--threads", "4"]))) == 16


def test_search_lists_missing_words_unless_match_all(index_root, capsys):
    assert main(["search", "musrenbang gempa", "--index", str(index_root)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 articles (")
    assert lines[4] == "     missing: gempa"
    assert main(["search", "musrenbang gempa", "--match", "all", "--index", str(index_root)]) == EXIT_OK
    assert capsys.readouterr().out.startswith("0 articles (")


def test_search_said_keeps_the_words_inside_that_persons_quotes(index_root, capsys):
    assert main(["search", "pelayanan", "--said", "Dendi", "--index", str(index_root)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 articles (")
    assert lines[1].startswith("  1. Bupati Pesawaran Dendi Ramadhona membuka")


def test_serve_takes_the_result_cache_budget_from_its_flag_before_the_environment(monkeypatch):
    from search.cli import backend_settings

    monkeypatch.setenv("WARTA_RESULT_CACHE_MB", "7")
    assert backend_settings(build_parser().parse_args(["serve", "--result-cache-mb", "0"])).result_cache_mb == 0
    assert backend_settings(build_parser().parse_args(["serve"])).result_cache_mb == 7


@pytest.mark.parametrize("argv, argument", [
    (["reindex", ""], "PATH"), (["reindex", "seeds", "--index", " "], "--index"), (["search", "x", "--index", ""], "--index"),
    (["serve", "--index", ""], "--index"), (["extract", ""], "FILE_OR_DIR")])
def test_an_empty_path_is_bad_usage_not_the_current_directory(argv, argument, capsys):
    """Trial 32: `warta reindex ''` (an unset shell variable) read the whole working directory, .venv included."""
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == EXIT_USAGE
    assert capsys.readouterr().err.splitlines()[-1].endswith(
        f"error: argument {argument}: an empty path (is a shell variable unset?)")



def test_the_text_output_names_the_parts_left_unsearched():
    from search.cli import format_result

    result = {"total": 0, "total_articles": 0, "took_ms": 1.0, "hits": [], "facets": {}, "unsearched": ["pe*", "ke*"],
              "query": {"q": "korupsi pe* ke*", "page": 1, "per_page": 10}}
    assert format_result(result).splitlines() == [
        "0 articles (1.0 ms)", "not searched (too many words for one search): pe*, ke*"]
