// Fuzz target: a lesson document, read and run as `gatelab lesson` does.
//
// The input is a lesson's Markdown: parse_lesson splits it, the prose is rendered for a
// terminal (md4c), and each block's directives are read into a plan (lesson::read_plan),
// the block is run (lesson::run_block) and its outcome made into text.
//
// Skipped, because they are slow rather than wrong: training blocks (`#| train:` trains the
// networks for seconds), blocks whose program is larger than fuzz::max_program_size, and
// blocks whose gradient check, sweep or descent would run more than max_block_work gates.
#include "fuzz_input.hpp"
#include "lesson/block.hpp"
#include "render/lesson_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

constexpr std::size_t max_block_work = 2'000'000;

// Can the block run quickly? Its program parses within the size, and the passes it asks for
// (a gradient check: two per input; a sweep: one per value; a descent: one per row and step)
// stay within max_block_work gate runs.
bool quick(const Plan& plan) {
  InputShapes shapes;
  for (const Binding& b : plan.request.at)
    if (b.is_array()) shapes[b.name] = b.shape;
  Program p;
  try {
    p = parse_program(plan.request.text, shapes, fuzz::max_program_size);
  } catch (const Error&) {
    return false;
  }
  const DescentBlock* descent = plan.if_kind<DescentBlock>();
  const SweepBlock* swept = plan.if_kind<SweepBlock>();
  const std::size_t rows = descent && !descent->descent.data.empty() ? descent->descent.data.front().second.size() : 0;
  const std::size_t steps = descent ? static_cast<std::size_t>(descent->descent.steps) : 0;
  const std::size_t passes = 2 + 2 * p.inputs.size() + (swept ? swept->sweep.values.size() : 0) + 30 + 2 * rows * steps;
  return passes <= max_block_work / std::max<std::size_t>(p.graph.size(), 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  LessonFile file{"fuzz", "lessons/01-fuzz.md", {}};
  try {
    file.lesson = parse_lesson(text);
  } catch (const Error&) {
    return 0;
  }
  const Paint paint{.on = fuzz::hash_of(text) % 2 == 0};
  for (const std::string& prose : file.lesson.prose) (void)prose_lines(prose, paint);
  for (std::size_t i = 0; i < file.lesson.blocks.size(); ++i) {
    Plan plan;
    try {
      plan = read_plan(file, i);
    } catch (const Error&) {
      continue;
    }
    if (plan.if_kind<TrainingBlock>() || !quick(plan)) continue;
    fuzz::allowing_errors([&] {
      const BlockOutcome run = run_block(file, i);
      (void)block_lines(file.lesson.blocks[i], run, paint);
      (void)block_file_stem(file, i);
      for (const LessonFailure& f : run.failures) (void)failure_text(run, f);
    });
  }
  return 0;
}
