// What a lesson block's directives ask for, read into numbers and names (see
// docs/lesson-format.md and lesson/directives.hpp). lesson/block.hpp carries it out.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gatelab/engine/gradcheck.hpp"
#include "lesson/descent.hpp"
#include "lesson/library.hpp"
#include "lesson/sweep.hpp"
#include "lesson/training_block.hpp"
#include "run/evaluation.hpp"

namespace gatelab::cli {

// An expectation and where its directive is.
struct Located {
  Location where;
  Expectation expectation;
};

struct SweepSpec {
  std::string input;  // empty: no sweep
  std::vector<double> values;
  Location where;
  std::vector<SweepColumn> show;
  std::vector<std::pair<double, Located>> expect_when;  // on the row of a swept value
};

// plot: x = -4 .. 4: y, grad(x): curves of values and gradients against one input.
struct PlotSpec {
  std::string input;
  double from = 0, to = 0;
  std::vector<SweepColumn> columns;
  Location where;
};

struct Plan {
  std::string name;
  EvalRequest request;
  std::vector<Located> expects;
  std::vector<std::pair<Located, Mistake>> mistakes;  // a wrong answer and the mistake it must be diagnosed as
  std::optional<double> tol;
  std::optional<std::string> expect_error;
  Location expect_error_at;
  std::vector<std::pair<std::string, CheckStatus>> gradcheck_statuses;
  Location gradcheck_at;
  SweepSpec sweep;
  std::string difference_input;
  std::vector<PlotSpec> plots;
  DescentSpec descent;
  bool descends = false;
  std::vector<std::pair<int, Located>> expect_step;  // after step N
  TrainingPlan training;
};

// Reads a block's directives; throws gatelab::Error "FILE:LINE: KEY: ..." for one it
// cannot use.
Plan read_plan(const LessonFile& file, std::size_t index);

}  // namespace gatelab::cli
