// A learner's hand-derived values and gradients, checked against the trace:
//
//   --expect 'f=1.5456'  --expect 'grad(x)=2.0596'  --expect 'tangent(f)=0.25' (forward mode)
//
// Without a tolerance a written value is checked to the precision it was written with:
// 1.5456 means 1.5456 ± 0.00005 and 0.2 means 0.2 ± 0.05; a whole number is checked exactly
// (to 1e-9). A tolerance (--tol T, a lesson's `tol:`) checks every expectation to ± T instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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
  std::string origin;    // how an error names where it was written: "--expect 'grad(q)=1'"

  std::string subject() const;  // "f", "grad(x)", "tangent(f)"
};

struct ExpectationResult {
  Expectation expectation;
  double traced = 0;
  double difference = 0;  // traced - expected
  bool match = false;
};

// Reads NAME=VALUE, grad(NAME)=VALUE or tangent(NAME)=VALUE. Throws gatelab::Error, with
// no context (the caller adds where the text came from), for anything else.
Expectation parse_expectation(std::string_view text, std::optional<double> tol = std::nullopt);

// The tolerance a written number implies: half a unit in its last decimal place, or 1e-9
// relative for a whole number.
double written_precision(std::string_view number);

// Is a traced number within the expectation's tolerance?
bool within_tolerance(double traced, const Expectation& e);

// "grad(x): expected 3 ± 3e-09, traced 6 (difference 3)": a check that failed, in words.
std::string mismatch_text(const Expectation& e, double traced);

// Checks each expectation against the program's values, accumulated gradients and (in
// forward mode) tangents, one per node. Throws gatelab::Error, prefixed with the
// expectation's origin, for a name the program does not have, or a tangent expected
// without forward mode.
std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations,
                                                  const std::vector<double>& tangents = {});

}  // namespace gatelab::cli
