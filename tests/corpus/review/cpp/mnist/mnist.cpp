#include <torch/torch.h>

#include <cstddef>
#include <iostream>

// Where to find the MNIST dataset.
const char* kDataRoot = "./data";

// The batch size for training.
const int64_t kTrainBatchSize = 64;

struct Net : torch::nn::Module {
  Net() : fc1(320, 50), fc2(50, 10) {
    register_module("fc1", fc1);
    register_module("fc2", fc2);
  }
  torch::nn::Linear fc1, fc2;
};

void train_mnist_epoch(Net& model, size_t epoch) {
  std::cout << "epoch " << epoch << std::endl;
}
