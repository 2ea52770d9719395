"""What list pages' query-count tests share (the ``page_in_queries`` fixture is in ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable

# ``page_in_queries(url, queries)``: the page's text, read under a count of exactly ``queries`` queries.
PageInQueries = Callable[[str, int], str]
