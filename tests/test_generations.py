"""Index roots and generations: the marker, adoption of older indexes, checksums verified on open."""

import json
import os
import subprocess
import sys

import pytest

from search.errors import IndexDamagedError, IndexMissingError, IndexRootError
from search.generations import (CHECKSUMS, CURRENT, MARKER, REINDEX_LOCK, claim_root, remove_unfinished_builds,
                                remove_unused_generations, verify)
from search.indexer import build_index, open_current
from search.query import SearchService, SearchRequest

from .conftest import CORPUS, SEEDS


def listing(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def test_a_new_directory_and_one_holding_only_an_empty_dotfile_are_marked(tmp_path):
    claim_root(tmp_path / "new")
    assert (tmp_path / "new" / MARKER).read_text().startswith("This directory is a Warta index")
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / ".gitkeep").touch()  # the repository's own index/ directory
    report = build_index([SEEDS], kept)
    assert report.indexed == 1
    assert (kept / ".gitkeep").exists() and (kept / MARKER).is_file()


def test_a_directory_of_other_files_is_refused_and_left_untouched(tmp_path):
    (tmp_path / "gen-notes").mkdir()
    (tmp_path / "gen-notes" / "todo.txt").write_text("jangan dihapus")
    (tmp_path / "notes.txt").write_text("x")
    before = listing(tmp_path)
    with pytest.raises(IndexRootError, match=rf"refusing to write an index into {tmp_path}: it holds files Warta "
                                             rf"did not make \(gen-notes, notes.txt\) and no {MARKER} marker"):
        build_index([SEEDS], tmp_path)
    assert listing(tmp_path) == before  # not even a lock file or a marker


def test_a_stand_in_for_the_filesystem_root_is_refused(tmp_path):
    for name in ("bin", "etc", "home"):
        (tmp_path / name).mkdir()
    (tmp_path / "etc" / "passwd").write_text("root:x:0:0::/root:/bin/sh\n")
    with pytest.raises(IndexRootError, match=r"\(bin, etc, home\)"):
        build_index([SEEDS], tmp_path)
    assert listing(tmp_path) == ["bin", "etc", "etc/passwd", "home"]


def test_an_index_built_before_markers_is_adopted_and_updated(tmp_path):
    build_index([SEEDS], tmp_path)
    (tmp_path / MARKER).unlink()  # what the previous version left: current, gen-*, lock, stems, no marker
    (tmp_path / REINDEX_LOCK).write_text("")
    notices = []
    report = build_index([SEEDS, CORPUS], tmp_path, notice=notices.append)
    assert notices == [f"adopted the index at {tmp_path}, built before index directories were marked"]
    assert (report.indexed, open_current(tmp_path).doc_count()) == (6, 7)
    assert (tmp_path / MARKER).is_file()
    assert len(list(tmp_path.glob("gen-*"))) == 1  # the adopted generation was replaced and removed


def test_an_old_index_beside_someone_elses_directory_is_refused(tmp_path):
    build_index([SEEDS], tmp_path)
    (tmp_path / MARKER).unlink()
    (tmp_path / "gen-notes").mkdir()
    before = listing(tmp_path)
    with pytest.raises(IndexRootError, match=r"\(gen-notes\)"):
        build_index([SEEDS, CORPUS], tmp_path, full=True)
    assert listing(tmp_path) == before


def test_only_what_warta_named_is_removed_from_a_marked_root(tmp_path):
    build_index([SEEDS], tmp_path)
    for name in ("gen-notes", ".building-notes", "gen-2024"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "keep.txt").write_text("x")
    build_index([SEEDS, CORPUS], tmp_path, full=True)
    build_index([SEEDS], tmp_path, full=True)
    assert all((tmp_path / name / "keep.txt").exists() for name in ("gen-notes", ".building-notes", "gen-2024"))
    assert len([p for p in tmp_path.glob("gen-2026*")] + [p for p in tmp_path.glob("gen-20[0-9][0-9][01]*")]) >= 1


def test_unmarked_roots_are_never_cleaned_by_readers(tmp_path):
    (tmp_path / "gen-20250101-000000-000000000").mkdir()
    (tmp_path / ".building-1-2").mkdir()
    assert remove_unused_generations(tmp_path) == [] and remove_unfinished_builds(tmp_path) == []
    assert listing(tmp_path) == [".building-1-2", "gen-20250101-000000-000000000"]


def test_the_temporary_current_link_of_a_reindex_killed_while_publishing_is_removed_by_the_next(tmp_path):
    build_index([SEEDS], tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = f".{CURRENT}-{dead.stdout.strip()}"
    os.symlink(os.readlink(tmp_path / CURRENT), tmp_path / stale)  # killed between making it and renaming it
    os.symlink(os.readlink(tmp_path / CURRENT), tmp_path / ".current-notes")  # not a name Warta gives
    notices = []
    report = build_index([SEEDS], tmp_path, notice=notices.append)  # nothing else to do
    assert notices == [f"removed 1 temporary link(s) left by an interrupted reindex ({stale})"]
    assert report.generation is None
    assert sorted(p.name for p in tmp_path.glob(".current-*")) == [".current-notes"]


def test_a_file_given_as_the_index_is_refused(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(IndexRootError, match="is not a directory"):
        claim_root(tmp_path / "file")


def current_file(root, suffix):
    return next(p for p in (root / CURRENT).iterdir() if p.name.endswith(suffix))


def truncate(path):
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def scramble(path):
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8] = bytes((b ^ 0x5A) for b in data[middle:middle + 8])
    path.write_bytes(bytes(data))


def empty(path):
    path.write_bytes(b"")


DAMAGE = [(".trm", truncate, "has {half} bytes instead of {size}"), ("_stored.col", scramble, "does not match its checksum"),
          (".pst", scramble, "does not match its checksum"), (".toc", empty, "has 0 bytes instead of {size}")]


@pytest.mark.parametrize("suffix,damage,problem", DAMAGE, ids=[d[0] for d in DAMAGE])
def test_a_damaged_generation_is_refused_by_readers_and_rebuilt_by_reindex(tmp_path, suffix, damage, problem):
    build_index([SEEDS, CORPUS], tmp_path)
    assert verify(tmp_path / CURRENT) is True
    target = current_file(tmp_path, suffix)
    size = target.stat().st_size
    damage(target)
    expected = problem.format(half=size // 2, size=size)
    message = rf"the index generation .*/gen-[0-9-]+ is damaged: {target.name} {expected}; run `warta reindex`"
    with pytest.raises(IndexDamagedError, match=message):
        open_current(tmp_path)
    service = SearchService(tmp_path)
    with pytest.raises(IndexDamagedError, match=message):
        service.search(SearchRequest("bupati"))
    service.close()
    notices = []
    report = build_index([SEEDS, CORPUS], tmp_path, notice=notices.append)  # incremental, as asked
    assert len(notices) == 1 and notices[0].endswith(": rebuilding it in full") and target.name in notices[0]
    assert report.generation is not None and report.indexed == 7
    assert verify(tmp_path / CURRENT) is True
    assert open_current(tmp_path).doc_count() == 7


def test_damaged_is_a_kind_of_missing_index_for_the_web_layer():
    assert issubclass(IndexDamagedError, IndexMissingError) and IndexDamagedError.code == "index_damaged"


def test_a_missing_file_and_unreadable_checksums_are_reported(tmp_path):
    build_index([SEEDS], tmp_path)
    current = tmp_path / CURRENT
    victim = current_file(tmp_path, ".pst")
    victim.unlink()
    with pytest.raises(IndexDamagedError, match=f"{victim.name} is missing"):
        verify(current)
    (current / CHECKSUMS).write_text("{not json")
    with pytest.raises(IndexDamagedError, match=f"{CHECKSUMS} is unreadable"):
        verify(current)


def test_an_update_reuses_the_checksums_of_linked_files_and_adds_the_new_ones(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "seed.txt").write_text((SEEDS / os.listdir(SEEDS)[0]).read_text())
    build_index([sources], tmp_path / "ix")
    first = json.loads((tmp_path / "ix" / CURRENT / CHECKSUMS).read_text())["files"]
    (sources / "more.jsonl").write_text((CORPUS / "articles.jsonl").read_text())
    build_index([sources], tmp_path / "ix")
    second = json.loads((tmp_path / "ix" / CURRENT / CHECKSUMS).read_text())["files"]
    shared = {name for name in first if not name.endswith((".toc", "manifest.json", "stories.npz"))}
    assert shared and all(second[name] == first[name] for name in shared)
    assert len(second) > len(first)
    assert verify(tmp_path / "ix" / CURRENT) is True


def test_a_generation_without_checksums_is_still_refused_when_whoosh_cannot_read_it(tmp_path):
    build_index([SEEDS], tmp_path)
    current = tmp_path / CURRENT
    (current / CHECKSUMS).unlink()  # as written before checksums existed, with a manifest of version 3
    manifest = current / "manifest.json"
    manifest.write_text(manifest.read_text().replace('{"version": 4,', '{"version": 3,', 1))
    assert verify(current) is False and open_current(tmp_path).doc_count() == 1
    next(current.glob("*.toc")).write_bytes(b"")
    with pytest.raises(IndexDamagedError, match=r"is damaged: its table of contents cannot be read \(TypeError\)"):
        open_current(tmp_path)
    notices = []
    build_index([SEEDS], tmp_path, notice=notices.append)
    assert len(notices) == 1 and notices[0].endswith("cannot be read (TypeError); run `warta reindex` to rebuild it: "
                                                      "rebuilding it in full")
    assert verify(tmp_path / CURRENT) is True and open_current(tmp_path).doc_count() == 1


def test_a_generation_written_with_checksums_that_lost_them_is_damaged_and_rebuilt(tmp_path):
    build_index([SEEDS], tmp_path)
    current = tmp_path / CURRENT
    (current / CHECKSUMS).unlink()
    with pytest.raises(IndexDamagedError, match=f"is damaged: {CHECKSUMS} is missing; run `warta reindex`"):
        open_current(tmp_path)
    notices = []
    report = build_index([SEEDS], tmp_path, notice=notices.append)
    assert report.indexed == 1 and notices[0].endswith(f"{CHECKSUMS} is missing; run `warta reindex` to rebuild "
                                                       "it: rebuilding it in full")
    assert verify(tmp_path / CURRENT) is True


UNLISTED = [("one file left out", lambda files, victim: files.pop(victim)),
            ("no file listed", lambda files, victim: files.clear())]


@pytest.mark.parametrize("case,unlist", UNLISTED, ids=[u[0] for u in UNLISTED])
def test_a_file_the_checksums_do_not_list_is_damage_and_reindex_rebuilds_it(tmp_path, case, unlist):
    build_index([SEEDS, CORPUS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    victim = current_file(tmp_path, ".pst")
    checksums = json.loads((current / CHECKSUMS).read_text())
    unlist(checksums["files"], victim.name)  # `{"version": 2, "files": {}}` is a checksums file Warta reads
    (current / CHECKSUMS).write_text(json.dumps(checksums))
    os.truncate(victim, 1000)  # what the adversarial trial did: searches failed, a reindex said "unchanged"
    named = victim.name if case == "one file left out" else sorted(
        p.name for p in current.iterdir() if p.name not in (CHECKSUMS, ".inuse", "MAIN_WRITELOCK"))[0]
    message = (f"the index generation {current} is damaged: {named} is not listed in {CHECKSUMS}; "
               "run `warta reindex` to rebuild it")
    with pytest.raises(IndexDamagedError) as opened:
        open_current(tmp_path)
    assert str(opened.value) == message
    service = SearchService(tmp_path)
    with pytest.raises(IndexDamagedError) as searched:
        service.search(SearchRequest("korupsi"))
    service.close()
    assert str(searched.value) == message
    notices = []
    report = build_index([SEEDS, CORPUS], tmp_path, notice=notices.append)  # incremental, as asked
    assert notices == [f"{message}: rebuilding it in full"]
    assert (report.indexed, report.generation is not None) == (7, True)
    assert verify(tmp_path / CURRENT, whole=True) is True and open_current(tmp_path).doc_count() == 7


@pytest.fixture()
def sampled_seed_index(tmp_path, monkeypatch):
    """The seed's index, its files checked as large ones are: by their first and last 16 bytes."""
    monkeypatch.setattr("search.generations.WHOLE_HASH_BYTES", 100)  # the seed's files count as large
    monkeypatch.setattr("search.generations.SAMPLE_BYTES", 16)
    monkeypatch.setattr("search.generations.SAMPLES", 2)  # the first and last 16 bytes only
    build_index([SEEDS], tmp_path)
    return tmp_path


def test_a_large_file_is_read_whole_only_when_its_time_moved(sampled_seed_index):
    tmp_path = sampled_seed_index
    current = tmp_path / CURRENT
    target = current_file(tmp_path, "_stored.col")
    entry = json.loads((current / CHECKSUMS).read_text())["files"][target.name]
    assert entry["size"] == target.stat().st_size > 100 and len(entry["sampled"]) == 40
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    assert verify(current) is True
    scramble(target)  # written to: the time moves, so every byte is hashed
    with pytest.raises(IndexDamagedError, match=f"{target.name} does not match its checksum"):
        verify(current)
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the recorded time put back by hand:
    assert verify(current) is True  # only the sampled blocks are read, and the change lies between them


def test_damage_between_a_large_files_samples_fails_a_search_as_damage_and_reindex_rebuilds(sampled_seed_index):
    tmp_path = sampled_seed_index
    current = tmp_path / CURRENT
    target = current_file(tmp_path, ".trm")
    stat = target.stat()
    data = bytearray(target.read_bytes())
    data[16:-16] = os.urandom(len(data) - 32)  # every byte but the sampled ones, the time put back
    target.write_bytes(bytes(data))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert verify(current) is True
    with pytest.raises(IndexDamagedError, match=f"{target.name} does not match its checksum"):
        verify(current, whole=True)
    service = SearchService(tmp_path)
    with pytest.raises(IndexDamagedError, match=f"{target.name} does not match its checksum"):
        service.search(SearchRequest("bupati"))  # whatever Whoosh raised reading the bytes
    service.close()
    notices = []
    report = build_index([SEEDS], tmp_path, notice=notices.append)  # nothing changed in the sources
    assert report.indexed == 1 and notices[0].endswith(": rebuilding it in full") and target.name in notices[0]
    assert verify(current, whole=True) is True
