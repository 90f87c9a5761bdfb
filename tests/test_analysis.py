import csv
import pickle

import pytest
from whoosh.formats import Positions

from search.analysis import (SurfacePositions, may_take_affix, protected_words, stem_word, stemmed_analyzer,
                             surface_analyzer, words_of)
from search.schema import build_schema

from .conftest import SEED_FILE, SHARED

STEM_PAIRS = SHARED / "stemmer" / "stem_pairs.tsv"
PROTECTED_ON_PURPOSE = {"pemerintah"}  # upstream stems it to `perintah`: a different word


def texts(analyzer, text):
    return [token.text for token in analyzer(text)]


def test_stemmed_analyzer_lowercases_drops_stopwords_and_stems():
    assert texts(stemmed_analyzer(), "Petugas melayani pelayanan yang baik di Kalianda") == [
        "tugas", "layan", "layan", "baik", "kalianda"]


def test_surface_analyzer_keeps_every_word_as_written_in_lower_case():
    assert texts(surface_analyzer(), "Petugas melayani yang PAN-RB") == ["petugas", "melayani", "yang", "pan-rb"]


def test_protected_words_keep_their_own_stem():
    assert {"pemerintah", "pemerintahan", "secara", "berbasis", "bernilai", "berupa"} <= protected_words()
    assert stem_word("pemerintah") == "pemerintah"
    assert stem_word("secara") == "secara"
    assert stem_word("memerintah") == "perintah"


def test_stem_word_leaves_numbers_and_mixed_tokens_alone():
    assert stem_word("2022") == "2022"
    assert stem_word("covid19") == "covid19"
    assert stem_word("anak-anak") == "anak"


def test_schema_pickles_small_without_the_sastrawi_dictionary():
    size = len(pickle.dumps(build_schema()))
    assert size < 20_000, size
    assert len(pickle.dumps(stemmed_analyzer())) < 2_000


def test_words_of_matches_the_surface_analyzer():
    assert words_of("Reformasi Birokrasi, 2022!") == ["reformasi", "birokrasi", "2022"]


@pytest.mark.parametrize("text", ["Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kab. Lampung-Selatan",
                                  "Jum'at, ANAK-ANAK  di İstanbul’s STRAẞE", "", "—…!", "K3 x_y 12.5"])
def test_words_of_gives_what_the_surface_analyzer_gives(text):
    assert words_of(text) == [token.text for token in surface_analyzer()(text)]


def test_place_names_are_not_stemmed_into_other_words():
    assert stem_word("bali") == "bali"
    assert stem_word("pesawaran") == "pesawaran"
    assert stem_word("bagian") == "bagi"  # an ordinary word still stems


@pytest.mark.parametrize("word, expected", [
    ("santoso", False), ("yuwono", False), ("anies", False), ("jakarta", False), ("gubernur", False),
    ("kesehatan", True), ("dimas", True), ("sejahtera", True), ("bersenjata", True), ("tersangka", True),
    ("kudus", True), ("kaumnya", True), ("pertahanan", True), ("gemetar", True), ("telunjuk", True),
    ("sinambung", True), ("partai", True), ("kapitalisme", True), ("perintahkan", True), ("jokowi", True),
    ("pan-rb", True), ("covid19", True),  # not letters alone: Sastrawi is asked as before
])
def test_a_word_sastrawi_may_stem_has_an_affix_it_knows(word, expected):
    assert may_take_affix(word) is expected


def test_sastrawi_leaves_every_dictionary_word_without_an_affix_as_it_is():
    """What lets `stem_word` skip Sastrawi: over its own dictionary (the roots it stems to), a word with no
    prefix, infix or suffix it knows comes back unchanged (also checked over the corpus's 69,986 words)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    factory = StemmerFactory()
    stemmer = factory.create_stemmer()
    words = sorted(word for word in factory.get_words_from_file() if word.isalpha() and word.isascii())
    unaffixed = [word for word in words if not may_take_affix(word)]
    assert len(unaffixed) > 10_000
    assert [word for word in unaffixed[::5] if stemmer.stem(word) != word] == []


@pytest.mark.skipif(not STEM_PAIRS.exists(), reason="../shared/stemmer is absent")
def test_agrees_with_upstream_sastrawi_on_every_full_dictionary_pair():
    with STEM_PAIRS.open(encoding="utf-8") as handle:
        pairs = [row for row in csv.DictReader(handle, delimiter="\t") if row["dictionary"] == "full_kata_dasar"]
    assert len(pairs) == 70
    disagreements = {row["word"] for row in pairs if stem_word(row["word"].lower()) != row["expected_stem"]}
    assert disagreements == PROTECTED_ON_PURPOSE


def test_an_index_roots_stems_round_trip_through_its_file(tmp_path):
    from search.analysis import STEM_CACHE, Stems

    stems = Stems(tmp_path)
    stems.learn("Petugas melayani warga.")
    stems.save()
    assert "melayani\tlayan\n" in (tmp_path / STEM_CACHE).read_text(encoding="utf-8")
    (tmp_path / STEM_CACHE).write_text("melayani\tlayan\npemerintah\tperintah\n", encoding="utf-8")
    again = Stems(tmp_path)
    assert again.refresh() is True
    assert len(again) == 2
    assert again.stem("pemerintah") == "pemerintah"  # a protected word's stem is never taken from a cache
    assert again.refresh() is False  # unchanged: not read again
    assert again.stem("melayani") == "layan" and again.stem("pemerintah") == "pemerintah"


def test_a_stem_cache_save_that_fills_the_disk_leaves_no_temporary_copy(tmp_path, monkeypatch):
    """Trial 22: each reindex on a full disk left a `.stems.tsv.<pid>` copy holding the space it lacked."""
    import errno
    import os

    from search import analysis
    from search.analysis import STEM_CACHE, Stems

    stems = Stems(tmp_path)
    stems.learn("Petugas melayani warga.")
    stems.save()
    before = sorted(p.name for p in tmp_path.iterdir())
    stems.learn("Bupati meresmikan jembatan.")
    write = analysis.write_new_file

    def half_written(path, text):
        write(path, text[: len(text) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(analysis, "write_new_file", half_written)
    with pytest.raises(OSError, match="No space left on device"):
        stems.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == before == [STEM_CACHE]


def test_a_stem_cache_save_never_writes_through_a_symlink_put_where_its_copy_goes(tmp_path):
    """Trial 53: a link named `.stems.tsv.<pid>` had the stems written into the file it names."""
    import os

    from search.analysis import STEM_CACHE, Stems, temporary_copy

    victim = tmp_path / "victim"
    victim.write_text("precious data")
    root = tmp_path / "idx"
    root.mkdir()
    temporary_copy(root / STEM_CACHE, os.getpid()).symlink_to(victim)
    stems = Stems(root)
    stems.learn("Petugas melayani warga.")
    stems.save()
    assert victim.read_text() == "precious data"
    assert sorted(p.name for p in root.iterdir()) == [STEM_CACHE]
    assert not (root / STEM_CACHE).is_symlink()
    assert "melayani\tlayan\n" in (root / STEM_CACHE).read_text()


def test_the_copies_a_killed_save_left_beside_a_roots_stem_cache_are_removed_but_this_processs(tmp_path):
    import os

    from search.analysis import STEM_CACHE, Stems

    names = [".stems.tsv.123", f".stems.tsv.{os.getpid()}", ".stems.tsv.bak", ".stems.tsv.1.npz", STEM_CACHE]
    for name in names:
        (tmp_path / name).write_text("warga\twarga\n", encoding="utf-8")
    (tmp_path / ".stems.tsv.456").mkdir()  # not a file a save writes
    assert Stems(tmp_path).remove_unfinished_saves() == [".stems.tsv.123"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names[1:], ".stems.tsv.456"])
    assert Stems().remove_unfinished_saves() == []  # no root, no file


def test_a_damaged_stem_cache_is_read_line_by_line_skipping_what_is_not_utf8_or_not_a_pair(tmp_path):
    from search.analysis import STEM_CACHE, Stems

    (tmp_path / STEM_CACHE).write_bytes(b"melayani\tlayan\n\xff\xfe\nrapat\tx\ty\n\n\tlone\nwarga\t\nbupati\tbupati\n")
    stems = Stems(tmp_path)
    assert stems.refresh() is True
    assert len(stems) == 2
    assert stems.stem("melayani") == "layan" and stems.stem("rapat") == "rapat"


def test_words_only_asked_about_stay_within_the_budget():
    from search.analysis import Stems

    stems = Stems(asked_budget=1_000)
    stems.learn("Bupati meresmikan jembatan")
    for n in range(100_000):  # unknown words (digits: Sastrawi is not asked, so this stays fast)
        assert stems.stem(f"kata{n}") == f"kata{n}"
    assert stems.asked == 1_000
    assert len(stems) == 3  # the index's words are kept whatever is asked
    assert stems.stem("meresmikan") == "resmi"
    assert stem_word.cache_info().currsize <= stem_word.cache_info().maxsize


@pytest.mark.parametrize("field_boost", [1.0, 2.0])
def test_surface_positions_are_what_the_surface_analyzer_gives_whoosh(field_boost):
    texts = [SEED_FILE.read_text(encoding="utf-8"), "", "  ", "Pemkab-Pemkot  ber'aksi ber’aksi İSTANBUL x_y 2022 2022",
             "Dr. H. Suhajar Diantoro, M.Si. (Kemendagri) — «kata» ½ ²"]
    fast, generic = SurfacePositions(field_boost=field_boost), Positions(field_boost=field_boost)
    for text in texts:
        assert list(fast.word_values(text, surface_analyzer())) == list(generic.word_values(text, surface_analyzer()))
    assert list(fast.word_values(["Dua", "kata"], surface_analyzer())) == list(
        generic.word_values(["Dua", "kata"], surface_analyzer()))


@pytest.mark.parametrize("word, parts", [
    ("prabowo-gibran", ["prabowo", "gibran"]),
    ("covid-19", ["covid", "19"]),
    ("e-ktp", ["e", "ktp"]),
    ("ke-19", ["19"]),  # `ke` is a stop word
    ("covid-nya", ["covid"]),  # `-nya` is a clitic, no word
    ("al-qur'an", ["al", "qur'an"]),
    ("anak-anak", []),  # a reduplication Sastrawi reads: one word (anak)
    ("surat-menyurat", []),
    ("kupu-kupu", []),  # a reduplication Sastrawi leaves: every part the same word
    ("berita-ekonomi-bisnis-daerah-2024", []),  # more than MAX_COMPOUND_PARTS parts: a slug
    ("bupati", []),
])
def test_a_hyphenated_compound_is_also_found_by_its_parts_but_not_a_reduplication(word, parts):
    from search.analysis import compound_parts

    assert compound_parts(word, stem_word(word)) == parts


def test_stems_group_a_compound_under_its_parts_and_learn_the_parts(tmp_path):
    from search.analysis import STEM_CACHE, Stems

    stems = Stems(tmp_path)
    stems.learn("Pasangan Prabowo-Gibran menang, anak-anak bermain")
    stems.save()
    saved = (tmp_path / STEM_CACHE).read_text(encoding="utf-8")
    assert "gibran\tgibran\n" in saved and "prabowo\tprabowo\n" in saved
    groups = Stems(tmp_path).groups(["anak-anak", "gibran", "menang", "prabowo-gibran"])
    assert groups == {"anak": ["anak-anak"], "gibran": ["gibran", "prabowo-gibran"], "menang": ["menang"],
                      "prabowo-gibran": ["prabowo-gibran"], "prabowo": ["prabowo-gibran"]}
    assert stems.compound_stems("pasca-pemilihan", "pasca-pemilihan") == ["pasca", "pilih"]


def test_a_stem_finds_at_most_max_compounds_per_stem_compounds_the_most_frequent(monkeypatch):
    from search.analysis import Stems

    monkeypatch.setattr("search.analysis.MAX_COMPOUNDS_PER_STEM", 2)
    words = ["info", "info-a", "info-b", "info-c"]
    assert Stems().groups(words)["info"] == ["info", "info-a", "info-b"]  # no frequencies: the first two
    documents = {"info-a": 1, "info-b": 7, "info-c": 3}
    groups = Stems().groups(words, frequency=lambda word: documents.get(word, 0))
    assert groups["info"] == ["info", "info-b", "info-c"]  # the two in most documents, and the word itself
    assert groups["c"] == ["info-c"]


@pytest.mark.parametrize("word, stem", [
    ("cumi-cumi", "cumi"),  # Sastrawi leaves a doubled word its dictionary lacks (trial 43, F3)
    ("kanak-kanak", "kanak"),
    ("kupu-kupu", "kupu"),
    ("ha-ha-ha", "ha"),
    ("anak-anak", "anak"),  # Sastrawi's own answer, unchanged
    ("berlari-lari", "lari"),
    ("bali-bali", "bali"),  # a proper name doubled stays the name (Sastrawi: `bal`)
    ("pemerintah-pemerintah", "pemerintah"),  # a protected word doubled stays the word (Sastrawi: `perintah`)
    ("sayur-mayur", "sayur-mayur"),  # no full reduplication: a compound, found by its parts
    ("19-19", "19-19"),
])
def test_a_full_reduplication_stems_to_the_stem_of_the_word_it_doubles(word, stem):
    assert stem_word(word) == stem


def test_a_reduplication_is_grouped_under_the_word_it_doubles():
    from search.analysis import Stems

    groups = Stems().groups(["cumi-cumi", "kanak-kanak", "sayur-mayur"])
    assert groups == {"cumi": ["cumi-cumi"], "kanak": ["kanak-kanak"], "sayur-mayur": ["sayur-mayur"],
                      "sayur": ["sayur-mayur"], "mayur": ["sayur-mayur"]}


def test_a_stem_cache_written_before_reduplications_stemmed_whole_is_corrected_when_read(tmp_path):
    from search.analysis import STEM_CACHE, Stems

    (tmp_path / STEM_CACHE).write_text("anak-anak\tanak\nbali-bali\tbal\ncumi-cumi\tcumi-cumi\n"
                                       "sayur-mayur\tsayur-mayur\n", encoding="utf-8")
    stems = Stems(tmp_path)
    assert stems.refresh() is True
    assert [stems.stem(w) for w in ("anak-anak", "bali-bali", "cumi-cumi", "sayur-mayur")] == \
        ["anak", "bali", "cumi", "sayur-mayur"]
    assert stems.corrected == 2  # what a reindex saves again, so that the file is right
    stems.save()
    assert Stems(tmp_path).merge(tmp_path / STEM_CACHE) == 4
    assert "cumi-cumi\tcumi\n" in (tmp_path / STEM_CACHE).read_text(encoding="utf-8")


def test_a_word_written_only_doubled_finds_its_article_in_an_old_index_too(tmp_path):
    from search.analysis import STEM_CACHE
    from search.query import SearchRequest, SearchService

    from .conftest import index_of_records

    records = [{"id": "a1", "title": "Nelayan melaut", "date": "2024-05-01",
                "body": "Nelayan di pesisir menangkap cumi-cumi dan ikan tongkol sepanjang malam."},
               {"id": "a2", "title": "Sekolah dibuka", "date": "2024-05-02",
                "body": "Para kanak-kanak kembali ke sekolah setelah libur panjang berakhir."}]
    root = index_of_records(tmp_path, records)

    def titles() -> list[list[str]]:
        service = SearchService(root)
        try:
            return [[hit["title"] for hit in service.search(SearchRequest(q=q))["hits"]] for q in ("cumi", "kanak")]
        finally:
            service.close()

    ids = {"new": titles()}
    cache = (root / STEM_CACHE).read_text(encoding="utf-8")
    assert "cumi-cumi\tcumi\n" in cache and "kanak-kanak\tkanak\n" in cache
    (root / STEM_CACHE).write_text(cache.replace("cumi-cumi\tcumi\n", "cumi-cumi\tcumi-cumi\n")  # as an older
                                   .replace("kanak-kanak\tkanak\n", "kanak-kanak\tkanak-kanak\n"),  # Warta wrote
                                   encoding="utf-8")
    ids["old"] = titles()
    assert ids == {"new": [["Nelayan melaut"], ["Sekolah dibuka"]], "old": [["Nelayan melaut"], ["Sekolah dibuka"]]}
