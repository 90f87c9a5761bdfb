"""The `warta` program (pyproject.toml's console script): search.cli run with its Ctrl-C handler already in place.

Importing search.cli takes 0.3 to 1.2 s (numpy, Whoosh, the extractors): a Ctrl-C then, with the handler inside
search.cli, printed a KeyboardInterrupt traceback and exited -2 or 1 (trial 40). This module imports nothing of
Warta's, so only the interpreter's own start comes before the handler.
"""

from __future__ import annotations

import gc
import signal
import sys
from collections.abc import Callable  # not typing: 5 ms more before the handler is in place

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
INTERRUPTED = "warta: interrupted"  # before a command is known; a running command names itself


class CtrlC:
    """A SIGINT handler that raises KeyboardInterrupt, as Python's own does, and remembers that it did: numpy turns
    one landing inside its import into an ImportError ('PyCapsule_Import could not import module "datetime"')."""

    def __init__(self) -> None:
        self.pressed = False

    def __call__(self, signum, frame) -> None:
        self.pressed = True
        raise KeyboardInterrupt


def console(main: Callable[[], int] | None = None) -> int:
    """The `warta` program: search.cli.main() (imported once the handler is in place, unless given), then no
    collection of the process's objects at exit (gc.freeze). The interpreter's last collection took 0.45 s after a
    one-article reindex at a million articles, to free memory the exit returns anyway; tests call main() and keep
    collecting."""
    ctrl_c = CtrlC()
    previous = signal.getsignal(signal.SIGINT)
    own = previous is signal.default_int_handler and set_handler(ctrl_c)  # an ignored SIGINT stays ignored
    try:
        if main is None:
            from .cli import main
        code = main()
    except KeyboardInterrupt:
        return interrupted()
    except Exception:
        if not ctrl_c.pressed:
            raise
        return interrupted()  # an import the Ctrl-C broke, whatever it raised instead
    finally:
        if own:
            signal.signal(signal.SIGINT, previous)
    gc.freeze()
    return code


def set_handler(handler: Callable) -> bool:
    """Whether SIGINT now goes to `handler` (only the main thread can set one)."""
    try:
        signal.signal(signal.SIGINT, handler)
    except ValueError:
        return False
    return True


def interrupted() -> int:
    print(INTERRUPTED, file=sys.stderr)
    return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(console())
