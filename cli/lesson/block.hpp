// Running one ```gatelab block of a lesson: its plan, its program, its tables and its
// checks, as data. render/lesson_text.hpp makes text of the outcome.
#pragma once

#include <array>
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

// Where a block's checks are shown: each kind is printed in its own place (the expectations
// table, the wrong answers, the gradient check, ...), so the line that counts them says which.
enum class CheckPlace { expectations, mistakes, backward_error, gradcheck, sweep, descent, training };
inline constexpr std::size_t check_place_count = 7;

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
  int checks = 0;                                        // how many checks ran
  std::array<int, check_place_count> checks_by_place{};  // the same checks, by where they are shown
  std::optional<std::size_t> trace_as_block;             // an earlier block (0-based) with the same program and inputs

  void count_check(CheckPlace place, int n = 1) {
    checks += n;
    checks_by_place[static_cast<std::size_t>(place)] += n;
  }

  bool has_graph() const { return result.program.graph.size() > 0; }
};

// Throws gatelab::Error "FILE:LINE: ..." for a directive it cannot use (the lesson is
// wrong) and for a program that cannot run; checks that fail are BlockOutcome::failures.
BlockOutcome run_block(const LessonFile& file, std::size_t index);

// Marks each block whose program, inputs and tangents are an earlier block's: its trace is that
// block's, and is shown once.
void mark_repeated_traces(std::vector<BlockOutcome>& runs);

// The file name a block's diagram gets: "detach-2-fully-detached.svg".
std::string block_file_stem(const LessonFile& file, std::size_t index);

// How many points a plot's curves have.
inline constexpr int plot_points = 201;

}  // namespace gatelab::cli
