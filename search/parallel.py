"""Index a large batch of articles on every core: each worker process writes its own Whoosh segment,
then the segments are moved into one index and listed in one table of contents.

Whoosh's own multiprocess writer was measured slower than one process and crashed at 100k articles
(../shared/STYLE.md); here the workers share nothing but their input: an ArticleSpool, the batch pickled to
a file as it is read, each worker taking chunks of it from a queue as their stories are found
(ParallelWriters), so that the reindex holds only the bodies while it finds stories (1.3 GB at 1M articles,
against 4 GB of Article objects kept until the fork before). Each worker's own memory is its Whoosh pool,
written out as a segment whenever it reaches its budget (writing.SegmentedWriter,
writing.segment_budget_bytes: 1.5 GB of postings each on this machine).

Workers die with the reindex that forked them: on Linux the kernel kills them when it dies
(PR_SET_PDEATHSIG), elsewhere a watchdog thread notices that their parent changed. They ignore Ctrl-C: the
reindex alone is interrupted, and kills them (search/processes.py). They never hold the reindex lock
(generations.ReindexLock closes it in forked children), so a killed or interrupted reindex frees it at once.
A worker that fails sends its error back through a pipe: a full disk there is a full disk in the reindex,
reported by it in one line (the worker ends without printing a traceback of its own).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import re
import shutil
import time
from array import array
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from .analysis import STEM_CACHE, Stems
from .articles import Article
from .errors import IndexWriteError
from .facet_registry import FACETS, FacetRegistry
from .processes import POLL_SECONDS, become_worker, forking, stop
from .schema import build_schema
from .writing import SegmentedWriter, collector_paused, segment_budget_bytes

INDEX_NAME = "MAIN"


class WorkerFailed(IndexWriteError):
    """A worker process ended without finishing its part of the index."""


class ArticleSpool:
    """A fresh build's articles with their content keys, pickled to `path` in reading order; any run of them
    read back in order from where it starts (by each worker, from its own file handle). The file is deleted by
    close()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._offsets = array("q")  # where each item starts
        self._file = path.open("wb")

    def __len__(self) -> int:
        return len(self._offsets)

    def append(self, item: tuple[Article, str]) -> None:
        self._offsets.append(self._file.tell())
        pickle.dump(item, self._file, protocol=pickle.HIGHEST_PROTOCOL)

    def finish(self) -> None:
        """Done appending: flush the file for the readers."""
        self._file.close()

    def flush(self) -> None:
        """Make what was appended so far readable by other processes (all of it is, once finished)."""
        if not self._file.closed:
            self._file.flush()

    def offset(self, index: int) -> int:
        """Where the `index`-th item starts in the file."""
        return self._offsets[index]

    @staticmethod
    def read_at(path: Path, offset: int, count: int) -> Iterator[tuple[Article, str]]:
        """`count` items from the one starting at `offset`: how a worker reads, its copy of the offsets being
        those of the moment it was forked."""
        with path.open("rb") as handle:
            handle.seek(offset)
            for _ in range(count):
                yield pickle.load(handle)

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


Claimed = tuple[tuple[Article, str], str, int]  # a spooled article with its content key, its story, its read order


def _run_part(items: Callable[[], Iterator[Claimed]], directory: str, counter, writers: int, parent: int, errors,
              facets: FacetRegistry = FACETS) -> None:
    """A worker's body: write its part, or send back why it could not (an OSError keeps its errno)."""
    become_worker(parent)
    try:
        _write_part(items(), directory, counter, writers, facets)
    except OSError as error:  # told to the reindex, which reports it in one line: no traceback here
        errors.send(("os", error.errno, error.strerror, error.filename))
        os._exit(1)
    except BaseException as error:
        errors.send(("other", None, f"{type(error).__name__}: {error}", None))
        raise


CHUNKS_PER_WORKER = 32  # work is handed out in about this many chunks per worker, so that the workers end together
MAX_CHUNK = 8192  # articles


def chunk_size(expected: int, workers: int) -> int:
    return max(1, min(MAX_CHUNK, -(-expected // (workers * CHUNKS_PER_WORKER))))


def _claimed(spool: Path, queue) -> Iterator[Claimed]:
    """In a worker: each article (with its content key) of the chunks it takes from the queue, with its story
    and its place in reading order (the spool's, from 1: schema.READ_ORDER), until the queue says there are no
    more (None)."""
    while (chunk := queue.get()) is not None:
        offset, count, stories, first = chunk
        yield from zip(ArticleSpool.read_at(spool, offset, count), stories, range(first, first + count))


def _write_part(items: Iterator[Claimed], directory: str, counter, writers: int,
                facets: FacetRegistry = FACETS) -> None:
    """In a worker: index `items` into its own index directory, as segments of at most
    writing.segment_budget_bytes of pooled postings each."""
    ix = whoosh_index.create_in(directory, build_schema(facets))
    stems = Stems(directory)
    done = 0
    with collector_paused():
        writer = SegmentedWriter(ix, segment_budget_bytes(writers))
        try:
            for done, ((article, key), story, order) in enumerate(items, start=1):
                writer.add(article, key, story, stems, facets, order)
                if done % 50 == 0:
                    with counter.get_lock():
                        counter.value += 50
            writer.commit()
        except BaseException:
            writer.discard()
            raise
    with counter.get_lock():
        counter.value += done % 50
    stems.save()


class ParallelWriters:
    """Worker processes that index a fresh build's spooled articles while the build is still reading.

    The reindex hands out each chunk of articles as soon as their stories are known (publish); an idle worker
    takes the next chunk from a queue. Forked before the reindex has read anything, the workers share none of
    its memory. Handing out fixed halves after all stories were found left the cores half idle for the 12
    minutes the stories of 1M articles took, and one worker writing alone at the end."""

    def __init__(self, spool: ArticleSpool, building: Path, workers: int, expected: int,
                 progress: Callable[[int], object] | None = None, facets: FacetRegistry = FACETS) -> None:
        self.spool = spool
        self.building = building
        self.progress = progress
        self.chunk_size = chunk_size(expected, workers)
        self.published = 0  # articles handed out
        self.reported = 0
        context = multiprocessing.get_context("fork")
        self.counter = context.Value("q", 0)
        self.queue = context.Queue()
        self.parts = [building / f".part-{n}" for n in range(workers)]
        self.processes = []
        self.pipes = []
        gc.freeze()  # the workers' collections leave the reindex's objects alone: their pages stay shared
        try:
            with forking():
                for part in self.parts:
                    part.mkdir()
                    receiver, sender = context.Pipe(duplex=False)
                    process = context.Process(target=_run_part, args=(
                        partial(_claimed, spool.path, self.queue), str(part), self.counter, workers, os.getpid(),
                        sender, facets))
                    process.start()
                    sender.close()
                    self.processes.append(process)
                    self.pipes.append(receiver)
        except BaseException:
            self.__exit__()  # the workers already started are not left waiting for work
            raise
        finally:
            gc.unfreeze()

    def __enter__(self) -> "ParallelWriters":
        return self

    def __exit__(self, *failure) -> None:
        stop(self.processes)
        self.queue.cancel_join_thread()  # what no worker took is dropped, not waited for
        self.queue.close()
        for part in self.parts:
            shutil.rmtree(part, ignore_errors=True)
        for receiver in self.pipes:
            receiver.close()

    def publish(self, stories: list[str]) -> None:
        """Hand out every whole chunk of the spooled articles whose stories (`stories`, in spool order) are
        known and that no worker was given yet."""
        while len(stories) - self.published >= self.chunk_size:
            self._hand_out(stories, self.published + self.chunk_size)

    def finish(self, stories: list[str], stems: Stems | None = None) -> None:
        """Hand out the rest, wait for the workers, and list their segments in the index at `building`."""
        self.publish(stories)
        if len(stories) > self.published:
            self._hand_out(stories, len(stories))  # the last chunk, smaller than the others
        for _ in self.processes:
            self.queue.put(None)
        while any(process.is_alive() for process in self.processes):
            time.sleep(POLL_SECONDS)
            self._report()
        self._report()
        _raise_failure(self.processes, self.pipes)
        _combine(self.building, self.parts, stems)

    def _hand_out(self, stories: list[str], end: int) -> None:
        if any(process.exitcode not in (None, 0) for process in self.processes):
            _raise_failure(self.processes, self.pipes)  # a worker failed: stop reading now
        self.spool.flush()
        start = self.published
        self.queue.put((self.spool.offset(start), end - start, stories[start:end], start + 1))
        self.published = end
        self._report()

    def _report(self) -> None:
        self.reported = _report(self.counter, self.reported, self.progress)


def _raise_failure(processes, pipes) -> None:
    """Raise what made a worker fail: its OSError as such (a full disk stays a full disk), else WorkerFailed."""
    failed = [(process, receiver) for process, receiver in zip(processes, pipes) if process.exitcode != 0]
    if not failed:
        return
    for process, receiver in failed:
        if receiver.poll():
            kind, number, message, filename = receiver.recv()
            if kind == "os":
                raise OSError(number, message, filename)
            raise WorkerFailed(f"an indexing worker failed: {message}")
    codes = [process.exitcode for process, _ in failed]
    raise WorkerFailed(f"{len(failed)} indexing worker(s) ended without finishing (exit codes {codes})")


def _report(counter, reported: int, progress) -> int:
    value = counter.value
    if progress and value > reported:
        progress(value - reported)
    return value


def _combine(building: Path, parts: list[Path], stems: Stems | None = None) -> None:
    """Move every part's segment files into `building` and write one TOC listing all the segments."""
    segments = []
    pattern = re.compile(rf"^{INDEX_NAME}_[0-9a-z]+\.")
    for part in parts:
        segments.extend(whoosh_index.open_dir(str(part))._read_toc().segments)
        for entry in part.iterdir():
            if pattern.match(entry.name):
                os.replace(entry, building / entry.name)
        if stems is not None:  # what the workers' articles brought
            stems.merge(part / STEM_CACHE)
    storage = FileStorage(str(building))
    current = whoosh_index.open_dir(str(building))._read_toc()
    TOC(current.schema, current.segments + segments, current.generation + 1).write(storage, INDEX_NAME)
