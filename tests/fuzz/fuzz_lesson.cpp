// Fuzz target: a lesson document, read and run as `gatelab lesson` does.
//
// The input is a lesson's Markdown: parse_lesson splits it, the prose is rendered for a
// terminal (md4c), and each block's directives are read into a plan (lesson::read_plan),
// the block is run (lesson::run_block) and its outcome made into text.
//
// Blocks too slow to fuzz are skipped (quick_block.hpp).
#include "fuzz_input.hpp"
#include "lesson/block.hpp"
#include "quick_block.hpp"
#include "render/lesson_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;

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
    if (!fuzz::quick(plan)) continue;
    fuzz::allowing_errors([&] {
      const BlockOutcome run = run_block(file, i);
      (void)block_lines(file.lesson.blocks[i], run, paint);
      (void)block_file_stem(file, i);
      for (const LessonFailure& f : run.failures) (void)failure_text(run, f);
    });
  }
  return 0;
}
