from datasets import load_dataset

# The retracted parent itself is not a derivative, and an unrelated face dataset is silent.
faces = load_dataset("ms_celeb_1m")
webface = load_dataset("webface42m")
