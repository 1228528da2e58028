#include "render/lesson_text.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/diagnosis_text.hpp"
#include "render/eval_text.hpp"
#include "render/markdown_text.hpp"
#include "render/text_columns.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

std::string num(double x) { return format_number(x); }

void append(std::vector<TraceLine>& to, const std::vector<TraceLine>& lines) {
  to.push_back({0, ""});
  to.insert(to.end(), lines.begin(), lines.end());
}

// "all", "3" or "1-2": the rows of a descent step's batch, counted from 1.
std::string rows_text(const DescentStep& s, std::size_t row_count) {
  if (s.all_rows) return tr("all");
  if (s.rows == 1) return fmt::format("{}", s.first_row + 1);
  return fmt::format("{}-{}", s.first_row + 1, (s.first_row + s.rows - 1) % row_count + 1);
}

}  // namespace

std::string failure_text(const BlockOutcome& run, const LessonFailure& f) {
  return f.diagnosis
             ? f.message + ": " + diagnosis_text(run.result.program.graph, run.result.program.output, *f.diagnosis)
             : f.message;
}

std::string checks_passed_text(const BlockOutcome& run) {
  // Each place's words, in CheckPlace's order; {} is the number of checks shown there.
  static constexpr std::array<const char*, check_place_count> places{
      tr_later("{} in the expectations table"), tr_later("{} among the wrong answers"),
      tr_later("backward fails as expected"),   tr_later("{} in the gradient check"),
      tr_later("{} in the sweep table"),        tr_later("{} on the descent steps"),
      tr_later("{} on the trained networks")};
  std::string where;
  for (std::size_t i = 0; i < check_place_count; ++i) {
    if (run.checks_by_place[i] == 0) continue;
    if (!where.empty()) where += list_separator();
    where += trf(places[i], run.checks_by_place[i]);
  }
  const std::string count =
      run.checks == 1 ? std::string(tr("✓ 1 check passed")) : trf("✓ {} checks passed", run.checks);
  return trf("{}: {}", count, where);
}

std::vector<TraceLine> prose_lines(const std::string& prose, const Paint& paint) {
  auto lines = markdown_lines(prose, paint);
  if (!lines.empty()) lines.push_back({0, ""});
  return lines;
}

std::vector<TraceLine> mistake_lines(const BlockOutcome& run, const Paint& paint) {
  std::vector<TraceLine> out{
      {0, paint(style::heading, tr("wrong answers")) +
              paint(style::dim, std::string("  ") + tr("(what gatelab tells a learner who writes them)"))}};
  for (const ExpectationResult& r : run.mistakes) {
    const std::string answer = r.expectation.subject() + " = " + r.expectation.written;
    const std::string said =
        r.diagnosis ? diagnosis_text(run.result.program.graph, run.result.program.output, *r.diagnosis) : tr("right");
    out.push_back({0, "  " + paint(style::name, answer) + ": " + said});
  }
  return out;
}

std::vector<TraceLine> sweep_lines(const SweepTable& table, const Paint& paint) {
  std::vector<Cells> cells{{table.input}};
  for (const SweepColumn& c : table.columns) cells[0].push_back(c.heading());
  for (const SweepRow& r : table.rows) {
    Cells line{num(r.value)};
    for (double v : r.cells) line.push_back(num(v));
    cells.push_back(std::move(line));
  }
  std::vector<TraceLine> out{{0, paint(style::heading, tr("sweep")) +
                                     paint(style::dim, "  " + trf("(the program for each {})", table.input))}};
  const auto aligned = align_columns(cells);
  for (std::size_t i = 0; i < aligned.size(); ++i)
    out.push_back({0, i == 0 ? paint(style::dim, join_cells(aligned[i])) : join_cells(aligned[i])});
  return out;
}

std::vector<TraceLine> difference_lines(const DifferenceTable& t, const Paint& paint) {
  std::vector<TraceLine> out{
      {0, paint(style::heading, tr("finite differences")) +
              paint(style::dim, "  " + trf("(d{}/d{} = {} by reverse mode)", t.output, t.input, num(t.exact)))},
      {0, paint(style::dim, fmt::format("  {}  {}  {}  {}  {}", pad("h", 7), pad(tr("forward"), 13),
                                        pad(tr("error"), 10), pad(tr("central"), 13), tr("error")))}};
  auto error = [&](double estimate) { return fmt::format("{:.2e}", std::fabs(estimate - t.exact)); };
  for (const DifferenceRow& r : t.rows)
    out.push_back({0, fmt::format("  {:<7}  {:<13.10f}  {:<10}  {:<13.10f}  {}", fmt::format("{:.0e}", r.h), r.forward,
                                  error(r.forward), r.central, error(r.central))});
  return out;
}

std::vector<TraceLine> descent_lines(const DescentRun& descent, const Paint& paint) {
  const DescentSpec& spec = descent.spec;
  const std::string kind = spec.batch == 0   ? tr("batch")
                           : spec.batch == 1 ? tr("stochastic")
                                             : trf("mini-batch of {}", spec.batch);
  std::vector<TraceLine> out{
      {0, paint(style::heading, tr("gradient descent")) +
              paint(style::dim, "  " + trf("({}, lr {}; loss is the mean over rows)", kind, num(spec.lr)))}};
  std::string heading = "  " + pad(tr("step"), 5, true) + "  " + pad(tr("rows"), 6) + "  " + pad(tr("batch loss"), 11);
  for (const std::string& p : spec.params) heading += "  " + pad(p, 11);
  out.push_back({0, paint(style::dim, heading + "  " + tr("loss (all rows)"))});
  const std::size_t row_count = spec.data.empty() ? 0 : spec.data.front().second.size();
  const int every = std::max(1, spec.steps / 10);
  for (const DescentStep& s : descent.steps) {
    if (spec.steps > 12 && s.step > 5 && s.step % every != 0 && s.step != spec.steps) continue;
    std::string line = fmt::format("  {:>5}  {}  {:<11}", s.step, pad(rows_text(s, row_count), 6), num(s.batch_loss));
    for (double v : s.params) line += fmt::format("  {:<11}", num(v));
    out.push_back({0, line + "  " + num(s.loss)});
  }
  return out;
}

std::vector<TraceLine> training_lines(const TrainingRun& training, const Paint& paint) {
  std::vector<TraceLine> out{
      {0, paint(style::heading, tr("training")) +
              paint(style::dim, "  " + trf("(9-5-2, Adam lr 0.5, torch init seed {}, early stopping after 5000 epochs)",
                                           training.seed))},
      {0, paint(style::dim, fmt::format("  {} {} {}  {} {} {}  {}  {}  {}", pad(tr("constraint"), 11),
                                        pad(tr("epochs"), 6, true), pad(tr("best"), 6, true), pad(tr("train"), 6, true),
                                        pad(tr("valid"), 6, true), pad(tr("test"), 6, true),
                                        pad(tr("test loss"), 9, true), pad(tr("moved"), 6, true), tr("notebook")))}};
  for (const VariantOutcome& o : training.variants) {
    const TrainedNetwork& t = o.trained;
    out.push_back({0, fmt::format("  {:<11} {:>6} {:>6}  {:>6.4f} {:>6.4f} {:>6.4f}  {:>9.5f}  {:>6}  {}", o.constraint,
                                  t.result.epochs_run, t.result.best_epoch, t.train.accuracy, t.valid.accuracy,
                                  t.test.accuracy, t.test.loss, t.moved, o.published)});
  }
  return out;
}

std::vector<TraceLine> block_lines(const LessonBlock& block, const BlockOutcome& run, const Paint& paint) {
  std::vector<TraceLine> out;
  for (std::size_t start = 0; start < block.program.size();) {
    const auto end = block.program.find('\n', start);
    const std::string line = block.program.substr(start, end - start);
    start = end == std::string::npos ? block.program.size() : end + 1;
    if (trim(line).rfind("#|", 0) != 0) out.push_back({0, "    " + paint(style::name, line)});
  }
  out.push_back({0, ""});
  if (run.training) {
    const auto table = training_lines(*run.training, paint);
    out.insert(out.end(), table.begin(), table.end());
    return out;
  }
  const auto report =
      report_lines(run.result, paint, run.trace_as_block ? trf("block {}", *run.trace_as_block + 1) : std::string());
  out.insert(out.end(), report.begin(), report.end());
  if (!run.mistakes.empty()) append(out, mistake_lines(run, paint));
  if (run.sweep) append(out, sweep_lines(*run.sweep, paint));
  if (run.differences) append(out, difference_lines(*run.differences, paint));
  if (run.descent) append(out, descent_lines(*run.descent, paint));
  for (const PlotRun& plot : run.plots) {
    std::string columns;
    for (const SweepColumn& c : plot.spec.columns) columns += (columns.empty() ? "" : ", ") + c.heading();
    out.push_back({0, ""});
    const std::string what = trf("({} against {} from {} to {}: drawn by --svg-dir and --html)", columns,
                                 plot.spec.input, num(plot.spec.from), num(plot.spec.to));
    out.push_back({0, paint(style::heading, tr("plot")) + paint(style::dim, "  " + what)});
  }
  return out;
}

}  // namespace gatelab::cli
