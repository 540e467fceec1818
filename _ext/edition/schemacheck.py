"""Check the data files against their JSON Schemas (``data/schema/``), naming each problem's line.

``data/X.yaml`` is checked against ``data/schema/X.schema.json``. The schemas say what
fields an entry has, which are required and what values they take; editors that read the
``# yaml-language-server: $schema=…`` line at the top of each data file show the same
rules while one types. The build checks the meaning besides (that a date exists, that a
section label is a real section); a test keeps the two in step.

Run by ``nox -s lint``: ``python _ext/edition/schemacheck.py data/kronoloji.yaml …``;
prints ``file:line: entry 'id': problem; what the field is`` and exits 1 on any problem.
It needs only PyYAML and jsonschema.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import yaml


class KeyLineLoader(yaml.SafeLoader):
    """A safe loader that keeps dates as text and remembers where each key stands."""


#: Lines of what was loaded: id(mapping) -> {"": line of the mapping, key: line of the key}.
LINES: dict[int, dict[str, int]] = {}


def _mapping(loader: KeyLineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    lines = {"": node.start_mark.line + 1}
    for key_node, _ in node.value:
        lines[str(loader.construct_object(key_node))] = key_node.start_mark.line + 1
    LINES[id(mapping)] = lines
    return mapping


KeyLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
KeyLineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_for(path: Path) -> Path:
    return path.parent / "schema" / f"{path.stem}.schema.json"


def locate(data: Any, where: list[Any]) -> tuple[int, str]:
    """The line of the deepest mapping key on the path, and the entry's label."""
    line, label, node = 1, "", data
    for step in where:
        if isinstance(node, dict):
            lines = LINES.get(id(node), {})
            if not label and "id" in node:
                label = f"entry {node['id']!r}"
            line = lines.get(str(step), lines.get("", line))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict):
        line = LINES.get(id(node), {}).get("", line)
        if not label and "id" in node:
            label = f"entry {node['id']!r}"
    if not label and len(where) >= 1 and isinstance(where[0], int):
        label = f"entry {where[0] + 1} (no id)"
    return line, label


def hint(schema: dict[str, Any], where: list[Any], error: jsonschema.ValidationError) -> str:
    """What the field in question is for, from the schema's description."""
    fields = schema.get("items", {}).get("properties", {})
    if error.validator == "required":
        missing = next(name for name in error.validator_value if name not in error.instance)
        return f"add '{missing}': {fields.get(missing, {}).get('description', '')}"
    if error.validator == "additionalProperties":
        return "the fields are " + ", ".join(fields)
    name = next((step for step in where if isinstance(step, str)), None)
    if name in fields:
        return fields[name].get("description", "")
    return schema.get("description", "")


def problems(path: Path) -> list[tuple[int, str]]:
    """(line, message) for each way ``path`` breaks its schema, in file order."""
    schema_path = schema_for(path)
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except OSError:
        return [(1, f"no schema for this file; add {schema_path}")]
    LINES.clear()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=KeyLineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [((mark.line + 1) if mark else 1, f"not valid YAML: {error}")]
    validator = jsonschema.validators.validator_for(schema)(schema)
    found = []
    for error in validator.iter_errors(data if data is not None else []):
        where = list(error.absolute_path)
        line, label = locate(data, where)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = error.schema.get("properties", {})
            extra = next((key for key in error.instance if key not in allowed), None)
            line = LINES.get(id(error.instance), {}).get(str(extra), line)
        field = next((step for step in reversed(where) if isinstance(step, str)), None)
        subject = ": ".join(part for part in (label, field) if part)
        text = f"{subject}: {error.message}" if subject else error.message
        found.append((line, f"{text}; {hint(schema, where, error)}"))
    return sorted(found)


def main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        for line, message in problems(Path(name)):
            print(f"{name}:{line}: {message}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
