"""What the linter knows, shipped inside the package: the blocklist of retracted datasets."""
