"""The Flask app: the search page and the JSON API, both rendering the engine's one result dict."""

from __future__ import annotations

import os
import posixpath
from typing import Any, Iterable, Mapping

from flask import Flask, Response, abort

from search.backends import BackendSettings, open_backend
from search.facet_registry import FACETS


class WartaFlask(Flask):
    """Flask, answering OPTIONS as an API client expects: 204 No Content with `Allow` (sorted), no body and
    no Content-Type. Flask's own answer was a 200 `text/html` with an empty body, beside the JSON 405 every
    other method a route lacks gets."""

    def make_default_options_response(self) -> Response:
        return options_answer(super().make_default_options_response().allow)

    def send_static_file(self, filename: str) -> Response:
        """A static file named as it is: `/static/facets.js/` (or `./facets.js`, `facets.js/.`) is a 404, not the
        file (Werkzeug's safe_join normalises the name, so a directory's slash after a file's name served it)."""
        if posixpath.normpath(filename) != filename:
            abort(404)
        return super().send_static_file(filename)


def allow_header(methods: Iterable[str]) -> str:
    """`Allow`'s value, the methods sorted: an OPTIONS answer and a 405 name them alike (Werkzeug lists a 405's from
    a set, in an order that changed with the process's hash seed: `HEAD, OPTIONS, GET`, trial 55)."""
    return ", ".join(sorted(methods))


def options_answer(allowed) -> Response:
    """An OPTIONS answer: 204 with the methods `allowed`, sorted, in `Allow`; no body and no Content-Type."""
    response = Response(status=204)
    response.headers["Allow"] = allow_header(allowed)
    del response.headers["Content-Type"]
    return response


SERVER_METHODS = ("GET", "HEAD", "OPTIONS")  # what every route answers to


def answer_options_for_the_server():
    """`OPTIONS * HTTP/1.1` asks about the server, not a resource (RFC 9110): answered as OPTIONS on any path is."""
    from flask import request

    if request.method == "OPTIONS" and request.environ.get("PATH_INFO") in ("*", "/*") \
            and request.environ.get("RAW_URI", request.environ.get("REQUEST_URI", "*")).split("?")[0] == "*":
        return options_answer(SERVER_METHODS)
    return None


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """App factory. Config keys: WARTA_INDEX (index directory; default $WARTA_INDEX or ./index), WARTA_PUBLIC_URL
    (the address feed links start with; default $WARTA_PUBLIC_URL, else the request's Host), WARTA_FACETS
    (a search.facet_registry.FacetRegistry; default the declared FACETS), WARTA_BACKEND (whoosh or opensearch;
    default $WARTA_BACKEND or whoosh), WARTA_OPENSEARCH_URL (default $WARTA_OPENSEARCH_URL) and
    WARTA_RESULT_CACHE_MB (results kept per index generation and process; default $WARTA_RESULT_CACHE_MB or 32)."""
    app = WartaFlask(__name__)
    # `/api//search` must not redirect: werkzeug's slash-merging redirect is absolute, built from the Host
    # header, so a forged Host would send clients elsewhere. Such paths are plain 404s.
    app.url_map.merge_slashes = False
    app.config.update(
        WARTA_INDEX=os.environ.get("WARTA_INDEX", "index"),
        # the public address the feed's links are built from; unset, the Host the client sent (`Vary: Host`)
        WARTA_PUBLIC_URL=os.environ.get("WARTA_PUBLIC_URL", "").strip().rstrip("/"),
        MAX_CONTENT_LENGTH=16 * 1024,
        JSON_SORT_KEYS=False,
    )
    if config:
        app.config.update(config)
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    settings = BackendSettings.from_environment(app.config["WARTA_INDEX"], app.config.get("WARTA_BACKEND"),
                                                app.config.get("WARTA_OPENSEARCH_URL"),
                                                result_cache_mb=app.config.get("WARTA_RESULT_CACHE_MB"))
    app.extensions["warta"] = open_backend(settings, app.config.get("WARTA_FACETS", FACETS))

    from . import views

    app.register_blueprint(views.blueprint)
    views.register_error_handlers(app)
    app.before_request(views.refuse_bad_host)
    app.before_request(answer_options_for_the_server)
    app.before_request(views.limit_request_size)
    app.before_request(views.answer_from_cache)
    app.after_request(views.add_cache_headers)
    app.after_request(views.add_security_headers)
    return app
