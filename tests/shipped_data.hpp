// The shipped breast-cancer data, parsed once, for tests and benchmarks.
#pragma once

#include <fstream>
#include <sstream>

#include "gatelab/learning/dataset.hpp"

inline const gatelab::DataSplit& shipped_data() {
  static const gatelab::DataSplit split = [] {
    std::ifstream in(GATELAB_DATA_FILE);
    std::stringstream text;
    text << in.rdbuf();
    return gatelab::parse_breast_cancer(text.str());
  }();
  return split;
}
