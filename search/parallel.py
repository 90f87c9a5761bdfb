"""Index a large batch of articles on every core: each worker process writes its own Whoosh segment,
then the segments are moved into one index and listed in one table of contents.

Whoosh's own multiprocess writer was measured slower than one process and crashed at 100k articles
(../shared/STYLE.md); here the workers share nothing but their input: an ArticleSpool, the batch pickled to
a file as it is read, each worker claiming chunks of it in turn (Batch), so that the reindex holds only the bodies while it
finds stories (1.3 GB at 1M articles, against 4 GB of Article objects kept until the fork before). Each
worker's own memory is its Whoosh pool, written out as a segment whenever it reaches its budget
(writing.SegmentedWriter, writing.segment_budget_bytes: 1.5 GB of postings each on this machine).

Workers die with the reindex that forked them: on Linux the kernel kills them when it dies
(PR_SET_PDEATHSIG), elsewhere a watchdog thread notices that their parent changed. They never hold the
reindex lock (generations.ReindexLock closes it in forked children), so a killed reindex frees it at once.
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
from pathlib import Path
from typing import Callable, Iterator

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from .analysis import STEM_CACHE, Stems
from .articles import Article
from .errors import IndexWriteError
from .facet_registry import FACETS, FacetRegistry
from .processes import die_with_parent
from .schema import build_schema
from .writing import SegmentedWriter, collector_paused, segment_budget_bytes

INDEX_NAME = "MAIN"
POLL_SECONDS = 0.2


class WorkerFailed(IndexWriteError):
    """A worker process ended without finishing its part of the index."""


class ArticleSpool:
    """A fresh build's articles with their content keys, pickled to `path` in reading order; any range of them
    read back in order (by each worker, from its own file handle). The file is deleted by close()."""

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

    def read(self, start: int, end: int) -> Iterator[tuple[Article, str]]:
        if start >= min(end, len(self)):
            return
        with self.path.open("rb") as handle:
            handle.seek(self._offsets[start])
            for _ in range(start, min(end, len(self))):
                yield pickle.load(handle)

    def close(self) -> None:
        self._file.close()
        self.path.unlink(missing_ok=True)


def _run_part(batch: "Batch", directory: str, counter, writers: int, parent: int, errors,
              facets: FacetRegistry = FACETS) -> None:
    """A worker's body: write its part, or send back why it could not (an OSError keeps its errno)."""
    die_with_parent(parent)
    try:
        _write_part(batch, directory, counter, writers, facets)
    except OSError as error:  # told to the reindex, which reports it in one line: no traceback here
        errors.send(("os", error.errno, error.strerror, error.filename))
        os._exit(1)
    except BaseException as error:
        errors.send(("other", None, f"{type(error).__name__}: {error}", None))
        raise


CHUNKS_PER_WORKER = 32  # work is handed out in this many chunks per worker, so that the workers end together


class Batch:
    """What the workers share: the spool, every article's story, and the index of the next chunk of them that
    no worker has claimed yet. Fixed halves left one worker writing alone for minutes at 1M articles."""

    def __init__(self, spool: ArticleSpool, stories: list[str], workers: int, context) -> None:
        self.spool = spool
        self.stories = stories
        self.chunk_size = max(1, -(-len(spool) // (workers * CHUNKS_PER_WORKER)))
        self._next_chunk = context.Value("q", 0)

    def claim(self) -> range | None:
        """The next unclaimed range of articles, or None when every one is claimed."""
        with self._next_chunk.get_lock():
            start = self._next_chunk.value * self.chunk_size
            if start >= len(self.spool):
                return None
            self._next_chunk.value += 1
        return range(start, min(start + self.chunk_size, len(self.spool)))

    def items(self) -> Iterator[tuple[tuple[Article, str], str]]:
        """Each claimed article (with its content key) and its story, chunk after chunk."""
        while (chunk := self.claim()) is not None:
            yield from zip(self.spool.read(chunk.start, chunk.stop), self.stories[chunk.start:chunk.stop])


def _write_part(batch: Batch, directory: str, counter, writers: int, facets: FacetRegistry = FACETS) -> None:
    """In a worker: index the chunks of spooled articles it claims into its own index directory, as segments
    of at most writing.segment_budget_bytes of pooled postings each."""
    ix = whoosh_index.create_in(directory, build_schema(facets))
    stems = Stems(directory)
    done = 0
    with collector_paused():
        writer = SegmentedWriter(ix, segment_budget_bytes(writers))
        try:
            for done, ((article, key), story) in enumerate(batch.items(), start=1):
                writer.add(article, key, story, stems, facets)
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


def write_in_parallel(spool: ArticleSpool, stories: list[str], building: Path, workers: int,
                      progress: Callable[[int], object] | None = None, stems: Stems | None = None,
                      facets: FacetRegistry = FACETS) -> None:
    """Index the spooled articles (article, content key), the i-th in story `stories[i]`, into the empty index
    at `building`, using `workers` processes."""
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)
    batch = Batch(spool, stories, workers, context)
    parts = [building / f".part-{n}" for n in range(workers)]
    processes = []
    pipes = []
    gc.freeze()  # the workers' collections leave the reindex's objects alone: their pages stay shared
    try:
        for part in parts:
            part.mkdir()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_run_part, args=(batch, str(part), counter, workers, os.getpid(),
                                                              sender, facets))
            process.start()
            sender.close()
            processes.append(process)
            pipes.append(receiver)
    finally:
        gc.unfreeze()
    reported = 0
    try:
        while any(process.is_alive() for process in processes):
            time.sleep(POLL_SECONDS)
            reported = _report(counter, reported, progress)
        _report(counter, reported, progress)
        _raise_failure(processes, pipes)
        _combine(building, parts, stems)
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)
        for receiver in pipes:
            receiver.close()


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
