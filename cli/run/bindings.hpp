// Values of a program's inputs, read once from text into numbers:
//
//   --at x=2 (the command line), `#| at: x = 2` (a lesson), a sweep's first value.
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
  double value = 0;
  std::string origin;  // how an error names where it was written: "--at q=1", "lessons/a.md:7: at"
};
using Bindings = std::vector<Binding>;

// Reads "NAME=VALUE" (spaces around either allowed). Throws gatelab::Error, whose message
// has no context: the caller knows where the text came from.
Binding parse_binding(std::string_view text);

// Appends b; throws gatelab::Error when its name already has a value.
void add_binding(Bindings& bindings, Binding b);

// The binding of name, or nullptr.
const Binding* find_binding(const Bindings& bindings, std::string_view name);

}  // namespace gatelab::cli
