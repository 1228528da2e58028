#include "lesson/block.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "lesson/format.hpp"

namespace gatelab::cli {

namespace {

void fail(BlockOutcome& run, const Location& where, std::string message, std::optional<Diagnosis> diagnosis = {}) {
  run.failures.push_back({where, std::move(message), std::move(diagnosis)});
}

// An expectation on a sweep row or a descent step, whose graph state is gone: judged as a number.
void check_number(BlockOutcome& run, const Located& located_expectation, double traced, const std::string& context) {
  const Expectation& e = located_expectation.expectation;
  if (judge(e.answer, Truth{traced}) == Verdict::Right) return;
  const Question q{run.result.program.find(e.name), e.kind == Expectation::Kind::Value ? Asks::Value : Asks::Grad};
  // A name no node has (a descent's `loss` where the program names none) has no diagnosis.
  std::optional<Diagnosis> diagnosis;
  if (q.node != no_node) diagnosis = diagnose_number(q, Truth{traced}, e.answer);
  fail(run, located_expectation.where, context + mismatch_text(e, Truth{traced}), diagnosis);
}

void check_expects(BlockOutcome& run) {
  for (std::size_t i = 0; i < run.plan.expects.size(); ++i) {
    run.count_check(CheckPlace::expectations);
    const ExpectationResult& r = run.result.expectations[i];
    if (!r.match()) fail(run, run.plan.expects[i].where, mismatch_text(r.expectation, r.truth), r.diagnosis);
  }
}

void check_mistakes(BlockOutcome& run) {
  // Each wrong answer is another learner's: diagnosed alone, not as upstream of the others.
  run.mistakes.clear();
  for (const auto& [l, mistake] : run.plan.mistakes)
    for (ExpectationResult& r : check_expectations(run.result.program, {l.expectation}, run.result.node_tangents))
      run.mistakes.push_back(std::move(r));
  for (std::size_t i = 0; i < run.mistakes.size(); ++i) {
    run.count_check(CheckPlace::mistakes);
    const ExpectationResult& r = run.mistakes[i];
    const Located& l = run.plan.mistakes[i].first;
    const Mistake wanted = run.plan.mistakes[i].second;
    const std::string answer = r.expectation.subject() + " = " + r.expectation.written;
    // The mistake wanted is named: first, or tied for first.
    const bool named =
        r.diagnosis && (r.diagnosis->kind == wanted || std::any_of(r.diagnosis->named.begin(), r.diagnosis->named.end(),
                                                                   [&](const Finding& f) { return f.kind == wanted; }));
    if (!r.diagnosis)
      fail(run, l.where, trf("{} is right, not a mistake ({})", answer, to_string(wanted)));
    else if (!named)
      fail(run, l.where, trf("{} is diagnosed as {}, not {}", answer, to_string(r.diagnosis->kind), to_string(wanted)),
           r.diagnosis);
  }
}

void check_backward(BlockOutcome& run) {
  const Plan& plan = run.plan;
  const auto& error = run.result.backward_error;
  if (plan.expect_error) {
    run.count_check(CheckPlace::backward_error);
    const std::string wanted(to_string(*plan.expect_error));
    if (!error)
      fail(run, plan.expect_error_at, trf("expected backward to fail ({}), but it ran", wanted));
    else if (error->kind != *plan.expect_error)
      fail(run, plan.expect_error_at,
           trf("backward failed with {} ({}), not with {}", to_string(error->kind), error->message, wanted));
    return;
  }
  if (error) fail(run, run.where, trf("backward is impossible: {}", error->message));
}

void check_gradcheck(BlockOutcome& run) {
  if (!run.result.gradcheck) return;
  const Graph& g = run.result.program.graph;
  for (const InputCheck& c : run.result.gradcheck->inputs) {
    run.count_check(CheckPlace::gradcheck);
    const std::string input{g.name(c.input)};
    const auto& statuses = run.plan.gradcheck_statuses;
    const auto named = std::find_if(statuses.begin(), statuses.end(), [&](const auto& s) { return s.first == input; });
    const bool ok = named != statuses.end() ? c.status == named->second : c.status != CheckStatus::Mismatch;
    if (!ok)
      fail(run, run.plan.gradcheck_at,
           named != statuses.end()
               ? trf("gradcheck of {}: expected {}, got {}", input, to_string(named->second), to_string(c.status))
               : trf("gradcheck of {}: expected no mismatch, got {}", input, to_string(c.status)));
  }
}

void run_sweep_and_differences(BlockOutcome& run) {
  Program& p = run.result.program;
  if (const SweepBlock* swept = run.plan.if_kind<SweepBlock>()) {
    const SweepSpec& spec = swept->sweep;
    try {
      run.sweep = run_sweep(p, spec.input, spec.values, spec.show);
    } catch (const Error& e) {
      throw Error(located(spec.where, std::string("sweep: ") + e.what()));
    }
    for (const auto& [at, located_expectation] : spec.expect_when) {
      run.count_check(CheckPlace::sweep);
      const Expectation& e = located_expectation.expectation;
      const SweepRow* row = find_row(*run.sweep, at);
      const auto& columns = run.sweep->columns;
      const auto col = std::find_if(columns.begin(), columns.end(), [&](const SweepColumn& c) {
        return c.name == e.name && c.grad == (e.kind == Expectation::Kind::Grad) &&
               e.kind != Expectation::Kind::Tangent;
      });
      if (!row || col == columns.end())
        throw Error(located(located_expectation.where,
                            "expect-when: " + trf("{} = {} and {} must be a swept value and a shown column", spec.input,
                                                  format_number(at), e.text)));
      const double traced = row->cells[static_cast<std::size_t>(col - columns.begin())];
      check_number(run, located_expectation, traced, trf("when {} = {}, ", spec.input, format_number(at)));
    }
  }
  for (const PlotSpec& plot : run.plan.plots) {
    std::vector<double> xs;
    for (int i = 0; i < plot_points; ++i) xs.push_back(plot.from + (plot.to - plot.from) * i / (plot_points - 1));
    try {
      run.plots.push_back({plot, run_sweep(p, plot.input, xs, plot.columns)});
    } catch (const Error& e) {
      throw Error(located(plot.where, std::string("plot: ") + e.what()));
    }
  }
  if (const DifferenceBlock* table = run.plan.if_kind<DifferenceBlock>()) {
    try {
      run.differences = run_differences(p, table->input);
    } catch (const Error& e) {
      throw Error(located(run.where, std::string("difference-table: ") + e.what()));
    }
  }
}

void run_descent_steps(BlockOutcome& run) {
  const DescentBlock* block = run.plan.if_kind<DescentBlock>();
  if (!block) return;
  const DescentSpec& spec = block->descent;
  DescentRun descent{spec, {}};
  try {
    descent.steps = run_descent(run.result.program, spec);
  } catch (const Error& e) {
    throw Error(located(run.where, e.what()));
  }
  for (const auto& [step, located_expectation] : block->expect_step) {
    run.count_check(CheckPlace::descent);
    const Expectation& e = located_expectation.expectation;
    const auto param = std::find(spec.params.begin(), spec.params.end(), e.name);
    if (step < 1 || step > static_cast<int>(descent.steps.size()) || e.kind != Expectation::Kind::Value ||
        (param == spec.params.end() && e.name != "loss"))
      throw Error(located(
          located_expectation.where,
          "expect-step: " + trf("expected a step from 1 to {} and a parameter or 'loss'", descent.steps.size())));
    const DescentStep& s = descent.steps[static_cast<std::size_t>(step - 1)];
    const double traced = e.name == "loss" ? s.loss : s.params[static_cast<std::size_t>(param - spec.params.begin())];
    check_number(run, located_expectation, traced, trf("after step {}, ", step));
  }
  run.descent = std::move(descent);
}

// The data folder beside a lesson, or beside the folder of a translated lesson (lessons/zh/).
std::filesystem::path lesson_data_folder(const std::string& lesson_path) {
  const std::filesystem::path folder = std::filesystem::path(lesson_path).parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(folder / "data", ec) && folder.filename() == "zh")
    return folder.parent_path() / "data";
  return folder / "data";
}

}  // namespace

void mark_repeated_traces(std::vector<BlockOutcome>& runs) {
  const auto same_inputs = [](const Bindings& a, const Bindings& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Binding& x, const Binding& y) {
      return x.name == y.name && x.value == y.value && x.shape == y.shape && x.values == y.values;
    });
  };
  for (std::size_t i = 0; i < runs.size(); ++i)
    for (std::size_t j = 0; j < i && runs[i].has_graph(); ++j) {
      const EvalRequest &now = runs[i].plan.request, &before = runs[j].plan.request;
      if (runs[j].has_graph() && !runs[j].trace_as_block &&
          without_directives(now.text) == without_directives(before.text) && same_inputs(now.at, before.at) &&
          same_inputs(now.tangents, before.tangents)) {
        runs[i].trace_as_block = j;
        break;
      }
    }
}

std::string block_file_stem(const LessonFile& file, std::size_t index) {
  std::string name;
  for (const LessonDirective& d : file.lesson.blocks[index].directives)
    if (d.key == "name") name = d.value;
  std::string stem = fmt::format("{}-{}", file.name, index + 1);
  // A name of thousands of characters would make a file name no file system takes: the
  // first 60 bytes of it, cut between characters.
  std::size_t cut = std::min<std::size_t>(name.size(), 60);
  while (cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  name.resize(cut);
  if (!name.empty()) stem += "-" + name;
  // Letters of any script stay (a block named 约束 keeps its name); ASCII punctuation, spaces
  // and control characters, which shells and file systems treat specially, become '-'.
  for (char& c : stem) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && !std::isalnum(u) && c != '-' && c != '_') c = '-';
  }
  return stem;
}

BlockOutcome run_block(const LessonFile& file, std::size_t index) {
  BlockOutcome run;
  run.plan = read_plan(file, index);
  const std::string number = fmt::format("{}", index + 1);
  run.title = run.plan.name != number ? trf("block {} ({})", number, run.plan.name) : trf("block {}", number);
  run.where = {file.path, file.lesson.blocks[index].first_line - 1};
  if (const TrainingBlock* block = run.plan.if_kind<TrainingBlock>()) {  // no program to trace
    const TrainingPlan& training = block->training;
    const auto data = lesson_data_folder(file.path) / "breast-cancer-wisconsin.data";
    run.training = run_training(training, data.string());
    run.count_check(CheckPlace::training, static_cast<int>(training.expectations.size()));
    for (const TrainingFailure& f : check_training(training, *run.training)) fail(run, f.where, f.message);
    return run;
  }
  run.result = evaluate(run.plan.request);
  check_expects(run);
  check_mistakes(run);
  check_backward(run);
  check_gradcheck(run);
  run_sweep_and_differences(run);
  run_descent_steps(run);
  return run;
}

}  // namespace gatelab::cli
