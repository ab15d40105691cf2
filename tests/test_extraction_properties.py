"""Properties that must hold for any input: extraction never fails, positions are exact,
and a name is found however its separators and case are written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datasheet_lint import suppress
from datasheet_lint.extract import extract
from datasheet_lint.knowledge import catalogue
from datasheet_lint.knowledge.blocklist import builtin
from datasheet_lint.knowledge.matcher import Matcher
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.models import SourceFile
from datasheet_lint.names import chunks

DATA = builtin()
MATCHER = Matcher(DATA.aliases)
KNOWLEDGE = Knowledge.build(DATA, catalogue.builtin())
PLAIN_NAMES = sorted(
    {
        a.value
        for a in DATA.aliases
        if a.dataset and not a.ambiguous and "/" not in a.value and ":" not in a.value
    }
)
FILE_NAMES = [
    "train.py",
    "config.yaml",
    "README.md",
    "get.sh",
    "data.json",
    "notes.txt",
    "x.dvc",
    "nb.ipynb",
]
# Text that mixes ordinary characters with pieces of real names, separators and line ends.
PIECES = st.sampled_from(
    [
        "duke",
        "MS1MV2",
        "faces_emore",
        "brainwash",
        "data/",
        "--dataset ",
        "\n",
        "\r\n",
        "'",
        '"',
        "#",
        "<!--",
        "load_dataset(",
        ")",
        ": ",
        "- ",
        "\t",
        "é",
        "İ",
        "\x00",
        "ß",
        "CelebA",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, name=st.sampled_from(FILE_NAMES))
def test_extraction_never_fails_and_positions_are_exact(text: str, name: str) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    for ref in extract(SourceFile(name, text), KNOWLEDGE):
        line = lines[ref.location.line - 1]
        start = ref.location.column - 1
        assert line[start : start + len(ref.surface)] == ref.surface
    suppress.parse(name, text)


@settings(max_examples=300, deadline=None)
@given(
    name=st.sampled_from(PLAIN_NAMES),
    separators=st.lists(st.sampled_from(["-", "_", ".", " ", ""]), min_size=8, max_size=8),
    upper=st.lists(st.booleans(), min_size=64, max_size=64),
)
def test_a_name_matches_with_any_separators_and_case(
    name: str, separators: list[str], upper: list[bool]
) -> None:
    parts = chunks(name)
    spelled = parts[0] + "".join(
        separators[i % len(separators)] + part for i, part in enumerate(parts[1:])
    )
    spelled = "".join(c.upper() if upper[i % 64] else c.lower() for i, c in enumerate(spelled))
    expected = next(a.dataset for a in DATA.aliases if a.value == name)
    hits = list(MATCHER.hits(f"value = '{spelled}'\n"))
    assert [(h.surface, h.alias.dataset) for h in hits] == [(spelled, expected)]


@settings(max_examples=200, deadline=None)
@given(name=st.sampled_from(PLAIN_NAMES), glue=st.sampled_from(["a", "Z", "0", "9"]))
def test_a_name_inside_a_longer_word_is_not_matched(name: str, glue: str) -> None:
    """Whole tokens only: a letter or digit straight before or after breaks the match."""
    for text in (f"x {glue}{name} y", f"x {name}{glue} y"):
        hits = [
            h for h in MATCHER.hits(text) if h.alias.dataset and h.surface.lower() == name.lower()
        ]
        assert hits == [], text
