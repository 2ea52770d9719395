"""jieba, the Chinese word segmenter, loaded once per process for every app that reads Chinese.

Its dictionary ships inside the package (nothing is downloaded). Loading it takes about a second and 60–130 MB, so
it happens once per process, behind a lock, on first use or when a server process starts (``cwgcop.wsgi`` warms
the search and the redaction, which both call this). Nothing adds words to the shared dictionary.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

_lock = threading.Lock()
_loaded: Any = None


def jieba() -> Any:
    """The ``jieba`` module with its default dictionary loaded (``jieba.dt`` the tokenizer, ``jieba.posseg`` the
    part-of-speech tagger on the same dictionary)."""
    global _loaded  # noqa: PLW0603 - one dictionary per process, loaded once
    if _loaded is None:
        with _lock:
            if _loaded is None:
                import jieba as module
                import jieba.posseg

                module.setLogLevel(logging.WARNING)
                module.initialize()
                _loaded = module
    return _loaded
