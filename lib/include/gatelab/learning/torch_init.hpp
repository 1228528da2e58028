// PyTorch's initial weights, reproduced bit for bit.
//
//   auto params = gatelab::torch_initial_params(net, 0);  // as after torch.manual_seed(0)
//
// PyTorch's CPU generator is std::mt19937 seeded with S; a float32 uniform is
// (u32 & 0xFFFFFF) * 2^-24, drawn from one continuing stream. A constraint layer draws
// torch.rand(in + 1, out) row-major. nn.Linear draws its weight (out x in, row-major) and
// then its bias, each (float)(u * 2b - b) computed in double, with b = 1.0f / sqrtf(in).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "gatelab/learning/network.hpp"

namespace gatelab {

class TorchGenerator {
 public:
  explicit TorchGenerator(std::uint32_t seed) : engine_(seed) {}
  float uniform() { return static_cast<float>(engine_() & 0xFFFFFFu) * (1.0f / 16777216.0f); }

 private:
  std::mt19937 engine_;
};

// The initial value of every parameter, in Network::parameters() order.
std::vector<double> torch_initial_params(const Network& net, std::uint32_t seed);

}  // namespace gatelab
