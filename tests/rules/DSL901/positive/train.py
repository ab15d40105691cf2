from datasets import load_dataset

squad = load_dataset("rajpurkar/squad")  # datasheet-lint: ignore[DSL101] kept for the paper  # expect: DSL901
