"""The README and docs/architecture.md against the code: every command and option of the CLI is
in the CLI reference, every test the Reliability section cites exists, every config key the
validator knows is in the config reference (and nothing else is), and every module the docs
name exists, with the package tree drawn exactly as it is."""

from __future__ import annotations

import ast
import importlib
import re
import tomllib
from pathlib import Path

import click
import pytest

from tracker.cli import main
from tracker.config import CONFIG_FILENAME
from tracker.config.schema import TABLES, TOP_KEYS

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The body of a Markdown section, up to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = text.index(heading + "\n") + len(heading) + 1
    ends = [m.start() for m in re.finditer(r"^#{1,%d} " % len(level), text[start:], re.M)]
    return text[start:start + ends[0]] if ends else text[start:]


def commands() -> list[tuple[str, click.Command]]:
    """Every command under the `tracker` group (nested groups included), by full name."""
    found: list[tuple[str, click.Command]] = []

    def visit(prefix: str, group: click.Group) -> None:
        for name, command in sorted(group.commands.items()):
            if command.hidden:
                continue
            found.append((f"{prefix} {name}", command))
            if isinstance(command, click.Group):
                visit(f"{prefix} {name}", command)

    assert isinstance(main, click.Group)
    visit("tracker", main)
    return found


def options(command: click.Command) -> list[click.Option]:
    return [p for p in command.params
            if isinstance(p, click.Option) and not p.hidden and "--help" not in p.opts]


CLI_REFERENCE = section(README, "## CLI reference")


def test_the_cli_has_commands_to_check() -> None:
    assert len(commands()) >= 10


@pytest.mark.parametrize("name,command", commands(), ids=[n for n, _ in commands()])
def test_every_command_and_its_options_are_in_the_cli_reference(name: str,
                                                                 command: click.Command) -> None:
    rows = [line for line in CLI_REFERENCE.splitlines() if line.startswith(f"| `{name}")]
    assert rows, f"`{name}` has no row in the README's CLI reference"
    documented = "\n".join(rows)
    missing = [opt.opts for opt in options(command)
               if not any(re.search(re.escape(flag) + r"(?![\w-])", documented)
                          for flag in opt.opts + opt.secondary_opts)]
    assert not missing, f"`{name}` options missing from its CLI reference row(s): {missing}"


def test_global_options_are_in_the_cli_reference() -> None:
    line = next(line for line in CLI_REFERENCE.splitlines()
                if line.startswith("Global options:"))
    para = CLI_REFERENCE[CLI_REFERENCE.index(line):].split("\n\n", 1)[0]
    missing = [opt.opts for opt in options(main)
               if not any(flag in para for flag in opt.opts)]
    assert not missing, f"global options missing from the CLI reference: {missing}"


# ----------------------------------------------------------------------- reliability

CITED = sorted(set(re.findall(r"(tests/[\w/]+\.py)(?:::(\w+))?",
                              section(README, "## Reliability"))))


def defined_tests(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name.startswith("test")}


def test_the_reliability_section_cites_tests() -> None:
    assert len([name for _, name in CITED if name]) >= 20


@pytest.mark.parametrize("path,name", CITED, ids=[f"{p}::{n}" if n else p for p, n in CITED])
def test_every_test_the_reliability_section_cites_exists(path: str, name: str) -> None:
    assert (REPO / path).is_file(), f"{path} does not exist"
    if name:
        assert name in defined_tests(REPO / path), f"{path} has no test named {name}"


# ----------------------------------------------------------------------- config reference

def reference_config() -> dict:
    block = re.search(r"```toml\n(.*?)```", section(README, "## Config reference"), re.S)
    assert block, "the config reference has no ```toml block"
    return tomllib.loads(block.group(1))


def documented_keys() -> dict[str, set[str]]:
    ref = reference_config()
    company = ref["companies"][0]
    return {"site": set(ref["site"]), "fetch": set(ref["fetch"]), "wayback": set(ref["wayback"]),
            "remote": set(ref["remote"]),
            "companies": set(company),
            "companies.documents": set(company["documents"][0])}


def test_the_config_reference_names_every_table() -> None:
    assert set(reference_config()) == set(TOP_KEYS)
    assert set(documented_keys()) == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_config_key_the_validator_knows_is_in_the_config_reference(table: str) -> None:
    known = set(TABLES[table].keys)
    documented = documented_keys()[table]
    assert known - documented == set(), f"[{table}] keys missing from the config reference"
    assert documented - known == set(), f"[{table}] documents keys the validator refuses"


# ----------------------------------------------------------------------- modules and tree

def named_modules(text: str) -> set[str]:
    """Dotted `tracker.x.y` names and `tracker/x/y.py` paths written in code spans."""
    spans = re.findall(r"`([^`\n]+)`", text)
    names = set()
    for span in spans:
        names.update(re.findall(r"(?<![\w./-])tracker(?:\.[A-Za-z_]\w*)+", span))
        names.update(re.findall(r"(?<![\w/.-])tracker/[\w/]+(?:\.py)?", span))
    names.discard(CONFIG_FILENAME)  # tracker.toml: the config file, not a module
    return names


def resolves(name: str) -> bool:
    if "/" in name:
        return (REPO / name).exists()
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return False
            obj = getattr(obj, attr)
        return True
    return False


@pytest.mark.parametrize("doc", ["README.md", "docs/architecture.md"])
def test_every_module_the_docs_name_exists(doc: str) -> None:
    names = named_modules((REPO / doc).read_text(encoding="utf-8"))
    assert names, f"{doc} names no module"
    assert sorted(n for n in names if not resolves(n)) == []


def drawn_tree() -> set[str]:
    """The modules drawn in docs/architecture.md's package tree, as paths."""
    block = re.search(r"```\n(tracker/.*?)```", section(ARCHITECTURE, "## Package tree"), re.S)
    assert block, "docs/architecture.md has no package tree"
    stack: list[tuple[int, str]] = []
    modules = set()
    for line in block.group(1).splitlines():
        match = re.match(r"( *)(\S+)", line)
        if not match:
            continue
        indent, name = len(match.group(1)), match.group(2)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if name.endswith("/"):
            stack.append((indent, name))
        elif name.endswith(".py"):
            modules.add("".join(p for _, p in stack) + name)
    return {m for m in modules if m.startswith("tracker/")}


def test_the_package_tree_in_the_docs_is_the_real_one() -> None:
    real = {p.relative_to(REPO).as_posix() for p in (REPO / "tracker").rglob("*.py")
            if p.name != "__init__.py"}
    drawn = drawn_tree()
    assert sorted(real - drawn) == [], "modules missing from docs/architecture.md's tree"
    assert sorted(drawn - real) == [], "modules drawn in docs/architecture.md that do not exist"


def readme_tree() -> set[str]:
    """The modules listed in the README's architecture tree ("pkg/  a · b · c"), as paths."""
    block = re.search(r"```\n(tracker/.*?)\n(?:templates/|```)", section(README, "## Architecture"),
                      re.S)
    assert block, "the README's architecture section has no package tree"
    modules, package = set(), ""
    for line in block.group(1).splitlines():
        match = re.match(r" *(\S+/) +(.*)", line)
        if match:
            package = "tracker/" if match.group(1) == "tracker/" else f"tracker/{match.group(1)}"
            names = match.group(2)
        else:
            names = line
        modules.update(f"{package}{name}.py" for name in re.findall(r"\w+", names))
    return modules


def test_the_readme_tree_lists_every_module() -> None:
    real = {p.relative_to(REPO).as_posix() for p in (REPO / "tracker").rglob("*.py")
            if p.name not in ("__init__.py", "__main__.py")}
    drawn = readme_tree()
    assert sorted(real - drawn) == [], "modules missing from the README's architecture tree"
    assert sorted(drawn - real) == [], "modules in the README's tree that do not exist"
