"""Start a program now and collect its exit status and output later, without ``subprocess``.

A pre-commit hook pays for its imports on every commit, and importing ``subprocess`` costs
~5 ms on the benchmark machine (``signal`` builds its enums, ``selectors`` its classes),
more than the git process it starts. ``os.posix_spawn`` and ``select.poll`` cost nothing to
import. Where they are missing (Windows), ``subprocess`` does the same job.

Standard input is the null device; standard output and error are collected whole, read side
by side so that neither pipe can fill up and stall the program.
"""

import os
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple


class Done(NamedTuple):
    returncode: int
    stdout: bytes
    stderr: bytes


class Started:
    """``Started(argv, env)`` starts ``argv`` with ``env`` at once; ``wait()`` collects its
    status and output (once)."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str]) -> None:
        self._popen: Any = None
        if not hasattr(os, "posix_spawn"):  # pragma: no cover - Windows
            import subprocess

            self._popen = subprocess.Popen(
                list(argv),
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            return
        out_read, out_write = os.pipe()  # both ends close on exec: only the dup2s reach git
        err_read, err_write = os.pipe()
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_write, 1),
            (os.POSIX_SPAWN_DUP2, err_write, 2),
        ]
        spawn = os.posix_spawn if os.sep in argv[0] else os.posix_spawnp
        try:
            self._pid = spawn(argv[0], list(argv), dict(env), file_actions=actions)
        except BaseException:
            for fd in (out_read, err_read):
                os.close(fd)
            raise
        finally:
            os.close(out_write)
            os.close(err_write)
        self._out, self._err = out_read, err_read

    def wait(self) -> Done:
        if self._popen is not None:  # pragma: no cover - Windows
            out, err = self._popen.communicate()
            return Done(self._popen.returncode, out, err)
        import select

        chunks: dict[int, list[bytes]] = {self._out: [], self._err: []}
        poller = select.poll()
        for fd in chunks:
            poller.register(fd, select.POLLIN)
        remaining = len(chunks)
        try:
            while remaining:
                for fd, _ in poller.poll():
                    data = os.read(fd, 1 << 16)
                    if data:
                        chunks[fd].append(data)
                    else:  # end of file: the program closed it (or exited)
                        poller.unregister(fd)
                        remaining -= 1
        finally:
            for fd in chunks:
                os.close(fd)
            _, status = os.waitpid(self._pid, 0)
        code = os.waitstatus_to_exitcode(status)
        return Done(code, b"".join(chunks[self._out]), b"".join(chunks[self._err]))
