from datasets import load_dataset

squad = load_dataset("rajpurkar/squad")
