import threading

import pytest

from search.fairlock import FairLock


def test_the_lock_goes_to_waiting_threads_in_the_order_they_asked():
    lock = FairLock()
    order: list[int] = []
    lock.acquire()
    threads = []
    for n in range(4):
        thread = threading.Thread(target=lambda n=n: (lock.acquire(), order.append(n), lock.release()))
        thread.start()
        while lock.waiting < n + 1:  # each one is queued before the next starts
            threading.Event().wait(0.001)
        threads.append(thread)
    lock.acquire()  # reentrant: the owner takes it again without waiting
    lock.release()
    assert order == []
    lock.release()
    for thread in threads:
        thread.join(timeout=10)
    assert order == [0, 1, 2, 3]
    assert lock.waiting == 0


def test_a_releasing_thread_cannot_take_the_lock_back_before_a_waiting_one():
    lock = FairLock()
    took: list[str] = []
    lock.acquire()
    other = threading.Thread(target=lambda: (lock.acquire(), took.append("other"), lock.release()))
    other.start()
    while lock.waiting < 1:
        threading.Event().wait(0.001)
    lock.release()
    with lock:  # queued behind the other thread, which was handed the lock on release
        took.append("me")
    other.join(timeout=10)
    assert took == ["other", "me"]


def test_releasing_a_lock_not_held_is_an_error():
    with pytest.raises(RuntimeError):
        FairLock().release()
