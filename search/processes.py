"""Worker processes that never outlive the process that forked them.

A reindex killed with SIGKILL must not leave workers running (they would hold files and CPU for minutes):
on Linux the kernel kills a worker when its parent dies (PR_SET_PDEATHSIG), elsewhere a watchdog thread
notices that its parent changed.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

WATCHDOG_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


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
