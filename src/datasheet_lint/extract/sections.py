"""Download links listed under a dataset's own Markdown heading.

A dataset zoo README gives each dataset a heading and its mirrors as bare link lines beneath
it::

    ### MS1M-ArcFace (85K ids/5.8M images)

    [Baidu](https://pan.baidu.com/s/...)

    [GDrive](https://drive.google.com/file/d/.../view)

The link lines name nothing, yet each downloads the dataset its heading names (rubric: a
download URL of the data is a reference). A line counts when every link on it points at a
file host or an archive and the words left beside the links are a handful of labels
(``testsuite:``, ``(code:8eb3)``), not a sentence, which could be about anything; and only
under a heading that names exactly one dataset, up to the next heading of any level.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind

HEADING = lazy(r" {0,3}#{1,6}\s+\S")
FENCE = lazy(r"\s*(?:```|~~~)")
# A Markdown link (the text may hold a picture's own brackets) or a bare URL.
LINK = lazy(
    r"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([a-z][a-z0-9+.-]*://[^)\s>]+)>?[^)]*\)|<?(\b[a-z][a-z0-9+.-]*://[^\s<>)\]]+)>?",
    re.IGNORECASE,
)
# Where a dataset's mirrors are kept: cloud drives and file hosts, or an archive itself.
FILE_HOST = lazy(
    r"drive\.google\.com/|docs\.google\.com/uc\?|pan\.baidu\.com/|dropbox\.com/|1drv\.ms/"
    r"|onedrive\.live\.com/|sharepoint\.com/|mega\.nz/|share\.weiyun\.com/|aliyundrive\.com/"
    r"|\.(?:zip|tar|tgz|gz|bz2|xz|rar|7z)(?:[?#]|$)",
    re.IGNORECASE,
)
LABEL_WORDS = 4  # words beside the links: "testsuite:", "(code:8eb3)", "password: ab12"
WORD = lazy(r"[^\W\d_][\w-]*")


def references(
    text: str, found: list[tuple[str, int, int, Kind, str]]
) -> list[tuple[str, int, int, Kind, str]]:
    """(dataset, line, column, kind, url) of each bare download line under a heading that
    names one dataset; ``found`` holds the references of the text so far (its headings')."""
    named: dict[int, set[str]] = {}
    for item in found:
        named.setdefault(item[1], set()).add(item[0])
    links: list[tuple[str, int, int, Kind, str]] = []
    dataset: str | None = None
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if HEADING.match(line):
            heading = {d for d in named.get(number, ()) if not d.startswith("local:")}
            dataset = next(iter(heading)) if len(heading) == 1 else None
            continue
        if dataset is None or number in named or "://" not in line:
            continue
        download = _download(line)
        if download is not None:
            column, url = download
            links.append((dataset, number, column, Kind.URL, url))
    return links


def _download(line: str) -> tuple[int, str] | None:
    """(column, URL) of a line's first link when the line is nothing but download links and
    a few labels."""
    matches = list(LINK.finditer(line))
    if not matches:
        return None
    urls = [(m.start(1) if m.group(1) else m.start(2), m.group(1) or m.group(2)) for m in matches]
    if not all(FILE_HOST.search(url.rstrip(".,;")) for _, url in urls):
        return None
    rest = LINK.sub(" ", line)
    if len(WORD.findall(rest)) > LABEL_WORDS:
        return None
    start, url = urls[0]
    return start + 1, url


# A README's statement of what its models were trained on: "We use MS-Celeb-1M-v1c for
# conventional training", "we employ MS1MV2 as the training dataset", "models trained on X".
TRAINING = lazy(
    r"\btrain(?:ed|ing)?\s+(?:\w+\s+){0,2}?(?:on|with|using)\b"
    r"|\btraining\s+(?:data|dataset|datasets|set|sets|corpus)\b"
    r"|\bfor\s+(?:\w+\s+)?training\b",
    re.IGNORECASE,
)
TABLE_ROW = lazy(r"\s{0,3}\|?[^|\n]*\|")
TABLE_RULE = lazy(r"\s{0,3}\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
# A header cell of a model zoo's table: the column that holds the weights.
MODEL_COLUMN = lazy(
    r"\b(?:models?|weights?|checkpoints?|ckpt|pretrained|download)\b", re.IGNORECASE
)
WEIGHT_FILE = lazy(r"\.(?:pth|pt|ckpt|h5|pb|onnx|params|pkl|tar|zip|caffemodel)(?:[?#)\s]|$)")


def trained_models(
    text: str, found: list[tuple[str, int, int, Kind, str]], retracted: Callable[[str], bool]
) -> list[tuple[str, int, int, Kind, str]]:
    """(dataset, line, column, model, url) for each download of weights in a README that says
    what its models were trained on, where that is one retracted dataset.

    A model zoo README says once what it trains on ("We use MS-Celeb-1M-v1c for conventional
    training", "we employ MS1MV2 as the training dataset") and then lists the weights in a
    table whose rows name only a backbone or a loss (| ArcFace | 99.57 | [Google](...) |), or
    offers them in a sentence ("We provide a pre-trained ResNet-18 model in this [link]").
    Each such link downloads weights trained on that data (rubric: a model trained on a
    retracted dataset is kind ``model``). The statement counts where it names exactly one
    dataset: for a sentence, in its own section (up to the next heading); for a table row, in
    its section or else anywhere in the README, as long as the README's statements all name
    the same one. Only links to a file host or a weight file count, on rows under a header
    with a column for the models or in sentences that speak of a model, and never on a line
    that names another dataset."""
    by_line: dict[int, set[str]] = {}
    for dataset, number, *_ in found:
        if not dataset.startswith(("local:", "url:")):
            by_line.setdefault(number, set()).add(dataset)
    lines = text.split("\n")
    section_of, statements = _statements(lines, by_line)
    everywhere = set().union(*(named for named in statements if named is not None))
    whole = next(iter(everywhere)) if len(everywhere) == 1 and None not in statements else None
    found_here: list[tuple[str, int, int, Kind, str]] = []
    columns: list[bool] = []  # which columns of the table in hand hold models
    fenced = False
    for number, line in enumerate(lines, 1):
        if FENCE.match(line):
            fenced, columns = not fenced, []
            continue
        if fenced:
            continue
        if "|" not in line and "://" not in line:
            columns = []  # a table ends at its first line without a pipe
            continue
        here = statements[section_of[number]]
        local = next(iter(here)) if here is not None and len(here) == 1 else None
        if not TABLE_ROW.match(line):
            columns = []
            trained, link = local, _sentence_link(line)
        elif TABLE_RULE.match(line):
            header = _cells(lines[number - 2]) if number >= 2 else []
            columns = [MODEL_COLUMN.search(cell) is not None for cell in header]
            columns = columns if any(columns) else []
            continue
        else:
            trained, link = local or whole, _weights_link(line, columns) if columns else None
        if trained is None or link is None or not retracted(trained):
            continue
        if not by_line.get(number, set()) - {trained}:
            found_here.append((trained, number, link[0], Kind.MODEL, link[1]))
    return found_here


def _statements(
    lines: list[str], by_line: dict[int, set[str]]
) -> tuple[list[int], list[set[str] | None]]:
    """Each line's section (0 before the first heading), and per section the datasets its
    statements of training data name (None where one statement names two: which one the
    models saw is unsaid)."""
    section_of = [0]  # line numbers start at 1
    statements: list[set[str] | None] = [set()]
    fenced = False
    for number, line in enumerate(lines, 1):
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and HEADING.match(line):
            statements.append(set())
        elif not fenced and not TABLE_ROW.match(line) and TRAINING.search(line):
            named = by_line.get(number, set())
            current = statements[-1]
            if current is not None and named:
                statements[-1] = current | named if len(named) == 1 else None
        section_of.append(len(statements) - 1)
    return section_of, statements


# A sentence that offers weights: "We provide a pre-trained ResNet-18 model in this [link]".
MODEL_WORDS = lazy(r"\b(?:models?|weights|checkpoints?|pre-?trained)\b", re.IGNORECASE)


def _sentence_link(line: str) -> tuple[int, str] | None:
    """(column, URL) of a sentence's link to weights on a file host, where it speaks of a
    model; a heading never counts."""
    if HEADING.match(line) or MODEL_WORDS.search(LINK.sub(" ", line)) is None:
        return None
    return _weights_link(line, [])


def _cells(row: str) -> list[str]:
    """A table row's cells, without the outer pipes."""
    return row.strip().strip("|").split("|")


def _weights_link(row: str, columns: list[bool]) -> tuple[int, str] | None:
    """(column, URL) of a table row's link to a file host or a weight file: the first in a
    column for the models (| Pretrained model | beside | Log file |), else the first."""
    links = []
    offset = len(row) - len(row.lstrip()) + (1 if row.lstrip().startswith("|") else 0)
    for match in LINK.finditer(row):
        url = match.group(1) or match.group(2)
        if FILE_HOST.search(url.rstrip(".,;")) or WEIGHT_FILE.search(url):
            start = match.start(1) if match.group(1) else match.start(2)
            cell = row.count("|", offset, match.start())
            links.append((cell < len(columns) and columns[cell], start + 1, url))
    if not links:
        return None
    chosen = next((link for link in links if link[0]), links[0])
    return chosen[1], chosen[2]
