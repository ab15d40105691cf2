"""Datasheets: finding, loading, validating and matching them to referenced datasets."""
