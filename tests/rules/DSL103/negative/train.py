from datasets import load_dataset

# Re-LAION-5B is the replacement LAION published: a look-alike that must stay silent.
pairs = load_dataset("laion/relaion2B-en-research-safe")
