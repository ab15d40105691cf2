"""Downloads nobody catalogued, by readable ids: one dataset per id, one id per source.

Runs once over the whole scan's references (engine._scan), after every pass that reads a
download's whole id (extract/downloaded.py ties a local file to the download that fetched it
by the address's file name). A ``url:host/path`` id becomes ``url:<name>``, the name the
address shows (knowledge/download_names.py: ``url:nietzsche``, ``url:tinyshakespeare``,
``url:prm800k``), where no other source in the repository would share it:

- the splits of one dataset (``.../prm800k/data/phase1_train.jsonl`` and
  ``.../phase1_test.jsonl``: one folder, the part that gave the name) share the id on
  purpose, as they share one datasheet;
- two addresses whose names agree but come from different places (``a.org/x/train.csv`` and
  ``b.org/y/train.csv`` both under a folder ``x``; ``nietzsche.txt`` from two hosts) keep
  their whole ids, as does a name that a download's whole id already has: an id never
  stands for two sources.
"""

from __future__ import annotations

import dataclasses

from datasheet_lint.knowledge.download_names import Named, readable
from datasheet_lint.models import Reference


def readable_ids(references: list[Reference]) -> list[Reference]:
    """The references with each download's whole id renamed to its readable one, where that
    names one source alone; a line left with two references to one id keeps the first."""
    whole_ids = sorted({ref.dataset for ref in references if ref.dataset.startswith("url:")})
    named: dict[str, Named] = {}
    places: dict[str, set[str]] = {}  # a name, casefolded -> the places it comes from
    for dataset in whole_ids:
        found = readable(dataset)
        if found is not None:
            named[dataset] = found
            places.setdefault(found.name.casefold(), set()).add(found.prefix)
    if not named:
        return references
    taken = {dataset.removeprefix("url:").casefold() for dataset in whole_ids}
    spelled: dict[str, str] = {}  # one spelling per name: the first whole id's
    renamed: dict[str, str] = {}
    for dataset, found in named.items():
        key = found.name.casefold()
        if len(places[key]) == 1 and key not in taken:
            renamed[dataset] = "url:" + spelled.setdefault(key, found.name)
    if not renamed:
        return references
    kept: list[Reference] = []
    seen: set[tuple[str, int, str]] = set()
    for ref in references:
        dataset = renamed.get(ref.dataset, ref.dataset)
        if dataset != ref.dataset:
            where = (ref.location.path, ref.location.line, dataset)
            if where in seen:
                continue  # train.csv and test.csv of one dataset on one line: one reference
            seen.add(where)
            ref = dataclasses.replace(ref, dataset=dataset, source=ref.dataset)
        kept.append(ref)
    return kept
