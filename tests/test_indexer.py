import os

import pytest

from search.errors import IndexMissingError, InputError
from search.indexer import CURRENT, build_index, open_current

from .conftest import CORPUS, SEEDS


def test_build_reports_counts_and_makes_a_current_generation(tmp_path):
    report = build_index([SEEDS], tmp_path)
    assert (report.indexed, report.duplicates, report.skipped, report.errors) == (1, 0, [], [])
    assert os.readlink(tmp_path / CURRENT).startswith("gen-")
    assert open_current(tmp_path).doc_count() == 1


def test_rebuild_swaps_in_a_new_generation_and_keeps_one_previous(tmp_path):
    names = []
    for _ in range(3):
        build_index([SEEDS], tmp_path)
        names.append(os.readlink(tmp_path / CURRENT))
    assert len(set(names)) == 3
    generations = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("gen-"))
    assert generations == sorted(names[1:])
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".building-")]


def test_a_reader_of_the_old_generation_keeps_reading_after_a_swap(tmp_path):
    build_index([SEEDS], tmp_path)
    searcher = open_current(tmp_path).searcher()
    build_index([SEEDS, CORPUS], tmp_path)
    assert searcher.doc_count() == 1
    assert open_current(tmp_path).doc_count() == 7
    searcher.close()


def test_same_article_twice_is_one_document(tmp_path):
    report = build_index([SEEDS, SEEDS / "000_d25a097849e16654.txt"], tmp_path)
    assert (report.indexed, report.duplicates) == (1, 1)


def test_bad_inputs_are_reported_and_good_ones_indexed(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "good.txt").write_text((SEEDS / "000_d25a097849e16654.txt").read_text(encoding="utf-8"))
    (sources / "bad.jsonl").write_text('{"body": "Isi berita yang cukup panjang untuk dianggap artikel."}\n{broken\n')
    (sources / "binary.txt").write_bytes(b"\x00\x00")
    report = build_index([sources], tmp_path / "ix")
    assert report.indexed == 2
    assert sorted(str(e) for e in report.errors) == [
        f"{sources / 'bad.jsonl'}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{sources / 'binary.txt'}: binary file (contains NUL bytes)",
    ]
    assert not report.ok
    assert report.summary().endswith("0 duplicates, 0 skipped, 2 errors")


def test_failed_build_leaves_the_previous_index_current(tmp_path, monkeypatch):
    build_index([SEEDS], tmp_path)
    before = os.readlink(tmp_path / CURRENT)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("search.indexer.to_document", explode)
    with pytest.raises(RuntimeError):
        build_index([CORPUS], tmp_path)
    assert os.readlink(tmp_path / CURRENT) == before
    assert open_current(tmp_path).doc_count() == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".building-")]


def test_no_sources_and_no_index_are_clear_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt, .jsonl or .html files found"):
        build_index([tmp_path / "empty"], tmp_path / "ix")
    with pytest.raises(IndexMissingError, match="run `warta reindex` first"):
        open_current(tmp_path / "nowhere")


def test_progress_is_called_once_per_input(tmp_path):
    calls = []
    build_index([SEEDS, CORPUS], tmp_path, progress=calls.append)
    assert calls == [1] * 7
