#include "lesson/plan.hpp"

#include <fmt/format.h>

#include "gatelab/support/translate.hpp"
#include "lesson/directives.hpp"

namespace gatelab::cli {

namespace {

// Gives an input its first data or swept value for the block's traced run, unless
// '#| at:' already gives it one.
void bind_default(Plan& plan, const std::string& name, double value, const Location& where, const char* key) {
  if (!find_binding(plan.request.at, name)) plan.request.at.push_back({name, value, where.text() + ": " + key});
}

void read_directive(Plan& plan, const LessonDirective& d, const Location& where) {
  const Directive* directive = find_directive(d.key);
  if (!directive)
    throw Error(located(where, trf("unknown directive '{}' (the directives: {})", d.key, directive_keys())));
  try {
    if (directive->needs_value && d.value.empty())
      throw Error(trf("needs a value, as in '#| {}: {}'", directive->key, directive->arguments));
    directive->read(plan, d.value, where);
  } catch (const Error& e) {
    throw Error(located(where, d.key + ": " + e.what()));
  }
}

}  // namespace

std::string kind_words(const BlockKind& kind) {
  switch (kind.index()) {
    case 1:
      return tr("a sweep");
    case 2:
      return tr("a difference table");
    case 3:
      return tr("a descent");
    case 4:
      return tr("a training block");
    default:
      return tr("a traced program");
  }
}

void Plan::throw_other_kind(const BlockKind& wanted) const {
  throw Error(trf("a block is one kind, and this one is {} already: make {} a block of its own", kind_words(kind),
                  kind_words(wanted)));
}

Plan read_plan(const LessonFile& file, std::size_t index) {
  const LessonBlock& block = file.lesson.blocks.at(index);
  const Location block_at{file.path, block.first_line - 1};  // the opening fence
  Plan plan;
  plan.name = fmt::format("{}", index + 1);
  plan.request.text = block.program;
  plan.request.source = {file.path, block.first_line};
  plan.request.at_hint = "'#| at:'";
  for (const LessonDirective& d : block.directives) read_directive(plan, d, {file.path, d.line});

  SweepBlock* swept = std::get_if<SweepBlock>(&plan.kind);
  DescentBlock* descent = std::get_if<DescentBlock>(&plan.kind);
  if (plan.tol) {
    for (Located& l : plan.expects) l.expectation.answer.tolerance = plan.tol;
    for (auto& [l, mistake] : plan.mistakes) l.expectation.answer.tolerance = plan.tol;
    if (swept)
      for (auto& [row, l] : swept->sweep.expect_when) l.expectation.answer.tolerance = plan.tol;
    if (descent)
      for (auto& [step, l] : descent->expect_step) l.expectation.answer.tolerance = plan.tol;
  }
  if (swept && swept->sweep.input.empty()) {
    const Location& where = swept->sweep.expect_when.empty() ? block_at : swept->sweep.expect_when.front().second.where;
    throw Error(located(where, tr("'#| show:' and '#| expect-when:' need a '#| sweep:'")));
  }
  if (swept) bind_default(plan, swept->sweep.input, swept->sweep.values.front(), swept->sweep.where, "sweep");
  if (descent && (descent->descent.params.empty() || descent->descent.data.empty()))
    throw Error(located({file.path, block.first_line}, tr("'#| descend:' and '#| data:' go together")));
  if (const TrainingBlock* training = plan.if_kind<TrainingBlock>()) {
    if (training->training.constraints.empty())
      throw Error(located(block_at, tr("'#| seed:', '#| published:' and '#| expect-train:' need a '#| train:'")));
    if (!plan.plots.empty()) throw Error(located(plan.plots.front().where, tr("a training block draws no plot")));
  }
  if (descent)
    for (const auto& [name, values] : descent->descent.data)
      if (!values.empty()) bind_default(plan, name, values.front(), block_at, "data");
  for (const Located& l : plan.expects) plan.request.expectations.push_back(l.expectation);
  return plan;
}

}  // namespace gatelab::cli
