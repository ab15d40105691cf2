"""spawn: a program started without ``subprocess``, its output and status collected whole.
Real processes (sh and this Python), no mocks."""

import os
import sys
from pathlib import Path

import pytest

from datasheet_lint import spawn

ENV = dict(os.environ)


def run(*argv: str, env: dict[str, str] | None = None) -> spawn.Done:
    return spawn.Started(list(argv), ENV if env is None else env).wait()


def open_fds() -> set[str]:
    folder = Path("/proc/self/fd")
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


def test_output_error_and_status_are_collected() -> None:
    done = run("/bin/sh", "-c", "printf out; printf err >&2; exit 3")
    assert done == spawn.Done(3, b"out", b"err")


def test_both_streams_can_be_large_without_stalling() -> None:
    """Each stream far beyond a pipe's 64 KB buffer, written alternately: reading one to
    its end before the other would stall the program."""
    code = (
        "import sys\n"
        "for i in range(64):\n"
        "    sys.stdout.buffer.write(b'o' * 32768); sys.stdout.flush()\n"
        "    sys.stderr.buffer.write(b'e' * 32768); sys.stderr.flush()\n"
    )
    done = run(sys.executable, "-c", code)
    assert done.returncode == 0
    assert done.stdout == b"o" * 32768 * 64
    assert done.stderr == b"e" * 32768 * 64


def test_standard_input_is_the_null_device() -> None:
    done = run(
        "/bin/sh", "-c", "if read line; then printf 'read: %s' \"$line\"; else printf eof; fi"
    )
    assert done == spawn.Done(0, b"eof", b"")


def test_environment_and_path_lookup() -> None:
    done = run("sh", "-c", 'printf %s "$DSL_PROBE"', env={**ENV, "DSL_PROBE": "value"})
    assert done == spawn.Done(0, b"value", b"")


def test_a_missing_program_raises_oserror_and_leaks_nothing() -> None:
    before = open_fds()
    with pytest.raises(OSError):
        spawn.Started(["/nonexistent/datasheet-lint-git"], ENV)
    with pytest.raises(OSError):
        spawn.Started(["datasheet-lint-no-such-program"], ENV)
    assert open_fds() == before


def test_no_descriptor_is_left_open_after_wait() -> None:
    before = open_fds()
    for _ in range(20):
        assert run("/bin/sh", "-c", "printf x").stdout == b"x"
    assert open_fds() == before


def test_a_program_killed_by_a_signal_has_a_negative_status() -> None:
    done = run("/bin/sh", "-c", "kill -TERM $$")
    assert done.returncode == -15
