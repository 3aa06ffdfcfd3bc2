"""Library hygiene (issue #11), read from the source's syntax trees:

- the library never prints nor ends the process (``print``, ``sys.exit``, ``exit``, ``quit``,
  ``os._exit``, ``raise SystemExit``) and never writes to the standard streams itself: only the
  command-line programs do;
- every error code the source uses (``"E_..."``) is the code of a class in ``errors.py``, so each
  code is documented in one place;
- every error the library raises is raised with a message.
"""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from newsevents import errors

SRC = Path(__file__).resolve().parent.parent / "src" / "newsevents"
#: command-line programs: they print and set the exit status (``python -m newsevents.evaluate``)
PROGRAMS = {"cli.py", "__main__.py", "evaluate.py"}
CODE = re.compile(r"^E_[A-Z][A-Z_]*$")
ERROR_CLASSES = {name: c for name, c in inspect.getmembers(errors, inspect.isclass)
                 if issubclass(c, errors.NewsEventsError)}


def _modules(include_programs: bool = False) -> list[Path]:
    files = sorted(SRC.rglob("*.py"))
    return [f for f in files if include_programs or f.name not in PROGRAMS]


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def process_calls(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, what) for each print, exit or write to a standard stream in ``tree``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in {"print", "exit", "quit", "sys.exit", "os._exit", "os.abort", "pprint", "pprint.pprint"}:
                found.append((node.lineno, name))
            elif re.fullmatch(r"sys\.(stdout|stderr|__stdout__|__stderr__)\.(write|writelines)", name):
                found.append((node.lineno, name))
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if _dotted(exc) in {"SystemExit", "KeyboardInterrupt"}:
                found.append((node.lineno, f"raise {_dotted(exc)}"))
    return sorted(found)


def test_the_checker_finds_what_it_looks_for():
    src = ("import sys, os\nprint('x')\nsys.exit(1)\nraise SystemExit(2)\nsys.stderr.write('e')\n"
           "os._exit(3)\nconsole.print('fine: a method')\nlog.info('fine')\n")
    assert [w for _, w in process_calls(ast.parse(src))] == [
        "print", "sys.exit", "raise SystemExit", "sys.stderr.write", "os._exit"]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_the_library_never_prints_nor_exits(path):
    assert process_calls(_tree(path)) == [], f"{path.name}: only the command-line programs may do this"


def test_programs_are_only_the_command_line():
    """A module that prints must be a program (run as a command): the list stays short."""
    printing = {p.name for p in _modules(include_programs=True) if process_calls(_tree(p))}
    assert printing <= PROGRAMS


def test_every_code_used_is_an_error_class_code():
    defined = {c.code for c in ERROR_CLASSES.values()}
    used: dict[str, str] = {}
    for path in _modules(include_programs=True):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
                used.setdefault(node.value, f"{path.name}:{node.lineno}")
    missing = {code: where for code, where in used.items() if code not in defined}
    assert not missing, f"codes used but not defined in errors.py: {missing}"


def test_every_error_class_has_its_own_code_and_says_what_it_is():
    for name, cls in ERROR_CLASSES.items():
        if cls is errors.NewsEventsError:
            continue
        parent = cls.__mro__[1]
        assert cls.code != getattr(parent, "code", None), f"{name} shares its parent's code"
        assert name in (errors.__doc__ or "") or cls.__doc__, f"{name} is not described"


def test_every_raised_library_error_has_a_message():
    bare = []
    for path in _modules(include_programs=True):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Raise) and isinstance(node.exc, (ast.Call, ast.Name)):
                call = node.exc
                name = _dotted(call.func if isinstance(call, ast.Call) else call).rsplit(".", 1)[-1]
                if name not in ERROR_CLASSES:
                    continue
                args = call.args if isinstance(call, ast.Call) else []
                empty = not args or (isinstance(args[0], ast.Constant) and not str(args[0].value).strip())
                if empty:
                    bare.append(f"{path.name}:{node.lineno} {name}")
    assert not bare, f"errors raised without a message: {bare}"
