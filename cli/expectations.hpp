// --expect: a learner's hand-derived values and gradients checked against the trace.
//
//   --expect 'f=1.5456'  --expect 'grad(x)=2.0596'  --expect 'tangent(f)=0.25' (forward mode)
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
  enum class Kind { Value, Grad, Tangent };
  std::string text;      // as written
  std::string name;      // the node's name
  Kind kind = Kind::Value;
  double expected = 0;
  double tolerance = 0;

  std::string subject() const;  // "f", "grad(x)", "tangent(f)"
};

struct ExpectationResult {
  Expectation expectation;
  double traced = 0;
  double difference = 0;  // traced - expected
  bool match = false;
};

// Parses NAME=VALUE, grad(NAME)=VALUE or tangent(NAME)=VALUE; throws gatelab::Error on
// anything else.
Expectation parse_expectation(const std::string& text, std::optional<double> tol);

// Is a traced number within the expectation's tolerance?
bool within_tolerance(double traced, const Expectation& e);

// Checks each expectation against the program's values, accumulated gradients and (in
// forward mode) tangents, one per node. Throws gatelab::Error for a name the program does
// not have, or a tangent expected without forward mode.
std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations,
                                                  const std::vector<double>& tangents = {});

// A number of the form NAME=VALUE's VALUE: decimal, finite; nullopt otherwise.
std::optional<double> parse_number(const std::string& text);

}  // namespace gatelab::cli
