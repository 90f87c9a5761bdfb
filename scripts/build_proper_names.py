"""Build search/data/proper_names.txt: place and person name words that Sastrawi would stem into other words.

    python scripts/build_proper_names.py [--shared ../shared]

Sources (facts and lists, see ../shared/README.md): the province and kabupaten/kota names, country names
from search/extract/data/countries.txt, and the PER tokens of the idner-news-2k training set. A word is kept
only when Sastrawi changes it (`bali` → `bal`) and the NER set never writes it in lower case as an ordinary
word (so `bagian` stays stemmable).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.analysis import _sastrawi  # noqa: E402

WORD = re.compile(r"^[a-z]{3,}$")


def place_words(shared: Path) -> set[str]:
    words: set[str] = set()
    with (shared / "gazetteers" / "provinsi_kabkota.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = re.sub(r"^(Kabupaten|Kota)( Administrasi)? ", "", row["nama"].strip())
            words.update(word.lower() for word in name.split())
    countries = (ROOT / "search" / "extract" / "data" / "countries.txt").read_text(encoding="utf-8")
    words.update(word.lower() for line in countries.splitlines() if not line.startswith("#") for word in line.split())
    return words


def ner_tokens(shared: Path) -> tuple[set[str], set[str]]:
    """(words tagged as person names, words written in lower case outside any name) in the NER training set."""
    persons: Counter[str] = Counter()
    ordinary: set[str] = set()
    for line in (shared / "ner" / "idner-train.conll").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        token, tag = parts[0], parts[-1]
        if tag.endswith("PER"):
            persons[token.lower()] += 1
        elif tag == "O" and token.islower():
            ordinary.add(token)
    return set(persons), ordinary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    stemmer = _sastrawi()
    persons, ordinary = ner_tokens(args.shared)
    candidates = {word for word in place_words(args.shared) | persons if WORD.match(word) and word not in ordinary}
    protected = sorted(word for word in candidates if stemmer.stem(word) != word)
    target = ROOT / "search" / "data" / "proper_names.txt"
    target.write_text("# Place and person name words kept unstemmed (built by scripts/build_proper_names.py).\n"
                      + "\n".join(protected) + "\n", encoding="utf-8")
    print(f"{len(protected)} words written to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
