"""Exceptions raised by the Warta engine; the CLI and the web app translate them."""


class WartaError(Exception):
    """Base class: every error the library raises on purpose."""

    code = "warta_error"


class InputError(WartaError):
    """A source file or record could not be read as an article."""

    code = "bad_input"


class NoSourcesError(InputError):
    """Paths holding no file of a kind Warta reads; `listed` holds what the walk passed over (`skipped: …`
    lines), printed before the error."""

    def __init__(self, message: str, listed: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.listed = listed


class NoArticleError(InputError):
    """A readable page that holds no article (an index page, an empty file)."""

    code = "no_article"


class IndexMissingError(WartaError):
    """No built index at the given location."""

    code = "index_missing"


class BackendUnavailableError(IndexMissingError):
    """The search cluster cannot be reached or did not answer in time (after retries)."""

    code = "backend_unavailable"


class BackendRefusedError(BackendUnavailableError):
    """The server at the OpenSearch URL answers, but refuses Warta (401, 403) or not as OpenSearch does (an HTML
    page, JSON of another shape): unavailable all the same, and not asked again."""


class BackendBlockedError(BackendRefusedError):
    """The cluster blocks the request (`cluster_block_exception`: an index's write or read-only block, a read-only
    cluster, the flood-stage disk watermark): nothing is written until an operator lifts the block."""


class IndexDamagedError(IndexMissingError):
    """A generation whose files no longer match what was written: as unusable as no index at all."""

    code = "index_damaged"


class IndexRootError(WartaError):
    """An index location Warta will not write into: a directory holding things Warta did not make."""

    code = "index_root_refused"


class IndexWriteError(WartaError):
    """Writing a new generation failed (disk full, a worker process died); the previous one stays current."""

    code = "index_write_failed"


class IndexBusyError(WartaError):
    """Another process is writing the index."""

    code = "index_busy"


class BadQueryError(WartaError):
    """A search request whose parameters cannot be honoured."""

    code = "bad_request"

    def __init__(self, message: str, code: str = "bad_request", fields: dict | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.fields = fields or {}  # what a translated message quotes (the value typed, the nearest known ones)


class QueryTooCostlyError(BadQueryError):
    """A search that would read more of the index than one request may (generation.SEARCH_SECONDS of work)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "query_too_costly")


class NotFoundError(WartaError):
    """An article id that is not in the index."""

    code = "not_found"


class AmbiguousNameError(NotFoundError):
    """A name that stands for several stored officials and is none of them (`/official/a`); `fields` holds the
    name typed, how many officials it names and the first few (`names`), for a page to offer."""

    code = "ambiguous_name"

    def __init__(self, message: str, typed: str, names: list[str], count: int) -> None:
        super().__init__(message)
        self.fields = {"typed": typed, "names": names, "count": count}


class StoryStateError(WartaError):
    """The saved story state of an index generation could not be read or written."""

    code = "story_state"


ECHO_CHARS = 60  # how much of a user's value an error message quotes back


def shown(value: str, limit: int = ECHO_CHARS) -> str:
    """A user's value as an error message quotes it: repr'd, cut to `limit` characters (a 250 KB id is not
    sent back whole)."""
    return repr(value) if len(value) <= limit else repr(value[:limit]) + f"… ({len(value)} characters)"
