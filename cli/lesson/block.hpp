// Running one ```gatelab block of a lesson: its plan, its program, its tables and its
// checks, as data. render/lesson_text.hpp makes text of the outcome.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lesson/plan.hpp"

namespace gatelab::cli {

// A check that did not hold: where its directive is, what was expected and traced, and for a
// wrong number the likely mistake behind it.
struct LessonFailure {
  Location where;
  std::string message;
  std::optional<Diagnosis> diagnosis;
};

struct PlotRun {
  PlotSpec spec;
  SweepTable curves;  // the columns at evenly spaced values of the input
};

struct DescentRun {
  DescentSpec spec;
  std::vector<DescentStep> steps;
};

struct BlockOutcome {
  Plan plan;
  std::string title;  // "block 2 (fully-detached)"
  Location where;     // the block's opening fence
  EvalResult result;  // no graph for a training block
  std::optional<SweepTable> sweep;
  std::optional<DifferenceTable> differences;
  std::optional<DescentRun> descent;
  std::vector<PlotRun> plots;
  std::optional<TrainingRun> training;
  std::vector<ExpectationResult> mistakes;  // the expect-mistake answers, judged and diagnosed
  std::vector<LessonFailure> failures;
  int checks = 0;  // how many checks ran

  bool has_graph() const { return result.program.graph.size() > 0; }
};

// Throws gatelab::Error "FILE:LINE: ..." for a directive it cannot use (the lesson is
// wrong) and for a program that cannot run; checks that fail are BlockOutcome::failures.
BlockOutcome run_block(const LessonFile& file, std::size_t index);

// The file name a block's diagram gets: "detach-2-fully-detached.svg".
std::string block_file_stem(const LessonFile& file, std::size_t index);

// How many points a plot's curves have.
inline constexpr int plot_points = 201;

}  // namespace gatelab::cli
