// gatelab lessons: the lessons with their summaries.
#include <fmt/format.h>

#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "lesson/library.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

po::options_description describe_options(bool& help) {
  po::options_description options;
  options.add_options()("help,h", po::bool_switch(&help), tr("show this help"));
  return options;
}

const char* const examples = tr_later("Examples:\n  gatelab lessons\n  GATELAB_LESSONS=my-lessons gatelab lessons");

}  // namespace

CommandHelp lessons_help() {
  static bool unused = false;
  return {describe_options(unused), tr(examples)};
}

int run_lessons(const std::vector<std::string>& args) {
  bool help = false;
  if (parse_or_help(args, "lessons", describe_options(help), {}, help)) return exit_ok;
  const LessonShelf shelf = readable_lessons();
  std::size_t w = 0;
  for (const auto& l : shelf.lessons) w = std::max(w, l.name.size());
  for (const auto& l : shelf.lessons) std::cout << fmt::format("  {:<{}}  {}\n", l.name, w, l.lesson.summary);
  for (const std::string& broken : shelf.broken)
    std::cerr << "gatelab lessons: " << trf("a lesson cannot be read: {}", broken) << "\n";
  return shelf.broken.empty() ? exit_ok : exit_bad_input;
}

}  // namespace gatelab::cli
