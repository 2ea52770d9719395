"""Choosing the search engine: ``CWGCOP_SEARCH_ENGINE`` (``sqlite-fts5`` or ``postgres``), else by database."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from cwgcop.search.engines.base import Engine, Filters, Hit, HitPage, IndexRow
from cwgcop.search.engines.postgres import PostgresEngine
from cwgcop.search.engines.sqlite import SQLiteFTS5Engine

ENGINES: dict[str, type[Engine]] = {"sqlite-fts5": SQLiteFTS5Engine, "postgres": PostgresEngine}
BY_VENDOR = {"sqlite": "sqlite-fts5", "postgresql": "postgres"}

__all__ = ["Engine", "Filters", "Hit", "HitPage", "IndexRow", "engine_name", "get_engine"]


def engine_name() -> str:
    """The configured engine, checked against the database it must run on."""
    configured = str(getattr(settings, "SEARCH_ENGINE", "") or "")
    default = BY_VENDOR.get(connection.vendor)
    name = configured or default
    if name not in ENGINES:
        raise ImproperlyConfigured(
            f"CWGCOP_SEARCH_ENGINE must be one of {', '.join(sorted(ENGINES))}; got {name!r} "
            f"on a {connection.vendor} database."
        )
    if default is not None and name != default:
        raise ImproperlyConfigured(
            f"The search engine {name!r} cannot run on a {connection.vendor} database; use {default!r}."
        )
    return name


def get_engine() -> Engine:
    return ENGINES[engine_name()]()
