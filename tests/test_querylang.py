import pytest

from search.querylang import Clause, parse


@pytest.mark.parametrize("text, groups", [
    ("reformasi birokrasi", ((Clause(("reformasi",)),), (Clause(("birokrasi",)),))),
    ('"kelas dunia"', ((Clause(("kelas", "dunia"), phrase=True),),)),
    ("reformasi -zoom", ((Clause(("reformasi",)),), (Clause(("zoom",), negated=True),))),
    ("bupati OR walikota", ((Clause(("bupati",)), Clause(("walikota",))),)),
    ("birokra*", ((Clause(("birokra",), prefix=True),),)),
    ("PAN-RB", ((Clause(("pan-rb",)),),)),
    ("kota/kabupaten", ((Clause(("kota", "kabupaten"), phrase=True),),)),
    ('"lone quote', ((Clause(("lone", "quote"), phrase=True),),)),
    ("* ) ( OR", ()),
    ("", ()),
])
def test_parse(text, groups):
    assert parse(text).groups == groups


def test_empty_and_negative_only_queries_are_empty():
    assert parse("").is_empty
    assert parse("-zoom").is_empty
    assert not parse("zoom").is_empty


def test_positive_words_leave_out_negated_ones():
    assert parse('reformasi "kelas dunia" -zoom').positive_words == {"reformasi", "kelas", "dunia"}
