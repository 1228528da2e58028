#include "render/quiz_text.hpp"

#include <fmt/format.h>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/finding_text.hpp"
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

// "f = q * z", as the trace writes the gate, and "f = q * z = 3 * -4" with its inputs' values.
std::string gate_text(const Graph& g, const Trace& trace, NodeId gate, bool with_values = false) {
  for (const ForwardStep& s : trace.forward)
    if (s.node == gate) {
      const std::string caption = step_caption(g, trace, s.step);  // "f = q * z = 3 * -4 = -12"
      const auto second = caption.find(" = ", caption.find(" = ") + 3);
      return with_values ? caption.substr(0, caption.rfind(" = ")) : caption.substr(0, second);
    }
  return display_name(g, gate);
}

// Which of its node's messages a step is (1-based), and how many the node gets.
std::pair<int, int> message_place(const Trace& trace, const BackwardStep& s) {
  int index = 0, count = 0;
  for (const BackwardStep& o : trace.backward) {
    if (o.to != s.to || o.from == no_node) continue;
    ++count;
    if (o.step <= s.step) ++index;
  }
  return {index, count};
}

std::string num(double x) { return format_number(x); }
std::string term(double x) { return x < 0 ? "(" + num(x) + ")" : num(x); }

std::string message_hint(const Graph& g, const Trace& trace, const BackwardStep& s, int level) {
  const OpInfo& info = op_info(g.node(s.from).op);
  const std::string from = display_name(g, s.from), to = display_name(g, s.to);
  const std::string partial = "d" + from + "/d" + to;
  if (level <= 1)
    return trf(s.accumulated ? tr_later("{0} ({1}: d/d{2} = {3}): the message is grad({4}) × {5}, added to what "
                                        "grad({6}) already has")
                             : tr_later("{0} ({1}: d/d{2} = {3}): the message is grad({4}) × {5}"),
               gate_text(g, trace, s.from), info.name, s.slot == 0 ? "a" : "b", tr(s.slot == 0 ? info.da : info.db),
               from, partial, to);
  if (level == 2) return fmt::format("{0} = {1}, grad({2}) = {3}", partial, num(s.local), from, num(s.upstream));
  const std::string message = num(s.upstream) + " × " + term(s.local);
  if (!s.accumulated) return fmt::format("grad({}) = {} = {}", to, message, num(s.grad_after));
  return fmt::format("grad({}) = {} + ({}) = {}", to, term(s.grad_after - s.contribution), message, num(s.grad_after));
}

}  // namespace

std::string step_prompt(const Graph& g, const Trace& trace, int step) {
  const std::string tag = fmt::format("[{}] ", step);
  if (forward_step(trace, step)) {
    const std::string caption = step_caption(g, trace, step);
    return tag + caption.substr(0, caption.rfind(" = ") + 3) + "?";
  }
  if (const BackwardStep* s = backward_step(trace, step)) {
    if (s->from == no_node) return tag + tr("seed") + "   grad(" + display_name(g, s->to) + ") = ?";
    const std::string to = display_name(g, s->to);
    std::string prompt = tag + display_name(g, s->from) + " → " + to + "   grad(" + to + ") = ?";
    const auto [index, count] = message_place(trace, *s);
    if (count > 1)
      prompt += "   " + trf(index == count ? tr_later("(message {0} of {1} into {2}: the running total, now final)")
                                           : tr_later("(message {0} of {1} into {2}: the running total so far)"),
                            index, count, to);
    return prompt;
  }
  return tag + step_caption(g, trace, step);
}

std::string step_hint(const Graph& g, const Trace& trace, int step, int level) {
  if (const ForwardStep* s = forward_step(trace, step)) {
    const OpInfo& info = op_info(s->op);
    if (level <= 1) return fmt::format("{} ({}: {})", gate_text(g, trace, s->node), info.name, tr(info.formula));
    if (level == 2) return gate_text(g, trace, s->node, true);
    return step_caption(g, trace, step);
  }
  if (const BackwardStep* s = backward_step(trace, step)) {
    if (s->from == no_node) return tr("the output's gradient with respect to itself is 1");
    return message_hint(g, trace, *s, level);
  }
  return "";
}

std::string step_label(const Graph& g, const Trace& trace, int step) {
  return fmt::format("[{}] {}", step, question_text(g, step_question(trace, step)));
}

std::string step_answer(const Graph& g, const Trace& trace, int step) { return step_caption(g, trace, step); }

std::string mistake_phrase(Mistake kind) {
  switch (kind) {
    case Mistake::TooFewDigits:
      return tr("too few digits");
    case Mistake::SignError:
      return tr("a sign lost");
    case Mistake::MissingBranches:
      return tr("a branch left out at a fork");
    case Mistake::RunningTotal:
      return tr("the wrong running total at a fork");
    case Mistake::ExtraBranch:
      return tr("a branch counted twice");
    case Mistake::MultipliedBranches:
      return tr("branches multiplied at a fork");
    case Mistake::ThroughDetach:
      return tr("a gradient through detach");
    case Mistake::SteAsForward:
      return tr("ste differentiated as its forward value");
    case Mistake::LocalOnly:
      return tr("a local partial without its upstream gradient");
    case Mistake::UpstreamOnly:
      return tr("an upstream gradient without its local partial");
    case Mistake::AddRuleAtMul:
      return tr("the add rule used at a mul");
    case Mistake::MulRuleAtAdd:
      return tr("the mul rule used at an add");
    case Mistake::MulPartialsSwapped:
      return tr("a mul's partials swapped");
    case Mistake::GateAsIdentity:
      return tr("a gate passed through unchanged");
    case Mistake::AddedNotMultiplied:
      return tr("upstream and local added, not multiplied");
    case Mistake::ExponentDropped:
      return tr("the exponent not brought down");
    case Mistake::ValueAsPartial:
      return tr("a gate's value used as its derivative");
    case Mistake::OneMinusValue:
      return tr("half of σ' or tanh'");
    case Mistake::MaxToLoser:
      return tr("max or min routed to the wrong input");
    case Mistake::WrongUpstream:
      return tr("an earlier wrong answer carried on");
    case Mistake::RoundedIntermediate:
      return tr("a rounded number carried on");
    case Mistake::ValueForGradient:
      return tr("a value given as a gradient");
    case Mistake::GradientForValue:
      return tr("a gradient given as a value");
    case Mistake::WrongRule:
      return tr("a gate computed by the wrong rule");
    case Mistake::LastDigit:
      return tr("the last digit off");
    case Mistake::OtherNode:
      return tr("another node's number");
    case Mistake::NoGradient:
      return tr("a gradient where there is none");
    case Mistake::GradientExists:
      return tr("no gradient where there is one");
    case Mistake::Unknown:
      break;
  }
  return tr("a mistake gatelab does not recognise");
}

}  // namespace gatelab::cli
