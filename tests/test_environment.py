"""environment.yml (students, conda), environment-dev.yml (maintainers), pyproject.toml (pip) and
the pins must agree; the pins cover every platform; ruff finds nothing. Conda cannot run here."""

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
# Where conda-forge and PyPI spell a package differently.
CONDA_NAME = {"matplotlib": "matplotlib-base"}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PLATFORMS = {
    "linux": {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    "darwin": {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
    "win32": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
}


def pins() -> dict[str, tuple[str, str]]:
    """{name: (version, marker)} from requirements/constraints.txt."""
    out = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", line
            out[canonicalize_name(requirement.name)] = (spec.version, str(requirement.marker or ""))
    return out


def names(requirements: list[str]) -> list[str]:
    return [canonicalize_name(Requirement(r).name) for r in requirements]


def student_requirements() -> list[str]:
    return names(PROJECT["dependencies"]) + names(PROJECT["optional-dependencies"]["lab"])


def maintainer_requirements() -> list[str]:
    return names(PROJECT["optional-dependencies"]["test"])


def environment(file: str) -> tuple[dict[str, str], dict[str, str], dict]:
    env = yaml.safe_load((ROOT / file).read_text())
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for line in dep["pip"]:
                if line in (".", "-e ."):  # the course itself
                    pip[line] = ""
                else:
                    name, version = line.split("==")
                    pip[canonicalize_name(name)] = version
        else:
            name, _, version = dep.partition("=")
            conda[name] = version
    return conda, pip, env


@pytest.mark.parametrize("file", ["environment.yml", "environment-dev.yml"])
def test_channels_are_conda_forge_without_defaults(file):
    _, _, env = environment(file)
    assert env["channels"] == ["conda-forge", "nodefaults"]


def test_every_dependency_is_pinned():
    missing = [n for n in student_requirements() + maintainer_requirements() if n not in pins()]
    assert not missing, f"add to requirements/constraints.txt (make pins): {missing}"


@pytest.mark.parametrize("file, required", [("environment.yml", student_requirements),
                                            ("environment-dev.yml", maintainer_requirements)])
def test_each_environment_lists_its_dependencies_at_the_pinned_version(file, required):
    conda, pip, _ = environment(file)
    pinned = pins()
    for name in required():
        conda_name = CONDA_NAME.get(name, name)
        found = conda.get(conda_name, pip.get(name))
        assert found is not None, f"{name} (conda: {conda_name}) is missing from {file}"
        assert found == pinned[name][0], f"{name}: {file} has {found}, the pins have {pinned[name][0]}"


@pytest.mark.parametrize("file, required", [("environment.yml", student_requirements),
                                            ("environment-dev.yml", maintainer_requirements)])
def test_each_environment_has_nothing_extra(file, required):
    conda, pip, _ = environment(file)
    known = {CONDA_NAME.get(n, n) for n in required()} | {"python", "pip"}
    assert set(conda) <= known, f"{file} lists what its extra does not: {set(conda) - known}"
    assert set(pip) - {"."} <= set(required())


def test_the_students_environment_installs_the_course_and_no_test_tools():
    conda, pip, _ = environment("environment.yml")
    assert "." in pip and "-e ." not in pip  # a copy: the hub's home volume hides the image's home
    assert not {"pytest", "playwright", "frictionless", "nbval"} & (set(conda) | set(pip))


def test_python_version_matches_pyproject():
    conda, _, _ = environment("environment.yml")
    floor = re.search(r">=\s*(\d+\.\d+)", PROJECT["requires-python"]).group(1)
    assert conda["python"] == floor


def test_the_code_declares_version_floors():
    floors = {canonicalize_name(Requirement(r).name): Requirement(r).specifier for r in PROJECT["dependencies"]}
    for name in ("pandas", "matplotlib", "ipywidgets"):
        assert any(s.operator == ">=" for s in floors[name]), f"{name} needs a version floor"
    for name, (version, _) in pins().items():
        if name in floors:
            assert floors[name].contains(version), f"the pin {name}=={version} is below its floor"


def test_the_pins_cover_every_platform():
    """Every requirement that an installed package has on Windows, macOS or Linux only is pinned,
    and packages that only some platforms install carry a marker."""
    pinned = pins()
    missing, unmarked = [], []
    marked_elsewhere = {"pywinpty", "colorama", "appnope"}
    for dist in metadata.distributions():
        if canonicalize_name(dist.metadata["Name"]) not in pinned:
            continue
        for line in dist.requires or []:
            requirement = Requirement(line)
            if not requirement.marker or "extra" in str(requirement.marker):
                continue
            name = canonicalize_name(requirement.name)
            where = [p for p, env in PLATFORMS.items()
                     if requirement.marker.evaluate(dict(env, python_version="3.11"))]
            if where and name not in pinned:
                missing.append(f"{name} ({', '.join(where)})")
            if where and set(where) != set(PLATFORMS) and name in pinned and not pinned[name][1]:
                unmarked.append(name)
    assert not missing, f"pin these for their platforms (tools/pins.py): {sorted(set(missing))}"
    assert not [n for n in unmarked if n in marked_elsewhere], unmarked
    for name in marked_elsewhere:
        assert pinned[name][1], f"{name} must carry a platform marker"
    assert pinned["pexpect"][1] and pinned["ptyprocess"][1], "Linux/macOS-only pins need markers"


def test_make_lab_installs_only_the_lab_extra():
    makefile = (ROOT / "Makefile").read_text()
    students = makefile.split("$(STAMP): pyproject.toml $(PINS)")[1].split("\n\n")[0]
    assert "-e '.[lab]'" in students and "lab,test" not in students
    assert "-e '.[lab,test]'" in makefile.split("$(TEST_STAMP): $(STAMP)")[1].split("\n\n")[0]
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "lab"], capture_output=True, text=True).stdout
    assert ".installed-test" not in dry and ".[lab,test]" not in dry


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).parent / "ruff"
    result = subprocess.run([str(ruff), "check", "--no-cache", str(ROOT)], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stdout[-3000:]


def test_pre_commit_uses_local_hooks_only():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    assert config["repos"] and all(repo["repo"] == "local" for repo in config["repos"])
    assert any("ruff" in hook["entry"] for repo in config["repos"] for hook in repo["hooks"])
