"""Functions named for a dataset whose bodies read files (extract/named_readers.py).

The shape is shared by face-recognition test protocols, re-ID split readers and detection
converters: a helper named for the benchmark, with more words than a loader's name, that opens
the benchmark's lists (``get_megaface_feature_list``, ``process_query_sysu``,
``create_scuthead_file``). Written here from scratch, with the look-alikes that stay silent.
"""

from __future__ import annotations

from tests.conftest import MakeRepo, RunCli
from tests.conftest import file_references as refs

PROTOCOL = """\
import json
import os


class Protocol(object):
    def __init__(self, megaface_json):
        self.megaface_json = megaface_json
        self.distractors = self.get_megaface_distractor_list()

    def get_megaface_distractor_list(self):
        with open(self.megaface_json) as handle:
            return json.load(handle)


def remove_facescrub_noisy_ids(noises_file, image_dir):
    noisy = set(open(noises_file).read().split())
    return [name for name in os.listdir(image_dir) if name not in noisy]


def save_facescrub_scores(scores, path):
    with open(path, 'w') as handle:
        json.dump(scores, handle)


def draw_megaface_curve(points):
    return sorted(points)


def test_facescrub_pairs_reader():
    return open('pairs.txt').read()


kept = remove_facescrub_noisy_ids('noises.txt', 'images')
save_facescrub_scores(kept, 'scores.json')
draw_megaface_curve(kept)


def read_IJB_template_media(meta_file):
    return [row.split() for row in open(meta_file)]


def _compute_aspect_ratios_voc_dataset(dataset):
    return [Image.open(path).size for path in dataset.images]
"""


def test_a_function_named_for_a_dataset_that_reads_a_file_loads_it(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """The def line and each call (``name(...)``, ``self.name(...)``) of a reader named for a
    dataset are loads of it, whatever other words its name has."""
    found = refs(make_repo, run_cli, "protocol/megaface_protocol_helpers.py", PROTOCOL)
    assert (8, "megaface", "load") in found
    assert (10, "megaface", "load") in found
    assert (15, "facescrub", "load") in found
    assert (33, "facescrub", "load") in found


def test_writers_drawers_and_unit_tests_named_for_a_dataset_are_not_readers(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """A function that writes, draws, computes or tests is named for the data it acts on,
    not a reader of it: its def line and its calls stay silent; so is a reader named by a
    short ambiguous name (IJB), which labellers of two repositories judged apart."""
    found = refs(make_repo, run_cli, "protocol/megaface_protocol_helpers.py", PROTOCOL)
    lines = {line for line, _, _ in found}
    for line in (20, 25, 29, 34, 35, 38, 42):
        assert line not in lines, line
