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


def test_segments_with_inlined_terms_merge(tmp_path):
    # an ID field stores no value per posting: inlined, it read back as '' (text), which a merge refused
    ix = small_index(tmp_path)
    for name in ("c", "d", "e"):
        writer = open_writer(ix)
        writer.add_document(id=name, text=f"kabar {name}")
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        values = {type(item[4]).__name__ for item in searcher.reader().iter_postings()}
        assert values == {"NoneType", "bytes"}  # bytes for the positions, None where a block keeps no value
    writer = open_writer(ix)
    writer.commit(optimize=True)  # every segment merged into one
    ix = index.open_dir(str(tmp_path))
    assert len(ix._segments()) == 1
    with ix.searcher() as searcher:
        assert sorted(hit["id"] for hit in searcher.search(wq.Term("text", "kabar"))) == ["c", "d", "e"]
        assert [hit["id"] for hit in searcher.search(wq.Term("id", "d"))] == ["d"]
        assert [hit["id"] for hit in searcher.search(wq.Phrase("text", ["desa", "rusak"]))] == ["a"]


def test_a_segmented_writer_commits_a_full_pool_as_a_segment_and_frees_it(tmp_path):
    import weakref

    from search.articles import Article
    from search.schema import build_schema
    from search.writing import SegmentedWriter, collector_paused

    ix = index.create_in(str(tmp_path), build_schema())
    with collector_paused():  # as in a build: only the writer's own collection frees a committed pool
        writer = SegmentedWriter(ix, budget_bytes=5_000)
        first_pool = weakref.ref(writer._writer.pool)
        for n in range(12):
            writer.add(Article(id=f"a{n}", title=f"Berita {n}", body="Bupati meninjau jalan desa yang rusak. " * 20), f"k{n}")
        writer.commit()
        assert first_pool() is None
    with ix.searcher() as searcher:
        assert writer.segments == len(searcher.reader().leaf_readers()) > 2
        assert searcher.doc_count() == 12
        assert len(searcher.search(wq.Term("body_surface", "bupati"), limit=None)) == 12
    assert not list(tmp_path.glob("*.run"))


def test_a_flush_reads_each_fields_lengths_once_and_gets_whooshs_values(tmp_path):
    from whoosh.codec.whoosh3 import W3PerDocReader

    from search.writing import InliningCodec

    ix = small_index(tmp_path)
    segment = ix._segments()[0]
    ours = InliningCodec().per_document_reader(ix.storage, segment)
    whooshs = W3PerDocReader(ix.storage, segment)
    length_of = ours.doc_field_length_reader("text")
    assert [length_of(0), length_of(1)] == [whooshs.doc_field_length(0, "text"), whooshs.doc_field_length(1, "text")]
    assert [length_of(0), length_of(1)] == [4, 3]
    assert ours.doc_field_length_reader("missing", default=7)(1) == 7
    ours.close()
    whooshs.close()
