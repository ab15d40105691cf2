"""What the speed work of sessions 8, 9 and 11 changed, each pinned to the decision it must keep.

A pre-check that skips work is only right if it skips exactly what the slower check skipped:
each test here compares the fast form with the form it replaced, on real text (the package's
own modules and the test corpus) and on near misses written for the purpose.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from tests.conftest import MakeRepo, RunCli

ROOT = Path(__file__).resolve().parents[1]
# extract/flow.py's regex before session 8: which text the walk looks at for downloads.
DOWNLOADS_REGEX = r"urlretrieve|urlopen|get_file|download|requests\.get|httpx\.get"


def test_download_words_decide_as_the_download_regex_did() -> None:
    """``flow.may_download`` (plain substrings) against the regex of alternatives it replaced,
    on each word, its near misses, and every Python file of the project."""
    from datasheet_lint.extract import flow

    regex = re.compile(DOWNLOADS_REGEX)
    words = ["urlretrieve", "urlopen", "get_file", "download", "requests.get", "httpx.get"]
    near = [w.upper() for w in words] + [w.replace(".", "_") for w in words]
    near += [w[1:] for w in words]
    near += ["Download", "down_load", "requests . get", "urllib.request.urlretrieve(u, f)"]
    own = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "src").rglob("*.py"))]
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests").rglob("*.py"))]
    texts = [*(f"x = {w}(a)\n" for w in words), *near, *own, *corpus]
    verdicts = [flow.may_download(t) for t in texts]
    assert verdicts == [regex.search(t) is not None for t in texts]
    assert True in verdicts and False in verdicts


def test_a_file_hands_back_only_the_exports_of_a_module_that_offers_some(
    make_repo: MakeRepo,
) -> None:
    """A pooled scan pickles each file's share back to the parent: a module that loads data
    but offers other modules nothing sends no empty record, one that does sends its own."""
    from datasheet_lint import engine, git

    root = make_repo(
        {
            "train.py": "from datasets import load_dataset\n\n\ndef main():\n"
            '    ds = load_dataset("imdb")\n',
            "data.py": 'DATA = "data/imdb"\nimdb = load_dataset("imdb")\n',
        }
    )
    config, targets = engine.load_config([str(root)])
    listing = git.start_files(config.root, targets, untracked=True)()
    knowledge = engine.knowledge_for(config)
    scan = functools.partial(
        engine._scan_file, listing, knowledge, config.max_file_size, frozenset()
    )
    train, data = scan("train.py"), scan("data.py")
    assert train[1], "the module's loader call is found"
    assert train[4] == []
    assert [set(e.names) for e in data[4]] == [{"DATA", "imdb"}]


def test_the_loader_walk_visits_what_ast_walk_visits_in_its_order() -> None:
    """``python_ast._walk`` (a list read while it grows) gives ``ast.walk``'s nodes in
    ``ast.walk``'s order, less the leaves it never enters, on every Python file of the project:
    the order decides which of two imports of one name wins."""
    import ast

    from datasheet_lint.extract import python_ast

    paths = sorted((ROOT / "src").rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py"))
    trees = [python_ast.parse(p.read_text(encoding="utf-8")) for p in paths]
    assert sum(t is not None for t in trees) > 100
    for path, tree in zip(paths, trees, strict=True):
        if tree is None:  # the corpus holds some broken code on purpose
            continue
        expected = [n for n in ast.walk(tree) if type(n) not in python_ast._LEAVES]
        assert python_ast._walk(tree) == expected, path


def test_the_loader_walk_finds_each_kind_of_node_it_collects() -> None:
    """The walk tells nodes apart by their class: an async function's default, an annotated
    constant, imports inside functions and a loader in a method each still count (and an
    annotation without a value binds nothing)."""
    from datasheet_lint.extract import python_ast

    code = (
        "async def main(name: str = 'imdb'):\n"
        "    from datasets import load_dataset\n"
        "    return load_dataset(name)\n"
        "URL: str = 'https://example.org/data/train.csv'\n"
        "SPLIT: str\n"
        "async def fetch():\n"
        "    import pandas as pd\n"
        "    return pd.read_csv(URL)\n"
        "class Data:\n"
        "    def __init__(self):\n"
        "        import torchvision\n"
        "        self.train = torchvision.datasets.CIFAR10(root='x')\n"
    )
    tree = python_ast.parse(code)
    assert tree is not None
    found = {(c.source, c.name, c.line) for c in python_ast.loader_calls(tree)}
    assert found == {
        ("hf", "imdb", 1),
        ("hf", "imdb", 3),
        ("url", "https://example.org/data/train.csv", 4),
        ("url", "https://example.org/data/train.csv", 8),
        ("torchvision", "CIFAR10", 12),
    }


def test_a_notebook_line_is_found_as_either_encoding_wrote_it() -> None:
    """``notebooks._Locator`` looks for each cell line as JSON wrote it, with non-ASCII text
    escaped or not (encoders built once, not per line): either way each line keeps its own
    file line, including quotes, backslashes, tabs and text outside the BMP."""
    import json

    from datasheet_lint.extract import notebooks

    source = [
        "import pandas as pd\n",
        "données = pd.read_csv('données/été.csv')\n",
        'path = "C:\\\\data\\ttab"\n',
        "label = '🐍 snake'\n",
        "x = 1",
    ]
    notebook = {"cells": [{"cell_type": "code", "source": source, "metadata": {}}]}
    for ascii_only in (True, False):
        text = json.dumps(notebook, indent=1, ensure_ascii=ascii_only)
        raw = text.split("\n")
        [segment] = notebooks.segments(text)
        assert segment.lang == "python"
        assert segment.text == "".join(source)
        assert segment.lines is not None
        for piece, number in zip(source, segment.lines, strict=True):
            escaped = json.dumps(piece, ensure_ascii=ascii_only)[1:-1]
            assert escaped in raw[number - 1]
        assert len(set(segment.lines)) == len(source)


def test_camel_identifiers_are_found_line_by_line_as_the_whole_text_search_found_them() -> None:
    """``identifiers._camel_tokens`` reads only the lines with a hump's capital: it yields the
    matches (offsets and text) that ``CAMEL.finditer`` over the whole text yields, on every
    text file of the project and on near misses of the hump's two shapes."""
    from datasheet_lint.extract import identifiers

    near = [
        "aB",  # a hump at the identifier's first character is none
        "ABc ABCd xaB x9Y _aB 9aB a_B A_Bc",
        "VOCAnnotationTransform\nNYUv2Loader\r\nloadMNIST(x)\n\nEvalMegaFace",
        "\u00e9t\u00e9Data \u00c0bCd a\u00e9Bc \u00e9aBc \u03b1\u03b2Mnist",  # non-ASCII words
        "last line, no newline: CelebAHQ",
        "\nLeadingNewline\n",
        "x" * 50 + "Y",
    ]
    suffixes = {".py", ".md", ".ipynb", ".yaml", ".yml", ".json", ".txt", ".toml", ".cfg"}
    files = [p for p in sorted(ROOT.rglob("*")) if p.suffix in suffixes and ".git" not in p.parts]
    corpus = [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]
    assert len(corpus) > 200
    found = 0
    for text in [*near, *corpus]:
        expected = [(m.span(), m.group()) for m in identifiers.CAMEL.finditer(text)]
        assert [(m.span(), m.group()) for m in identifiers._camel_tokens(text)] == expected
        found += len(expected)
    assert found > 100


def test_option_parsers_are_found_as_the_parser_regex_alone_found_them() -> None:
    """``flow.PARSER_WORDS`` rule a module out before ``flow.PARSES`` is searched: the
    verdicts are the regex's alone, on each alternative, near misses and every text file of
    the project."""
    from datasheet_lint.extract import flow

    calls = ["p.add_argument('--x')", "ArgumentParser()", "HfArgumentParser (x)"]
    calls += [
        "flags.DEFINE_string('data', None, '')",
        "DEFINE_integer(",
        "argparse.ArgumentParser(",
    ]
    near = ["add_arguments(", "myArgumentParser(", "add_argument", "DEFINE (", "define_string("]
    near += ["ArgumentParserX(", "_add_argument(", "HfArgumentParser", "Add_Argument("]
    files = [p for p in sorted(ROOT.rglob("*")) if p.suffix in {".py", ".md", ".ipynb"}]
    corpus = [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]
    texts = [*calls, *near, *corpus]
    verdicts = [
        any(word in text for word in flow.PARSER_WORDS) and flow.PARSES.search(text) is not None
        for text in texts
    ]
    assert verdicts == [flow.PARSES.search(text) is not None for text in texts]
    assert verdicts[: len(calls)] == [True] * len(calls)
    assert True in verdicts[len(calls) :] and False in verdicts


def test_a_module_is_worth_parsing_as_the_reader_regex_alone_decided() -> None:
    """``python_ast.worth_parsing`` looks for a reader call before a data file's name only on
    a line that opens a parenthesis there: its verdicts are those of the search on every such
    line, on near misses and every Python file and notebook of the project."""
    from datasheet_lint.extract import python_ast

    def searched_everywhere(text: str) -> bool:  # worth_parsing before session 11
        if any(word in text for word in python_ast.LOADER_WORDS):
            return True
        if "datasets" in text and python_ast.LIBRARY_DATASETS.search(text):
            return True
        if "://" in text and python_ast.DATA_URL_LITERAL.search(text):
            return True  # since session 12: a data file's URL bound to a name (bound_urls)
        for count, literal in enumerate(python_ast.DATA_LITERAL.finditer(text)):
            if count >= python_ast.LITERALS_LOOKED_AT:
                break
            line_start = text.rfind("\n", 0, literal.start()) + 1
            if python_ast.READER_CALL.search(text, line_start, literal.start()):
                return True
        return False

    lines = ['x = np.load("a.npy")', 'path = root / "a.npy"', 'f = open (join(d, "t.txt"))']
    lines += ['p = "a.npy"  # np.load(', 'np.load\n("a.npy")', 'load = "a.npy"', "(x)\n'a.csv'"]
    lines += ['df = read_table( "a.tsv" )', 'ds = MyDataset("a.h5")', 'x = f(root, "a.npy")']
    files = [p for p in sorted(ROOT.rglob("*")) if p.suffix in {".py", ".ipynb"}]
    corpus = [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]
    texts = [*lines, *corpus]
    verdicts = [python_ast.worth_parsing(text) for text in texts]
    assert verdicts == [searched_everywhere(text) for text in texts]
    assert verdicts[: len(lines)] == [
        True,
        False,
        True,
        False,
        False,
        False,
        False,
        True,
        True,
        False,
    ]


def test_a_module_that_creates_a_config_block_is_never_ruled_out() -> None:
    """``config_blocks.ANY_CREATED`` rules a module out before its lines are read one by one:
    every module with a line that creates a block (what the line-by-line reading looks for)
    has a match, on near misses and every text file of the project; most have none."""
    from datasheet_lint.extract import config_blocks

    def creates(text: str) -> bool:  # the line-by-line test that decides ``created``
        for line in text.split("\n"):
            chain = config_blocks.CHAIN.match(line)
            if chain is not None and config_blocks.CREATED.match(line, chain.end()):
                return True
        return False

    near = ["dataset.retina = edict()\r\n", "cfg.DATA = CN( )  # later", "a.b = {}", "a.b={ \t}"]
    near += ["a.b = dict()\nx = 1", "a.b = dict(x=1)", "a = edict()", "a.b == {}", "a.b = {}.x"]
    near += ["a.b = OrderedDict()  x", "  a.b.c =\tEasyDict(\t)", "a.b = {\n}"]
    suffixes = {".py", ".md", ".ipynb", ".yaml", ".yml", ".cfg", ".txt"}
    files = [p for p in sorted(ROOT.rglob("*")) if p.suffix in suffixes and ".git" not in p.parts]
    corpus = [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]
    verdicts = [creates(text) for text in [*near, *corpus]]
    for text, created in zip([*near, *corpus], verdicts, strict=True):
        if created:
            assert config_blocks.ANY_CREATED.search(text) is not None, text[:200]
    expected = [True] * 5 + [False] * 5 + [True, False]
    assert verdicts[: len(near)] == expected
    ruled_out = [config_blocks.ANY_CREATED.search(text) is None for text in corpus]
    assert sum(ruled_out) > len(corpus) // 2


def test_the_json_report_is_the_text_the_streaming_encoder_wrote(
    make_repo: MakeRepo, run_cli: RunCli
) -> None:
    """``report/json_report.render`` writes the document as one string (session 12): the same
    characters, non-ASCII kept and indented alike, that ``json.dump`` wrote piece by piece."""
    import io
    import json

    from datasheet_lint import engine
    from datasheet_lint.report import json_report

    root = make_repo(
        {
            "données/train.py": "from datasets import load_dataset\n"
            'ds = load_dataset("imdb")\n'
            'faces = load_dataset("ms_celeb_1m")\n',
            "notes/README.md": "We fine-tune on MS-Celeb-1M and CIFAR-10.\n",
        }
    )
    config, targets = engine.load_config([str(root)])
    report = engine.run(config, targets)
    assert report.references and report.findings
    written = io.StringIO()
    json_report.render(report, written)
    streamed = io.StringIO()
    json.dump(json_report.as_dict(report), streamed, indent=2, ensure_ascii=False)
    assert written.getvalue() == streamed.getvalue() + "\n"
    assert '"path": "données/train.py"' in written.getvalue()
    printed = run_cli(root, "check", ".", "--format", "json", "--exit-zero")
    assert printed.stdout == written.getvalue()
