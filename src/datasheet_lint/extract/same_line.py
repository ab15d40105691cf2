"""A line that uses a known dataset by name: the local file or URL it reads is that dataset's.

Runs once over the whole scan's references (engine._scan), after the passes that settle a short
name by the repository's other files (judge.settle), since those name a line's dataset too.
"""

from __future__ import annotations

from datasheet_lint.models import Kind, Reference

# The kinds by which a line uses a dataset (a mention or a model's training data is no use of
# the file the line reads).
USE_KINDS = frozenset({Kind.LOAD, Kind.URL, Kind.PATH, Kind.CONFIG})


def named_on_the_line(references: list[Reference]) -> list[Reference]:
    """A local file or URL on a line that uses a known dataset by name is that dataset's
    source, not another dataset: ``root = '/mnt/ramdisk/msra_align_112'`` (the cleaned
    MS-Celeb-1M's folder), ``unzip captions_train-val2014.zip`` beside COCO's ``val2014.zip``,
    ``self.root = './data/duke'``. Its own id would ask for a second datasheet for the data the
    line names, so it is left out; the line keeps its reference to the named dataset. Other
    lines that read the same file keep theirs. A mention (a comment, prose) or a model's
    training data is no use of the line's file and leaves it as it is, and a config value
    that lists datasets (``NAMES: ("UnderpassReID", "DukeMTMC")``) names each."""
    named = {
        (ref.location.path, ref.location.line)
        for ref in references
        if ref.kind in USE_KINDS and ":" not in ref.dataset
    }
    if not named:
        return references
    return [
        ref
        for ref in references
        if not ref.dataset.startswith(("local:", "url:"))
        or ref.kind is Kind.CONFIG  # a config value that lists datasets names each one
        or (ref.location.path, ref.location.line) not in named
    ]
