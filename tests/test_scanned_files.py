"""Which files are scanned, and that no file content can crash or confuse the run."""

from __future__ import annotations

import os
from pathlib import Path

import git
import pytest
from tests.conftest import MakeRepo, RunCli, findings, init_repo, write_files

from datasheet_lint import files

HIT = 'rec = "/train_tmp/faces_emore"\n'


def scanned_paths(run_cli, repo: Path, *args: str) -> set[str]:
    result = run_cli(repo, "check", "--format", "json", *args)
    return {path for path, *_ in findings(result)}


def test_untracked_files_count_but_ignored_ones_do_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"tracked.py": HIT, ".gitignore": "ignored.py\noutputs/\n"})
    write_files(repo, {"untracked.py": HIT, "ignored.py": HIT, "outputs/log.txt": HIT})
    assert scanned_paths(run_cli, repo) == {"tracked.py", "untracked.py"}


def test_outside_git_the_folder_is_walked_and_the_user_told(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo(
        {
            "a.py": HIT,
            "node_modules/x/y.py": HIT,
            ".venv/lib/z.py": HIT,
            "env2/pyvenv.cfg": "home = /usr\n",
            "env2/lib/w.py": HIT,
            "__pycache__/c.py": HIT,
        },
        git_init=False,
    )
    result = run_cli(repo, "check", "--format", "json")
    assert {p for p, *_ in findings(result)} == {"a.py"}
    assert result.stderr.count(".gitignore is not applied") == 1


TOOLS_FILES = {
    "a.py": HIT,
    "node_modules/x/y.py": HIT,
    "env2/pyvenv.cfg": "home = /usr\n",
    "env2/lib/python3.12/blocklist.yaml": "dataset: ms1mv2\n",
    "env2/lib/python3.12/site-packages/pkg/README.md": "Trained on MS1MV2.\n",
    "vendor/site-packages/pkg/w.py": HIT,
    "src/__pycache__/c.py": HIT,
    "notes/.ipynb_checkpoints/n.py": HIT,
}


IDE_FILES = {
    "a.py": HIT,
    ".idea/workspace.xml": '<option value="$PROJECT_DIR$/faces_emore/train.rec" />\n',
    ".idea/runConfigurations/train.xml": '<option name="PARAMETERS" value="faces_emore" />\n',
    "Face.iml": '<option name="data" value="/train_tmp/faces_emore" />\n',
    "htmlcov/train_py.html": "<td>rec = &quot;/train_tmp/faces_emore&quot;</td>\n",
    ".vscode/launch.json": '{"args": ["--data", "/train_tmp/faces_emore"]}\n',
    "idea/notes.py": HIT,  # a folder named like the IDE's, without the dot: the project's
}


@pytest.mark.parametrize("staged", [False, True])
def test_ide_state_is_not_the_repositorys_use_of_data(
    make_repo: MakeRepo, run_cli: RunCli, staged: bool
) -> None:
    repo = make_repo(IDE_FILES)
    args = ("--staged", *IDE_FILES) if staged else ()
    assert scanned_paths(run_cli, repo, *args) == {"a.py", ".vscode/launch.json", "idea/notes.py"}
    again = make_repo({**IDE_FILES, ".datasheet-lint.yaml": "default-exclude: false\n"})
    assert len(scanned_paths(run_cli, again)) == len(IDE_FILES)


@pytest.mark.parametrize("staged", [False, True])
def test_git_mode_skips_virtual_environments_packages_and_caches(
    make_repo: MakeRepo, run_cli: RunCli, staged: bool
) -> None:
    repo = make_repo(TOOLS_FILES)  # committed: nothing ignores them
    args = ("--staged", *TOOLS_FILES) if staged else ()
    assert scanned_paths(run_cli, repo, *args) == {"a.py"}


def test_default_exclude_false_scans_them_again(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({**TOOLS_FILES, ".datasheet-lint.yaml": "default-exclude: false\n"})
    assert scanned_paths(run_cli, repo) == {
        "a.py",
        "node_modules/x/y.py",
        "env2/lib/python3.12/blocklist.yaml",
        "env2/lib/python3.12/site-packages/pkg/README.md",
        "vendor/site-packages/pkg/w.py",
        "src/__pycache__/c.py",
        "notes/.ipynb_checkpoints/n.py",
    }
    bad = make_repo({".datasheet-lint.yaml": "default-exclude: 'no'\n"})
    result = run_cli(bad, "check")
    assert result.exit_code == 2
    assert "'default-exclude' must be true or false" in result.stderr


def test_binary_and_large_files_are_skipped(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "model.bin": b"\x00\x01faces_emore\x00",
            "big.txt": HIT * 2000,
            "small.py": HIT,
            ".datasheet-lint.yaml": "max-file-size: 10kB\n",
        }
    )
    result = run_cli(repo, "check", "--format", "json", "--verbose")
    assert {p for p, *_ in findings(result)} == {"small.py"}
    assert result.json()["summary"]["skipped"] == 2
    assert "skipped big.txt: larger than the 10,000-byte limit" in result.stderr
    assert "skipped model.bin: binary" in result.stderr


def test_what_is_text_is_decided_like_git_and_ripgrep_plus_known_types() -> None:
    # PDF-based artwork: text header and metadata first, the first NUL far beyond 8 kB.
    illustrator = b"%PDF-1.5\r%\xe2\xe3\r\n1 0 obj\r<</Metadata 2 0 R>>\r" + HIT.encode() * 900
    assert files.is_binary("ext/logo.ai", illustrator)
    assert files.is_binary("paper/figure.PDF", b"no header at all\n")  # by its type
    assert files.is_binary("fig.eps", b"%!PS-Adobe-3.0 EPSF-3.0\n" + HIT.encode())
    assert files.is_binary("log.txt", HIT.encode() * 1000 + b"\0")  # a NUL after 8 kB
    # Text: look-alikes of each, and UTF-16 with its byte-order mark.
    assert not files.is_binary("notes.md", b"Save as %PDF-1.5 first.\n" + HIT.encode())
    assert files.is_binary("icons.svg", b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN">\n')
    assert not files.is_binary("svg.py", HIT.encode())
    assert not files.is_binary("ai.py", HIT.encode())
    assert not files.is_binary("pdf", HIT.encode())  # a name without a type
    assert not files.is_binary("u.txt", "faces_emore\n".encode("utf-16"))
    assert files.is_binary("u.png", "faces_emore\n".encode("utf-16"))


def test_pdf_artwork_and_late_nul_files_are_skipped_as_binary(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    late_nul = HIT.encode() * 400 + b"\0\1\2" + HIT.encode()  # first NUL at 12 kB
    repo = make_repo(
        {
            "ext/logo.ai": b"%PDF-1.5\r%\xe2\xe3\r\n" + HIT.encode() * 50,
            "ext/logo.svg": b"<svg><!-- " + HIT.encode() + b" --></svg>\n",
            "ext/logo.xml": b"<svg><!-- " + HIT.encode() + b" --></svg>\n",
            "dump.log": late_nul,
            "weights/readme.npy": HIT,
            "small.py": HIT,
        }
    )
    result = run_cli(repo, "check", "--format", "json", "--verbose")
    assert {p for p, *_ in findings(result)} == {"small.py", "ext/logo.xml"}
    for name in ("ext/logo.ai", "ext/logo.svg", "dump.log", "weights/readme.npy"):
        assert f"skipped {name}: binary" in result.stderr
    staged = run_cli(
        repo, "check", "--format", "json", "--staged", "ext/logo.ai", "dump.log", "small.py"
    )
    assert {p for p, *_ in findings(staged)} == {"small.py"}


def test_undecodable_and_odd_encodings_do_not_crash(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo(
        {
            "latin1.py": b"# caf\xe9\nrec = '/data/faces_emore'\n",
            "utf16.txt": "\ufeffWe used MS1MV3.\n".encode("utf-16"),
            "crlf.yaml": b"a: 1\r\nb: 2\r\ndataset: ms1mv2\r\n",
            "cr.yaml": b"a: 1\rdataset: ms1mv2\r",
            "empty.py": b"",
        }
    )
    result = run_cli(repo, "check", "--format", "json")
    assert result.exit_code == 1
    assert {(p, line) for p, line, *_ in findings(result)} == {
        ("latin1.py", 2),
        ("utf16.txt", 1),
        ("crlf.yaml", 3),
        ("cr.yaml", 2),
    }


def test_symlinks_are_not_followed(make_repo: MakeRepo, run_cli: RunCli, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text(HIT, encoding="utf-8")
    repo = make_repo({"a.py": "x = 1\n"}, commit=False)
    (repo / "link.py").symlink_to(outside / "secret.py")
    (repo / "linkdir").symlink_to(outside, target_is_directory=True)
    init_repo(repo)
    result = run_cli(repo, "check", "--format", "json", "--verbose")
    assert findings(result) == set()
    assert "link.py: symbolic link, not followed" in result.stderr


def test_unreadable_file_is_reported_not_fatal(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT, "locked.py": HIT})
    (repo / "locked.py").chmod(0)
    try:
        if os.access(repo / "locked.py", os.R_OK):
            pytest.skip("running as root: file permissions are not enforced")
        result = run_cli(repo, "check", "--format", "json")
        assert {p for p, *_ in findings(result)} == {"a.py"}
        assert "locked.py: cannot read" in result.stderr
    finally:
        (repo / "locked.py").chmod(0o644)


def test_file_names_with_spaces_and_unicode(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"my data/tráin ø.py": HIT, "-dash.py": HIT})
    assert scanned_paths(run_cli, repo) == {"my data/tráin ø.py", "-dash.py"}


def test_nested_repository_and_deleted_tracked_files(make_repo: MakeRepo, run_cli: RunCli) -> None:
    repo = make_repo({"a.py": HIT, "gone.py": HIT})
    (repo / "gone.py").unlink()
    nested = repo / "vendor" / "other"
    nested.mkdir(parents=True)
    init_repo(nested)
    assert scanned_paths(run_cli, repo) == {"a.py"}


def test_tracked_only_skips_untracked_but_keeps_staged(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"tracked.py": HIT})
    write_files(repo, {"scratch.py": HIT, "staged.py": HIT})
    git.Repo(repo).index.add(["staged.py"])
    assert scanned_paths(run_cli, repo, "--tracked-only") == {"tracked.py", "staged.py"}
    assert scanned_paths(run_cli, repo) == {"tracked.py", "staged.py", "scratch.py"}


def test_missing_git_is_not_a_crash(make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    """With no git on PATH, a git work tree is still scanned, by walking it."""
    from datasheet_lint import git as dsl_git

    repo = make_repo({"t.py": "x = 'MS1MV2'\n"})
    assert dsl_git.list_files(repo, [repo], untracked=True).git
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    listing = dsl_git.list_files(repo, [repo], untracked=True)
    assert listing.paths == ("t.py",) and not listing.git


def test_a_corpus_in_a_data_folder_and_source_maps_are_content_not_references(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A novel kept as char-rnn's data/anna.txt names whatever its text names, and a vendored
    stylesheet's source map holds CSS class names: neither is a use of data. The same name in
    a small text beside the data, or in the code, still counts."""
    line = "Les Fleurs du mal, she said. faces_emore\n"
    repo = make_repo(
        {
            "char-rnn/data/anna.txt": line * 30_000,
            "web/vendor/css/bootstrap.css.map": '{"sources":["credit-card faces_emore"]}\n',
            "char-rnn/data/notes.txt": line,
            "notes/anna.txt": line * 30_000,
        }
    )
    assert scanned_paths(run_cli, repo) == {"char-rnn/data/notes.txt", "notes/anna.txt"}
