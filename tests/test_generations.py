"""Index roots and generations: the marker, adoption of older indexes, checksums verified on open."""

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys

import pytest

from search.errors import IndexDamagedError, IndexMissingError, IndexRootError
from search.generations import (CHECKSUMS, CURRENT, LEASE_FILE, MARKER, REINDEX_LOCK, claim_root, hold,
                                release, remove_unfinished_builds, remove_unused_generations, verify)
from search.indexer import build_index, open_current
from search.query import SearchService, SearchRequest

from .conftest import CORPUS, SEEDS, deadline


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


def test_a_reader_removing_unused_generations_never_removes_the_one_being_published(tmp_path, monkeypatch):
    """Trial 40: a server disposing of its old generation ran remove_unused_generations between a reindex's
    renaming its build to `gen-*` and pointing `current` at it, and deleted it: `current` named nothing."""
    from search import generations

    build_index([SEEDS], tmp_path)
    first = os.readlink(tmp_path / CURRENT)
    removed_meanwhile = []
    replace = os.replace

    def reader_in_between(source, target):
        removed_meanwhile.extend(remove_unused_generations(tmp_path))  # what a server does after its swap
        replace(source, target)

    monkeypatch.setattr(generations.os, "replace", reader_in_between)
    report = build_index([SEEDS], tmp_path, full=True)
    published = os.readlink(tmp_path / CURRENT)
    assert (removed_meanwhile, published != first, (tmp_path / published).is_dir()) == ([], True, True)
    assert report.generation is not None and open_current(tmp_path) is not None


def test_a_service_never_opens_a_generation_current_stopped_naming_before_its_lease(tmp_path, monkeypatch):
    """Trial 42 (read from the code): between reading `current` and leasing the generation it named, another
    reader may have begun removing that generation, and the lease made its lease file again in the half-removed
    directory. Once leased, `current` is read again."""
    from search import query

    build_index([SEEDS], tmp_path)
    first = os.readlink(tmp_path / CURRENT)
    kept = hold(tmp_path / first)  # so that the next build's publish leaves it on disk
    build_index([SEEDS], tmp_path, full=True)
    second = os.readlink(tmp_path / CURRENT)
    os.remove(tmp_path / CURRENT)
    os.symlink(first, tmp_path / CURRENT)  # `current` names the first when the service reads it ...
    leases = []

    def moving_on(path):
        leases.append(path.name)
        descriptor = hold(path)
        if path.name == first:  # ... and the second once the first is leased
            os.remove(tmp_path / CURRENT)
            os.symlink(second, tmp_path / CURRENT)
        return descriptor

    opened = []
    real_open = query.Generation.open

    def recorded(name, *args, **kwargs):
        opened.append(name)
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(query, "hold", moving_on)
    monkeypatch.setattr(query.Generation, "open", recorded)
    service = SearchService(tmp_path)
    try:
        assert (service.current().name, leases, opened) == (second, [first, second], [second])
    finally:
        service.close()
        release(kept)


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


# A forged or corrupted checksums.json is untrusted input (trial 35, F1 and F2): whatever it lists, opening the
# generation answers with one IndexDamagedError naming the problem, reads nothing outside the generation, opens
# no FIFO or device, and never hangs (`deadline` fails a test that would: the old code spun on /dev/zero for good).

EMPTY_SHA1 = hashlib.sha1(b"").hexdigest()


def forge(generation, change):
    """Rewrite the generation's checksums.json as `change(checksums)` leaves it."""
    checksums = json.loads((generation / CHECKSUMS).read_text())
    change(checksums)
    (generation / CHECKSUMS).write_text(json.dumps(checksums))


def damaged(generation, problem):
    return f"the index generation {generation} is damaged: {problem}; run `warta reindex` to rebuild it"


def assert_refused(root, message):
    """Opening the current generation, and searching it, both raise exactly `message`, in seconds."""
    current = (root / CURRENT).resolve()
    with deadline(10), pytest.raises(IndexDamagedError) as verified:
        verify(current)
    assert str(verified.value) == message
    with deadline(10), pytest.raises(IndexDamagedError) as opened:
        open_current(root)
    assert str(opened.value) == message
    service = SearchService(root)
    try:
        with deadline(10), pytest.raises(IndexDamagedError) as searched:
            service.search(SearchRequest("bupati"))
    finally:
        service.close()
    assert str(searched.value) == message


FOREIGN_NAMES = ["/dev/zero", "../../../../../../../../../../dev/zero", "a\x00b", ".", "..", "sub/x", "x\n"]


@pytest.mark.parametrize("name", FOREIGN_NAMES, ids=["absolute", "dotdot", "nul", "dot", "dotdot-alone", "slash",
                                                      "newline"])
def test_a_listed_name_that_is_not_a_file_name_of_the_generation_is_damage(tmp_path, name):
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    size = os.stat(current / name).st_size if name in (".", "..") else 0  # the size the old code compared
    forge(current, lambda checksums: checksums["files"].update({name: {"size": size, "mtime_ns": 0,
                                                                        "sha1": EMPTY_SHA1}}))
    assert_refused(tmp_path, damaged(current, f"{CHECKSUMS} lists {name!r}, which is not the name of a file of "
                                              "the generation"))


def fifo(current):
    os.mkfifo(current / "zz")
    return "zz"


def link_to_dev_zero(current):
    (current / "zz").symlink_to("/dev/zero")
    return "zz"


def directory(current):
    (current / "zz").mkdir()
    return "zz"


def link_to_a_copy(current):
    """A segment replaced by a symlink to an identical copy outside the index (the old code accepted it)."""
    segment = next(current.glob("*.pst"))
    shutil.copy2(segment, current.parent / "outside.pst")
    segment.unlink()
    segment.symlink_to(current.parent / "outside.pst")
    return segment.name


@pytest.mark.parametrize("make", [fifo, link_to_dev_zero, directory, link_to_a_copy],
                         ids=["fifo", "link-to-dev-zero", "directory", "link-to-a-copy"])
def test_a_listed_file_that_is_not_a_regular_file_is_damage_and_never_opened(tmp_path, make):
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    name = make(current)
    if name == "zz":  # listed with the size the old code saw through the link (0, or the directory's)
        size = os.stat(current / name).st_size
        forge(current, lambda checksums: checksums["files"].update({name: {"size": size, "mtime_ns": 0,
                                                                            "sha1": EMPTY_SHA1}}))
    assert_refused(tmp_path, damaged(current, f"{name} is not a regular file"))


def small_file(current):
    return next(p.name for p in sorted(current.iterdir()) if p.name.endswith(".toc"))


MALFORMED = [
    ("nested", lambda current: (current / CHECKSUMS).write_text("[" * 100000 + "]" * 100000),
     "is unreadable (its JSON is nested too deeply)"),
    ("sampled-small", lambda current: forge(current, lambda c: c["files"][small_file(current)].update(
        sampled=EMPTY_SHA1)),
     "is not one Warta wrote: its entry for '{small}' has a sampled hash, for a file small enough to be hashed whole"),
    ("size-string", lambda current: forge(current, lambda c: c["files"][small_file(current)].update(size="12")),
     "is not one Warta wrote: its entry for '{small}' has a size that is not a count of bytes"),
    ("sha1-not-hex", lambda current: forge(current, lambda c: c["files"][small_file(current)].update(sha1="x")),
     "is not one Warta wrote: its entry for '{small}' has a sha1 that is not a SHA-1"),
    ("time-float", lambda current: forge(current, lambda c: c["files"][small_file(current)].update(mtime_ns=1.5)),
     "is not one Warta wrote: its entry for '{small}' has a time that is not a count of nanoseconds"),
    ("other-key", lambda current: forge(current, lambda c: c["files"][small_file(current)].update(path="/dev/zero")),
     "is not one Warta wrote: its entry for '{small}' has keys other than size, mtime_ns, sha1 and sampled"),
    ("version-string", lambda current: forge(current, lambda c: c.update(version="2")), "is not one Warta wrote"),
    ("fifo", lambda current: ((current / CHECKSUMS).unlink(), os.mkfifo(current / CHECKSUMS)),
     "is not a regular file"),
    ("link-to-a-copy", lambda current: (shutil.copy2(current / CHECKSUMS, current.parent / "copy.json"),
                                        (current / CHECKSUMS).unlink(),
                                        (current / CHECKSUMS).symlink_to(current.parent / "copy.json")),
     "is not a regular file"),
]


@pytest.mark.parametrize("case,damage,problem", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_checksums_record_not_of_the_shape_warta_writes_is_damage(tmp_path, case, damage, problem):
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    small = small_file(current)
    assert os.path.getsize(current / small) < 4096  # small enough that the old code seeked before its start
    damage(current)
    assert_refused(tmp_path, damaged(current, f"{CHECKSUMS} {problem.format(small=small)}"))


def test_checksums_larger_than_any_warta_writes_are_damage_and_not_read_whole(tmp_path, monkeypatch):
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    monkeypatch.setattr("search.generations.CHECKSUMS_MAX_BYTES", 100)
    assert_refused(tmp_path, damaged(current, f"{CHECKSUMS} is larger than 100 bytes"))


def test_a_file_is_read_no_further_than_its_recorded_size(tmp_path, monkeypatch):
    """However the file grows between its size being checked and its bytes being read."""
    from search import generations

    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    target = current_file(tmp_path, "_stored.col")
    size = target.stat().st_size
    entry = json.loads((current / CHECKSUMS).read_text())["files"][target.name]
    read = []
    opened = generations.os.fdopen

    class Counting:  # the handle _whole_hash reads through, counting what it reads
        def __init__(self, descriptor, mode):
            self.handle = opened(descriptor, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def read(self, n=-1):
            chunk = self.handle.read(n)
            read.append(len(chunk))
            if chunk and sum(read) == size:  # the file grows as its last recorded byte is read
                with open(target, "ab") as grow:
                    grow.write(b"x" * (10 << 20))
            return chunk

    monkeypatch.setattr(generations.os, "fdopen", Counting)
    assert generations._problem(target, entry, whole=True) == "does not match its checksum"
    assert sum(read) == size + 1


def test_search_and_serve_answer_a_checksums_entry_naming_dev_zero_in_one_line(tmp_path):
    """The trial's reproduction, end to end: both hung for good."""
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    forge(current, lambda checksums: checksums["files"].update({"/dev/zero": {"size": 0, "mtime_ns": 0,
                                                                              "sha1": EMPTY_SHA1}}))
    message = damaged(current, f"{CHECKSUMS} lists '/dev/zero', which is not the name of a file of the generation")
    for command, extra in (("search", ["bupati"]), ("serve", ["--port", "0"])):
        completed = subprocess.run([sys.executable, "-m", "search.cli", command, *extra, "--index", str(tmp_path)],
                                   capture_output=True, text=True, timeout=60)
        assert (completed.returncode, completed.stderr) == (1, f"warta {command}: {message}\n")


def test_the_web_app_answers_a_checksums_entry_naming_dev_zero_with_its_json_error(tmp_path):
    from web import create_app

    forged = "../" * 10 + "dev/zero"  # relative: the app takes directories out of absolute paths it shows
    build_index([SEEDS], tmp_path)
    current = (tmp_path / CURRENT).resolve()
    forge(current, lambda checksums: checksums["files"].update({forged: {"size": 0, "mtime_ns": 0,
                                                                          "sha1": EMPTY_SHA1}}))
    with deadline(20):
        app = create_app({"WARTA_INDEX": str(tmp_path), "TESTING": True})
        answer = app.test_client().get("/api/search?q=bupati")
    assert answer.status_code == 503
    assert answer.get_json() == {"error": {"code": "index_damaged", "message": (
        f"the index generation {current.name} is damaged: {CHECKSUMS} lists {forged!r}, which is not the name of a "
        "file of the generation; run `warta reindex` to rebuild it")}}
    app.extensions["warta"].close()


def _linked_lock(root, victim):
    """An index whose lock file someone replaced by a symlink to `victim` (trial 53)."""
    build_index([SEEDS], root)
    (root / REINDEX_LOCK).unlink()
    (root / REINDEX_LOCK).symlink_to(victim)


def test_a_symlink_in_place_of_the_lock_is_refused_and_the_file_it_names_left_as_it_was(tmp_path):
    """Trial 53: the lock was opened through the link, and the file it named truncated by every reindex."""
    victim = tmp_path / "victim"
    victim.write_text("precious data")
    root = tmp_path / "idx"
    _linked_lock(root, victim)
    generation = os.readlink(root / CURRENT)
    with pytest.raises(IndexRootError) as refused:
        build_index([SEEDS, CORPUS], root)
    assert str(refused.value) == (f"refusing to write the index at {root}: its lock file {root / REINDEX_LOCK} is a "
                                  "symbolic link, not a file Warta made; remove it")
    assert victim.read_text() == "precious data"
    assert (os.readlink(root / CURRENT), os.readlink(root / REINDEX_LOCK)) == (generation, str(victim))


def test_the_cli_refuses_a_symlinked_lock_in_one_line_with_exit_1(tmp_path, capsys):
    from search.cli import main

    victim = tmp_path / "victim"
    victim.write_text("precious data")
    root = tmp_path / "idx"
    _linked_lock(root, victim)
    assert main(["reindex", str(CORPUS), "--index", str(root), "--quiet"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"warta reindex: refusing to write the index at {root}: its lock file {root / REINDEX_LOCK} is a symbolic "
        "link, not a file Warta made; remove it"]
    assert victim.read_text() == "precious data"


def test_a_dangling_symlink_in_place_of_the_lock_makes_no_file_where_it_points(tmp_path):
    root = tmp_path / "idx"
    _linked_lock(root, tmp_path / "made-by-the-lock")
    with pytest.raises(IndexRootError, match="is a symbolic link, not a file Warta made"):
        build_index([SEEDS], root)
    assert not (tmp_path / "made-by-the-lock").exists()


@pytest.mark.parametrize("make, kind", [(os.mkdir, "a directory"), (os.mkfifo, "a FIFO")])
def test_a_lock_that_is_a_directory_or_fifo_is_refused_alike(tmp_path, make, kind):
    build_index([SEEDS], tmp_path)
    (tmp_path / REINDEX_LOCK).unlink()
    make(tmp_path / REINDEX_LOCK)  # a FIFO: its pid was read by an open that waited for a writer forever
    with deadline(10), pytest.raises(IndexRootError, match=f"lock file {tmp_path / REINDEX_LOCK} is {kind}, not a"):
        build_index([SEEDS, CORPUS], tmp_path)


def test_a_lock_hard_linked_to_another_file_is_refused_and_that_file_left_as_it_was(tmp_path):
    victim = tmp_path / "victim"
    victim.write_text("precious data")
    root = tmp_path / "idx"
    build_index([SEEDS], root)
    (root / REINDEX_LOCK).unlink()
    os.link(victim, root / REINDEX_LOCK)
    with pytest.raises(IndexRootError, match=f"its lock file {root / REINDEX_LOCK} is one of 2 names of a file "
                                             r"\(a hard link\), not a file Warta made; remove it"):
        build_index([SEEDS, CORPUS], root)
    assert victim.read_text() == "precious data"


def test_an_unmarked_root_with_a_symlinked_lock_is_not_adopted(tmp_path):
    """`_adoptable` counted a link named `.reindex.lock` as one of Warta's own files."""
    victim = tmp_path / "victim"
    victim.write_text("precious data")
    root = tmp_path / "idx"
    _linked_lock(root, victim)
    (root / MARKER).unlink()  # an index built before markers
    before = listing(root)
    with pytest.raises(IndexRootError, match=rf"files Warta did not make \({REINDEX_LOCK}\) and no {MARKER}"):
        build_index([SEEDS, CORPUS], root)
    assert (listing(root), victim.read_text()) == (before, "precious data")


def test_a_symlinked_marker_is_never_written_through(tmp_path):
    """A link to a file marks the root (whoever can put it there could put a marker) and is left as it is; a link
    to nothing is someone else's entry: the root is refused, and nothing is made where it points."""
    victim = tmp_path / "victim"
    victim.write_text("precious data")
    root = tmp_path / "idx"
    build_index([SEEDS], root)
    (root / MARKER).unlink()
    (root / MARKER).symlink_to(victim)
    assert build_index([SEEDS, CORPUS], root).indexed == 6
    assert (victim.read_text(), os.readlink(root / MARKER)) == ("precious data", str(victim))
    (root / MARKER).unlink()
    (root / MARKER).symlink_to(tmp_path / "made-by-the-marker")
    with pytest.raises(IndexRootError, match=rf"files Warta did not make \({MARKER}\)"):
        build_index([SEEDS], root, full=True)
    assert not os.path.lexists(tmp_path / "made-by-the-marker")


def search_refusal(root, error: type) -> str:
    """The message of the `error` a search of the index at `root` raises."""
    service = SearchService(root)
    try:
        with pytest.raises(error) as refused:
            service.search(SearchRequest("korupsi"))
    finally:
        service.close()
    return str(refused.value)


def test_a_symlinked_lease_is_refused_by_readers_and_nothing_is_made_where_it_points(tmp_path):
    """A lease file was opened with O_CREAT through a link: a dangling one made the file it named."""
    build_index([SEEDS], tmp_path / "idx")
    generation = (tmp_path / "idx" / CURRENT).resolve()
    (generation / LEASE_FILE).unlink()
    (generation / LEASE_FILE).symlink_to(tmp_path / "made-by-a-reader")
    assert search_refusal(tmp_path / "idx", IndexDamagedError) == (
        f"the index generation {generation} cannot be read: its lease file "
        f"{generation / LEASE_FILE} is a symbolic link, not the file Warta makes; remove it")
    assert not (tmp_path / "made-by-a-reader").exists()


def test_a_fifo_in_place_of_a_lease_is_refused_by_readers_not_waited_on(tmp_path):
    """Opened for reading, a FIFO waited for a writer: every search hung."""
    build_index([SEEDS], tmp_path)
    generation = (tmp_path / CURRENT).resolve()
    (generation / LEASE_FILE).unlink()
    os.mkfifo(generation / LEASE_FILE)
    service = SearchService(tmp_path)
    try:
        with deadline(10), pytest.raises(IndexDamagedError, match=f"{LEASE_FILE} is a FIFO, not the file Warta"):
            service.search(SearchRequest("korupsi"))
    finally:
        service.close()


def test_an_old_generation_with_a_symlinked_lease_is_left_and_nothing_made_where_it_points(tmp_path):
    root = tmp_path / "idx"
    build_index([SEEDS], root)
    old = (root / CURRENT).resolve()
    kept = hold(old)  # so that the next build's publish leaves it on disk
    build_index([SEEDS], root, full=True)
    release(kept)
    (old / LEASE_FILE).unlink()
    (old / LEASE_FILE).symlink_to(tmp_path / "made-by-cleanup")
    assert remove_unused_generations(root) == []
    assert old.is_dir() and not (tmp_path / "made-by-cleanup").exists()
    (old / LEASE_FILE).unlink()  # the link removed, the generation is removed as unused
    assert remove_unused_generations(root) == [old.name]


def _lease_file_cannot_be_made(monkeypatch, number):
    """The lease file of every generation missing, and making one fails with `number` (EROFS: a read-only
    filesystem; EACCES: a directory the reader may not write)."""
    opened = os.open

    def refusing(path, flags, *args, **kwargs):
        if str(path).endswith(f"/{LEASE_FILE}") and flags & os.O_CREAT and not os.path.lexists(path):
            raise OSError(number, os.strerror(number), str(path))
        return opened(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


def test_a_generation_without_its_lease_file_on_a_read_only_filesystem_is_searched_without_one(tmp_path,
                                                                                              monkeypatch):
    """Trial 53 F5: a copy without `.inuse` on a read-only mount was `no index at … (run warta reindex first)`."""
    build_index([SEEDS, CORPUS], tmp_path)
    generation = (tmp_path / CURRENT).resolve()
    (generation / LEASE_FILE).unlink()
    _lease_file_cannot_be_made(monkeypatch, errno.EROFS)
    service = SearchService(tmp_path)
    try:
        assert service.search(SearchRequest(""))["total"] == 7
    finally:
        service.close()
    assert not (generation / LEASE_FILE).exists()


def test_a_lease_file_that_cannot_be_made_for_another_reason_is_said_so(tmp_path, monkeypatch):
    build_index([SEEDS], tmp_path)
    generation = (tmp_path / CURRENT).resolve()
    (generation / LEASE_FILE).unlink()
    _lease_file_cannot_be_made(monkeypatch, errno.EACCES)
    assert search_refusal(tmp_path, IndexMissingError) == (
        f"no lease can be taken on the index generation {generation}: {generation / LEASE_FILE} cannot be opened "
        "or made (Permission denied)")


def test_sizes_as_written_finds_a_file_cut_missing_or_replaced_by_a_stat_alone(tmp_path):
    from search.generations import current_generation, sizes_as_written

    build_index([SEEDS], tmp_path)
    generation = current_generation(tmp_path)
    assert sizes_as_written(generation) is None  # as written
    first, second, third = sorted(path for path in generation.iterdir() if path.suffix in (".pst", ".trm", ".seg")
                                  or path.name.endswith(".toc"))[:3]
    size = first.stat().st_size
    os.truncate(first, 1)
    second.unlink()
    problems = []
    for repair in (lambda: os.truncate(first, size), lambda: second.symlink_to(third), None):
        with pytest.raises(IndexDamagedError) as raised:
            sizes_as_written(generation)
        problems.append(str(raised.value).split(": ", 1)[1])
        if repair:
            repair()
    assert problems == [f"{first.name} has 1 bytes instead of {size}; run `warta reindex` to rebuild it",
                        f"{second.name} is missing; run `warta reindex` to rebuild it",
                        f"{second.name} is not a regular file; run `warta reindex` to rebuild it"]
