"""Fresh builds in worker processes: same result as one process, and no worker outlives its reindex."""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from search.generations import CHECKSUMS, CURRENT, LEASE_FILE, ReindexLock
from search.indexer import build_index, open_current

from .conftest import CORPUS, ROOT, SEED_FILE, SEEDS

KILL_ARTICLES = 4000


def repo_sentences() -> list[str]:
    """Sentences of the seed article and the test corpus: text to build many distinct articles from."""
    texts = [SEED_FILE.read_text(encoding="utf-8")]
    texts += [json.loads(line)["body"] for line in (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    sentences = [s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 30]
    assert len(sentences) >= 20
    return sentences


def many_articles(path: Path, n: int) -> None:
    sentences = repo_sentences()
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            picked = [sentences[(i * k + k) % len(sentences)] for k in (1, 3, 7)]
            handle.write(json.dumps({"title": f"Berita {i}", "url": f"https://contoh.id/{i}",
                                     "body": " ".join(picked) + f" Laporan nomor {i}."}) + "\n")


def children_of(pid: int) -> set[int]:
    """Live processes whose parent is `pid` (zombies, already dead, are not counted)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def wait_for(condition, timeout: float, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def index_and_full_reindex(tmp_path: Path) -> tuple[Path, list[str]]:
    """An index of the seeds, and the command that rebuilds it in full, in parallel, from KILL_ARTICLES."""
    sources = tmp_path / "src"
    sources.mkdir()
    many_articles(sources / "many.jsonl", KILL_ARTICLES)
    root = tmp_path / "ix"
    build_index([SEEDS], root)
    return root, [sys.executable, "-m", "search.cli", "reindex", str(sources), "--index", str(root), "--full",
                  "--quiet"]


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                    reason="needs Linux /proc and two cores for worker processes")
def test_sigkill_of_a_parallel_reindex_takes_its_workers_and_lock_with_it(tmp_path):
    root, full = index_and_full_reindex(tmp_path)
    update = [sys.executable, "-m", "search.cli", "reindex", str(SEEDS), "--index", str(root), "--quiet"]

    def early(process):  # reading and deduplicating, before any worker exists
        time.sleep(0.3)
        return set()

    def mid(process):  # the workers are writing their segments
        assert wait_for(lambda: len(children_of(process.pid)) >= 2, 60), "no workers started"
        workers = children_of(process.pid)
        time.sleep(1.0)
        return workers

    def commit(process):  # the workers are done: the reindex combines their segments and publishes
        assert wait_for(lambda: len(children_of(process.pid)) >= 2, 60), "no workers started"
        workers = children_of(process.pid)
        wait_for(lambda: not any(alive(pid) for pid in workers), 60, step=0.005)
        return workers

    for moment in (early, mid, commit):
        process = subprocess.Popen(full, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers = moment(process)
        survivors = children_of(process.pid) | workers
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert wait_for(lambda: not any(alive(pid) for pid in survivors), 1.0), (moment.__name__, survivors)
        with ReindexLock(root):  # free at once, without waiting for anything to die
            pass
        started = time.monotonic()
        again = subprocess.run(update, cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, (moment.__name__, again.stderr)
        assert time.monotonic() - started < 30
        assert open_current(root).doc_count() in (1, KILL_ARTICLES), moment.__name__  # old, or the finished one
        assert not list(root.glob(".building-*")), moment.__name__  # killed writers' files are gone

    finished = subprocess.run(full, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert open_current(root).doc_count() == KILL_ARTICLES
    current = root / os.readlink(root / CURRENT)
    recorded = set(json.loads((current / CHECKSUMS).read_text())["files"])
    on_disk = {p.name for p in current.iterdir()} - {LEASE_FILE, CHECKSUMS, "MAIN_WRITELOCK"}
    assert on_disk == recorded  # no orphan segment file in the generation


def test_a_worker_ends_when_its_parent_is_killed(tmp_path):
    """die_with_parent on its own: a grandchild forked with it set goes when its parent gets SIGKILL."""
    script = tmp_path / "family.py"
    script.write_text(
        "import os, sys, time\n"
        "from search.processes import die_with_parent\n"
        "parent = os.getpid()\n"
        "child = os.fork()\n"
        "if child == 0:\n"
        "    die_with_parent(parent)\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(child, flush=True)\n"
        "time.sleep(60)\n")
    process = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child = int(process.stdout.readline())
    time.sleep(0.2)
    assert alive(child)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    assert wait_for(lambda: not alive(child), 1.0)


def test_story_preparing_workers_end_when_the_reindex_is_killed(tmp_path):
    """The processes that prepare story signatures (a fresh build of 2,000 articles or more) go with the
    reindex too: killed by SIGKILL in the middle of their work, none finishes its part first."""
    script = tmp_path / "prepare.py"
    script.write_text(
        "import time\n"
        "import search.stories as stories\n"
        "def slow(*args):\n"
        "    time.sleep(60)\n"
        "stories._prepare = slow\n"
        "with stories.StoryStream(stories.StoryIndex(), lambda article_id: None, workers=2) as stream:\n"
        "    for n in range(stories.PARALLEL_BLOCK):\n"
        "        stream.append(str(n), 'teks')\n"
        "    stream.finish()\n")
    process = subprocess.Popen([sys.executable, str(script)], cwd=ROOT)
    assert wait_for(lambda: len(children_of(process.pid)) >= 2, 60), "no workers started"
    workers = children_of(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 1.0), workers


def test_the_spool_gives_back_any_run_in_order_and_close_deletes_it(tmp_path):
    from search.articles import Article
    from search.parallel import ArticleSpool

    spool = ArticleSpool(tmp_path / "spool")
    items = [(Article(id=f"a{n}", title=f"Berita {n}", body=f"Isi berita {n}.", source="uji"), f"key{n}")
             for n in range(5)]
    for item in items:
        spool.append(item)
    spool.finish()
    assert len(spool) == 5
    assert list(ArticleSpool.read_at(spool.path, spool.offset(1), 2)) == items[1:3]
    assert list(ArticleSpool.read_at(spool.path, spool.offset(3), 2)) == items[3:]
    assert list(ArticleSpool.read_at(spool.path, spool.offset(4), 0)) == []
    spool.close()
    assert not (tmp_path / "spool").exists()


def test_workers_take_every_published_article_once_as_its_story_is_known(tmp_path):
    from search.articles import Article
    from search.parallel import CHUNKS_PER_WORKER, MAX_CHUNK, ArticleSpool, ParallelWriters, chunk_size

    assert (CHUNKS_PER_WORKER, MAX_CHUNK) == (32, 8192)
    assert [chunk_size(n, 2) for n in (10, 150, 1_000_000)] == [1, 3, 8192]
    from whoosh import index as whoosh_index

    from search.schema import build_schema

    building = tmp_path / "building"
    building.mkdir()
    whoosh_index.create_in(str(building), build_schema())  # as the reindex does: the workers' segments join it
    spool = ArticleSpool(tmp_path / "spool")
    stories = []
    with ParallelWriters(spool, building, 2, expected=150) as writers:
        for n in range(151):  # about as many as expected: the last chunk is smaller
            body = f"Rapat koordinasi nomor {n} membahas jalan desa."
            spool.append((Article(id=f"a{n}", title=f"Berita {n}", body=body, source="uji"), f"key{n}"))
            if n % 7 == 0:  # a story is known some articles after its article is read
                stories.extend(f"s{k % 4}" for k in range(len(stories), n - 3) if k >= 0)
            writers.publish(stories)
            assert writers.published == len(stories) - len(stories) % 3  # whole chunks of 3 only
        spool.finish()
        stories.extend(f"s{k % 4}" for k in range(len(stories), 151))
        handed = []
        writers.queue.put = lambda chunk, put=writers.queue.put: (handed.append(chunk and chunk[1]), put(chunk))
        writers.finish(stories)
        assert handed == [3, 3, 1, None, None]  # 144 were handed out while reading; the rest in chunks too
    ix = whoosh_index.open_dir(str(building))
    with ix.searcher() as searcher:
        found = sorted((fields["id"], fields["story"]) for fields in searcher.all_stored_fields())
    assert found == sorted((f"a{n}", f"s{n % 4}") for n in range(151))
    assert not list(building.glob(".part-*"))
    spool.close()


def test_writers_that_cannot_all_start_leave_none_behind(tmp_path):
    from search.parallel import ArticleSpool, ParallelWriters

    building = tmp_path / "building"
    building.mkdir()
    (building / ".part-1").mkdir()  # the second worker's directory cannot be made
    spool = ArticleSpool(tmp_path / "spool")
    before = children_of(os.getpid())
    with pytest.raises(FileExistsError):
        ParallelWriters(spool, building, 2, expected=10)
    assert wait_for(lambda: children_of(os.getpid()) <= before, timeout=5)  # the first worker was stopped
    assert not (building / ".part-0").exists()
    spool.close()


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                    reason="needs Linux /proc and two cores for worker processes")
def test_ctrl_c_of_a_parallel_reindex_exits_130_in_one_line_and_frees_its_workers_and_lock(tmp_path):
    """A terminal's Ctrl-C reaches the whole process group: the workers ignore it and the reindex stops them.
    Workers that took it printed their own tracebacks, and Pool.terminate() could wait forever for a queue
    lock one of them held when it died (trial 9: 3 hangs in 12)."""
    root, full = index_and_full_reindex(tmp_path)
    for pause in (0.0, 0.5, 1.5):  # after the workers were forked: stories being found, segments written
        process = subprocess.Popen(full, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        assert wait_for(lambda: len(children_of(process.pid)) >= 4, 60), "no workers started"
        time.sleep(pause)
        workers = children_of(process.pid)
        os.killpg(process.pid, signal.SIGINT)
        try:
            _, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:  # hung: not left running after the test
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        assert (process.returncode, stderr) == (130, "warta reindex: interrupted\n"), pause
        assert not any(alive(pid) for pid in workers), pause
        with ReindexLock(root):  # free at once
            pass
        assert open_current(root).doc_count() == 1  # the previous index still serves
        assert not list(root.glob(".building-*"))


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                    reason="needs Linux /proc and two cores for worker processes")
def test_sigterm_of_a_parallel_reindex_exits_143_and_removes_its_unfinished_build_at_once(tmp_path):
    """Trial 24: `kill`, systemd and `docker stop` send SIGTERM, which ended the reindex where it stood and left
    its `.building-*` directory (9.5 MB) for the next run to remove."""
    root, full = index_and_full_reindex(tmp_path)
    process = subprocess.Popen(full, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    assert wait_for(lambda: len(children_of(process.pid)) >= 4, 60), "no workers started"
    workers = children_of(process.pid)
    process.send_signal(signal.SIGTERM)  # to the reindex alone, as `kill` sends it
    try:
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert (process.returncode, stderr) == (143, "warta reindex: terminated\n")
    assert wait_for(lambda: not any(alive(pid) for pid in workers), 10)
    assert not list(root.glob(".building-*"))
    with ReindexLock(root):
        pass
    assert open_current(root).doc_count() == 1


def _square(number: int) -> int:
    if number < 0:
        raise ValueError(f"negative: {number}")
    return number * number


def test_workers_give_each_list_back_in_order_and_raise_what_the_function_raised():
    from search.processes import Workers

    with Workers(_square, 2, chunk=3) as workers:
        first, second = workers.map(list(range(10))), workers.map([4, 5])
        assert workers.results(second) == [16, 25]
        assert workers.results(first) == [n * n for n in range(10)]
        assert workers.results(workers.map([])) == []
        failing = workers.map([1, -2, 3])
        with pytest.raises(ValueError, match="negative: -2"):
            workers.results(failing)


def test_a_dead_worker_is_reported_and_stopping_the_rest_does_not_wait_for_it():
    """multiprocessing.Pool.terminate() waited forever for the queue lock its killed idle worker held."""
    from search.processes import WorkerLost, Workers

    before = children_of(os.getpid())
    workers = Workers(time.sleep, 2, chunk=1)
    assert wait_for(lambda: all(alive(process.pid) for process in workers.processes), 5)
    time.sleep(0.2)  # both wait for a task, one of them holding the lock of the queue they read
    for process in workers.processes:
        os.kill(process.pid, signal.SIGKILL)
    ticket = workers.map([0.01])
    with pytest.raises(WorkerLost, match="ended unexpectedly"):
        workers.results(ticket)
    started = time.monotonic()
    workers.close()
    assert time.monotonic() - started < 2
    assert children_of(os.getpid()) <= before


def test_workers_ignore_ctrl_c_until_they_are_stopped():
    from search.processes import Workers

    with Workers(_square, 2, chunk=1) as workers:
        for process in workers.processes:
            os.kill(process.pid, signal.SIGINT)
        assert workers.results(workers.map([2, 3])) == [4, 9]
        assert all(process.is_alive() for process in workers.processes)
    assert not any(process.is_alive() for process in workers.processes)
