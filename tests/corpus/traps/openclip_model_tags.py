import open_clip

# Pretrained tags and hub ids name models, not the data the models were trained on.
model, _, preprocess = open_clip.create_model_and_transforms(
    "ViT-B-32", pretrained="laion2b_s34b_b79k"
)
big = open_clip.create_model("hf-hub:laion/CLIP-ViT-H-14-laion2B-s32B-b79K")
older = open_clip.create_model("ViT-B-32", pretrained="laion400m_e32")
