#include "lesson_block.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "evaluation.hpp"
#include "gatelab/dot.hpp"
#include "lesson_descent.hpp"
#include "gatelab/network.hpp"
#include "lesson_training.hpp"
#include "lesson_tables.hpp"
#include "strings.hpp"

namespace gatelab::cli {

namespace {

struct Located {
  int line;
  Expectation expectation;
};

// What a block's directives ask for.
struct Plan {
  std::string name;
  EvalRequest request;
  std::vector<Located> expects;
  std::optional<std::string> expect_error;
  int expect_error_line = 0;
  std::vector<std::pair<std::string, CheckStatus>> gradcheck_statuses;
  int gradcheck_line = 0;
  std::string sweep_input;
  std::vector<double> sweep_values;
  std::vector<Column> show;
  std::vector<std::pair<double, Located>> expect_when;
  std::string difference_input;
  DescentSpec descent;
  bool descends = false;
  std::vector<std::pair<int, Located>> expect_step;  // after step N
  TrainingPlan training;
};

// Gives an input a value for the block's traced run unless '#| at:' already does.
void bind_default(Plan& plan, const std::string& name, double value) {
  const bool bound = std::any_of(plan.request.at.begin(), plan.request.at.end(), [&](const std::string& a) {
    return trim(a.substr(0, a.find('='))) == name;
  });
  if (!bound) plan.request.at.push_back(name + "=" + format_number(value));
}

double number_or_throw(const std::string& text) {
  const auto v = parse_number(text);
  if (!v) throw Error("'" + text + "' is not a number");
  return *v;
}

std::optional<CheckStatus> status_from(const std::string& s) {
  for (CheckStatus c : {CheckStatus::Match, CheckStatus::Mismatch, CheckStatus::Kink, CheckStatus::Surrogate})
    if (s == to_string(c)) return c;
  return std::nullopt;
}

Plan read_plan(const LessonFile& file, const LessonBlock& block, std::size_t index) {
  Plan plan;
  plan.name = fmt::format("{}", index + 1);
  plan.request.text = block.program;
  plan.request.source = {file.path, block.first_line};
  plan.request.at_label = "'#| at:'";
  plan.request.tangent_label = "'#| tangent:'";
  std::optional<double> tol;
  for (const LessonDirective& d : block.directives)
    if (d.key == "tol") {
      tol = parse_number(d.value);
      if (!tol || *tol < 0) throw Error(fmt::format("{}:{}: tol: '{}' is not a number >= 0", file.path, d.line, d.value));
    }
  for (const LessonDirective& d : block.directives) {
    const std::string where = fmt::format("{}:{}", file.path, d.line);
    auto need_value = [&] {
      if (d.value.empty()) throw Error(fmt::format("{}: '{}' needs a value", where, d.key));
    };
    try {
      if (d.key == "name") {
        need_value();
        plan.name = d.value;
      } else if (d.key == "at") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.request.at.push_back(item);
      } else if (d.key == "expect") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.expects.push_back({d.line, parse_expectation(item, tol)});
      } else if (d.key == "expect-error") {
        need_value();
        plan.expect_error = d.value;
        plan.expect_error_line = d.line;
      } else if (d.key == "tangent") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.request.tangents.push_back(item);
      } else if (d.key == "gradcheck") {
        plan.request.gradcheck = true;
        plan.gradcheck_line = d.line;
        for (const auto& [name, value] : [&] {
               std::vector<std::pair<std::string, std::string>> pairs;
               for (const auto& item : split_list(d.value)) {
                 const auto eq = item.find('=');
                 if (eq == std::string::npos) throw Error("expected INPUT = match|kink|surrogate, as in x = kink");
                 pairs.emplace_back(trim(item.substr(0, eq)), trim(item.substr(eq + 1)));
               }
               return pairs;
             }()) {
          const auto status = status_from(value);
          if (!status) throw Error("'" + value + "' is no gradcheck result (match, mismatch, kink, surrogate)");
          plan.gradcheck_statuses.emplace_back(name, *status);
        }
      } else if (d.key == "tol") {
        // read above
      } else if (d.key == "sweep") {
        need_value();
        const auto eq = d.value.find('=');
        if (eq == std::string::npos) throw Error("expected INPUT = V1, V2, ..., as in T = 1, 0.5");
        plan.sweep_input = trim(d.value.substr(0, eq));
        for (const auto& item : split_list(d.value.substr(eq + 1))) {
          const auto v = parse_number(item);
          if (!v) throw Error("'" + item + "' is not a number");
          plan.sweep_values.push_back(*v);
        }
        if (plan.sweep_values.empty()) throw Error("sweep needs at least one value");
      } else if (d.key == "show") {
        need_value();
        for (const auto& item : split_list(d.value)) plan.show.push_back(parse_column(item));
      } else if (d.key == "expect-when") {
        need_value();
        // expect-when: T = 0.2: p2 = 0.9998, p4 = 2.034e-04
        const auto colon = d.value.find(':');
        const auto eq = d.value.find('=');
        if (colon == std::string::npos || eq == std::string::npos || eq > colon)
          throw Error("expected INPUT = VALUE: NAME = VALUE, ..., as in T = 0.2: p2 = 0.9998");
        const auto at = parse_number(d.value.substr(eq + 1, colon - eq - 1));
        if (!at) throw Error("the sweep value is not a number");
        for (const auto& item : split_list(d.value.substr(colon + 1)))
          plan.expect_when.push_back({*at, {d.line, parse_expectation(item, tol)}});
      } else if (d.key == "difference-table") {
        need_value();
        plan.difference_input = d.value;
      } else if (d.key == "data") {
        need_value();
        const auto eq = d.value.find('=');
        if (eq == std::string::npos) throw Error("expected INPUT = V1, V2, ..., as in x = 1, 2, 3");
        std::vector<double> values;
        for (const auto& item : split_list(d.value.substr(eq + 1))) values.push_back(number_or_throw(item));
        plan.descent.data.emplace_back(trim(d.value.substr(0, eq)), values);
      } else if (d.key == "descend") {
        need_value();
        plan.descends = true;
        plan.descent.params = split_list(d.value);
      } else if (d.key == "lr") {
        need_value();
        plan.descent.lr = number_or_throw(d.value);
      } else if (d.key == "steps" || d.key == "batch") {
        need_value();
        const double v = d.key == "batch" && d.value == "all" ? 0 : number_or_throw(d.value);
        if (v < 0 || v != std::floor(v) || v > 1e6) throw Error("expected a whole number" + std::string(d.key == "batch" ? " or all" : ""));
        (d.key == "steps" ? plan.descent.steps : plan.descent.batch) = static_cast<int>(v);
      } else if (d.key == "train") {
        need_value();
        for (const auto& item : split_list(d.value)) {
          if (!constraint_from_name(item)) throw Error("'" + item + "' is no constraint (none, tanh, tanh01, round, ste)");
          plan.training.constraints.push_back(item);
        }
      } else if (d.key == "seed") {
        need_value();
        const double seed = number_or_throw(d.value);
        if (seed < 0 || seed != std::floor(seed) || seed > 4294967295.0) throw Error("expected a whole number >= 0");
        plan.training.seed = static_cast<unsigned>(seed);
      } else if (d.key == "published") {
        need_value();
        const auto eq = d.value.find('=');
        if (eq == std::string::npos) throw Error("expected CONSTRAINT = TEXT");
        plan.training.published.emplace_back(trim(d.value.substr(0, eq)), trim(d.value.substr(eq + 1)));
      } else if (d.key == "expect-train") {
        need_value();
        for (auto& e : parse_training_expectations(d.line, d.value)) plan.training.expectations.push_back(e);
      } else if (d.key == "expect-step") {
        need_value();
        const auto colon = d.value.find(':');
        if (colon == std::string::npos) throw Error("expected STEP: NAME = VALUE, ..., as in 1: w = 1.75");
        const double step = number_or_throw(d.value.substr(0, colon));
        for (const auto& item : split_list(d.value.substr(colon + 1)))
          plan.expect_step.push_back({static_cast<int>(step), {d.line, parse_expectation(item, tol)}});
      } else {
        throw Error(where + ": unknown directive '" + d.key +
                    "' (the directives: name, at, expect, expect-error, tangent, gradcheck, tol, sweep, show, "
                    "expect-when, difference-table, data, descend, lr, steps, batch, expect-step, train, seed, published, expect-train)");
      }
    } catch (const Error& e) {
      const std::string what = e.what();
      throw Error(what.rfind(where, 0) == 0 ? what : where + ": " + d.key + ": " + what);
    }
  }
  if (!plan.sweep_input.empty()) bind_default(plan, plan.sweep_input, plan.sweep_values.front());
  for (const auto& [name, values] : plan.descent.data)
    if (!values.empty()) bind_default(plan, name, values.front());
  if (plan.descends != !plan.descent.data.empty())
    throw Error(fmt::format("{}:{}: '#| descend:' and '#| data:' go together", file.path, block.first_line));
  if (!plan.expect_when.empty() && plan.sweep_input.empty())
    throw Error(fmt::format("{}:{}: expect-when needs a '#| sweep:'", file.path, plan.expect_when.front().second.line));
  for (const Located& l : plan.expects) plan.request.expectations.push_back(l.expectation);
  return plan;
}

std::string mismatch_text(const Expectation& e, double traced) {
  return fmt::format("{}: expected {} ± {}, traced {} (difference {})", e.subject(),
                     format_number(e.expected), format_number(e.tolerance), format_number(traced),
                     format_number(traced - e.expected));
}

void check_backward(const Plan& plan, const LessonFile& file, BlockRun& run) {
  const auto& error = run.result.backward_error;
  if (plan.expect_error) {
    ++run.checks;
    const std::string where = fmt::format("{}:{}", file.path, plan.expect_error_line);
    if (!error) run.failures.push_back({where, "expected backward to fail (" + *plan.expect_error + "), but it ran"});
    else if (error->find(*plan.expect_error) == std::string::npos)
      run.failures.push_back({where, "backward failed with '" + *error + "', not with '" + *plan.expect_error + "'"});
    return;
  }
  if (error) run.failures.push_back({run.where, "backward is impossible: " + *error});
}

void check_gradcheck(const Plan& plan, const LessonFile& file, BlockRun& run) {
  if (!run.result.gradcheck) return;
  const Graph& g = run.result.program.graph;
  const std::string where = fmt::format("{}:{}", file.path, plan.gradcheck_line);
  for (const InputCheck& c : run.result.gradcheck->inputs) {
    ++run.checks;
    const std::string input{g.name(c.input)};
    CheckStatus wanted = CheckStatus::Match;
    bool named = false;
    for (const auto& [name, status] : plan.gradcheck_statuses)
      if (name == input) wanted = status, named = true;
    const bool ok = named ? c.status == wanted : c.status != CheckStatus::Mismatch;
    if (!ok)
      run.failures.push_back({where, fmt::format("gradcheck of {}: expected {}, got {}", input,
                                                 named ? to_string(wanted) : "no mismatch", to_string(c.status))});
  }
}

// Recomputes values and gradients after inputs were put back, for the block's diagram.
void recompute(Program& p) {
  p.graph.forward();
  p.graph.zero_grad();
  try {
    p.graph.backward(p.output);
  } catch (const Error&) {
  }
}

void run_sweep_tables(const Plan& plan, const LessonFile& file, BlockRun& run, const Paint& paint) {
  Program& p = run.result.program;
  if (!plan.sweep_input.empty()) {
    const NodeId input = p.graph.find(plan.sweep_input);
    if (input == no_node || p.graph.node(input).op != Op::Input)
      throw Error(fmt::format("{}: sweep: the program has no input named '{}'", run.where, plan.sweep_input));
    std::vector<Column> columns = plan.show;
    if (columns.empty()) columns.push_back({std::string(p.graph.label(p.output)), false});
    std::vector<SweepRow> rows;
    const double original = p.graph.value(input);
    try {
      rows = run_sweep(p, input, plan.sweep_values, columns);
    } catch (const Error& e) {
      throw Error(run.where + ": " + e.what());
    }
    p.graph.set_value(input, original);
    recompute(p);
    run.lines.push_back({0, ""});
    const auto table = sweep_lines(plan.sweep_input, columns, rows, paint);
    run.lines.insert(run.lines.end(), table.begin(), table.end());
    for (const auto& [at, located] : plan.expect_when) {
      ++run.checks;
      const Expectation& e = located.expectation;
      const std::string where = fmt::format("{}:{}", file.path, located.line);
      const auto row = std::find_if(rows.begin(), rows.end(), [&](const SweepRow& r) { return r.value == at; });
      const auto col = std::find_if(columns.begin(), columns.end(), [&](const Column& c) {
        return c.name == e.name && c.grad == (e.kind == Expectation::Kind::Grad) && e.kind != Expectation::Kind::Tangent;
      });
      if (row == rows.end() || col == columns.end())
        throw Error(where + ": expect-when: " + plan.sweep_input + " = " + format_number(at) + " and " + e.text +
                    " must be a swept value and a shown column");
      const double traced = row->cells[static_cast<std::size_t>(col - columns.begin())];
      if (!within_tolerance(traced, e))
        run.failures.push_back({where, fmt::format("when {} = {}, {}", plan.sweep_input, format_number(at), mismatch_text(e, traced))});
    }
  }
  if (!plan.difference_input.empty()) {
    const NodeId input = p.graph.find(plan.difference_input);
    if (input == no_node || p.graph.node(input).op != Op::Input)
      throw Error(fmt::format("{}: difference-table: the program has no input named '{}'", run.where, plan.difference_input));
    run.lines.push_back({0, ""});
    const auto table = difference_lines(p, input, paint);
    run.lines.insert(run.lines.end(), table.begin(), table.end());
  }
}

void run_descent_table(const Plan& plan, const LessonFile& file, BlockRun& run, const Paint& paint) {
  if (!plan.descends) return;
  Program& p = run.result.program;
  std::vector<double> start;
  for (const std::string& name : plan.descent.params) start.push_back(p.graph.value(p.graph.find(name)));
  std::vector<DescentStep> steps;
  try {
    steps = run_descent(p, plan.descent);
  } catch (const Error& e) {
    throw Error(run.where + ": " + e.what());
  }
  run.lines.push_back({0, ""});
  const auto table = descent_lines(plan.descent, steps, paint);
  run.lines.insert(run.lines.end(), table.begin(), table.end());
  for (const auto& [step, located] : plan.expect_step) {
    ++run.checks;
    const Expectation& e = located.expectation;
    const std::string where = fmt::format("{}:{}", file.path, located.line);
    const auto param = std::find(plan.descent.params.begin(), plan.descent.params.end(), e.name);
    if (step < 1 || step > static_cast<int>(steps.size()) || e.kind != Expectation::Kind::Value ||
        (param == plan.descent.params.end() && e.name != "loss"))
      throw Error(where + ": expect-step: expected a step from 1 to " + std::to_string(steps.size()) +
                  " and a parameter or 'loss'");
    const DescentStep& s = steps[static_cast<std::size_t>(step - 1)];
    const double traced = e.name == "loss" ? s.loss : s.params[static_cast<std::size_t>(param - plan.descent.params.begin())];
    if (!within_tolerance(traced, e))
      run.failures.push_back({where, fmt::format("after step {}, {}", step, mismatch_text(e, traced))});
  }
  // Back to the starting point, so the block's diagram shows the traced run.
  for (std::size_t i = 0; i < start.size(); ++i) p.graph.set_value(p.graph.find(plan.descent.params[i]), start[i]);
  for (const auto& [name, values] : plan.descent.data) p.graph.set_value(p.graph.find(name), values.front());
  recompute(p);
}

}  // namespace

std::string block_file_stem(const LessonFile& file, std::size_t index) {
  std::string name;
  for (const LessonDirective& d : file.lesson.blocks[index].directives)
    if (d.key == "name") name = d.value;
  std::string stem = fmt::format("{}-{}", file.name, index + 1);
  if (!name.empty()) stem += "-" + name;
  for (char& c : stem)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '-';
  return stem;
}

BlockRun run_block(const LessonFile& file, std::size_t index, const Paint& paint) {
  const LessonBlock& block = file.lesson.blocks[index];
  Plan plan = read_plan(file, block, index);
  BlockRun run;
  run.title = fmt::format("block {}", index + 1) + (plan.name != fmt::format("{}", index + 1) ? " (" + plan.name + ")" : "");
  run.where = fmt::format("{}:{}", file.path, block.first_line - 1);
  for (std::size_t start = 0; start < block.program.size();) {
    const auto end = block.program.find('\n', start);
    const std::string line = block.program.substr(start, end - start);
    start = end == std::string::npos ? block.program.size() : end + 1;
    if (trim(line).rfind("#|", 0) != 0) run.lines.push_back({0, "    " + paint(style::name, line)});
  }
  run.lines.push_back({0, ""});
  if (!plan.training.constraints.empty()) {  // a training block: no program to trace
    plan.training.data = std::filesystem::path(file.path).parent_path() / "data" / "breast-cancer-wisconsin.data";
    for (const TrainingFailure& f : run_training_block(plan.training, run.lines, run.checks, paint))
      run.failures.push_back({fmt::format("{}:{}", file.path, f.line), f.message});
    return run;
  }
  run.result = evaluate(plan.request);
  const auto report = report_lines(run.result, paint);
  run.lines.insert(run.lines.end(), report.begin(), report.end());

  for (std::size_t i = 0; i < plan.expects.size(); ++i) {
    ++run.checks;
    const ExpectationResult& r = run.result.expectations[i];
    if (!r.match)
      run.failures.push_back({fmt::format("{}:{}", file.path, plan.expects[i].line), mismatch_text(r.expectation, r.traced)});
  }
  check_backward(plan, file, run);
  check_gradcheck(plan, file, run);
  run_sweep_tables(plan, file, run, paint);
  run_descent_table(plan, file, run, paint);
  return run;
}

}  // namespace gatelab::cli
