"""Recognise datasheet-lint's own reports, so a scan never reads them.

A CI job writes a SARIF, JSON or GitLab report and then runs the gate in the same work tree.
The reports quote every surface they found and every rule's help, so scanning them turned a
clean repository red and made each rerun find more (issue 18). A report is recognised by
its whole shape, not by its name or a marker string: the file must parse as JSON and be
exactly what one of the reporters writes, so an ordinary data or config file that merely
mentions datasheet-lint is still scanned.
"""

from __future__ import annotations

from typing import Any

TOOL = "datasheet-lint"
SUFFIXES = (".json", ".sarif", ".jsonld")
# The top-level keys of the JSON report and of a SARIF log, as report/ writes them: a file
# with any other key is someone else's, and is scanned.
JSON_KEYS = frozenset({"schema_version", "tool", "references", "findings", "skipped", "summary"})
SARIF_KEYS = frozenset({"$schema", "version", "runs"})
# The keys of one GitLab Code Quality issue, as report/gitlab.py writes it.
GITLAB_KEYS = frozenset({"description", "check_name", "fingerprint", "severity", "location"})


# An unfinished draft of ``bom --format training-data-summary`` (bom/training_summary.py
# writes these lines): its title, the note that datasheet-lint drafted it, and the drafting
# notes it asks to remove before publishing.
SUMMARY_TITLE = "# Public Summary of Training Content for "
SUMMARY_DRAFT = "> Draft written by datasheet-lint "
SUMMARY_NOTES = "## Drafting notes (not part of the template: remove before publishing)"


def is_own_report(path: str, text: str) -> bool:
    """True if ``text`` is a report this tool wrote: JSON, SARIF, GitLab Code Quality, a
    bill of materials (CycloneDX or SPDX 3) that ``bom`` wrote, or its unfinished draft of a
    training data summary."""
    if path.lower().endswith(".md"):
        return _is_training_summary(text)
    if not path.lower().endswith(SUFFIXES):
        return False
    head = text.lstrip()[:1]
    # Cheap tests first: most JSON files in a repository are not reports.
    if head == "{" and f'"{TOOL}"' not in text:
        return False
    if head == "[" and '"check_name"' not in text:
        return False
    if head not in ("{", "["):
        return False
    import json  # only a file that passed the tests above is parsed

    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return False
    if isinstance(document, list):
        return _is_gitlab(document)
    if isinstance(document, dict):
        return (
            _is_json_report(document)
            or _is_sarif(document)
            or _is_cyclonedx(document)
            or _is_spdx(document)
        )
    return False


def _is_json_report(document: dict[str, Any]) -> bool:
    tool = document.get("tool")
    return (
        isinstance(tool, dict)
        and tool.get("name") == TOOL
        and set(document) <= JSON_KEYS
        and "schema_version" in document
        and isinstance(document.get("findings"), list)
    )


def _is_sarif(document: dict[str, Any]) -> bool:
    runs = document.get("runs")
    if not set(document) <= SARIF_KEYS or document.get("version") != "2.1.0":
        return False
    if not isinstance(runs, list) or not runs:
        return False
    for run in runs:
        tool = run.get("tool") if isinstance(run, dict) else None
        driver = tool.get("driver") if isinstance(tool, dict) else None
        if not isinstance(driver, dict) or driver.get("name") != TOOL:
            return False
    return True


def _is_gitlab(document: list[Any]) -> bool:
    return bool(document) and all(
        isinstance(issue, dict)
        and set(issue) == GITLAB_KEYS
        and isinstance(issue["check_name"], str)
        and issue["check_name"].startswith(("DSL", f"{TOOL}/"))
        for issue in document
    )


def _is_cyclonedx(document: dict[str, Any]) -> bool:
    """A CycloneDX BOM whose tools are exactly this one (``bom --format cyclonedx-json``)."""
    metadata = document.get("metadata")
    tools = metadata.get("tools") if isinstance(metadata, dict) else None
    components = tools.get("components") if isinstance(tools, dict) else None
    return (
        document.get("bomFormat") == "CycloneDX"
        and isinstance(components, list)
        and bool(components)
        and all(isinstance(c, dict) and c.get("name") == TOOL for c in components)
    )


def _is_spdx(document: dict[str, Any]) -> bool:
    """An SPDX 3 JSON-LD document created by this tool (``bom --format spdx3-jsonld``): its
    creation information names, as its only creator, a software agent called datasheet-lint."""
    graph = document.get("@graph")
    if not isinstance(graph, list) or "@context" not in document:
        return False
    elements = [e for e in graph if isinstance(e, dict)]
    agents = {
        e.get("spdxId")
        for e in elements
        if e.get("type") == "SoftwareAgent" and e.get("name") == TOOL
    }
    creations = [e for e in elements if e.get("type") == "CreationInfo"]
    return (
        bool(agents)
        and bool(creations)
        and all(
            isinstance(c.get("createdBy"), list) and set(c["createdBy"]) <= agents
            for c in creations
        )
    )


def _is_training_summary(text: str) -> bool:
    """The draft as written, with its drafting notes: once they are removed for publication,
    the summary is the project's own text, and scanned like any other."""
    lines = text.split("\n", 3)
    return (
        len(lines) == 4
        and lines[0].startswith(SUMMARY_TITLE)
        and lines[2].startswith(SUMMARY_DRAFT)
        and f"\n{SUMMARY_NOTES}\n" in lines[3]
    )
