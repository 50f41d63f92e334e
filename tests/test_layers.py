"""The layers run one way: handlers → answers → views → facts → users → loading → search →
db; bot/ is the composition root. Checked on the import statements of every module, so a
sideways import fails the build."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.one_database

# What each layer may import from the project (itself included): `db` is the store of record,
# `search` the full-text index over it, `loading` the content pipeline that fills both,
# `users` what is kept about users, `facts` the read model of a version. `drafting` is a
# domain package beside `loading` (it writes content, the others read its types).
STORE = {"db", "search", "loading", "users"}
ALLOWED = {
    "db": {"db"},
    "search": {"search", "db"},
    "users": {"users", "db"},
    "loading": {"loading", "search", "users", "db"},
    "facts": {"facts", "loading", "search", "db"},
    "drafting": {"drafting", "loading", "search", "db"},
    "views": {"views", "facts", "drafting", *STORE},
    "answers": {"answers", "views", "facts", "drafting", *STORE},
    "handlers": {"handlers", "answers", "views", "facts", "drafting", *STORE},
}
PROJECT = {"bot", "handlers", "answers", "views", "facts", "drafting", *STORE}


def project_imports(path: Path) -> set[str]:
    """Top-level project packages a module imports, wherever the import statement is."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & PROJECT


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_below(layer: str) -> None:
    wrong = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / layer).rglob("*.py")
        for name in project_imports(path) - ALLOWED[layer]
    }
    assert not wrong


def test_nothing_imports_the_composition_root() -> None:
    wrong = [
        str(path.relative_to(ROOT))
        for layer in ALLOWED
        for path in (ROOT / layer).rglob("*.py")
        if "bot" in project_imports(path)
    ]
    assert not wrong


def test_handlers_hold_no_sql_and_build_no_text() -> None:
    """Handler modules call answers and send them: no queries, no Cyrillic text of their own."""
    for path in (ROOT / "handlers").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        names = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        reads = ("sqlalchemy.sql", "users.stats", "search.index")
        assert not any(m.startswith(reads) for m in names)
        assert "select(" not in source, path.name
        strings = [
            n.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant)
            and isinstance(n.value, str)
            # docstrings explain the module; they are not sent to anyone
            and not any(isinstance(d, ast.Expr) and d.value is n for d in ast.walk(tree))
        ]
        russian = [s for s in strings if any("а" <= c.lower() <= "я" for c in s)]
        assert not russian, f"{path.name}: {russian}"


# The extraction modules of `drafting`, lowest first: each imports only those before it.
EXTRACTION = [
    "words", "nlp", "page", "places", "organizations", "people", "positions", "event", "venue",
]  # fmt: skip


def test_extraction_modules_import_only_those_below() -> None:
    wrong = []
    for k, name in enumerate([*EXTRACTION, "extract"]):
        tree = ast.parse((ROOT / "drafting" / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("drafting."):
                other = node.module.split(".")[1]
                if other in EXTRACTION and EXTRACTION.index(other) >= min(k, len(EXTRACTION)):
                    wrong.append(f"drafting/{name}.py imports drafting.{other}")
    assert not wrong


def test_the_image_holds_every_package() -> None:
    """The Dockerfile copies each package pyproject.toml installs (a package added to one and
    not the other makes an image that cannot start)."""
    import re
    import tomllib

    packages = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["packages"]
    copied = set(re.findall(r"^COPY (\w+) \1$", (ROOT / "Dockerfile").read_text(), re.M))
    assert {p.split(".")[0] for p in packages} <= copied
