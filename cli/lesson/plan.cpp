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

Plan read_plan(const LessonFile& file, std::size_t index) {
  const LessonBlock& block = file.lesson.blocks.at(index);
  const Location block_at{file.path, block.first_line - 1};  // the opening fence
  Plan plan;
  plan.name = fmt::format("{}", index + 1);
  plan.request.text = block.program;
  plan.request.source = {file.path, block.first_line};
  plan.request.at_hint = "'#| at:'";
  for (const LessonDirective& d : block.directives) read_directive(plan, d, {file.path, d.line});

  if (plan.tol) {
    for (Located& l : plan.expects) l.expectation.answer.tolerance = plan.tol;
    for (auto& [l, mistake] : plan.mistakes) l.expectation.answer.tolerance = plan.tol;
    for (auto& [row, l] : plan.sweep.expect_when) l.expectation.answer.tolerance = plan.tol;
    for (auto& [step, l] : plan.expect_step) l.expectation.answer.tolerance = plan.tol;
  }
  if (!plan.sweep.input.empty())
    bind_default(plan, plan.sweep.input, plan.sweep.values.front(), plan.sweep.where, "sweep");
  for (const auto& [name, values] : plan.descent.data)
    if (!values.empty()) bind_default(plan, name, values.front(), block_at, "data");
  if (plan.descends != !plan.descent.data.empty())
    throw Error(located({file.path, block.first_line}, tr("'#| descend:' and '#| data:' go together")));
  if (!plan.sweep.expect_when.empty() && plan.sweep.input.empty())
    throw Error(located(plan.sweep.expect_when.front().second.where, tr("expect-when needs a '#| sweep:'")));
  for (const Located& l : plan.expects) plan.request.expectations.push_back(l.expectation);
  return plan;
}

}  // namespace gatelab::cli
