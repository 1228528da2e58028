// Fuzz target: a weights file, as `gatelab train --init-weights F` reads it. The input is the
// file's text, read for the network of every constraint (the plain network keeps weight and
// bias apart, the others one matrix per layer).
#include <array>

#include "files/weights_file.hpp"
#include "fuzz_input.hpp"

using namespace gatelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<Network> networks = [] {
    std::vector<Network> out;
    for (Constraint c : all_constraints) out.push_back(build_network(c));
    return out;
  }();
  const std::string text(fuzz::text_of(data, size));
  for (std::size_t k = 0; k < networks.size(); ++k)
    fuzz::allowing_errors([&] {
      const std::vector<double> flat = cli::parse_weights_file(text, networks[k], to_string(all_constraints[k]));
      // What reads back is what --save-weights writes again.
      (void)cli::weights_file_text(networks[k], to_string(all_constraints[k]), flat);
    });
  return 0;
}
