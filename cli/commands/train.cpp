// gatelab train: the constrained networks of the source notebook, trained on the
// breast-cancer data in gatelab's own engine.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>

#include "commands/command_line.hpp"
#include "commands/commands.hpp"
#include "files/diagrams.hpp"
#include "files/loss_plot.hpp"
#include "files/pages.hpp"
#include "files/weights_file.hpp"
#include "gatelab/teach/dot.hpp"
#include "lesson/lessons_folder.hpp"
#include "render/train_report.hpp"
#include "run/input_file.hpp"
#include "run/location.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

const char* const examples = tr_later(R"(Examples:
  gatelab train --constraint ste
  gatelab train --constraint tanh --seed 1 --json > tanh.json
  gatelab train --constraint round --max-epochs 1000
  gatelab train --constraint ste --save-weights ste.json; gatelab train --constraint ste --init-weights ste.json
  gatelab train --constraint ste --trace-sample 0 --svg row0.svg
  gatelab train --constraint ste --trace-sample 0 --max-epochs 10 --html row0.html
  gatelab train --constraint tanh01 --loss-svg tanh01-loss.svg
Exit status: 0 trained; 2 an option or the data file is wrong.)");

constexpr int not_given = std::numeric_limits<int>::min();  // --trace-sample or --trace-epoch not given

struct TrainArgs {
  std::string constraint, init = "torch", data, loss_svg, init_weights, save_weights, html;
  DiagramRequest row_diagram;  // of the --trace-sample row
  unsigned seed = 0;
  double lr = 0.5;
  int patience = 5000, max_epochs = 100000, trace_sample = not_given, trace_epoch = not_given;
  bool json = false, no_color = false, help = false, log_epochs = false;
};

// "none|tanh|tanh01|round|ste", as the help shows --constraint's value.
std::string constraint_choices() {
  std::string out;
  for (const std::string& name : constraint_names()) out += (out.empty() ? "" : "|") + name;
  return out;
}

po::options_description describe_options(TrainArgs& a) {
  po::options_description d;
  d.add_options()("help,h", po::bool_switch(&a.help), tr("show this help"))(
      "constraint", po::value(&a.constraint)->value_name(constraint_choices()),
      tr("the constraint on the weights W = g(W') (see docs/cli.md)"))("seed", po::value(&a.seed)->value_name("S"),
                                                                       tr("seed of the initial weights (default 0)"))(
      "init", po::value(&a.init)->value_name("torch|uniform"),
      tr("torch: PyTorch's initial weights bit for bit (default); uniform: U(±1/sqrt(in+1))"))(
      "init-weights", po::value(&a.init_weights)->value_name("F"),
      tr("start from the parameters saved in F by --save-weights"))(
      "save-weights", po::value(&a.save_weights)->value_name("F"), tr("save the final parameters to F (JSON)"))(
      "lr", po::value(&a.lr)->value_name("LR"), tr("Adam's learning rate (default 0.5)"))(
      "patience", po::value(&a.patience)->value_name("N"),
      tr("epochs without a better valid loss before stopping (default 5000)"))(
      "max-epochs", po::value(&a.max_epochs)->value_name("N"), tr("at most this many epochs (default 100000)"))(
      "data", po::value(&a.data)->value_name("F"), tr("the data file (default: the one named below)"))(
      "json", po::bool_switch(&a.json), tr("print one JSON object: losses per epoch, accuracies, weights"))(
      "loss-svg", po::value(&a.loss_svg)->value_name("F"), tr("draw train and valid loss per epoch as SVG (PLplot)"))(
      "log-epochs", po::bool_switch(&a.log_epochs), tr("with --loss-svg: a logarithmic epoch axis"))(
      "trace-sample", po::value(&a.trace_sample)->value_name("R"),
      tr("print the gate-by-gate trace of train row R with the final weights"))(
      "trace-epoch", po::value(&a.trace_epoch)->value_name("E"),
      tr("with --trace-sample: trace with the weights at the start of epoch E (default: the final weights)"))(
      "dot", po::value(&a.row_diagram.dot_path)->value_name("F"), tr("with --trace-sample: that row's graph as DOT"))(
      "svg", po::value(&a.row_diagram.svg_path)->value_name("F"), tr("with --trace-sample: that row's graph as SVG"))(
      "pdf", po::value(&a.row_diagram.pdf_path)->value_name("F"), tr("with --trace-sample: that row's graph as PDF"))(
      "html", po::value(&a.html)->value_name("F"),
      tr("with --trace-sample: that row as one HTML page, a box per neuron that opens into its gates"))(
      "no-color", po::bool_switch(&a.no_color), tr("no colour, even on a terminal"));
  return d;
}

Constraint validate(TrainArgs& a) {
  const auto constraint = constraint_from_name(a.constraint);
  if (!constraint)
    throw UsageError(a.constraint.empty()
                         ? trf("--constraint is required: {}", alternatives(constraint_names()))
                         : trf("--constraint '{}': expected {}", a.constraint, alternatives(constraint_names())));
  if (a.init != "torch" && a.init != "uniform") throw UsageError(trf("--init '{}': expected torch or uniform", a.init));
  if (!(a.lr > 0 && std::isfinite(a.lr))) throw UsageError(tr("--lr must be a finite number > 0"));
  if (a.trace_sample != not_given && a.trace_sample < 0)
    throw UsageError(trf("--trace-sample {}: expected a row number, 0 or more", a.trace_sample));
  if (a.trace_epoch != not_given && a.trace_epoch < 0)
    throw UsageError(trf("--trace-epoch {}: expected an epoch, 0 or more", a.trace_epoch));
  if (a.patience < 0 || a.max_epochs < 1) throw UsageError(tr("--patience must be >= 0 and --max-epochs >= 1"));
  if ((a.row_diagram.any() || !a.html.empty()) && a.trace_sample < 0)
    throw UsageError(tr("--dot, --svg, --pdf and --html draw the row chosen with --trace-sample"));
  if (a.trace_epoch >= 0 && a.trace_sample < 0) throw UsageError(tr("--trace-epoch goes with --trace-sample"));
  if (a.log_epochs && a.loss_svg.empty()) throw UsageError(tr("--log-epochs goes with --loss-svg"));
  if (a.trace_epoch >= a.max_epochs) throw UsageError(tr("--trace-epoch must be below --max-epochs"));
  check_diagram_paths(a.row_diagram);
  if (!a.loss_svg.empty()) check_output_file(a.loss_svg);
  if (!a.html.empty()) check_output_file(a.html);
  if (!a.save_weights.empty()) check_output_file(a.save_weights);
  if (a.data.empty()) a.data = default_data_file();
  return *constraint;
}

// Reads a file's text, then parses it; a parse error is placed in the file.
template <class Parse>
auto read_and_parse(const std::string& path, Parse&& parse) {
  const std::string text = read_file(path);
  try {
    return parse(text);
  } catch (const Error& e) {
    throw placed_in(path, e);
  }
}

// Sets one train row's features and one-hot label, then runs forward and backward with a trace.
Trace trace_row(Network& net, const Samples& s, std::size_t row) {
  for (std::size_t f = 0; f < s.features; ++f) net.graph.set_value(net.features[f], s.at(row, f));
  for (std::size_t k = 0; k < net.labels.size(); ++k)
    net.graph.set_value(net.labels[k], static_cast<int>(k) == s.y[row]);
  Trace trace;
  net.graph.forward(&trace);
  net.graph.zero_grad();
  net.graph.backward(net.loss, &trace);
  return trace;
}

// The row's graph with one box per neuron.
DotOptions row_drawing(const Network& net, const std::string& title) {
  DotOptions drawing{.title = title};
  for (std::size_t l = 0; l < net.layers.size(); ++l)
    for (std::size_t u = 0; u < net.layers[l].units.size(); ++u)
      drawing.clusters.push_back({trf("layer {} unit {}", l + 1, u), net.layers[l].units[u]});
  return drawing;
}

std::string notes() {
  return trf("The default data file:\n  {}", default_data_file_for_help()) + "\n\n" + tr(examples);
}

// The weights file, the loss chart and the traced row's pictures and page, all written or
// none, after everything is computed. Returns the row's trace (empty without --trace-sample).
Trace write_train_files(const TrainArgs& a, Network& net, const DataSplit& split, const TrainSummary& s,
                        const std::vector<double>& traced_params) {
  OutputFiles files;
  if (!a.save_weights.empty()) files.add(a.save_weights, weights_file_text(net, a.constraint, s.trained.final_params));
  if (!a.loss_svg.empty())
    files.add(a.loss_svg,
              loss_svg({s.trained.result.train_loss, s.trained.result.valid_loss, two_class_loss_floor,
                        s.trained.result.best_epoch, a.log_epochs,
                        trf("constraint {}: best valid loss at epoch {}", a.constraint, s.trained.result.best_epoch)}));
  Trace row_trace;
  if (a.trace_sample >= 0) {
    if (a.trace_epoch >= 0) {  // the row with the weights at the start of that epoch, not the best ones
      const std::vector<double>& p = a.trace_epoch == 0 ? s.trained.initial_params : traced_params;
      const std::vector<NodeId> ids = net.parameters();
      for (std::size_t i = 0; i < ids.size(); ++i) net.graph.set_value(ids[i], p[i]);
    }
    const auto row = static_cast<std::size_t>(a.trace_sample);
    row_trace = trace_row(net, split.train, row);
    const std::string title = trf("train row {} (label {}), constraint {}", row, split.train.y[row], a.constraint);
    add_diagrams(files, a.row_diagram, net.graph, row_trace, row_drawing(net, title));
    if (!a.html.empty()) {
      std::string report;
      for (const auto& line : traced_row_lines(net, row_trace, title, Paint{})) report += line + "\n";
      files.add(a.html, row_page(net, row_trace, title, report));
    }
  }
  files.write();

  return row_trace;
}

}  // namespace

CommandHelp train_help() {
  static TrainArgs unused;
  return {describe_options(unused), notes()};
}

int run_train(const std::vector<std::string>& args) {
  TrainArgs a;
  const po::options_description options = describe_options(a);
  if (parse_or_help(args, "train", options, {}, a.help)) return exit_ok;
  const Constraint constraint = validate(a);
  const DataSplit split = read_data_split(a.data);
  if (a.trace_sample >= static_cast<int>(split.train.size()))
    throw UsageError(trf("--trace-sample {}: the train set has rows 0 to {}", a.trace_sample, split.train.size() - 1));

  Network net = build_network(constraint);
  TrainSummary s{a.constraint, a.init, a.data, a.seed, a.lr, a.patience, a.max_epochs, {}};
  TrainingSpec spec{a.init == "torch" ? Init::Torch : Init::Uniform,
                    a.seed,
                    std::nullopt,
                    {.lr = a.lr, .patience = a.patience, .max_epochs = a.max_epochs}};
  if (!a.init_weights.empty())
    spec.initial_params = read_and_parse(
        a.init_weights, [&](const std::string& text) { return parse_weights_file(text, net, a.constraint); });
  check_outputs_apart({a.row_diagram.dot_path, a.row_diagram.svg_path, a.row_diagram.pdf_path, a.loss_svg, a.html,
                       a.save_weights});  // before the training, not after it
  const Paint paint = a.json ? Paint{} : paint_for_stdout(a.no_color);
  if (!a.json) {
    for (const auto& line : train_heading(net, s, split.train.size(), split.valid.size(), split.test.size(), paint))
      std::cout << line << "\n";
    if (split.dropped > 0)
      std::cout << paint(style::dim,
                         trf("{} rows with '?' (a missing value) left out, as the notebook does", split.dropped))
                << "\n";
  }
  const Progress progress{!a.json && ::isatty(STDERR_FILENO)};
  std::vector<double> traced_params;  // the weights at the start of --trace-epoch, when it is after epoch 0
  s.trained = train_network(net, split, spec, [&](const EpochLog& e, const Trainer& trainer) {
    if (!a.json && e.epoch % 500 == 0) {
      progress.clear();
      std::cout << epoch_log_line(e) << std::endl;
    }
    progress.show(e, a.max_epochs);
    if (e.epoch + 1 == a.trace_epoch) traced_params = trainer.params();
  });
  progress.clear();
  if (a.trace_epoch >= s.trained.result.epochs_run)
    throw Error(trf("--trace-epoch {}: training stopped after {} epochs", a.trace_epoch, s.trained.result.epochs_run));

  const Trace row_trace = write_train_files(a, net, split, s, traced_params);
  if (a.json) {
    nlohmann::ordered_json record = train_json(net, s);
    record["dropped_rows"] = split.dropped;
    std::cout << record.dump() << "\n";
    return exit_ok;
  }
  for (const auto& line : train_result_lines(net, s, paint)) std::cout << line << "\n";
  if (a.trace_sample >= 0) {
    const std::string heading = a.trace_epoch < 0
                                    ? trf("train row {} with the final weights", a.trace_sample)
                                    : trf("train row {} at the start of epoch {}", a.trace_sample, a.trace_epoch);
    for (const auto& line : traced_row_lines(net, row_trace, heading, paint)) std::cout << line << "\n";
  }
  return exit_ok;
}

}  // namespace gatelab::cli
