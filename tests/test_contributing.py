"""What contributors and the CI rely on: the workflow's least privilege, the Read the Docs
build's strictness, the lint's hooks, and a guide whose commands exist."""

from __future__ import annotations

import ast
import re

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def nox_sessions() -> set[str]:
    """The session names noxfile.py defines (``@nox.session`` or ``@nox.session(name=…)``)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    names = set()
    for function in (n for n in tree.body if isinstance(n, ast.FunctionDef)):
        for decorator in function.decorator_list:
            if "nox.session" not in ast.unparse(decorator):
                continue
            name = function.name
            if isinstance(decorator, ast.Call):
                for keyword in decorator.keywords:
                    if keyword.arg == "name":
                        name = keyword.value.value
            names.add(name)
    return names


def test_there_is_a_workflow():
    assert [path.name for path in WORKFLOWS] == ["ci.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path):
    workflow = load(path)
    assert workflow["permissions"] == {}, "no permission unless a job asks for it"
    on = triggers(workflow)
    assert "pull_request" in on
    assert "pull_request_target" not in on, "forks' code must not run with the base's rights"
    for step in steps(workflow):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
    text = path.read_text(encoding="utf-8")
    assert "secrets." not in text


def test_every_pull_request_is_tested_and_built_and_kept():
    workflow = load(ROOT / ".github" / "workflows" / "ci.yml")
    build = workflow["jobs"]["build"]
    assert "if" not in build  # on every event
    runs = [step.get("run", "") for step in build["steps"]]
    assert any(run.strip() == ".ci/run" for run in runs)
    assert any("noxw.py -s docs --" in run and "edition_repository" in run for run in runs)
    upload = next(s for s in build["steps"] if "upload-artifact" in s.get("uses", ""))
    assert "build/html" in upload["with"]["path"]
    assert "build/pdf/*.pdf" in upload["with"]["path"]


def test_pages_are_deployed_from_a_green_main_only():
    workflow = load(ROOT / ".github" / "workflows" / "ci.yml")
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    hand_over = next(
        s for s in workflow["jobs"]["build"]["steps"] if "upload-pages" in s.get("uses", "")
    )
    assert hand_over["if"] == deploy["if"]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(python3 noxw\.py -s tests)\b", readme, re.MULTILINE).group(1)
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^{re.escape(command)}\b", script, re.MULTILINE)


def test_read_the_docs_builds_as_strictly():
    """Read the Docs runs the same staged build (tools/publish.py: -W -n, link check)."""
    config = load(ROOT / ".readthedocs.yaml")
    assert config["version"] == 2
    commands = config["build"]["commands"]
    assert any(c.startswith("python tools/publish.py --") for c in commands)
    assert not any(" -m sphinx" in c or "sphinx-build" in c for c in commands)
    tool = (ROOT / "tools" / "publish.py").read_text(encoding="utf-8")
    assert '"-W", "-n"' in tool


def test_lint_hooks_are_local_and_cover_the_edition():
    config = load(ROOT / ".pre-commit-config.yaml")
    assert [repo["repo"] for repo in config["repos"]] == ["local"]  # nothing fetched from git
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {
        "ruff-check",
        "ruff-format",
        "trailing-whitespace",
        "check-yaml",
        "check-github-workflows",
        "check-github-issue-forms",
        "check-readthedocs",
        "bibtex",
        "data-schema",
        "edition",
    } <= set(hooks)
    for hook in hooks.values():
        for requirement in hook.get("additional_dependencies", []):
            assert re.fullmatch(r"[\w.-]+==[\w.]+", requirement), requirement
    assert "-W" in hooks["edition"]["entry"].split()


@pytest.mark.parametrize(
    "path", sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")), ids=lambda p: p.name
)
def test_issue_forms_ask_for_something(path):
    form = load(path)
    if path.name == "config.yml":
        return
    assert form["name"]
    assert form["description"]
    required = [item for item in form["body"] if item.get("validations", {}).get("required")]
    assert required


@pytest.mark.parametrize(
    "guide", ["CONTRIBUTING.md", "README.md", ".github/PULL_REQUEST_TEMPLATE.md"]
)
def test_the_guides_name_only_sessions_that_exist(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    named = set(re.findall(r"noxw\.py -s ([\w-]+)", text)) | set(
        re.findall(r"nox -s ([\w-]+)", text)
    )
    assert named
    assert named <= nox_sessions()


def test_the_guide_shows_how_to_add_each_kind_of_thing():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needed in (
        ":::{alinti}",
        ":kaynak:",
        ":sayfa:",
        "references.bib",
        "data/kronoloji.yaml",
        "data/kisiler.yaml",
        "data/anchors.txt",
        "English summary",
    ):
        assert needed in guide, needed
