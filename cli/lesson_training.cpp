#include "lesson_training.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "expectations.hpp"
#include "gatelab/training.hpp"
#include "output_files.hpp"
#include "strings.hpp"

namespace gatelab::cli {

std::vector<TrainingExpectation> parse_training_expectations(int line, const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw Error("expected CONSTRAINT: KEY OP VALUE, ..., as in ste: test >= 0.93");
  const std::string constraint = trim(text.substr(0, colon));
  if (!constraint_from_name(constraint)) throw Error("'" + constraint + "' is no constraint (none, tanh, tanh01, round, ste)");
  std::vector<TrainingExpectation> out;
  for (const std::string& item : split_list(text.substr(colon + 1))) {
    TrainingExpectation e{line, constraint, "", "", "", 0};
    for (const char* op : {">=", "<=", "="}) {
      const auto at = item.find(op);
      if (at == std::string::npos) continue;
      e.key = trim(item.substr(0, at));
      e.op = op;
      e.value_text = trim(item.substr(at + std::string(op).size()));
      break;
    }
    static const std::vector<std::string> keys{"train", "valid", "test", "epochs", "best-epoch", "moved"};
    if (e.op.empty() || std::find(keys.begin(), keys.end(), e.key) == keys.end())
      throw Error("'" + item + "': expected KEY >= VALUE, KEY <= VALUE or KEY = VALUE with KEY one of train, valid, test, epochs, best-epoch, moved");
    const auto v = parse_number(e.value_text);
    if (!v) throw Error("'" + e.value_text + "' is not a number");
    e.value = *v;
    out.push_back(e);
  }
  return out;
}

namespace {

struct Outcome {
  TrainResult result;
  Evaluation train, valid, test;
  int moved = 0;  // parameters that ever received a non-zero gradient
};

double lookup(const Outcome& o, const std::string& key) {
  if (key == "train") return o.train.accuracy;
  if (key == "valid") return o.valid.accuracy;
  if (key == "test") return o.test.accuracy;
  if (key == "epochs") return o.result.epochs_run;
  if (key == "best-epoch") return o.result.best_epoch;
  return o.moved;
}

}  // namespace

std::vector<TrainingFailure> run_training_block(const TrainingPlan& plan, std::vector<TraceLine>& lines, int& checks,
                                                const Paint& paint) {
  const DataSplit split = parse_breast_cancer(read_file(plan.data));
  std::map<std::string, Outcome> outcomes;
  for (const std::string& name : plan.constraints) {
    Network net = build_network(*constraint_from_name(name));
    Trainer trainer(net, split);
    trainer.set_params(initial_params(net, Init::Torch, plan.seed));
    Outcome o{trainer.train({}), {}, {}, {}, 0};
    o.train = trainer.evaluate(split.train);
    o.valid = trainer.evaluate(split.valid);
    o.test = trainer.evaluate(split.test);
    for (unsigned char g : o.result.got_gradient) o.moved += g;
    outcomes[name] = o;
  }

  lines.push_back({0, paint(style::heading, "training") +
                          paint(style::dim, fmt::format("  (9-5-2, Adam lr 0.5, torch init seed {}, early stopping after 5000 epochs)", plan.seed))});
  lines.push_back({0, paint(style::dim, fmt::format("  {:<11} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>9}  {:>6}  {}", "constraint", "epochs",
                                                    "best", "train", "valid", "test", "test loss", "moved", "notebook"))});
  for (const std::string& name : plan.constraints) {
    const Outcome& o = outcomes[name];
    std::string published;
    for (const auto& [c, text] : plan.published)
      if (c == name) published = text;
    lines.push_back({0, fmt::format("  {:<11} {:>6} {:>6}  {:>6.4f} {:>6.4f} {:>6.4f}  {:>9.5f}  {:>6}  {}", name, o.result.epochs_run,
                                    o.result.best_epoch, o.train.accuracy, o.valid.accuracy, o.test.accuracy, o.test.loss,
                                    o.moved, published)});
  }

  std::vector<TrainingFailure> failures;
  for (const TrainingExpectation& e : plan.expectations) {
    ++checks;
    const auto it = outcomes.find(e.constraint);
    if (it == outcomes.end()) {
      failures.push_back({e.line, e.constraint + " is not trained in this block"});
      continue;
    }
    const double got = lookup(it->second, e.key);
    // "=" on a written decimal checks it to the precision written, as expectations do.
    Expectation written;
    written.expected = e.value;
    written.tolerance = parse_expectation("v=" + e.value_text, std::nullopt).tolerance;
    const bool ok = e.op == ">=" ? got >= e.value : e.op == "<=" ? got <= e.value : within_tolerance(got, written);
    if (!ok)
      failures.push_back({e.line, fmt::format("{}: {} {} {} expected, trained {}", e.constraint, e.key, e.op, e.value_text,
                                              fmt::format("{:.6g}", got))});
  }
  return failures;
}

}  // namespace gatelab::cli
