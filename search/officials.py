"""One official's page: how often they are named and quoted, their roles, the bodies and regions named with
them, their latest articles and what they said lately. Built from any backend's search and article lookups."""

from __future__ import annotations

from typing import Any

from .errors import AmbiguousNameError, NotFoundError, shown
from .query import SearchRequest

PROFILE_ARTICLES = 10  # latest articles a profile lists (and reads the name's variants from)
ROLE_ARTICLES = 100  # latest articles the roles and their first and last dates are read from
QUOTING_ARTICLES = 10  # latest articles quoting the official whose quotes are read (one lookup each)
PROFILE_QUOTES = 20  # quotes a profile lists at most
PROFILE_FACET_SIZE = 10
AMBIGUOUS_LISTED = 5  # officials an ambiguous name's error names


def official_profile(backend, typed: str) -> dict[str, Any]:
    """The profile of the official `typed` names (as stored, or in another case); NotFoundError otherwise."""
    name = resolve_official(backend, typed)
    named = backend.search(SearchRequest(selected={"official": (name,)}, sort="date", per_page=ROLE_ARTICLES,
                                         collapse=False, facet_size=PROFILE_FACET_SIZE))
    listed = next((item for item in named["facets"].get("official", []) if item["value"] == name), {})
    forms = [name, *listed.get("variants", ())]  # the person's other stored forms, counted under the name
    # every form is asked for: a backend that does not group forms by person takes each as stored (an article
    # quoting "Sri Mulyani" quotes "Sri Mulyani Indrawati" too)
    quoting, quoted_as = _quoting(backend, forms)
    latest = named["hits"][:PROFILE_ARTICLES]
    roles_seen = _roles(forms, named["hits"])
    return {
        "name": name,
        "variants": forms[1:],
        "roles": [role["role"] for role in roles_seen],
        "roles_seen": roles_seen,
        "months": named.get("histogram", []),
        "articles": named["total_articles"],
        "quoted_in": quoting["total_articles"],
        "quoted_as": list(quoted_as),  # the stored forms `quoted=` selects the person's quotes by
        "agencies": _counts(named["facets"].get("agency", [])),
        "regions": _counts(named["facets"].get("region", [])),
        "latest": [_article(hit) for hit in latest],
        "quotes": _quotes_of(backend, set(forms), quoting["hits"]),
    }


def _quoting(backend, forms: list[str]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The latest articles quoting the person under any of their stored `forms`, and the forms they are quoted
    under. A form no article quotes as stored would select the quoted values holding all its words (`Joko`:
    Joko Widodo and Joko Purnomo, other people), so only the stored values among the forms count; none: no
    article."""
    def latest(values: tuple[str, ...]) -> dict[str, Any]:
        return backend.search(SearchRequest(selected={"quoted": values}, sort="date", per_page=QUOTING_ARTICLES,
                                            collapse=False, facet_size=1))

    quoting = latest(tuple(forms))
    resolved = tuple(quoting["query"].get("quoted") or ())
    own = tuple(value for value in resolved if value in forms)
    if own != resolved:
        quoting = latest(own) if own else {"total_articles": 0, "hits": []}
    return quoting, own if quoting["total_articles"] else ()  # a form kept as typed, quoted nowhere: none


def resolve_official(backend, typed: str) -> str:
    """The stored name `typed` selects in the official facet (in any case, a nickname: as `official=` does),
    when some article names that official; a name that selects several officials and is none of them
    (`a`, `Abdul`) is an AmbiguousNameError naming the first few."""
    typed = " ".join(typed.split())
    if typed:
        found = backend.search(SearchRequest(selected={"official": (typed,)}, per_page=1, facet_size=1))
        names = found["query"].get("official") or []
        if found["total"] and len(names) == 1:
            return names[0]
        if found["total"] and names:
            listed = ", ".join(shown(name) for name in names[:AMBIGUOUS_LISTED])
            more = f" and {len(names) - AMBIGUOUS_LISTED} more" if len(names) > AMBIGUOUS_LISTED else ""
            raise AmbiguousNameError(f"{shown(typed)} names {len(names)} officials: {listed}{more}; "
                                     "give more of the name", typed, names[:AMBIGUOUS_LISTED], len(names))
    raise NotFoundError(f"no official named {shown(typed)}")


def _roles(forms: list[str], hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each role the articles give the official (under any of their stored `forms`), latest first, with the
    first and last date it was seen (over the ROLE_ARTICLES latest articles)."""
    seen: dict[str, dict[str, Any]] = {}
    for hit in hits:
        for role in dict.fromkeys(hit["roles"][form] for form in forms if hit["roles"].get(form)):
            dates = seen.setdefault(role, {"role": role, "first": hit.get("date"), "last": hit.get("date")})
            if hit.get("date") and (dates["first"] is None or hit["date"] < dates["first"]):
                dates["first"] = hit["date"]
    return list(seen.values())


def _quotes_of(backend, names: set[str], hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the person (any of `names`, their stored forms) said in the articles quoting them, latest article
    first, in reading order within one."""
    quotes: list[dict[str, Any]] = []
    for hit in hits:
        article = backend.article(hit["id"])
        for quote in article.get("quotes") or []:
            if quote["speaker"] in names and len(quotes) < PROFILE_QUOTES:
                quotes.append({"text": quote["text"], "kind": quote["kind"], "article": _article(hit)})
    return quotes


def _article(hit: dict[str, Any]) -> dict[str, Any]:
    return {key: hit.get(key) for key in ("id", "title", "date", "source")}


def _counts(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"value": item["value"], "label": item["label"], "count": item["count"]} for item in items]
