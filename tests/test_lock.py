"""Installs are reproducible: every dependency the project declares is pinned to one exact
version in requirements.lock, and the environment the tests run in holds exactly those."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, version

from tests.conftest import ROOT


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, pinned = line.partition("==")
        assert sep, f"requirements.lock: «{line}» is not an exact version"
        pins[_canonical(name)] = pinned
    return pins


def test_every_declared_dependency_is_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    declared = list(project["dependencies"]) + list(project["optional-dependencies"]["dev"])
    pins = _pins()
    missing = [req for req in declared if _canonical(re.split(r"[\[<>=!~; ]", req)[0]) not in pins]
    assert not missing, f"not in requirements.lock (run `make lock`): {missing}"


def test_installed_versions_are_the_locked_ones() -> None:
    differ = []
    for name, pinned in _pins().items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            differ.append(f"{name}: not installed")
            continue
        if installed != pinned:
            differ.append(f"{name}: {installed} installed, {pinned} locked")
    assert not differ, differ
