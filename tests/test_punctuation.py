"""search/extract/punctuation.py: dashes some outlets write where news writes commas."""

import pytest

from search.articles import Article
from search.extract import extract
from search.extract.punctuation import dashes_as_commas

from .conftest import deadline


@pytest.mark.parametrize("text, expected", [
    ("Wali Kota Balikpapan – Hari Setiawan Rahmat – meninjau lokasi",
     "Wali Kota Balikpapan , Hari Setiawan Rahmat , meninjau lokasi"),
    ("Kepala Dinas PU Kota Balikpapan—Rita Kusumawardhani—menyebut",
     "Kepala Dinas PU Kota Balikpapan,Rita Kusumawardhani,menyebut"),
    ("Bupati Bone – Drs. H. Andi Fahsar – hadir", "Bupati Bone , Drs. H. Andi Fahsar , hadir"),
])
def test_a_name_between_two_dashes_after_its_post_reads_as_between_commas(text, expected):
    assert dashes_as_commas(text) == expected
    assert len(dashes_as_commas(text)) == len(text)


@pytest.mark.parametrize("text", [
    "BALIKPAPAN – Banjir setinggi 40–60 cm merendam jalan",  # a dateline's lone dash, a range
    "Wali Kota Balikpapan - Hari Setiawan Rahmat - meninjau",  # hyphens: a tokenised text's, left alone
    "Ia berkata – dengan pelan – bahwa banjir surut",  # an aside in lower case
    "Tanpa tanda pisah sama sekali",
])
def test_ranges_hyphens_lone_dashes_and_lower_case_asides_stay(text):
    assert dashes_as_commas(text) == text


def test_extraction_reads_the_official_set_off_by_dashes():
    article = Article(id="dash", title="Banjir Balikpapan", source="",
                      body="BALIKPAPAN – Banjir melanda. Wali Kota Balikpapan–Hari Setiawan Rahmat–meninjau "
                           "lokasi.")
    assert [(official.name, official.role) for official in extract(article).officials] == [
        ("Hari Setiawan Rahmat", "Wali Kota Balikpapan")]


def test_a_long_hostile_text_of_dashes_is_read_in_linear_time():
    text = "a–A " * 200_000 + "a—" + "Aa " * 200_000
    with deadline(10):
        assert len(dashes_as_commas(text)) == len(text)
