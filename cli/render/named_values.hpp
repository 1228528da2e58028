// What a report lists by name: each input and each named result, an array as one entry, and
// the output (under the name its statement gave it).
#pragma once

#include <string>
#include <vector>

#include "gatelab/language/program.hpp"

namespace gatelab::cli {

struct Named {
  std::string name;
  std::vector<int> shape;     // empty for a number
  std::vector<NodeId> nodes;  // one for a number; an array's entries, row-major
  bool input = false;
  bool output = false;

  std::vector<double> values(const Graph& g) const;
  std::vector<double> grads(const Graph& g) const;
};

// The inputs in order of first use, then the named results in program order, then the
// output if it has no entry yet.
std::vector<Named> named_values(const Program& p);

// A number, or an array as [[1, 2], [3, 4]].
std::string numbers_text(const std::vector<int>& shape, const std::vector<double>& values);

}  // namespace gatelab::cli
