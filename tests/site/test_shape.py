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


# Tests mirror the code: the tests of `<app>/<kind>.py` or `<app>/<kind>/<module>.py` are in `tests/<app>/`, in a
# file whose name holds the module's name as words after `test_` (`test_rules.py`, `test_views_staff.py`,
# `test_services_statements.py`, `test_api_tokens.py`); the modules of a package may share the package's file
# (`test_services.py`, `test_views.py`).
BEHAVIOUR = ("api", "services", "views", "rules", "queries")
# Modules whose behaviour is tested through what uses it, in the file named (not by their own name).
TESTED_ELSEWHERE = {
    # the roles, token and account pages read these, with their query counts
    "accounts/queries": "accounts/test_roles_and_mfa.py",
    # a staff role is what the staff gate asks for: its walk over every staff page tests the rule
    "accounts/rules": "accounts/test_staff_access.py",
    "accounts/services": "accounts/test_api_tokens.py",
    "bodies/queries": "site/test_public_bodies.py",
    # the body and organisation pages are the services' own tests (test_services_bodies, test_organizations)
    "bodies/views/staff": "bodies/test_organizations.py",
    # the staff import page: its permission, its services (start, run, finish) and its views in one journey
    "history/rules": "history/test_staff_import.py",
    "history/services": "history/test_staff_import.py",
    "history/views": "history/test_staff_import.py",
    "consultations/queries": "consultations/test_queues.py",
    "core/views": "core/test_language_urls.py",
    "documents/queries": "documents/test_rows.py",
    "documents/rules": "documents/test_views_staff.py",
    "events/queries": "events/test_views.py",
    "events/rules": "events/test_views.py",
    "liaisons/queries": "liaisons/test_views_public.py",
    "meetings/queries": "meetings/test_views_public.py",
    "reports/queries": "reports/test_views_api.py",
    "reports/rules": "reports/test_views_api.py",
    "search/queries": "search/test_views.py",
    "search/services": "search/test_engine.py",
}
TESTS = PACKAGE.parents[1] / "tests"


def behaviour_modules() -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for app in sorted(p for p in PACKAGE.iterdir() if (p / "apps.py").exists()):
        for path in sorted(app.rglob("*.py")):
            parts = path.relative_to(app).with_suffix("").parts
            if parts[0] in BEHAVIOUR and not (len(parts) > 1 and parts[-1] == "__init__"):
                found.append((app.name, parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def has_its_test(app: str, parts: tuple[str, ...], test_names: list[str]) -> bool:
    wanted = {"_".join(parts), parts[-1], parts[0]}
    return any(f"_{name}_" in f"_{test.removeprefix('test_')}_" for name in wanted for test in test_names)


def test_every_module_with_behaviour_has_its_test_module() -> None:
    missing = []
    for app, parts in behaviour_modules():
        tests = [p.stem for p in (TESTS / app).glob("test_*.py")]
        module = f"{app}/{'/'.join(parts)}"
        if not has_its_test(app, parts, tests) and module not in TESTED_ELSEWHERE:
            missing.append(module)
    assert missing == []


def split(module: str) -> tuple[str, tuple[str, ...]]:
    app, *parts = module.split("/")
    return app, tuple(parts)


def test_the_modules_tested_elsewhere_are_true() -> None:
    modules = {f"{app}/{'/'.join(parts)}" for app, parts in behaviour_modules()}
    tests = [str(p.relative_to(TESTS)) for p in TESTS.rglob("test_*.py")]
    # Each still exists, still lacks a test module of its own, and is tested in a file that exists.
    assert sorted(set(TESTED_ELSEWHERE) - modules) == []
    own = [
        m
        for m in TESTED_ELSEWHERE
        if has_its_test(*split(m), [p.stem for p in (TESTS / split(m)[0]).glob("test_*.py")])
    ]
    assert own == []
    assert sorted(set(TESTED_ELSEWHERE.values()) - set(tests)) == []


def test_a_test_module_is_found_by_the_words_of_its_name() -> None:
    assert has_its_test("liaisons", ("services", "statements"), ["test_services_statements"])
    assert has_its_test("accounts", ("api",), ["test_api_tokens"])
    assert has_its_test("meetings", ("views", "staff_record"), ["test_views"])
    assert not has_its_test("meetings", ("views", "staff_record"), ["test_staff_records", "test_review"])
    assert not has_its_test("events", ("queries",), ["test_query", "test_pages"])
