"""The extension's layers keep their rule: nothing imports (or loads) a layer above it.

``core`` uses nothing of the edition's; ``content``, ``registers`` and ``checks`` use
``core`` only; ``site`` and ``pdf`` use those and never each other; ``upstream`` (the
adapters) may be used by all and uses nothing of the edition's. A dependency is an import
(at the top or inside a function) or an ``app.setup_extension("edition…")``.
"""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT

PACKAGE = ROOT / "_ext" / "edition"

#: What each layer may use besides itself.
ALLOWED = {
    "core": {"upstream"},
    "content": {"core", "upstream"},
    "registers": {"core", "upstream"},
    "checks": {"core", "upstream"},
    "site": {"core", "content", "registers", "checks", "upstream"},
    "pdf": {"core", "content", "registers", "checks", "upstream"},
    "upstream": set(),
}


def layer_of(dotted: str) -> str | None:
    parts = dotted.split(".")
    return parts[1] if parts[0] == "edition" and len(parts) > 1 else None


def dependencies(path):
    """(line, dotted name) of every edition module the file imports or loads."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # ``from edition import core`` names a layer too
                yield (
                    node.lineno,
                    node.module if node.module != "edition" else f"edition.{alias.name}",
                )
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "setup_extension"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield node.lineno, node.args[0].value


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def test_every_module_is_in_a_known_layer():
    layers = {p.relative_to(PACKAGE).parts[0] for p in MODULES}
    assert layers == set(ALLOWED), "a new folder under _ext/edition/: give it a place in ALLOWED"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_reaches_above_its_layer(path):
    own = path.relative_to(PACKAGE).parts[0]
    wrong = [
        f"{path.relative_to(ROOT)}:{line}: uses {name} ({layer} is not below {own})"
        for line, name in dependencies(path)
        if (layer := layer_of(name)) and layer != own and layer not in ALLOWED[own]
    ]
    assert not wrong, "\n".join(wrong)


def test_the_rule_is_checked_on_real_imports(tmp_path):
    """The scan sees imports inside functions and extension loads, so it can fail."""
    sample = tmp_path / "x.py"
    sample.write_text(
        "def f(app):\n    from edition.site.csp import policy\n"
        "    app.setup_extension('edition.pdf.builder')\n",
        "utf-8",
    )
    assert [layer_of(n) for _, n in dependencies(sample)] == ["site", "pdf"]


def test_conf_loads_the_one_extension_and_it_loads_every_part():
    import edition

    conf = ast.parse((ROOT / "conf.py").read_text("utf-8"))
    local = [
        n.value
        for n in ast.walk(conf)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and n.value.startswith("edition")
    ]
    assert "edition" in local
    assert not [n for n in local if n.startswith("edition.")], "conf.py loads parts one by one"
    parts = {
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in MODULES
        if "def setup(app" in p.read_text("utf-8") and p.parts[-2] != "upstream"
    }
    parts = {p.removesuffix(".__init__") for p in parts}
    assert parts == set(edition.PARTS), "a part with a setup() that edition.PARTS does not load"
