"""The licence package on its own: the terms table, the parser's pitfalls, suggestions, and
what OR / AND / WITH and declared terms mean for the verdicts."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datasheet_lint.licences import spdx
from datasheet_lint.licences.conflict import conflict
from datasheet_lint.licences.evaluate import declared_terms, evaluate
from datasheet_lint.licences.suggest import suggest
from datasheet_lint.licences.table import builtin

TABLE = builtin()


def parsed(text: str) -> spdx.Expression:
    result = spdx.parse(text, TABLE)
    assert isinstance(result, spdx.Expression), result
    return result


def codes(text: str, use: str | None, *activities: str, **kwargs: object) -> list[str]:
    result = evaluate(parsed(text), TABLE, use=use, activities=activities, **kwargs)  # type: ignore[arg-type]
    return sorted(f"{v.code} {v.severity.label}" for v in result.verdicts)


# ---- the terms table ----


def test_every_licence_has_a_source_url() -> None:
    for licence in TABLE.licences.values():
        assert re.match(r"^https?://\S+$", licence.source), licence.id
        assert re.match(r"^https?://\S+$", licence.family_source), licence.id


def test_every_listed_id_is_known_to_the_bundled_spdx_list_or_marked_pending() -> None:
    known = spdx.licensing().known_symbols
    for licence in TABLE.licences.values():
        assert (licence.id in known) != licence.spdx_pending, licence.id


def test_share_alike_licences_say_what_to_share_under() -> None:
    for licence in TABLE.licences.values():
        if licence.terms.share_alike or licence.terms.use_restrictions:
            assert licence.share_under, licence.id


def test_the_table_holds_the_data_licence_families() -> None:
    for licence_id in ("CC0-1.0", "PDDL-1.0", "ODC-By-1.0", "ODbL-1.0", "CDLA-Permissive-2.0"):
        assert TABLE.get(licence_id) is not None
    assert TABLE.get("CDLA-Sharing-1.0").terms.share_alike  # type: ignore[union-attr]
    assert TABLE.get("cc-by-nd-4.0").terms.adaptations == "private-only"  # type: ignore[union-attr]
    assert TABLE.get("CC-BY-ND-3.0").terms.adaptations == "forbidden"  # type: ignore[union-attr]


# ---- parsing: the pitfalls of the research notes ----


def test_wrong_case_is_normalised_silently() -> None:
    assert parsed("cc-by-nc-4.0").normalised == "CC-BY-NC-4.0"
    assert parsed("mit or apache-2.0").normalised == "MIT OR Apache-2.0"


def test_free_text_is_one_unknown_licence_not_a_syntax_error() -> None:
    result = parsed("CC BY-NC 4.0")
    assert [leaf.id for leaf in result.unknown] == ["CC BY-NC 4.0"]


def test_deprecated_ids_are_reported_with_their_replacement() -> None:
    result = parsed("GPL-3.0 OR GPL-2.0+")
    assert result.deprecated == (("GPL-3.0", "GPL-3.0-only"), ("GPL-2.0+", "GPL-2.0-or-later"))
    assert result.normalised == "GPL-3.0-only OR GPL-2.0-or-later"
    assert parsed("GPL-3.0-only").deprecated == ()


def test_a_deprecated_exception_id_is_malformed_and_names_the_replacement() -> None:
    result = spdx.parse("GPL-2.0-with-GCC-exception", TABLE)
    assert isinstance(result, spdx.Malformed)
    assert "GPL-2.0-or-later WITH GCC-exception-2.0" in result.reason


def test_a_licenseref_is_never_turned_into_a_listed_licence() -> None:
    # ScanCode lists LicenseRef-Apache as an alias of Apache-2.0.
    result = parsed("LicenseRef-Apache")
    assert result.leaves == (spdx.Leaf("LicenseRef-Apache", "ref"),)


def test_with_exceptions_are_kept_on_their_licence() -> None:
    result = parsed("MIT WITH Classpath-exception-2.0")
    assert result.normalised == "MIT WITH Classpath-exception-2.0"
    assert result.leaves[0].exception == "Classpath-exception-2.0"


def test_or_later_plus_is_valid_and_keeps_the_named_version() -> None:
    result = parsed("CC-BY-4.0+")
    assert result.leaves == (spdx.Leaf("CC-BY-4.0", "listed", or_later=True),)
    assert result.normalised == "CC-BY-4.0+"


def test_and_distributes_over_or() -> None:
    result = parsed("(CC-BY-NC-4.0 OR MIT) AND LicenseRef-Images")
    assert [[leaf.id for leaf in option] for option in result.options] == [
        ["CC-BY-NC-4.0", "LicenseRef-Images"],
        ["MIT", "LicenseRef-Images"],
    ]


def test_a_licence_spdx_accepted_after_the_bundled_list_is_accepted() -> None:
    assert parsed("cc-by-nc-3.0-igo").leaves == (spdx.Leaf("CC-BY-NC-3.0-IGO", "listed"),)


@pytest.mark.parametrize("text", ["other", "unknown", "NOASSERTION", "NONE", "", "  "])
def test_placeholders_state_no_licence(text: str) -> None:
    assert isinstance(spdx.parse(text, TABLE), spdx.Unstated)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("(MIT", "not a valid SPDX expression"),
        ("MIT AND", "without a licence on one side"),
        ("MIT OR OR CC0-1.0", "not a valid SPDX expression"),
        ("WITH MIT", "not a valid SPDX expression"),
        ("(" * 30 + "MIT" + ")" * 30, "nests parentheses"),
        (" OR ".join(["MIT"] * 400), "characters long"),
        (" AND ".join(["(MIT OR CC0-1.0)"] * 8), "more than 64 ways"),
        (" OR ".join(f"L{i}" for i in range(30)), "names 30 licences"),
        ("\x00\x07", "not a valid SPDX expression"),
    ],
)
def test_malformed_and_huge_expressions_give_a_reason(text: str, reason: str) -> None:
    result = spdx.parse(text, TABLE)
    assert isinstance(result, spdx.Malformed)
    assert reason in result.reason
    assert len(result.text) < 600


TOKENS = ["(", ")", "+", ":", "-", " ", "\t", "AND", "OR", "WITH", "MIT", "CC-BY-4.0", "x", "0"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join) | st.text(max_size=60))
def test_parse_never_raises(text: str) -> None:
    assert isinstance(spdx.parse(text, TABLE), (spdx.Expression, spdx.Malformed, spdx.Unstated))


def test_rules_load_no_licence_module_and_the_parser_loads_license_expression_lazily() -> None:
    code = (
        "import sys, datasheet_lint.rules;"
        "print('datasheet_lint.licences.spdx' in sys.modules, 'license_expression' in sys.modules);"
        "import datasheet_lint.licences.spdx;"
        "print('license_expression' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]


# ---- suggestions for free text ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CC BY-NC 4.0", "CC-BY-NC-4.0"),
        ("Creative Commons Attribution 4.0", "CC-BY-4.0"),
        (
            "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International",
            "CC-BY-NC-SA-4.0",
        ),
        (
            "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
            "CC-BY-SA-4.0",
        ),
        ("CC BY-SA 3.0 IGO", "CC-BY-SA-3.0-IGO"),
        ("cc by-nc-nd 3.0 de", "CC-BY-NC-ND-3.0-DE"),
        ("CC0", "CC0-1.0"),
        ("Public Domain Mark 1.0", "CC-PDM-1.0"),
        ("Apache 2.0", "Apache-2.0"),
        ("odc-by", "ODC-By-1.0"),
        ("bigscience-openrail-m", "LicenseRef-scancode-bigscience-open-rail-m"),
    ],
)
def test_free_text_gets_the_spdx_id(text: str, expected: str) -> None:
    assert suggest(text, TABLE).id == expected


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("cc-by-nc", "CC-BY-NC has no version"),
        ("CC BY SA", "CC-BY-SA has no version"),
        ("cc", "names no exact licence"),
        ("bsd", "BSD-2-Clause or BSD-3-Clause"),
        ("CC BY 2.0 UK", "CC-BY-2.0-UK is not in the SPDX licence list"),
        ("something else entirely", "write an SPDX id"),
    ],
)
def test_ambiguous_text_is_not_guessed(text: str, note: str) -> None:
    advice = suggest(text, TABLE)
    assert advice.id == ""
    assert note in advice.note


# ---- evaluation: OR, AND, declared terms ----


def test_or_lets_the_user_choose_the_permissive_option() -> None:
    assert codes("CC-BY-NC-4.0 OR MIT", "commercial", "train") == []
    assert codes("CC-BY-NC-SA-4.0 OR CC-BY-SA-4.0", "commercial", "publish-model") == [
        "DSL312 warning"
    ]


def test_and_applies_every_licence() -> None:
    assert codes("CC-BY-SA-4.0 AND CC-BY-NC-4.0", "commercial", "publish-model") == [
        "DSL310 error",
        "DSL312 warning",
    ]


def test_with_keeps_the_licence_terms() -> None:
    assert codes("GPL-3.0-only WITH Classpath-exception-2.0", "academic", "publish-model") == [
        "DSL312 warning"
    ]


def test_licenseref_without_terms_is_unknown_error_under_commercial_warning_under_academic() -> (
    None
):
    assert codes("LicenseRef-ImageNet-terms", "commercial", "train") == ["DSL302 error"]
    assert codes("LicenseRef-ImageNet-terms", "academic", "train") == ["DSL302 warning"]


def test_licenseref_with_declared_research_only_terms() -> None:
    terms = declared_terms({"commercial_use": "forbidden", "research_only": True})
    assert codes("LicenseRef-ImageNet-terms", "commercial", "train", declared=terms) == [
        "DSL310 error"
    ]
    assert codes("LicenseRef-ImageNet-terms", "academic", "train", declared=terms) == []


def test_declared_terms_that_leave_commercial_use_open_are_unknown_under_commercial() -> None:
    terms = declared_terms({"attribution": "required", "summary": "ask us"})
    assert codes("LicenseRef-x", "commercial", "train", declared=terms) == ["DSL302 error"]
    assert codes("LicenseRef-x", "academic", "train", declared=terms) == []


def test_declared_terms_do_not_override_a_listed_licence() -> None:
    terms = declared_terms({"commercial_use": "allowed"})
    assert codes("CC-BY-NC-4.0", "commercial", "train", declared=terms) == ["DSL310 error"]


def test_openrail_use_restrictions_flow_down_when_a_model_is_published() -> None:
    licence = "LicenseRef-scancode-bigscience-open-rail-m"
    assert codes(licence, "commercial", "train") == []
    assert codes(licence, "commercial", "publish-model") == ["DSL312 warning"]


def test_no_use_stated_still_reports_what_activities_share() -> None:
    assert codes("CC-BY-NC-ND-4.0", None, "publish-model") == ["DSL311 error"]


# ---- the catalogue's licence ----


@pytest.mark.parametrize(
    ("declared", "recorded", "commercial", "conflicts"),
    [
        ("CC-BY-4.0", "CC-BY-NC-4.0", False, True),
        ("CC-BY-NC-4.0", "CC-BY-NC-4.0", False, False),
        ("cc-by-nc-4.0", "CC-BY-NC-4.0", False, False),
        ("CC-BY-SA-3.0", "CC-BY-SA-3.0 OR GFDL-1.3-or-later", True, False),
        ("CC-BY-SA-3.0 OR MIT", "CC-BY-SA-3.0 OR GFDL-1.3-or-later", True, True),
        ("CC-BY-4.0 AND LicenseRef-Flickr", "CC-BY-4.0", True, False),
        ("CC-BY-4.0", "LicenseRef-ImageNet-terms", False, True),
        ("LicenseRef-ImageNet", "LicenseRef-ImageNet-terms", False, False),
        ("CC-BY-4.0", "LicenseRef-COCO-terms", None, False),
        ("CC-BY-4.0", "NOASSERTION", None, False),
    ],
)
def test_conflict_with_the_catalogue(
    declared: str, recorded: str, commercial: bool | None, conflicts: bool
) -> None:
    found = conflict(
        parsed(declared),
        recorded,
        TABLE,
        catalogue_commercial=commercial,
        declared_terms=None,
    )
    assert (found is not None) == conflicts
