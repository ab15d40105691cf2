"""Download links under a dataset's own Markdown heading (extract/sections.py).

Dataset zoo READMEs give each dataset a heading and its mirrors as bare link lines beneath it;
the links name nothing but download the dataset the heading names.
"""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli, findings
from tests.conftest import file_references as refs

ZOO = """\
# Face Recognition Datasets

### MS1M-ArcFace (85K ids/5.8M images) [5,7]

[Baidu](https://pan.baidu.com/s/1AbCdEfGhIjKlMnOp)

[GDrive](https://drive.google.com/file/d/1abcdefghijklmnopqrstuvwxyz012345/view?usp=sharing)

### MegaFace

testsuite: [GDrive](https://drive.google.com/file/d/1zyxwvutsrqponmlkjihgfedcba98765/view)

### CASIA-WebFace (10K ids/0.5M images)
[Baidu](https://pan.baidu.com/s/1QrStUvWxYz) (code:ab12)
"""


def test_a_bare_download_line_downloads_the_dataset_its_heading_names(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "datasets/README.md", ZOO)
    assert {(5, "ms1mv2", "url"), (7, "ms1mv2", "url")} <= found
    assert (11, "megaface", "url") in found
    assert (14, "casia-webface", "url") in found


def test_the_links_are_flagged_as_the_retracted_dataset(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    repo = make_repo({"datasets/README.md": ZOO})
    result = run_cli(repo, "check", "--format", "json", "--fail-on", "never")
    flagged = {line for path, line, code, _ in findings(result) if code.startswith("DSL10")}
    assert {5, 7, 11} <= flagged
    assert 14 not in flagged  # CASIA-WebFace is not retracted


LOOK_ALIKES = """\
# Models

### MS1M-ArcFace

See the training notes at [the wiki](https://github.com/org/repo/wiki/Training) first.

Logs: [GDrive](https://drive.google.com/file/d/1abcdefg/view) and more words here, see

### Results on MegaFace and LFW

[GDrive](https://drive.google.com/file/d/1zyxwvutsrqponmlkjihgf/view)

### Installation

[Baidu](https://pan.baidu.com/s/1AbCdEfGhIjKlMnOp)

```
### MegaFace
[GDrive](https://drive.google.com/file/d/1qqqqqqqqqqqqqqqqqqqqq/view)
```
"""


def test_links_in_sentences_under_two_datasets_or_after_the_section_are_not(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    found = refs(make_repo, run_cli, "README.md", LOOK_ALIKES)
    # a page link, a sentence, a heading of two datasets, the next section, a code block
    assert not {line for line, _, _ in found} & {5, 7, 11, 15, 19}
