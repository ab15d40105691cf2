"""File -> references: where a file points at datasets, and how.

Every file goes through the blocklist matcher (one regex pass). Python files that contain a
loader call or a match are also parsed, to find loader calls for any dataset, blocklisted or not.
Matches of ambiguous aliases are kept only where the line uses them as a dataset name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from datasheet_lint.extract import context, python_ast
from datasheet_lint.matcher import Hit, Matcher
from datasheet_lint.models import Kind, Location, Reference, SourceFile

KIND_PRIORITY = {Kind.LOAD: 0, Kind.URL: 1, Kind.PATH: 2, Kind.CONFIG: 3, Kind.MENTION: 4}
CONTEXT_LINES = 40


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
    file: SourceFile, hit: Hit, index: LineIndex, lang: str, loader_spans: set[tuple[int, int]]
) -> Reference | None:
    line_no, column = index.position(hit.start)
    text = index.line(line_no)
    end = column - 1 + len(hit.surface)
    line = context.Line(text, column - 1, end, index.above(line_no) if hit.alias.ambiguous else ())
    in_loader = (line_no, column) in loader_spans
    if hit.alias.ambiguous and not in_loader:
        confirmed = context.near(line, hit.alias.near) or (
            not hit.alias.needs_near and context.dataset_name_context(line, lang)
        )
        if not confirmed:
            return None
    kind = Kind.LOAD if in_loader else context.kind_of(line, lang)
    assert hit.alias.dataset is not None
    return Reference(hit.alias.dataset, Location(file.path, line_no, column), kind, hit.surface)


def _loader_references(
    file: SourceFile, matcher: Matcher, spans: set[tuple[int, int]]
) -> Iterator[Reference]:
    tree = python_ast.parse(file.text)
    if tree is None:
        return
    for call in python_ast.loader_calls(tree):
        dataset = python_ast.dataset_id(call)
        for hit in matcher.hits(call.name):
            # The whole name, or its last segment (owner/name), is a blocklisted alias.
            whole = hit.start == 0 and hit.end == len(call.name)
            tail = hit.end == len(call.name) and call.name[hit.start - 1 : hit.start] == "/"
            if (whole or tail) and hit.alias.dataset is not None and not hit.alias.needs_near:
                dataset = hit.alias.dataset
                spans.add((call.line, call.column + hit.start))
        yield Reference(dataset, Location(file.path, call.line, call.column), Kind.LOAD, call.name)


def extract(file: SourceFile, matcher: Matcher) -> list[Reference]:
    """All references in one file, one per (line, dataset), strongest kind first."""
    lang = context.file_kind(file.path)
    hits = list(matcher.hits(file.text))
    references: list[Reference] = []
    loader_spans: set[tuple[int, int]] = set()
    if lang == "python" and python_ast.LOADER_USE.search(file.text):
        references.extend(_loader_references(file, matcher, loader_spans))
    if hits:
        index = LineIndex(file.text)
        for hit in hits:
            reference = _hit_reference(file, hit, index, lang, loader_spans)
            if reference is not None:
                references.append(reference)
    return _one_per_line(references)


def _one_per_line(references: list[Reference]) -> list[Reference]:
    best: dict[tuple[int, str], Reference] = {}
    for ref in references:
        key = (ref.location.line, ref.dataset)
        known = best.get(key)
        if known is None or (KIND_PRIORITY[ref.kind], ref.location.column) < (
            KIND_PRIORITY[known.kind],
            known.location.column,
        ):
            best[key] = ref
    return sorted(best.values(), key=lambda r: (r.location.line, r.location.column, r.dataset))
