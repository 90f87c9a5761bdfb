"""`warta reindex | search | extract | serve`: parse arguments, call the library, turn errors into exit codes.

Exit codes: 0 success; 1 an error stopped the command; 2 bad command-line usage (also a value argparse
accepts but Warta cannot use: `--per-page 0`, `--from 0000`, an inverted date range);
3 the index was built but some inputs were rejected (each is listed on stderr); 130 interrupted (Ctrl-C);
143 a reindex stopped by SIGTERM, its unfinished build removed. `serve` stopped by SIGTERM ends as a process
killed by SIGTERM does (143 in a shell), once its workers are done.
"""

from __future__ import annotations

import argparse
import ipaddress
import itertools
import json
import os
import re
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import Callable, Iterator, Sequence

from .entry import EXIT_INTERRUPTED, console  # console: the script's target before entry.py (an older install)
from .errors import BadQueryError, WartaError
from .relaxation import MATCH_MODES

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_REJECTED_INPUTS = 3
EXIT_TERMINATED = 128 + signal.SIGTERM  # 143
MAX_PER_PAGE = 100  # as SearchRequest allows
MAX_THREADS = 64
MAX_WORKERS = 32
MAX_CONNECTIONS = 1000  # waitress's select() loop handles at most ~1,000 sockets
HOSTNAME = re.compile(r"(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*")


MAX_WHOLE = 999_999_999  # the largest number an option takes: nine digits


def whole(low: int, high: int | None = None) -> Callable[[str], int]:
    """An argparse `type=`: a whole number (ASCII digits) from `low` to `high`; anything else is bad usage."""
    def parse(text: str) -> int:
        number = int(text) if re.fullmatch(r"-?[0-9]{1,9}", text) else None
        if number is None or number < low or (high is not None and number > high):
            span = f"from {low} to {high if high is not None else MAX_WHOLE}"  # nine digits at most
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number {span}")
        return number
    parse.__name__ = "number"
    return parse


def a_path(text: str) -> str:
    """An argparse `type=` for a file, directory or --index: an empty one (an unset shell variable, `--index ''`)
    is bad usage, not the current directory."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path (is a shell variable unset?)")
    return text


def date_bound(text: str) -> str:
    """An argparse `type=` for --from/--to: a date bound as every place reads one (querybuild.date_parts: `2022-09`,
    `09/2022`, `28/09/2022`), within the years search accepts."""
    from .querybuild import DATE_BOUND_RULE, date_bound_error, parse_date_bound

    if text.strip() and parse_date_bound(text, upper=False) is None:  # "" (the default): no bound
        lacking = date_bound_error("", text).fields.get("variant") == "calendar"  # `29/02/2019`
        raise argparse.ArgumentTypeError(f"{text!r} is {'not in the calendar: must be' if lacking else 'not'} "
                                         f"{DATE_BOUND_RULE}")
    return text.strip()


def facet_choice(text: str) -> tuple[str, str]:
    """An argparse `type=` for --facet: NAME=VALUE (which names exist is checked against the facets searched)."""
    name, equals, value = text.partition("=")
    from .query import trimmed

    if not equals or not name.strip() or not trimmed(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not NAME=VALUE (e.g. region=Lampung Selatan)")
    return name.strip(), trimmed(value)


def selection(pairs: Sequence[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """--facet NAME=VALUE pairs as SearchRequest.selected."""
    chosen: dict[str, tuple[str, ...]] = {}
    for name, value in pairs:
        chosen[name] = (*chosen.get(name, ()), value)
    return chosen


def listen_host(text: str) -> str:
    """An argparse `type=` for --host: an IPv4/IPv6 address or a host name (`256.1.1.1` is neither)."""
    try:
        return str(ipaddress.ip_address(text.strip("[]")))
    except ValueError:
        pass
    if re.fullmatch(r"[0-9.]+", text) or not HOSTNAME.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an IP address or host name")
    return text
EXCLUDED_WORD = re.compile(r"-[^-0-9\s]")  # `-korupsi` after `warta search`: a query word (query_words_kept)
DEFAULT_INDEX = os.environ.get("WARTA_INDEX") or "index"  # set but empty: the default
DEFAULT_SOURCES = ("seeds",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="warta", description="Search Indonesian regional news by official and agency.",
                                     epilog=("Exit codes: 0 ok, 1 error, 2 usage, 3 some inputs rejected (or none "
                                             "gave an article), 130 interrupted (Ctrl-C), 143 a reindex stopped by "
                                             "SIGTERM."))
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    reindex = commands.add_parser("reindex", help="build the index from articles (.txt, .jsonl, .json, .csv, .html)",
                                  description="Read every article under PATH and swap a fresh index in when done.")
    reindex.add_argument("paths", nargs="*", metavar="PATH", default=list(DEFAULT_SOURCES), type=a_path,
                         help="files or directories to index (default: seeds/)")
    reindex.add_argument("--index", default=DEFAULT_INDEX, type=a_path,
                         help="index directory (default: %(default)s, or $WARTA_INDEX)")
    reindex.add_argument("--full", action="store_true", help="rebuild from scratch instead of updating what changed")
    reindex.add_argument("--quiet", action="store_true", help="no progress bar")
    add_reading_options(reindex)
    add_backend_options(reindex)
    reindex.add_argument("--shards", type=whole(1, 1024), default=None,
                         help="primary shards of a new OpenSearch index (default: $WARTA_OPENSEARCH_SHARDS or 1)")
    reindex.add_argument("--replicas", type=whole(0, 16), default=None,
                         help="replicas of each shard (default: $WARTA_OPENSEARCH_REPLICAS or 0)")
    reindex.set_defaults(run=run_reindex)

    search = commands.add_parser("search", help="search the index", description="Search the index and print the results.")
    search.add_argument("query", nargs="*", default=[],
                        help="words, \"phrases\", -exclusions (-word, -official:x, NOT word), OR, (groups), "
                             "prefix*; quoted or not (warta search korupsi -kpk); a query word starting with "
                             "-- goes after -- (warta search -- --kpk)")
    search.add_argument("--official", action="append", default=[], metavar="NAME", help="only articles naming this official (repeatable)")
    search.add_argument("--agency", action="append", default=[], metavar="NAME", help="only articles naming this agency (repeatable)")
    search.add_argument("--facet", action="append", default=[], metavar="NAME=VALUE", type=facet_choice,
                        help="only articles with this value of a facet (repeatable; OR within a facet, AND across "
                             "facets), e.g. --facet region=Lamsel --facet source=detik.com")
    search.add_argument("--said", action="append", default=[], metavar="NAME",
                        help="only articles where this person is quoted, with the query's words inside what they "
                             "said (repeatable; the same as said:\"NAME\" in the query)")
    search.add_argument("--page", type=whole(1), default=1, help="result page (default: 1)")
    search.add_argument("--per-page", type=whole(1, MAX_PER_PAGE), default=10,
                        help=f"results per page, 1 to {MAX_PER_PAGE} (default: 10)")
    search.add_argument("--sort", choices=("relevance", "date"), default="relevance", help="result order")
    search.add_argument("--from", dest="date_from", type=date_bound, default="", metavar="DATE", help="only articles from this date (YYYY[-MM[-DD]], DD/MM/YYYY or MM/YYYY)")
    search.add_argument("--to", dest="date_to", type=date_bound, default="", metavar="DATE", help="only articles up to this date (YYYY[-MM[-DD]], DD/MM/YYYY or MM/YYYY)")
    search.add_argument("--json", action="store_true", help="print the result dict as JSON")
    search.add_argument("--format", choices=("text", "json", "csv", "jsonl"), default=None,
                        help="text or json: one page; csv or jsonl: every hit (up to 10,000) as rows")
    search.add_argument("--match", choices=MATCH_MODES, default="relaxed",
                        help="relaxed (default): when fewer than 10 articles hold every word, add those lacking one "
                             "word, then two (up to half); all: only articles holding every word")
    search.add_argument("--all-articles", dest="collapse", action="store_false",
                        help="every article, not one per story")
    search.add_argument("--index", default=DEFAULT_INDEX, type=a_path, help="index directory (default: %(default)s)")
    add_backend_options(search)
    search.set_defaults(run=run_search)

    extract = commands.add_parser("extract", help="print each article with its officials and agencies as JSON lines",
                                  description="Read articles and print what Warta extracts from each, one JSON object a line.")
    extract.add_argument("paths", nargs="+", metavar="FILE_OR_DIR", type=a_path, help="files or directories to read")
    add_reading_options(extract)
    extract.set_defaults(run=run_extract)

    serve = commands.add_parser("serve", help="serve the search page and JSON API",
                                description="Serve the search page and the JSON API with the production WSGI server.")
    serve.add_argument("--host", type=listen_host, default="127.0.0.1",
                       help="address to listen on (default: %(default)s)")
    serve.add_argument("--port", type=whole(0, 65535), default=8000,
                       help="port, 0 for any free one (default: %(default)s)")
    serve.add_argument("--index", default=DEFAULT_INDEX, type=a_path, help="index directory (default: %(default)s)")
    serve.add_argument("--workers", type=whole(1, MAX_WORKERS), default=None,
                       help=f"worker processes, 1 to {MAX_WORKERS}, pre-forked by gunicorn (default: one per "
                            "core); one waitress process where the platform cannot fork")
    serve.add_argument("--threads", type=whole(1, MAX_THREADS), default=8,
                       help=f"requests each worker answers at once, 1 to {MAX_THREADS} (default: %(default)s)")
    serve.add_argument("--connection-limit", type=whole(1, MAX_CONNECTIONS), default=100,
                       help=f"open connections at most, shared by the workers, 1 to {MAX_CONNECTIONS}; a request "
                            "must arrive within --request-timeout and an idle connection closes after 15 s "
                            "(default: %(default)s)")
    serve.add_argument("--client-connection-limit", type=whole(1, MAX_CONNECTIONS), default=50,
                       help="open connections from one client address at most, shared by the workers; a "
                            "connection over it is answered 429 and closed at once, so one address cannot take the "
                            "whole --connection-limit (default: %(default)s)")
    serve.add_argument("--client-request-limit", type=whole(1, MAX_THREADS), default=None, metavar="N",
                       help="requests of one client address each worker answers at once when it has no thread "
                            "to spare for other addresses; one more is answered 429 at once (Retry-After: 1), so "
                            "one address cannot hold every thread; behind a reverse proxy set it to --threads "
                            "(default: half of --threads)")
    serve.add_argument("--request-timeout", type=whole(1, 3600), default=10, metavar="SECONDS",
                       help="a request's headers and body must arrive within this many seconds, or the "
                            "connection is closed (default: %(default)s)")
    serve.add_argument("--queue-limit", type=whole(1, MAX_CONNECTIONS), default=None, metavar="N",
                       help="requests each worker lets wait for a thread; one more is answered 503 at once "
                            "(Retry-After: 1), an export when a quarter as many wait (default: four times --threads)")
    serve.add_argument("--queue-wait", type=whole(1, 3600), default=1, metavar="SECONDS",
                       help="while the request waiting longest for a thread has waited this many seconds, a new one "
                            "is answered 503 at once, an export after a quarter as long (default: %(default)s)")
    serve.add_argument("--queue-timeout", type=whole(1, 3600), default=5, metavar="SECONDS",
                       help="a request still waiting for a thread after this many seconds is answered 503 instead "
                            "(default: %(default)s)")
    serve.add_argument("--export-limit", type=whole(1, MAX_THREADS), default=None, metavar="N",
                       help="exports (/api/search.csv, .jsonl, /api/export) each worker answers at once; one more "
                            "is answered 503 at once (Retry-After: 1), so exports leave threads to searches "
                            "(default: a quarter of --threads, at least one)")
    serve.add_argument("--result-cache-mb", type=whole(0, 4096), default=None, metavar="MB",
                       help="search results kept per index generation and worker, answered again without "
                            "evaluating; 0 turns it off (default: $WARTA_RESULT_CACHE_MB or 32)")
    add_backend_options(serve)
    serve.set_defaults(run=run_serve)
    return parser


def add_reading_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--column", action="append", default=[], metavar="FIELD=NAME",
                         help="read FIELD (title, body, date, url, source, id, place, category) from the CSV "
                              "column or JSON key NAME (repeatable, one column for each field), "
                              "e.g. --column body=isi_berita")
    command.add_argument("--follow-symlinks", action="store_true",
                         help="follow symbolic links that lead out of the given directories")
    command.add_argument("--all-rejections", action="store_true",
                         help="list every rejected input and warning (default: the first 20 of each kind "
                              "for each file, the others counted)")


def add_backend_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--backend", choices=("whoosh", "opensearch"), default=None,
                         help="where the articles are indexed: whoosh (the --index directory, default) or an "
                              "OpenSearch cluster (default: $WARTA_BACKEND or whoosh)")
    command.add_argument("--opensearch-url", default=None, metavar="URL",
                         help="the cluster, one http(s)://host:port or several comma-separated, no path "
                              "(default: $WARTA_OPENSEARCH_URL or http://127.0.0.1:9250)")


def backend_settings(args: argparse.Namespace):
    from .backends import BackendSettings

    return BackendSettings.from_environment(args.index, args.backend, args.opensearch_url,
                                            getattr(args, "shards", None), getattr(args, "replicas", None),
                                            getattr(args, "result_cache_mb", None))


def reading_options(args: argparse.Namespace):
    """How sources are read; a malformed `--column` is bad usage (exit 2), as argparse's own errors are."""
    from .errors import InputError
    from .loaders import REJECTIONS_LISTED_PER_FILE, ReadOptions, parse_column_mapping

    try:
        listed = None if args.all_rejections else REJECTIONS_LISTED_PER_FILE
        return ReadOptions(parse_column_mapping(args.column), args.follow_symlinks, listed)
    except InputError as error:
        raise BadQueryError(str(error), "bad_column") from None


class Terminated(KeyboardInterrupt):
    """A reindex stopped by SIGTERM (`kill`, systemd, `docker stop`), unwound as a Ctrl-C is: the unfinished build
    is removed and the lock freed at once, not left for the next run to find (trial 24)."""


@contextmanager
def terminated_as_interrupted() -> Iterator[None]:
    """Within the block, SIGTERM raises Terminated in the main thread (elsewhere a handler cannot be set)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class ReindexBar:
    """A reindex's progress on a terminal: the inputs indexed, out of those the reindex plans to read (`planned`,
    once its plan is made: an update counts the files it reads again, of a file appended to its new lines alone;
    no bar when it reads nothing. Trial 53: counted before the plan, one line appended to a 300-line file ended at
    `0%| 1/301`). A fresh build by worker processes reads every source and finds stories before the workers write
    (3,868 articles: 7.8 s of reading, 7.3 s of stories, then 30 s of writing), so its reading has a bar of its
    own (`reading`, made when the first input is read); an update reads and indexes at once, and has one bar."""

    def __init__(self, file=None) -> None:
        self.file = file or sys.stderr
        self.total: int | None = None  # not told (a backend that does not plan): a count with no total
        self.indexed = None
        self.read = None

    def planned(self, total: int) -> None:
        self.total = total
        if total and self.indexed is None:
            self.indexed = self._bar("indexed", total)

    def __call__(self, count: int) -> None:
        if self.indexed is None:
            self.indexed = self._bar("indexed", self.total or None)
        self.indexed.update(count)

    def reading(self, count: int) -> None:
        if self.read is None:
            self.read = self._bar("read", self.total or None, position=1)
        self.read.update(count)
        if self.total and self.read.n >= self.total:
            self.read.refresh()  # the last update may fall within tqdm's interval: 99 % stayed up for 12 s

    def _bar(self, label: str, total: int | None, position: int | None = None):
        from tqdm import tqdm

        return tqdm(total=total, desc=label, unit=" articles", file=self.file, position=position)

    def close(self) -> None:
        if self.read is not None:
            self.read.close()
        if self.indexed is not None:
            self.indexed.close()


def run_reindex(args: argparse.Namespace) -> int:
    from .backends import open_backend

    options = reading_options(args)
    bar = ReindexBar() if not args.quiet and sys.stderr.isatty() else None
    backend = open_backend(backend_settings(args), args.registry)
    try:
        with terminated_as_interrupted():
            report = backend.reindex(args.paths, progress=bar, full=args.full,
                                     notice=lambda message: print(f"notice: {message}", file=sys.stderr),
                                     options=options)
    finally:
        backend.close()
        if bar is not None:
            bar.close()
    code = EXIT_OK if report.ok else EXIT_REJECTED_INPUTS
    try:
        for kind, rejections in report.by_kind().items():
            for rejection in rejections:
                print(f"{kind}: {rejection}", file=sys.stderr)
        for note in report.unlisted_notes():
            print(note, file=sys.stderr)
        print(report.summary())
    except BrokenPipeError:  # `… 2>&1 | head -1`: the reindex is done, its outcome is still the exit code
        pass
    return code


def run_search(args: argparse.Namespace) -> int:
    from .backends import open_backend

    if args.json and args.format not in (None, "json"):
        raise BadQueryError(f"--json and --format {args.format} ask for two outputs: give one", "bad_usage")
    from .query import SearchRequest, trimmed

    refuse_signed_names(args)
    request = SearchRequest(trimmed(" ".join(trimmed(word) for word in args.query)), tuple(args.official),
                            tuple(args.agency), args.page, args.per_page, args.sort, date_from=args.date_from,
                            date_to=args.date_to, collapse=args.collapse, selected=selection(args.facet),
                            match=args.match, said=tuple(args.said))
    service = open_backend(replace(backend_settings(args), warm=False), args.registry)  # one search: none to warm for
    try:
        if args.format in ("csv", "jsonl"):
            from .export import cut_short_note, export_lines, hits_to_export

            for line in export_lines(service.export(request), args.format):
                sys.stdout.write(line)
            note = cut_short_note(hits_to_export(service, request))
            if note:
                sys.stdout.flush()
                print(f"warta search: {note}", file=sys.stderr)
            return EXIT_OK
        result = service.search(request)
    finally:
        service.close()
    if args.json or args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_result(result))
    return EXIT_OK


def format_result(result: dict) -> str:
    import re
    from html import unescape

    counted = (f"{result['total']} articles" if result["total"] == result["total_articles"]  # one hit a story
               else f"{result['total_articles']} articles in {result['total']} stories")
    lines = [f"{counted} ({result['took_ms']} ms)"]
    if result.get("unreadable"):
        lines.append(f"nothing to search in {result['query']['q']!r}: every article is listed")
    if result.get("unsearched"):
        lines.append("not searched (too many words for one search): " + ", ".join(result["unsearched"]))
    if result.get("suggestion"):
        lines.append(f"did you mean: {result['suggestion']}")
    first = (result["query"]["page"] - 1) * result["query"]["per_page"]
    if not result["hits"] and result["total"]:
        last = -(-result["total"] // result["query"]["per_page"])
        lines.append(f"page {result['query']['page']} is past the last one, {last} ({result['query']['per_page']} "
                     "a page)")
    for number, hit in enumerate(result["hits"], start=first + 1):
        meta = " · ".join(x for x in (hit["date"], hit["place"], hit["source"]) if x)
        lines.append(f"{number:>3}. {hit['title']}  [{hit['id']}]")
        if meta:
            lines.append(f"     {meta}")
        lines.append("     " + unescape(re.sub(r"</?mark>", "*", hit["snippet"])))
        if hit.get("missing"):
            lines.append("     missing: " + ", ".join(hit["missing"]))
    for name, values in result["facets"].items():
        if values:
            lines.append(f"{name}: " + "; ".join(facet_line(v) for v in values[:10]))
    return "\n".join(lines)


def facet_line(item: dict) -> str:
    """`Provinsi Lampung (4) [Kabupaten Lampung Selatan (4)]`: a value, its count, its listed children."""
    children = item.get("children") or []
    inner = f" [{'; '.join(facet_line(child) for child in children)}]" if children else ""
    return f"{item['label']} ({item['count']}){inner}"


def run_extract(args: argparse.Namespace) -> int:
    from .errors import InputError
    from .extract import extract, region_dict
    from .loaders import REJECTION_KINDS, Rejection, RejectionList, find_sources, read_source

    options = reading_options(args)
    failed = False
    extracted = 0
    passed_over: list[Rejection] = []
    sources = find_sources(args.paths, options, passed_over)
    items = (item for source in sources for item in read_source(source, options))
    listed = {kind: RejectionList(options.rejections_listed) for kind in REJECTION_KINDS}
    try:
        for item in itertools.chain(passed_over, items):
            if isinstance(item, Rejection):
                if listed[item.kind].add(item):
                    print(f"{item.kind}: {item}", file=sys.stderr)
                failed = failed or item.kind == "error"
                continue
            extraction = extract(item)
            record = item.to_dict()
            record.pop("origin")
            record["officials"] = [o.to_dict() for o in extraction.officials]
            record["agencies"] = [a.to_dict() for a in extraction.agencies]
            record["persons"] = extraction.persons
            record["regions"] = [region_dict(region) for region in extraction.regions]
            record["quotes"] = [quote.to_dict() for quote in extraction.quotes]
            print(json.dumps(record, ensure_ascii=False))
            extracted += 1
        for kind, rejections in listed.items():
            for note in rejections.unlisted_notes():
                print(f"{kind}: {note}", file=sys.stderr)
    except BrokenPipeError:  # `extract … | head`: what was read so far decides the exit code
        return EXIT_REJECTED_INPUTS if failed else EXIT_OK
    if not sources and not failed:  # as reindex says it (a directory that could not be listed is an error: exit 3)
        from .indexer import NO_SOURCES

        raise InputError(f"{NO_SOURCES} in " + ", ".join(args.paths))
    if sources and not extracted:  # an empty file, index pages only: as reindex, an error (exit 3)
        print("error: no article could be read from any source", file=sys.stderr)
        failed = True
    return EXIT_REJECTED_INPUTS if failed else EXIT_OK


def run_serve(args: argparse.Namespace) -> int:
    from web import create_app
    from web.server import default_workers, forking_available, prepare_worker

    from .backends import without_credentials
    from .indexer import open_current

    settings = backend_settings(args)
    if settings.name == "whoosh":
        open_current(args.index)  # fail now, with a clear message, when there is no index
    app = create_app({"WARTA_INDEX": os.path.abspath(args.index), "WARTA_FACETS": args.registry,
                      "WARTA_BACKEND": settings.name, "WARTA_OPENSEARCH_URL": settings.opensearch_url,
                      "WARTA_RESULT_CACHE_MB": settings.result_cache_mb})
    served = os.path.abspath(args.index) if settings.name == "whoosh" else without_credentials(settings.opensearch_url)
    limits = server_limits(args)
    if not forking_available():
        return serve_one_process(args, app, limits, served, partial(prepare_worker, refuse_damaged=True))
    from web.server import bind_listener, serve_forked

    listener = bind_listener(args.host, args.port)
    announce(served, *listener.getsockname()[:2])
    stopped_by = serve_forked(app, listener, limits, args.workers or default_workers())
    if stopped_by == signal.SIGINT:
        print("warta serve: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if stopped_by > 0:  # SIGTERM, SIGQUIT: end as that signal's default would have, now that workers are done
        signal.signal(stopped_by, signal.SIG_DFL)
        os.kill(os.getpid(), stopped_by)
        return 128 + stopped_by  # as a shell reports it, should the signal not have ended this process
    print("warta serve: a worker could not start", file=sys.stderr)
    return EXIT_ERROR


def server_limits(args: argparse.Namespace):
    """The ServerLimits `serve`'s flags ask for (0 where a flag left a limit to follow --threads)."""
    from web.server import ServerLimits

    return ServerLimits(threads=args.threads, connection_limit=args.connection_limit,
                        client_connection_limit=args.client_connection_limit,
                        client_request_limit=args.client_request_limit or 0, request_timeout=args.request_timeout,
                        queue_limit=args.queue_limit or 0, queue_wait=args.queue_wait,
                        queue_timeout=args.queue_timeout, export_limit=args.export_limit or 0)


def serve_one_process(args: argparse.Namespace, app, limits, served: str, prepare) -> int:
    """Waitress in this process, where there is no fork."""
    from web.server import make_server, save_searches

    try:
        server = make_server(app, args.host, args.port, limits)
    except ValueError:  # waitress's word for a host that does not resolve
        raise OSError(f"cannot listen on {args.host}:{args.port}") from None
    announce(served, server.effective_host, server.effective_port)
    try:
        prepare(app)
        server.run()  # returns only when Ctrl-C (KeyboardInterrupt) stopped it: waitress catches that itself
    finally:
        server.close()
        save_searches(app)
    print("warta serve: interrupted", file=sys.stderr)
    return EXIT_INTERRUPTED


def announce(served: str, host: str, port: int) -> None:
    """The one line `serve` prints, once the socket is bound, with the port it really got."""
    shown_host = f"[{host}]" if ":" in str(host) else host
    print(f"Warta serving {served} on http://{shown_host}:{port}/", file=sys.stderr, flush=True)


def refuse_signed_names(args: argparse.Namespace) -> None:
    """`--official -kpk` once searched for the official `-kpk` and found nothing: a name option takes a name, and
    leaving one out is the query's (`-official:kpk`)."""
    for option, values in (("--official", args.official), ("--agency", args.agency), ("--said", args.said)):
        signed = next((value.strip() for value in values if value.strip().startswith("-")), None)
        if signed is not None:
            name = signed.lstrip("-")
            written = f'"{name}"' if " " in name else name
            raise BadQueryError(f"{option} {signed}: {option} takes a name; to leave one out write "
                                f"-{option[2:]}:{written} in the query", "bad_usage")


def query_words_kept(argv: list[str]) -> list[str]:
    """`warta search -korupsi`: a query word starting with one `-` (`-korupsi`, `-official:jokowi`, `-"x y"`) is
    a word of the query, not an unknown option. Argparse reads an argument holding a space as a positional one
    (as `"-official:jokowi presiden"` always was), so such a word is passed with a space before it; `-h` stays
    help, `-1` a number, and anything after `--` is left to argparse."""
    if not argv or argv[0] != "search":
        return argv
    kept = [argv[0]]
    for position, argument in enumerate(argv[1:], start=1):
        if argument == "--":
            return kept + argv[position:]
        kept.append(" " + argument if EXCLUDED_WORD.match(argument) and argument != "-h" else argument)
    return kept


def main(argv: Sequence[str] | None = None, facets=None) -> int:
    """Run one command; `facets` (a FacetRegistry) replaces the declared facets, for embedding and tests."""
    parser = build_parser()
    args = parser.parse_args(query_words_kept(list(sys.argv[1:] if argv is None else argv)))
    if facets is None:
        from .facet_registry import FACETS as facets
    args.registry = facets
    try:
        return args.run(args)
    except BrokenPipeError:
        return EXIT_OK
    except BadQueryError as error:
        print(f"warta {args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except WartaError as error:
        for line in getattr(error, "listed", ()):  # what a reindex passed over before it found nothing to read
            print(line, file=sys.stderr)
        print(f"warta {args.command}: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        print(f"warta {args.command}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
    except Terminated:
        print(f"warta {args.command}: terminated", file=sys.stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print(f"warta {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # `python -m search.cli`, as tests run it: search.cli is imported already
    sys.exit(console(main))
