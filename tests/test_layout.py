"""The module layout of DESIGN.md: imports point down the layers, click stays in the command
layer, rich in the table renderer, and cli.py stays thin. Read from the source, every import
counted, those inside functions too."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "httpstat_cli"
COMMAND_LAYER = {"cli", "options", "helppage", "parser_errors", "readers", "__main__"}
CORE = {"errors", "registry", "i18n", "query", "search", "explain", "views", "completion"}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """Every module ``name`` imports, as dotted names (``from x import y`` counts x and x.y)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(MODULES[name].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def touches(imported: set[str], package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in imported)


def test_the_layers_are_all_there() -> None:
    assert CORE | COMMAND_LAYER | {"app", "render.table", "render.plain", "render.json"} <= set(
        MODULES
    )


@pytest.mark.parametrize("name", sorted(set(MODULES) - COMMAND_LAYER))
def test_only_the_command_layer_knows_click(name: str) -> None:
    assert not touches(imports(name), "click")


@pytest.mark.parametrize("name", sorted(set(MODULES) - {"render.table"}))
def test_only_the_table_renderer_knows_rich(name: str) -> None:
    assert not touches(imports(name), "rich")


@pytest.mark.parametrize("name", sorted(CORE))
def test_core_modules_import_neither_renderers_nor_the_command_layer(name: str) -> None:
    imported = imports(name)
    for upper in ("httpstat_cli.render", "httpstat_cli.app", "httpstat_cli.cli"):
        assert not touches(imported, upper), upper
    assert not touches(imported, "httpstat_cli.options")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_uses_cpythons_private_json(name: str) -> None:
    assert not touches(imports(name), "_json")


def test_the_command_tree_stays_thin() -> None:
    lines = MODULES["cli"].read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300
