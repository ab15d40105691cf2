"""What the linter knows, shipped inside the package: the blocklist and the catalogue."""
