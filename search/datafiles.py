"""Read the word lists shipped inside the package: one entry a line, `#` starts a comment line."""

from __future__ import annotations

from importlib import resources


def read_lines(name: str, package: str = "search.data") -> list[str]:
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
