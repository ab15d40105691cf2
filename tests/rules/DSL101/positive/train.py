from datasets import load_dataset

faces = load_dataset("ms_celeb_1m")  # expect: DSL101
crowd = "data/brainwash/train"  # expect: DSL101
