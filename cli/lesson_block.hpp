// Running one ```gatelab block of a lesson: its directives, its trace, its checks.
//
// Directives (each `#| key: value`, see docs/lesson-format.md):
//   name, at, expect, expect-error, tangent, gradcheck, tol, sweep, show, expect-when,
//   difference-table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "eval_report.hpp"
#include "lesson_library.hpp"

namespace gatelab::cli {

// A check that did not hold: where (file:line of the directive), what, expected vs traced.
struct LessonFailure {
  std::string where;
  std::string message;
};

struct BlockRun {
  std::string title;                  // "block 2 (fully-detached)"
  std::string where;                  // "lessons/01-detach.md:20"
  std::vector<TraceLine> lines;       // the program, its report and its tables
  std::vector<LessonFailure> failures;
  int checks = 0;                     // how many checks ran
  EvalResult result;                  // for its diagram
};

// Throws gatelab::Error "file:line: ..." for a directive it cannot use (the lesson is
// wrong) and for a program that cannot run; checks that fail are BlockRun::failures.
BlockRun run_block(const LessonFile& file, std::size_t index, const Paint& paint);

// The file name a block's diagram gets: "detach-2-fully-detached.svg".
std::string block_file_stem(const LessonFile& file, std::size_t index);

}  // namespace gatelab::cli
