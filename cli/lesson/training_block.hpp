// A lesson block that trains the constrained networks instead of running a program:
//   #| train: CONSTRAINT, ...   (the names of gatelab train --constraint)
//   #| seed: 0
//   #| published: ste = train 0.9856, valid 0.9640, test 0.9571
//   #| expect-train: ste: test >= 0.93, moved = 62
// trains each variant, to be shown next to the published numbers, and checks the
// expectations.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "gatelab/learning/training.hpp"
#include "gatelab/teach/diagnosis.hpp"
#include "run/location.hpp"
#include "run/training_run.hpp"

namespace gatelab::cli {

struct TrainingExpectation {
  Location where;
  std::string constraint;
  std::string key;         // train, valid, test (accuracy), epochs, best-epoch, moved
  std::string op;          // ">=", "<=" or "="
  Answer value;            // as written: "=" checks it as expectations are checked
  std::string value_text;  // as written, for messages
};

struct TrainingPlan {
  std::vector<std::string> constraints;
  unsigned seed = 0;
  std::vector<std::pair<std::string, std::string>> published;  // constraint, text
  std::vector<TrainingExpectation> expectations;
};

// Reads "ste: test >= 0.93, moved = 62"; throws gatelab::Error on anything else.
std::vector<TrainingExpectation> parse_training_expectations(const Location& where, const std::string& text);

struct VariantOutcome {
  std::string constraint;
  TrainedNetwork trained;
  std::string published;  // the reference result to show beside it
};

struct TrainingRun {
  unsigned seed = 0;
  std::vector<VariantOutcome> variants;
};

struct TrainingFailure {
  Location where;
  std::string message;
};

// Trains each variant on the data file's split.
TrainingRun run_training(const TrainingPlan& plan, const std::string& data_file);

// The expectations that do not hold.
std::vector<TrainingFailure> check_training(const TrainingPlan& plan, const TrainingRun& run);

}  // namespace gatelab::cli
