#include "gatelab/learning/torch_init.hpp"

#include <cmath>

namespace gatelab {

std::vector<double> torch_initial_params(const Network& net, std::uint32_t seed) {
  TorchGenerator gen(seed);
  std::vector<double> out;
  for (const Layer& layer : net.layers) {
    if (net.constraint != Constraint::None) {
      for (std::size_t k = 0; k < layer.params.size(); ++k) out.push_back(gen.uniform());
      continue;
    }
    const float bound = 1.0f / std::sqrt(static_cast<float>(layer.in));
    for (std::size_t k = 0; k < layer.params.size(); ++k) {  // weight, then bias: the stream's order
      const double u = gen.uniform();
      out.push_back(static_cast<float>(u * (2.0 * static_cast<double>(bound)) + static_cast<double>(-bound)));
    }
  }
  return out;
}

}  // namespace gatelab
