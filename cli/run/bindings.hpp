// Values of a program's inputs, read once from text into numbers:
//
//   --at x=2 (the command line), `#| at: x = 2` (a lesson), a sweep's first value,
//   --at W='[[0.1, 0.2], [0.3, 0.4]]' (an array: the program sees W as a 2x2 matrix).
//
// A binding keeps where it was written, for error messages; its value is a double from
// here to the report.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gatelab::cli {

struct Binding {
  std::string name;
  double value = 0;            // a number's value
  std::string origin;          // how an error names where it was written: "--at q=1", "lessons/a.md:7: at"
  std::vector<int> shape;      // an array's shape; empty for a number
  std::vector<double> values;  // an array's values, row-major

  bool is_array() const { return !shape.empty(); }
};
using Bindings = std::vector<Binding>;

// Reads "NAME=VALUE" or "NAME=[...]" (spaces around either allowed). Throws gatelab::Error, whose message
// has no context: the caller knows where the text came from.
Binding parse_binding(std::string_view text);

// Appends b; throws gatelab::Error when its name already has a value.
void add_binding(Bindings& bindings, Binding b);

// The binding of name, or nullptr.
const Binding* find_binding(const Bindings& bindings, std::string_view name);

}  // namespace gatelab::cli
