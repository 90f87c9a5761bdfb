"""Extraction on the seed article (exact lists) and on small hand-written sentences, table-driven."""

import pytest

from search.articles import Article
from search.extract import extract
from search.loaders import read_seed_text

from .conftest import SEED_AGENCIES, SEED_FILE, SEED_OFFICIALS


def extracted(body: str, place: str | None = None, source: str | None = None):
    return extract(Article(id="t", title="", body=body, place=place, source=source))


def test_seed_officials_exactly():
    result = extract(read_seed_text(SEED_FILE))
    assert result.official_names == SEED_OFFICIALS


def test_seed_agencies_exactly():
    result = extract(read_seed_text(SEED_FILE))
    assert result.agency_names == SEED_AGENCIES


def test_seed_roles_and_surfaces():
    result = extract(read_seed_text(SEED_FILE))
    roles = {o.name: o.role for o in result.officials}
    assert roles["Suhajar Diantoro"] == "Sekretaris Jenderal Kemendagri"
    assert roles["Tomsi Tohir Balaw"] == "Inspektur Jenderal Kemendagri"
    assert roles["Thamrin"] == "Sekretaris Daerah Kabupaten"
    assert roles["Muhadi"] is None
    agencies = {a.name: a for a in result.agencies}
    kemendagri = agencies["Kementerian Dalam Negeri"]
    assert kemendagri.acronym == "Kemendagri"
    assert kemendagri.surfaces == ["Kementerian Dalam Negeri", "Kemendagri"]
    assert agencies["Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan"].surfaces == ["Diskominfo"]


@pytest.mark.parametrize("body, expected", [
    # titles and degrees fall away
    ("Acara dibuka Sekretaris Jenderal Kemendagri Dr. H. Suhajar Diantoro, M.Si., kemarin.", "Suhajar Diantoro"),
    # ranks
    ("Hadir Inspektur Jenderal Kemendagri Komjen Pol. Drs. Tomsi Tohir Balaw, M.Si. di sana.", "Tomsi Tohir Balaw"),
    ("Kapolres Pesawaran AKBP Pratomo Widodo mengatakan jalan aman.", "Pratomo Widodo"),
    # region between role and name
    ("Bupati Lampung Selatan Nanang Ermanto meresmikan pasar.", "Nanang Ermanto"),
    ("Gubernur DKI Jakarta Anies Baswedan meninjau banjir.", "Anies Baswedan"),
    # initials stay, lower-case inner names are capitalised
    ("Wali Kota Bandung Oded M. Danial mengatakan.", "Oded M. Danial"),
    ("Deputi Bidang SDM Prof. Dr. Erwan agus Purwanto, M.Si. hadir.", "Erwan Agus Purwanto"),
    # name parts that look like titles elsewhere
    ("Menteri Agama Lukman Hakim Saifuddin membuka acara.", "Lukman Hakim Saifuddin"),
    ("Menteri Keuangan Sri Mulyani Indrawati menjelaskan.", "Sri Mulyani Indrawati"),
    # rank written out
    ("Kabid Humas Polda Metro Jaya Komisaris Besar Argo Yuwono menjelaskan.", "Argo Yuwono"),
])
def test_official_names(body, expected):
    assert extracted(body).official_names == [expected]


@pytest.mark.parametrize("body", [
    "Presiden Nomor 12 Tahun 2017 mengatur hal itu.",  # Peraturan Presiden Nomor …
    "Ketua Umum Partai Golkar hadir di Senayan.",
    "Bupati mengatakan jalan itu rusak.",
    "Warga bernama Budi Santoso mengeluhkan jalan rusak.",  # no cue: a citizen, not an official
    "Rapat di Hotel Grand Mercure Harmoni berjalan lancar.",
])
def test_no_official(body):
    assert extracted(body).official_names == []


def test_bare_surname_later_joins_the_full_name_and_longest_role_wins():
    result = extracted("Bupati Pesawaran Dendi Ramadhona hadir. Kata Bupati Dendi, pasar dibuka. "
                       "Sementara itu Bupati Kabupaten Pesawaran Dendi Ramadhona menambahkan.")
    assert [(o.name, o.role) for o in result.officials] == [("Dendi Ramadhona", "Bupati Kabupaten Pesawaran")]


def test_bare_names_listed_between_officials_are_officials():
    result = extracted("Hadir Asisten Umum Badruzzaman, Muhadi, Kabag Organisasi Yudhistira dan pejabat lain.")
    assert result.official_names == ["Badruzzaman", "Muhadi", "Yudhistira"]


@pytest.mark.parametrize("body, expected", [
    ("Kemendagri meminta daerah bergerak.", ["Kementerian Dalam Negeri"]),
    ("Kementerian Dalam Negeri dan Kemendagri RI satu lembaga.", ["Kementerian Dalam Negeri"]),
    ("Pemkab Lampung Selatan dan Pemerintah Kabupaten Lampung Selatan sama.", ["Pemerintah Kabupaten Lampung Selatan"]),
    ("Pemerintah Kabupaten (Pemkab) Lampung Selatan hadir.", ["Pemerintah Kabupaten Lampung Selatan"]),
    ("Dinas Kesehatan Kota Bandung dan Dinkes Bandung bekerja sama.", ["Dinas Kesehatan Kota Bandung"]),
    ("Kementerian Koordinator Bidang Politik Hukum dan Keamanan mengundang.",
     ["Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan"]),
    ("KPK memeriksa pejabat Pemprov Jatim.", ["Komisi Pemberantasan Korupsi", "Pemerintah Provinsi Jawa Timur"]),
    ("Polda Metro Jaya dan Polres Pesawaran berjaga.", ["Kepolisian Daerah Metro Jaya",
                                                          "Kepolisian Resor Pesawaran"]),
    ("DPRD Kota Surabaya menggelar rapat.", ["Dewan Perwakilan Rakyat Daerah Kota Surabaya"]),
    # all-capital acronyms match only in capitals: "bin" is a name particle, not BIN
    ("Menurut Umar bin Khattab, keadilan itu penting.", []),
    ("Republik Indonesia (RI) dan Hotel Grand Mercure Harmoni.", []),
    ("Sekretaris Daerah Kabupaten Thamrin hadir.", []),
])
def test_agencies(body, expected):
    assert extracted(body).agency_names == expected


def test_unit_without_region_takes_the_article_region():
    result = extracted("Pemkab Pesawaran menggelar rapat. Bappeda menyusun rencana.", source="Diskominfo")
    assert result.agency_names == ["Pemerintah Kabupaten Pesawaran",
                                   "Badan Perencanaan Pembangunan Daerah Kabupaten Pesawaran",
                                   "Dinas Komunikasi dan Informatika Kabupaten Pesawaran"]


def test_unit_region_from_the_dateline_when_no_government_is_named():
    result = extracted("Kalianda, Diskominfo membuka layanan baru.", place="Kalianda")
    assert result.agency_names == ["Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan"]


def test_acronym_defined_in_the_text_is_learned_for_the_article():
    result = extracted("Badan Nasional Penanggulangan Bencana (BNPB) tiba. Kepala BNPB Suharyanto meninjau.")
    assert result.agency_names == ["Badan Nasional Penanggulangan Bencana"]
    assert result.agencies[0].surfaces == ["Badan Nasional Penanggulangan Bencana", "BNPB"]
