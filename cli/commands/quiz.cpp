// gatelab quiz: the trace with its answers hidden; the learner types each number and is
// answered at once, with the mistakes that give a wrong one; --retry lets them try again,
// --json gives a teacher the record.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <limits>
#include <optional>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/option_values.hpp"
#include "lesson/block.hpp"
#include "render/asker.hpp"
#include "render/quiz_json.hpp"
#include "run/input_file.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

// xgettext:no-c-format ("1 % off" is no printf directive)
const char* const examples = tr_later(R"(Examples:
  gatelab quiz 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4
  gatelab quiz --file staged.gl --at x=3 --at y=-4 --ask grads
  gatelab quiz --lesson staged-backprop
  gatelab quiz --lesson detach --block 3
  printf '3\n-12\n' | gatelab quiz 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4 --ask values
      ...
      score: 2/2
  printf '%s\n' -4 4 '?' '?' 3 -4 -4 | gatelab quiz 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4 --ask grads --retry 1
      ...
          hint: f = q * z (mul: d/db = a): the message is grad(f) × df/dz
          hint: df/dz = 3, grad(f) = 1
      ...
      score: 4/4
  printf '3\n-12\n-4\n3\n-4\n-4\n' | gatelab quiz 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4 --json
      ...
      score: 6/6
      ...
          "text": "6/6"
At each prompt type a number (2.06, -3/2, １/４ and −12 are numbers; none says there is no
gradient); ? gives a hint and ? again a fuller one (the gate's rule, then its local partial,
then the number), s skips, q stops. An answer is right when it agrees to the digits you type
and is less than 1 % off (--tol T: within T). With --retry N a wrong answer is explained
without the right number and asked again, up to N more times. With --json the dialogue goes
to standard error and standard output gets one JSON object: each question, each answer with
its verdict and kind of mistake, and the mistakes counted by kind.
Exit status: 0 every answer right; 1 one was wrong, skipped or never given; 2 bad input.)");

constexpr int every_block = std::numeric_limits<int>::min();  // no --block given

struct QuizOptions {
  std::string program, file, lesson, ask = "both";
  std::vector<std::string> at;
  int block = every_block, retry = 0;
  std::optional<double> tol;
  bool no_color = false, help = false, json = false;
};

po::options_description describe_options(QuizOptions& o) {
  po::options_description d;
  d.add_options()("help,h", po::bool_switch(&o.help), tr("show this help"))(
      "program", po::value(&o.program), tr("the program text (or use --file or --lesson)"))(
      "file", po::value(&o.file)->value_name("F"), tr("read the program from file F"))(
      "at", po::value(&o.at)->composing()->value_name("NAME=VALUE"), tr("the value of an input (repeat for each)"))(
      "lesson", po::value(&o.lesson)->value_name("LESSON"), tr("quiz on a lesson's program blocks"))(
      "block", po::value(&o.block)->value_name("K"), tr("with --lesson: only block K (counted from 1)"))(
      "ask", po::value(&o.ask)->value_name("values|grads|both"),
      tr("what to ask for (default both: the values, then the gradients)"))(
      "tol", po::value<double>()->value_name("T")->notifier([&o](double t) { o.tol = t; }),
      tr("accept answers within ± T"))("retry", po::value(&o.retry)->value_name("N"),
                                       tr("let a wrong answer be tried again N more times, the answer not shown"))(
      "json", po::bool_switch(&o.json), tr("the record as JSON on standard output (the dialogue on standard error)"))(
      "no-color", po::bool_switch(&o.no_color), tr("no colour, even on a terminal"));
  return d;
}

struct Quiz {
  std::string title;  // "" for a lone program, "block 2 (fully-detached)" in a lesson
  EvalResult result;
};

std::vector<Quiz> quizzes_of(const QuizOptions& o) {
  const int sources = !o.program.empty() + !o.file.empty() + !o.lesson.empty();
  if (sources != 1) throw UsageError(tr("give one program: as an argument, with --file or with --lesson"));
  if (o.block != every_block && o.lesson.empty()) throw UsageError(tr("--block goes with --lesson"));
  if (!o.lesson.empty() && !o.at.empty())
    throw UsageError(tr("--at goes with a program; a lesson's blocks give their own values"));
  if (o.tol && !(*o.tol >= 0 && std::isfinite(*o.tol))) throw UsageError(tr("--tol must be a finite number >= 0"));
  if (o.retry < 0 || o.retry > 100) throw UsageError(tr("--retry must be a whole number from 0 to 100"));
  if (o.lesson.empty()) {
    EvalRequest request;
    request.at = bindings_option("--at", o.at);
    request.text = o.file.empty() ? o.program : read_file(o.file);
    request.source.file = o.file;
    return {{"", evaluate(request)}};
  }
  const LessonFile file = find_lesson(o.lesson);
  const auto blocks = static_cast<int>(file.lesson.blocks.size());
  if (o.block != every_block && (o.block < 1 || o.block > blocks))
    throw UsageError(trf("--block {}: lesson {} has blocks 1 to {}", o.block, file.name, blocks));
  std::vector<Quiz> quizzes;
  for (int i = 0; i < blocks; ++i) {
    if (o.block != every_block && i + 1 != o.block) continue;
    BlockOutcome run = run_block(file, static_cast<std::size_t>(i));
    if (!run.has_graph()) {
      if (o.block != every_block)
        throw UsageError(trf("--block {}: it trains networks and has no program to quiz on", o.block));
      continue;
    }
    quizzes.push_back({run.title, std::move(run.result)});
  }
  return quizzes;
}

}  // namespace

CommandHelp quiz_help() {
  static QuizOptions unused;
  return {describe_options(unused), tr(examples)};
}

int run_quiz(const std::vector<std::string>& args) {
  QuizOptions o;
  const po::options_description options = describe_options(o);
  po::positional_options_description positional;
  positional.add("program", 1);
  if (parse_or_help(args, "quiz", options, positional, o.help)) return exit_ok;
  const auto ask = quiz_ask_from(o.ask);
  if (!ask) throw UsageError(trf("--ask '{}': expected values, grads or both", o.ask));
  const std::vector<Quiz> quizzes = quizzes_of(o);

  std::ostream& out = o.json ? std::cerr : std::cout;  // the dialogue; with --json, stdout is the record
  const Paint paint = o.json ? Paint{} : paint_for_stdout(o.no_color);
  const bool terminal = stdin_is_terminal();
  Asker asker(std::cin, out, paint, !terminal, o.tol);
  asker.set_retries(o.retry);
  out << paint(style::heading, tr("quiz"))
      << paint(style::dim, tr("  (type a number; ? for a hint, again for more, s to skip, q to stop)")) << "\n";
  QuizScore score;
  int unasked = 0;
  bool going = true;
  for (const Quiz& q : quizzes) {
    const Graph& g = q.result.program.graph;
    const std::vector<int> steps = quiz_steps(q.result.trace, *ask);
    if (!going) {
      unasked += static_cast<int>(steps.size());
      continue;
    }
    out << "\n";
    if (!q.title.empty()) out << paint(style::heading, "── " + q.title) << "\n";
    std::string inputs;
    for (NodeId id : q.result.program.inputs)
      inputs += fmt::format("{}{} = {}", inputs.empty() ? "" : ", ", g.name(id), g.value(id));
    if (!inputs.empty()) out << paint(style::dim, trf("inputs: {}", inputs)) << "\n";
    if (q.result.backward_error && *ask != QuizAsk::Values)
      out << paint(style::note,
                   trf("backward is impossible here, so only values are asked: {}", q.result.backward_error->message))
          << "\n";
    const int before = score.asked;
    going = asker.ask_all(g, q.result.trace, steps, score, q.title.empty() ? "" : q.title + " ");
    if (!going) unasked += static_cast<int>(steps.size()) - (score.asked - before);
  }
  out << "\n";
  print_score(out, score, unasked, paint);
  if (o.json) std::cout << quiz_json(score, unasked).dump(2) << "\n";
  return score.right == score.asked && unasked == 0 ? exit_ok : exit_failed_check;
}

}  // namespace gatelab::cli
