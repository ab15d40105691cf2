from datasets import load_dataset

pairs = load_dataset("laion/laion2B-en")  # expect: DSL103
