"""One reindex per alias on an OpenSearch cluster: a lease document, renewed while the reindex runs.

The Whoosh indexer's lock is an flock that dies with its process (search/generations.py). A cluster has no
such thing, so two `warta reindex --backend opensearch` runs, from one machine or two, would both write the
live index (or both swap the alias). The lock is a document in the index `<alias>.lock`:

- taking it is a `create` of the document, which only one writer can win (409 for the others);
- its holder renews it every RENEW_S seconds from a thread, with `if_seq_no`/`if_primary_term`, so a lease
  that was taken over is never written again by its old holder;
- a lease not renewed for STALE_S seconds was left by a killed reindex: the next reindex takes it over (the
  same optimistic write: of two takers, one wins) and says so;
- a holder that lost its lease (it stalled past STALE_S and another reindex took over) finds out at its
  next renewal, and its build refuses to swap the alias (`check`).

Staleness compares the holder's clock with the taker's: hosts whose clocks differ by more than STALE_S would
misjudge it.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

from ..errors import BackendUnavailableError, IndexBusyError, WartaError

if TYPE_CHECKING:
    from .opensearch import OpenSearchBackend

RENEW_S = 10.0
STALE_S = 60.0
LEASE_ID = "reindex"
TAKE_ATTEMPTS = 3  # a lease released between our create and our read is created again, this many times
LOCK_COPIES_WAIT_S = 30  # the cluster's wait for the lock index's copies to be in place; then it answers
# with the health as it stands (timed out) and the reindex goes on from the primary
CREATE_ATTEMPTS = 3  # a lock index that lost its primary while it started is made again this often


def lock_copies_usable(health: dict[str, Any]) -> bool:
    """Whether the lock index's health, waited for, lets a lease be written and read: its primary started
    (yellow or green). A copy the cluster delays placing (a node left a minute ago) is not waited for further
    (CI's fault test); a lost primary (red, a node killed while the new index started) is."""
    return health.get("status") in ("yellow", "green")


def lock_index(alias: str) -> str:
    return f"{alias}.lock"


def holder_name() -> str:
    return f"{socket.gethostname()} pid {os.getpid()}"


class ClusterLease:
    """`with ClusterLease(backend, say):` holds the alias's reindex lease for the block, or raises
    IndexBusyError naming the reindex that holds it."""

    def __init__(self, backend: "OpenSearchBackend", say: Callable[[str], None] = lambda line: None,
                 renew_s: float = RENEW_S, stale_s: float = STALE_S, clock: Callable[[], float] = time.time,
                 copies_wait_s: int = LOCK_COPIES_WAIT_S) -> None:
        self.backend, self.say = backend, say
        self.copies_wait_s = copies_wait_s
        self.renew_s, self.stale_s, self.clock = renew_s, stale_s, clock
        self.index = lock_index(backend.alias)
        self.holder = holder_name()
        self.version: tuple[int, int] | None = None  # (seq_no, primary_term) of our last write
        self.lost = False
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    # -- taking and giving back -----------------------------------------------------------------------
    def __enter__(self) -> "ClusterLease":
        self.acquire()
        self._renewer = threading.Thread(target=self._renew_until_stopped, name="warta-lease", daemon=True)
        self._renewer.start()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        self.release()

    def acquire(self) -> None:
        from opensearchpy import exceptions

        self._ensure_index()
        started = self.clock()
        body = {"holder": self.holder, "started": started, "renewed": started}
        for _ in range(TAKE_ATTEMPTS):
            try:
                answer = self.backend.call(lambda c: c.create(index=self.index, id=LEASE_ID, body=body),
                                           expected=(exceptions.ConflictError,))
            except exceptions.ConflictError:
                answer = self._take_over(body)
            if answer is not None:
                self.version = (answer["_seq_no"], answer["_primary_term"])
                return
        raise IndexBusyError(f"the reindex lock of {self.backend.alias} keeps changing hands; try again")

    def _take_over(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """The lease another reindex holds: taken over when it went stale, else IndexBusyError; None when it
        was released meanwhile (create it again). A lease this very attempt wrote is its own (a retried create)."""
        from opensearchpy import exceptions

        try:
            found = self.backend.call(lambda c: c.get(index=self.index, id=LEASE_ID),
                                      expected=(exceptions.NotFoundError,))
        except exceptions.NotFoundError:
            return None
        held = found["_source"]
        if held.get("holder") == body["holder"] and held.get("started") == body["started"]:
            return found  # our own create, whose answer a dying node lost before the client asked again: ours
        idle = self.clock() - float(held.get("renewed", 0))
        if idle < self.stale_s:
            raise IndexBusyError(f"another reindex of {self.backend.alias} is running on the cluster "
                                 f"({held.get('holder', 'unknown')}, renewed {idle:.0f} s ago); "
                                 "try again when it ends")
        try:
            answer = self.backend.call(lambda c: c.index(index=self.index, id=LEASE_ID, body=body,
                                                         if_seq_no=found["_seq_no"],
                                                         if_primary_term=found["_primary_term"]),
                                       expected=(exceptions.ConflictError,))
        except exceptions.ConflictError:
            raise IndexBusyError(f"another reindex of {self.backend.alias} took over a stale lock first; "
                                 "try again when it ends") from None
        self.say(f"took over the reindex lock of {held.get('holder', 'unknown')}, not renewed for {idle:.0f} s")
        return answer

    def release(self) -> None:
        """Delete the lease, if it is still ours."""
        from opensearchpy import exceptions

        if self.version is None or self.lost:
            return
        seq_no, term = self.version
        self.version = None
        try:
            self.backend.call(lambda c: c.delete(index=self.index, id=LEASE_ID,
                                                 if_seq_no=seq_no, if_primary_term=term),
                              expected=(exceptions.ConflictError, exceptions.NotFoundError))
        except (exceptions.ConflictError, exceptions.NotFoundError):
            pass  # taken over meanwhile: the new holder's now
        except (WartaError, exceptions.TransportError) as error:  # the work is done: the lease expires by itself
            self.say(f"the reindex lock could not be released ({error}); it expires {self.stale_s:.0f} s after "
                     "its last renewal")

    # -- keeping it ---------------------------------------------------------------------------------
    def renew(self) -> None:
        """Write the lease's time again, only over our own last write."""
        from opensearchpy import exceptions

        if self.version is None or self.lost:
            return
        seq_no, term = self.version
        body = {"doc": {"renewed": self.clock()}}
        try:
            answer = self.backend.call(lambda c: c.update(index=self.index, id=LEASE_ID, body=body,
                                                          if_seq_no=seq_no, if_primary_term=term),
                                       expected=(exceptions.ConflictError, exceptions.NotFoundError))
        except (exceptions.ConflictError, exceptions.NotFoundError):
            self.lost = True
            return
        self.version = (answer["_seq_no"], answer["_primary_term"])

    def check(self) -> None:
        """Raise IndexBusyError when another reindex took the lease over: this one must not publish."""
        if self.lost:
            raise IndexBusyError(f"this reindex of {self.backend.alias} stalled for over {self.stale_s:.0f} s and "
                                 "another took its lock over; its work was not published")

    def _renew_until_stopped(self) -> None:
        while not self._stop.wait(self.renew_s):
            try:
                self.renew()
            except Exception:  # noqa: BLE001 - a passing failure to reach the cluster: try again next round
                continue

    def _ensure_index(self) -> None:
        """The lock index, each copy in place (or waited for as long as the cluster waits) before a lease is
        written. One whose primary is lost (red: a node died while the new index's copies were starting) can
        hold no readable lease; it is made again, CREATE_ATTEMPTS times at most."""
        for _ in range(CREATE_ATTEMPTS):
            self._create_index()
            if lock_copies_usable(self._wait_for_copies()):
                return
            self.say(f"the reindex lock index {self.index} lost its only copy as it started; it is made again")
            self.backend.call(lambda c: c.indices.delete(index=self.index, ignore=[404]))
        raise BackendUnavailableError(f"the reindex lock index {self.index} lost its primary {CREATE_ATTEMPTS} "
                                      "times while it started: the OpenSearch cluster is losing nodes")

    def _create_index(self) -> None:
        from opensearchpy import exceptions

        # A copy on every node, each in place before the lease is written: a node dying as a reindex starts
        # leaves the lock readable and writable (CI: the node holding a fresh lock index's only started copy was
        # killed 3 s into a reindex, and the lease's create timed out on the red index twice)
        body = {"settings": {"number_of_shards": 1, "auto_expand_replicas": "0-all"},
                "mappings": {"dynamic": False, "properties": {"renewed": {"type": "double"}}}}
        try:
            self.backend.call(lambda c: c.indices.create(index=self.index, body=body, wait_for_active_shards="all"),
                              expected=(exceptions.RequestError,))
        except exceptions.RequestError as error:
            if error.error != "resource_already_exists_exception":
                raise self.backend.warta_error(error) from None
            # made by another reindex a moment ago, or by our own create whose answer a dying node lost

    def _wait_for_copies(self) -> dict[str, Any]:
        """The lock index's health once every copy is in place or the cluster's wait ran out (408, answered
        with the health as it stands): two reindexes started together then meet at the lease (one waiting for
        the copies while the other ran and finished would both run, one after the other)."""
        return self.backend.call(lambda c: c.cluster.health(
            index=self.index, params={"wait_for_active_shards": "all", "timeout": f"{self.copies_wait_s}s"},
            request_timeout=self.copies_wait_s + 10, ignore=408))
