import errno
import gc
import hashlib
import importlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings

import pytest

from search.errors import IndexBusyError, IndexMissingError, IndexWriteError, InputError
from search.generations import (CHECKSUMS, CURRENT, MARKER, REINDEX_LOCK, ReindexLock, hold, release, seal,
                                verify)
from search import stories
from search.indexer import build_index, open_current
from search.loaders import ReadOptions

from .conftest import CORPUS, ROOT, SEED_FILE, SEEDS, deadline


def count(root) -> int:
    return open_current(root).doc_count()


def generation(root) -> str:
    return os.readlink(root / CURRENT)


def jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def record(n, body=None, url=None):
    return {"title": f"Judul {n}", "url": url or f"https://example.id/{n}",
            "body": body or f"Berita nomor {n} tentang rapat pemerintah daerah yang cukup panjang untuk diuji."}


def test_build_reports_counts_and_makes_a_current_generation(tmp_path):
    report = build_index([SEEDS], tmp_path)
    assert (report.indexed, report.duplicates, report.skipped, report.errors) == (1, 0, [], [])
    assert generation(tmp_path).startswith("gen-")
    assert count(tmp_path) == 1
    manifest = json.loads((tmp_path / CURRENT / "manifest.json").read_text())
    assert list(manifest["files"]) == [str(SEED_FILE.resolve())]


def test_a_generation_written_with_an_older_field_layout_is_rebuilt_not_updated(tmp_path, monkeypatch):
    import search.documents
    import search.indexer
    from search.query import SearchRequest, SearchService
    from search.schema import build_schema, facet_field

    def older_schema(facets):  # the said field as it was before it had positions
        schema = build_schema(facets)
        schema.remove("said")
        schema.add("said", facet_field())
        return schema

    with monkeypatch.context() as patched:
        patched.setattr(search.indexer, "build_schema", older_schema)
        patched.setattr(search.documents, "said_positions", lambda quotes: "")
        build_index([SEEDS], tmp_path)
    jsonl(tmp_path.parent / "more.jsonl", [record(1)])
    notices = []
    report = build_index([SEEDS, tmp_path.parent / "more.jsonl"], tmp_path, notice=notices.append)
    assert report.indexed == 2
    assert len(notices) == 1 and notices[0].endswith("was written with an older field layout: rebuilding it in full")
    service = SearchService(tmp_path)
    try:
        assert service.search(SearchRequest(q="said:Suhajar birokrasi"))["total"] == 1
    finally:
        service.close()


def written_before_read_orders(patched) -> None:
    """Indexes written, while `patched` (a monkeypatch context) lasts, as Warta wrote them before read orders."""
    import search.indexer
    from search.documents import to_document
    from search.schema import READ_ORDER, build_schema

    def older_schema(facets):
        schema = build_schema(facets)
        schema.remove(READ_ORDER)
        return schema

    def older_add(writer, article, key, story, stems, facets, order):
        writer.add_document(**to_document(article, story=story, facets=facets), content_key=key)

    patched.setattr(search.indexer, "build_schema", older_schema)
    patched.setattr(search.indexer, "add_article", older_add)


def test_adding_a_file_to_an_index_rebuilt_in_full_reads_the_files_it_was_built_from_again(tmp_path, monkeypatch):
    """Trial 52: `warta reindex new.jsonl` over an index of an older field layout rebuilt it from new.jsonl
    alone (1 article of 3,869); the files an update would have kept are read again, unless gone since."""
    first, second, gone = (tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl")
    jsonl(first, [record(1), record(2)])
    jsonl(gone, [record(3)])
    with monkeypatch.context() as patched:
        written_before_read_orders(patched)
        build_index([first, gone], tmp_path / "ix")
    gone.unlink()
    jsonl(second, [record(5)])
    notices = []
    report = build_index([second], tmp_path / "ix", notice=notices.append)
    assert notices[1:] == ["reading again the 1 file(s) the current generation was built from besides the paths given"]
    assert (report.indexed, count(tmp_path / "ix")) == (3, 3)
    manifest = json.loads((tmp_path / "ix" / CURRENT / "manifest.json").read_text())
    assert sorted(manifest["files"]) == [str(first.resolve()), str(second.resolve())]


def test_a_file_read_with_other_columns_is_named_when_its_index_is_rebuilt_in_full_without_it(tmp_path):
    from search.facet_registry import FACETS, FacetRegistry

    first, other_columns, second = (tmp_path / "a.jsonl", tmp_path / "d.jsonl", tmp_path / "b.jsonl")
    jsonl(first, [record(1)])
    other_columns.write_text(json.dumps({"url": "https://contoh.id/d", "judul": "Judul lain",
                                         "isi": record(4)["body"]}) + "\n", encoding="utf-8")
    build_index([first], tmp_path / "ix")
    build_index([other_columns], tmp_path / "ix", options=ReadOptions(columns={"title": "judul", "body": "isi"}))
    jsonl(second, [record(5)])
    fewer_facets = FacetRegistry(tuple(FACETS)[:-1])  # other facets: the index is rebuilt in full
    report = build_index([second], tmp_path / "ix", facets=fewer_facets)
    assert (report.indexed, count(tmp_path / "ix")) == (2, 2)
    assert [str(w) for w in report.warnings] == [f"{other_columns.resolve()}: read before with other columns, so not "
                                                 "read again as the index is rebuilt in full: reindex it with the "
                                                 "same --column options"]


def test_an_edit_of_the_same_size_with_its_modification_time_put_back_is_read_again(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    path = sources / "a.jsonl"
    jsonl(path, [record(1, body="Isi berita alpha yang cukup panjang untuk dianggap artikel.")])
    build_index([sources], tmp_path / "ix")
    stat = path.stat()
    time.sleep(0.01)
    path.write_text(path.read_text().replace("alpha", "omega"))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # `touch -d` the old time back
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, report.files_unchanged) == (1, 0)
    with open_current(tmp_path / "ix").searcher() as searcher:
        assert ["omega" in doc["body"] for doc in searcher.all_stored_fields()] == [True]


def test_a_file_rewritten_while_it_is_read_is_read_again_by_the_next_update(tmp_path, monkeypatch):
    """Trial 31: a JSONL export truncated and written back in place while a reindex read it left the index with
    the lines read before the cut, and the manifest with the whole file's SHA-1 (taken before reading), so every
    later update called it unchanged."""
    import search.indexer

    sources = tmp_path / "src"
    sources.mkdir()
    path = sources / "a.jsonl"
    jsonl(path, [record(n) for n in range(1, 4)])
    whole = path.read_bytes()
    reading = search.indexer.read_source

    def cut_while_read(source, options, *where):
        yield next(reading(source, options, *where))  # the first line is read, then the file is found cut short there
        path.write_bytes(b"")
        path.write_bytes(whole)  # and is written back as it was

    monkeypatch.setattr(search.indexer, "read_source", cut_while_read)
    first = build_index([sources], tmp_path / "ix")
    assert (first.indexed, [str(w) for w in first.warnings]) == (
        1, [f"{path}: changed while it was read: what it holds now is read on the next reindex"])
    entry = json.loads((tmp_path / "ix" / CURRENT / "manifest.json").read_text())["files"][str(path.resolve())]
    assert (entry["sha1"], "tail" in entry) == ("", False)  # nor read on from a line end the read did not reach
    monkeypatch.setattr(search.indexer, "read_source", reading)
    second = build_index([sources], tmp_path / "ix")
    assert (second.files_unchanged, count(tmp_path / "ix")) == (0, 3)
    assert build_index([sources], tmp_path / "ix").files_unchanged == 1
    assert "tail" in json.loads((tmp_path / "ix" / CURRENT / "manifest.json").read_text())["files"][str(path.resolve())]


def test_unchanged_sources_are_skipped_without_a_new_generation(tmp_path):
    build_index([SEEDS, CORPUS], tmp_path)
    before = generation(tmp_path)
    report = build_index([SEEDS, CORPUS], tmp_path)
    assert (report.indexed, report.files_unchanged, report.generation) == (0, 3, None)
    assert generation(tmp_path) == before


def test_a_generation_whoosh_cannot_read_is_rebuilt_in_full_though_its_checksums_match(tmp_path):
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    terms = next(current.glob("*.trm"))
    os.truncate(terms, terms.stat().st_size // 2)
    (current / CHECKSUMS).unlink()
    seal(current)  # a record rewritten to match the damage: only reading the files shows it
    notices = []
    report = build_index([SEEDS], tmp_path, notice=notices.append)  # no source changed
    assert notices == [f"the index generation {current} is damaged: Whoosh cannot read its segments (OSError): "
                       "rebuilding it in full"]
    assert (report.indexed, report.files_unchanged) == (1, 0)
    assert generation(tmp_path) == report.generation != current.name and count(tmp_path) == 1


def _list(name, size=0, **more):
    """A change to checksums.json that lists `name` (an empty file's hash: only the name is at fault)."""
    entry = {"size": size, "mtime_ns": 0, "sha1": hashlib.sha1(b"").hexdigest(), **more}
    return lambda current, files: files.update({name: entry})


def _sampled_on_a_small_file(current, files):
    small = next(name for name in sorted(files) if name.endswith(".toc"))
    files[small]["sampled"] = hashlib.sha1(b"").hexdigest()  # size and time kept: a plain reindex hashes it whole


def _fifo_listed(current, files):
    os.mkfifo(current / "zz")
    files["zz"] = {"size": 0, "mtime_ns": 0, "sha1": hashlib.sha1(b"").hexdigest()}


FORGED = [  # trial 35, F1 and F2: each hung or raised a traceback; `sampled` on a small file reindexed as unchanged
    ("dev-zero", _list("../../../../../../../../../../dev/zero"),
     "checksums.json lists '../../../../../../../../../../dev/zero', which is not the name of a file of the generation"),
    ("nul", _list("a\x00b"), "checksums.json lists 'a\\x00b', which is not the name of a file of the generation"),
    ("dot", lambda current, files: _list(".", os.stat(current).st_size)(current, files),
     "checksums.json lists '.', which is not the name of a file of the generation"),
    ("nested", None, "checksums.json is unreadable (its JSON is nested too deeply)"),
    ("sampled-small", _sampled_on_a_small_file,
     "checksums.json is not one Warta wrote: its entry for '{small}' has a sampled hash, for a file small enough "
     "to be hashed whole"),
    ("fifo", _fifo_listed, "zz is not a regular file"),
]


@pytest.mark.parametrize("case,change,problem", FORGED, ids=[f[0] for f in FORGED])
def test_a_forged_checksums_record_makes_a_plain_reindex_rebuild_in_full(tmp_path, case, change, problem):
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    small = next(p.name for p in sorted(current.iterdir()) if p.name.endswith(".toc"))
    if change is None:
        (current / CHECKSUMS).write_text("[" * 100000 + "]" * 100000)
    else:
        checksums = json.loads((current / CHECKSUMS).read_text())
        change(current, checksums["files"])
        (current / CHECKSUMS).write_text(json.dumps(checksums))
    message = (f"the index generation {current} is damaged: {problem.format(small=small)}; "
               "run `warta reindex` to rebuild it")
    notices = []
    with deadline(30):
        report = build_index([SEEDS], tmp_path, notice=notices.append)  # no source changed: incremental, as asked
    assert notices == [f"{message}: rebuilding it in full"]
    assert (report.indexed, report.files_unchanged) == (1, 0)
    assert generation(tmp_path) == report.generation != current.name
    with deadline(10):
        assert verify(tmp_path / CURRENT) is True and count(tmp_path) == 1
    assert not current.exists()  # the forged generation, no reader holding it, is removed


def test_a_story_state_of_other_settings_is_rebuilt_in_full_though_no_file_changed(tmp_path, monkeypatch):
    build_index([SEEDS, CORPUS], tmp_path)
    before = generation(tmp_path)
    monkeypatch.setattr("search.stories.STATE_VERSION", stories.STATE_VERSION + 1)
    report = build_index([SEEDS, CORPUS], tmp_path)
    assert (report.indexed, report.files_unchanged) == (count(tmp_path), 0)
    assert report.notices == [f"the current generation {before} has no story state of these settings: "
                              "rebuilding it in full"]
    assert generation(tmp_path) == report.generation != before


def _indexed_urls(index_root) -> list[str]:
    with open_current(index_root).searcher() as searcher:
        return sorted(doc["url"] for doc in searcher.all_stored_fields())


def test_a_file_named_alone_is_added_and_the_files_not_named_this_time_are_kept(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(1), record(2)])
    build_index([sources], tmp_path / "ix")
    jsonl(tmp_path / "new.jsonl", [record(3)])
    report = build_index([tmp_path / "new.jsonl"], tmp_path / "ix")
    assert (report.indexed, report.removed, report.files_removed, report.files_not_named) == (1, 0, 0, 1)
    assert "1 files indexed before and not under the given paths kept" in report.summary()
    assert _indexed_urls(tmp_path / "ix") == ["https://example.id/1", "https://example.id/2", "https://example.id/3"]
    (sources / "a.jsonl").unlink()  # gone from disk: its articles go
    report = build_index([tmp_path / "new.jsonl"], tmp_path / "ix")
    assert (report.removed, report.files_removed, report.files_not_named) == (2, 1, 0)
    assert _indexed_urls(tmp_path / "ix") == ["https://example.id/3"]
    report = build_index([tmp_path / "new.jsonl"], tmp_path / "ix", full=True)
    assert _indexed_urls(tmp_path / "ix") == ["https://example.id/3"]


def test_a_file_not_named_keeps_what_it_shares_with_a_changed_one_unread_edited_or_read_otherwise(tmp_path):
    jsonl(tmp_path / "a.jsonl", [record(1), record(2)])
    jsonl(tmp_path / "b.jsonl", [record(2)])
    jsonl(tmp_path / "c.jsonl", [record(2)])
    build_index([tmp_path / name for name in ("a.jsonl", "b.jsonl", "c.jsonl")], tmp_path / "ix")
    jsonl(tmp_path / "a.jsonl", [record(1)])  # edited on disk while not named: not read, so not seen
    jsonl(tmp_path / "b.jsonl", [record(3)])  # b no longer gives article 2, which a and c still list
    report = build_index([tmp_path / "b.jsonl"], tmp_path / "ix")
    assert (report.files_not_named, report.removed, report.ok) == (2, 0, True)
    assert _indexed_urls(tmp_path / "ix") == ["https://example.id/1", "https://example.id/2", "https://example.id/3"]
    everything = [tmp_path / name for name in ("a.jsonl", "b.jsonl", "c.jsonl")]
    build_index(everything, tmp_path / "ix")  # all named again: as a full build of them
    incremental = _indexed_urls(tmp_path / "ix")
    build_index(everything, tmp_path / "full", full=True)
    assert incremental == _indexed_urls(tmp_path / "full") == [
        "https://example.id/1", "https://example.id/2", "https://example.id/3"]


def test_a_file_the_walk_of_a_named_directory_no_longer_finds_is_gone_though_still_on_disk(tmp_path):
    archive = tmp_path / "arsip"
    archive.mkdir()
    jsonl(archive / "lama.jsonl", [record(1)])
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(2)])
    (sources / "arsip.jsonl").symlink_to(archive / "lama.jsonl")
    build_index([sources], tmp_path / "ix", options=ReadOptions(follow_symlinks=True))
    (sources / "arsip.jsonl").unlink()  # the link is gone; the file it led to is not
    (sources / "a.jsonl").rename(sources / ".a.jsonl")  # hidden now: the walk passes over it
    jsonl(sources / "b.jsonl", [record(3)])
    report = build_index([sources], tmp_path / "ix")
    assert (report.files_removed, report.files_not_named) == (2, 0)
    assert _indexed_urls(tmp_path / "ix") == ["https://example.id/3"]


def test_a_file_read_with_its_own_columns_keeps_its_articles_when_not_named_later(tmp_path):
    jsonl(tmp_path / "a.jsonl", [{"url": "https://example.id/1", "naskah": record(1)["body"]}])
    build_index([tmp_path / "a.jsonl"], tmp_path / "ix", options=ReadOptions(columns={"body": "naskah"}))
    jsonl(tmp_path / "b.jsonl", [record(1), record(2)])  # shares article 1 with a
    build_index([tmp_path / "b.jsonl"], tmp_path / "ix")
    (tmp_path / "b.jsonl").unlink()
    jsonl(tmp_path / "c.jsonl", [record(3)])
    report = build_index([tmp_path / "c.jsonl"], tmp_path / "ix")
    assert (report.files_removed, report.files_not_named, report.ok) == (1, 1, True)
    assert _indexed_urls(tmp_path / "ix") == ["https://example.id/1", "https://example.id/3"]


def test_errors_of_a_file_not_read_again_are_counted_on_each_update_until_it_changes(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "a.jsonl").write_text(json.dumps(record(1)) + "\n{bad\n{bad\n", encoding="utf-8")
    jsonl(sources / "b.jsonl", [record(2)])
    first = build_index([sources], tmp_path / "ix")
    jsonl(sources / "b.jsonl", [record(2), record(3)])
    second = build_index([sources], tmp_path / "ix")
    assert (first.errors.total, second.errors.total, second.earlier_errors, second.files_with_earlier_errors) == (
        2, 0, 2, 1)
    assert "2 errors in 1 unchanged files when they were read (--full reads and lists them again)" in second.summary()
    jsonl(tmp_path / "extra.jsonl", [record(4)])
    alone = build_index([tmp_path / "extra.jsonl"], tmp_path / "ix")  # a.jsonl not named, kept: still said
    assert (alone.files_not_named, alone.earlier_errors) == (2, 2)
    jsonl(sources / "a.jsonl", [record(1)])  # mended
    third = build_index([sources], tmp_path / "ix")
    assert (third.errors.total, third.earlier_errors) == (0, 0)
    assert build_index([sources], tmp_path / "ix").earlier_errors == 0


def test_a_file_read_before_with_other_columns_is_read_again(tmp_path):
    rows = [{"judul": "Rapat banjir", "isi": "Bupati memimpin rapat banjir di kantor pemerintah kabupaten itu.",
             "ringkas": "Ringkasan rapat banjir yang dipimpin bupati di kantor kabupaten.",
             "url": "https://example.id/1"}]
    jsonl(tmp_path / "a.jsonl", rows)
    mapped = ReadOptions(columns={"body": "isi"})
    first = build_index([tmp_path / "a.jsonl"], tmp_path / "ix", options=mapped)
    same = build_index([tmp_path / "a.jsonl"], tmp_path / "ix", options=mapped)
    other = build_index([tmp_path / "a.jsonl"], tmp_path / "ix", options=ReadOptions(columns={"body": "ringkas"}))
    assert (first.indexed, same.indexed, same.files_unchanged, other.indexed, other.files_unchanged) == (1, 0, 1, 1, 0)
    with open_current(tmp_path / "ix").searcher() as searcher:
        assert [doc["body"] for doc in searcher.all_stored_fields()] == [rows[0]["ringkas"]]


def test_changed_file_is_reindexed_and_vanished_file_removed(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(1), record(2)])
    jsonl(sources / "b.jsonl", [record(3)])
    build_index([sources], tmp_path / "ix")
    jsonl(sources / "a.jsonl", [record(1), record(4, body="Isi baru yang cukup panjang untuk artikel nomor empat.")])
    (sources / "b.jsonl").unlink()
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, report.removed, report.files_unchanged, report.files_removed) == (2, 2, 0, 1)
    with open_current(tmp_path / "ix").searcher() as searcher:
        urls = sorted(doc["url"] for doc in searcher.all_stored_fields())
    assert urls == ["https://example.id/1", "https://example.id/4"]


def test_the_manifest_keeps_each_files_ids_as_text_and_an_update_carries_unchanged_ones_verbatim(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(1), record(2)])
    build_index([sources], tmp_path / "ix")
    first = json.loads((tmp_path / "ix" / CURRENT / "manifest.json").read_text())["files"]
    entry = first[str((sources / "a.jsonl").resolve())]
    assert isinstance(entry["ids"], str) and len(json.loads(entry["ids"])) == 2
    jsonl(sources / "b.jsonl", [record(3)])
    build_index([sources], tmp_path / "ix")
    second = json.loads((tmp_path / "ix" / CURRENT / "manifest.json").read_text())["files"]
    assert second[str((sources / "a.jsonl").resolve())] == entry
    assert len(json.loads(second[str((sources / "b.jsonl").resolve())]["ids"])) == 1


def test_an_index_whose_manifest_holds_ids_as_lists_is_updated_not_rebuilt(tmp_path, monkeypatch):
    import search.indexer
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(1), record(2)])
    jsonl(sources / "b.jsonl", [record(3)])
    with monkeypatch.context() as older:  # as the previous version wrote it: version 3, ids as lists
        older.setattr(search.indexer, "MANIFEST_VERSION", 3)
        older.setattr(search.indexer, "_stored_entry", lambda entry: entry)
        build_index([sources], tmp_path / "ix")
    written = json.loads((tmp_path / "ix" / CURRENT / "manifest.json").read_text())
    assert written["version"] == 3 and all(isinstance(e["ids"], list) for e in written["files"].values())
    jsonl(sources / "a.jsonl", [record(1)])
    notices = []
    report = build_index([sources], tmp_path / "ix", notice=notices.append)
    assert (notices, report.indexed, report.removed, report.files_unchanged) == ([], 1, 1, 1)
    with open_current(tmp_path / "ix").searcher() as searcher:
        urls = sorted(doc["url"] for doc in searcher.all_stored_fields())
    assert urls == ["https://example.id/1", "https://example.id/3"]


def test_full_rebuild_makes_a_fresh_generation_and_unused_ones_are_removed(tmp_path):
    names = []
    for _ in range(3):
        build_index([SEEDS], tmp_path, full=True)
        names.append(generation(tmp_path))
    assert len(set(names)) == 3
    assert sorted(p.name for p in tmp_path.glob("gen-*")) == [names[-1]]


def test_a_generation_held_by_a_reader_survives_until_released(tmp_path):
    build_index([SEEDS], tmp_path)
    old = tmp_path / generation(tmp_path)
    lease = hold(old)
    searcher = open_current(tmp_path).searcher()
    build_index([SEEDS, CORPUS], tmp_path, full=True)
    assert old.exists() and searcher.doc_count() == 1
    assert count(tmp_path) == 7
    searcher.close()
    release(lease)
    build_index([SEEDS, CORPUS], tmp_path, full=True)
    assert not old.exists()


def test_same_url_or_same_text_twice_is_one_document(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    shutil.copy(SEED_FILE, sources / "copy1.txt")
    shutil.copy(SEED_FILE, sources / "copy2.txt")
    jsonl(sources / "a.jsonl", [record(1), record(1), record(2, body=record(3)["body"], url="https://other.id/x"),
                                record(3)])
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, report.duplicates) == (3, 3)
    assert count(tmp_path / "ix") == 3


def test_another_text_under_an_indexed_url_is_not_indexed_and_a_warning_says_so(tmp_path):
    """Trial 40: which version of a URL stays depends on the order files came in; the one dropped was only
    counted as a duplicate."""
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "b.jsonl", [record(1), record(2)])
    jsonl(sources / "c.jsonl", [record(2)])  # the same text again: a plain duplicate
    first = build_index([sources], tmp_path / "ix")
    assert (first.duplicates, [str(w) for w in first.warnings]) == (1, [])
    jsonl(sources / "a.jsonl", [record(1, body="Versi lain berita nomor satu tentang rapat bupati yang panjang.")])
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, report.duplicates, [str(w) for w in report.warnings]) == (0, 1, [
        f"{sources / 'a.jsonl'}:1: https://example.id/1: another text under the URL of an article indexed first, "
        "which stays (a full reindex keeps the version of the file first in path order); this one is not indexed"])
    with open_current(tmp_path / "ix").searcher() as searcher:
        assert [doc["body"] for doc in searcher.all_stored_fields() if doc["url"] == "https://example.id/1"] == [
            record(1)["body"]]


def test_an_article_deleted_by_one_update_is_indexed_again_when_a_later_one_brings_it_back(tmp_path, monkeypatch):
    monkeypatch.setattr("search.writing.SMALL_MERGE_DOCS", 0)  # nothing merges: the deleted document stays in its segment
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(1), record(2)])
    build_index([sources], tmp_path / "ix")
    jsonl(sources / "a.jsonl", [record(2)])
    assert build_index([sources], tmp_path / "ix").removed == 1
    jsonl(sources / "b.jsonl", [record(1)])
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, report.duplicates, count(tmp_path / "ix")) == (1, 0, 2)


def test_removing_one_of_two_files_with_the_same_article_keeps_it(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(1)])
    jsonl(sources / "b.jsonl", [record(1), record(2)])
    build_index([sources], tmp_path / "ix")
    (sources / "a.jsonl").unlink()
    build_index([sources], tmp_path / "ix")
    assert count(tmp_path / "ix") == 2


def stored(root) -> list[tuple[str, str]]:
    with open_current(root).searcher() as searcher:
        return sorted((doc["url"], doc.get("source") or "") for doc in searcher.all_stored_fields())


SHARED_TEXT = "Teks yang sama dimuat dua media dengan alamat berbeda tentang rapat bupati dan pemerintah daerah."


@pytest.mark.parametrize("removed,kept", [("a.jsonl", ("https://b.id/sama", "Media B")),
                                          ("b.jsonl", ("https://a.id/sama", "Media A"))])
def test_removing_one_source_of_a_text_kept_under_two_urls_keeps_it_under_the_other(tmp_path, removed, kept):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [{"url": "https://a.id/sama", "source": "Media A", "body": SHARED_TEXT}])
    jsonl(sources / "b.jsonl", [{"url": "https://b.id/sama", "source": "Media B", "body": SHARED_TEXT}])
    jsonl(sources / "c.jsonl", [record(2)])
    first = build_index([sources], tmp_path / "ix")
    assert (first.indexed, first.duplicates) == (2, 1)
    assert stored(tmp_path / "ix") == [("https://a.id/sama", "Media A"), ("https://example.id/2", "example")]
    (sources / removed).unlink()
    build_index([sources], tmp_path / "ix")  # incremental
    assert stored(tmp_path / "ix") == [kept, ("https://example.id/2", "example")]
    build_index([sources], tmp_path / "ix")  # and it stays on the next update
    assert stored(tmp_path / "ix") == [kept, ("https://example.id/2", "example")]


def test_a_text_given_by_three_files_stays_until_the_last_one_goes(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    for name in "abc":
        jsonl(sources / f"{name}.jsonl", [{"url": f"https://{name}.id/sama", "body": SHARED_TEXT}, record(name)])
    build_index([sources], tmp_path / "ix")
    urls = []
    for name in "ab":
        (sources / f"{name}.jsonl").unlink()
        build_index([sources], tmp_path / "ix")
        urls.append([url for url, _ in stored(tmp_path / "ix") if url.endswith("/sama")])
    assert urls == [["https://b.id/sama"], ["https://c.id/sama"]]
    jsonl(sources / "c.jsonl", [record("c")])
    build_index([sources], tmp_path / "ix")
    assert [url for url, _ in stored(tmp_path / "ix")] == ["https://example.id/c"]


def test_bad_inputs_are_reported_and_good_ones_indexed(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    shutil.copy(SEED_FILE, sources / "good.txt")
    (sources / "bad.jsonl").write_text('{"body": "Isi berita yang cukup panjang untuk dianggap artikel."}\n{broken\n')
    (sources / "binary.txt").write_bytes(b"\x00\x00")
    report = build_index([sources], tmp_path / "ix")
    assert report.indexed == 2
    assert sorted(str(e) for e in report.errors) == [
        f"{sources / 'bad.jsonl'}:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{sources / 'binary.txt'}: binary file (contains NUL bytes)",
    ]
    assert not report.ok
    assert report.summary().endswith("0 duplicates, 0 skipped, 2 errors")


def test_that_no_index_was_written_is_listed_past_the_cap_of_one_files_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n" * 25)
    report = build_index([bad], tmp_path / "ix")
    assert (len(report.errors), report.errors.total) == (21, 26)
    assert str(report.errors[-1]) == f"{bad}: no article could be read from any source: no index was written at " \
                                     f"{tmp_path / 'ix'}"


def test_sources_that_give_no_article_publish_no_empty_index_over_the_current_one(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.jsonl").write_text("{broken\n")
    first = build_index([bad], tmp_path / "fresh")
    assert [str(e) for e in first.errors][-1] == (
        f"{bad / 'a.jsonl'}: no article could be read from any source: no index was written at {tmp_path / 'fresh'}")
    assert (first.generation, first.ok) == (None, False)
    with pytest.raises(IndexMissingError):
        open_current(tmp_path / "fresh")
    build_index([SEEDS], tmp_path / "ix")
    before = generation(tmp_path / "ix")
    again = build_index([bad], tmp_path / "ix", full=True)
    assert str(again.errors[-1]).endswith(f"the index at {tmp_path / 'ix'} stays as it was")
    assert (generation(tmp_path / "ix"), count(tmp_path / "ix")) == (before, 1)


def test_a_run_that_reads_nothing_reports_nothing_removed(tmp_path):
    """Trial 40: files gone and emptied gave `removed 5; … 1 files gone` while the index kept all five."""
    source = tmp_path / "src"
    source.mkdir()
    rows = [{"title": f"Berita {n}", "body": f"Bupati Lampung Selatan meninjau banjir di desa nomor {n}.",
             "url": f"https://contoh.id/{n}"} for n in range(5)]
    (source / "one.jsonl").write_text("\n".join(json.dumps(row) for row in rows[:3]), encoding="utf-8")
    (source / "two.jsonl").write_text("\n".join(json.dumps(row) for row in rows[3:]), encoding="utf-8")
    build_index([source], tmp_path / "ix")
    (source / "two.jsonl").unlink()
    (source / "one.jsonl").write_text("", encoding="utf-8")
    report = build_index([source], tmp_path / "ix")
    assert (report.ok, report.removed, report.files_removed, count(tmp_path / "ix")) == (False, 0, 0, 5)


def test_failed_build_leaves_the_previous_index_current(tmp_path, monkeypatch):
    build_index([SEEDS], tmp_path)
    before = generation(tmp_path)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("search.writing.to_document", explode)
    with pytest.raises(RuntimeError):
        build_index([CORPUS], tmp_path)
    assert generation(tmp_path) == before
    assert count(tmp_path) == 1
    assert not list(tmp_path.glob(".building-*"))


def test_a_second_reindex_is_refused_while_one_runs(tmp_path):
    build_index([SEEDS], tmp_path)
    with ReindexLock(tmp_path):
        with pytest.raises(IndexBusyError, match=f"another warta reindex \\(pid {os.getpid()}\\) is writing"):
            build_index([SEEDS, CORPUS], tmp_path)
    assert count(tmp_path) == 1


def test_leftovers_of_a_dead_reindex_are_recovered_with_a_message(tmp_path):
    build_index([SEEDS], tmp_path)
    (tmp_path / ".building-99999-1").mkdir()
    (tmp_path / ".building-99999-1" / "MAIN_WRITELOCK").write_text("")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / REINDEX_LOCK).write_text(dead.stdout)
    notices = []
    build_index([SEEDS, CORPUS], tmp_path, notice=notices.append)
    assert notices == [
        f"recovered the lock of an interrupted reindex (pid {dead.stdout.strip()} is no longer running)",
        "removed 1 unfinished build(s) left by an interrupted reindex",
    ]
    assert not list(tmp_path.glob(".building-*"))
    assert count(tmp_path) == 7


def test_no_sources_and_no_index_are_clear_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt, .jsonl, .json, .csv or .html files found"):
        build_index([tmp_path / "empty"], tmp_path / "ix")
    with pytest.raises(IndexMissingError, match="run `warta reindex` first"):
        open_current(tmp_path / "nowhere")


def test_progress_is_called_once_per_input(tmp_path):
    calls = []
    build_index([SEEDS, CORPUS], tmp_path, progress=calls.append)
    assert calls == [1] * 7


class PlannedProgress:
    """As the command's bar (cli.ReindexBar): told the inputs a reindex plans to read, then each one read."""

    def __init__(self):
        self.planned_totals, self.advances = [], []

    def planned(self, total):
        self.planned_totals.append(total)

    def __call__(self, count):
        self.advances.append(count)


def planned_and_read(sources, root, **options) -> tuple[list[int], int]:
    progress = PlannedProgress()
    build_index(sources, root, progress=progress, **options)
    return progress.planned_totals, sum(progress.advances)


def test_the_planned_total_is_what_the_reindex_reads_so_its_bar_ends_full(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [record(n) for n in range(300)])
    root = tmp_path / "ix"
    assert planned_and_read([sources], root) == ([300], 300)  # a fresh build reads every line
    with archive.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record(300)) + "\n")
    # trial 53: the bar counted all 301 lines and ended at `0%| 1/301`
    assert planned_and_read([sources], root) == ([1], 1)  # the line appended alone
    jsonl(sources / "baru.jsonl", [record(n) for n in range(400, 403)])
    assert planned_and_read([sources], root) == ([3], 3)  # the new file, not the unchanged one beside it
    assert planned_and_read([sources], root) == ([0], 0)  # nothing changed: nothing to read, no bar
    with archive.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record(301)) + "\n" + '{"title": "Judul 302", "bo')  # a line still being written
    assert planned_and_read([sources], root) == ([2], 2)
    jsonl(archive, [record(n) for n in range(1, 5)])  # its start changed: read again whole
    assert planned_and_read([sources], root) == ([4], 4)
    assert planned_and_read([sources], root, full=True) == ([7], 7)  # --full reads both files again


def test_a_json_array_on_one_line_counts_its_records_so_a_large_one_is_built_by_workers(tmp_path, monkeypatch):
    """A 100,000-record `.json` array is one line: counted as one input, it was built in this process while a
    JSON Lines file of 5,000 records went to worker processes. A document counts its `{`s (at least its lines)."""
    monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 10)
    sources = tmp_path / "src"
    sources.mkdir()
    records = [record(n) for n in range(30)]
    (sources / "ekspor.json").write_text(json.dumps(records), encoding="utf-8")
    (sources / "tersusun.json").write_text(json.dumps(records[:3], indent=2), encoding="utf-8")  # 17 lines, 3 `{`
    reading = []

    class Progress(PlannedProgress):  # a parallel build counts its reading apart (cli.ReindexBar.reading)
        def reading(self, count):
            reading.append(count)

    progress = Progress()
    report = build_index([sources], tmp_path / "ix", progress=progress)
    assert (report.indexed, report.duplicates) == (30, 3)
    assert progress.planned_totals == [30 + 17]
    assert sum(reading) == 33  # read by the parallel build: every record of both files


def test_sigkill_at_any_point_leaves_the_previous_index_serving(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "many.jsonl", [record(n) for n in range(1200)])
    root = tmp_path / "ix"
    build_index([SEEDS], root)
    command = [sys.executable, "-m", "search.cli", "reindex", str(sources), str(SEEDS), "--index", str(root), "--quiet"]
    for delay in (0.05, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8, 2.2):
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        current = count(root)
        assert current in (1, 1201), (delay, current)  # the old index, or the finished new one
        if current == 1201:
            break
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert count(root) == 1201
    assert not list(root.glob(".building-*"))


def test_reindex_keeps_a_stem_cache_beside_the_generations(tmp_path):
    build_index([SEEDS], tmp_path)
    cache = (tmp_path / "stems.tsv").read_text(encoding="utf-8").splitlines()
    assert "birokrasi\tbirokrasi" in cache and "melayani\tlayan" in cache


def test_a_reindex_writes_again_the_stems_an_older_warta_cached_otherwise(tmp_path):
    """Trial 43, F3: a reduplication Sastrawi left whole (`cumi-cumi`) was its own stem; the cache an older
    Warta wrote is mended when read, and written mended by the next reindex, even one that indexes nothing new."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text("Nelayan melaut\n\nNelayan di pesisir menangkap cumi-cumi dan ikan tongkol "
                                   "sepanjang malam.\n", encoding="utf-8")
    build_index([sources], tmp_path / "ix")
    cache = tmp_path / "ix" / "stems.tsv"
    written = cache.read_text(encoding="utf-8")
    assert "cumi-cumi\tcumi\n" in written
    cache.write_text(written.replace("cumi-cumi\tcumi\n", "cumi-cumi\tcumi-cumi\n"), encoding="utf-8")
    report = build_index([sources], tmp_path / "ix")
    assert report.generation is None  # nothing to index: the generation stays
    assert cache.read_text(encoding="utf-8") == written


def test_a_full_reindex_stems_every_word_afresh_so_an_edited_stem_cache_is_not_carried_on(tmp_path):
    """Trial 53, F3: stems.tsv lies outside the generations' checksums; two edited lines changed answers, and a
    `--full` reindex kept them, merging every word the file already had."""
    from search.query import SearchRequest, SearchService

    build_index([SEEDS], tmp_path)
    cache = tmp_path / "stems.tsv"
    written = cache.read_text(encoding="utf-8")
    cache.write_text(written.replace("melayani\tlayan\n", "melayani\tmelayani\n"), encoding="utf-8")
    build_index([SEEDS], tmp_path, full=True)
    assert cache.read_text(encoding="utf-8") == written
    service = SearchService(tmp_path)
    try:
        assert service.search(SearchRequest("layan"))["total"] == 1
    finally:
        service.close()


KILLED_BEFORE_RENAMING_ITS_STEMS = """
import os, signal, sys
from search.indexer import build_index

rename = os.replace


def replace(source, target, *args, **kwargs):
    if os.path.basename(source).startswith(".stems.tsv."):
        os.kill(os.getpid(), signal.SIGKILL)
    return rename(source, target, *args, **kwargs)


os.replace = replace
build_index(sys.argv[2:], sys.argv[1])
"""


def test_the_stem_cache_copy_of_a_reindex_killed_before_renaming_it_is_removed_by_the_next(tmp_path):
    # trial 40: `.stems.tsv.<pid>` stayed beside the index for good
    killed = subprocess.run([sys.executable, "-c", KILLED_BEFORE_RENAMING_ITS_STEMS, str(tmp_path), str(SEEDS)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    [left] = [p.name for p in tmp_path.glob(".stems.tsv.*")]
    notices = []
    build_index([SEEDS], tmp_path, notice=notices.append)
    assert notices == [
        f"recovered the lock of an interrupted reindex (pid {left.rsplit('.', 1)[1]} is no longer running)",
        "removed 1 unfinished build(s) left by an interrupted reindex",
        f"removed 1 stem cache copy(ies) left by an interrupted reindex ({left})",
    ]
    assert list(tmp_path.glob(".stems.tsv.*")) == []
    assert count(tmp_path) == 1


def test_a_large_fresh_build_is_written_by_worker_processes_with_the_same_result(tmp_path, monkeypatch):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "many.jsonl", [record(n) for n in range(40)] + [record(0)])
    shutil.copy(SEED_FILE, sources / "seed.txt")
    sequential = build_index([sources], tmp_path / "one")
    monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 10)
    calls, reading, planned = [], [], []

    class Progress:  # as the command's bar (cli.ReindexBar): the reading of a parallel build is counted apart
        def planned(self, total):
            planned.append(total)

        def __call__(self, count):
            calls.append(count)

        def reading(self, count):
            reading.append(count)

    parallel = build_index([sources], tmp_path / "two", progress=Progress())
    assert (parallel.indexed, parallel.duplicates) == (sequential.indexed, sequential.duplicates) == (41, 1)
    assert planned == [42]  # the lines of many.jsonl and seed.txt
    assert calls[-1] == 1  # the 41 written, then the duplicate, which gave none: the bar ends full
    assert sum(calls) == 42
    assert sum(reading) == 42  # read: every input, the duplicate too
    with open_current(tmp_path / "two").reader() as reader:
        # one segment per worker on this 2-core machine; a worker that claimed no chunk writes none
        assert len(reader.leaf_readers()) in (1, 2)
    one, two = open_current(tmp_path / "one").searcher(), open_current(tmp_path / "two").searcher()
    assert sorted(d["id"] for d in one.all_stored_fields()) == sorted(d["id"] for d in two.all_stored_fields())
    from whoosh.query import Term
    assert len(two.search(Term("official", "Suhajar Diantoro"))) == 1
    rapat = Term("body_surface", "rapat")
    assert len(two.search(rapat, limit=None)) == len(one.search(rapat, limit=None)) == 41
    one.close()
    two.close()
    assert (tmp_path / "two" / "stems.tsv").read_text(encoding="utf-8").count("\n") > 50
    assert not list((tmp_path / "two").glob(".building-*"))


def test_a_worker_whose_pool_fills_writes_it_out_as_a_segment_of_its_own(tmp_path, monkeypatch):
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "many.jsonl", [record(n) for n in range(40)])
    sequential = build_index([sources], tmp_path / "one")
    monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr("search.parallel.segment_budget_bytes", lambda writers: 20_000)  # a few articles each
    parallel = build_index([sources], tmp_path / "two")
    assert parallel.indexed == sequential.indexed == 40
    with open_current(tmp_path / "two").searcher() as two, open_current(tmp_path / "one").searcher() as one:
        segments = two.reader().leaf_readers()
        assert len(segments) > 4
        assert sum(reader.doc_count() for reader, _ in segments) == 40
        assert sorted(d["id"] for d in one.all_stored_fields()) == sorted(d["id"] for d in two.all_stored_fields())
        from whoosh.query import Term
        rapat = Term("body_surface", "rapat")
        assert len(two.search(rapat, limit=None)) == len(one.search(rapat, limit=None)) == 40
    assert not list((tmp_path / "two" / generation(tmp_path / "two")).glob("*.run"))


def test_an_index_root_reached_through_a_symbolic_link_keeps_its_current_generation(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    build_index([SEEDS], tmp_path / "link")
    build_index([SEEDS, CORPUS], tmp_path / "link")  # an update: the old generation goes, the new one stays
    current = tmp_path / "link" / generation(tmp_path / "link")
    assert current.is_dir()
    with open_current(tmp_path / "link").searcher() as searcher:
        assert searcher.doc_count() == 7


def disk_full_after(monkeypatch, target: str, calls: int = 0, under=None):
    """Make `target` (a dotted name) raise ENOSPC from its `calls`+1-th call on (only for paths under
    `under`, when given); returns how many calls failed."""
    parts = target.split(".")
    for cut in range(len(parts) - 1, 0, -1):  # the longest importable prefix, then attributes
        try:
            owner = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:-1]:
            owner = getattr(owner, name)
        break
    attribute = parts[-1]
    original = getattr(owner, attribute)
    seen = {"calls": 0, "failed": 0}

    def failing(*args, **kwargs):
        paths = [str(a) for a in args if isinstance(a, (str, os.PathLike))]
        if under is None or any(path.startswith(str(under)) for path in paths):
            seen["calls"] += 1
            if seen["calls"] > calls:
                seen["failed"] += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), paths[0] if paths else None)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, attribute, failing)
    return seen


DISK_FULL_POINTS = [
    ("whoosh.filedb.filestore.FileStorage.create_file", 0, "any"),  # the first segment file
    ("whoosh.filedb.structfile.StructFile.write", 200, "any"),  # halfway through writing a segment
    ("pathlib.Path.write_text", 0, "root"),  # the manifest
    ("pathlib.Path.write_text", 1, "root"),  # the checksums
    ("search.analysis.write_new_file", 0, "root"),  # the stem cache
    ("os.symlink", 0, "root"),  # the swap of `current`
    ("whoosh.filedb.structfile.StructFile.write", 100, "parallel"),  # inside a worker process
]


@pytest.mark.parametrize("target,calls,where", DISK_FULL_POINTS,
                         ids=[f"{t.rsplit('.', 1)[-1]}-{c}-{w}" for t, c, w in DISK_FULL_POINTS])
def test_a_full_disk_stops_the_reindex_and_leaves_the_previous_index_current(tmp_path, monkeypatch, target,
                                                                            calls, where):
    root = tmp_path / "ix"
    build_index([SEEDS], root)
    before = (generation(root), sorted(p.name for p in root.iterdir()))
    stems = set((root / "stems.tsv").read_text().splitlines())
    sources = tmp_path / "src"
    sources.mkdir()
    new_word = "kata" + "".join(chr(ord("a") + int(c, 16)) for c in os.urandom(6).hex())  # a stem never cached
    jsonl(sources / "many.jsonl", [record(n, body=f"Berita {new_word} nomor {n} tentang rapat pemerintah daerah.")
                                   for n in range(60)])
    if where == "parallel":
        monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 10)
    seen = disk_full_after(monkeypatch, target, calls, under=root if where == "root" else None)
    # a Whoosh writer that failed mid-write leaves files open until collected, whenever a collection runs
    with warnings.catch_warnings(), pytest.raises(
            IndexWriteError, match=rf"^the disk is full \(No space left on device( \(.+\))?\): the new "
                                   rf"index was not written and the previous one at {root} is still current$"):
        warnings.simplefilter("ignore", ResourceWarning)
        build_index([sources], root, full=where == "parallel")
    assert seen["failed"] >= 1 or where == "parallel"  # a worker's calls are counted in the worker
    monkeypatch.undo()
    with warnings.catch_warnings():  # a Whoosh writer that failed mid-write leaves files open until collected
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    assert (generation(root), sorted(p.name for p in root.iterdir())) == before
    assert stems <= set((root / "stems.tsv").read_text().splitlines())  # more stems are harmless, fewer are not
    assert count(root) == 1
    report = build_index([sources], root)  # with space again, the update goes through
    assert (report.indexed, count(root)) == (60, 61)  # beside the seed, not named this time and kept


def test_a_full_disk_on_the_first_reindex_says_there_is_no_index_yet(tmp_path, monkeypatch):
    """Trial 22: the message said "the previous one ... is still current" where there was none."""
    root = tmp_path / "ix"
    disk_full_after(monkeypatch, "whoosh.filedb.filestore.FileStorage.create_file")
    with warnings.catch_warnings(), pytest.raises(
            IndexWriteError, match=rf"^the disk is full \(No space left on device( \(.+\))?\): the new index was "
                                   rf"not written and there is no index at {root} yet$"):
        warnings.simplefilter("ignore", ResourceWarning)
        build_index([SEEDS], root)


def test_unreadable_and_vanishing_files_are_rejected_and_the_rest_indexed(tmp_path, monkeypatch):
    import search.indexer as indexer

    sources = tmp_path / "in"
    sources.mkdir()
    shutil.copy(SEED_FILE, sources / "seed.txt")
    os.mkfifo(sources / "pipe.txt")  # opening it to read would block forever
    vanished = sources / "vanished.txt"
    listed = indexer.find_sources

    def listed_then_gone(paths, options, passed_over=None):
        return listed(paths, options, passed_over) + [vanished]  # listed, then deleted before it is read

    monkeypatch.setattr(indexer, "find_sources", listed_then_gone)
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, report.ok) == (1, False)
    assert sorted(str(r) for r in report.errors) == [
        f"{sources / 'pipe.txt'}: not a regular file (a FIFO, socket or device)",
        f"{vanished}: file vanished before it could be read"]


def test_a_file_unreadable_on_update_keeps_what_it_gave(tmp_path, monkeypatch):
    import search.loaders as loaders

    sources = tmp_path / "in"
    sources.mkdir()
    shutil.copy(SEED_FILE, sources / "seed.txt")
    assert build_index([sources], tmp_path / "ix").indexed == 1
    real = loaders.source_problem
    monkeypatch.setattr(loaders, "source_problem",
                        lambda path: "cannot read: permission denied" if path.name == "seed.txt" else real(path))
    monkeypatch.setattr("search.indexer.source_problem", loaders.source_problem)
    report = build_index([sources], tmp_path / "ix")
    assert [str(r) for r in report.errors] == [f"{sources / 'seed.txt'}: cannot read: permission denied"]
    assert (report.removed, report.files_removed) == (0, 0)
    with open_current(tmp_path / "ix").searcher() as searcher:
        assert searcher.doc_count() == 1


def test_one_article_added_at_a_time_keeps_updating_when_whoosh_merges_the_small_segments(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SEED_FILE, sources / SEED_FILE.name)
    build_index([sources], tmp_path / "ix")
    body = "Kalianda, Senin (2/3/2026) - Bupati Lampung Selatan meninjau jembatan {word} bersama camat.\n"
    words = [f"jembatanbaru{n}" for n in range(6)]
    for word in words:  # each update leaves a one-article segment; Whoosh merges them now and then
        (sources / f"{word}.txt").write_text(body.format(word=word), encoding="utf-8")
        assert build_index([sources], tmp_path / "ix").errors == []
    ix = open_current(tmp_path / "ix")
    assert len(ix._segments()) < 7  # at least one merge happened
    with ix.searcher() as searcher:
        assert [searcher.doc_frequency("body_surface", word) for word in words] == [1] * 6


def test_an_update_never_merges_segments_larger_than_the_small_merge_cap(tmp_path, monkeypatch):
    monkeypatch.setattr("search.writing.SMALL_MERGE_DOCS", 2)  # two one-article segments at most: fewer than 4
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SEED_FILE, sources / SEED_FILE.name)
    build_index([sources], tmp_path / "ix")
    for n in range(5):
        (sources / f"new{n}.txt").write_text(f"Kalianda - Camat meninjau jembatan baru{n}.\n", encoding="utf-8")
        assert build_index([sources], tmp_path / "ix").errors == []
    assert len(open_current(tmp_path / "ix")._segments()) == 6  # the seed's and five updates', none merged


def test_a_directory_that_cannot_be_listed_keeps_what_it_gave(tmp_path, monkeypatch):
    from search.query import SearchRequest, SearchService

    from .test_loaders import unlistable

    sources = tmp_path / "in"
    (sources / "ok").mkdir(parents=True)
    (sources / "locked").mkdir()
    shutil.copy(SEED_FILE, sources / "ok" / "seed.txt")
    (sources / "locked" / "rilis.txt").write_text(
        "Kalianda (Diskominfo) - Bupati Lampung Selatan membuka rapat koordinasi perlindungan anak di aula kantor "
        "bupati, Senin. Rapat itu dihadiri para camat dan kepala desa se-Lampung Selatan.", encoding="utf-8")
    assert build_index([sources], tmp_path / "ix").indexed == 2
    unlistable(monkeypatch, sources / "locked")
    report = build_index([sources], tmp_path / "ix")  # an update: the locked folder's file is no gone file
    assert (report.indexed, report.files_removed, report.ok) == (0, 0, False)
    assert [str(r) for r in report.errors] == [
        f"{sources / 'locked'}: cannot list this directory, what its files gave before stays indexed: "
        "Permission denied"]
    service = SearchService(tmp_path / "ix")
    try:
        assert service.search(SearchRequest(q="perlindungan anak"))["total"] == 1
    finally:
        service.close()


def test_repeated_edits_of_one_file_leave_no_segment_of_deleted_articles(tmp_path, monkeypatch):
    """Trial 24: an update marked an edited file's earlier articles deleted and kept their segments for ever
    (eight edits: 11,604 stored documents for 3,868 articles). A segment with every document deleted is
    dropped, one with half of them deleted rewritten; segments of more than SMALL_MERGE_DOCS are still never
    merged with others."""
    from whoosh import index as whoosh_index

    monkeypatch.setattr("search.writing.SMALL_MERGE_DOCS", 5)  # the 8-article segments count as large ones
    sources = tmp_path / "src"
    sources.mkdir()
    for part in range(3):
        jsonl(sources / f"part{part}.jsonl", [record(part * 10 + n) for n in range(8)])
    build_index([sources], tmp_path / "ix")
    for edit in range(6):
        jsonl(sources / "part0.jsonl", [record(n, body=f"Berita suntingan {edit} nomor {n} tentang rapat pemerintah "
                                                      "daerah yang cukup panjang untuk diuji.") for n in range(8)])
        assert build_index([sources], tmp_path / "ix").errors == []
    reader = whoosh_index.open_dir(str(tmp_path / "ix" / "current"), indexname="MAIN").reader()
    try:
        # the first build's segment keeps part0's 8 deleted articles (a third of it: under DELETED_SHARE_REWRITE);
        # each later segment of part0, all deleted by the next edit, is dropped (before: 24 live of 72 stored)
        assert (reader.doc_count(), reader.doc_count_all()) == (24, 32)
    finally:
        reader.close()
    assert count(tmp_path / "ix") == 24


def dated(n: int, day: str = "2022-09-28", edit: str = "") -> dict:
    """An article of `day` whose words no other shares (no story joins two of them)."""
    words = " ".join(hashlib.sha1(f"{n}-{i}{edit}".encode()).hexdigest()[:8] for i in range(12))
    return {"title": f"Judul {n}", "url": f"https://example.id/{n}", "date": day, "body": f"Berita rapat {words}."}


def ranked_numbers(root, **request) -> list[int]:
    """The numbers (dated's `n`) of a search's hits, all on one page."""
    from search.query import SearchRequest, SearchService

    service = SearchService(root)
    try:
        hits = service.search(SearchRequest(per_page=50, collapse=False, **request))["hits"]
    finally:
        service.close()
    return [int(hit["url"].rsplit("/", 1)[1]) for hit in hits]


def test_a_parallel_build_ranks_same_day_articles_and_equal_scores_in_the_order_they_were_read(tmp_path, monkeypatch):
    """Trial 45: the worker processes of a fresh build write their segments side by side, so document numbers
    do not follow the order the articles were read in, and Whoosh broke ties by them (OpenSearch by read order)."""
    monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr("search.parallel.segment_budget_bytes", lambda writers: 20_000)  # a few articles each
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "b.jsonl", [dated(n) for n in range(20, 40)])
    jsonl(sources / "a.jsonl", [dated(n) for n in range(20)])
    assert build_index([sources], tmp_path / "ix").indexed == 40
    assert ranked_numbers(tmp_path / "ix", sort="date") == list(range(40))
    assert ranked_numbers(tmp_path / "ix", q="rapat") == list(range(40))  # the same score each


def test_an_update_ranks_its_articles_after_the_same_day_ones_it_keeps_though_segments_merge(tmp_path):
    """An update's articles are read after every article the index keeps, a file whose name sorts first and
    a changed file read again whole included; a full reindex reads them all in path order. Merging an update's
    small segments puts them before larger ones (document numbers), which must not reorder the day."""
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [dated(n) for n in range(3)])
    build_index([sources], tmp_path / "ix")
    for n, name in ((3, "b"), (4, "c"), (5, "d"), (6, "0")):  # 0.jsonl sorts first, and comes last
        jsonl(sources / f"{name}.jsonl", [dated(n)])
        assert build_index([sources], tmp_path / "ix").indexed == 1
    assert len(open_current(tmp_path / "ix")._segments()) < 5  # the one-article segments were merged
    assert ranked_numbers(tmp_path / "ix", sort="date") == [0, 1, 2, 3, 4, 5, 6]
    jsonl(sources / "a.jsonl", [dated(0), dated(1, edit="suntingan"), dated(2)])
    assert build_index([sources], tmp_path / "ix").indexed == 3
    assert ranked_numbers(tmp_path / "ix", sort="date") == [3, 4, 5, 6, 0, 1, 2]
    assert build_index([sources], tmp_path / "ix", full=True).indexed == 7
    assert ranked_numbers(tmp_path / "ix", sort="date") == [6, 0, 1, 2, 3, 4, 5]


def test_an_index_written_before_read_orders_ranks_ties_by_document_number_and_is_rebuilt_by_an_update(
        tmp_path, monkeypatch):
    from search.schema import READ_ORDER

    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [dated(n) for n in range(3)])
    with monkeypatch.context() as patched:
        written_before_read_orders(patched)
        build_index([sources], tmp_path / "ix")
    assert READ_ORDER not in open_current(tmp_path / "ix").schema
    assert ranked_numbers(tmp_path / "ix", sort="date") == [0, 1, 2]
    jsonl(sources / "b.jsonl", [dated(3)])
    older, notices = generation(tmp_path / "ix"), []
    assert build_index([sources], tmp_path / "ix", notice=notices.append).indexed == 4
    assert notices == [f"the current generation {older} was written with an older field layout: rebuilding it in full"]
    assert ranked_numbers(tmp_path / "ix", sort="date") == [0, 1, 2, 3]


# -- a JSON Lines file appended to is read from where its last reindex ended -------------------------------------
def appended(path, records, partial: str = "") -> None:
    """`records` written at the end of `path` as a scraper appends them, `partial` after them (a record still
    being written)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(json.dumps(r) + "\n" for r in records) + partial)


def inputs_read(sources, root, **options) -> tuple[object, int]:
    """A reindex's report and how many inputs it read (its progress calls)."""
    read = []
    report = build_index(sources, root, progress=read.append, **options)
    return report, sum(read)


def index_state(root) -> dict:
    """What searches see of an index: every document's id, story, date, title, URL and source; some searches'
    totals, hits (ids, in order) and facets."""
    from search.query import SearchRequest, SearchService

    with open_current(root).searcher() as searcher:
        documents = {fields["id"]: (fields["story"], fields.get("date"), fields["title"], fields.get("url"),
                                    fields.get("source")) for fields in searcher.all_stored_fields()}
    service = SearchService(root)
    try:
        answers = {}
        for q in ("rapat", "birokrasi Suhajar", "berita nomor", ""):
            found = service.search(SearchRequest(q=q, per_page=50))
            answers[q] = (found["total"], [hit["id"] for hit in found["hits"]], found["facets"])
    finally:
        service.close()
    return {"documents": documents, "answers": answers}


def file_entry(root, path) -> dict:
    entry = json.loads((root / CURRENT / "manifest.json").read_text())["files"][str(path.resolve())]
    return {**entry, "ids": json.loads(entry["ids"])}


def same_as_a_full_build(tmp_path, sources, root) -> None:
    """The index at `root` answers as a --full build of `sources` does, its manifest lists the same ids for
    each file (and the same errors and Tail)."""
    full = tmp_path / "full"
    build_index(sources, full, full=True)
    assert index_state(root) == index_state(full)
    for path in sorted(p for source in sources for p in source.rglob("*.jsonl")):
        kept, fresh = file_entry(root, path), file_entry(full, path)
        assert (kept["ids"], kept.get("errors"), kept.get("tail")) == (fresh["ids"], fresh.get("errors"),
                                                                       fresh.get("tail"))


def test_a_jsonl_file_appended_to_reads_only_its_new_lines_and_answers_as_a_full_build(tmp_path):
    """Trial 47: one line appended to a 3,400-line file re-read all of it (66 s, every article deleted and
    added again). Its new records are read alone, numbered from the file's start; a copy of an earlier text,
    another text under an indexed URL and a version of a story it holds behave as in a full read."""
    from .conftest import STORY_RECORDS

    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [record(n) for n in range(5)] + STORY_RECORDS[:1])
    jsonl(sources / "lain.jsonl", [record(n) for n in range(10, 12)])
    build_index([sources], tmp_path / "ix")
    appended(archive, [record(5), record(6, body=record(1)["body"]),  # new; the text of line 2 under a new URL
                       record(7, url="https://example.id/3"),  # another text under line 4's URL
                       STORY_RECORDS[1], {"title": "tanpa isi"}])  # a version of line 6's story; an error
    report, read = inputs_read([sources], tmp_path / "ix")
    assert read == 5  # the new lines alone
    assert (report.indexed, report.duplicates, report.removed, report.files_appended) == (2, 2, 0, 1)
    assert [str(e) for e in report.errors] == [f"{archive}:11: missing or empty 'body' (fields: title; map one with "
                                           "--column body=NAME)"]
    assert [w.origin for w in report.warnings] == [f"{archive}:9"]
    assert ("1 files unchanged, 0 files gone; 1 files appended to: 5 new records read, not the whole files; "
            "2 duplicates" in report.summary())
    entry = file_entry(tmp_path / "ix", archive)
    assert (entry["errors"], entry["tail"]["lines"], entry["tail"]["offset"]) == (1, 11, archive.stat().st_size)
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")
    appended(archive, [record(8)])  # the next append starts where this one ended
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.indexed, report.files_appended, file_entry(tmp_path / "ix", archive)["errors"]) == (1, 1, 1, 1)
    assert ("1 files appended to: 1 new records read, not the whole files (1 errors in their earlier lines when "
            "they were read)" in report.summary())
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_a_file_whose_start_changed_as_it_grew_is_read_again_whole(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [record(n) for n in range(4)])
    build_index([sources], tmp_path / "ix")
    jsonl(archive, [record(0, body=record(9)["body"])] + [record(n) for n in range(1, 6)])  # line 1 edited, 2 more
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed, report.removed) == (6, 0, 6, 0)
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")
    jsonl(archive, [record(n) for n in range(3)])  # shrunk
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.removed) == (3, 0, 3)


@pytest.mark.parametrize("partial,first", [('{"title": "Judul 4", "url": "https://example.id/4", "bo', 0),
                                           (json.dumps(record(4)), 1)],
                         ids=["a broken last line", "a whole record without its line end"])
def test_a_last_line_still_being_written_is_read_again_with_what_was_appended(tmp_path, partial, first):
    """A scraper's record half written when the reindex read the file was an error (or, whole but without its
    `\\n`, an article): the next update reads the file from the line end before it, that line included, and lets
    go of what that line alone gave."""
    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [record(n) for n in range(4)])
    appended(archive, [], partial)
    report = build_index([sources], tmp_path / "ix")
    assert (report.indexed, len(report.errors)) == (4 + first, 1 - first)
    entry = file_entry(tmp_path / "ix", archive)
    assert (entry["tail"]["lines"], entry["tail"]["ids"], entry.get("errors", 0)) == (4, 4, 1 - first)
    with archive.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record(4))[len(partial):] + "\n" + json.dumps(record(5)) + "\n")
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed, report.removed, list(report.errors)) == (2, 1, 2, 0, [])
    entry = file_entry(tmp_path / "ix", archive)
    assert (entry["tail"]["lines"], entry["tail"]["ids"], entry.get("errors", 0)) == (6, 6, 0)
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_an_append_that_turns_the_files_date_order_reads_it_whole(tmp_path):
    """`05/06/2022` is read day-first while nothing in the file tells; a record dated `06/13/2022` says the file
    writes months first: its earlier dates are read again."""
    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [{**record(n), "date": "05/06/2022"} for n in range(2)])
    build_index([sources], tmp_path / "ix")
    appended(archive, [{**record(2), "date": "05/07/2022"}])  # still undecided: read on
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended) == (1, 1)
    appended(archive, [{**record(3), "date": "06/13/2022"}, {**record(4), "date": "07/14/2022"}])
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed, report.removed) == (5, 0, 5, 0)
    dates = {url: day for _, day, _, url, _ in index_state(tmp_path / "ix")["documents"].values()}
    assert (dates["https://example.id/0"], dates["https://example.id/2"]) == ("2022-05-06", "2022-05-07")
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_an_appended_file_sharing_a_kept_article_with_a_changed_file_is_read_whole(tmp_path):
    """`b.jsonl` held line 1's text of `a.jsonl` too, and no longer does: the document stays because `a.jsonl`
    gives it, which a read of `a.jsonl`'s new lines alone would not say."""
    sources = tmp_path / "src"
    sources.mkdir()
    jsonl(sources / "a.jsonl", [record(0), record(1)])
    jsonl(sources / "b.jsonl", [record(0, url="https://b.id/0"), record(2)])
    build_index([sources], tmp_path / "ix")
    jsonl(sources / "b.jsonl", [record(2)])
    appended(sources / "a.jsonl", [record(3)])
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed) == (4, 0, 4)
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_a_manifest_written_before_tails_reads_an_appended_file_whole_once(tmp_path, monkeypatch):
    import search.indexer

    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [record(n) for n in range(3)])
    with monkeypatch.context() as patched:
        patched.setattr(search.indexer.FileEnd, "tail", lambda self, print_: None)
        build_index([sources], tmp_path / "ix")
    assert "tail" not in file_entry(tmp_path / "ix", archive)
    appended(archive, [record(3)])
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed) == (4, 0, 4)
    appended(archive, [record(4)])
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed) == (1, 1, 1)
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_a_parallel_build_records_where_each_file_ended_for_the_next_append(tmp_path, monkeypatch):
    monkeypatch.setattr("search.indexer.PARALLEL_MIN_ARTICLES", 5)
    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [dated(n) for n in range(8)])
    build_index([sources], tmp_path / "ix")
    appended(archive, [dated(8)])
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed) == (1, 1, 1)
    assert ranked_numbers(tmp_path / "ix", sort="date") == list(range(9))
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_a_file_appended_to_but_not_read_to_its_end_is_read_whole_next_time(tmp_path, monkeypatch):
    """Its reading stopped (an I/O error): what it gave stays listed, and the next update reads it whole."""
    import search.loaders

    sources = tmp_path / "src"
    sources.mkdir()
    archive = sources / "arsip.jsonl"
    jsonl(archive, [record(n) for n in range(3)])
    build_index([sources], tmp_path / "ix")
    appended(archive, [record(3), record(4)])
    real = search.loaders._records

    def failing(path, rows, order, options):
        for n, item in enumerate(real(path, rows, order, options)):
            if n == 1:
                raise OSError(errno.EIO, "Input/output error")
            yield item

    with monkeypatch.context() as patched:
        patched.setattr(search.loaders, "_records", failing)
        report = build_index([sources], tmp_path / "ix")
    assert [str(e) for e in report.errors] == [f"{archive}: reading stopped: Input/output error"]
    entry = file_entry(tmp_path / "ix", archive)
    assert (entry["sha1"], "tail" in entry, len(entry["ids"])) == ("", False, 4)
    report, read = inputs_read([sources], tmp_path / "ix")
    assert (read, report.files_appended, report.indexed, report.removed) == (5, 0, 5, 0)
    same_as_a_full_build(tmp_path, [sources], tmp_path / "ix")


def test_an_update_whose_current_generation_is_gone_says_that_it_builds_from_the_paths_given_alone(tmp_path):
    """Trial 57: `rm -rf index/gen-*`, then `reindex seeds` quietly built a 1-article index from the seeds alone,
    the corpus indexed before lost with the generation; it is now said."""
    import shutil

    from search.generations import current_generation

    build_index([SEEDS], tmp_path)
    gone = current_generation(tmp_path)
    shutil.rmtree(gone)
    notices = []
    report = build_index([SEEDS], tmp_path, notice=notices.append)
    assert report.indexed == 1
    assert notices == [f"{tmp_path / 'current'} names {gone.name}, which is gone: a new index is built from the paths "
                       "given alone (what the lost generation held is not read again)"]
