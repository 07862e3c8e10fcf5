"""When lesson cells run out of order: say which cell to run first, instead of a bare NameError.

Registered as an IPython custom exception handler for ``NameError`` when ``course_lib`` is
imported in a kernel, and at kernel start where the course's kernel configuration is installed
(``python -m course_lib workcopy`` writes it), so a student cell run before the setup cell is
explained too. A name counts as a course name when a code cell of a lesson notebook in the
notebook's folder assigns or imports it; other NameErrors keep IPython's usual traceback.
Standard library only: this runs at every kernel start.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

_NAME = re.compile(r"name '([^']+)' is not defined")


def _defined_names(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in getattr(tree, "body", []):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.With)):
            targets = (node.targets if isinstance(node, ast.Assign) else
                       [node.target] if not isinstance(node, ast.With) else
                       [i.optional_vars for i in node.items if i.optional_vars is not None])
            for target in targets:
                for leaf in ast.walk(target):
                    if isinstance(leaf, ast.Name):
                        names.add(leaf.id)
    return names


def where_defined(name: str, folder: Path, prefer: str | None = None) -> list[tuple[str, int, str]]:
    """(notebook, code cell number counted from 1, its first line) for cells that define ``name``."""
    found = []
    paths = sorted(Path(folder).glob("*.ipynb"))
    if prefer:
        paths.sort(key=lambda p: p.name != Path(prefer).name)
    for path in paths:
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        number = 0
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            number += 1
            source = "".join(cell.get("source", []))
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            if name in _defined_names(tree):
                first = next((line for line in source.splitlines() if line.strip()
                              and not line.lstrip().startswith("#")), "")
                found.append((path.name, number, first.strip()))
                break
    return found


def hint(error: BaseException, folder: Path | None = None, session: str | None = None) -> str | None:
    """The message for a NameError on a course name, or None for any other name."""
    match = _NAME.search(str(error))
    if not match:
        return None
    name = match.group(1)
    places = where_defined(name, folder or Path.cwd(), session)
    if not places:
        return None
    notebook, number, first = places[0]
    where = f"code cell {number} of {notebook}" if not session or Path(session).name != notebook \
        else f"code cell {number} of this notebook"
    return (f"NameError: '{name}' does not exist yet: it is made by an earlier cell that has not run "
            f"in this session. Run {where} first (it starts: {first[:80]}), or use "
            f"Run > Run All Above to run every cell above this one.")


def _handler(shell, etype, value, tb, tb_offset=None):
    session = shell.user_ns.get("__session__") if hasattr(shell, "user_ns") else None
    try:
        message = hint(value, Path.cwd(), session if isinstance(session, str) else None)
    except Exception:  # noqa: BLE001 - a hint must never hide the real error
        message = None
    if message is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        return None
    print(message, file=sys.stderr)
    return None


def register(shell=None) -> bool:
    """Install the handler in the running IPython shell (once); False outside IPython."""
    if shell is None:
        ipython = sys.modules.get("IPython")
        get = getattr(ipython, "get_ipython", None) if ipython else None
        shell = get() if get else None
    if shell is None or getattr(shell, "_course_hints", False):
        return False
    shell.set_custom_exc((NameError,), _handler)
    shell._course_hints = True
    return True


def load_ipython_extension(shell) -> None:
    """``%load_ext course_lib.hints`` and the kernel configuration use this."""
    register(shell)
