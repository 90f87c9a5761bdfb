import json

import numpy as np
import pytest
from whoosh import index as whoosh_index

from search.errors import StoryStateError
from search.generations import CURRENT
from search.indexer import build_index
from search.stories import STORIES_DELTA, STORIES_FILE, Collapsing, StoryConfig, StoryIndex, StoryStream, shingles, similarity, story_number, story_paragraphs
from search.stories import _merged, earliest_first, other_versions, story_representatives

from .conftest import HARD_NEGATIVE, SEED_FILE, SEEDS, version_of_seed

SEED = SEED_FILE.read_text(encoding="utf-8")
SEED_ID = "cade9df429c4df30"  # the seed's article id (a hash of its text)


def test_story_text_drops_dateline_byline_link_lines_and_footer():
    kept = story_paragraphs(version_of_seed())
    assert kept[0].startswith("Pemerintah Kabupaten (Pemkab) Lampung Selatan turut mengikuti")
    assert not any("Lampost" in p or "Baca juga" in p or "Google News" in p or "(rm/red)" in p for p in kept)
    assert len(kept) == len(story_paragraphs(SEED)) - 1 == 9  # one paragraph dropped; the desk line never counts


def test_shingles_ignore_case_punctuation_and_paragraph_order():
    assert shingles("Satu dua, tiga empat lima.").tolist() == shingles("satu DUA tiga -- empat lima").tolist()
    first = "Paragraf pertama berisi delapan kata yang cukup panjang.\n\nParagraf kedua juga berisi delapan kata lainnya sekarang."
    moved = "Paragraf kedua juga berisi delapan kata lainnya sekarang.\n\nParagraf pertama berisi delapan kata yang cukup panjang."
    assert shingles(first).tolist() == shingles(moved).tolist()
    assert len(shingles(first)) == 10  # 5 runs of four words in each paragraph of eight


def test_a_version_is_near_and_a_hard_negative_is_not():
    jaccard, containment = similarity(shingles(SEED), shingles(version_of_seed()))
    assert jaccard >= 0.6 and containment >= 0.8
    jaccard, containment = similarity(shingles(SEED), shingles(HARD_NEGATIVE))
    assert jaccard < 0.05 and containment < 0.1


def test_a_version_joins_the_story_and_a_hard_negative_starts_its_own():
    texts = {"seed": SEED, "copy": version_of_seed(), "other": HARD_NEGATIVE}
    index = StoryIndex()
    assert [index.assign(i, texts[i], texts.get) for i in ("seed", "copy", "other")] == ["seed", "seed", "other"]
    assert index.assign("copy", texts["copy"], texts.get) == "seed"  # asked again: the same answer
    assert len(index) == 3


def test_a_candidate_whose_text_is_gone_is_not_joined():
    index = StoryIndex(StoryConfig(recent_shingle_bytes=0))  # no recent shingles: the candidate's text is read
    index.assign("seed", SEED, lambda i: None)
    assert index.assign("copy", version_of_seed(), lambda i: None) == "copy"


def test_verification_thresholds_decide():
    texts = {"seed": SEED, "copy": version_of_seed()}
    strict = StoryIndex(StoryConfig(min_containment=0.99))
    assert [strict.assign(i, texts[i], texts.get) for i in texts] == ["seed", "copy"]


def test_state_keeps_at_most_its_budget_and_the_oldest_leave_first():
    texts = {"seed": SEED, "other": HARD_NEGATIVE, "copy": version_of_seed()}
    index = StoryIndex(StoryConfig(max_articles=1))
    index.assign("seed", SEED, texts.get)
    index.assign("other", HARD_NEGATIVE, texts.get)
    assert ("seed" in index, "other" in index) == (False, True)
    assert index.assign("copy", texts["copy"], texts.get) == "copy"  # the seed is no longer a candidate
    assert ("other" in index, "copy" in index, len(index)) == (False, True, 1)


def test_the_budget_forgets_in_arrival_order_past_removed_and_re_indexed_articles():
    texts = {name: f"{name} " + " ".join(f"kata{name}{k}" for k in range(30)) for name in "abcdef"}
    index = StoryIndex(StoryConfig(max_articles=3))
    for name in "abc":
        index.assign(name, texts[name], texts.get)
    index.remove("a")
    index.assign("a", texts["a"], texts.get)  # indexed again: now the newest
    index.assign("d", texts["d"], texts.get)  # four held: b, the oldest, goes
    assert [name for name in "abcd" if name in index] == ["a", "c", "d"]
    index.assign("e", texts["e"], texts.get)
    index.assign("f", texts["f"], texts.get)
    assert [name for name in "abcdef" if name in index] == ["d", "e", "f"]

def test_removed_articles_are_no_longer_candidates():
    texts = {"seed": SEED, "copy": version_of_seed()}
    index = StoryIndex()
    index.assign("seed", SEED, texts.get)
    index.remove("seed")
    assert len(index) == 0
    assert index.assign("copy", texts["copy"], texts.get) == "copy"


def test_state_round_trips_and_other_settings_are_not_loaded(tmp_path):
    texts = {"seed": SEED, "copy": version_of_seed()}
    index = StoryIndex()
    index.assign("seed", SEED, texts.get)
    index.save(tmp_path)
    loaded = StoryIndex.load(tmp_path)
    assert loaded.story_of("seed") == "seed"
    assert loaded.assign("copy", texts["copy"], texts.get) == "seed"
    assert StoryIndex.load(tmp_path, StoryConfig(min_jaccard=0.9)) is None
    assert StoryIndex.load(tmp_path / "nowhere") is None
    assert (StoryIndex.saved_in(tmp_path), StoryIndex.saved_in(tmp_path, StoryConfig(min_jaccard=0.9))) == (True, False)
    assert StoryIndex.saved_in(tmp_path / "nowhere") is False
    (tmp_path / STORIES_FILE).write_bytes(b"not a numpy archive")
    with pytest.raises(StoryStateError, match="cannot read"):
        StoryIndex.load(tmp_path)
    with pytest.raises(StoryStateError, match="cannot read"):
        StoryIndex.saved_in(tmp_path)


def test_a_load_reads_signatures_with_room_to_grow_and_a_compressed_state_as_numpy_does(tmp_path):
    texts = {"seed": SEED, "copy": version_of_seed(), "other": HARD_NEGATIVE}
    index = StoryIndex()
    index.assign("seed", SEED, texts.get)
    index.assign("other", HARD_NEGATIVE, texts.get)
    index.save(tmp_path)
    loaded = StoryIndex.load(tmp_path)
    assert len(loaded._signatures) > len(loaded._ids) == 2  # room for what an update appends
    assert np.array_equal(loaded._signatures[:2], index._signatures[:2])
    assert np.array_equal(loaded._keys[:2], index._keys[:2])
    with np.load(tmp_path / STORIES_FILE) as saved:
        arrays = {name: saved[name] for name in saved.files}
    compressed = tmp_path / "compressed"
    compressed.mkdir()
    np.savez_compressed(compressed / STORIES_FILE, **arrays)  # not as save writes it: read as numpy reads it
    again = StoryIndex.load(compressed)
    assert np.array_equal(again._signatures[:2], index._signatures[:2])
    assert again.assign("copy", texts["copy"], texts.get) == "seed"


def saved_generations(tmp_path, count):
    generations = [tmp_path / f"gen-{n}" for n in range(count)]
    for generation in generations:
        generation.mkdir()
    return generations


def test_an_update_links_the_snapshot_and_saves_only_what_changed_in_a_delta(tmp_path):
    texts = {name: f"{name} " + " ".join(f"kata{name}{k}" for k in range(30)) for name in "abc"}
    texts.update(seed=SEED, copy=version_of_seed(), again=version_of_seed() + "\n\nSatu paragraf penutup lagi.")
    first, second, third = saved_generations(tmp_path, 3)
    index = StoryIndex()
    for name in ("a", "b", "c"):
        index.assign(name, texts[name], texts.get)
    assert index.save(first) == first / STORIES_FILE
    loaded = StoryIndex.load(first)
    loaded.remove("a")
    assert loaded.assign("seed", SEED, texts.get) == "seed"
    assert loaded.save(second) == second / STORIES_DELTA
    assert (second / STORIES_FILE).stat().st_ino == (first / STORIES_FILE).stat().st_ino
    updated = StoryIndex.load(second)
    assert ([name in updated for name in ("a", "b", "c", "seed")], len(updated)) == ([False, True, True, True], 3)
    assert updated.assign("copy", texts["copy"], texts.get) == "seed"  # found among the delta's rows
    updated.remove("b")
    assert updated.save(third) == third / STORIES_DELTA  # still against the first snapshot, with both changes
    latest = StoryIndex.load(third)
    assert [name for name in ("a", "b", "c", "seed", "copy") if name in latest] == ["c", "seed", "copy"]
    assert latest.assign("again", texts["again"], texts.get) == "seed"


def test_a_delta_grown_past_its_share_or_rows_renumbered_give_a_snapshot_again(tmp_path, monkeypatch):
    monkeypatch.setattr("search.stories.DELTA_MIN_ROWS", 1)
    texts = {name: f"{name} " + " ".join(f"kata{name}{k}" for k in range(30)) for name in "abcdefg"}
    first, second, third = saved_generations(tmp_path, 3)
    index = StoryIndex(StoryConfig(max_articles=2))
    for name in "ab":
        index.assign(name, texts[name], texts.get)
    index.save(first)
    grown = StoryIndex.load(first, StoryConfig(max_articles=2))
    grown.assign("c", texts["c"], texts.get)
    grown.assign("d", texts["d"], texts.get)  # two rows added to a snapshot of two: more than one
    assert (grown.save(second), (second / STORIES_DELTA).exists()) == (second / STORIES_FILE, False)
    monkeypatch.setattr("search.stories.DELTA_MIN_ROWS", 8)
    compacted = StoryIndex.load(second, StoryConfig(max_articles=2))
    for name in "efg":
        compacted.assign(name, texts[name], texts.get)  # five rows for a budget of two: renumbered
    assert compacted.save(third) == third / STORIES_FILE
    assert [name for name in "abcdefg" if name in StoryIndex.load(third, StoryConfig(max_articles=2))] == ["f", "g"]


def test_a_delta_written_for_another_snapshot_is_refused(tmp_path):
    texts = {name: f"{name} " + " ".join(f"kata{name}{k}" for k in range(30)) for name in "ab"}
    first, second, other = saved_generations(tmp_path, 3)
    index = StoryIndex()
    index.assign("a", texts["a"], texts.get)
    index.save(first)
    loaded = StoryIndex.load(first)
    loaded.assign("b", texts["b"], texts.get)
    loaded.save(second)
    StoryIndex().save(other)  # an empty snapshot in place of the one the delta was written for
    (second / STORIES_FILE).unlink()
    (other / STORIES_FILE).rename(second / STORIES_FILE)
    with pytest.raises(StoryStateError, match="was not written for the snapshot beside it"):
        StoryIndex.load(second)


def test_band_keys_in_blocks_are_those_of_each_signature_alone():
    from search.stories import KEY_BLOCK, band_keys

    shape = (2 * KEY_BLOCK + 3, 64)
    signatures = np.random.default_rng(5).integers(0, 2**32, shape, dtype=np.uint64).astype(np.uint32)
    keys = band_keys(signatures, 21, 3)
    assert keys.shape == (len(signatures), 21)
    for row in (0, KEY_BLOCK - 1, KEY_BLOCK, 2 * KEY_BLOCK + 2):
        assert keys[row].tolist() == band_keys(signatures[row:row + 1], 21, 3)[0].tolist()


@pytest.mark.parametrize("sizes", [(1000, 1), (7, 5), (0, 3), (4, 0), (50, 60, 2)])
def test_sorted_runs_merge_as_a_stable_sort_of_them_one_after_another(sizes):
    random = np.random.default_rng(sum(sizes))
    runs, first = [], 0
    for size in sizes:
        keys = np.sort(random.integers(0, 20, size).astype(np.uint64))  # few values: many ties across runs
        runs.append((keys, np.arange(first, first + size, dtype=np.int64)))
        first += size
    all_keys = np.concatenate([keys for keys, _ in runs])
    order = np.argsort(all_keys, kind="stable")
    keys, places = _merged(runs)
    assert keys.tolist() == all_keys[order].tolist()
    assert places.tolist() == order.tolist()


def test_story_numbers_are_stable_signed_64_bit():
    assert story_number(SEED_ID) == 1025884619427197714 == int("e3caca0417eb312", 16)  # sha1 of the id, 60 bits
    assert story_number(SEED_ID) == story_number(SEED_ID) != story_number("other")


def stored(root) -> dict[str, dict]:
    ix = whoosh_index.open_dir(str(root / CURRENT))
    with ix.searcher() as searcher:
        return {fields["id"]: fields for fields in searcher.all_stored_fields()}


def test_reindex_gives_every_article_a_story_and_a_new_copy_joins_incrementally(tmp_path):
    root = tmp_path / "ix"
    build_index([SEEDS], root)
    assert stored(root)[SEED_ID]["story"] == SEED_ID
    state_before = StoryIndex.load(root / CURRENT)
    sources = tmp_path / "src"
    sources.mkdir()
    records = [{"title": "Lampost: Pemkab Lamsel ikuti Rakornas", "url": "https://lampost.example/1",
                "date": "2022-09-29", "body": version_of_seed()},
               {"title": "Suhajar resmikan gedung", "url": "https://lampost.example/2", "date": "2022-09-30",
                "body": HARD_NEGATIVE}]
    (sources / "new.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = build_index([SEEDS, sources], root)
    assert report.indexed == 2  # the seed was not read again: its story came from the saved state
    documents = stored(root)
    stories = {documents[i].get("url") or i: documents[i]["story"] for i in documents}
    assert stories == {SEED_ID: SEED_ID, "https://lampost.example/1": SEED_ID,
                       "https://lampost.example/2": [i for i in documents if documents[i].get("url") == "https://lampost.example/2"][0]}
    assert len(state_before) == 1 and len(StoryIndex.load(root / CURRENT)) == 3


def test_a_changed_file_reassigns_its_articles(tmp_path):
    root = tmp_path / "ix"
    sources = tmp_path / "src"
    sources.mkdir()
    record = {"title": "Salinan", "url": "https://lampost.example/1", "body": version_of_seed()}
    (sources / "new.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    build_index([SEEDS, sources], root)
    record["body"] = HARD_NEGATIVE
    (sources / "new.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    build_index([SEEDS, sources], root)
    copy = [d for d in stored(root).values() if d.get("url") == "https://lampost.example/1"][0]
    assert copy["story"] == copy["id"]


def test_shingles_are_a_sorted_array_of_distinct_hashes():
    found = shingles("Satu dua tiga empat satu dua tiga empat satu dua tiga empat.")
    assert found.dtype == np.uint32 and found.tolist() == sorted(set(found.tolist())) and len(found) == 4


def test_the_recent_shingles_stay_within_their_byte_budget_and_a_cache_budget_keeps_saved_state(tmp_path):
    texts = {f"a{i}": f"Berita nomor {i} tentang rapat bupati dan camat di kecamatan yang ramai sekali." for i in range(50)}
    index = StoryIndex(StoryConfig(recent_shingle_bytes=200))
    for article_id, text in texts.items():
        index.assign(article_id, text, texts.get)
    assert index._recent_bytes == sum(found.nbytes for found in index._recent.values()) <= 200
    assert len(index._recent) >= 1
    index.save(tmp_path)
    assert StoryIndex.load(tmp_path, StoryConfig(recent_shingle_bytes=1 << 20)) is not None
    assert StoryIndex.load(tmp_path, StoryConfig(min_jaccard=0.5)) is None


def test_a_story_stream_finds_the_stories_assign_finds_in_blocks_on_worker_processes(monkeypatch):
    monkeypatch.setattr("search.stories.PARALLEL_BLOCK", 2)
    texts = {"seed": SEED, "other": HARD_NEGATIVE, "copy": version_of_seed(), "again": version_of_seed() + " Tamat.",
             "last": "Sebuah berita lain tentang banjir di Kalianda yang menggenangi puluhan rumah warga."}
    expected = StoryIndex()
    one_by_one = [expected.assign(i, t, texts.get) for i, t in texts.items()]
    for workers in (1, 2):
        index = StoryIndex()
        with StoryStream(index, texts.get, workers) as stream:
            for article_id, text in texts.items():
                stream.append(article_id, text)
            assert stream.finish() == one_by_one == ["seed", "other", "seed", "seed", "last"]
        assert [index.story_of(i) for i in texts] == one_by_one


def test_the_band_keys_stay_in_a_few_sorted_runs_and_a_copy_finds_its_original_in_any_of_them(monkeypatch):
    from search import stories

    monkeypatch.setattr(stories, "UNSORTED_ROWS", 4)
    words = "bupati camat lurah warga sawah jalan pasar sekolah guru murid dokter pasien banjir jembatan".split()
    texts = {f"a{n}": " ".join(f"{words[(n + k) % len(words)]}{n}x{k}" for k in range(40)) for n in range(98)}
    index = StoryIndex()
    for article_id, text in texts.items():
        assert index.assign(article_id, text, texts.get) == article_id  # all different
    assert [len(keys) // index.bands for keys, _ in index._runs] == [64, 32]  # 96 rows sorted; 2 in the tail
    assert index._sorted == 96
    for original in ("a0", "a50", "a95", "a97"):  # in the first run, the second, the run's end, the tail
        copy = texts[original] + " tambahan"
        assert index.assign(f"copy of {original}", copy, {**texts, f"copy of {original}": copy}.get) == original


TEMPLATE = ("Bupati Lampung Selatan Nanang Ermanto meresmikan jembatan baru di Kecamatan Kalianda pada hari "
            "Senin bersama warga setempat.")


def newest_per_band(index: StoryIndex, keys: np.ndarray, count: int, eligible=lambda row: True) -> list[int]:
    """Of each band, the `count` newest eligible rows with its key, found by reading every row."""
    rows = set()
    for band in range(index.bands):
        same = [row for row in range(len(index._ids)) if index._keys[row, band] == keys[band] and eligible(row)]
        rows.update(same[-count:])
    return sorted(rows)


def test_a_templated_feed_joins_one_story_looking_at_the_newest_rows_of_each_band_only(monkeypatch):
    """100,000 articles of one sentence and a number share every band: each took every bucket whole (a build
    of n cost n^2, hours at 100,000); now each band gives its MAX_BUCKET_ROWS newest rows, from the tail and
    every sorted run."""
    from search import stories

    monkeypatch.setattr(stories, "UNSORTED_ROWS", 16)
    monkeypatch.setattr(stories, "MAX_BUCKET_ROWS", 3)
    texts = {str(n): f"{TEMPLATE} arrayrec {n}" for n in range(120)}
    index = StoryIndex()
    assert {index.assign(i, t, texts.get) for i, t in texts.items()} == {"0"}
    assert len(index._runs) > 1 and index._sorted < 120  # rows in several runs and the tail
    keys = index.prepare(f"{TEMPLATE} arrayrec 120").keys
    found = index._sharing_a_band(keys).tolist()
    assert found == newest_per_band(index, keys, 3)
    assert min(found) >= 120 - 3 * index.bands and len(found) <= 3 * index.bands
    for removed in range(100, 120):  # the newest rows gone: read past
        index.remove(str(removed))
    found = index._sharing_a_band(keys).tolist()
    assert found == newest_per_band(index, keys, 3, lambda row: row < 100) and max(found) == 99
    placed_before = index._sharing_a_band(keys, before=50).tolist()  # as reassign asks
    assert placed_before == newest_per_band(index, keys, 3, lambda row: row < 50) and max(placed_before) == 49


def test_collapsing_marks_documents_alone_in_their_story_and_prefers_the_earliest():
    collapsing = Collapsing.from_columns(np.array([5, 7, 5, 9, 5]), np.array([20250103, 20250101, 20250102, 0, 0]))
    assert collapsing.alone.tolist() == [False, True, False, True, False]
    everything = np.ones(5, dtype=bool)
    assert np.flatnonzero(collapsing.representatives(everything)).tolist() == [1, 2, 3]  # story 5: doc 2 is earliest
    assert np.flatnonzero(collapsing.representatives(everything, np.array([0, 0, 0, 0, 1.0]))).tolist() == [1, 3, 4]
    assert [v.tolist() for v in collapsing.other_versions(np.array([2, 1]), everything)] == [[0, 4], []]


def test_collapsing_gives_ties_to_the_article_read_first():
    stories, dates = np.array([5, 5, 5, 7]), np.array([20250101, 20250101, 20250101, 20250102])
    collapsing = Collapsing.from_columns(stories, dates, np.array([3, 1, 2, 4]))  # documents 1, 2, 0 read first
    everything = np.ones(4, dtype=bool)
    assert np.flatnonzero(collapsing.representatives(everything)).tolist() == [1, 3]
    assert np.flatnonzero(collapsing.representatives(everything, np.array([2.0, 1.0, 2.0, 0.0]))).tolist() == [2, 3]
    assert [v.tolist() for v in collapsing.other_versions(np.array([1]), everything)] == [[2, 0]]


def test_collapsing_answers_as_sorting_every_matching_document_does():
    rng = np.random.default_rng(7)
    stories = rng.integers(0, 150, 200)
    dates = rng.choice([0, 20240101, 20240102, 20240103], 200)
    collapsing = Collapsing.from_columns(stories, dates)
    assert 0 < collapsing.alone.sum() < 200
    for _ in range(20):
        matching = rng.random(200) < 0.5
        documents = np.flatnonzero(matching)
        scores = rng.integers(0, 3, 200).astype(np.float32)  # ties, broken by the lower document number
        for preference, expected in ((None, earliest_first(dates)), (scores, scores)):
            shown = collapsing.representatives(matching, preference)
            assert np.flatnonzero(shown).tolist() == story_representatives(documents, stories, expected).tolist()
        representatives = np.flatnonzero(collapsing.representatives(matching))[:12]
        expected = other_versions(representatives, documents, stories, earliest_first(dates))
        found = collapsing.other_versions(representatives, matching)
        assert [v.tolist() for v in found] == [v.tolist() for v in expected]
        assert sum(len(v) for v in found) > 0


def test_a_saved_state_keeps_its_sorted_keys_and_loads_without_sorting_them(tmp_path, monkeypatch):
    from search import stories

    monkeypatch.setattr(stories, "UNSORTED_ROWS", 4)
    words = "bupati camat lurah warga sawah jalan pasar sekolah guru murid dokter pasien banjir jembatan".split()
    texts = {f"a{n}": " ".join(f"{words[(n + k) % len(words)]}{n}x{k}" for k in range(40)) for n in range(30)}
    index = StoryIndex()
    for article_id, text in texts.items():
        index.assign(article_id, text, texts.get)
    index.remove("a3")
    index.save(tmp_path)
    sorts = []
    original_sort = StoryIndex._sort
    monkeypatch.setattr(StoryIndex, "_sort", lambda self: sorts.append(1) or original_sort(self))
    loaded = StoryIndex.load(tmp_path)
    assert sorts == [] and len(loaded._runs) == 1 and loaded._sorted == 29
    resorted = StoryIndex()
    resorted._restore(loaded._ids, loaded._stories, loaded._signatures, loaded._sizes, loaded._live)
    assert sorts == [1]
    assert loaded._runs[0][0].tolist() == resorted._runs[0][0].tolist()
    assert loaded._runs[0][1].tolist() == resorted._runs[0][1].tolist()
    copy = texts["a20"] + " tambahan"
    assert loaded.assign("copy", copy, {**texts, "copy": copy}.get) == "a20"


@pytest.mark.parametrize("damage", ["missing", "repeated", "unsorted", "short", "out of range"])
def test_a_saved_order_that_is_not_one_is_sorted_again(tmp_path, damage):
    texts = {f"a{n}": f"berita nomor {n} tentang banjir di desa {n} " * 5 for n in range(6)}
    index = StoryIndex()
    for article_id, text in texts.items():
        index.assign(article_id, text, texts.get)
    index.save(tmp_path)
    with np.load(tmp_path / STORIES_FILE) as saved:
        arrays = {name: saved[name] for name in saved.files}
    order = arrays.pop("order")
    damaged = {"missing": None, "repeated": np.concatenate([order[:-1], order[:1]]), "unsorted": order[::-1],
               "short": order[:-1], "out of range": order + len(order)}[damage]
    if damaged is not None:
        arrays["order"] = damaged
    np.savez(tmp_path / STORIES_FILE, **arrays)
    loaded = StoryIndex.load(tmp_path)
    expected = StoryIndex()
    expected._restore(loaded._ids, loaded._stories, loaded._signatures, loaded._sizes, loaded._live)
    assert [run[1].tolist() for run in loaded._runs] == [run[1].tolist() for run in expected._runs]
    assert loaded._runs[0][1].tolist() == sorted(loaded._runs[0][1].tolist(), key=lambda p: (
        loaded._keys.ravel()[p], p))


def test_an_article_removed_and_indexed_again_keeps_its_place_before_its_copies_when_they_are_reassigned():
    texts = {"seed": SEED, "copy": version_of_seed()}
    index = StoryIndex()
    assert [index.assign(i, texts[i], texts.get) for i in texts] == ["seed", "seed"]
    index.remove("seed")
    texts["seed"] = version_of_seed("Satu", "hadir mengikuti")  # rewritten at its URL, a near copy still
    assert index.assign("seed", texts["seed"], texts.get) == "seed"  # joins the copy, still named after it
    assert index.reassign(["copy", "seed"], texts.get) == {"seed": "seed", "copy": "seed"}
    index.remove("seed")
    texts["seed"] = HARD_NEGATIVE  # rewritten as another story
    assert index.assign("seed", texts["seed"], texts.get) == "seed"
    assert index.reassign(["copy", "seed"], texts.get) == {"seed": "seed", "copy": "copy"}
    assert (len(index), index.story_of("copy"), index.story_of("seed")) == (2, "copy", "seed")


def words(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}{k}" for k in range(count))


def test_a_reassigned_article_joins_only_articles_indexed_before_it():
    """`later` came after `copy` and joined `other` (nearer to it than to `copy`): with `first` gone, `copy`
    starts its own story as a build without `first` would, not `other`'s through `later`."""
    texts = {"first": words("w", 60) + " akhir kalimat", "copy": words("w", 60), "other": words("v", 60),
             "later": words("w", 55) + " " + words("v", 60)}
    index = StoryIndex()
    assert [index.assign(i, texts[i], texts.get) for i in texts] == ["first", "first", "other", "other"]
    assert similarity(shingles(texts["copy"]), shingles(texts["later"]))[0] >= 0.3  # `later` would verify
    index.remove("first")
    assert index.reassign(["copy"], texts.get) == {"copy": "copy"}


def test_articles_no_longer_held_are_reassigned_first_in_the_order_given_and_held_again():
    texts = {"first": SEED, "old": version_of_seed("Lampost"), "new": version_of_seed("Radar Lampung", "ikut dalam")}
    index = StoryIndex(StoryConfig(max_articles=1))
    assert [index.assign(i, texts[i], texts.get) for i in texts] == ["first", "first", "first"]
    assert ("old" in index, "new" in index) == (False, True)
    index.remove("first")
    assert index.reassign(["old", "new"], texts.get) == {"old": "old", "new": "old"}


def test_an_articles_place_is_saved_so_a_later_update_still_finds_it_before_the_articles_indexed_after_it(tmp_path):
    texts = {"first": SEED, "later": HARD_NEGATIVE}
    index = StoryIndex()
    assert [index.assign(i, texts[i], texts.get) for i in texts] == ["first", "later"]
    index.remove("first")
    texts["first"] = words("w", 60)  # rewritten: its row now follows `later`'s, its place does not
    assert index.assign("first", texts["first"], texts.get) == "first"
    index.save(tmp_path)
    index = StoryIndex.load(tmp_path)
    index.remove("first")
    texts["first"] = "Kalianda (Satu) - " + HARD_NEGATIVE  # rewritten as a copy of the article indexed after it
    assert index.assign("first", texts["first"], texts.get) == "later"
    assert index.unsettled == {"first", "later"}
    assert index.reassign(["later", "first"], texts.get) == {"first": "first", "later": "first"}


def story_urls(root) -> dict[str, str | None]:
    """Each document's URL and the URL of the document its story is named after (None: it names none)."""
    documents = stored(root)
    return {fields["url"]: documents[fields["story"]]["url"] if fields["story"] in documents else None
            for fields in documents.values()}


FIRST, LAMPOST, RADAR, OTHER = ("https://satu.example/x", "https://lampost.example/x",
                                "https://radarlampung.example/x", "https://lampost.example/gedung")
UNRELATED = """PADANG - Gubernur Sumatera Barat Mahyeldi meninjau lokasi longsor di Kabupaten Solok pada Rabu pagi
bersama bupati dan kepala BPBD setempat.

Longsor yang terjadi setelah hujan deras semalaman itu menutup jalan nasional yang menghubungkan Padang dengan
Solok sepanjang lima puluh meter.

Mahyeldi meminta dinas pekerjaan umum segera mengerahkan alat berat agar jalur tersebut dapat kembali dilalui
kendaraan dalam dua hari ke depan."""
# the first article rewritten: a near copy of itself, another story, a copy of the story indexed after it
FIRST_TEXTS = {"near": version_of_seed("Satu", "hadir mengikuti"), "unrelated": UNRELATED,
               "other": "Kalianda (Satu) - " + HARD_NEGATIVE}


def write_first(sources, text: str | None) -> None:
    """The story's first article alone in `a.jsonl` (read before the copies' file), or no such file."""
    path = sources / "a.jsonl"
    if text is None:
        path.unlink()
    else:
        path.write_text(json.dumps({"title": "Satu", "url": FIRST, "date": "2022-09-28", "body": text}) + "\n",
                        encoding="utf-8")


@pytest.mark.parametrize("rewrites,expected", [
    (["unrelated"], {FIRST: FIRST, LAMPOST: LAMPOST, RADAR: LAMPOST, OTHER: OTHER}),
    ([None], {LAMPOST: LAMPOST, RADAR: LAMPOST, OTHER: OTHER}),
    ([None, "unrelated"], {FIRST: FIRST, LAMPOST: LAMPOST, RADAR: LAMPOST, OTHER: OTHER}),
    (["near"], {FIRST: FIRST, LAMPOST: FIRST, RADAR: FIRST, OTHER: OTHER}),
    (["other"], {FIRST: FIRST, LAMPOST: LAMPOST, RADAR: LAMPOST, OTHER: FIRST}),
    (["unrelated", "near"], {FIRST: FIRST, LAMPOST: FIRST, RADAR: FIRST, OTHER: OTHER}),
    (["unrelated", "other"], {FIRST: FIRST, LAMPOST: LAMPOST, RADAR: LAMPOST, OTHER: FIRST}),
], ids=["rewritten-unrelated", "deleted", "deleted-then-added-unrelated", "rewritten-near", "rewritten-as-a-later-one",
        "rewritten-unrelated-then-back", "rewritten-unrelated-then-as-a-later-one"])
def test_an_update_that_deletes_or_rewrites_a_storys_first_article_gives_the_stories_of_a_full_build(
        tmp_path, rewrites, expected):
    """The copies were named after the first article: they are assigned again, not left naming an article
    that is gone or is now another story (which then showed as a version of them)."""
    sources = tmp_path / "src"
    sources.mkdir()
    write_first(sources, version_of_seed("Satu"))
    copies = [{"title": "Lampost", "url": LAMPOST, "date": "2022-09-29", "body": version_of_seed("Lampost")},
              {"title": "Radar", "url": RADAR, "date": "2022-09-30",
               "body": version_of_seed("Radar Lampung", "ikut dalam")},
              {"title": "Gedung", "url": OTHER, "date": "2022-09-30", "body": HARD_NEGATIVE}]
    (sources / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in copies), encoding="utf-8")
    root = tmp_path / "ix"
    build_index([sources], root)
    assert story_urls(root) == {FIRST: FIRST, LAMPOST: FIRST, RADAR: FIRST, OTHER: OTHER}
    for rewrite in rewrites:
        write_first(sources, FIRST_TEXTS.get(rewrite))
        assert build_index([sources], root).files_unchanged == 1  # an update: the copies' file is not read
    build_index([sources], tmp_path / "full", full=True)
    assert story_urls(root) == expected == story_urls(tmp_path / "full")
    assert {i: StoryIndex.load(root / CURRENT).story_of(i) for i in stored(root)} \
        == {i: fields["story"] for i, fields in stored(root).items()}  # the saved state says the same


def test_an_update_writes_again_only_the_documents_of_the_story_whose_first_article_it_rewrites(tmp_path, monkeypatch):
    from search import indexer

    sources = tmp_path / "src"
    sources.mkdir()
    write_first(sources, version_of_seed("Satu"))
    copies = [{"title": "Lampost", "url": LAMPOST, "body": version_of_seed("Lampost")},
              {"title": "Radar", "url": RADAR, "body": version_of_seed("Radar Lampung", "ikut dalam")},
              {"title": "Gedung", "url": OTHER, "body": HARD_NEGATIVE}]
    (sources / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in copies), encoding="utf-8")
    root = tmp_path / "ix"
    build_index([sources], root)
    written = []
    add_article = indexer.add_article
    monkeypatch.setattr(indexer, "add_article", lambda writer, article, *more: (written.append(article.url),
                                                                                add_article(writer, article, *more)))
    # back near its copies, the first article joins their story, then the story is assigned again in their order:
    # it is written a second time, first of its story, and so are its copies
    for rewrite, urls in [("near", [FIRST]), ("unrelated", [FIRST, LAMPOST, RADAR]),
                          ("near", [FIRST, FIRST, LAMPOST, RADAR])]:
        written.clear()
        write_first(sources, FIRST_TEXTS[rewrite])
        assert build_index([sources], root).indexed == 1
        assert sorted(written) == sorted(urls)
    assert story_urls(root) == {FIRST: FIRST, LAMPOST: FIRST, RADAR: FIRST, OTHER: OTHER}
