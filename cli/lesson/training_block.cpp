#include "lesson/training_block.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/support/translate.hpp"
#include "run/expectations.hpp"
#include "run/input_file.hpp"
#include "run/parse_text.hpp"
#include "run/training_run.hpp"

namespace gatelab::cli {

std::vector<TrainingExpectation> parse_training_expectations(const Location& where, const std::string& text) {
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw Error(tr("expected CONSTRAINT: KEY OP VALUE, ..., as in ste: test >= 0.93"));
  const std::string constraint = trim(text.substr(0, colon));
  if (!constraint_from_name(constraint))
    throw Error(trf("'{}' is no constraint ({})", constraint, joined(constraint_names())));
  std::vector<TrainingExpectation> out;
  for (const std::string& item : split_list(text.substr(colon + 1))) {
    TrainingExpectation e{where, constraint, "", "", {}, ""};
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
      throw Error(
          trf("'{}': expected KEY >= VALUE, KEY <= VALUE or KEY = VALUE with KEY one of train, valid, test, epochs, "
              "best-epoch, moved",
              item));
    e.value = written_answer(e.value_text);
    out.push_back(e);
  }
  return out;
}

TrainingRun run_training(const TrainingPlan& plan, const std::string& data_file) {
  const DataSplit split = read_data_split(data_file);
  TrainingRun run{plan.seed, {}};
  for (const std::string& name : plan.constraints) {
    Network net = build_network(*constraint_from_name(name));
    TrainedNetwork trained = train_network(net, split, {.init = Init::Torch, .seed = plan.seed});
    VariantOutcome o{name, std::move(trained), ""};
    for (const auto& [c, published] : plan.published)
      if (c == name) o.published = published;
    run.variants.push_back(std::move(o));
  }
  return run;
}

namespace {

double lookup(const VariantOutcome& o, const std::string& key) {
  const TrainedNetwork& t = o.trained;
  if (key == "train") return t.train.accuracy;
  if (key == "valid") return t.valid.accuracy;
  if (key == "test") return t.test.accuracy;
  if (key == "epochs") return t.result.epochs_run;
  if (key == "best-epoch") return t.result.best_epoch;
  return t.moved;
}

}  // namespace

std::vector<TrainingFailure> check_training(const TrainingPlan& plan, const TrainingRun& run) {
  std::vector<TrainingFailure> failures;
  for (const TrainingExpectation& e : plan.expectations) {
    const auto it = std::find_if(run.variants.begin(), run.variants.end(),
                                 [&](const VariantOutcome& o) { return o.constraint == e.constraint; });
    if (it == run.variants.end()) {
      failures.push_back({e.where, trf("{} is not trained in this block", e.constraint)});
      continue;
    }
    const double got = lookup(*it, e.key);
    const double v = e.value.value;
    const bool ok = e.op == ">=" ? got >= v : e.op == "<=" ? got <= v : judge(e.value, Truth{got}) == Verdict::Right;
    if (!ok)
      failures.push_back({e.where, trf("{}: {} {} {} expected, trained {}", e.constraint, e.key, e.op, e.value_text,
                                       fmt::format("{:.6g}", got))});
  }
  return failures;
}

}  // namespace gatelab::cli
