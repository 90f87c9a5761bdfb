"""search/extract/casing.py: text in capitals written again in the case news uses."""

import subprocess
import sys

import pytest

from search.articles import Article
from search.extract import extract
from search.extract.casing import unshouted
from search.extract.lexicon import load_lexicon
from .conftest import deadline


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize("text, expected", [
    ("WALI KOTA LHOKSEUMAWE T. ZULKARNAINI USMAN, S.T., mengatakan",
     "Wali Kota Lhokseumawe T. Zulkarnaini Usman, S.T., mengatakan"),
    ("PENJABAT (PJ) BUPATI KARANGANYAR BAMBANG SETYO HARTONO meresmikan",
     "Penjabat (Pj) Bupati Karanganyar Bambang Setyo Hartono meresmikan"),
    ("Tim SATUAN POLISI PAMONG PRAJA DAN WILAYATUL HISBAH (SatPol PP-WH) Kota Lhokseumawe",
     "Tim Satuan Polisi Pamong Praja dan Wilayatul Hisbah (SatPol PP-WH) Kota Lhokseumawe"),
    ("KAPOLRES BIMA KOTA AKBP YUSUF TAUFIK HIDAYAT, S.I.K. hadir",
     "Kapolres Bima Kota AKBP Yusuf Taufik Hidayat, S.I.K. hadir"),
    ("Ketua DPRD Karanganyar SRI WAHYUNI RAHAYU meminta", "Ketua DPRD Karanganyar Sri Wahyuni Rahayu meminta"),
    ("Kasatpol PP-WH Lhokseumawe, RIZAL AFDHAL, menyebut", "Kasatpol PP-WH Lhokseumawe, Rizal Afdhal, menyebut"),
    # three letters beside a name are a name's; a chain of them too
    ("WALI KOTA SURABAYA ERI CAHYADI meninjau", "Wali Kota Surabaya Eri Cahyadi meninjau"),
    ("LURAH PAKANSARI DWI NUR ALI meninjau", "Lurah Pakansari Dwi Nur Ali meninjau"),
    # words no Indonesian word is spelled like stay acronyms
    ("KEPALA UPTD PUSKESMAS CIBINONG DEDI SUPRIADI menjelaskan",
     "Kepala UPTD Puskesmas Cibinong Dedi Supriadi menjelaskan"),
    ("KETUA KPUD KABUPATEN BEKASI dan KETUA PGRI KABUPATEN BANYUMAS hadir",
     "Ketua KPUD Kabupaten Bekasi dan Ketua PGRI Kabupaten Banyumas hadir"),
    # ordinary and affixed words of a text in capitals are in lower case; a region's name that is a word is not
    ("KADIS PU RIZAL ARDIANSYAH TURUT MENDAMPINGI WALI KOTA BATU.",
     "Kadis PU Rizal Ardiansyah turut mendampingi Wali Kota Batu."),
    # a sentence's last word is read without its full stop; short words are words; a region's two words stay
    ("KEPALA DINAS SOSIAL BUDI SANTOSO MENINJAU. Warga senang.",
     "Kepala Dinas Sosial Budi Santoso meninjau. Warga senang."),
    ("CAMAT SUKAJADI ARI PUN hadir", "Camat Sukajadi Ari pun hadir"),
    ("GUBERNUR JAWA TENGAH GANJAR PRANOWO meninjau", "Gubernur Jawa Tengah Ganjar Pranowo meninjau"),
    ("Direktur Utama PT KAI DIDIEK HARTANTYO hadir", "Direktur Utama PT KAI Didiek Hartantyo hadir"),
])
def test_a_shouted_post_and_name_are_written_as_news_writes_them(lexicon, text, expected):
    assert unshouted(text, lexicon) == expected


def test_a_word_the_text_writes_elsewhere_is_written_so(lexicon):
    assert unshouted("BUPATI GARUT UUS SUKMANA hadir. Menurut Uus, acara lancar.", lexicon) == (
        "Bupati Garut Uus Sukmana hadir. Menurut Uus, acara lancar.")


@pytest.mark.parametrize("text", [
    "Ketua KPK RI dan DPRD OKI hadir",  # acronyms alone
    "TENGGARONG, KOMPAS.com - Komisi Pemilihan Umum",  # a dateline names no post
    "KARO, SUMUTPOS.CO – Material longsor",
    "Ia bermain di film HEART BEAT bersama kawannya",  # a film's name in capitals
    'Ia berkata, "JANGAN PERNAH MENYERAH, BUPATI KAMI," dengan lantang',  # emphasis inside a quotation
    "Presiden NICE APAC Darren Rushworth berkata",  # a company in capitals, its president's name after it
    "Ketua MWA IPB, Prof Dr Muhammad Ahmad Chozin",  # three-letter acronyms stay
    "Bupati Sleman meresmikan pasar",  # nothing in capitals
])
def test_acronyms_datelines_names_of_things_and_quotations_stay(lexicon, text):
    assert unshouted(text, lexicon) == text


def test_the_text_keeps_its_length_and_only_letters_change_case(lexicon):
    text = "Hari ini, KEPALA DINAS PARIWISATA SAMOSIR, JONNY HASUDUNGAN SIHOTANG, berkata."
    recased = unshouted(text, lexicon)
    assert recased == "Hari ini, Kepala Dinas Pariwisata Samosir, Jonny Hasudungan Sihotang, berkata."
    assert len(recased) == len(text)
    assert recased.casefold() == text.casefold()


@pytest.mark.parametrize("text, expected", [
    # an ordinary word after a comma opens the sentence's next clause: no name of the post before it
    ("Hujan masih turun. KATA BUPATI, CUACA EKSTREM MASIH AKAN TERJADI SEPEKAN KE DEPAN.",
     "Hujan masih turun. kata Bupati, cuaca ekstrem masih akan terjadi sepekan ke depan."),
    # a name after the comma stays a name, a root word in it too (`Budi`)
    ("BUPATI SLEMAN, BUDI SANTOSO, MENGATAKAN", "Bupati Sleman, Budi Santoso, mengatakan"),
    # a unit's number before its place does not end the run: `DANDIM` is written as news writes it
    ("dihadiri KAPOLRES SLEMAN AKBP YUSWANTO ARDI dan DANDIM 0732/SLEMAN LETKOL INF TEGUH HERI SUSANTO.",
     "dihadiri Kapolres Sleman AKBP Yuswanto Ardi dan Dandim 0732/Sleman Letkol Inf Teguh Heri Susanto."),
    # `İ` lowered is two characters: the word stays as it is, the text keeps its length
    ("BUPATI SLEMAN ERİ CAHYADI MENİNJAU LOKASİ BANJİR.", "Bupati Sleman ERİ Cahyadi MENİNJAU LOKASİ BANJİR."),
])
def test_a_clause_after_a_comma_a_units_number_and_a_dotted_capital(lexicon, text, expected):
    assert unshouted(text, lexicon) == expected
    assert len(unshouted(text, lexicon)) == len(text)


@pytest.mark.parametrize("body, expected", [
    ("Hujan deras masih akan terjadi. KATA BUPATI, CUACA EKSTREM MASIH AKAN TERJADI SEPEKAN KE DEPAN.", []),
    ("Acara ini dihadiri KAPOLRES SLEMAN AKBP YUSWANTO ARDI dan DANDIM 0732/SLEMAN LETKOL INF TEGUH HERI SUSANTO.",
     [("Yuswanto Ardi", "Kapolres Sleman"), ("Teguh Heri Susanto", "Dandim 0732/Sleman")]),
])
def test_extraction_finds_no_junk_and_no_person_inside_a_post_in_capitals(body, expected):
    officials = extract(Article(id="caps", title="Berita", date=None, source="", body=body)).officials
    assert [(official.name, official.role) for official in officials] == expected


def test_written_forms_prefer_the_lists_spelling(lexicon):
    written = lexicon.written_forms
    assert (written["bupati"], written["pj"], written["dan"], written["akbp"], written["sri"]) == (
        "Bupati", "Pj", "dan", "AKBP", "Sri")
    assert ("bupati" in lexicon.post_word_forms, "dinas" in lexicon.post_word_forms,
            "film" in lexicon.post_word_forms, "dan" in lexicon.post_word_forms) == (True, True, False, False)


def test_extraction_reads_officials_and_bodies_written_in_capitals():
    article = Article(id="caps", title="Pasar baru", date=None, source="",
                      body="KARANGANYAR – PJ BUPATI KARANGANYAR BAMBANG SETYO HARTONO meresmikan pasar. "
                           "KEPALA DINAS PARIWISATA SAMOSIR, JONNY HASUDUNGAN SIHOTANG, hadir.")
    result = extract(article)
    assert [(official.name, official.role) for official in result.officials] == [
        ("Bambang Setyo Hartono", "Pj Bupati Karanganyar"),
        ("Jonny Hasudungan Sihotang", "Kepala Dinas Pariwisata Samosir")]
    assert result.agency_names == ["Dinas Pariwisata Kabupaten Samosir"]


@pytest.mark.parametrize("text", [
    "“BUPATI KAB " * 40_000,  # quotations opened and never closed
    "A" * 1_000_000 + " x",  # one word of capitals a megabyte long
    "A." * 500_000 + "x",  # an initial's full stop a million times, in one word
    "AAAA" * 250_000 + " , b",  # capitals, a gap, then no second word
    '"a" BUPATI KARANGANYAR x ' * 40_000,  # a run beside a quotation, 40,000 times
])
def test_hostile_text_is_read_in_linear_time(lexicon, text):
    with deadline(10):
        recased = unshouted(text, lexicon)
    assert len(recased) == len(text)


def test_written_forms_are_the_same_whatever_the_hash_seed():
    script = ("import hashlib; from search.extract.lexicon import load_lexicon; forms = load_lexicon().written_forms; "
              "print(forms['menpupr'], forms['kemenpan-rb'], "
              "hashlib.sha1(repr(sorted(forms.items())).encode()).hexdigest())")
    answers = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout.split() for seed in ("1", "2", "3")]
    assert [answer[:2] for answer in answers] == [["MenPUPR", "KemenPAN-RB"]] * 3
    assert len({answer[2] for answer in answers}) == 1  # every form the same, however many the lists give
