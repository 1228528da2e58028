#include "run/training_run.hpp"

#include <chrono>

#include "gatelab/engine/error.hpp"
#include "run/input_file.hpp"
#include "run/location.hpp"

namespace gatelab::cli {

DataSplit read_data_split(const std::string& path) {
  const std::string text = read_file(path);
  try {
    return parse_breast_cancer(text);
  } catch (const Error& e) {
    throw placed_in(path, e);
  }
}

TrainedNetwork train_network(Network& net, const DataSplit& split, const TrainingSpec& spec, const EpochWatch& watch) {
  Trainer trainer(net, split);
  TrainedNetwork out;
  out.initial_params = spec.initial_params ? *spec.initial_params : initial_params(net, spec.init, spec.seed);
  trainer.set_params(out.initial_params);
  const auto started = std::chrono::steady_clock::now();
  out.result = trainer.train(spec.options, [&](const EpochLog& e) {
    if (watch) watch(e, trainer);
  });
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out.train = trainer.evaluate(split.train);
  out.valid = trainer.evaluate(split.valid);
  out.test = trainer.evaluate(split.test);
  out.final_params = trainer.params();
  out.final_weights = trainer.weights();
  for (unsigned char g : out.result.got_gradient) out.moved += g;
  return out;
}

}  // namespace gatelab::cli
