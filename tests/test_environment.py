"""environment.yml (conda), pyproject.toml (pip) and the pins must agree; conda cannot run here."""

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
# Where conda-forge and PyPI spell a package differently.
CONDA_NAME = {"matplotlib": "matplotlib-base"}


def pins() -> dict[str, str]:
    out = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            out[canonicalize_name(name)] = version
    return out


def pyproject_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = [Requirement(r).name for r in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        names += [Requirement(r).name for r in extra]
    return [canonicalize_name(n) for n in names]


def environment() -> tuple[dict[str, str], dict[str, str], dict]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                if line.startswith("-e"):
                    pip[line] = ""
                else:
                    name, version = line.split("==")
                    pip[canonicalize_name(name)] = version
        else:
            name, _, version = dep.partition("=")
            conda[name] = version
    return conda, pip, env


def test_channels_are_conda_forge_without_defaults():
    _, _, env = environment()
    assert env["channels"] == ["conda-forge", "nodefaults"]


def test_every_dependency_is_pinned():
    missing = [n for n in pyproject_requirements() if n not in pins()]
    assert not missing, f"add to requirements/constraints.txt (make pins): {missing}"


def test_environment_lists_every_dependency_at_the_pinned_version():
    conda, pip, _ = environment()
    pinned = pins()
    for name in pyproject_requirements():
        conda_name = CONDA_NAME.get(name, name)
        found = conda.get(conda_name, pip.get(name))
        assert found is not None, f"{name} (conda: {conda_name}) is missing from environment.yml"
        assert found == pinned[name], f"{name}: environment.yml has {found}, the pins have {pinned[name]}"


def test_environment_has_nothing_extra_and_installs_the_course():
    conda, pip, _ = environment()
    known = {CONDA_NAME.get(n, n) for n in pyproject_requirements()} | {"python", "pip"}
    assert set(conda) <= known, f"not in pyproject.toml: {set(conda) - known}"
    assert "-e ." in pip


def test_python_version_matches_pyproject():
    conda, _, _ = environment()
    floor = re.search(r">=\s*(\d+\.\d+)", tomllib.loads((ROOT / "pyproject.toml").read_text())
                      ["project"]["requires-python"]).group(1)
    assert conda["python"] == floor
