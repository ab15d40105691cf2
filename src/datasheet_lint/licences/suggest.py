"""What a licence written in free text most likely means, as an SPDX id, or why it cannot say.

``CC BY-NC 4.0``, ``Creative Commons Attribution-NonCommercial 4.0 International`` and
``cc-by-nc-4.0`` all mean ``CC-BY-NC-4.0``. A name without a version (``CC-BY-NC``, Hugging
Face's ``cc``, ``bsd``, ``gpl``) is never guessed: what NC or ND allows differs between versions
and ports, so the suggestion asks for the version instead.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from datasheet_lint.licences.table import Table

_CC_WORDS = {
    "attribution": "BY",
    "noncommercial": "NC",
    "non-commercial": "NC",
    "sharealike": "SA",
    "share-alike": "SA",
    "noderivatives": "ND",
    "noderivs": "ND",
    "no-derivatives": "ND",
    "no-derivs": "ND",
}
_CC_ORDER = ("BY", "NC", "ND", "SA")
_PORTS = {
    "international": "",
    "unported": "",
    "generic": "",
    "igo": "-IGO",
    "united states": "-US",
    "us": "-US",
    "austria": "-AT",
    "at": "-AT",
    "germany": "-DE",
    "de": "-DE",
    "netherlands": "-NL",
    "nl": "-NL",
    "australia": "-AU",
    "au": "-AU",
    "france": "-FR",
    "fr": "-FR",
    "england and wales": "-UK",
    "uk": "-UK",
    "japan": "-JP",
    "jp": "-JP",
}
# Spellings seen in dataset cards and READMEs (Hugging Face's licence slugs among them:
# https://huggingface.co/docs/hub/repositories-licenses), keyed by _key().
_SPELLINGS = {
    "apache2": "Apache-2.0",
    "apache20": "Apache-2.0",
    "apachelicense20": "Apache-2.0",
    "apachelicenseversion20": "Apache-2.0",
    "asl20": "Apache-2.0",
    "mitlicense": "MIT",
    "expat": "MIT",
    "bsd2clause": "BSD-2-Clause",
    "bsd3clause": "BSD-3-Clause",
    "newbsd": "BSD-3-Clause",
    "simplifiedbsd": "BSD-2-Clause",
    "gplv2": "GPL-2.0-only",
    "gplv3": "GPL-3.0-only",
    "gnugplv3": "GPL-3.0-only",
    "lgplv3": "LGPL-3.0-only",
    "odcby": "ODC-By-1.0",
    "odcattribution": "ODC-By-1.0",
    "odbl": "ODbL-1.0",
    "opendatabaselicense": "ODbL-1.0",
    "pddl": "PDDL-1.0",
    "cuda": "C-UDA-1.0",
    "ouda": "O-UDA-1.0",
    "cdlapermissive": "CDLA-Permissive-2.0",
    "cdlasharing": "CDLA-Sharing-1.0",
    "publicdomain": "CC-PDDC",
    "bigscienceopenrailm": "LicenseRef-scancode-bigscience-open-rail-m",
    "bigsciencebloomrail10": "LicenseRef-scancode-bigscience-rail-1.0",
    "bigcodeopenrailm": "LicenseRef-scancode-bigcode-open-rail-m-v1",
}
# Names of a family without a version: ask for the version, do not guess it.
_FAMILIES = {
    "cc": "a Creative Commons licence (CC-BY-4.0, CC-BY-SA-4.0, CC-BY-NC-4.0, ...)",
    "creativecommons": "a Creative Commons licence (CC-BY-4.0, CC-BY-SA-4.0, CC-BY-NC-4.0, ...)",
    "bsd": "a BSD licence (BSD-2-Clause or BSD-3-Clause)",
    "gpl": "a GPL version (GPL-2.0-only, GPL-3.0-only, GPL-3.0-or-later, ...)",
    "lgpl": "an LGPL version (LGPL-2.1-only, LGPL-3.0-only, ...)",
    "gfdl": "a GFDL version (GFDL-1.3-only, GFDL-1.3-or-later, ...)",
    "apache": "an Apache licence version (Apache-2.0)",
    "openrail": "the OpenRAIL licence's exact variant, or LicenseRef-<name> with declared terms",
    "openrail++": "the OpenRAIL licence's exact variant, or LicenseRef-<name> with declared terms",
    "creativemlopenrailm": "LicenseRef-creativeml-openrail-m with declared terms",
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An SPDX id to write instead (``id``), or, when none is certain, what to write (``note``)."""

    id: str = ""
    note: str = ""

    def __str__(self) -> str:
        return f"did you mean {self.id}?" if self.id else self.note


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9+]", "", text.casefold())


def creative_commons(text: str, table: Table) -> str | None:
    """A single Creative Commons licence written in words, in SPDX's form of id.

    The id is SPDX's own if the terms table lists it, else built the same way (``CC-BY-2.0-UK``,
    a port SPDX does not list): the caller tells the two apart.
    """
    t = text.strip().casefold().replace("_", "-")
    if "creative commons" in t:
        t = re.sub(r"\(.*?\)", " ", t)
    if re.fullmatch(r"(cc[\s-]?zero|cc0)([\s-]*(1\.0|v1(\.0)?|universal))*", t):
        return "CC0-1.0"
    if "public domain mark" in t or re.fullmatch(r"(cc[\s-]?)?pdm([\s-]*1\.0)?", t):
        return "CC-PDM-1.0"
    version = re.search(r"(\d\.\d)", t)
    if not version or not re.match(r"(cc\b|cc-|creative commons)", t):
        return None
    port = ""
    rest = t[version.end() :]
    for name, suffix in sorted(_PORTS.items(), key=lambda kv: -len(kv[0])):
        if re.search(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", rest):
            port = suffix
            break
    if "creative commons" in t:
        squeezed = t.replace(" ", "")
        elements = {e for word, e in _CC_WORDS.items() if word in squeezed}
    else:
        body = re.sub(r"^cc[\s-]*", "", t[: version.start()])
        elements = {tok.upper() for tok in re.split(r"[\s-]+", body) if tok.upper() in _CC_ORDER}
    if "BY" not in elements:
        return "CC-SA-1.0" if elements == {"SA"} and version.group(1) == "1.0" else None
    candidate = "CC-" + "-".join(e for e in _CC_ORDER if e in elements)
    candidate += f"-{version.group(1)}{port}"
    listed = table.get(candidate)
    return listed.id if listed is not None else candidate


def _unversioned_cc(text: str) -> str | None:
    """'CC-BY-NC' or 'CC BY SA' without a version: the family, to ask for its version."""
    t = text.strip().upper().replace("_", "-")
    match = re.fullmatch(r"CC[\s-]*((?:BY|NC|ND|SA)(?:[\s-]+(?:BY|NC|ND|SA))*)", t)
    if match is None:
        return None
    elements = set(re.split(r"[\s-]+", match.group(1)))
    return "CC-" + "-".join(e for e in _CC_ORDER if e in elements)


def suggest(text: str, table: Table, known_ids: frozenset[str] = frozenset()) -> Suggestion:
    """What to write instead of ``text``, an id that is not an SPDX id or a LicenseRef."""
    cc = creative_commons(text, table)
    if cc is not None and table.get(cc) is not None:
        return Suggestion(cc)
    if cc is not None:
        return Suggestion(
            note=f"{cc} is not in the SPDX licence list: write LicenseRef-{cc} and declare its "
            "terms in distribution.terms"
        )
    key = _key(text)
    if key in _SPELLINGS:
        return Suggestion(_SPELLINGS[key])
    if key in _FAMILIES:
        return Suggestion(note=f"it names no exact licence: write {_FAMILIES[key]}")
    family = _unversioned_cc(text)
    if family is not None:
        return Suggestion(
            note=f"{family} has no version, and versions differ in what they allow: write the "
            f"one the dataset states, e.g. {family}-4.0"
        )
    if text.strip().casefold().startswith("licenseref"):
        return Suggestion(
            note="a LicenseRef id is LicenseRef- followed by letters, digits, . and -"
        )
    ids = known_ids or frozenset(table.licences)
    lowered = {i.casefold(): i for i in ids}
    close = difflib.get_close_matches(text.strip().casefold(), list(lowered), n=1, cutoff=0.85)
    if close:
        return Suggestion(lowered[close[0]])
    return Suggestion(
        note="write an SPDX id (https://spdx.org/licenses/), or LicenseRef-<name> with "
        "distribution.terms for the dataset's own terms"
    )
