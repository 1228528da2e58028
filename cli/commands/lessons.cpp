// gatelab lessons: the lessons with their titles, one line each, within 80 columns.
#include <fmt/format.h>

#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "gatelab/language/input_text.hpp"
#include "lesson/library.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

po::options_description describe_options(bool& help) {
  po::options_description options;
  options.add_options()("help,h", po::bool_switch(&help), tr("show this help"));
  return options;
}

constexpr std::size_t line_width = 80;

// text cut to at most `cells` terminal cells, ending in "…" where it was cut.
std::string fitted(const std::string& text, std::size_t cells) {
  if (display_width(text) <= cells) return text;
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    const auto bytes = static_cast<std::size_t>(decode_utf8(std::string_view(text).substr(at)).bytes);
    const std::string next = text.substr(at, bytes);
    if (display_width(out + next) + 1 > cells) break;
    out += next;
    at += bytes;
  }
  return out + "…";
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
  for (const auto& l : shelf.lessons)
    std::cout << fmt::format("  {:<{}}  {}\n", l.name, w,
                             fitted(l.lesson.title, line_width - std::min(w + 4, line_width - 10)));
  for (const std::string& broken : shelf.broken)
    std::cerr << "gatelab lessons: " << trf("a lesson cannot be read: {}", broken) << "\n";
  return shelf.broken.empty() ? exit_ok : exit_bad_input;
}

}  // namespace gatelab::cli
