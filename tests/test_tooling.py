"""The project's own configuration: hosting, pre-commit, README and CI agree with each other."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
HOSTING = [
    (ROOT / ".github/workflows/docs.yml", "vendor.github-workflows"),
    (ROOT / ".readthedocs.yaml", "vendor.readthedocs"),
]
WORKFLOWS = [*HOSTING, (ROOT / ".github/workflows/latest.yml", "vendor.github-workflows")]


def validate(path: Path, schema: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(("path", "schema"), HOSTING, ids=lambda x: getattr(x, "name", x))
def test_hosting_config_is_valid_and_builds_with_nox(path, schema):
    proc = validate(path, schema)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "python -m nox -s docs" in path.read_text("utf-8")


def test_the_newest_releases_are_tried_every_week():
    workflow = yaml.safe_load((ROOT / ".github/workflows/latest.yml").read_text("utf-8"))
    assert workflow[True]["schedule"]  # YAML 1.1 reads the key "on" as True
    steps = [step.get("run", "") for step in workflow["jobs"]["build"]["steps"]]
    assert any("nox -s docs_latest" in step for step in steps)
    assert proc_ok(validate(ROOT / ".github/workflows/latest.yml", "vendor.github-workflows"))


def proc_ok(proc: subprocess.CompletedProcess[str]) -> bool:
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return True


@pytest.mark.parametrize(("path", "schema"), HOSTING, ids=lambda x: getattr(x, "name", x))
def test_schema_check_rejects_a_broken_config(tmp_path, path, schema):
    broken = tmp_path / path.name
    broken.write_text(path.read_text("utf-8") + "\nnot_a_known_key: 1\n", "utf-8")
    assert validate(broken, schema).returncode != 0


def test_pre_commit_runs_the_lint_sessions_pinned_versions():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    pins = set(pyproject["dependency-groups"]["lint"])
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hook_pins = {
        dep
        for repo in config["repos"]
        for hook in repo["hooks"]
        for dep in hook["additional_dependencies"]
    }
    assert hook_pins == pins


def test_readme_opens_with_the_two_commands_and_ci_runs_them():
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = readme.split("```console\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.splitlines()]
    assert commands == ["pipx run nox -s docs", "pipx run nox -s tests"]
    ci = (ROOT / ".ci/run").read_text("utf-8")
    for command in commands:
        assert f"\n{command}\n" in ci


def test_the_browser_is_found_where_the_readme_says(monkeypatch, tmp_path):
    from conftest import CHROMIUM_VARIABLE, chromium

    fake = tmp_path / "chrome"
    monkeypatch.setenv(CHROMIUM_VARIABLE, str(fake))
    assert chromium() == str(fake)
    assert CHROMIUM_VARIABLE in (ROOT / "README.md").read_text("utf-8")


def uv(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "uv", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_lock_matches_pyproject():
    proc = uv("lock", "--check")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("group", ["docs", "test", "lint"])
def test_each_groups_requirements_are_exported_from_the_lock(group):
    which = "--only-group" if group == "lint" else "--group"
    proc = uv("export", "--frozen", "--no-emit-project", "--no-header", which, group)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (ROOT / "requirements" / f"{group}.txt").read_text("utf-8"), (
        "the requirements are not uv.lock's: run `nox -s lock`"
    )


def test_nox_builds_with_the_strict_flags_of_the_package():
    import ast

    from mpnotes.strict import SPHINX_FLAGS

    tree = ast.parse((ROOT / "noxfile.py").read_text("utf-8"))
    (flags,) = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "SPHINX_FLAGS"
    ]
    assert flags == ["-b", "html", *SPHINX_FLAGS]
