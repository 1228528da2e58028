// gatelab eval: a program in; its trace, diagrams and checks out.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <optional>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "commands/option_values.hpp"
#include "files/diagrams.hpp"
#include "files/pages.hpp"
#include "render/asker.hpp"
#include "render/eval_json.hpp"
#include "render/eval_text.hpp"
#include "render/stepper.hpp"
#include "run/evaluation.hpp"
#include "run/input_file.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

const char* const examples = tr_later(R"(Examples:
  gatelab eval 'y = x^2 + 1' --at x=2
      ...
        [5] pow#2 → x   1 × 4 = 4   grad(x) = 4
        ...
        y (output)  5      1
  gatelab eval 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4 --json
  gatelab eval --file staged.gl --at x=3 --at y=-4 --expect 'f=1.5456' --expect 'grad(x)=2.0596'
  gatelab eval 'y = relu(x) * 3' --at x=0 --gradcheck
  gatelab eval 'f = 1/(exp(-(w*x + b)) + 1)' --at x=1 --at w=0 --at b=0 --mode forward --tangent w=1
  gatelab eval 'y = x*x + 1' --at x=2 --svg y.svg --frames frames/
  gatelab eval 'y = sum(W @ v)' --at 'W=[[1, 2], [3, 4]]' --at 'v=[1, 2]' --expect 'grad(v)=[4, 6]'
  gatelab eval --file staged.gl --at x=3 --at y=-4 --html staged.html
Exit status: 0 all good; 1 backward impossible, an expectation or gradient check failed;
2 the program, an option or a file is wrong.)");

struct EvalOptions {
  std::string program;
  std::string file;
  std::vector<std::string> at, tangents, expects;
  std::optional<double> tol;
  std::string mode = "reverse";
  DiagramRequest diagrams;
  std::string html;
  bool json = false, gradcheck = false, step = false, predict = false, no_color = false, help = false;
};

po::options_description describe_options(EvalOptions& o) {
  po::options_description d;
  d.add_options()("help,h", po::bool_switch(&o.help), tr("show this help"))("program", po::value(&o.program),
                                                                            tr("the program text (or use --file)"))(
      "file", po::value(&o.file)->value_name("F"), tr("read the program from file F"))(
      "at", po::value(&o.at)->composing()->value_name("NAME=VALUE"), tr("the value of an input (repeat for each)"))(
      "json", po::bool_switch(&o.json), tr("print one JSON object instead of the text trace"))(
      "dot", po::value(&o.diagrams.dot_path)->value_name("F"), tr("write the graph as Graphviz DOT to F"))(
      "svg", po::value(&o.diagrams.svg_path)->value_name("F"), tr("draw the graph as SVG to F"))(
      "pdf", po::value(&o.diagrams.pdf_path)->value_name("F"),
      tr("draw the graph as PDF to F (Graphviz's cairo renderer)"))(
      "html", po::value(&o.html)->value_name("F"),
      tr("write one self-contained HTML page to F: step through the trace, click nodes, quiz yourself"))(
      "frames", po::value(&o.diagrams.frames_dir)->value_name("DIR"),
      tr("write step-NNN.dot/.svg, one per trace step, into DIR (made if missing)"))(
      "mode", po::value(&o.mode)->value_name("reverse|forward"), tr("reverse (default) or forward mode"))(
      "tangent", po::value(&o.tangents)->composing()->value_name("NAME=DOT"),
      tr("forward mode's direction, one input at a time"))("gradcheck", po::bool_switch(&o.gradcheck),
                                                           tr("compare gradients with central differences"))(
      "expect", po::value(&o.expects)->composing()->value_name("NAME=VALUE"),
      tr("check a value or grad(NAME) you derived by hand"))(
      "tol", po::value<double>()->value_name("T")->notifier([&o](double t) { o.tol = t; }),
      tr("tolerance of every --expect (default: the precision written)"))(
      "step", po::bool_switch(&o.step), tr("show one trace step per Enter (q quits)"))(
      "predict", po::bool_switch(&o.predict), tr("with --step: type each value and gradient before it is shown"))(
      "no-color", po::bool_switch(&o.no_color), tr("no colour, even on a terminal"));
  return d;
}

// Checks the options and reads every value in them, before any work is done.
EvalRequest request_for(const EvalOptions& o) {
  if (o.program.empty() == o.file.empty())
    throw UsageError(tr("give the program as an argument or with --file, not both or neither"));
  if (o.mode != "reverse" && o.mode != "forward")
    throw UsageError(trf("--mode '{}': expected reverse or forward", o.mode));
  if (o.mode == "forward" && o.tangents.empty())
    throw UsageError(tr("--mode forward needs a direction: add --tangent NAME=DOT for one or more inputs"));
  if (o.mode != "forward" && !o.tangents.empty()) throw UsageError(tr("--tangent goes with --mode forward"));
  if (o.tol && !(*o.tol >= 0 && std::isfinite(*o.tol))) throw UsageError(tr("--tol must be a finite number >= 0"));
  if (o.predict && (!o.step || o.json)) throw UsageError(tr("--predict goes with --step (and not with --json)"));
  EvalRequest request;
  request.at = bindings_option("--at", o.at);
  request.tangents = bindings_option("--tangent", o.tangents);
  request.expectations = expectations_option("--expect", o.expects, o.tol);
  request.gradcheck = o.gradcheck;
  check_diagram_paths(o.diagrams);
  if (!o.html.empty()) check_output_file(o.html);
  request.text = o.file.empty() ? o.program : read_file(o.file);
  request.source.file = o.file;
  return request;
}

}  // namespace

CommandHelp eval_help() {
  static EvalOptions unused;
  return {describe_options(unused), tr(examples)};
}

int run_eval(const std::vector<std::string>& args) {
  EvalOptions o;
  const po::options_description options = describe_options(o);
  po::positional_options_description positional;
  positional.add("program", 1);
  if (parse_or_help(args, "eval", options, positional, o.help)) return exit_ok;
  const EvalRequest request = request_for(o);
  const EvalResult r = evaluate(request);

  OutputFiles files;
  add_diagrams(files, o.diagrams, r.program.graph, r.trace, array_boxes(r.program));
  if (!o.html.empty()) {
    const auto assets = find_web_assets();  // none: a page without an editor
    files.add(o.html,
              eval_page(r, o.file.empty() ? "gatelab eval" : o.file, request, {.live = assets ? &*assets : nullptr}));
  }
  files.write();

  bool predictions_right = true;
  if (o.json) {
    std::cout << report_json(r).dump(2) << "\n";
  } else {
    const Paint paint = paint_for_stdout(o.no_color);
    const auto lines = report_lines(r, paint);
    if (o.predict) {
      Asker asker(std::cin, std::cout, paint, !stdin_is_terminal(), o.tol);
      QuizScore score;
      int unasked = 0;
      std::cout << paint(style::dim,
                         tr("Type each number before it is shown; ? for a hint, s to skip, q to show the rest."))
                << "\n\n";
      predict_through(lines, r.program.graph, r.trace, asker, score, unasked);
      std::cout << "\n";
      print_score(std::cout, score, unasked, paint);
      predictions_right = score.right == score.asked && unasked == 0;
    } else if (o.step && stdin_is_terminal()) {
      step_through(lines, frame_files(o.diagrams, r.trace.size()), paint);
    } else {
      for (const TraceLine& l : lines) std::cout << l.text << "\n";
    }
  }
  std::cout.flush();
  if (r.backward_error) std::cerr << "gatelab: " << r.backward_error->message << "\n";
  return all_passed(r) && predictions_right ? exit_ok : exit_failed_check;
}

}  // namespace gatelab::cli
