// gatelab check [LESSON...]: every check of the named lessons (all by default), one line each.
#include <fmt/format.h>

#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "lesson/block.hpp"
#include "render/lesson_text.hpp"
#include "render/terminal.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

struct LessonCheck {
  int checks = 0;
  std::vector<std::string> failures;  // "FILE:LINE: block N: message"
};

// Runs every block; a block that cannot run is a failure, and the others still run.
LessonCheck check_lesson(const LessonFile& file) {
  LessonCheck result;
  for (std::size_t i = 0; i < file.lesson.blocks.size(); ++i) {
    try {
      const BlockOutcome run = run_block(file, i);
      result.checks += run.checks;
      for (const LessonFailure& f : run.failures)
        result.failures.push_back(located(f.where, run.title + ": " + failure_text(run, f)));
    } catch (const Error& e) {
      result.failures.push_back(trf("block {} cannot run: {}", i + 1, e.what()));
    }
  }
  return result;
}

// "3 checks in 2 blocks": one message for each of the four plural forms English has here.
std::string checks_in_blocks(std::size_t checks, std::size_t blocks) {
  if (checks == 1) return blocks == 1 ? tr("1 check in 1 block") : trf("1 check in {} blocks", blocks);
  return blocks == 1 ? trf("{} checks in 1 block", checks) : trf("{} checks in {} blocks", checks, blocks);
}

struct CheckArgs {
  bool help = false, no_color = false;
  std::vector<std::string> names;
};

po::options_description describe_options(CheckArgs& a) {
  po::options_description options;
  options.add_options()("help,h", po::bool_switch(&a.help), tr("show this help"))(
      "lesson", po::value(&a.names)->composing()->value_name("LESSON"), tr("lessons to check"))(
      "no-color", po::bool_switch(&a.no_color), tr("no colour, even on a terminal"));
  return options;
}

const char* const examples = tr_later(
    "Examples:\n  gatelab check\n  gatelab check detach gates\n"
    "Exit status: 0 every check passed; 1 a check failed or a lesson is broken; 2 no such lesson.");

}  // namespace

CommandHelp check_help() {
  static CheckArgs unused;
  return {describe_options(unused), tr(examples)};
}

int run_check(const std::vector<std::string>& args) {
  CheckArgs a;
  po::positional_options_description positional;
  positional.add("lesson", -1);
  if (parse_or_help(args, "check", describe_options(a), positional, a.help)) return exit_ok;
  const bool no_color = a.no_color;
  const std::vector<std::string>& names = a.names;
  std::vector<LessonFile> files;
  std::vector<std::string> broken;  // lessons that cannot be read: failed, and the rest checked
  if (names.empty()) {
    LessonShelf shelf = readable_lessons();
    files = std::move(shelf.lessons);
    broken = std::move(shelf.broken);
  }
  for (const std::string& n : names) files.push_back(find_lesson(n));

  const Paint paint = paint_for_stdout(no_color);
  int passed = 0, failed = static_cast<int>(broken.size());
  for (const std::string& b : broken) std::cout << paint(style::bad, tr("FAIL")) << "  " << b << "\n";
  std::size_t w = 0;
  for (const auto& f : files) w = std::max(w, f.name.size());
  for (const LessonFile& file : files) {
    const LessonCheck result = check_lesson(file);
    const std::string label = fmt::format("{:<{}}", file.name, w);
    if (result.failures.empty()) {
      ++passed;
      std::cout << paint(style::good, tr("PASS")) << "  " << label << "  "
                << checks_in_blocks(static_cast<std::size_t>(result.checks), file.lesson.blocks.size()) << "\n";
      continue;
    }
    ++failed;
    std::cout << paint(style::bad, tr("FAIL")) << "  " << label << "  " << file.path << "\n";
    for (const auto& f : result.failures) std::cout << "      " << f << "\n";
  }
  std::cout << trf("lessons: {} passed, {} failed", passed, failed) << "\n";
  return failed ? exit_failed_check : exit_ok;
}

}  // namespace gatelab::cli
