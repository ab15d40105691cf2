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
