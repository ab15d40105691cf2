import datasets

# The builder script reads the de-identified notes from the hospital share.
notes = datasets.load_dataset("loaders/radiology_reports.py", split="train", trust_remote_code=True)
print(notes.features)
