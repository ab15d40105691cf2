_base_ = [
    "../_base_/models/faster_rcnn_r50_fpn.py",
    "../_base_/default_runtime.py",
]
dataset_type = "CocoDataset"
data_root = "data/coco/"
backend_args = None

train_dataloader = dict(
    batch_size=2,
    num_workers=2,
    dataset=dict(
        type=dataset_type,
        data_root=data_root,
        ann_file="annotations/instances_train2017.json",
        data_prefix=dict(img="train2017/"),
        backend_args=backend_args,
    ),
)
