"""Licence versus use: (expression, declared terms, stated use, activities) -> verdicts.

``OR`` lets the user choose: the option with the fewest and mildest verdicts is the one
reported. ``AND`` means every licence of the option applies, so their verdicts add up. A licence
whose terms are not known (a ``LicenseRef-`` without declared terms, an SPDX id the terms table
lacks) is reported as unknown rather than guessed.

Model training is legally unsettled: Creative Commons says its licences' conditions bind only
where an act needs permission under copyright, and that this depends on the use and the place.
Training on ND data is therefore a warning; only acts that clearly need permission (sharing
adapted data or a model, commercial use under NC) are errors.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from datasheet_lint.licences.spdx import Expression, Leaf, Option
from datasheet_lint.licences.table import Table, Terms
from datasheet_lint.models import Severity

CC_AI_GUIDANCE = "https://creativecommons.org/using-cc-licensed-works-for-ai-training/"
SHARING = ("redistribute-data", "publish-model")  # activities that pass material on


@dataclass(frozen=True, slots=True)
class Verdict:
    """One way a licence of the chosen option conflicts with the stated use or an activity."""

    code: str  # DSL302, DSL310, DSL311 or DSL312
    severity: Severity
    licence: str  # the licence it is about, as in the expression
    term: str  # the licence's term, in words: "non-commercial (NC)"
    activity: str  # the activity it is about; "" for the use as a whole
    source: str  # where the term is stated


@dataclass(frozen=True, slots=True)
class Evaluation:
    option: Option  # the option the verdicts are for (the user's best choice under OR)
    verdicts: tuple[Verdict, ...]
    attribution: tuple[str, ...]  # licences of the option that require attribution
    share_under: Mapping[str, str]  # licence -> what shared adaptations must carry
    alternatives: int  # how many options the expression offered


@dataclass(frozen=True, slots=True)
class LeafTerms:
    terms: Terms | None  # None: nothing is known
    source: str


def declared_terms(raw: Any) -> Terms | None:
    """The terms a datasheet declares in ``distribution.terms`` for a non-SPDX licence."""
    if not isinstance(raw, Mapping) or not raw:
        return None
    commercial = raw.get("commercial_use")
    derivatives = raw.get("derivatives")
    attribution = raw.get("attribution")
    research_only = raw.get("research_only")
    return Terms(
        attribution={"required": True, "not-required": False}.get(str(attribution)),
        share_alike={"share-alike": True, "allowed": False, "forbidden": False}.get(
            str(derivatives)
        ),
        non_commercial={"forbidden": True, "allowed": False}.get(str(commercial)),
        adaptations={"allowed": "allowed", "share-alike": "allowed", "forbidden": "forbidden"}.get(
            str(derivatives)
        ),
        research_only=research_only if isinstance(research_only, bool) else False,
        use_restrictions=False,
    )


def terms_of(leaf: Leaf, table: Table, declared: Terms | None, declared_source: str) -> LeafTerms:
    listed = table.get(leaf.id)
    if listed is not None:
        return LeafTerms(listed.terms, listed.source)
    if leaf.kind in {"ref", "listed"} and declared is not None:
        return LeafTerms(declared, declared_source)
    return LeafTerms(None, declared_source)


def leaf_verdicts(
    licence: str, known: LeafTerms, use: str | None, activities: Sequence[str]
) -> list[Verdict]:
    terms, source = known.terms, known.source
    if terms is None:
        severity = Severity.ERROR if use == "commercial" else Severity.WARNING
        return [Verdict("DSL302", severity, licence, "terms not known", "", source)]
    found: list[Verdict] = []
    if use == "commercial":
        if terms.non_commercial or terms.research_only:
            term = "non-commercial (NC)" if terms.non_commercial else "research use only"
            found.append(Verdict("DSL310", Severity.ERROR, licence, term, "", source))
        elif terms.non_commercial is None:
            term = "commercial use not stated"
            found.append(Verdict("DSL302", Severity.ERROR, licence, term, "", source))
    if terms.adaptations in {"private-only", "forbidden"}:
        forbidden = terms.adaptations == "forbidden"
        term = "no derivatives (ND)" + ("" if forbidden else ": adapted material may not be shared")
        for activity in activities:
            if activity in SHARING or (activity == "fine-tune" and forbidden):
                found.append(Verdict("DSL311", Severity.ERROR, licence, term, activity, source))
            elif activity in {"train", "fine-tune"}:
                found.append(Verdict("DSL311", Severity.WARNING, licence, term, activity, source))
    if terms.share_alike or terms.use_restrictions:
        term = "share-alike (SA)" if terms.share_alike else "use restrictions passed on"
        for activity in activities:
            if activity in SHARING:
                found.append(Verdict("DSL312", Severity.WARNING, licence, term, activity, source))
    return found


def _score(verdicts: Iterable[Verdict], attribution: int) -> tuple[int, int, int, int]:
    severities = [v.severity for v in verdicts]
    worst = max(severities, default=0)
    errors = severities.count(Severity.ERROR)
    return (worst, errors, len(severities), attribution)


def evaluate(
    expression: Expression,
    table: Table,
    *,
    use: str | None,
    activities: Sequence[str],
    declared: Terms | None = None,
    declared_source: str = "the datasheet's distribution.terms",
) -> Evaluation:
    """The verdicts of the option that suits the use best."""
    best: Evaluation | None = None
    best_score: tuple[int, int, int, int] | None = None
    for option in expression.options:
        verdicts: list[Verdict] = []
        attribution: list[str] = []
        share_under: dict[str, str] = {}
        for leaf in option:
            known = terms_of(leaf, table, declared, declared_source)
            verdicts.extend(leaf_verdicts(str(leaf), known, use, activities))
            if known.terms is not None and known.terms.attribution:
                attribution.append(str(leaf))
            listed = table.get(leaf.id)
            if listed is not None and listed.share_under:
                share_under[str(leaf)] = listed.share_under
        score = _score(verdicts, len(attribution))
        if best_score is None or score < best_score:
            best_score = score
            best = Evaluation(
                option,
                tuple(verdicts),
                tuple(attribution),
                share_under,
                len(expression.options),
            )
    assert best is not None  # an Expression has at least one option
    return best
