#include "lesson_block.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "evaluation.hpp"
#include "gatelab/dot.hpp"
#include "lesson_plan.hpp"
#include "strings.hpp"

namespace gatelab::cli {

namespace {

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
