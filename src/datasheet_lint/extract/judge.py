"""Whether a matched name counts as a reference, and of which kind, judged by its context.

The one regex pass finds every known name; most of a repository's files have none. For a
file that has some, each hit is judged here: a loader call's own argument, a model's weights,
a download URL, a data path, a config value or a mention, or nothing (an ambiguous name used
as an ordinary word, a model name where a run writes its output).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from datasheet_lint.extract import context, identifiers, kinds, python_strings, specific
from datasheet_lint.extract.segments import LineIndex, Segment
from datasheet_lint.knowledge import words
from datasheet_lint.knowledge.matcher import Hit
from datasheet_lint.lazyregex import lazy
from datasheet_lint.models import Kind, Reference

# A name that describes a format or a layout other data follows: "ImageNet-style directory
# layout", "COCO-style annotations", "changing formats to Market1501 format" ("MNIST-like
# dataset" and "Food101 compatible model" compare with the data itself: they stay mentions).
FORMAT_AFTER = lazy(r"[-\s](?:style|format(?:ted)?)(?![\w/-]|\.\w)", re.IGNORECASE)
# A name before "metric", "policy" or "formula" names a protocol the dataset's papers or
# benchmark defined, applied to any data: "Evaluation with market1501 metric", "cuhk03-metric",
# "AutoAugment ImageNet Policy", "the Pascal VOC formula" (not its data, as a format is not).
PROTOCOL_AFTER = lazy(r"[-_\s](?:metrics?|polic(?:y|ies)|formula)(?![\w/-]|\.\w)", re.IGNORECASE)
# ... every name of a token that ends so ("VGGFace2/ImageNet-style": either one's style).
FORMAT_TOKEN = lazy(r"[-](?:style|format(?:ted)?)[.,;:)]*$", re.IGNORECASE)
# A name given to a key, a flag or a call that chooses a template, a style or a format names
# the prompt or chat layout the dataset made known, applied to any data: ``prompt_style:
# alpaca``, ``--chat_template_name tulu``, ``get_conv_template("open-orca")``,
# ``--chat_formatting_function ...create_prompt_with_tulu_chat_format``. The name comes after
# its word here, as it comes before it in "market1501 metric" and "Alpaca-style".
# Each counts beside a word of prompts or chats: "format" alone is any data's layout
# (data_format: coco), "template" alone a face template of IJB (template = IJBSTemplate()), and
# a key that also says where data lies (style_dir, style_dataset) is never a layout.
LAYOUT_WORDS = frozenset({"template", "templates", "style", "format", "formatting", "formatter"})
PROMPT_WORDS = frozenset({"prompt", "prompts", "chat", "conv", "conversation", "instruction"})
DATA_WORDS = context.DATASET_WORDS | context.DATA_LOCATION_WORDS
FILE_NAME = lazy(r"\.[A-Za-z][A-Za-z0-9]{0,7}['\"]?$")
FORMAT_CHOOSER = lazy(
    r"(?:(?:^|[\s'\"])--?(?P<flag>[A-Za-z][\w-]*)(?:[ \t]+|=)"  # --chat_template_name tulu
    r"|(?P<call>[A-Za-z_][\w.]*)\(\s*)"  # get_conv_template("open-orca")
    r"['\"]?[\w./-]*$"
)
CONTEXT_LINES = 40  # lines above a hit that may hold its config key
CONTEXT_CHARS = 300  # characters on either side of a hit that decide what it is
# Judging a hit costs tens of microseconds, so a hostile file of nothing but known names (a
# 5 MB line of them: ~600,000 hits) would take minutes. A line yields one reference per
# dataset, so after this many hits of one dataset on one line the rest add nothing...
SAME_LINE = 16
# ... and past this many judged hits in one segment, only names not yet found are judged,
# each at most LATE_TRIES more times. Whatever is left unjudged is counted and reported.
PER_SEGMENT = 10_000
LATE_TRIES = 64


def _above(index: LineIndex, number: int) -> list[str]:
    """The lines above, each cut to its start: the indentation and key are what count."""
    first = max(1, number - CONTEXT_LINES)
    return [index.line(n)[: 2 * CONTEXT_CHARS] for n in range(first, number)]


def _hit_reference(
    hit: Hit,
    index: LineIndex,
    lang: str,
    loader_spans: set[tuple[int, int]],
    regions: python_strings.Regions | None,
    code_only: bool = False,
    pending: list[tuple[str, int, int, Kind, str]] | None = None,
    unconfirmed: list[Hit] | None = None,
) -> tuple[str, int, int, Kind, str] | None:
    """(dataset, line, column, kind, surface) of a matched name, or None where it does not
    count. A model's surface is the model's whole name (ms1mv3_arcface_r100_fp16).

    An ambiguous name in a weight file's name that nothing on its line confirms
    (unet_carvana_scale0.5_epoch2.pth) goes to ``pending``: it counts if the file names the
    dataset where it does count (a docstring's "carvana-image-masking-challenge")."""
    line_no, column = index.position(hit.start)
    text = index.line(line_no)
    start = column - 1
    if len(text) > 2 * CONTEXT_CHARS:  # minified files: judge the hit by its neighbourhood
        cut = max(0, start - CONTEXT_CHARS)
        text, start = text[cut : start + len(hit.surface) + CONTEXT_CHARS], start - cut
    # (in a script, a command's continuation lines read the line that starts it)
    above = _above(index, line_no) if hit.alias.ambiguous or lang == "script" else ()
    line = context.Line(text, start, start + len(hit.surface), above)
    assert hit.alias.dataset is not None
    if (line_no, column) in loader_spans and text[line.end : line.end + 1] != "/":
        # the loader call's own name; not the owner of a Hub id it loads (laion/OIG: the
        # organisation, whose own dataset is another), which is judged as any name is
        return hit.alias.dataset, line_no, column, Kind.LOAD, hit.surface
    if hit.alias.title and lang == "prose":
        return None  # a paper's title in a README or its BibTeX names the paper
    # In Python, triple-quoted strings are known from the whole file; the rest from the line.
    role = context.role_of(line, lang) if regions is None else regions.role(hit.start, line)
    model = kinds.model_span(line, hit.alias, role)
    if model is not None:
        left, right = model
        return hit.alias.dataset, line_no, column + left - start, Kind.MODEL, text[left:right]
    if hit.alias.model is not None:
        return None  # a model's name where a run writes its output
    if code_only and role != "code":
        return None
    if not hit.alias.url and (
        FORMAT_AFTER.match(text, line.end) is not None
        or PROTOCOL_AFTER.match(text, line.end) is not None
        or FORMAT_TOKEN.search(context.token_at(line)[0]) is not None
        or _chooses_format(line)
    ):
        return None  # "ImageNet-style layout", "in PASCAL VOC format", "market1501 metric"
    weights = None if hit.alias.url else kinds.weights_span(line, lang, role)
    if hit.alias.ambiguous:
        confirmed = (
            context.near(line, hit.alias.near)
            or (not hit.alias.needs_near and context.dataset_name_context(line, lang, role))
            or (lang == "python" and role == "code" and identifiers.confirms(line))
            or (lang == "python" and role == "string" and identifiers.name_template(line))
            or (lang == "python" and role == "string" and identifiers.config_key(line))
            # A class imported from its dataset's loader module is that dataset wherever the
            # module uses it (from utils.tinyimages_80mn_loader import TinyImages).
            or (lang == "python" and role == "code" and context.near_in(index.text, hit.alias))
            # A name that only its near tokens confirm ('duke' needs a re-ID token) is
            # confirmed by a distinctive one anywhere in the file when it is spelled as a key,
            # folder or flag is (lower case, or a switch of its own: prepare.py --Duke): a
            # module or README that also handles market1501 and cuhk03 means Duke MTMC by
            # 'duke', but not by "Duke Energy" or a person's name.
            or (
                hit.alias.needs_near
                and (hit.surface.islower() or context.flag_switch(line))
                and context.distinctive_near_in(index.text, hit.alias)
            )
            # A name that is short but no word (MS1M, emore, VGG2) is confirmed by a
            # distinctive near token anywhere in its file, in prose too: a README that names
            # Glint360K or InsightFace means MS-Celeb-1M by "MS1M" in its news, its model
            # table and its commands. What else spells MS1M is code (a variable counting
            # per-minute events, Java's -Xms1m) in files that name no face dataset.
            or (
                not hit.alias.needs_near
                and not words.is_word(hit.alias.value)
                and context.distinctive_near_in(index.text, hit.alias)
                and not specific.inside_output(line)  # join(args.save_dir, 'lfw'): output
            )
            or (_code_names_it(line, lang, role, hit) and not _in_series(index, line_no, hit))
            or (role == "string" and not hit.alias.needs_near and specific.inside_location(line))
            or (lang == "config" and not hit.alias.needs_near and _opens_data(index, line_no, line))
        )
        if not confirmed:
            if unconfirmed is not None and hit.alias.needs_near and hit.alias.near:
                unconfirmed.append(hit)  # judged again if the file names it plainly
            # (a name that never counts alone, needs_near, stays silent in weights too)
            if weights is not None and pending is not None and not hit.alias.needs_near:
                pending.append(_model(hit.alias.dataset, line_no, column - start, text, weights))
            return None
    if weights is not None:  # weights named for the data they were trained on
        return _model(hit.alias.dataset, line_no, column - start, text, weights)
    if kinds.weights_choice(line, role):  # weights="imagenet": chosen by their data
        return hit.alias.dataset, line_no, column, Kind.MODEL, hit.surface
    kind = kinds.kind_of(line, lang, role, known_url=hit.alias.url)
    if kind is None:
        return None
    return hit.alias.dataset, line_no, column, kind, hit.surface


def _chooses_format(line: context.Line) -> bool:
    """The name is (in) the value of a key, a flag or a call's first argument that chooses a
    prompt's or chat's layout (``prompt_style: alpaca``, ``--chat_template tulu``), not a
    path nor a file (``anno_template = 'VOC2007/Annotations/%s.xml'`` names the data's files,
    ``template_media_fn = 'ijbb_face_tid_mid.txt'`` IJB's: a face template is data there)."""
    token, _ = context.token_at(line)
    if "/" in token or "\\" in token or FILE_NAME.search(token) is not None:
        return False
    key = context.line_key(line)
    if key is None:
        before = line.text[max(0, line.start - context.KEY_REACH) : line.start]
        found = FORMAT_CHOOSER.search(before)
        if found is None:
            return False
        key = found.group("flag") or found.group("call").rpartition(".")[2]
    words = context.key_words(key)
    if words & DATA_WORDS:
        return False
    return bool(words & PROMPT_WORDS) and bool(words & LAYOUT_WORDS)


def _opens_data(index: LineIndex, line_no: int, line: context.Line) -> bool:
    """A config key that names the dataset whose data its mapping holds (``CPLFW:`` above
    ``pairs_file_path: ...``); read only for an ambiguous name in a config file."""
    from datasheet_lint.extract import configs

    last = min(len(index.starts), line_no + configs.MAPPING_LINES)
    below = [index.line(number) for number in range(line_no + 1, last + 1)]
    return configs.names_data_mapping(line.text, line.start, line.end, below)


def _model(
    dataset: str, line_no: int, offset: int, text: str, span: tuple[int, int]
) -> tuple[str, int, int, Kind, str]:
    """A model reference to the weight file at ``span`` of the line's ``text``."""
    left, right = span
    return dataset, line_no, offset + left, Kind.MODEL, text[left:right]


def _code_names_it(line: context.Line, lang: str, role: str, hit: Hit) -> bool:
    """A short name that is no word (SVHN, COCO, MNIST) defined, imported, called or used as a
    location in code, or any name in a loader's own name (def load_extended_boston): nothing
    but the dataset is spelled that way there."""
    if role != "code" or hit.alias.needs_near:
        return False
    if words.is_word(hit.alias.value) and not identifiers.loader_named(line):
        return False  # class Places is a word; def load_extended_boston() loads a dataset
    if lang == "python" and identifiers.library_shaped(line):
        return False  # import eli5 is the explainer library, not ELI5
    if lang == "python" and identifiers.numbered(line):
        return False  # self.P3_1(C3): a feature pyramid's third level, not P3
    if kinds.program_folder(line):
        return False  # python $VOC_DIR/train.py: a folder of code (a vocoder's, here)
    return kinds.kind_of(line, lang, role) in {Kind.LOAD, Kind.PATH, Kind.CONFIG}


# A letter and one digit (P3, C4, M4): in code beside the same letter with other digits
# (c3, p4, p5 = self.p3(p4, c3)) it is one of a numbered series (a feature pyramid's levels,
# a backbone's stages, a model's branches), not the dataset such a short name also spells.
LETTER_DIGIT = lazy(r"[A-Za-z]\d")
SERIES_LINES = 3  # lines on either side where the rest of a series stands


def _in_series(index: LineIndex, line_no: int, hit: Hit) -> bool:
    if LETTER_DIGIT.fullmatch(hit.surface) is None:
        return False
    letter, digit = hit.surface[0], hit.surface[1]
    sibling = re.compile(rf"(?<![A-Za-z0-9]){letter}(?!{digit})\d(?!\d)", re.IGNORECASE)
    last = len(index.starts)  # the number of lines
    lines = range(max(1, line_no - SERIES_LINES), min(last, line_no + SERIES_LINES) + 1)
    return any(sibling.search(index.line(number)) for number in lines)


@dataclass(frozen=True, slots=True)
class Judged:
    """The hits that count, as (dataset, line, column, kind, surface), and how many hits were
    left unjudged by the limits above (0 for every ordinary file). ``settled``: hits that count
    only where the repository's code has settled what their short name means (``settle``)."""

    found: list[tuple[str, int, int, Kind, str]]
    unjudged: int
    settled: list[tuple[str, int, int, Kind, str]] = field(default_factory=list)


def references(
    hits: Iterable[Hit],
    segment: Segment,
    loader_spans: set[tuple[int, int]],
    identifier_hits: Iterable[Hit] = (),
) -> Judged:
    """Each hit that counts in the segment, judging at most a bounded number of hits.

    ``identifier_hits`` were found only by splitting camelCase identifiers: they count in
    code, never in strings or prose (where ``CelebA`` is a word, not two)."""
    index = LineIndex(segment.text)
    regions = python_strings.regions(segment.text) if segment.lang == "python" else None
    found = []
    per_line: dict[tuple[int, str], int] = {}
    late: dict[str, int] = {}
    named: set[str] = set()  # datasets already found in this segment
    pending: list[tuple[str, int, int, Kind, str]] = []  # weights named by an ambiguous name
    unconfirmed: list[Hit] = []  # names that only near tokens confirm, found without them
    plain: set[str] = set()  # datasets found by a name that is not ambiguous
    judged = unjudged = 0
    tagged = itertools.chain(
        ((hit, False) for hit in hits), ((hit, True) for hit in identifier_hits)
    )
    for hit, code_only in tagged:
        dataset = hit.alias.dataset or ""
        key = (bisect.bisect_right(index.starts, hit.start), dataset)
        tries = per_line.get(key, 0)
        if judged >= PER_SEGMENT and (dataset in named or late.get(dataset, 0) >= LATE_TRIES):
            tries = SAME_LINE
        if tries >= SAME_LINE:
            unjudged += 1
            continue
        per_line[key] = tries + 1
        if judged >= PER_SEGMENT:
            late[dataset] = late.get(dataset, 0) + 1
        judged += 1
        # A name at a loader call's position counts as that call (and is never ambiguous).
        located = _hit_reference(
            hit, index, segment.lang, loader_spans, regions, code_only, pending, unconfirmed
        )
        if located is not None:
            found.append(located)
            named.add(located[0])
            if not hit.alias.ambiguous:
                plain.add(located[0])
    found.extend(model for model in pending if model[0] in named)
    # A name that only its near tokens confirm, spelled as a key or a folder is (lower case),
    # in a file that names its dataset plainly elsewhere ('../logs/duke_vit/model_120.pth' in
    # a config whose NAMES is 'dukemtmc'): the file has said which Duke it means, so the name
    # is judged again as a plain one. Elsewhere the repository may settle it (``settle``).
    settled: list[tuple[str, int, int, Kind, str]] = []
    for hit in unconfirmed:
        if hit.surface.islower():
            alias = hit.alias._replace(ambiguous=False, needs_near=False)
            located = _hit_reference(hit._replace(alias=alias), index, segment.lang, set(), regions)
            if located is None:
                continue
            if hit.alias.dataset in plain:
                found.append(located)
            elif segment.lang != "prose" and located[3] is not Kind.MENTION:
                settled.append(located)  # a use in code, not a word in a README or comment
        elif (
            segment.lang == "prose"
            and _proper_name(index, hit)
            and context.distinctive_near_in(index.text, hit.alias)
        ):
            # The same short name written as a name is in a README or a text file (# For
            # Duke, Market→Duke, <td>Duke</td>, "Duke:") that names the dataset's siblings by
            # their distinctive names (market1501, bounding_box_train): the document speaks
            # of the dataset family, so 'Duke' is Duke MTMC there. It counts only where the
            # repository settles it (a retracted dataset its code uses). In code a capitalised
            # string is a value like any other ({"name": "Duke"}: a person), and stays one.
            alias = hit.alias._replace(ambiguous=False, needs_near=False)
            located = _hit_reference(hit._replace(alias=alias), index, segment.lang, set(), regions)
            if located is not None:
                settled.append(located)
    return Judged(found, unjudged, settled)


# A capitalised word after the name makes it part of a longer proper name (Duke University,
# Duke Energy); a capital or a digit joined to it by '-' or '_' makes it part of another
# dataset's or split's name (Asian-Celeb, Celeb-500K, OCC_Duke).
NAME_GOES_ON = lazy(r"[ \t]+[A-Z]|[-_][A-Z0-9]")
NAME_GOES_BACK = lazy(r"[A-Z0-9]\w*[-_]$")
# The short names that, capitalised in prose, name the dataset: 'Duke' in a re-ID README is
# the dataset (every such line of the development half is labelled so). Not 'MSRA' (Microsoft
# Research Asia, or MSRA initialisation) nor 'Celeb', which prose uses for other things.
PROPER_NAMES = frozenset({"duke"})


def _proper_name(index: LineIndex, hit: Hit) -> bool:
    """One of ``PROPER_NAMES`` (duke) written alone as a name is, capitalised (Duke, DUKE),
    and not as part of a longer name."""
    if hit.alias.value not in PROPER_NAMES or not hit.surface[:1].isupper():
        return False
    line_no, column = index.position(hit.start)
    text = index.line(line_no)
    start = column - 1
    end = start + len(hit.surface)
    if NAME_GOES_ON.match(text, end) is not None:
        return False
    return NAME_GOES_BACK.search(text[max(0, start - 40) : start]) is None


# Where a repository's use of a dataset settles what its short name means: code and the
# configs and scripts it runs, never prose (a README that says "Duke" can mean anything).
CODE_FILES = frozenset({"python", "notebook", "script", "config"})
USES = frozenset({Kind.LOAD, Kind.PATH, Kind.CONFIG, Kind.URL})


def settle(
    references: Iterable[Reference],
    candidates: Iterable[Reference],
    family: Callable[[str], str],
    file_kind: Callable[[str], str],
    blocked: Callable[[str], bool],
) -> list[Reference]:
    """The ``candidates`` (a short name's lower-case folder, key or value that nothing in its
    own file confirmed: ``--dataroot ./datasets/duke`` in a script of its own) whose dataset
    the repository's code uses: a loader, data path, config value or download of it, or of a
    derivative of it, in a code, script or config file. A re-ID repository whose
    ``test_duke.sh`` reads ``./datasets/duke/bounding_box_train`` means Duke MTMC by
    ``./datasets/duke`` in its ``train_duke.sh`` too; a repository that uses no Duke data
    anywhere in its code means nothing by it that the linter can name.

    Only a ``blocked`` (retracted) dataset's short name is settled so: a flag on every use of
    withdrawn data is the promise, while an ordinary dataset's folder in a script that
    downloads nothing (``cd ../images/val2014``) stays unnamed, as its own file leaves it."""
    pending = [ref for ref in candidates if blocked(ref.dataset)]
    if not pending:
        return []
    used: set[str] = set()
    taken: set[tuple[str, int, str]] = set()
    for ref in references:
        taken.add((ref.location.path, ref.location.line, ref.dataset))
        if ref.kind in USES and file_kind(ref.location.path) in CODE_FILES:
            used.update((ref.dataset, family(ref.dataset)))
    found = []
    for ref in pending:
        key = (ref.location.path, ref.location.line, ref.dataset)
        if ref.dataset in used and key not in taken:
            taken.add(key)
            found.append(ref)
    return found
