"""A reentrant lock granted in the order it was asked for.

Python's own locks let the thread that releases one take it straight back: a search that holds the io lock
for a dozen short reads per query kept a search needing a thousand of them waiting for half a minute
(bench/prefix_bomb.py). Here a release hands the lock to the longest-waiting thread.
"""

from __future__ import annotations

import threading
from collections import deque


class FairLock:
    """Reentrant; first come, first served. Use as a context manager."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._waiting: deque[tuple[int, threading.Lock]] = deque()

    def acquire(self) -> None:
        me = threading.get_ident()
        with self._mutex:
            if self._owner == me:
                self._depth += 1
                return
            if self._owner is None:
                self._owner, self._depth = me, 1
                return
            turn = threading.Lock()
            turn.acquire()
            self._waiting.append((me, turn))
        turn.acquire()  # released by the thread that hands the lock over; then this thread owns it

    def release(self) -> None:
        with self._mutex:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a FairLock this thread does not hold")
            self._depth -= 1
            if self._depth:
                return
            if self._waiting:
                self._owner, turn = self._waiting.popleft()
                self._depth = 1
                turn.release()
            else:
                self._owner = None

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def __enter__(self) -> "FairLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
