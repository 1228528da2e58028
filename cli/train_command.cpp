#include "train_command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "diagrams.hpp"
#include "svg.hpp"
#include "exit_codes.hpp"
#include "gatelab/dot.hpp"
#include "gatelab/training.hpp"
#include "lesson_library.hpp"
#include "loss_plot.hpp"
#include "options.hpp"
#include "output_files.hpp"
#include "trace_text.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

const char* const examples = R"(Examples:
  gatelab train --constraint ste
  gatelab train --constraint tanh --seed 1 --json > tanh.json
  gatelab train --constraint round --max-epochs 1000
  gatelab train --constraint ste --save-weights ste.json; gatelab train --constraint ste --init-weights ste.json
  gatelab train --constraint ste --trace-sample 0 --svg row0.svg
  gatelab train --constraint tanh01 --loss-svg tanh01-loss.svg
Exit status: 0 trained; 2 an option or the data file is wrong.)";

const char* map_text(Constraint c) {
  switch (c) {
    case Constraint::None: return "nn.Linear layers, no constraint";
    case Constraint::Tanh: return "W = tanh(W')";
    case Constraint::Tanh01: return "W = (tanh(W') + 1) / 2";
    case Constraint::Round: return "W = round(W') * 0.1";
    case Constraint::Ste: return "W = ste(round(W'), W') * 0.1, i.e. (detach(round(W')) - detach(W') + W') * 0.1";
  }
  return "";
}

struct TrainArgs {
  std::string constraint, init = "torch", data, dot, svg, loss_svg, init_weights, save_weights;
  unsigned seed = 0;
  double lr = 0.5;
  int patience = 5000, max_epochs = 100000, trace_sample = -1, trace_epoch = -1;
  bool json = false, no_color = false, help = false;
};

// Parameters per layer as nested arrays: W' as (in + 1) rows of out values, or for the
// plain network {"weight": out rows of in values, "bias": out values}.
nlohmann::ordered_json params_json(const Network& net, const std::vector<double>& flat) {
  auto rows = [](const double* v, int n_rows, int n_cols) {
    nlohmann::ordered_json m = nlohmann::ordered_json::array();
    for (int i = 0; i < n_rows; ++i) m.push_back(std::vector<double>(v + i * n_cols, v + (i + 1) * n_cols));
    return m;
  };
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::size_t at = 0;
  for (const Layer& l : net.layers) {
    const double* v = flat.data() + at;
    if (net.constraint == Constraint::None)
      out.push_back({{"weight", rows(v, l.out, l.in)}, {"bias", std::vector<double>(v + l.in * l.out, v + (l.in + 1) * l.out)}});
    else
      out.push_back(rows(v, l.in + 1, l.out));
    at += l.params.size();
  }
  return out;
}

nlohmann::ordered_json weights_json(const Network& net, const std::vector<double>& flat) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::size_t at = 0;
  for (const Layer& l : net.layers) {
    nlohmann::ordered_json m = nlohmann::ordered_json::array();
    for (int i = 0; i <= l.in; ++i, at += static_cast<std::size_t>(l.out))
      m.push_back(std::vector<double>(flat.begin() + static_cast<std::ptrdiff_t>(at), flat.begin() + static_cast<std::ptrdiff_t>(at + static_cast<std::size_t>(l.out))));
    out.push_back(m);
  }
  return out;
}

// Reads parameters saved by --save-weights: {"constraint": C, "params": <params_json>}.
std::vector<double> load_params(const std::string& path, const Network& net, const std::string& constraint) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(read_file(path));
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": not JSON (" + std::string(e.what()) + ")");
  }
  auto fail = [&](const std::string& why) -> std::vector<double> { throw Error(path + ": " + why); };
  if (!j.is_object() || !j.contains("params")) return fail("expected an object with \"params\", as --save-weights writes");
  if (j.value("constraint", constraint) != constraint)
    return fail("saved for --constraint " + j["constraint"].get<std::string>() + ", not " + constraint);
  std::vector<double> flat;
  auto take = [&](const nlohmann::json& v) {
    if (!v.is_number()) fail("every parameter must be a number");
    flat.push_back(v.get<double>());
  };
  const auto& layers = j["params"];
  if (!layers.is_array() || layers.size() != net.layers.size()) return fail("expected " + std::to_string(net.layers.size()) + " layers");
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const Layer& l = net.layers[k];
    const auto& layer = layers[k];
    const bool plain = net.constraint == Constraint::None;
    const nlohmann::json& matrix = plain ? layer.value("weight", nlohmann::json()) : layer;
    const int rows = plain ? l.out : l.in + 1, cols = plain ? l.in : l.out;
    if (!matrix.is_array() || static_cast<int>(matrix.size()) != rows)
      return fail(fmt::format("layer {}: expected {} rows of {}", k + 1, rows, cols));
    for (const auto& row : matrix) {
      if (!row.is_array() || static_cast<int>(row.size()) != cols) return fail(fmt::format("layer {}: expected {} rows of {}", k + 1, rows, cols));
      for (const auto& v : row) take(v);
    }
    if (plain) {
      const auto& bias = layer.value("bias", nlohmann::json());
      if (!bias.is_array() || static_cast<int>(bias.size()) != l.out) return fail(fmt::format("layer {}: expected {} biases", k + 1, l.out));
      for (const auto& v : bias) take(v);
    }
  }
  return flat;
}

// The learned W as the notebook prints it: one matrix per layer, 4 decimals.
void print_weights(const Network& net, const std::vector<double>& w, const Paint& paint) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const Layer& l = net.layers[k];
    std::cout << paint(style::heading, fmt::format("W of layer {}", k + 1))
              << paint(style::dim, fmt::format("  ({} x {}; the last row multiplies the extended 1: the bias)", l.in + 1, l.out)) << "\n";
    for (int i = 0; i <= l.in; ++i) {
      std::string row = i == 0 ? "  [[" : "   [";
      for (int j = 0; j < l.out; ++j) row += fmt::format("{}{:8.4f}", j ? ", " : "", w[at++]);
      std::cout << row << (i == l.in ? "]]" : "],") << "\n";
    }
  }
}

void print_no_gradient(const Network& net, const TrainResult& r, const Paint& paint) {
  const auto ids = net.parameters();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (!r.got_gradient[i]) names.push_back(std::string(net.graph.name(ids[i])));
  std::cout << paint(style::heading, "parameters that never received a non-zero gradient: ");
  if (names.empty()) std::cout << "none\n";
  else if (names.size() == ids.size()) std::cout << paint(style::bad, fmt::format("all {} (the weight map's derivative is 0: training cannot move them)", ids.size())) << "\n";
  else std::cout << fmt::format("{} of {}: {}", names.size(), ids.size(), fmt::join(names, ", ")) << "\n";
}

// A progress line on a terminal's stderr, rewritten in place.
struct Progress {
  bool on = ::isatty(STDERR_FILENO);
  void show(const EpochLog& e, int max_epochs) const {
    if (!on || e.epoch % 100 != 0) return;
    const int width = 30, filled = static_cast<int>(static_cast<double>(e.epoch) / max_epochs * width);
    std::cerr << fmt::format("\r  [{}{}] epoch {:6}  train {:.5f}  valid {:.5f} ", std::string(static_cast<std::size_t>(filled), '#'),
                             std::string(static_cast<std::size_t>(width - filled), ' '), e.epoch, e.train_loss, e.valid_loss)
              << std::flush;
  }
  void clear() const {
    if (on) std::cerr << "\r" << std::string(80, ' ') << "\r" << std::flush;
  }
};

void trace_row(Network& net, const Samples& s, int row, const TrainArgs& a, const Paint& paint) {
  for (std::size_t f = 0; f < s.features; ++f) net.graph.set_value(net.features[f], s.at(static_cast<std::size_t>(row), f));
  for (std::size_t k = 0; k < net.labels.size(); ++k)
    net.graph.set_value(net.labels[k], static_cast<int>(k) == s.y[static_cast<std::size_t>(row)]);
  Trace trace;
  net.graph.forward(&trace);
  net.graph.zero_grad();
  net.graph.backward(net.loss, &trace);
  if (!a.json) {
    std::cout << "\n"
              << paint(style::heading, a.trace_epoch < 0 ? fmt::format("train row {} with the final weights", row)
                                                         : fmt::format("train row {} at the start of epoch {}", row, a.trace_epoch))
              << "\n";
    for (const auto& l : forward_lines(net.graph, trace, paint)) std::cout << l.text << "\n";
    std::cout << "\n";
    for (const auto& l : backward_lines(net.graph, net.loss, trace, paint)) std::cout << l.text << "\n";
  }
  if (a.dot.empty() && a.svg.empty()) return;
  DotOptions drawing;
  drawing.title = fmt::format("train row {} (label {}), constraint {}", row, s.y[static_cast<std::size_t>(row)], a.constraint);
  for (std::size_t l = 0; l < net.layers.size(); ++l)
    for (std::size_t u = 0; u < net.layers[l].units.size(); ++u)
      drawing.clusters.push_back({fmt::format("layer {} unit {}", l + 1, u), net.layers[l].units[u]});
  const std::string dot = to_dot(net.graph, drawing);
  std::vector<std::pair<std::string, std::string>> files;
  if (!a.dot.empty()) files.emplace_back(a.dot, dot);
  if (!a.svg.empty()) files.emplace_back(a.svg, SvgRenderer().render(dot));
  for (const auto& [path, content] : files) write_file_atomically(path, content);
}

}  // namespace

int run_train(const std::vector<std::string>& args) {
  TrainArgs a;
  po::options_description options("gatelab train --constraint C [options]\n\nTrains the 9-5-2 sigmoid network of the constrained-networks notebook on the\nbreast-cancer data: full-batch Adam, early stopping, the notebook's log.\nOptions");
  options.add_options()("help,h", po::bool_switch(&a.help), "show this help")(
      "constraint", po::value(&a.constraint)->value_name("C"), "none, tanh, tanh01, round or ste")(
      "seed", po::value(&a.seed)->value_name("S"), "seed of the initial weights (default 0)")(
      "init", po::value(&a.init)->value_name("torch|uniform"), "torch: PyTorch's initial weights bit for bit (default); uniform: U(±1/sqrt(in+1))")(
      "init-weights", po::value(&a.init_weights)->value_name("F"), "start from the parameters saved in F by --save-weights")(
      "save-weights", po::value(&a.save_weights)->value_name("F"), "save the final parameters to F (JSON)")(
      "lr", po::value(&a.lr)->value_name("LR"), "Adam's learning rate (default 0.5)")(
      "patience", po::value(&a.patience)->value_name("N"), "epochs without a better valid loss before stopping (default 5000)")(
      "max-epochs", po::value(&a.max_epochs)->value_name("N"), "at most this many epochs (default 100000)")(
      "data", po::value(&a.data)->value_name("F"), "the data file (default: lessons/data/breast-cancer-wisconsin.data)")(
      "json", po::bool_switch(&a.json), "print one JSON object: losses per epoch, accuracies, weights")(
      "loss-svg", po::value(&a.loss_svg)->value_name("F"), "draw train and valid loss per epoch as SVG (PLplot)")(
      "trace-sample", po::value(&a.trace_sample)->value_name("R"), "print the gate-by-gate trace of train row R with the final weights")(
      "trace-epoch", po::value(&a.trace_epoch)->value_name("E"), "with --trace-sample: trace with the weights at the start of epoch E (default: the final weights)")(
      "dot", po::value(&a.dot)->value_name("F"), "with --trace-sample: that row's graph as DOT")(
      "svg", po::value(&a.svg)->value_name("F"), "with --trace-sample: that row's graph as SVG")(
      "no-color", po::bool_switch(&a.no_color), "no colour, even on a terminal");
  po::positional_options_description none;
  parse_command_line(args, options, none);
  if (a.help) {
    std::cout << options << "\n" << examples << "\n";
    return exit_ok;
  }
  const auto constraint = constraint_from_name(a.constraint);
  if (!constraint) throw UsageError(a.constraint.empty() ? "--constraint is required: none, tanh, tanh01, round or ste"
                                                          : "--constraint '" + a.constraint + "': expected none, tanh, tanh01, round or ste");
  if (a.init != "torch" && a.init != "uniform") throw UsageError("--init '" + a.init + "': expected torch or uniform");
  if (!(a.lr > 0)) throw UsageError("--lr must be a number > 0");
  if (a.patience < 0 || a.max_epochs < 1) throw UsageError("--patience must be >= 0 and --max-epochs >= 1");
  if ((!a.dot.empty() || !a.svg.empty()) && a.trace_sample < 0) throw UsageError("--dot and --svg draw the row chosen with --trace-sample");
  if (a.trace_epoch >= 0 && a.trace_sample < 0) throw UsageError("--trace-epoch goes with --trace-sample");
  if (a.trace_epoch >= a.max_epochs) throw UsageError("--trace-epoch must be below --max-epochs");
  check_diagram_paths({a.dot, a.svg, ""});
  if (!a.loss_svg.empty()) check_writable(a.loss_svg);
  if (!a.save_weights.empty()) check_writable(a.save_weights);
  if (a.data.empty()) a.data = lessons_dir() + "/data/breast-cancer-wisconsin.data";
  DataSplit split;
  try {
    split = parse_breast_cancer(read_file(a.data));
  } catch (const Error& e) {
    const std::string what = e.what();
    throw Error(what.rfind("cannot read", 0) == 0 ? what : a.data + ": " + what);
  }
  if (a.trace_sample >= static_cast<int>(split.train.size()))
    throw UsageError(fmt::format("--trace-sample {}: the train set has rows 0 to {}", a.trace_sample, split.train.size() - 1));

  Network net = build_network(*constraint);
  Trainer trainer(net, split);
  const auto initial = a.init_weights.empty() ? initial_params(net, a.init == "torch" ? Init::Torch : Init::Uniform, a.seed)
                                              : load_params(a.init_weights, net, a.constraint);
  trainer.set_params(initial);
  const Paint paint = a.json ? Paint{} : paint_for_stdout(a.no_color);
  if (!a.json)
    std::cout << paint(style::heading, fmt::format("9-5-2 sigmoid network, constraint {}", a.constraint)) << "  "
              << paint(style::dim, map_text(*constraint)) << "\n"
              << paint(style::dim, fmt::format("{}: {} train, {} valid, {} test rows; Adam lr {}, {} init, seed {}", a.data,
                                               split.train.size(), split.valid.size(), split.test.size(), a.lr, a.init, a.seed))
              << "\n";

  TrainOptions o;
  o.lr = a.lr;
  o.patience = a.patience;
  o.max_epochs = a.max_epochs;
  const Progress progress{!a.json && ::isatty(STDERR_FILENO)};
  std::vector<double> traced_params = initial;  // the weights at the start of --trace-epoch
  const auto started = std::chrono::steady_clock::now();
  const TrainResult r = trainer.train(o, [&](const EpochLog& e) {
    if (!a.json && e.epoch % 500 == 0) {
      progress.clear();
      std::cout << fmt::format("Epoch: {} | Train loss: {:.5f} | Valid loss: {:.5f} |", e.epoch, e.train_loss, e.valid_loss) << std::endl;
    }
    progress.show(e, o.max_epochs);
    if (e.epoch + 1 == a.trace_epoch) traced_params = trainer.params();
  });
  progress.clear();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const Evaluation tr = trainer.evaluate(split.train), va = trainer.evaluate(split.valid), te = trainer.evaluate(split.test);
  const auto weights = trainer.weights();
  if (a.json) {
    nlohmann::ordered_json j;
    j["constraint"] = a.constraint;
    j["seed"] = a.seed;
    j["init"] = a.init;
    j["epochs_run"] = r.epochs_run;
    j["best_epoch"] = r.best_epoch;
    j["stopped_early"] = r.stopped_early;
    j["train_seconds"] = seconds;  // wall time of the training loop alone
    j["train_loss"] = r.train_loss;
    j["valid_loss"] = r.valid_loss;
    j["accuracy"] = {{"train", tr.accuracy}, {"valid", va.accuracy}, {"test", te.accuracy}};
    j["loss"] = {{"train", tr.loss}, {"valid", va.loss}, {"test", te.loss}};
    j["initial_params"] = params_json(net, initial);
    j["final_params"] = params_json(net, trainer.params());
    j["final_weights"] = weights_json(net, weights);
    nlohmann::ordered_json never = nlohmann::ordered_json::array();
    const auto ids = net.parameters();
    for (std::size_t i = 0; i < ids.size(); ++i)
      if (!r.got_gradient[i]) never.push_back(std::string(net.graph.name(ids[i])));
    j["never_got_gradient"] = never;
    std::cout << j.dump() << "\n";
  } else {
    std::cout << (r.stopped_early ? fmt::format("Early stop: no better valid loss for {} epochs after epoch {}.\n", a.patience, r.best_epoch)
                                  : fmt::format("Stopped after --max-epochs {}.\n", a.max_epochs))
              << fmt::format("Finished: {} epochs; the weights of epoch {} (best valid loss) are kept.\n\n", r.epochs_run, r.best_epoch)
              << fmt::format("The accuracy on train set is {:.4f}, on valid set is {:.4f}, on test set is {:.4f}.\n", tr.accuracy,
                             va.accuracy, te.accuracy)
              << fmt::format("The loss on train set is {:.5f}, on valid set is {:.5f}, on test set is {:.5f} (it cannot go below log(1 + 1/e) = {:.5f}).\n\n",
                             tr.loss, va.loss, te.loss, two_class_loss_floor);
    print_weights(net, weights, paint);
    print_no_gradient(net, r, paint);
  }
  if (!a.save_weights.empty()) {
    nlohmann::ordered_json saved{{"constraint", a.constraint}};
    saved["params"] = params_json(net, trainer.params());
    write_file_atomically(a.save_weights, saved.dump(2) + "\n");
  }
  if (!a.loss_svg.empty())
    write_loss_svg(a.loss_svg, r.train_loss, r.valid_loss, two_class_loss_floor,
                   fmt::format("constraint {}: best valid loss at epoch {}", a.constraint, r.best_epoch));
  if (a.trace_sample < 0) return exit_ok;
  if (a.trace_epoch >= r.epochs_run) throw Error(fmt::format("--trace-epoch {}: training stopped after {} epochs", a.trace_epoch, r.epochs_run));
  if (a.trace_epoch >= 0) trainer.set_params(traced_params);
  trace_row(net, split.train, a.trace_sample, a, paint);
  return exit_ok;
}

}  // namespace gatelab::cli
