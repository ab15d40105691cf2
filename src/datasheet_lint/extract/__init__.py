"""File -> references: where a file points at datasets, and how.

Every file goes through one regex pass over all known names (the blocklist's and the
catalogue's). Python (and notebook code cells) that name a loader are also parsed, to find
loader calls for any dataset, known or not; DVC files and Hugging Face cards are read for the
data they declare. A name flagged ambiguous counts only where the line uses it as a dataset
name. See docs/references.md.
"""

from __future__ import annotations

import bisect
import re

from datasheet_lint.extract import (
    context,
    filetypes,
    kinds,
    notebooks,
    python_ast,
    python_strings,
    structured,
)
from datasheet_lint.extract.segments import Segment
from datasheet_lint.knowledge.resolve import Knowledge
from datasheet_lint.matcher import Hit
from datasheet_lint.models import Kind, Location, Reference, SourceFile

KIND_PRIORITY = {
    Kind.LOAD: 0,
    Kind.MODEL: 1,
    Kind.URL: 2,
    Kind.PATH: 3,
    Kind.CONFIG: 4,
    Kind.MENTION: 5,
}
CONTEXT_LINES = 40  # lines above a hit that may hold its config key
CONTEXT_CHARS = 300  # characters on either side of a hit that decide what it is


class LineIndex:
    """Offset <-> (line, column) for one text; columns count characters, 1-based."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line(self, number: int) -> str:
        start = self.starts[number - 1]
        end = self.starts[number] - 1 if number < len(self.starts) else len(self.text)
        return self.text[start:end]

    def above(self, number: int) -> list[str]:
        first = max(1, number - CONTEXT_LINES)
        return [self.line(n) for n in range(first, number)]


def _hit_reference(
    hit: Hit,
    index: LineIndex,
    lang: str,
    loader_spans: set[tuple[int, int]],
    regions: python_strings.Regions | None,
) -> tuple[str, int, int, Kind, str] | None:
    """(dataset, line, column, kind, surface) of a matched name, or None where it does not
    count. A model's surface is the model's whole name (ms1mv3_arcface_r100_fp16)."""
    line_no, column = index.position(hit.start)
    text = index.line(line_no)
    start = column - 1
    if len(text) > 2 * CONTEXT_CHARS:  # minified files: judge the hit by its neighbourhood
        cut = max(0, start - CONTEXT_CHARS)
        text, start = text[cut : start + len(hit.surface) + CONTEXT_CHARS], start - cut
    above = index.above(line_no) if hit.alias.ambiguous else ()
    line = context.Line(text, start, start + len(hit.surface), above)
    assert hit.alias.dataset is not None
    if (line_no, column) in loader_spans:  # the loader call's own name
        return hit.alias.dataset, line_no, column, Kind.LOAD, hit.surface
    # In Python, triple-quoted strings are known from the whole file; the rest from the line.
    role = context.role_of(line, lang) if regions is None else regions.role(hit.start, line)
    model = kinds.model_span(line, hit.alias, role)
    if model is not None:
        left, right = model
        return hit.alias.dataset, line_no, column + left - start, Kind.MODEL, text[left:right]
    if hit.alias.model is not None:
        return None  # a model's name where a run writes its output
    if hit.alias.ambiguous:
        confirmed = context.near(line, hit.alias.near) or (
            not hit.alias.needs_near and context.dataset_name_context(line, lang, role)
        )
        if not confirmed:
            return None
    kind = kinds.kind_of(line, lang, role, known_url=hit.alias.url)
    if kind is None:
        return None
    return hit.alias.dataset, line_no, column, kind, hit.surface


def _segment_references(
    file: SourceFile, segment: Segment, knowledge: Knowledge
) -> list[Reference]:
    found: list[tuple[str, int, int, Kind, str]] = []
    loader_spans: set[tuple[int, int]] = set()
    if segment.lang == "python" and python_ast.LOADER_USE.search(segment.text):
        tree = python_ast.parse(segment.text)
        for call in python_ast.loader_calls(tree) if tree is not None else ():
            dataset = knowledge.resolve(call.source, call.name, needs_known=call.needs_known)
            if dataset is None:
                continue
            loader_spans.add((call.line, call.column))
            found.append((dataset, call.line, call.column, Kind.LOAD, call.name))
    hits = list(knowledge.matcher.hits(segment.text))
    if hits:
        index = LineIndex(segment.text)
        regions = python_strings.regions(segment.text) if segment.lang == "python" else None
        for hit in hits:
            # A name at a loader call's position counts as that call (and is never ambiguous).
            located = _hit_reference(hit, index, segment.lang, loader_spans, regions)
            if located is not None:
                found.append(located)
    references = []
    for dataset, line, column, kind, surface in found:
        file_line, file_column = segment.position(line, column, surface)
        references.append(
            Reference(dataset, Location(file.path, file_line, file_column), kind, surface)
        )
    return references


def extract(file: SourceFile, knowledge: Knowledge) -> list[Reference]:
    """All references in one file, one per (line, dataset), strongest kind first."""
    lang = filetypes.file_kind(file.path)
    if lang == "skip":
        return []
    segments = notebooks.segments(file.text) if lang == "notebook" else [Segment(file.text, lang)]
    references: list[Reference] = []
    for segment in segments:
        references.extend(_segment_references(file, segment, knowledge))
    references.extend(structured.references(file, knowledge))
    return _one_per_line(references)


def _one_per_line(references: list[Reference]) -> list[Reference]:
    best: dict[tuple[int, str], Reference] = {}
    for ref in references:
        key = (ref.location.line, ref.dataset)
        known = best.get(key)
        rank = (KIND_PRIORITY[ref.kind], ref.location.column)
        if known is None or rank < (KIND_PRIORITY[known.kind], known.location.column):
            best[key] = ref
    return sorted(best.values(), key=lambda r: (r.location.line, r.location.column, r.dataset))
