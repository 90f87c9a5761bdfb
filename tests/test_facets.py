import numpy as np
import pytest

from search.facets import FacetTable


def table():
    # doc 0: A, B; doc 1: A; doc 2: C; doc 3: A, C
    return FacetTable("official", ["A", "B", "C"], np.array([0, 1, 3, 0, 2, 3]), np.array([0, 0, 0, 1, 2, 2]))


def test_counts_cover_only_matching_documents_sorted_by_count_then_value():
    matching = np.array([True, True, False, True])
    assert table().counts(matching) == [("A", 3), ("B", 1), ("C", 1)]


def test_counts_leave_out_zero_and_respect_size():
    matching = np.array([False, False, True, False])
    assert table().counts(matching) == [("C", 1)]
    assert table().counts(np.ones(4, dtype=bool), size=1) == [("A", 3)]


def test_tally_is_the_same_whether_it_counts_the_flagged_documents_or_those_left_out():
    held = {0: ["A", "B"], 1: ["A"], 2: ["C"], 3: ["A", "C"]}
    for number in range(16):  # every mask of four documents: up to two flagged counts them, more counts the rest
        matching = np.array([bool(number >> doc & 1) for doc in range(4)])
        expected = [sum(1 for doc in range(4) if matching[doc] and value in held[doc]) for value in "ABC"]
        assert table().tally(matching).tolist() == expected


@pytest.mark.parametrize("cost", [0, 6])  # 0: every tally is counted by document (the rest, over half)
def test_few_flagged_documents_are_counted_from_their_own_pairs_as_a_pass_over_all_pairs_counts_them(
        tmp_path, monkeypatch, cost):
    monkeypatch.setattr("search.facets.SPARSE_COST", cost)
    from whoosh import index as whoosh_index

    from search.schema import build_schema
    from search.segments import SegmentMemo, live_documents

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    batches = [[("a", ["Thamrin", "Eka"]), ("b", ["Thamrin"]), ("x", [])], [("c", ["Muhadi"]), ("d", ["Badru", "Eka"])],
               [("e", ["Alex"]), ("f", ["Zul", "Thamrin"])]]
    for number, batch in enumerate(batches):
        writer = ix.writer()
        if number == 2:
            for gone in ("c", "d"):  # Muhadi and Badru are held by deleted documents only
                writer.delete_by_term("id", gone)
        for article_id, officials in batch:
            writer.add_document(id=article_id, official="\n".join(officials))
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        live = live_documents(reader)
        table = FacetTable.from_reader(reader, "official", live, SegmentMemo())
        assert table.values == ["Alex", "Eka", "Thamrin", "Zul"] and len(reader.leaf_readers()) == 3
        held = {reader.stored_fields(doc)["id"] if live[doc] else None: doc for doc in range(len(live))}
        for number in range(2 ** len(live)):
            matching = np.array([bool(number >> doc & 1) for doc in range(len(live))]) & live
            expected = np.bincount(table.pair_value[matching[table.pair_doc]], minlength=4).tolist()
            assert table._sparse_tally(np.flatnonzero(matching)).tolist() == expected
            assert table.tally(matching).tolist() == expected
            assert table.tally(matching, np.flatnonzero(matching)).tolist() == expected
        assert table._sparse_tally(np.flatnonzero(live)).tolist() == [1, 1, 3, 1]
        assert table._sparse_tally(np.array([held["f"]])).tolist() == [0, 0, 1, 1]
    direct = FacetTable("official", ["A", "B"], np.array([0, 2, 2]), np.array([0, 0, 1]))  # built without them
    assert direct._sparse_tally(np.array([1, 2, 7])).tolist() == [1, 1]


def test_from_reader_reads_every_value_of_the_field(service):
    facets = service.current().facets
    assert "Suhajar Diantoro" in facets["official"].values
    assert "Kementerian Dalam Negeri" in facets["agency"].values


def region_table():
    # doc 0: 18.01 (and 18); doc 1: 18.71 (and 18); doc 2: 35.78 (and 35); doc 3: 18.01 and 35.78
    values = ["18", "18.01", "18.71", "35", "35.78"]
    pairs = [(0, 0), (0, 1), (1, 0), (1, 2), (2, 3), (2, 4), (3, 0), (3, 1), (3, 3), (3, 4)]
    return FacetTable("region", values, np.array([d for d, _ in pairs]), np.array([v for _, v in pairs]))


def test_a_nested_facet_lists_top_values_and_the_children_of_expanded_ones():
    from search.facet_registry import REGION
    from search.facets import FacetCount, facet_counts

    every = np.ones(4, dtype=bool)
    assert facet_counts(REGION, region_table(), every, 20, ()) == [FacetCount("18", 3), FacetCount("35", 2)]
    assert facet_counts(REGION, region_table(), every, 20, ("18",)) == [
        FacetCount("18", 3, (FacetCount("18.01", 2), FacetCount("18.71", 1))), FacetCount("35", 2)]
    # a selected child expands its parent, and is listed even when nothing matches it
    assert facet_counts(REGION, region_table(), np.array([False, False, True, False]), 20, ("18.71",)) == [
        FacetCount("35", 1), FacetCount("18", 0, (FacetCount("18.71", 0),))]


def test_prefix_matches_the_value_as_shown():
    from search.facet_registry import REGION

    assert region_table().counts(np.ones(4, dtype=bool), prefix="lamp", shown_as=REGION.display) == [
        ("18", 3), ("18.01", 2), ("18.71", 1)]
    # trial 34: the whole text of the box, spaces and all (`lampung selatan`, `joko w`), as the user sees it
    assert region_table().counts(np.ones(4, dtype=bool), prefix="Lampung  sel", shown_as=REGION.display) == [
        ("18.01", 2)]
    assert region_table().counts(np.ones(4, dtype=bool), prefix="kabupaten lampung selatan",
                                 shown_as=REGION.display) == [("18.01", 2)]
    assert region_table().counts(np.ones(4, dtype=bool), prefix="lampung utara", shown_as=REGION.display) == []


def test_each_typed_word_starts_a_word_of_the_value_or_of_another_name_or_the_whole_names_it():
    from search.facets import typed_into

    assert [typed_into("Joko Widodo", typed) for typed in ("joko", "joko w", "JOKO WIDODO", "wid", "widodo joko",
                                                           "joko widodo presiden", "  ", "joko, w.")] == [
        True, True, True, True, True, False, True, True]
    assert typed_into("Joko Widodo", "jokowi", aliases=lambda value: ["Jokowi"])
    # trial 35: an agency's short form beside its name's words, an outlet, a region by a name the table knows
    polda = "Kepolisian Daerah Metro Jaya"
    assert typed_into(polda, "polda metro jaya", aliases=lambda value: ["polda", "metro", "jaya"])
    assert not typed_into(polda, "polres metro", aliases=lambda value: ["polda", "metro", "jaya"])
    assert typed_into("cnnindonesia.com", "cnn indonesia", meant="cnnindonesia.com")
    assert not typed_into("detik.com", "cnn indonesia", meant="cnnindonesia.com")
    assert typed_into("detik.com", "detik.c")
    # trial 39: marks do not count, either way (identity compares names without them too)
    assert [typed_into("Đỗ Văn Hưng", typed) for typed in ("hung", "hưng", "do van", "dang")] == [True, True, True, False]
    assert typed_into("Omer Unal", "ömer")


def test_a_prefix_of_no_word_is_typed_into_no_value_and_a_blank_one_into_every_value():
    """Trial 43: `(`, `*`, `%`, `.*` or an emoji listed the whole unfiltered top list."""
    from search.facet_registry import REGION
    from search.facets import typed_into

    assert [typed_into("Joko Widodo", typed) for typed in ("(", "*", "%", ".*", "\U0001f600", " - ", "", " ")] == [
        False, False, False, False, False, False, True, True]
    assert typed_into("Joko Widodo", "(", meant="Joko Widodo")  # the whole text names it: named, whatever it is
    for typed in ("(", "*", "%", ".*", "\U0001f600"):
        assert region_table().counts(np.ones(4, dtype=bool), prefix=typed, shown_as=REGION.display) == [], typed


def test_typed_words_start_words_of_the_value_in_any_order_each_its_own():
    """Trial 43: `sri sri` found Sri Mulyani and `a a a` acted as `a`; the order of the words stays free (a
    type-ahead finds `widodo joko` and `selatan lampung` as `joko widodo` and `lampung selatan`)."""
    from search.facet_registry import REGION
    from search.facets import typed_into

    assert [typed_into("Sri Mulyani", typed) for typed in ("sri", "sri sri", "s sri", "mul sri", "sri m m")] == [
        True, False, False, True, False]
    assert [typed_into("Srikandi", typed) for typed in ("sri", "sri sri", "srik sri")] == [True, False, False]
    assert [typed_into("Sri Sri Ravi", typed) for typed in ("sri sri", "s sri", "sri sri sri", "r s s")] == [
        True, True, False, True]
    assert [typed_into("Argo Yuwono", typed) for typed in ("y argo", "argo y", "a a", "yu yuw")] == [
        True, True, False, False]
    # the longer typed word takes its word first, so the shorter one still finds one (`s` and `sri`, `sr`)
    assert [typed_into("Sri Santoso", typed) for typed in ("s sri", "sri s", "s sa", "sr sri", "sa sri s")] == [
        True, True, True, False, False]
    # a word of another name the value's own name holds too is not a second word: `sri sri` is not typed into
    # Sri Mulyani because her other form `Sri Mulyani Indrawati` has a `sri` as well
    forms = lambda value: ["Sri Mulyani Indrawati", "SMI"]  # noqa: E731
    assert [typed_into("Sri Mulyani", typed, aliases=forms) for typed in ("sri sri", "indra sri", "smi mul")] == [
        False, True, True]
    assert region_table().counts(np.ones(4, dtype=bool), prefix="selatan lampung", shown_as=REGION.display) == [
        ("18.01", 2)]
    assert region_table().counts(np.ones(4, dtype=bool), prefix="lampung lampung", shown_as=REGION.display) == []


def test_a_built_segments_facet_table_holds_what_its_postings_give_and_opening_reads_no_postings(tmp_path,
                                                                                               monkeypatch):
    import search.facets
    from search.facet_registry import FACETS
    from search.query import SearchRequest, SearchService

    from .conftest import index_in_segments

    root = index_in_segments(tmp_path, {
        "a.txt": "Bupati Meninjau\n\nBupati Lampung Selatan Nanang Ermanto meninjau jembatan.",
        "b.txt": "Rapat Kemendagri\n\nKementerian Dalam Negeri menggelar rapat di Jakarta."})
    service = SearchService(root, warm=False)
    try:
        leaves = [leaf for leaf, _ in service.current().searcher.reader().leaf_readers()]
        assert len(leaves) == 2
        held = 0
        for leaf in leaves:
            for facet in FACETS:
                saved, read = FacetTable._segment_pairs(leaf, facet.index_field), FacetTable._read_pairs(
                    leaf, facet.index_field)
                assert saved.values == read.values
                assert saved.pair_doc.tolist() == read.pair_doc.tolist()
                assert saved.pair_value.tolist() == read.pair_value.tolist()
                held += len(read.values)
        assert held >= 4
        expected = service.search(SearchRequest(q="rapat"))
    finally:
        service.close()
    read = []
    monkeypatch.setattr(search.facets, "read_postings", lambda *args, **kwargs: read.append(args))
    service = SearchService(tmp_path / "ix", warm=False)
    try:
        found = service.search(SearchRequest(q="rapat"))
        assert read == []  # every facet value's pairs came from the segments' tables
        assert (found["total"], found["facets"]) == (expected["total"], expected["facets"]) and found["total"] == 1
    finally:
        service.close()
