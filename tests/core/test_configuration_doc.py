"""docs/configuration.md is the one table of environment variables: it lists every one the settings read
(production and test settings) and the one the ``cwgcop`` command reads to choose between them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ = re.compile(r"""(?:environ\.get|env_bool|env_int|env_float|env_list)\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def documented() -> list[str]:
    table = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", table, flags=re.MULTILINE)


def test_every_environment_variable_of_the_settings_is_documented() -> None:
    sources = [ROOT / "src" / "cwgcop" / name for name in ("settings.py", "settings_test.py", "cli.py")]
    read = {name for source in sources for name in READ.findall(source.read_text(encoding="utf-8"))}
    assert {"CWGCOP_DATA_DIR", "CWGCOP_SECRET_KEY", "DATABASE_URL", "CWGCOP_REDIS_URL"} <= read
    assert sorted(read - set(documented())) == []
    assert sorted(set(documented()) - read) == []  # nothing documented that is no longer read


def test_configuration_table_lists_each_variable_once() -> None:
    names = documented()
    assert len(names) == len(set(names))
    assert {"CWGCOP_DATA_DIR", "CWGCOP_MEDIA_ROOT", "DATABASE_URL", "CWGCOP_SECRET_KEY", "CWGCOP_DEBUG"} <= set(names)
    assert "CWGCOP_ALLOWED_HOSTS" in names
