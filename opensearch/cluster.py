"""Start or stop Warta's development OpenSearch cluster: three nodes from Maven Central's jars, on 127.0.0.1.

    python opensearch/cluster.py start [--nodes 3] [--heap 512m] [--http-port 9250] [--timeout 180]
    python opensearch/cluster.py stop
    python opensearch/cluster.py status

`start` builds the launcher (`mvn package`, jars resolved by `pom.xml`), starts each node as its own JVM with
its data under a fresh temporary directory, records the pids in `opensearch/.run/state.json`, waits for
green health and prints the URL. `stop` signals those pids (TERM, then KILL after a grace period) and removes
the data. Exit codes: 0 done, 1 a step failed (one line on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUN_DIR = Path(os.environ.get("WARTA_OPENSEARCH_RUN_DIR") or HERE / ".run")  # another for a second cluster
STATE = RUN_DIR / "state.json"
LAUNCHER = "warta.ClusterNode"
TRANSPORT_OFFSET = 100  # transport port = HTTP port + 100
STOP_GRACE_S = 20


class ClusterError(Exception):
    """A step of starting or stopping the cluster failed; the message says which."""


def build_classpath() -> str:
    """Compile the launcher and copy its dependencies once; later calls reuse target/."""
    jar = HERE / "target" / "warta-opensearch-node-1.jar"
    lib = HERE / "target" / "lib"
    pom = HERE / "pom.xml"
    sources = list((HERE / "src").rglob("*.java"))
    stale = not jar.exists() or not lib.is_dir() or any(
        p.stat().st_mtime > jar.stat().st_mtime for p in [pom, *sources])
    if stale:
        if shutil.which("mvn") is None or shutil.which("java") is None:
            raise ClusterError("java and mvn are needed to run the OpenSearch cluster")
        command = ["mvn", "-q", "-B", "-f", str(pom), "package", "dependency:copy-dependencies",
                   "-DskipTests", f"-DoutputDirectory={lib}"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
            raise ClusterError("mvn package failed: " + " | ".join(tail))
    return f"{jar}{os.pathsep}{lib}/*"


def health(url: str, timeout: float = 2.0) -> dict | None:
    """The cluster's health document, or None while it does not answer."""
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=timeout) as answer:
            return json.load(answer)
    except (OSError, urllib.error.URLError, ValueError, http.client.HTTPException):  # not (yet) an HTTP port
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_state() -> dict | None:
    try:
        return json.loads(STATE.read_text())
    except (OSError, ValueError):
        return None


def start(nodes: int, heap: str, http_port: int, timeout: float) -> str:
    state = read_state()
    if state and any(alive(n["pid"]) for n in state["nodes"]):
        url = state["url"]
        if (health(url) or {}).get("status") == "green":
            return url
        raise ClusterError(f"a cluster started earlier is still running but not green at {url}; "
                           "run `make opensearch-stop` first")
    classpath = build_classpath()
    data_root = Path(tempfile.mkdtemp(prefix="warta-opensearch-"))
    names = [f"warta-{i}" for i in range(nodes)]
    seeds = ",".join(f"127.0.0.1:{http_port + i + TRANSPORT_OFFSET}" for i in range(nodes))
    RUN_DIR.mkdir(exist_ok=True)
    records = []
    began = time.monotonic()
    for i, name in enumerate(names):
        home = data_root / name
        home.mkdir()
        log = open(home / "stdout.log", "wb")
        command = ["java", f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                   "-cp", classpath, LAUNCHER, name, str(http_port + i), str(http_port + i + TRANSPORT_OFFSET),
                   str(home), seeds, ",".join(names)]
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
        records.append({"name": name, "pid": process.pid, "http": http_port + i, "home": str(home)})
    url = f"http://127.0.0.1:{http_port}"
    STATE.write_text(json.dumps({"url": url, "data": str(data_root), "nodes": records}, indent=1))
    while time.monotonic() - began < timeout:
        dead = [n["name"] for n in records if not alive(n["pid"])]
        if dead:
            raise ClusterError(f"node {dead[0]} exited during start-up; see {data_root}/{dead[0]}/stdout.log")
        answer = health(url)
        if answer and answer.get("status") == "green" and answer.get("number_of_nodes") == nodes:
            elapsed = time.monotonic() - began
            print(f"OpenSearch cluster of {nodes} nodes green after {elapsed:.1f} s: {url}", file=sys.stderr)
            return url
        time.sleep(1)
    raise ClusterError(f"cluster not green after {timeout:.0f} s; logs under {data_root}")


def stop() -> int:
    """Stop the recorded nodes; returns how many were running."""
    state = read_state()
    if not state:
        return 0
    running = [n for n in state["nodes"] if alive(n["pid"])]
    for node in running:
        os.kill(node["pid"], signal.SIGTERM)
    deadline = time.monotonic() + STOP_GRACE_S
    while time.monotonic() < deadline and any(alive(n["pid"]) for n in running):
        time.sleep(0.2)
    for node in running:
        if alive(node["pid"]):
            os.kill(node["pid"], signal.SIGKILL)
    shutil.rmtree(state["data"], ignore_errors=True)
    STATE.unlink(missing_ok=True)
    return len(running)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    begin = sub.add_parser("start", help="start the nodes and wait for green health")
    begin.add_argument("--nodes", type=int, default=3)
    begin.add_argument("--heap", default="512m")
    begin.add_argument("--http-port", type=int, default=9250)
    begin.add_argument("--timeout", type=float, default=180)
    sub.add_parser("stop", help="stop the recorded nodes and remove their data")
    sub.add_parser("status", help="print the cluster's health")
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            if not 1 <= args.nodes <= 9 or not 1024 <= args.http_port <= 65000 - TRANSPORT_OFFSET - args.nodes:
                parser.error("--nodes must be 1-9 and --http-port 1024-64890")
            print(start(args.nodes, args.heap, args.http_port, args.timeout))
        elif args.command == "stop":
            print(f"stopped {stop()} node(s)", file=sys.stderr)
        else:
            state = read_state()
            answer = health(state["url"]) if state else None
            if answer is None:
                raise ClusterError("no cluster is answering")
            print(json.dumps(answer))
    except (ClusterError, OSError, subprocess.TimeoutExpired) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
