from facenet_pytorch import InceptionResnetV1
from tensorflow.keras.applications import ResNet50

# Weights chosen by the data they were trained on are models: a model reference.
encoder = InceptionResnetV1(pretrained="vggface2").eval()
backbone = ResNet50(weights="imagenet", include_top=False)

# Where the run writes its logs and checkpoints is not data it reads.
save_dir = "log/osnet_x1_0_market1501_softmax"
torch.save(model.state_dict(), "mnist_cnn.pt")
resume = "checkpoints/imagenet/model_best.pth.tar"
