// Training a Network on a DataSplit: full-batch Adam with early stopping, on the batched
// evaluation of the network's own gate graph.
//
//   gatelab::Trainer trainer(net, split);
//   trainer.set_params(gatelab::torch_initial_params(net, 0));
//   auto result = trainer.train({}, [](const gatelab::EpochLog& e) { ... });
//
// Epochs are numbered from 0. Each epoch: the train loss (mean cross-entropy) and its
// gradient at the current weights, one Adam step, then the valid loss at the new weights.
// A strictly lower valid loss resets the patience counter and remembers the weights;
// when the counter exceeds `patience` training stops, and the remembered weights return.
#pragma once

#include <functional>
#include <vector>

#include "gatelab/learning/batch.hpp"
#include "gatelab/learning/dataset.hpp"
#include "gatelab/learning/network.hpp"

namespace gatelab {

struct TrainOptions {
  double lr = 0.5;
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  int patience = 5000;
  int max_epochs = 100000;
};

// Initial weights: PyTorch's (bit for bit, see torch_init.hpp), or every parameter from
// U(-1/sqrt(in + 1), 1/sqrt(in + 1)) with the same generator, centred on 0.
enum class Init { Torch, Uniform };
std::vector<double> initial_params(const Network& net, Init init, unsigned seed);

struct EpochLog {
  int epoch;
  double train_loss;  // before this epoch's step
  double valid_loss;  // after it
};

struct TrainResult {
  int epochs_run = 0;
  int best_epoch = 0;
  bool stopped_early = false;
  std::vector<double> train_loss, valid_loss;  // one per epoch
  std::vector<unsigned char> got_gradient;     // per parameter: was any epoch's gradient non-zero?
};

struct Evaluation {
  double loss = 0;
  double accuracy = 0;  // argmax of the outputs against the labels
};

class Trainer {
 public:
  Trainer(Network& net, const DataSplit& data);

  void set_params(const std::vector<double>& values);
  std::vector<double> params() const;
  std::vector<double> weights() const;  // W = g(W') as used, per layer (in+1) x out, concatenated

  // Calls on_epoch after every epoch (the caller decides what to log).
  TrainResult train(const TrainOptions& options, const std::function<void(const EpochLog&)>& on_epoch = {});

  Evaluation evaluate(const Samples& samples);
  // The mean train loss's gradient for every parameter at the current weights.
  std::vector<double> train_gradient();
  void train_gradient(std::vector<double>& into);

 private:
  Network& net_;
  BatchEvaluator train_, valid_, eval_;
  std::vector<NodeId> params_;  // net_.parameters(), once
};

}  // namespace gatelab
