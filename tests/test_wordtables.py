import json
from contextlib import nullcontext

import pytest

from search.errors import IndexDamagedError
from search.facets import FACET_TABLE_EXTENSION
from search.generations import CHECKSUMS, seal, verify
from search.indexer import build_index
from search.query import SearchRequest, SearchService
from search.schema import BODY_WORDS, SURFACE_FIELDS
from search.wordtables import (WORD_TABLE_EXTENSION, read_word_table, segment_lexicon, walk_lexicon,
                               word_table_path)

UPDATES = [{"a.txt": "Bupati Meninjau\n\nBupati meninjau jembatan desa bersama warga desa kemarin sore."},
           {"b.txt": "Camat Membuka Pasar\n\nCamat membuka pasar desa yang baru di kecamatan itu.",
            "c.txt": "Lurah Menyapa\n\nLurah menyapa pedagang di pasar pagi bersama camat."},
           {"d.txt": "Warga Desa\n\nWarga desa menanam padi di sawah bersama petani desa."}]


@pytest.fixture()
def updated(tmp_path):
    """An index built in three updates, one segment each, and a fourth that deletes a document of the second."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for update in UPDATES:
        for name, text in update.items():
            (sources / name).write_text(text, encoding="utf-8")
        build_index([sources], tmp_path / "ix")
    (sources / "b.txt").unlink()
    build_index([sources], tmp_path / "ix")
    return tmp_path / "ix"


def tables(root, extensions=(WORD_TABLE_EXTENSION,)):
    return sorted(path.name for path in (root / "current").iterdir() if path.name.endswith(extensions))


def test_each_segment_has_a_word_table_holding_what_its_term_file_holds(updated):
    service = SearchService(updated)
    try:
        leaves = [leaf for leaf, _ in service.current().searcher.reader().leaf_readers()]
        assert len(leaves) >= 2
        assert tables(updated) == sorted(word_table_path(leaf).name for leaf in leaves)
        for leaf in leaves:
            for field in SURFACE_FIELDS:
                words, counts = read_word_table(leaf, field)
                expected_words, expected_counts = walk_lexicon(leaf, field, nullcontext())
                assert words == expected_words and len(words) > 3
                assert counts.tolist() == expected_counts.tolist()
                assert counts.dtype == expected_counts.dtype
        listed = json.loads((updated / "current" / CHECKSUMS).read_text())["files"]
        assert set(tables(updated)) <= set(listed)  # damage checks cover them
    finally:
        service.close()


def test_a_segment_without_a_table_or_a_field_is_read_from_its_term_file(updated):
    service = SearchService(updated)
    try:
        leaf = service.current().searcher.reader().leaf_readers()[0][0]
        assert read_word_table(leaf, "official") is None  # a field no table holds
        words, counts = segment_lexicon(leaf, "official", nullcontext())
        assert (words, counts.tolist()) == (lambda w, c: (w, c.tolist()))(*walk_lexicon(leaf, "official", nullcontext()))
        word_table_path(leaf).unlink()
        assert read_word_table(leaf, BODY_WORDS) is None
        words, counts = segment_lexicon(leaf, BODY_WORDS, nullcontext())
        assert "desa" in words and counts[words.index("desa")] >= 1
    finally:
        service.close()


def test_a_damaged_word_table_is_damage_named(updated):
    path = updated / "current" / tables(updated)[0]
    data = bytearray(path.read_bytes())
    data[-40] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexDamagedError, match=path.name):
        verify(updated / "current")


def answers(root):
    service = SearchService(root, warm=False)
    try:
        found = []
        for q in ("desa", "pasar camat", "pa*", "pasra", "warga -petani", "menyapa"):
            result = service.search(SearchRequest(q=q))
            result.pop("took_ms")
            found.append(result)
        return found
    finally:
        service.close()


def test_a_generation_written_before_segment_tables_answers_as_one_with_them(updated):
    with_tables = answers(updated)
    generation = updated / "current"
    every_table = (WORD_TABLE_EXTENSION, FACET_TABLE_EXTENSION)
    assert len(tables(updated, every_table)) == 2 * len(tables(updated))
    for name in tables(updated, every_table):
        (generation / name).unlink()
    (generation / CHECKSUMS).unlink()
    seal(generation)  # as an older Warta sealed it: no table listed
    assert tables(updated, every_table) == [] and verify(generation)
    assert answers(updated) == with_tables
    assert [(result["total"], result.get("suggestion")) for result in with_tables] == [
        (2, None), (1, None), (2, None), (1, "pasar"), (1, None), (1, None)]  # the document of b.txt deleted


def test_a_word_table_damaged_after_its_generation_opened_is_damage_named_when_read(updated):
    service = SearchService(updated, warm=False)
    try:
        service.current()  # opened and verified; no word table read yet
        path = updated / "current" / tables(updated)[0]
        path.write_bytes(path.read_bytes()[:100])  # truncated from outside
        with pytest.raises(IndexDamagedError, match=f"{path.name} has 100 bytes"):
            service.search(SearchRequest(q="desa"))
    finally:
        service.close()
