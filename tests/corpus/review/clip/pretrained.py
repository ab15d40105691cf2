# Pretrained tags name the training data: laion2b_s34b_b79k was trained on LAION-2B.
_VITB32 = dict(
    openai=dict(hf_hub="timm/vit_base_patch32_clip_224.openai/"),
)
