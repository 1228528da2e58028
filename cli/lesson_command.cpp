#include "lesson_command.hpp"

#include <fmt/format.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "diagrams.hpp"
#include "exit_codes.hpp"
#include "gatelab/dot.hpp"
#include "lesson_block.hpp"
#include "options.hpp"
#include "output_files.hpp"
#include "stepper.hpp"
#include "svg.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

// Markdown prose for a terminal: headings in bold without their #s, runs of blank lines
// folded to one; the rest as written.
std::vector<TraceLine> prose_lines(const std::string& prose, const Paint& paint) {
  std::vector<TraceLine> out;
  bool blank = true;
  for (std::size_t start = 0; start < prose.size();) {
    const auto end = prose.find('\n', start);
    std::string line = prose.substr(start, end - start);
    start = end == std::string::npos ? prose.size() : end + 1;
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!blank) out.push_back({0, ""});
      blank = true;
      continue;
    }
    blank = false;
    if (line[0] == '#') {
      const auto text = line.find_first_not_of("# ");
      line = paint(style::heading, text == std::string::npos ? "" : line.substr(text));
    }
    out.push_back({0, line});
  }
  return out;
}

void print(const std::vector<TraceLine>& lines) {
  for (const TraceLine& l : lines) std::cout << l.text << "\n";
}

int parse_simple(const std::vector<std::string>& args, po::options_description& options,
                 po::positional_options_description& positional, bool& help,
                 const char* examples) {
  parse_command_line(args, options, positional);
  if (!help) return -1;
  std::cout << options << "\n" << examples << "\n";
  return exit_ok;
}

}  // namespace

int run_lessons(const std::vector<std::string>& args) {
  bool help = false;
  po::options_description options("gatelab lessons\n\nLists the lessons with their summaries.\nOptions");
  options.add_options()("help,h", po::bool_switch(&help), "show this help");
  po::positional_options_description none;
  if (int rc = parse_simple(args, options, none, help,
                            "Examples:\n  gatelab lessons\n  GATELAB_LESSONS=my-lessons gatelab lessons");
      rc >= 0)
    return rc;
  const auto lessons = all_lessons();
  std::size_t w = 0;
  for (const auto& l : lessons) w = std::max(w, l.name.size());
  for (const auto& l : lessons) std::cout << fmt::format("  {:<{}}  {}\n", l.name, w, l.lesson.summary);
  return exit_ok;
}

int run_lesson(const std::vector<std::string>& args) {
  bool help = false, step = false, no_color = false;
  std::string name, svg_dir;
  po::options_description options("gatelab lesson NAME [options]\n\nPrints a lesson and runs each of its program blocks with its trace.\nOptions");
  options.add_options()("help,h", po::bool_switch(&help), "show this help")(
      "name", po::value(&name), "the lesson's name (see gatelab lessons) or a lesson file's path")(
      "svg-dir", po::value(&svg_dir)->value_name("DIR"), "draw each block's graph as DIR/LESSON-N[-NAME].svg")(
      "step", po::bool_switch(&step), "show each block's trace one step per Enter (q: the rest at once)")(
      "no-color", po::bool_switch(&no_color), "no colour, even on a terminal");
  po::positional_options_description positional;
  positional.add("name", 1);
  if (int rc = parse_simple(args, options, positional, help,
                            "Examples:\n  gatelab lesson detach\n  gatelab lesson staged-backprop --svg-dir slides/\n"
                            "  gatelab lesson my-lesson.md --step\n"
                            "Exit status: 0 every check passed; 1 a check failed; 2 no such lesson or a broken one.");
      rc >= 0)
    return rc;
  if (name.empty()) throw UsageError("name a lesson (gatelab lessons lists them)");
  if (!svg_dir.empty()) check_writable_dir(svg_dir);
  const LessonFile file = find_lesson(name);
  const Paint paint = paint_for_stdout(no_color);
  const bool stepping = step && stdin_is_terminal();

  // Run everything first, so a broken block stops the lesson before anything is written.
  std::vector<BlockRun> runs;
  for (std::size_t i = 0; i < file.lesson.blocks.size(); ++i) runs.push_back(run_block(file, i, paint));
  if (!svg_dir.empty()) {
    SvgRenderer renderer;
    std::vector<std::pair<std::string, std::string>> files;
    for (std::size_t i = 0; i < runs.size(); ++i)
      if (runs[i].result.program.graph.size() > 0)  // a training block has no program graph
        files.emplace_back(svg_dir + "/" + block_file_stem(file, i) + ".svg",
                         renderer.render(to_dot(runs[i].result.program.graph, {.title = file.name + ": " + runs[i].title})));
    for (const auto& [path, svg] : files) write_file_atomically(path, svg);
  }

  std::cout << paint(style::heading, file.lesson.title) << "\n" << paint(style::dim, file.lesson.summary) << "\n\n";
  int failures = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    print(prose_lines(file.lesson.prose[i], paint));
    const BlockRun& run = runs[i];
    std::cout << paint(style::heading, fmt::format("── {} ", run.title)) << paint(style::dim, run.where) << "\n";
    if (stepping) step_through(run.lines, "", run.result.trace.size(), paint);
    else print(run.lines);
    if (!svg_dir.empty() && run.result.program.graph.size() > 0) std::cout << paint(style::dim, "  diagram: " + svg_dir + "/" + block_file_stem(file, i) + ".svg") << "\n";
    for (const LessonFailure& f : run.failures) std::cout << paint(style::bad, "  FAILED ") << f.where << ": " << f.message << "\n";
    if (run.failures.empty() && run.checks > 0)
      std::cout << paint(style::good, fmt::format("  ✓ {} check{} passed", run.checks, run.checks == 1 ? "" : "s")) << "\n";
    std::cout << "\n";
    failures += static_cast<int>(run.failures.size());
  }
  print(prose_lines(file.lesson.prose.back(), paint));
  return failures ? exit_failed_check : exit_ok;
}

int run_check(const std::vector<std::string>& args) {
  bool help = false, no_color = false;
  std::vector<std::string> names;
  po::options_description options("gatelab check [LESSON...]\n\nRuns every check of the named lessons (all when none is named).\nOptions");
  options.add_options()("help,h", po::bool_switch(&help), "show this help")(
      "lesson", po::value(&names)->composing(), "lessons to check")(
      "no-color", po::bool_switch(&no_color), "no colour, even on a terminal");
  po::positional_options_description positional;
  positional.add("lesson", -1);
  if (int rc = parse_simple(args, options, positional, help,
                            "Examples:\n  gatelab check\n  gatelab check detach gates\n"
                            "Exit status: 0 every check passed; 1 a check failed or a lesson is broken; 2 no such lesson.");
      rc >= 0)
    return rc;
  std::vector<LessonFile> files;
  if (names.empty()) files = all_lessons();
  for (const std::string& n : names) files.push_back(find_lesson(n));

  const Paint paint = paint_for_stdout(no_color);
  int passed = 0, failed = 0;
  std::size_t w = 0;
  for (const auto& f : files) w = std::max(w, f.name.size());
  for (const LessonFile& file : files) {
    std::vector<LessonFailure> failures;
    int checks = 0;
    for (std::size_t i = 0; i < file.lesson.blocks.size(); ++i) {
      try {
        BlockRun run = run_block(file, i, Paint{});
        checks += run.checks;
        for (auto& f : run.failures) failures.push_back({f.where, run.title + ": " + f.message});
      } catch (const Error& e) {
        failures.push_back({"", fmt::format("block {} cannot run: {}", i + 1, e.what())});
      }
    }
    const std::string label = fmt::format("{:<{}}", file.name, w);
    if (failures.empty()) {
      ++passed;
      std::cout << paint(style::good, "PASS") << "  " << label << "  "
                << fmt::format("{} check{} in {} block{}", checks, checks == 1 ? "" : "s", file.lesson.blocks.size(), file.lesson.blocks.size() == 1 ? "" : "s") << "\n";
      continue;
    }
    ++failed;
    std::cout << paint(style::bad, "FAIL") << "  " << label << "  " << file.path << "\n";
    for (const auto& f : failures) std::cout << "      " << (f.where.empty() ? "" : f.where + ": ") << f.message << "\n";
  }
  std::cout << fmt::format("lessons: {} passed, {} failed\n", passed, failed);
  return failed ? exit_failed_check : exit_ok;
}

}  // namespace gatelab::cli
