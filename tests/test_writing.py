"""How writers are opened: single-posting terms inlined into their term entries, and read back as any other."""

from __future__ import annotations

from whoosh import index
from whoosh import query as wq
from whoosh.fields import ID, TEXT, Schema

from search.writing import INLINE_POSTINGS, open_writer


def small_index(path):
    ix = index.create_in(str(path), Schema(id=ID(stored=True), text=TEXT(phrase=True)))
    writer = open_writer(ix)
    writer.add_document(id="a", text="jalan desa rusak parah")
    writer.add_document(id="b", text="jalan kota mulus")
    writer.commit()
    return index.open_dir(str(path))


def test_a_term_in_one_article_is_kept_in_its_entry_and_a_term_in_two_is_not(tmp_path):
    assert INLINE_POSTINGS == 2
    with small_index(tmp_path).searcher() as searcher:
        reader = searcher.reader()
        assert reader.term_info("text", "desa").is_inlined() is True
        assert reader.term_info("text", "jalan").is_inlined() is False


def test_inlined_terms_are_found_with_their_weights_and_positions(tmp_path):
    with small_index(tmp_path).searcher() as searcher:
        def ids(query):
            return sorted(hit["id"] for hit in searcher.search(query))
        assert ids(wq.Term("text", "desa")) == ["a"]
        assert ids(wq.Phrase("text", ["desa", "rusak", "parah"])) == ["a"]
        assert ids(wq.Phrase("text", ["rusak", "desa"])) == []
        assert ids(wq.Phrase("text", ["jalan", "kota"])) == ["b"]
        assert ids(wq.Or([wq.Term("text", "mulus"), wq.Term("text", "parah")])) == ["a", "b"]
        matcher = searcher.reader().postings("text", "rusak")
        assert (matcher.id(), matcher.weight(), matcher.value_as("positions")) == (0, 1.0, [2])
