"""Datasheets: finding, loading, validating and matching them to referenced datasets."""

from __future__ import annotations
