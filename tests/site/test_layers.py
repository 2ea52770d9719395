"""The arrows between the apps point down: ``core`` ← domain apps ← ``site`` ← ``demo``.

Every module under ``src/cwgcop`` is parsed (``ast``, nothing is imported) and its imports checked against the
layers below. A new import that points up, a private name taken from another app, or a module that reaches into
``site`` or ``demo`` fails here, with the module and the import named.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "cwgcop"

# Each app may import the apps of the layers below its own, never those of its own layer or above.
LAYERS: list[set[str]] = [
    {"core"},
    {"bodies"},
    {"accounts"},
    {"meetings"},
    {"documents"},
    {"search", "events", "liaisons", "consultations", "history"},
    {"reports"},
    {"site"},
    # The project's own entry points: settings (names the root URL configuration), the WSGI application, the CLI.
    {"settings", "wsgi", "cli"},
    # The test settings, which start from the production ones.
    {"settings_test"},
    {"__main__"},
    {"demo"},
]
DOMAIN_APPS = {
    "accounts",
    "bodies",
    "documents",
    "meetings",
    "events",
    "liaisons",
    "consultations",
    "reports",
    "search",
}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. cwgcop.meetings.api
    target: str  # the imported module, e.g. cwgcop.documents.models
    name: str | None  # the name taken from it (``from target import name``), if any
    line: int

    @property
    def app(self) -> str:
        return app_of(self.module)

    @property
    def target_app(self) -> str:
        return app_of(self.target)

    def __str__(self) -> str:
        taken = f" ({self.name})" if self.name else ""
        return f"{self.module}:{self.line} imports {self.target}{taken}"


def app_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> Iterator[Import]:
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Import(module, alias.name, None, node.lineno)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                for alias in node.names:
                    yield Import(module, target, alias.name, node.lineno)


def project_imports() -> list[Import]:
    return [i for i in imports() if i.target.startswith("cwgcop.") and i.target_app != i.app]


def layer(app: str) -> int:
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    raise AssertionError(f"cwgcop.{app} is in no layer of tests/site/test_layers.py: add it where it belongs")


def test_every_module_is_found() -> None:
    modules = {i.module for i in imports()}
    assert {"cwgcop.core.errors", "cwgcop.site.api", "cwgcop.meetings.services.actions"} <= modules


def test_every_app_is_in_a_layer() -> None:
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    assert apps == {app for apps in LAYERS for app in apps} - {"settings", "settings_test", "wsgi", "cli", "__main__"}


def test_core_imports_no_domain_app_nor_site_nor_demo() -> None:
    wrong = [str(i) for i in project_imports() if i.app == "core" and i.target_app != "core"]
    assert wrong == []


def test_only_the_demo_imports_the_demo() -> None:
    assert [str(i) for i in project_imports() if i.target_app == "demo"] == []


def test_nothing_imports_site() -> None:
    # settings names it by strings only (ROOT_URLCONF = "cwgcop.site.urls"), which no import reads.
    wrong = [str(i) for i in project_imports() if i.target_app == "site"]
    assert wrong == []


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_private_name_is_taken_from_another_module() -> None:
    # Nor any private module of another app. Within an app, a package may keep a private module for its own
    # modules (liaisons/services/_common.py); what it gives them is public.
    wrong = [
        str(i)
        for i in imports()
        if i.target.startswith("cwgcop.")
        and (private(i.name or "") or (i.target_app != i.app and any(private(p) for p in i.target.split("."))))
    ]
    assert wrong == []


def test_no_app_imports_an_app_of_its_own_layer_or_above() -> None:
    wrong = [str(i) for i in project_imports() if layer(i.target_app) >= layer(i.app)]
    assert wrong == []


def test_meetings_cite_documents_only_through_their_port() -> None:
    # Documents stand above meetings; the meeting record reaches them through meetings.citations, which the
    # documents app fills in. Any import of documents from meetings is a cycle, refused by the test above too.
    assert [str(i) for i in project_imports() if i.app == "meetings" and i.target_app == "documents"] == []
    assert "cwgcop.meetings.citations" in {i.module for i in imports()}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from cwgcop.documents.api import _meeting_id\n", "cwgcop.x.y:1 imports cwgcop.documents.api (_meeting_id)"),
        ("from . import models\n", "cwgcop.x.y:1 imports cwgcop.x (models)"),
        ("from ..documents import queries\n", "cwgcop.x.y:1 imports cwgcop.documents (queries)"),
    ],
)
def test_imports_are_read_with_their_names_and_relative_packages(
    source: str, found: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "cwgcop"
    (package / "x").mkdir(parents=True)
    (package / "x" / "y.py").write_text(source, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", package)
    assert [str(i) for i in imports()] == [found]
