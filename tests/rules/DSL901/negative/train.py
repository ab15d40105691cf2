from datasets import load_dataset

faces = load_dataset("ms_celeb_1m")  # datasheet-lint: ignore[DSL101] reproducing a 2018 result
