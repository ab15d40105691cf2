from datasets import load_dataset

faces = load_dataset("ms_celeb_1m")  # datasheet-lint: ignore[DSL999] no such rule  # expect: DSL903
