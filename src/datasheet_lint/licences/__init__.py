"""Licences: the terms table, SPDX expressions, free-text suggestions and licence-versus-use.

Pure functions over shipped data; nothing here reads files of the repository or prints. The
modules are imported by the DSL3xx rules, and license-expression only when a licence is read.
"""

from __future__ import annotations
