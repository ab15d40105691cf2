"""Where code writes a file: the one answer to whether a call or a line writes, and what.

A file the code writes is its run's own output, not data it reads. The AST passes ask it of a
call (``open(path, "w")`` hands ``flow`` a handle that carries what is written through it; the
path of ``np.save(path, x)`` names no data for ``python_ast``); the read-back pass
(``written.read_back``) asks which file names the write calls on a module's lines give; the
line passes over download scripts and dataset modules (``dataset_yaml``, ``dataset_modules``)
skip a line that writes, with the calls named here and the words their own context adds.
"""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterable

from datasheet_lint.extract.context import key_words
from datasheet_lint.lazyregex import lazy

# The flags of a mode that writes (open(path, "w"), "ab", "x", "r+").
WRITE_FLAGS = "wax+"
# Words of a call's name that say it writes: np.save, json.dump, write_json(meta, path).
WRITE_WORDS = frozenset({"save", "savez", "savetxt", "dump", "write", "makedirs", "mkdir"})
# The calls every line pass counts as writing or making a file (f.write, writelines,
# write_json, os.mkdir, os.makedirs), as a regex piece each pass adds its own context's words to.
LINE_WRITE_CALLS = r"write\w*|mkdir|makedirs"

# Calls that write a file, read on a line: numpy, pandas, pickle/json/torch dumps, and open()
# for writing. Each one's file is the first literal it is given.
WRITE_CALL = lazy(
    r"\b(?:np|numpy)\.(?:save|savez|savez_compressed|savetxt)\s*\("
    r"|\.to_(?:csv|pickle|json|parquet|feather|hdf|excel)\s*\("
    r"|\b(?:pickle|json|joblib)\.dump\s*\(|\btorch\.save\s*\("
    r"|\bopen\s*\([^()\n]*,\s*(?:mode\s*=\s*)?['\"][wax]b?\+?['\"]"
)
NUMPY_SAVE = lazy(r"\b(?:np|numpy)\.(?P<call>save|savez|savez_compressed)\s*\(")
LITERAL = lazy(r"""(?<![\w])[rRbBuUfF]?(['"])(?P<value>[^'"\n]{1,200})\1""")
FILE_NAME = lazy(r"[\w.+-]*\w\.[A-Za-z][\w]{0,9}$")
NUMPY_SUFFIX = {"save": ".npy", "savez": ".npz", "savez_compressed": ".npz"}


def writes_to(call: ast.Call) -> bool:
    """open(path, "w"): the code writes the file, it does not read data from it."""
    mode = next((k.value for k in call.keywords if k.arg == "mode"), None)
    if mode is None and len(call.args) > 1 and not isinstance(call.args[1], ast.Starred):
        mode = call.args[1]
    return (
        isinstance(mode, ast.Constant)
        and isinstance(mode.value, str)
        and any(flag in mode.value for flag in WRITE_FLAGS)
    )


def writes_file(call: ast.Call) -> bool:
    """open(path, "w"), np.save(path, x), df.to_csv(path), write_json(x, path)."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if not isinstance(name, str):
        return False
    if name.startswith("to_") or bool(key_words(name) & WRITE_WORDS):
        return True
    return name == "open" and writes_to(call)


def file_names(texts: Iterable[str]) -> set[str]:
    """The file names (no folders, casefolded) that the write calls on the code's lines name."""
    written: set[str] = set()
    for text in texts:
        if WRITE_CALL.search(text) is None:
            continue  # most code writes no file
        for line in text.splitlines():
            if line.lstrip().startswith("#") or WRITE_CALL.search(line) is None:
                continue  # (a write left in a comment, #df.to_csv('x.csv'), wrote nothing)
            for call in WRITE_CALL.finditer(line):
                # the file a call writes is the first literal it is given (open("x.csv", "w"),
                # np.save("x", a), pickle.dump(o, open(join(d, "x.pkl"), "wb"))), never a file
                # it reads on the same line (gzip.open("x.csv.gz") ... open("x.csv", "wb"))
                literal = LITERAL.search(line, call.start())
                if literal is None:
                    continue
                name = posixpath.basename(literal.group("value").strip())
                saving = NUMPY_SAVE.match(line, call.start())
                if FILE_NAME.fullmatch(name):
                    written.add(name.casefold())
                elif saving is not None and re.fullmatch(r"[\w.+-]+", name):
                    written.add(f"{name}{NUMPY_SUFFIX[saving.group('call')]}".casefold())
    return written
