from datasets import load_dataset

lm_corpus = load_dataset("wikitext", name="wikitext-103-raw-v1", split="train")
pairs = load_dataset("glue", "mrpc")
stream = load_dataset("HuggingFaceFW/fineweb-edu", name="sample-10BT", split="train", streaming=True)

for example in stream.take(3):
    print(example["text"][:80])
