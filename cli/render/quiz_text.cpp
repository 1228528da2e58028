#include "render/quiz_text.hpp"

#include <fmt/format.h>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/diagnosis_text.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

namespace {

const ForwardStep* forward_step(const Trace& trace, int step) {
  for (const ForwardStep& s : trace.forward)
    if (s.step == step) return &s;
  return nullptr;
}

const BackwardStep* backward_step(const Trace& trace, int step) {
  for (const BackwardStep& s : trace.backward)
    if (s.step == step) return &s;
  return nullptr;
}

// "f = q * z", as the trace writes the gate.
std::string gate_text(const Graph& g, const Trace& trace, NodeId gate) {
  for (const ForwardStep& s : trace.forward)
    if (s.node == gate) {
      const std::string caption = step_caption(g, trace, s.step);  // "f = q * z = 3 * -4 = -12"
      const auto second = caption.find(" = ", caption.find(" = ") + 3);
      return caption.substr(0, second);
    }
  return display_name(g, gate);
}

}  // namespace

std::string step_prompt(const Graph& g, const Trace& trace, int step) {
  const std::string tag = fmt::format("[{}] ", step);
  if (forward_step(trace, step)) {
    const std::string caption = step_caption(g, trace, step);
    return tag + caption.substr(0, caption.rfind(" = ") + 3) + "?";
  }
  if (const BackwardStep* s = backward_step(trace, step)) {
    const std::string edge =
        s->from == no_node ? std::string(tr("seed")) : display_name(g, s->from) + " → " + display_name(g, s->to);
    return tag + edge + "   grad(" + display_name(g, s->to) + ") = ?";
  }
  return tag + step_caption(g, trace, step);
}

std::string step_hint(const Graph& g, const Trace& trace, int step) {
  if (const ForwardStep* s = forward_step(trace, step)) {
    const OpInfo& info = op_info(s->op);
    return fmt::format("{} ({}: {})", gate_text(g, trace, s->node), info.name, tr(info.formula));
  }
  if (const BackwardStep* s = backward_step(trace, step)) {
    if (s->from == no_node) return tr("the output's gradient with respect to itself is 1");
    const OpInfo& info = op_info(g.node(s->from).op);
    const std::string from = display_name(g, s->from), to = display_name(g, s->to);
    const char* hint = s->accumulated
                           ? tr_later(
                                 "{0} ({1}: d/d{2} = {3}): d{4}/d{5} = {6}; the message is grad({4}) × that, added to "
                                 "what grad({5}) already has")
                           : tr_later("{0} ({1}: d/d{2} = {3}): d{4}/d{5} = {6}; the message is grad({4}) × that");
    return trf(hint, gate_text(g, trace, s->from), info.name, s->slot == 0 ? "a" : "b",
               tr(s->slot == 0 ? info.da : info.db), from, to, format_number(s->local));
  }
  return "";
}

std::string step_label(const Graph& g, const Trace& trace, int step) {
  return fmt::format("[{}] {}", step, question_text(g, step_question(trace, step)));
}

std::string step_answer(const Graph& g, const Trace& trace, int step) { return step_caption(g, trace, step); }

}  // namespace gatelab::cli
