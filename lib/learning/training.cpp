#include "gatelab/learning/training.hpp"

#include <cmath>
#include <limits>

#include "gatelab/engine/error.hpp"
#include "gatelab/learning/torch_init.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab {

namespace {

// The batch's columns: each feature, then each one-hot label.
std::vector<std::vector<double>> columns_of(const Network& net, const Samples& s) {
  std::vector<std::vector<double>> cols(net.features.size() + net.labels.size(), std::vector<double>(s.size()));
  if (s.features != net.features.size())
    throw Error(trf("the data has {} features, the network {}", s.features, net.features.size()));
  for (std::size_t r = 0; r < s.size(); ++r) {
    for (std::size_t f = 0; f < s.features; ++f) cols[f][r] = s.at(r, f);
    const std::size_t label = static_cast<std::size_t>(s.y[r]);
    if (label >= net.labels.size()) throw Error(trf("label {} has no output", s.y[r]));
    cols[s.features + label][r] = 1;
  }
  return cols;
}

// Training reads the loss and the outputs, and runs backward from the loss on the
// training rows only.
BatchEvaluator batch_for(const Network& net, const Samples* s, NodeId backward_output) {
  BatchEvaluator b(net.graph, net.data_leaves());
  std::vector<NodeId> read = net.layers.back().outputs;
  read.push_back(net.loss);
  b.keep_only(read, backward_output);
  if (s) b.set_rows(s->size(), columns_of(net, *s));
  return b;
}

}  // namespace

std::vector<double> initial_params(const Network& net, Init init, unsigned seed) {
  if (init == Init::Torch) return torch_initial_params(net, seed);
  TorchGenerator gen(seed);
  std::vector<double> out;
  for (const Layer& layer : net.layers) {
    const double bound = 1 / std::sqrt(layer.in + 1.0);
    for (std::size_t k = 0; k < layer.params.size(); ++k) out.push_back((2 * gen.uniform() - 1) * bound);
  }
  return out;
}

Trainer::Trainer(Network& net, const DataSplit& data)
    : net_(net),
      train_(batch_for(net, &data.train, net.loss)),
      valid_(batch_for(net, &data.valid, no_node)),
      eval_(batch_for(net, nullptr, no_node)),
      params_(net.parameters()) {}

void Trainer::set_params(const std::vector<double>& values) {
  if (values.size() != params_.size())
    throw Error(trf("expected {} parameter values, got {}", params_.size(), values.size()));
  for (std::size_t i = 0; i < params_.size(); ++i) net_.graph.set_value(params_[i], values[i]);
  net_.graph.forward();
}

std::vector<double> Trainer::params() const {
  std::vector<double> out;
  for (NodeId id : params_) out.push_back(net_.graph.value(id));
  return out;
}

std::vector<double> Trainer::weights() const {
  std::vector<double> out;
  for (const Layer& l : net_.layers)
    for (NodeId id : l.weights) out.push_back(net_.graph.value(id));
  return out;
}

std::vector<double> Trainer::train_gradient() {
  std::vector<double> g;
  train_gradient(g);
  return g;
}

void Trainer::train_gradient(std::vector<double>& g) {
  train_.forward();
  train_.backward_mean(net_.loss);
  g.resize(params_.size());
  for (std::size_t i = 0; i < params_.size(); ++i) g[i] = train_.grad(params_[i]);
}

Evaluation Trainer::evaluate(const Samples& s) {
  eval_.set_rows(s.size(), columns_of(net_, s));
  eval_.forward();
  const auto& outputs = net_.layers.back().outputs;
  std::size_t right = 0;
  for (std::size_t r = 0; r < s.size(); ++r) {
    std::size_t best = 0;  // the first of equal outputs wins, as torch.argmax
    for (std::size_t k = 1; k < outputs.size(); ++k)
      if (eval_.value(outputs[k], r) > eval_.value(outputs[best], r)) best = k;
    right += static_cast<int>(best) == s.y[r];
  }
  return {eval_.mean(net_.loss), s.size() ? static_cast<double>(right) / static_cast<double>(s.size()) : 0};
}

TrainResult Trainer::train(const TrainOptions& o, const std::function<void(const EpochLog&)>& on_epoch) {
  const std::vector<NodeId>& ids = params_;
  std::vector<double> m(ids.size(), 0.0), v(ids.size(), 0.0), g, best = params();
  double best_valid = std::numeric_limits<double>::infinity();
  int waited = 0;
  TrainResult result;
  result.got_gradient.assign(ids.size(), 0);
  for (int epoch = 0; epoch < o.max_epochs; ++epoch) {
    train_gradient(g);
    const double train_loss = train_.mean(net_.loss);
    // Adam, in PyTorch's arithmetic: p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
    const double t = epoch + 1;
    const double bc1 = 1 - std::pow(o.beta1, t), bc2 = 1 - std::pow(o.beta2, t);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      result.got_gradient[i] |= g[i] != 0;
      m[i] = o.beta1 * m[i] + (1 - o.beta1) * g[i];
      v[i] = o.beta2 * v[i] + (1 - o.beta2) * g[i] * g[i];
      const double p = net_.graph.value(ids[i]) - o.lr / bc1 * m[i] / (std::sqrt(v[i]) / std::sqrt(bc2) + o.eps);
      net_.graph.set_value(ids[i], p);
    }
    valid_.forward();
    const double valid_loss = valid_.mean(net_.loss);
    result.train_loss.push_back(train_loss);
    result.valid_loss.push_back(valid_loss);
    result.epochs_run = epoch + 1;
    if (valid_loss < best_valid) {
      best_valid = valid_loss;
      result.best_epoch = epoch;
      for (std::size_t i = 0; i < ids.size(); ++i) best[i] = net_.graph.value(ids[i]);
      waited = 0;
    } else if (++waited > o.patience) {
      result.stopped_early = true;
      break;
    }
    if (on_epoch) on_epoch({epoch, train_loss, valid_loss});
  }
  set_params(best);
  return result;
}

}  // namespace gatelab
