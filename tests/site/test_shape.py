"""Every app has the same shape of entry points, so a reader finds a page, an endpoint or a feed by name alone.

Views live in ``<app>/views.py`` or the ``<app>/views/`` package (feeds too); URL patterns in ``urls.py`` and
``staff_urls.py``; API routers in ``api.py``; and a view shows a service's refusal through ``core.refusals``,
never with its own ``try``/``except DomainError``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "cwgcop"
ENTRY_POINT_NAME = re.compile(r"(^|_)(views|urls|api|feeds|serializers)$")


def modules() -> dict[str, ast.Module]:
    return {
        ".".join(path.relative_to(PACKAGE).with_suffix("").parts): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "migrations" not in path.parts
    }


def is_view_module(name: str) -> bool:
    parts = name.split(".")
    return len(parts) >= 2 and parts[1] == "views"


def assigns(tree: ast.Module, target: str) -> bool:
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id == target for t in targets):
            return True
    return False


def calls(tree: ast.Module, function: str) -> bool:
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function
        for node in ast.walk(tree)
    )


def test_entry_point_modules_have_the_shape_of_every_app() -> None:
    allowed = re.compile(r"^\w+\.(views(\.\w+)?|urls|staff_urls|api)$|^core\.api\.\w+$")
    wrong = [name for name in modules() if ENTRY_POINT_NAME.search(name.rsplit(".", 1)[-1]) and not allowed.match(name)]
    assert wrong == []


def test_url_patterns_are_only_in_urls_and_staff_urls() -> None:
    wrong = [name for name, tree in modules().items() if assigns(tree, "urlpatterns")]
    assert [n for n in wrong if n.rsplit(".", 1)[-1] not in {"urls", "staff_urls"}] == []


def test_api_routers_are_only_in_api_modules() -> None:
    wrong = [name for name, tree in modules().items() if calls(tree, "Router") or calls(tree, "NinjaAPI")]
    assert [n for n in wrong if not n.endswith(".api")] == []


def catches_a_refusal(tree: ast.Module) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.ExceptHandler) and "DomainError" in ast.unparse(node.type or ast.Constant(None))
    ]


def test_no_view_catches_a_refusal_by_hand() -> None:
    wrong = [
        f"{name}:{line}" for name, tree in modules().items() if is_view_module(name) for line in catches_a_refusal(tree)
    ]
    assert wrong == []


def test_no_api_endpoint_catches_a_refusal_by_hand() -> None:
    # The API's handler (core.api.errors) answers every refusal; core.api.errors.plain_refusal_codes keeps the
    # plain codes some endpoints always answered.
    wrong = [
        f"{name}:{line}"
        for name, tree in modules().items()
        if name.endswith(".api")
        for line in catches_a_refusal(tree)
    ]
    assert wrong == []


def test_a_refusal_caught_by_hand_is_seen() -> None:
    tree = ast.parse("try:\n    pass\nexcept (ValueError, DomainError) as error:\n    raise\n")
    assert catches_a_refusal(tree) == [3]


def test_the_checks_see_the_views_they_check() -> None:
    names = modules()
    assert {"meetings.views.public", "documents.views.feeds", "site.urls", "site.staff_urls", "site.api"} <= set(names)
    assert is_view_module("meetings.views.staff_record")
    assert not is_view_module("meetings.services.actions")
