"""The baseline settles: after 'baseline', 'check' is clean; 'baseline --update' is a fixed
point; and a path-scoped run (what the files hook runs) judges only the entries of the files it
scanned, so a commit is never blocked by entries it did not look at (issue 18)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import MakeRepo, RunCli, findings, init_repo, write_files

BASELINE = ".datasheet-lint-baseline.json"
FILES = {
    # DSL102, and a suppression that silences nothing (DSL901)
    "t.py": 'a = "faces_emore"\nb = "imdb"  # datasheet-lint: ignore[DSL101] kept from 2019\n',
    "README.md": "Trained on MS-Celeb-1M.\n",  # DSL101
}


def test_check_is_clean_after_baseline(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(FILES)
    assert run_cli(repo, "baseline").exit_code == 0
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "info")
    assert findings(result) == set(), "a baselined finding (DSL901) came back as stale DSL902"
    assert result.exit_code == 0


def test_update_converges(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(FILES)
    run_cli(repo, "baseline")
    first = (repo / BASELINE).read_text(encoding="utf-8")
    assert run_cli(repo, "baseline", "--update").exit_code == 0
    assert (repo / BASELINE).read_text(encoding="utf-8") == first


def test_a_path_scoped_run_judges_only_the_entries_of_its_paths(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(FILES)
    run_cli(repo, "baseline")
    for path in ("t.py", "README.md"):
        result = run_cli(repo, "check", path, "--format", "json", "--fail-on", "warning")
        assert (result.exit_code, findings(result)) == (0, set()), path
    # Fix the README: its entry is stale for a run that scans it, and only for such a run.
    (repo / "README.md").write_text("Trained on our own data.\n", encoding="utf-8")
    scoped = run_cli(repo, "check", "t.py", "--format", "json", "--fail-on", "warning")
    assert (scoped.exit_code, findings(scoped)) == (0, set())
    readme = run_cli(repo, "check", "README.md", "--format", "json", "--fail-on", "warning")
    assert {(p, code) for p, _, code, _ in findings(readme)} == {(BASELINE, "DSL902")}
    assert "README.md" in readme.json()["findings"][0]["message"]


def test_the_files_hook_judges_only_the_staged_files(make_repo: MakeRepo, run_cli: RunCli) -> None:
    """The pre-commit files hook runs 'check --staged FILE...'."""
    repo = make_repo(FILES)
    run_cli(repo, "baseline")
    write_files(repo, {"other.py": "print('unrelated')\n"})
    init_repo(repo, commit=False)  # stage it
    result = run_cli(repo, "check", "--staged", "other.py", "--fail-on", "warning")
    assert result.exit_code == 0, result.stdout


def test_a_rule_this_run_does_not_select_leaves_its_entries_alone(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(FILES)
    run_cli(repo, "baseline")
    result = run_cli(repo, "check", "--select", "DSL102,DSL902", "--format", "json")
    assert findings(result) == set()


# Lines a repository may hold: retracted references in code and prose, and suppressions that
# are used, unused, bare, unknown or without a reason.
LINES = st.sampled_from(
    [
        'a = "faces_emore"',
        'rec = "/data/ms1mv3/train.rec"',
        'x = "imdb"',
        'y = "faces_emore"  # datasheet-lint: ignore[DSL102] audit of the 2019 baseline',
        'z = "imdb"  # datasheet-lint: ignore[DSL101] left over',
        'w = "faces_emore"  # datasheet-lint: ignore',
        "# datasheet-lint: ignore",
        'v = "faces_emore"  # datasheet-lint: ignore[DSL999] typo',
        'u = "faces_emore"  # datasheet-lint: ignore[DSL102]',
        "print('hello')",
        "",
    ]
)
PROSE = st.sampled_from(["Trained on MS-Celeb-1M.", "We used MS1MV2 and DukeMTMC.", "Plain text."])
REPOS = st.fixed_dictionaries(
    {
        "a.py": st.lists(LINES, max_size=6).map("\n".join),
        "pkg/b.py": st.lists(LINES, max_size=6).map("\n".join),
        "README.md": st.lists(PROSE, max_size=3).map("\n".join),
    }
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(files=REPOS)
def test_baseline_then_check_is_clean_and_update_is_a_fixed_point(
    files: dict[str, str], run_cli: RunCli
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        repo = Path(folder)
        write_files(repo, files)
        init_repo(repo)
        assert run_cli(repo, "baseline").exit_code == 0
        whole = run_cli(repo, "check", "--format", "json", "--fail-on", "info")
        assert (whole.exit_code, findings(whole)) == (0, set())
        for path in files:
            scoped = run_cli(repo, "check", path, "--format", "json", "--fail-on", "info")
            assert (scoped.exit_code, findings(scoped)) == (0, set()), path
        run_cli(repo, "baseline", "--update")
        once = (repo / BASELINE).read_bytes()
        run_cli(repo, "baseline", "--update")
        assert (repo / BASELINE).read_bytes() == once
