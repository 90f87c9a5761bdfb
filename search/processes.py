"""Worker processes that never outlive the process that forked them, and leave Ctrl-C to it.

A reindex killed with SIGKILL must not leave workers running (they would hold files and CPU for minutes):
on Linux the kernel kills a worker when its parent dies (PR_SET_PDEATHSIG), elsewhere a watchdog thread
notices that its parent changed.

A terminal's Ctrl-C sends SIGINT to the whole process group, workers included. Workers ignore it: the
reindex alone is interrupted, and it kills its workers itself (stop). Workers that took it printed one
`KeyboardInterrupt` traceback each (1 to 4 per Ctrl-C), and one killed while it held the lock of the queue
it read from left multiprocessing.Pool.terminate() waiting for that lock forever: 3 reindexes in 12 hung,
keeping the reindex lock (trial 9). Workers stopped early are therefore killed, not asked through a queue,
and nothing the reindex waits for is ever held by a worker (Workers, not Pool).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from .errors import IndexWriteError

WATCHDOG_SECONDS = 0.5
POLL_SECONDS = 0.2  # how often a reindex waiting for its workers checks that they are alive
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class WorkerLost(IndexWriteError):
    """A worker process ended before it gave back what it was asked for."""


def die_with_parent(parent: int) -> None:
    """In a forked worker: end when process `parent` ends, whichever way it ends (SIGKILL included)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watchdog below still ends the worker, within WATCHDOG_SECONDS
    if os.getppid() != parent:  # the parent died before the kernel was asked to tell us
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


@contextmanager
def forking() -> Iterator[None]:
    """Around forking workers: SIGINT stays blocked in this thread, so each worker starts with it blocked and
    a Ctrl-C that comes before it ignores SIGINT (become_worker) is dropped there, not raised. This process
    gets that Ctrl-C as soon as the forks are done."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def become_worker(parent: int) -> None:
    """In a worker forked within forking(): ignore Ctrl-C (the parent stops us), and die with `parent`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # drops a SIGINT that came since the fork, still blocked
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    die_with_parent(parent)


def stop(processes: list) -> None:
    """Kill the workers still running and reap them all. SIGKILL, not a message: a worker busy with a long
    task, or one that waits for a lock a dead one holds, ends at once all the same."""
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join()


class Workers:
    """`count` forked processes applying `function` to each item of the lists given to map(), a list cut in
    tasks of `chunk` items that idle workers take from a queue; results(ticket) gives one list's results in
    its order, raising what `function` raised.

    In place of multiprocessing.Pool, whose terminate() first takes the lock of the queue its workers read,
    which an idle worker holds while it waits: one that was killed holds it forever. Here only the workers
    read the tasks and only this process reads the results; a worker that dies is noticed, not waited for."""

    def __init__(self, function: Callable, count: int, chunk: int) -> None:
        context = multiprocessing.get_context("fork")
        self.chunk = chunk
        self.tasks = context.Queue()  # (ticket, part, items)
        self.done = context.Queue()  # (ticket, part, results, or the exception raised)
        self.expected: dict[int, int] = {}  # ticket -> parts handed out
        self.arrived: dict[int, dict[int, list]] = {}  # ticket -> part -> results
        self.tickets = 0
        self.processes = []
        try:
            with forking():
                for _ in range(count):
                    process = context.Process(target=_serve, args=(function, self.tasks, self.done, os.getpid()))
                    process.start()
                    self.processes.append(process)
        except BaseException:
            self.close()  # the workers already started are not left waiting for work
            raise

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *failure) -> None:
        self.close()

    def map(self, items: list) -> int:
        """Hand out `items`; the ticket to ask results() for theirs."""
        ticket, self.tickets = self.tickets, self.tickets + 1
        starts = range(0, len(items), self.chunk)
        for part, start in enumerate(starts):
            self.tasks.put((ticket, part, items[start:start + self.chunk]))
        self.expected[ticket], self.arrived[ticket] = len(starts), {}
        return ticket

    def results(self, ticket: int) -> list:
        """The results of map(items) that gave `ticket`, in the order of `items` (waits for them)."""
        arrived = self.arrived[ticket]
        while len(arrived) < self.expected[ticket]:
            self._receive()
        del self.arrived[ticket], self.expected[ticket]
        return [result for part in sorted(arrived) for result in arrived[part]]

    def _receive(self) -> None:
        try:
            ticket, part, results = self.done.get(timeout=POLL_SECONDS)
        except queue.Empty:
            ended = [process.exitcode for process in self.processes if process.exitcode is not None]
            if ended:
                raise WorkerLost(f"{len(ended)} worker process(es) ended unexpectedly (exit codes {ended})")
            return
        if isinstance(results, BaseException):
            raise results
        self.arrived[ticket][part] = results

    def close(self) -> None:
        stop(self.processes)
        for channel in (self.tasks, self.done):
            channel.cancel_join_thread()  # tasks no worker took are dropped, not waited for
            channel.close()


def _serve(function: Callable, tasks, done, parent: int) -> None:
    """A worker's body: results of each task (or the exception that stopped it), until it is killed."""
    become_worker(parent)
    while True:
        ticket, part, items = tasks.get()
        try:
            results = [function(item) for item in items]
        except Exception as error:  # raised by results() in the reindex, as Pool raised it
            results = error
        done.put((ticket, part, results))
