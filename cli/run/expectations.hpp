// A learner's hand-derived values and gradients, checked against the trace:
//
//   --expect 'f=1.5456'  --expect 'grad(x)=2.0596'  --expect 'tangent(f)=0.25' (forward mode)
//
// One reader and one rule for every number (lib's gatelab::read_answer and judge): right when
// it agrees with the trace to the digits written and is never more than 1 % off; 2.1 for
// 2.0596 is "right to 2 significant digits: give more digits"; 1/4, －１２ and −3 are numbers;
// grad(r)=none says there is no gradient. A tolerance (--tol T, a lesson's `tol:`) replaces
// the rule with ± T. A wrong answer gets a diagnosis: the mistakes that give it, with numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gatelab/language/program.hpp"
#include "gatelab/teach/diagnosis.hpp"

namespace gatelab::cli {

struct Expectation {
  enum class Kind { Value, Grad, Tangent };
  std::string text;  // as written: "grad(x) = 2.0596"
  std::string name;  // the node's name
  Kind kind = Kind::Value;
  std::string written;  // the number as written: "2.0596"
  Answer answer;        // the number, its precision and digits, and any explicit tolerance
  std::string origin;   // how an error names where it was written: "--expect 'grad(q)=1'"

  std::string subject() const;  // "f", "grad(x)", "tangent(f)"
  double expected() const { return answer.value; }
};

struct ExpectationResult {
  Expectation expectation;
  Truth truth;            // what the trace has: a number, or no gradient
  double traced = 0;      // that number (0 when there is none)
  double difference = 0;  // traced - expected
  double accepted = 0;    // the largest difference the rule accepts here
  Verdict verdict = Verdict::Wrong;
  std::optional<Diagnosis> diagnosis;  // when not right

  bool match() const { return verdict == Verdict::Right; }
};

// Reads NAME=VALUE, grad(NAME)=VALUE or tangent(NAME)=VALUE. Throws gatelab::Error, with no
// context (the caller adds where the text came from), for anything else. An entry is named
// as the program names it: W[1,0] (W[1, 0] is read the same).
Expectation parse_expectation(std::string_view text, std::optional<double> tol = std::nullopt);

// The same, and an array's values too: grad(W)=[[0.1, 0.2], [0.3, 0.4]] is one expectation
// per entry, grad(W[0,0]) = 0.1 and so on, each checked to the digits written for it.
std::vector<Expectation> parse_expectations(std::string_view text, std::optional<double> tol = std::nullopt);

// A number as written, read into an Answer by lib's read_answer: its value, half a unit in
// its last digit, its significant digits. Throws gatelab::Error when it is not a number.
Answer written_answer(std::string_view number, std::optional<double> tol = std::nullopt);

// "grad(x): expected 3 ± 0.06, traced 6 (difference 3)": a check that failed, in words.
std::string mismatch_text(const Expectation& e, const Truth& traced);

// "grad(x) = 3 ± 0.06", "grad(x) = 1/4", "grad(r) = none": what was expected, with the
// difference the rule accepts.
std::string expected_text(const Expectation& e, const Truth& traced);

// Checks each expectation against the program's values, gradients and (in forward mode)
// tangents, one per node, and diagnoses the wrong ones (using the others, where they name
// nodes nearer the output). Throws gatelab::Error, prefixed with the expectation's origin,
// for a name the program does not have, or a tangent expected without forward mode.
std::vector<ExpectationResult> check_expectations(const Program& p, const std::vector<Expectation>& expectations,
                                                  const std::vector<double>& tangents = {});

}  // namespace gatelab::cli
