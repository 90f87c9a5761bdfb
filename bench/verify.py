"""What verifying a generation on open costs: generations.verify (sampled hashes of unchanged files over 1 MB)
against hashing every byte, on an index built earlier (e.g. by bench/incremental.py --workdir DIR).

    python bench/verify.py --index DIR/index [--repeat 15]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from search.generations import CURRENT, checked_files, verify  # noqa: E402


def milliseconds(run, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True, help="an index root holding `current`")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    generation = (args.index / CURRENT).resolve()
    files = checked_files(generation)
    print(f"{generation.name}: {len(files)} files, {sum(f.stat().st_size for f in files) / 2**20:.1f} MB")
    if not verify(generation):
        sys.exit("this generation has no checksums.json (written before checksums): nothing to measure")

    def whole() -> None:
        for path in files:
            hashlib.sha1(path.read_bytes()).hexdigest()

    for label, run in (("verify (as on open)", lambda: verify(generation)), ("every byte hashed", whole)):
        times = milliseconds(run, args.repeat)
        print(f"{label:22} median {statistics.median(times):7.1f} ms   max {max(times):7.1f} ms")


if __name__ == "__main__":
    main()
