"""What the speed work of session 8 changed, each pinned to the decision it must keep.

A pre-check that skips work is only right if it skips exactly what the slower check skipped:
each test here compares the fast form with the form it replaced, on real text (the package's
own modules and the test corpus) and on near misses written for the purpose.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# extract/flow.py's regex before session 8: which text the walk looks at for downloads.
DOWNLOADS_REGEX = r"urlretrieve|urlopen|get_file|download|requests\.get|httpx\.get"


def test_download_words_decide_as_the_download_regex_did() -> None:
    """``flow.may_download`` (plain substrings) against the regex of alternatives it replaced,
    on each word, its near misses, and every Python file of the project."""
    from datasheet_lint.extract import flow

    regex = re.compile(DOWNLOADS_REGEX)
    words = ["urlretrieve", "urlopen", "get_file", "download", "requests.get", "httpx.get"]
    near = [w.upper() for w in words] + [w.replace(".", "_") for w in words]
    near += [w[1:] for w in words]
    near += ["Download", "down_load", "requests . get", "urllib.request.urlretrieve(u, f)"]
    own = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src").rglob("*.py"))]
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests").rglob("*.py"))]
    texts = [*(f"x = {w}(a)\n" for w in words), *near, *own, *corpus]
    verdicts = [flow.may_download(t) for t in texts]
    assert verdicts == [regex.search(t) is not None for t in texts]
    assert True in verdicts and False in verdicts
