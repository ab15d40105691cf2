import onnxruntime

# Weights trained on ImageNet, and a face model whose name names no retracted dataset.
session = onnxruntime.InferenceSession("pretrained/resnet50_imagenet.onnx")
faces = onnxruntime.InferenceSession("pretrained/arcface_glint360k_r100.onnx")
