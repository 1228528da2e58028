// A lesson block's directives, read into what the block asks for (see
// docs/lesson-format.md). The runner (lesson_block.cpp) carries it out.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "evaluation.hpp"
#include "lesson_descent.hpp"
#include "lesson_library.hpp"
#include "lesson_tables.hpp"
#include "lesson_training.hpp"

namespace gatelab::cli {

// An expectation and the document line of the directive that wrote it.
struct Located {
  int line;
  Expectation expectation;
};

// What a block's directives ask for.
struct Plan {
  std::string name;
  EvalRequest request;
  std::vector<Located> expects;
  std::optional<std::string> expect_error;
  int expect_error_line = 0;
  std::vector<std::pair<std::string, CheckStatus>> gradcheck_statuses;
  int gradcheck_line = 0;
  std::string sweep_input;
  std::vector<double> sweep_values;
  std::vector<Column> show;
  std::vector<std::pair<double, Located>> expect_when;
  std::string difference_input;
  DescentSpec descent;
  bool descends = false;
  std::vector<std::pair<int, Located>> expect_step;  // after step N
  TrainingPlan training;
};

// Reads a block's directives; throws gatelab::Error "file:line: ..." for one it cannot use.
Plan read_plan(const LessonFile& file, const LessonBlock& block, std::size_t index);

}  // namespace gatelab::cli
