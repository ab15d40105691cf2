import insightface
import torchreid
from facenet_pytorch import InceptionResnetV1

# Names that carry no training set, and weights trained on other data.
app = insightface.app.FaceAnalysis(name="buffalo_l")
backbone = "r100"
loss = "arcface"
reid = torchreid.models.build_model(name="osnet_x1_0", num_classes=751, pretrained=True)
embedder = InceptionResnetV1(pretrained="casia-webface")
FACENET_DIR = "models/20180408-102900"
glint = "glint360k_r100"
market = "osnet_x1_0_market1501.pt"
no_duke = "osnet_ain_ms_m_c.pth.tar"
cfg.output = "ms1mv3_arcface_r50"
