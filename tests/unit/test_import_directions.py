"""Import directions: data flows down, nothing flows up, and nothing goes round in a circle.

The graph is read by parsing the source with `ast`, not by importing it, so an import inside a function
counts as much as one at the top of the module: a lazy import hides a circle, it does not break it.
"""

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["atlas", "quizzes", "learners", "core", "imaging", "bundles", "stacks", "config", "pages_common"]
# The demo loader sits on top of everything: it may import every app, and only core's commands import it.
DEMO_LOADER = ("core.demo", "core.demo_data")
PURE_QUIZ_MODULES = {"quizzes.scoring", "quizzes.workup", "quizzes.answers"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PACKAGES
        if (ROOT / package).is_dir()
        for path in sorted((ROOT / package).rglob("*.py"))
        if ".venv" not in path.parts
    }


def _resolve(name: str, modules: dict) -> str | None:
    """The longest known module that `name` names or lies inside (a.b.C -> a.b), or None if outside the project."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports_of(module: str, path: Path, modules: dict) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            source = ".".join(p for p in (base if node.level else "", node.module or "") if p)
            # `from pkg import mod` imports the submodule pkg.mod; `from mod import name` imports mod.
            names = [f"{source}.{alias.name}" for alias in node.names] + [source]
            names = [n for n in names if n in modules] or [source]
        else:
            continue
        found |= {target for n in names if (target := _resolve(n, modules)) and target != module}
    return found


@cache
def _graph() -> dict[str, frozenset[str]]:
    modules = _modules()
    return {m: frozenset(_imports_of(m, path, modules)) for m, path in modules.items()}


def _app(module: str) -> str:
    if module.startswith(DEMO_LOADER) or module.startswith("core.management"):
        return "core.demo"
    return module.split(".")[0]


def _cycles(graph: dict[str, set[str] | frozenset[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan), each sorted: every one holds a circle."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _app_graph() -> dict[str, set[str]]:
    apps = defaultdict(set)
    for module, targets in _graph().items():
        apps[_app(module)] |= {_app(t) for t in targets} - {_app(module)}
    return dict(apps)


def _edges_into(graph, component: list[str]) -> list[str]:
    members = set(component)
    return [f"{a} -> {b}" for a in component for b in sorted(graph[a]) if b in members]


def _crossings(sources, forbidden) -> list[str]:
    return [
        f"{module} -> {target}"
        for module, targets in sorted(_graph().items())
        if sources(module)
        for target in sorted(targets)
        if forbidden(module, target)
    ]


def test_the_graph_reads_every_package():
    modules = _modules()
    assert {"atlas.models", "quizzes.services", "learners.receivers", "core.demo", "config.urls"} <= set(
        modules
    )
    assert "quizzes.models" in _graph()["quizzes.services"]
    # An import inside a function counts: the demo command's loader imports quizzes only that way.
    assert "quizzes.demo" in _graph()["core.demo"]


def test_no_module_imports_go_round_in_a_circle():
    graph = _graph()
    cycles = _cycles(graph)
    assert not cycles, "module import cycles:\n" + "\n".join(
        f"  {' , '.join(c)}\n    " + "\n    ".join(_edges_into(graph, c)) for c in cycles
    )


def test_apps_import_each_other_in_one_direction_only():
    apps = _app_graph()
    cycles = _cycles(apps)
    edges = [
        f"{m} -> {t}"
        for c in cycles
        for m, targets in sorted(_graph().items())
        if _app(m) in c
        for t in sorted(targets)
        if _app(t) in c and _app(t) != _app(m)
    ]
    assert not cycles, f"app import cycles: {cycles}\n  " + "\n  ".join(edges)


def test_imaging_imports_no_app():
    assert not _crossings(lambda m: m.split(".")[0] == "imaging", lambda m, t: t.split(".")[0] != "imaging")


def test_pure_quiz_modules_import_no_app():
    assert not _crossings(lambda m: m in PURE_QUIZ_MODULES, lambda m, t: t not in PURE_QUIZ_MODULES)


def test_shared_page_helpers_import_no_app():
    assert not _crossings(
        lambda m: m.split(".")[0] == "pages_common", lambda m, t: t.split(".")[0] != "pages_common"
    )


def test_atlas_imports_neither_quizzes_nor_learners():
    assert not _crossings(
        lambda m: m.split(".")[0] == "atlas", lambda m, t: t.split(".")[0] in {"quizzes", "learners"}
    )


def test_quizzes_does_not_import_learners():
    assert not _crossings(lambda m: m.split(".")[0] == "quizzes", lambda m, t: t.split(".")[0] == "learners")


def test_only_core_commands_import_the_demo_loader():
    assert not _crossings(
        lambda m: not m.startswith(("core.management.commands", *DEMO_LOADER)),
        lambda m, t: t.startswith(DEMO_LOADER),
    )
