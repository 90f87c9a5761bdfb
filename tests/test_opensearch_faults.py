"""A node of a 3-node cluster killed (SIGKILL) under query load and during a reindex, on an index of 3
shards with 1 replica: every query still answers, the reindex completes, no article is lost.

Each test starts its own cluster (HTTP ports 9450-9452, its own run directory) and stops it, so the shared test
cluster is never harmed. Bounded in time: start-up, 60 s of load, one reindex.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from search.backends import BackendSettings, open_backend
from search.query import SearchRequest

from .conftest import ROOT

CLUSTER = ROOT / "opensearch" / "cluster.py"
HTTP_PORT = 9450  # transport 9550-9552: clear of the test cluster (9250-9252, 9350-9352)
LOAD_SECONDS = 60
KILL_AFTER_S = 15
SLOW_MS = 2000
WORDS = ("banjir jalan warga bupati rapat anggaran sekolah pasar kebakaran desa jembatan pupuk panen sapi "
         "gubernur polisi camat rumah sakit vaksin kereta bandara pelabuhan nelayan petani guru").split()


@pytest.fixture()
def cluster(tmp_path):
    if shutil.which("java") is None or shutil.which("mvn") is None:
        pytest.skip("the OpenSearch tests need java and mvn (the cluster runs from Maven Central's jars)")
    environment = {**os.environ, "WARTA_OPENSEARCH_RUN_DIR": str(tmp_path / "run")}
    started = subprocess.run([sys.executable, str(CLUSTER), "start", "--http-port", str(HTTP_PORT)],
                             capture_output=True, text=True, timeout=600, env=environment)
    assert started.returncode == 0, started.stderr
    state = json.loads((tmp_path / "run" / "state.json").read_text())
    try:
        yield state
    finally:
        subprocess.run([sys.executable, str(CLUSTER), "stop"], capture_output=True, timeout=120, env=environment)


def backend_of(state: dict):
    urls = ",".join(f"http://127.0.0.1:{node['http']}" for node in state["nodes"])
    return open_backend(BackendSettings("opensearch", opensearch_url=urls, opensearch_alias="warta-faults",
                                        shards=3, replicas=1))


def write_articles(folder, count: int) -> None:
    chooser = random.Random(7)
    lines = []
    for number in range(count):
        words = " ".join(chooser.choice(WORDS) for _ in range(60))
        lines.append(json.dumps({"url": f"https://contoh.id/{number}", "title": f"Berita {number} {chooser.choice(WORDS)}",
                                 "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}", "body": words}))
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def kill_later(node: dict, seconds: float) -> threading.Timer:
    timer = threading.Timer(seconds, lambda: os.kill(node["pid"], signal.SIGKILL))
    timer.start()
    return timer


def test_queries_keep_answering_when_a_node_dies(cluster, tmp_path):
    write_articles(tmp_path, 2000)
    backend = backend_of(cluster)
    assert backend.reindex([str(tmp_path / "articles.jsonl")]).indexed == 2000
    expected = {word: backend.search(SearchRequest(q=word, collapse=False))["total"] for word in WORDS[:8]}
    victim = cluster["nodes"][1]
    errors, timings = [], []
    stop = time.monotonic() + LOAD_SECONDS

    def load(seed: int) -> None:
        chooser = random.Random(seed)
        while time.monotonic() < stop:
            word = chooser.choice(list(expected))
            started = time.perf_counter()
            try:
                total = backend.search(SearchRequest(q=word, collapse=False))["total"]
                if total != expected[word]:
                    errors.append(f"{word}: {total} != {expected[word]}")
            except Exception as error:  # any failure is what this test counts
                errors.append(repr(error))
            timings.append((time.perf_counter() - started) * 1000)

    killer = kill_later(victim, KILL_AFTER_S)
    clients = [threading.Thread(target=load, args=(seed,)) for seed in range(4)]
    for client in clients:
        client.start()
    for client in clients:
        client.join(LOAD_SECONDS + 120)
    killer.join()
    slow = sum(1 for ms in timings if ms > SLOW_MS)
    assert errors == []
    assert len(timings) > 100 and slow / len(timings) <= 0.01, (slow, len(timings))
    backend.close()


def test_a_reindex_completes_without_losing_articles_when_a_node_dies(cluster, tmp_path):
    write_articles(tmp_path, 4000)
    backend = backend_of(cluster)
    victim = cluster["nodes"][2]
    killer = kill_later(victim, 3)
    report = backend.reindex([str(tmp_path / "articles.jsonl")])
    killer.join()
    assert report.indexed == 4000 and not any(n.startswith("not indexed") for n in report.notices)
    assert backend.search(SearchRequest(collapse=False))["total_articles"] == 4000
    counted = backend.call(lambda c: c.count(index=backend.alias))["count"]
    assert counted == 4000
    backend.close()
