"""Random hostile repositories: whatever a checkout holds, a run ends cleanly and harmlessly.

Hypothesis draws a repository's shape (file names with leading dots, spaces, ``::`` and
newlines; contents mixing dataset names, YAML anchors, long lines and bytes), its settings
(paths inside, outside, absolute and through links; globs; sizes) and its git configuration
(fsmonitor, hooks, diff drivers, filters: each a command that would leave a marker), then runs
the real console script with a drawn command and flags. Every run must:

- end with exit code 0, 1 or 2, and never print a traceback;
- leave no marker: nothing the repository names is ever run;
- leave a folder beside the repository byte for byte as it was: nothing outside is written.

See docs/security.md for the threat model these properties pin.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import snapshot_tree

NAMES = st.sampled_from(
    [
        "train.py",
        "..train.py",
        "data loader.py",
        "::error title=x::owned.py",
        "configs/face.yaml",
        "notes/README.md",
        "scripts/get data.sh",
        "nb.ipynb",
        "a\tb.py",
        "datasheets/x.yaml",
        "deep/er/still/x.toml",
    ]
)
PIECES = st.sampled_from(
    [
        "faces_emore",
        "ms1mv2 ",
        "DukeMTMC-reID",
        "load_dataset('someone/corpus')\n",
        "wget https://example.org/d/data.zip\n",
        "a: &a [x, x, x]\nb: [*a, *a, *a]\n",
        "---\ndatasets: [mnist]\n---\n",
        "ms-celeb-" * 50,
        "0x" + "f" * 200,
        "\x00\xff",
        "\n",
        "dataset: duke\n",
        "# datasheet-lint: ignore[DSL101]\n",
    ]
)
SETTINGS = st.sampled_from(
    [
        "",
        "blocklist: ../outside/secret.txt\n",
        "blocklist: /etc/hostname\n",
        "blocklist: link/secret.txt\n",
        "datasheets: x/../../outside\n",
        "baseline: link/precious.txt\n",
        "exclude: ['*a*a*a*a*a*a*a*a*a*c', '[]']\n",
        "max-file-size: '0.1'\n",
        "max-file-size: 1\n",
        "use: commercial\n",
        "use: academic\nexclude: ['deep/**']\n",
    ]
)
GIT_CONFIG = st.lists(
    st.sampled_from(["fsmonitor", "hooks", "textconv", "clean", "process", "external"]),
    unique=True,
    max_size=6,
)
COMMANDS = st.sampled_from(
    [
        ["check"],
        ["check", "--staged"],
        ["check", "--diff", "HEAD"],
        ["check", "--tracked-only", "--format", "sarif"],
        ["check", "--format", "json", "--output", "report.json"],
        ["check", "--format", "github"],
        ["refs"],
        ["baseline", "--update"],
        ["init", "--missing"],
    ]
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def _arm(repo: Path, marker: Path, drivers: list[str]) -> None:
    """Point the drawn git settings at a command that would create ``marker``."""
    command = f"touch {marker}"
    keys = {
        "fsmonitor": [("core.fsmonitor", command)],
        "hooks": [("core.hooksPath", str(marker.parent / "hooks"))],
        "textconv": [("diff.evil.textconv", command)],
        "clean": [("filter.evil.clean", command), ("filter.evil.required", "true")],
        "process": [("filter.evil.process", command)],
        "external": [("diff.external", command)],
    }
    for driver in drivers:
        for key, value in keys[driver]:
            _git(repo, "config", key, value)
    hooks = marker.parent / "hooks"
    hooks.mkdir(exist_ok=True)
    for hook in ("pre-commit", "post-checkout", "post-index-change"):
        (hooks / hook).write_text(f"#!/bin/sh\n{command}\n", encoding="utf-8")
        (hooks / hook).chmod(0o755)
    (repo / ".gitattributes").write_text("* diff=evil filter=evil\n", encoding="utf-8")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    files=st.dictionaries(NAMES, st.lists(PIECES, max_size=6).map("".join), max_size=5),
    settings_text=SETTINGS,
    drivers=GIT_CONFIG,
    command=COMMANDS,
    edit_after_commit=st.booleans(),
)
def test_a_hostile_repository_runs_nothing_and_writes_nothing_outside(
    files: dict[str, str],
    settings_text: str,
    drivers: list[str],
    command: list[str],
    edit_after_commit: bool,
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        repo, outside, armed = base / "repo", base / "outside", base / "armed"
        for folder in (repo, outside, armed):
            folder.mkdir()
        (outside / "secret.txt").write_text("- id: leaked\n", encoding="utf-8")
        (outside / "precious.txt").write_text("precious\n", encoding="utf-8")
        (repo / "link").symlink_to(outside, target_is_directory=True)
        for name, text in files.items():
            path = repo / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", errors="surrogateescape")
        if settings_text:
            (repo / ".datasheet-lint.yaml").write_text(settings_text, encoding="utf-8")
        _git(repo, "init", "-q")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "--allow-empty", "-m", "hostile")
        if edit_after_commit:  # staged changes, then unstaged ones on top
            for step in ("staged", "unstaged"):
                for name in files:
                    with (repo / name).open("a", encoding="utf-8") as handle:
                        handle.write(f"\nfaces_emore  # {step}\n")
                if step == "staged":
                    _git(repo, "add", "-A")
        marker = armed / "marker"
        _arm(repo, marker, drivers)  # after the test's own git commands, which would trip it
        before = snapshot_tree(outside)

        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        done = subprocess.run(
            [sys.executable, "-m", "datasheet_lint", *command],
            cwd=repo,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

        assert done.returncode in {0, 1, 2}, done.stderr
        assert "Traceback" not in done.stderr, done.stderr
        assert not marker.exists(), f"{command} ran a command the repository names"
        assert snapshot_tree(outside) == before, f"{command} wrote outside the repository"
        assert "leaked" not in done.stdout + done.stderr
