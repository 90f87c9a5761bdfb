import gc
import re
import signal
import subprocess
import sys

import pytest

from search import entry

from .conftest import ROOT

# Runs the console script's target as the installed `warta` does (import the module, call the function), with a
# Ctrl-C while search.cli is being imported: the 0.3 to 1.2 s of numpy and Whoosh that trial 40 interrupted.
CTRL_C_WHILE_IMPORTING_CLI = """
import os, signal, sys
from importlib import import_module


class CtrlCOnImport:
    def find_spec(self, name, path=None, target=None):
        if name == "search.cli":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, CtrlCOnImport())
module, function = sys.argv[1].split(":")
sys.argv = ["warta", *sys.argv[2:]]
sys.exit(getattr(import_module(module), function)())
"""


def console_script() -> str:
    """pyproject.toml's target of the `warta` command, `module:function`."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^warta = "([\w.]+:\w+)"', text, re.MULTILINE).group(1)


@pytest.mark.parametrize("argv", [["--help"], ["search", "presiden", "--index", "nowhere"]])
def test_a_ctrl_c_while_the_program_imports_is_one_line_and_exit_130(argv):
    completed = subprocess.run([sys.executable, "-c", CTRL_C_WHILE_IMPORTING_CLI, console_script(), *argv],
                               capture_output=True, text=True, timeout=60,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # as a shell starts it
    assert (completed.returncode, completed.stderr, completed.stdout) == (130, "warta: interrupted\n", "")


def test_the_console_script_runs_a_command(tmp_path):
    completed = subprocess.run([sys.executable, "-c", f"import sys; from {console_script().replace(':', ' import ')} "
                                "as run; sys.exit(run())", "search", "x", "--index", str(tmp_path)],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1
    assert completed.stderr == f"warta search: no index at {tmp_path} (run `warta reindex` first)\n"


def test_a_ctrl_c_before_the_command_runs_is_one_line(capsys):
    def interrupted():
        raise KeyboardInterrupt  # as a Ctrl-C during the parser or the facet tables' loading

    assert entry.console(interrupted) == entry.EXIT_INTERRUPTED
    assert capsys.readouterr().err == "warta: interrupted\n"


def test_an_import_a_ctrl_c_broke_is_an_interruption_whatever_it_raised(capsys):
    def numpy_importing():
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:  # numpy's C import swallows it and raises its own error
            raise ImportError('PyCapsule_Import could not import module "datetime"') from None

    assert entry.console(numpy_importing) == entry.EXIT_INTERRUPTED
    assert capsys.readouterr().err == "warta: interrupted\n"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is put back


def test_an_error_without_a_ctrl_c_is_not_taken_for_one():
    def broken():
        raise ImportError("a real one")

    with pytest.raises(ImportError, match="a real one"):
        entry.console(broken)


def test_a_ctrl_c_ignored_where_warta_was_started_stays_ignored():
    seen = []
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as `nohup warta reindex` or `warta reindex &` in a script
    try:
        assert entry.console(lambda: seen.append(signal.getsignal(signal.SIGINT)) or 0) == 0
    finally:
        signal.signal(signal.SIGINT, previous)
        gc.unfreeze()  # console() freezes what exists, for a program about to exit
    assert seen == [signal.SIG_IGN]
