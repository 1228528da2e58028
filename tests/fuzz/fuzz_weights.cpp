// Fuzz target: a weights file, as `gatelab train --init-weights F` reads it. The input is the
// file's text, read for the network of every constraint (the plain network keeps weight and
// bias apart, the others one matrix per layer).
#include <array>

#include "files/weights_file.hpp"
#include "fuzz_input.hpp"

using namespace gatelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::array<const char*, 5> names{"none", "tanh", "tanh01", "round", "ste"};
  static const std::array<Network, 5> networks{build_network(Constraint::None), build_network(Constraint::Tanh),
                                               build_network(Constraint::Tanh01), build_network(Constraint::Round),
                                               build_network(Constraint::Ste)};
  const std::string text(fuzz::text_of(data, size));
  for (std::size_t k = 0; k < names.size(); ++k)
    fuzz::allowing_errors([&] {
      const std::vector<double> flat = cli::parse_weights_file(text, networks[k], names[k]);
      // What reads back is what --save-weights writes again.
      (void)cli::weights_file_text(networks[k], names[k], flat);
    });
  return 0;
}
