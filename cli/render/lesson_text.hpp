// A lesson as text: its prose for a terminal, and each block's program, report and tables.
#pragma once

#include <string>
#include <vector>

#include "lesson/block.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

// A lesson's Markdown prose for a terminal (render/markdown_text.hpp), with a blank line after.
std::vector<TraceLine> prose_lines(const std::string& prose, const Paint& paint);

// The block's program (without its directives), then its report and tables. Lines of
// trace steps carry their step numbers, for --step.
std::vector<TraceLine> block_lines(const LessonBlock& block, const BlockOutcome& run, const Paint& paint);

// A failed check in words, with its diagnosis: "grad(x): expected 3 ± 0.06, traced 6 ...: 3 is ...".
std::string failure_text(const BlockOutcome& run, const LessonFailure& failure);

// "✓ 2 checks passed: 1 in the expectations table, backward fails as expected": the count,
// and where each check is shown.
std::string checks_passed_text(const BlockOutcome& run);

// expect-mistake: each wrong answer with what gatelab tells the learner.
std::vector<TraceLine> mistake_lines(const BlockOutcome& run, const Paint& paint);
std::vector<TraceLine> sweep_lines(const SweepTable& table, const Paint& paint);
std::vector<TraceLine> difference_lines(const DifferenceTable& table, const Paint& paint);
std::vector<TraceLine> descent_lines(const DescentRun& descent, const Paint& paint);
std::vector<TraceLine> training_lines(const TrainingRun& training, const Paint& paint);

}  // namespace gatelab::cli
