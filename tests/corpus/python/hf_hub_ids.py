from datasets import load_dataset

notes = load_dataset("acme-health/clinical-notes-deid", split="train")
chat = load_dataset("someone/my-corpus")
amazon = load_dataset("amazon_us_reviews", "Camera_v1_00", split="train")
books = load_dataset("bookcorpus", split="train")
