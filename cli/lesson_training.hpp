// A lesson block that trains the constrained networks instead of running a program:
//   #| train: none, tanh, tanh01, round, ste
//   #| seed: 0
//   #| published: ste = train 0.9856, valid 0.9640, test 0.9571
//   #| expect-train: ste: test >= 0.93, moved = 62
// prints one row per variant next to the published numbers and checks the expectations.
#pragma once

#include <string>
#include <vector>

#include "trace_text.hpp"

namespace gatelab::cli {

struct TrainingExpectation {
  int line;
  std::string constraint;
  std::string key;  // train, valid, test (accuracy), epochs, best-epoch, moved
  std::string op;   // ">=", "<=" or "="
  std::string value_text;
  double value;
};

struct TrainingPlan {
  std::vector<std::string> constraints;
  unsigned seed = 0;
  std::vector<std::pair<std::string, std::string>> published;  // constraint, text
  std::vector<TrainingExpectation> expectations;
  std::string data;  // the data file
};

// Parses "ste: test >= 0.93, moved = 62"; throws gatelab::Error on anything else.
std::vector<TrainingExpectation> parse_training_expectations(int line, const std::string& text);

struct TrainingFailure {
  int line;
  std::string message;
};

// Trains each variant, appends its table to lines, returns the checks that failed and
// counts the checks run.
std::vector<TrainingFailure> run_training_block(const TrainingPlan& plan, std::vector<TraceLine>& lines, int& checks,
                                                const Paint& paint);

}  // namespace gatelab::cli
