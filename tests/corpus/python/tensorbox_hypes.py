import json

hypes = {
    "train_idl": "./data/brainwash/brainwash_train.idl",
    "test_idl": "./data/brainwash/brainwash_val.idl",
    "image_width": 640,
    "image_height": 480,
}
with open("hypes/overfeat_rezoom.json", "w") as f:
    json.dump(hypes, f, indent=2)
