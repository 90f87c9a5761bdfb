"""The outlet an article comes from, as one value per outlet: `detik`, `detik.com/jatim` and
`news.detik.com` are all `detik.com`."""

from __future__ import annotations

import re
from functools import lru_cache

from ..articles import url_parts
from .lexicon import read_lines

# Second-level labels under which a domain is registered one level deeper (`pemkab.go.id`, `kompas.co.id`).
SECOND_LEVEL = frozenset({"co", "go", "ac", "or", "web", "sch", "my", "biz", "net", "mil", "desa", "ponpes", "com",
                          "org", "gov", "edu"})
HOST = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}")
MAX_OUTLET_CHARS = 120


@lru_cache(maxsize=1)
def outlet_aliases() -> dict[str, str]:
    """Outlet names and aliases, case-folded, to the outlet's domain (data/outlets.tsv)."""
    pairs = (line.split("\t") for line in read_lines("outlets.tsv"))
    return {alias.strip().casefold(): domain.strip() for alias, domain in pairs}


def normalise_outlet(source: str | None, url: str | None) -> str | None:
    """The outlet's one value: a known name's domain, a web address's registered domain, else the name as
    written (spaces tidied); from the URL when the article names no source; None when neither says."""
    name = " ".join((source or "").split())[:MAX_OUTLET_CHARS]
    if name:
        return outlet_aliases().get(name.casefold()) or _domain(name) or name
    parts = url_parts(url) if url and "//" in url else None
    host = parts.hostname if parts is not None else None
    return _domain(host) if host else None


def is_outlet_name(text: str) -> bool:
    """Whether `text` names an outlet rather than a place: a known outlet name (`Antara`, `detikcom`) or a web
    address (`Suara.com`, `Liputan6.com`), as a dateline's first words may."""
    return text.casefold() in outlet_aliases() or _domain(text) is not None


def _domain(written: str) -> str | None:
    """The registered domain of something written as a web address (`https://news.detik.com/x` →
    `detik.com`, `detik.com/jatim` → `detik.com`); None for a plain name."""
    text = written.strip().casefold()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text).split("/", 1)[0].split(":", 1)[0].rstrip(".")
    if not HOST.fullmatch(text):
        return None
    labels = text.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SECOND_LEVEL and len(labels[-1]) == 2 else 2
    domain = ".".join(labels[-keep:])
    return outlet_aliases().get(domain, domain)
