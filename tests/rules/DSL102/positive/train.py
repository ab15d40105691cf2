from datasets import load_dataset

emore = load_dataset("ms1mv2")  # expect: DSL102
