// --expect: a learner's hand-derived values and gradients checked against the trace.
//
//   --expect 'f=1.5456'  --expect 'grad(x)=2.0596'
//
// Without --tol a written value is checked to the precision it was written with: 1.5456
// means 1.5456 ± 0.00005 and 0.2 means 0.2 ± 0.05; a whole number is checked exactly (to
// 1e-9). --tol T checks every expectation to ± T instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gatelab/program.hpp"

namespace gatelab::cli {

struct Expectation {
  std::string text;      // as written
  std::string name;      // the node's name
  bool grad = false;     // grad(name) rather than name
  double expected = 0;
  double tolerance = 0;
};

struct ExpectationResult {
  Expectation expectation;
  double traced = 0;
  double difference = 0;  // traced - expected
  bool match = false;
};

// Parses NAME=VALUE or grad(NAME)=VALUE; throws gatelab::Error on anything else.
Expectation parse_expectation(const std::string& text, std::optional<double> tol);

// Checks each expectation against the program's values and accumulated gradients.
// Throws gatelab::Error for a name the program does not have.
std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations);

// A number of the form NAME=VALUE's VALUE: decimal, finite; nullopt otherwise.
std::optional<double> parse_number(const std::string& text);

}  // namespace gatelab::cli
