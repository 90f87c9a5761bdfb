import json
import subprocess
import sys

import pytest

from search.cli import EXIT_ERROR, EXIT_OK, EXIT_REJECTED_INPUTS, build_parser, main

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


def test_reindex_then_search_json(tmp_path, capsys):
    assert main(["reindex", str(SEEDS), str(CORPUS), "--index", str(tmp_path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("indexed 7 articles in ")
    assert out.rstrip().endswith("0 duplicates, 0 skipped, 0 errors")
    assert main(["search", "reformasi birokrasi", "--official", "Thamrin", "--json", "--index", str(tmp_path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == 1
    assert result["hits"][0]["officials"] == SEED_OFFICIALS


def test_search_text_output(index_root, capsys):
    assert main(["search", "musrenbang", "--index", str(index_root)]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 articles (")
    assert lines[1].startswith("  1. Bupati Pesawaran Dendi Ramadhona membuka")
    assert lines[2] == "     2017-03-27 · Gedong Tataan · Humas Pesawaran"
    assert "*Musrenbang*" in lines[3]


def test_reindex_with_rejected_inputs_exits_3_and_lists_them(tmp_path, capsys):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "seed.txt").write_text(SEED_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (sources / "broken.jsonl").write_text("{oops\n")
    assert main(["reindex", str(sources), "--index", str(tmp_path / "ix")]) == EXIT_REJECTED_INPUTS
    captured = capsys.readouterr()
    assert f"error: {sources / 'broken.jsonl'}:1: not valid JSON" in captured.err
    assert "indexed 1 articles" in captured.out


def test_extract_prints_one_json_object_per_article(capsys):
    assert main(["extract", str(SEED_FILE)]) == EXIT_OK
    [line] = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert list(record) == ["id", "title", "body", "date", "url", "source", "place", "officials", "agencies"]
    assert [o["name"] for o in record["officials"]] == SEED_OFFICIALS
    assert [a["name"] for a in record["agencies"]] == SEED_AGENCIES
    assert record["officials"][5] == {"name": "Suhajar Diantoro", "role": "Sekretaris Jenderal Kemendagri",
                                      "surfaces": ["Suhajar Diantoro"]}
    assert record["agencies"][1]["acronym"] == "Kemendagri"


def test_extract_reports_pages_without_article_on_stderr(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<html><title>Beranda</title><body>menu</body></html>")
    assert main(["extract", str(tmp_path)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == f"skipped: {tmp_path / 'index.html'}: page holds no article text"


@pytest.mark.parametrize("argv, message", [
    (["search", "x", "--index", "/nonexistent/warta"], "warta search: no index at /nonexistent/warta"),
    (["search", "x", "--per-page", "500", "--index", "IDX"], "warta search: per_page must be a whole number from 1 to 100"),
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
