"""A pattern compiled on first use answers exactly as ``re.compile`` of the same pattern."""

from __future__ import annotations

import re

import pytest

from datasheet_lint.lazyregex import lazy

TEXT = "Train on data/train.csv, test on DATA/test.CSV; see https://example.org/x?y=1\n"


def test_each_method_answers_as_the_compiled_pattern() -> None:
    source, flags = r"(\w+)\.(csv)", re.IGNORECASE
    pattern, compiled = lazy(source, flags), re.compile(source, flags)
    assert "compiled" not in vars(pattern)  # nothing compiled before the first use
    found, expected = pattern.search(TEXT, 5), compiled.search(TEXT, 5)
    assert found is not None and expected is not None and found.span() == expected.span()
    assert pattern.match(TEXT) is compiled.match(TEXT) is None
    whole = pattern.fullmatch("train.csv")
    assert whole is not None and whole.groups() == ("train", "csv")
    assert [m.span() for m in pattern.finditer(TEXT)] == [m.span() for m in compiled.finditer(TEXT)]
    assert pattern.findall(TEXT) == compiled.findall(TEXT) == [("train", "csv"), ("test", "CSV")]
    assert pattern.sub(r"\2:\1", TEXT) == compiled.sub(r"\2:\1", TEXT)
    assert pattern.sub(lambda m: m[1].upper(), TEXT, 1) == compiled.sub(
        lambda m: m[1].upper(), TEXT, 1
    )
    assert pattern.split(TEXT, 1) == compiled.split(TEXT, 1)
    assert (pattern.pattern, pattern.flags) == (source, int(flags))
    assert pattern.compiled is pattern.compiled  # compiled once, then kept


def test_bytes_patterns_and_broken_patterns() -> None:
    warning = lazy(rb"^warning: (.*)$", re.M)
    assert warning.findall(b"ok\nwarning: a\nwarning: b\n") == [b"a", b"b"]
    broken = lazy(r"(unclosed")  # an error in a pattern shows at its first use
    with pytest.raises(re.error):
        broken.search("x")
