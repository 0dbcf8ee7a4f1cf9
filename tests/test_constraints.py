"""Every dependency is pinned for CI: constraints.txt holds an exact version of each one
pyproject.toml names (runtime, dev and mutation extras), and .ci/run installs with it.

pyproject.toml keeps lower bounds for library users; without the pins a new release of a
dependency could change CI's behaviour unseen (issue 10, item 14). A dependency added to
pyproject.toml without ``scripts/refresh-constraints`` fails here, naming it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version and re.fullmatch(r"[\w.+!-]+", version), f"not an exact pin: {line}"
            pins[canonicalize_name(name)] = version
    return pins


def test_every_dependency_is_pinned_and_the_pin_satisfies_its_range() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]] + [
        Requirement(r) for extra in project["optional-dependencies"].values() for r in extra
    ]
    pins = _pins()
    unpinned = [str(r) for r in wanted if canonicalize_name(r.name) not in pins]
    assert not unpinned, f"run scripts/refresh-constraints: {unpinned} not in constraints.txt"
    outside = [f"{r} (pinned {pins[canonicalize_name(r.name)]})" for r in wanted
               if not r.specifier.contains(pins[canonicalize_name(r.name)], prereleases=True)]
    assert not outside, f"pins outside pyproject.toml's ranges: {outside}"


def test_ci_installs_with_the_constraints() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installs = [line for line in run.splitlines() if "pip install" in line]
    assert installs and all("-c constraints.txt" in line for line in installs), installs
