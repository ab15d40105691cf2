from datasets import load_dataset

faces = load_dataset("ms_celeb_1m")
