"""Read the data files safely and check them against their JSON Schemas, naming each problem's line.

``data/X.yaml`` is checked against ``data/schema/X.schema.json``. The schemas say what
fields an entry has, which are required, what values they take and how long a text may
be; editors that read the ``# yaml-language-server: $schema=…`` line at the top of each
data file show the same rules while one types. The build (``edition.core.data``) applies the
same schemas with this module before it uses an entry, and checks the meaning besides
(that a date exists, that a section label is a real section); a test keeps the two in step.

Reading is safe before it is anything else. PyYAML's safe loader still expands aliases,
so a few lines of nested ``&a [*b, *b, …]`` (a "billion laughs") grow into gigabytes;
the edition's data files need no anchors or aliases, so the first ``&name`` or ``*name``
is refused at its line before anything is built from the file, and so is nesting deeper
than :data:`MAX_DEPTH` (``[[[[…`` fifty thousand deep overflows PyYAML's recursion). A key
given twice in one entry is refused too (YAML would silently keep the last), and so is a
file larger than :data:`MAX_BYTES`. Tags other than YAML's plain types
(``!!python/object…``) are refused by the safe loader, at their line.

The schemas are applied by a small validator of the part of JSON Schema (draft-07) they
use (``type``, ``enum``, ``pattern``, ``minLength``/``maxLength``, ``minItems``/``maxItems``,
``uniqueItems``, ``items``, ``properties``, ``required``, ``additionalProperties``); a
schema using any other keyword is an error, not silently ignored. The build needs no
jsonschema package for it, and a test checks that jsonschema agrees.

Run by ``nox -s lint``: ``python tools/schemacheck.py data/kronoloji.yaml …``;
prints ``file:line: entry 'id': problem; what the field is`` and exits 1 on any problem.
It needs only PyYAML.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The largest data file read (bytes). The edition's files hold a few kilobytes.
MAX_BYTES = 256 * 1024
#: The deepest nesting of lists and mappings read; the edition's files go three deep
#: (the list of entries, an entry, its list of sections). Deeper, PyYAML's recursion
#: would fail with a traceback.
MAX_DEPTH = 8

#: Lines of what was loaded: id(mapping) -> {"": line of the mapping, key: line of the key}.
Lines = dict[int, dict[str, int]]

WITHOUT_TIMESTAMPS = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Refused(yaml.MarkedYAMLError):
    """A construct the data files may not use, at its mark."""

    def __init__(self, problem: str, mark: yaml.Mark) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class KeyLineLoader(yaml.SafeLoader):
    """A safe loader that keeps dates as text and remembers where each key stands."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: Lines = {}


class FastKeyLineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same, parsing with libyaml where PyYAML has it; a file it refuses is read again
    by KeyLineLoader, whose messages name the broken construct."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: Lines = {}


def _mapping(loader: KeyLineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[Any, Any] = {}
    lines = {"": node.start_mark.line + 1}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)  # reported as an unknown field
        if key in mapping:
            raise Refused(
                f"the field {key!r} is given twice in this entry (first at line "
                f"{lines[key]}); keep one",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    loader.lines[id(mapping)] = lines
    return mapping


for _loader in (KeyLineLoader, FastKeyLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    _loader.yaml_implicit_resolvers = WITHOUT_TIMESTAMPS


def screen(text: str, loader: type = KeyLineLoader) -> None:
    """Raise :class:`Refused` at the first anchor or alias, or where the nesting goes deeper
    than :data:`MAX_DEPTH`, before anything is built (events only: nothing is expanded)."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        alias = isinstance(event, yaml.AliasEvent)
        if alias or getattr(event, "anchor", None) is not None:
            shown = f"{'*' if alias else '&'}{event.anchor}"
            raise Refused(
                f"{'an alias' if alias else 'an anchor'} ({shown}) is not allowed: the data "
                "files use no YAML anchors (&name) or aliases (*name); write the value out",
                event.start_mark,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise Refused(
                    f"lists and mappings are nested more than {MAX_DEPTH} deep here; an "
                    "entry is a mapping of texts and lists of texts",
                    event.start_mark,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(text: str) -> tuple[Any, Lines]:
    """The data and the lines of its mappings; raises ``yaml.YAMLError`` (with a mark)."""

    def with_(loader_class: type) -> tuple[Any, Lines]:
        screen(text, loader_class)
        loader = loader_class(text)
        try:
            return loader.get_single_data(), loader.lines
        finally:
            loader.dispose()

    try:
        return with_(FastKeyLineLoader)
    except yaml.YAMLError:
        return with_(KeyLineLoader)  # the same error, with PyYAML's clearer wording


def too_large(size: int) -> str:
    return (
        f"the file is {size} bytes; a data file may hold at most {MAX_BYTES} bytes "
        f"({MAX_BYTES // 1024} KiB); split or shorten it"
    )


def yaml_error(error: yaml.YAMLError) -> tuple[int, str]:
    """(line, message) for a file YAML refused: where the broken construct starts (an
    unclosed "[" …), and where YAML noticed it (often a few lines further on)."""
    start = getattr(error, "context_mark", None)
    noticed = getattr(error, "problem_mark", None)
    mark = start or noticed
    what = getattr(error, "problem", None) or str(error)
    if isinstance(error, Refused):
        return (mark.line + 1 if mark else 1), f"{what}"
    if isinstance(error, yaml.constructor.ConstructorError) and (
        tag := re.search(r"constructor for the tag '([^']*)'", what or "")
    ):
        name = tag[1].replace("tag:yaml.org,2002:", "!!")
        name = "'<<' (a merge key)" if name == "!!merge" else repr(name)
        return (mark.line + 1 if mark else 1), (
            f"the tag {name} is not allowed: the data files hold only texts, and lists and "
            "mappings of them (no '!!' tags, no merge keys); write the value out"
        )
    if start and noticed and start.line != noticed.line:
        what = f"{error.context} that starts here: {what} at line {noticed.line + 1}"
    return (mark.line + 1 if mark else 1), f"not valid YAML: {what}; fix the file's syntax there"


# -- The validator --------------------------------------------------------------------------

#: The keywords of JSON Schema this validator knows; any other in a schema is an error.
KNOWN = {
    "$schema",
    "$id",
    "title",
    "description",
    "type",
    "enum",
    "pattern",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "items",
    "properties",
    "required",
    "additionalProperties",
}
TYPES: dict[str, Any] = {
    "string": str,
    "array": list,
    "object": dict,
    "boolean": bool,
    "integer": int,
}


@dataclass
class Failure:
    """One way the data breaks its schema."""

    path: list[Any]  #: indices and keys from the top of the document
    keyword: str  #: the schema keyword that failed
    message: str
    key: str | None = None  #: the unexpected or missing key (additionalProperties, required)


def shown(value: Any, limit: int = 60) -> str:
    """``repr`` of a value, cut to ``limit`` characters (a 100 kB title stays one line)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_type(value: Any, name: str) -> bool:
    if name not in TYPES:
        raise ValueError(f"schema type {name!r} is not supported here")
    if name != "boolean" and isinstance(value, bool):
        return False
    return isinstance(value, TYPES[name])


def failures(value: Any, schema: dict[str, Any], path: list[Any]) -> Iterator[Failure]:
    """Every way ``value`` breaks ``schema``, depth first in the document's order."""
    if unknown := set(schema) - KNOWN:
        raise ValueError(
            f"schema keyword(s) {sorted(unknown)} not supported by edition.core.schema"
        )

    def fail(keyword: str, message: str, key: str | None = None) -> Failure:
        return Failure(list(path), keyword, message, key)

    if "type" in schema and not is_type(value, schema["type"]):
        yield fail("type", f"{shown(value)} is not of type {schema['type']!r}")
        return
    if "enum" in schema and not any(
        value == choice and type(value) is type(choice) for choice in schema["enum"]
    ):
        yield fail("enum", f"{shown(value)} is not one of {schema['enum']!r}")
        return
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            yield fail("minLength", f"{shown(value)} is too short")
        elif "maxLength" in schema and len(value) > schema["maxLength"]:
            yield fail(
                "maxLength",
                f"{shown(value)} is too long ({len(value)} characters; at most "
                f"{schema['maxLength']})",
            )
        elif "pattern" in schema and not re.search(schema["pattern"], value):
            yield fail("pattern", f"{shown(value)} does not match {schema['pattern']!r}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            yield fail("minItems", f"{shown(value)} is too short")
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            yield fail(
                "maxItems",
                f"the list is too long ({len(value)} items; at most {schema['maxItems']})",
            )
            return
        if schema.get("uniqueItems") and len({repr(item) for item in value}) < len(value):
            yield fail("uniqueItems", f"{shown(value)} has non-unique elements")
        if "items" in schema:
            for index, item in enumerate(value):
                yield from failures(item, schema["items"], [*path, index])
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                yield fail("required", f"{name!r} is a required property", name)
        if schema.get("additionalProperties", True) is False:
            for key in value:
                if key not in properties:
                    yield fail(
                        "additionalProperties",
                        f"Additional properties are not allowed ({key!r} was unexpected)",
                        key,
                    )
        for key, item in value.items():
            if key in properties:
                yield from failures(item, properties[key], [*path, key])


def locate(data: Any, where: list[Any], lines: Lines) -> tuple[int, str]:
    """The line of the deepest mapping key on the path, and the entry's label."""
    line, label, node = 1, "", data
    for step in where:
        if isinstance(node, dict):
            known = lines.get(id(node), {})
            if not label and isinstance(node.get("id"), str):
                label = f"entry {shown(node['id'])}"
            line = known.get(str(step), known.get("", line))
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, dict):
        line = lines.get(id(node), {}).get("", line)
        if not label and isinstance(node.get("id"), str):
            label = f"entry {shown(node['id'])}"
    if not label and len(where) >= 1 and isinstance(where[0], int):
        label = f"entry {where[0] + 1} (no id)"
    return line, label


def hint(schema: dict[str, Any], failure: Failure) -> str:
    """What the field in question is for, from the schema's description."""
    fields = schema.get("items", {}).get("properties", {})
    if failure.keyword == "required":
        return f"add '{failure.key}': {fields.get(failure.key, {}).get('description', '')}"
    if failure.keyword == "additionalProperties":
        return "the fields are " + ", ".join(fields)
    name = next((step for step in failure.path if isinstance(step, str)), None)
    if name in fields:
        return fields[name].get("description", "")
    return schema.get("description", "")


def check(data: Any, lines: Lines, schema: dict[str, Any]) -> list[tuple[int, str, Failure]]:
    """(line, message, failure) for each way ``data`` breaks ``schema``, in file order."""
    found = []
    for failure in failures(data, schema, []):
        line, label = locate(data, failure.path, lines)
        if failure.keyword == "additionalProperties":
            node = data
            for step in failure.path:
                node = node[step]
            line = lines.get(id(node), {}).get(str(failure.key), line)
        name = next((step for step in reversed(failure.path) if isinstance(step, str)), None)
        subject = ": ".join(part for part in (label, name) if part)
        text = f"{subject}: {failure.message}" if subject else failure.message
        found.append((line, f"{text}; {hint(schema, failure)}", failure))
    return sorted(found, key=lambda item: item[0])


def schema_for(path: Path) -> Path:
    return path.parent / "schema" / f"{path.stem}.schema.json"


def problems(path: Path, schema_path: Path | None = None) -> list[tuple[int, str]]:
    """(line, message) for each way ``path`` breaks its schema, in file order."""
    schema_path = schema_path or schema_for(path)
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except OSError:
        return [(1, f"no schema for this file; add {schema_path}")]
    if (size := path.stat().st_size) > MAX_BYTES:
        return [(1, too_large(size))]
    try:
        data, lines = load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        return [yaml_error(error)]
    return [(line, message) for line, message, _ in check(data or [], lines, schema)]


def main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        for line, message in problems(Path(name)):
            print(f"{name}:{line}: {message}")
            status = 1
    return status
