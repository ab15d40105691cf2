import onnxruntime

session = onnxruntime.InferenceSession("pretrained/ms1mv2_arcface_r100.onnx")  # expect: DSL104
