"""Index a large batch of articles on every core: each worker process writes its own Whoosh segment,
then the segments are moved into one index and listed in one table of contents.

Whoosh's own multiprocess writer was measured slower than one process and crashed at 100k articles
(../shared/STYLE.md); here the workers share nothing but their input (inherited when the process forks).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import time
from pathlib import Path
from typing import Callable

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

from .analysis import load_stem_cache, save_stem_cache
from .articles import Article
from .schema import build_schema
from .writing import add_article, collector_paused, open_writer

INDEX_NAME = "MAIN"
POLL_SECONDS = 0.2


class WorkerFailed(RuntimeError):
    """A worker process ended without finishing its part of the index."""


def _write_part(batch: list[tuple[Article, str]], directory: str, counter, writers: int) -> None:
    """In a worker: index one part of the batch into its own index directory."""
    ix = whoosh_index.create_in(directory, build_schema())
    with collector_paused():
        writer = open_writer(ix, writers)
        for done, (article, key) in enumerate(batch, start=1):
            add_article(writer, article, key)
            if done % 50 == 0:
                with counter.get_lock():
                    counter.value += 50
        writer.commit()
    with counter.get_lock():
        counter.value += len(batch) % 50
    save_stem_cache(Path(directory) / "stems.tsv")


def write_in_parallel(batch: list[tuple[Article, str]], building: Path, workers: int,
                      progress: Callable[[int], object] | None = None) -> None:
    """Index `batch` (article, content key) into the empty index at `building`, using `workers` processes."""
    context = multiprocessing.get_context("fork")
    counter = context.Value("q", 0)
    parts = [building / f".part-{n}" for n in range(workers)]
    size = -(-len(batch) // workers)
    processes = []
    for n, part in enumerate(parts):
        part.mkdir()
        part_batch = batch[n * size:(n + 1) * size]
        process = context.Process(target=_write_part, args=(part_batch, str(part), counter, workers))
        process.start()
        processes.append(process)
    reported = 0
    try:
        while any(process.is_alive() for process in processes):
            time.sleep(POLL_SECONDS)
            reported = _report(counter, reported, progress)
        _report(counter, reported, progress)
        failed = [process.exitcode for process in processes if process.exitcode != 0]
        if failed:
            raise WorkerFailed(f"{len(failed)} indexing worker(s) failed (exit codes {failed})")
        _combine(building, parts)
    finally:
        for process in processes:
            if process.is_alive():
                process.kill()
            process.join()
        for part in parts:
            shutil.rmtree(part, ignore_errors=True)


def _report(counter, reported: int, progress) -> int:
    value = counter.value
    if progress and value > reported:
        progress(value - reported)
    return value


def _combine(building: Path, parts: list[Path]) -> None:
    """Move every part's segment files into `building` and write one TOC listing all the segments."""
    segments = []
    pattern = re.compile(rf"^{INDEX_NAME}_[0-9a-z]+\.")
    for part in parts:
        segments.extend(whoosh_index.open_dir(str(part))._read_toc().segments)
        for entry in part.iterdir():
            if pattern.match(entry.name):
                os.replace(entry, building / entry.name)
        load_stem_cache(part / "stems.tsv")
    storage = FileStorage(str(building))
    current = whoosh_index.open_dir(str(building))._read_toc()
    TOC(current.schema, current.segments + segments, current.generation + 1).write(storage, INDEX_NAME)
