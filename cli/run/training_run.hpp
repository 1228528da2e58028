// One training run of a constrained network, as `gatelab train` and a lesson's training block
// both run it: the data file read and split, the network built, its initial parameters
// (PyTorch's, uniform, or given), full-batch Adam with early stopping, and the accuracies and
// losses of the restored best weights on each part of the split.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gatelab/learning/dataset.hpp"
#include "gatelab/learning/network.hpp"
#include "gatelab/learning/training.hpp"

namespace gatelab::cli {

// The breast-cancer data file, read and split; an error in it is placed in the file.
DataSplit read_data_split(const std::string& path);

struct TrainingSpec {
  Init init = Init::Torch;
  unsigned seed = 0;
  std::optional<std::vector<double>> initial_params;  // instead of init and seed
  TrainOptions options;
};

struct TrainedNetwork {
  std::vector<double> initial_params, final_params, final_weights;
  TrainResult result;
  Evaluation train, valid, test;  // with the restored best weights
  int moved = 0;                  // parameters that ever received a non-zero gradient
  double seconds = 0;             // wall time of the training loop alone
};

// Called after every epoch with the trainer, whose parameters are those after the epoch's step.
using EpochWatch = std::function<void(const EpochLog&, const Trainer&)>;

// Trains net on split; the trainer is left holding the best weights (for tracing a row).
TrainedNetwork train_network(Network& net, const DataSplit& split, const TrainingSpec& spec,
                             const EpochWatch& watch = {});

}  // namespace gatelab::cli
