"""Where articles are indexed and searched: one protocol, two engines.

`whoosh` (the embedded default) is the index directory `warta reindex` builds and `SearchService` searches;
`opensearch` is an OpenSearch cluster that receives the same pre-analysed documents (search/backends/
opensearch.py). Extraction, analysis, the query language, the result dict, the page, the API and the CLI are
the same whichever backend holds the articles.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..errors import BadQueryError, shown
from ..facet_registry import FACETS, FacetRegistry
from ..loaders import DEFAULT_OPTIONS, ReadOptions

BACKEND_NAMES = ("whoosh", "opensearch")
DEFAULT_OPENSEARCH_URL = "http://127.0.0.1:9250"
HOST_NAME = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")
ALIAS_NAME = re.compile(r"[a-z0-9][a-z0-9._-]*")  # within OpenSearch's index names: no pattern (`*`, `,`) can widen it
MAX_ALIAS_CHARS = 255 - len(".files.g") - 20  # OpenSearch's 255 bytes, less what Warta adds: `<alias>.files.g<stamp>`


class Backend(Protocol):
    """What the page, the API and the CLI need from wherever the articles are."""

    facets: FacetRegistry

    @property
    def version(self) -> str:
        """Names the index generation being searched (ETags); empty when there is none."""

    def published_at(self) -> datetime:
        """When the generation being searched was published."""

    def reindex(self, paths: Iterable[str | os.PathLike], progress: Callable[[int], object] | None = None,
                full: bool = False, notice: Callable[[str], None] | None = None,
                options: ReadOptions = DEFAULT_OPTIONS):
        """Add, replace and delete articles so the index holds what `paths` hold, then swap the new generation
        in; returns an indexer.BuildReport."""

    def resolved(self, request):
        """The SearchRequest with every facet's selection as the index holds it."""

    def search(self, request) -> dict[str, Any]:
        """The result dict of a SearchRequest (search/results.py)."""

    def facet_values(self, facet: str, request, prefix: str = "", size: int = 20) -> dict[str, Any]:
        """Values of one facet with a word starting with `prefix`, counted under a search."""

    def article(self, article_id: str) -> dict[str, Any]:
        """One article with its story's other versions."""

    def export(self, request, limit: int) -> Iterator[dict[str, Any]]:
        """Every hit of a search as export rows, in order, at most `limit`."""

    def close(self) -> None:
        """Release files, threads and connections."""


@dataclass(frozen=True)
class BackendSettings:
    """Which backend, and where it keeps the articles."""

    name: str = "whoosh"
    index: str = "index"  # the Whoosh index directory
    opensearch_url: str = DEFAULT_OPENSEARCH_URL  # one URL or several, comma-separated (other nodes of a cluster)
    opensearch_alias: str = "warta"  # the alias searched; reindex writes `<alias>.g<time>` indices behind it
    shards: int = 1  # of a new OpenSearch index
    replicas: int = 0
    result_cache_mb: int = 32  # Whoosh: results kept per generation and per process (search/resultcache.py)
    warm: bool = True  # Whoosh: read ahead, on opening, what a server's first searches read; not for one search

    @classmethod
    def from_environment(cls, index: str | None = None, name: str | None = None, url: str | None = None,
                         shards: int | None = None, replicas: int | None = None, result_cache_mb: int | None = None):
        """Settings from arguments, else WARTA_BACKEND, WARTA_INDEX, WARTA_OPENSEARCH_URL,
        WARTA_OPENSEARCH_ALIAS, WARTA_OPENSEARCH_SHARDS, WARTA_OPENSEARCH_REPLICAS and WARTA_RESULT_CACHE_MB."""
        environ = os.environ
        name = name or environ.get("WARTA_BACKEND") or "whoosh"
        if url is not None or name == "opensearch":  # a bad URL is refused before anything is asked of it
            opensearch_nodes(url if url is not None else environ.get("WARTA_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL)
        if name == "opensearch":  # and a bad alias, as a bad URL
            checked_alias(environ.get("WARTA_OPENSEARCH_ALIAS") or "warta")
        return cls(name,
                   index or environ.get("WARTA_INDEX") or "index",
                   url if url is not None else environ.get("WARTA_OPENSEARCH_URL") or DEFAULT_OPENSEARCH_URL,
                   environ.get("WARTA_OPENSEARCH_ALIAS") or "warta",
                   shards if shards is not None else int(environ.get("WARTA_OPENSEARCH_SHARDS") or 1),
                   replicas if replicas is not None else int(environ.get("WARTA_OPENSEARCH_REPLICAS") or 0),
                   result_cache_mb if result_cache_mb is not None
                   else _whole_number("WARTA_RESULT_CACHE_MB", environ.get("WARTA_RESULT_CACHE_MB") or "32"))


def open_backend(settings: BackendSettings, facets: FacetRegistry = FACETS) -> Backend:
    """The backend the settings name, ready to search (and to reindex)."""
    if settings.name == "whoosh":
        from .whoosh import WhooshBackend

        return WhooshBackend(settings.index, facets, settings.result_cache_mb * 1024 * 1024, settings.warm)
    if settings.name == "opensearch":
        from .opensearch import OpenSearchBackend

        return OpenSearchBackend(settings.opensearch_url, facets, settings.shards, settings.replicas,
                                 settings.opensearch_alias)
    raise BadQueryError(f"backend must be one of: {', '.join(BACKEND_NAMES)}", "bad_backend")


def opensearch_nodes(url: str) -> list[str]:
    """The node URLs of a comma-separated --opensearch-url, each `http(s)://[user:password@]host:port`, or a
    BadQueryError (bad usage) naming the first that is not: another scheme, no host, no port or one outside
    1-65535, a path (a cluster behind a path prefix is not supported), a query or a fragment. An empty value (an
    unset shell variable) is refused too, not read as the default."""
    nodes = [part.strip() for part in node_urls(url)]
    if not any(nodes):
        raise BadQueryError(f"the OpenSearch URL {shown(url)} names no node: give http://host:port", "bad_setting")
    for node in nodes:
        problem = _node_problem(node)
        if problem:
            raise BadQueryError(f"the OpenSearch URL {shown(without_credentials(node))} {problem}", "bad_setting")
    return nodes


def checked_alias(alias: str) -> str:
    """`alias` when Warta may name its indices after it (`<alias>.g<stamp>`, `<alias>.files.g<stamp>`,
    `<alias>.lock`), else a BadQueryError (bad usage): an OpenSearch index name of lower-case letters, digits, `.`,
    `_` and `-` that starts with a letter or a digit, short enough for the longest of those names. Trial 64: `_bad`
    was a traceback (invalid_index_name_exception), and `*` searched every index of the cluster."""
    if not ALIAS_NAME.fullmatch(alias) or len(alias) > MAX_ALIAS_CHARS:
        raise BadQueryError(f"the OpenSearch alias {shown(alias)} (WARTA_OPENSEARCH_ALIAS) must be lower-case letters "
                            "a-z, digits, `.`, `_` and `-`, starting with a letter or a digit, at most "
                            f"{MAX_ALIAS_CHARS} characters", "bad_setting")
    return alias


def without_credentials(url: str) -> str:
    """`url` (one node or several, comma-separated) as messages may show it: each node's `user:password@` left out
    (`http://admin:pw@host:9200` -> `http://host:9200`). Every node URL printed or sent goes through it; the
    client alone is given the credentials."""
    return ",".join(_node_without_credentials(node) for node in node_urls(url))


NEXT_NODE = re.compile(r",(?=\s*[A-Za-z][A-Za-z0-9+.-]*://)")  # a comma before another node's scheme


def node_urls(url: str) -> list[str]:
    """The node URLs of a comma-separated --opensearch-url, as written (spaces kept). A comma inside a node's
    user and password belongs to them (RFC 3986 allows it: `http://admin:S3cret,PW@host:9200` is one node; trial
    64 split it and printed `http://admin:S3cret`): a node runs to the next comma before a scheme (`http://`),
    its credentials to its last `@`, and only the commas after them separate nodes (a node without a scheme, or
    an empty one, that the checks then refuse)."""
    nodes: list[str] = []
    for chunk in NEXT_NODE.split(url):
        credentials, at, rest = chunk.rpartition("@")
        parts = rest.split(",")
        nodes.append(credentials + at + parts[0])
        nodes.extend(parts[1:])
    return nodes


def _node_without_credentials(node: str) -> str:
    """One node's URL without what comes before its last `@` (a password may hold `/` or `:` unescaped)."""
    scheme, separator, rest = node.partition("://")
    if not separator:
        scheme, rest = "", node
    if "@" not in rest:
        return node
    return scheme + separator + rest.rpartition("@")[2]


def _node_problem(node: str) -> str | None:
    """What is wrong with one node's URL, None when nothing is."""
    if not node:
        return "is empty (a stray comma?): give http://host:port"
    scheme, separator, rest = node.partition("://")
    if not separator or scheme.lower() not in ("http", "https"):
        return "must start with http:// or https://"
    address, _, path = rest.partition("/")
    if path or any(mark in address for mark in "?#"):
        return "must name a node only, without a path, query or fragment (http://host:port)"
    host_port = address.rpartition("@")[2]
    if host_port.startswith("["):  # an IPv6 address: [::1]:9200
        host, closed, port = host_port[1:].partition("]")
        if not closed:
            return "opens an IPv6 address with [ and never closes it (http://[::1]:9200)"
        if not port.startswith(":"):
            return "must give a port after the host (http://[::1]:9200)"
        port = port[1:]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return f"has no valid IPv6 address between [ and ] ({shown(host)})"
    else:
        host, colon, port = host_port.rpartition(":")
        if not colon:
            return "must give a port after the host (http://host:9200)"
        if not host:
            return "must give a host before the port (http://host:9200)"
        if not HOST_NAME.fullmatch(host):
            return f"has no valid host ({shown(host)})"
    if not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        return f"must give a port from 1 to 65535 (http://host:9200), not {shown(port)}"
    return None


def _whole_number(name: str, text: str) -> int:
    """A setting that must be a whole number from 0, or a BadQueryError naming it."""
    if not text.strip().isdigit():
        raise BadQueryError(f"{name} must be a whole number from 0, not {text!r}", "bad_setting")
    return int(text)
