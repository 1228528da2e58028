// gatelab lesson NAME: a lesson's prose, and each of its blocks run with its trace.
#include <fmt/format.h>

#include <iostream>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "files/curve_plot.hpp"
#include "files/diagram_svg.hpp"
#include "files/gate_diagram.hpp"
#include "files/output_files.hpp"
#include "files/pages.hpp"
#include "gatelab/teach/dot.hpp"
#include "lesson/directives.hpp"
#include "render/lesson_text.hpp"
#include "render/stepper.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

std::string examples() {
  std::string text =
      tr("Examples:\n  gatelab lesson detach\n  mkdir -p slides && gatelab lesson staged-backprop --svg-dir slides/\n  "
         "gatelab lesson gates --html gates.html\n"
         "  gatelab lesson my-lesson.md --step\n"
         "Exit status: 0 every check passed; 1 a check failed; 2 no such lesson or a broken one.\n\n"
         "A lesson is Markdown with ```gatelab blocks; lines '#| KEY: VALUE' in a block are its\n"
         "directives (docs/lesson-format.md):\n");
  for (const Directive& d : lesson_directives())
    text += fmt::format("  #| {}{}\n", d.key, d.arguments.empty() ? "" : ": " + std::string(d.arguments));
  text.pop_back();
  return text;
}

void print(const std::vector<TraceLine>& lines) {
  for (const TraceLine& l : lines) std::cout << l.text << "\n";
}

struct LessonArgs {
  bool help = false, step = false, predict = false, no_color = false;
  std::string name, svg_dir, html;
};

po::options_description describe_options(LessonArgs& a) {
  po::options_description options;
  options.add_options()("help,h", po::bool_switch(&a.help), tr("show this help"))(
      "name", po::value(&a.name)->value_name("LESSON"),
      tr("the lesson's name (see gatelab lessons) or a lesson file's path"))(
      "svg-dir", po::value(&a.svg_dir)->value_name("DIR"),
      tr("draw each block's graph as DIR/LESSON-N[-NAME].svg, and its plots as ...-plot-K.svg"))(
      "html", po::value(&a.html)->value_name("F"), tr("write the whole lesson as one self-contained HTML page to F"))(
      "step", po::bool_switch(&a.step), tr("show each block's trace one step per Enter (q: the rest at once)"))(
      "predict", po::bool_switch(&a.predict), tr("with --step: type each value and gradient before it is shown"))(
      "no-color", po::bool_switch(&a.no_color), tr("no colour, even on a terminal"));
  return options;
}

}  // namespace

CommandHelp lesson_help() {
  static LessonArgs unused;
  return {describe_options(unused), examples()};
}

namespace {

// Where --svg-dir puts a block's diagram and its plots.
struct LessonPaths {
  const LessonFile& file;
  std::string svg_dir;
  std::string diagram(std::size_t block) const { return svg_dir + "/" + block_file_stem(file, block) + ".svg"; }
  std::string plot(std::size_t block, std::size_t k) const {
    return fmt::format("{}/{}-plot-{}.svg", svg_dir, block_file_stem(file, block), k + 1);
  }
};

// The page and the --svg-dir pictures, all written or none.
void write_lesson_files(const LessonFile& file, const std::vector<BlockOutcome>& runs, const LessonPaths& paths,
                        const std::string& html) {
  OutputFiles files;
  if (!html.empty()) {
    const auto assets = find_web_assets();  // none: a page without an editor
    files.add(html, lesson_page(file, runs, {.live = assets ? &*assets : nullptr}));
  }
  if (!paths.svg_dir.empty()) {
    files.add_dir(paths.svg_dir);  // made with its parents when missing
    Graphviz gv;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (!runs[i].has_graph()) continue;
      const Graph& g = runs[i].result.program.graph;
      const GateDiagram d = lay_out_gates(gv, g);
      SvgPicture picture = gate_picture(d, g, {});
      picture.caption = {{file.name + ": " + runs[i].title}};
      picture.width = caption_width(picture.caption);
      files.add(paths.diagram(i), diagram_svg(picture));
    }
    for (std::size_t i = 0; i < runs.size(); ++i)
      for (std::size_t k = 0; k < runs[i].plots.size(); ++k)
        files.add(paths.plot(i, k), curves_svg(runs[i].plots[k].curves,
                                               file.name + ", " + runs[i].title + ": " + plot_title(runs[i].plots[k])));
  }
  files.write();
}

// What the block ends with: its files, its failures, its checks.
void print_block_end(const BlockOutcome& run, std::size_t i, const LessonPaths& paths, const Paint& paint) {
  if (!paths.svg_dir.empty() && run.has_graph())
    std::cout << paint(style::dim, trf("  diagram: {}", paths.diagram(i))) << "\n";
  for (std::size_t k = 0; !paths.svg_dir.empty() && k < run.plots.size(); ++k)
    std::cout << paint(style::dim, trf("  plot: {}", paths.plot(i, k))) << "\n";
  for (const LessonFailure& f : run.failures)
    std::cout << paint(style::bad, tr("  FAILED ")) << located(f.where, failure_text(run, f)) << "\n";
  if (run.failures.empty() && run.checks > 0) std::cout << paint(style::good, "  " + checks_passed_text(run)) << "\n";
  std::cout << "\n";
}

// The lesson on the terminal: prose, each block's lines (stepped through or predicted with
// --step and --predict), and its checks. The exit status.
int print_lesson(const LessonFile& file, const std::vector<BlockOutcome>& runs, const LessonArgs& a,
                 const LessonPaths& paths) {
  const Paint paint = paint_for_stdout(a.no_color);
  const bool stepping = a.step && stdin_is_terminal();
  std::cout << paint(style::heading, file.lesson.title) << "\n" << paint(style::dim, file.lesson.summary) << "\n\n";
  int failures = 0;
  Asker asker(std::cin, std::cout, paint, !stdin_is_terminal(), std::nullopt);
  QuizScore score;
  int unasked = 0;
  bool predicting = a.predict;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    print(prose_lines(file.lesson.prose[i], paint));
    const BlockOutcome& run = runs[i];
    std::cout << paint(style::heading, fmt::format("── {} ", run.title)) << paint(style::dim, run.where.text()) << "\n";
    const auto lines = block_lines(file.lesson.blocks[i], run, paint);
    if (predicting) {
      predicting =
          predict_through(lines, run.result.program.graph, run.result.trace, asker, score, unasked, run.title + " ");
    } else {
      if (a.predict)
        unasked += static_cast<int>(quiz_steps(run.result.trace, QuizAsk::Both).size());  // after the learner stopped
      if (stepping && !a.predict)
        step_through(lines, {}, paint);
      else
        print(lines);
    }
    print_block_end(run, i, paths, paint);
    failures += static_cast<int>(run.failures.size());
  }
  print(prose_lines(file.lesson.prose.back(), paint));
  if (a.predict) print_score(std::cout, score, unasked, paint);
  const bool predictions_right = !a.predict || (score.right == score.asked && unasked == 0);
  return failures || !predictions_right ? exit_failed_check : exit_ok;
}

}  // namespace

int run_lesson(const std::vector<std::string>& args) {
  LessonArgs a;
  po::positional_options_description positional;
  positional.add("name", 1);
  if (parse_or_help(args, "lesson", describe_options(a), positional, a.help)) return exit_ok;
  if (a.name.empty()) throw UsageError(tr("name a lesson (gatelab lessons lists them)"));
  if (a.predict && !a.step) throw UsageError(tr("--predict goes with --step"));
  if (!a.svg_dir.empty()) check_output_dir(a.svg_dir, true);
  if (!a.html.empty()) check_output_file(a.html);
  const LessonFile file = find_lesson(a.name);
  // Run everything first, so a broken block stops the lesson before anything is written.
  std::vector<BlockOutcome> runs;
  for (std::size_t i = 0; i < file.lesson.blocks.size(); ++i) runs.push_back(run_block(file, i));
  if (!a.step && !a.predict) mark_repeated_traces(runs);  // stepping and predicting walk each block's trace
  const LessonPaths paths{file, a.svg_dir};
  write_lesson_files(file, runs, paths, a.html);
  return print_lesson(file, runs, a, paths);
}

}  // namespace gatelab::cli
