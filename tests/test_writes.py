"""writes.py answers, for a call in the AST and for a line of text alike, whether code writes a
file: the passes that read code ask it there and nowhere else."""

from __future__ import annotations

import ast

import pytest

from datasheet_lint.extract import writes

CASES = [
    # (code, writes a file, the file name the line scan reads from it)
    ("open('labels.csv', 'w')", True, {"labels.csv"}),
    ("open('labels.csv', mode='ab')", True, {"labels.csv"}),
    ("np.save('my_array', a)", True, {"my_array.npy"}),
    ("np.savez('arrays', a=a)", True, {"arrays.npz"}),
    ("frame.to_csv('Clean.CSV')", True, {"clean.csv"}),
    ("pickle.dump(stop, open(join(d, 'stopwords.pkl'), 'wb'))", True, {"stopwords.pkl"}),
    ("torch.save(state, 'checkpoint.pt')", True, {"checkpoint.pt"}),
    ("write_json(meta, 'meta.json')", True, set()),  # a writer by its name, no known call
    ("open('reviews.csv')", False, set()),
    ("open('reviews.csv', 'rb')", False, set()),
    ("np.load('my_array.npy')", False, set()),
]


@pytest.mark.parametrize(("code", "writing", "names"), CASES)
def test_a_call_writes_in_the_ast_and_names_its_file_on_its_line(
    code: str, writing: bool, names: set[str]
) -> None:
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call)
    assert writes.writes_file(call) is writing
    assert writes.file_names([code]) == names


def test_a_write_left_in_a_comment_wrote_nothing() -> None:
    assert writes.file_names(["x = 1\n# small.to_csv('movie_data_small.csv')\n"]) == set()


def test_open_for_writing_by_its_mode_alone() -> None:
    for mode, writing in [("'w'", True), ("'r+'", True), ("'x'", True), ("'r'", False)]:
        call = ast.parse(f"open(path, {mode})", mode="eval").body
        assert isinstance(call, ast.Call)
        assert writes.writes_to(call) is writing, mode
    dynamic = ast.parse("open(path, mode)", mode="eval").body
    assert isinstance(dynamic, ast.Call)
    assert not writes.writes_to(dynamic)  # a mode known only at run time is no write
