// Fuzz target: a data file, as `gatelab train --data F` and the training lessons read it
// (lib's parse_breast_cancer). What reads is checked: one label per row, nine features per
// row, each feature in [0, 1].
#include <cstdlib>

#include "fuzz_input.hpp"
#include "gatelab/learning/dataset.hpp"

using namespace gatelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::allowing_errors([&] {
    const DataSplit split = parse_breast_cancer(fuzz::text_of(data, size));
    for (const Samples* s : {&split.train, &split.valid, &split.test}) {
      if (s->x.size() != s->size() * s->features) std::abort();
      for (const double x : s->x)
        if (!(x >= 0 && x <= 1)) std::abort();
    }
  });
  return 0;
}
