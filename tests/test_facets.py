import numpy as np

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


def test_from_reader_reads_every_value_of_the_field(service):
    facets = service.current().facets
    assert "Suhajar Diantoro" in facets["official"].values
    assert "Kementerian Dalam Negeri" in facets["agency"].values
