from datasets import load_dataset

# A look-alike of a retracted name, and an English word that contains one: both stay silent.
celeba = load_dataset("celeba")
note = "a brainwashing campaign"
