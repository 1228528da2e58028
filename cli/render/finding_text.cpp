#include "render/finding_text.hpp"

#include <algorithm>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

namespace {

std::string num(double x) { return format_number(x); }
std::string signed_num(double x) { return (x >= 0 ? "+" : "") + num(x); }
// A term of a written-out sum: negative numbers in parentheses.
std::string term(double x) { return x < 0 ? "(" + num(x) + ")" : num(x); }
std::string name(const Graph& g, NodeId id) { return display_name(g, id); }

// "xpy (+1.58319)"; a gate that uses the node twice names the input.
std::string branch_text(const Graph& g, const Branch& b, const std::vector<Branch>& all) {
  std::string from = name(g, b.from);
  int same = 0;
  for (const Branch& other : all) same += other.from == b.from;
  if (same > 1) from = trf(b.slot == 0 ? tr_later("{} (its first input)") : tr_later("{} (its second input)"), from);
  return from + " (" + signed_num(b.contribution) + ")";
}

std::string list_text(const Graph& g, const std::vector<Branch>& branches, const std::vector<Branch>& all) {
  std::string s;
  for (std::size_t i = 0; i < branches.size(); ++i) {
    const std::string item = branch_text(g, branches[i], all);
    s = i == 0 ? item : trf(i + 1 == branches.size() ? tr_later("{} and {}") : tr_later("{}, {}"), s, item);
  }
  return s;
}

// The messages into the question's node, split by a finding's mask.
struct Split {
  std::vector<Branch> all, in, out;
};
Split split(const Graph& g, NodeId output, NodeId node, unsigned mask) {
  Split s{branches_into(g, output, node), {}, {}};
  for (std::size_t i = 0; i < s.all.size(); ++i) ((i < 32 && (mask & (1u << i))) ? s.in : s.out).push_back(s.all[i]);
  return s;
}

// "dxpysqr/dxpy": a gate's partial for one of its inputs.
std::string partial(const Graph& g, NodeId gate, int slot) {
  const Node& n = g.node(gate);
  return "d" + name(g, gate) + "/d" + name(g, slot == 0 ? n.a : n.b);
}

std::string gate_and_op(const Graph& g, NodeId gate) {
  return name(g, gate) + " (" + std::string(op_info(g.node(gate).op).name) + ")";
}

std::string running_total_text(const Graph& g, NodeId output, const Question& q, const Finding& f,
                               const std::string& a) {
  const Split s = split(g, output, q.node, f.mask);
  std::size_t k = 0;  // the messages the question counts
  for (const Branch& b : s.all) k += counts_message(q, b.from, b.slot);
  const std::string node = name(g, q.node);
  double before = 0;
  for (std::size_t i = 0; i + 1 < k; ++i) before += s.all[i].contribution;
  switch (static_cast<RunningTotalGiven>(f.variant)) {
    case RunningTotalGiven::Final:
      return trf(
          "{0} is grad({1}) once all {2} messages have arrived; this step asks for the running total after "
          "the first {3}",
          a, node, s.all.size(), k);
    case RunningTotalGiven::Before:
      return trf("{0} is what grad({1}) had before this message: at a fork the message ({2}) is added to it (+=)", a,
                 node, signed_num(s.all[k - 1].contribution));
    case RunningTotalGiven::Alone:
      return trf("{0} is this message alone: at a fork it is added to what grad({1}) already has ({2})", a, node,
                 num(before));
    case RunningTotalGiven::Earlier:
      break;
  }
  return trf("{0} is a running total of grad({1}), not the one asked for", a, node);
}

std::string wrong_rule_text(const Graph& g, const Finding& f, const std::string& a) {
  const Node& n = g.node(f.gate);
  const std::string gate = name(g, f.gate), x = name(g, n.a), y = n.b == no_node ? "" : name(g, n.b);
  switch (static_cast<RuleUsed>(f.variant)) {
    case RuleUsed::AddForMul:
      return trf("{0} adds the inputs of {1}: it multiplies them, {2} · {3}", a, gate, x, y);
    case RuleUsed::MulForAdd:
      return trf("{0} multiplies the inputs of {1}: it adds them, {2} + {3}", a, gate, x, y);
    case RuleUsed::SubForAdd:
      return trf("{0} subtracts the inputs of {1}: it adds them, {2} + {3}", a, gate, x, y);
    case RuleUsed::AddForSub:
      return trf("{0} adds the inputs of {1}: it subtracts the second, {2} - {3}", a, gate, x, y);
    case RuleUsed::DivisionFlipped:
      return trf("{0} divides the other way round at {1}: it is {2} / {3}", a, gate, x, y);
    case RuleUsed::MulForPow:
      return trf("{0} multiplies base and exponent at {1}: it raises {2} to the power {3}", a, gate, x, y);
    case RuleUsed::SigmoidOfMinus:
      return trf("{0} is σ(-{2}) = 1 - σ({2}) at {1}: σ(z) = 1 / (1 + e^-z)", a, gate, x);
  }
  return a;
}

}  // namespace

std::string question_text(const Graph& g, Question q) {
  const std::string n = name(g, q.node);
  return q.asks == Asks::Grad ? "grad(" + n + ")" : n;
}

std::string gradient_sum_text(const Graph& g, Question q, const std::vector<Branch>& branches, double truth) {
  std::vector<Branch> sorted = branches;
  std::sort(sorted.begin(), sorted.end(),
            [](const Branch& a, const Branch& b) { return a.from != b.from ? a.from > b.from : a.slot < b.slot; });
  std::string s = question_text(g, q) + " =";
  for (std::size_t i = 0; i < sorted.size(); ++i) s += (i ? " + " : " ") + term(sorted[i].contribution);
  return s + " = " + num(truth);
}

namespace {

// The words of one finding, and the names they use.
struct Words {
  const Graph& g;
  NodeId output;
  const Question& q;
  const Finding& f;
  const std::string& a;       // the learner's answer as written
  std::string node, gate, d;  // the question's node, the gate, the gate's partial for the input

  Words(const Graph& g_, NodeId output_, const Question& q_, const Finding& f_, const std::string& a_)
      : g(g_), output(output_), q(q_), f(f_), a(a_), node(name(g_, q_.node)) {
    if (f.gate == no_node) return;
    gate = name(g, f.gate);
    if (f.slot >= 0) d = partial(g, f.gate, f.slot);
  }
};

// A fork's messages added up wrongly.
std::string fork_text(const Words& w) {
  const Graph& g = w.g;
  const NodeId output = w.output;
  const Question& q = w.q;
  const Finding& f = w.f;
  const std::string &a = w.a, &node = w.node, &gate = w.gate;
  switch (f.kind) {
    case Mistake::MissingBranches: {
      if (f.node != no_node)
        return trf("{0} leaves out the branch from {1} into {2} ({3}): at a fork the gradients add up", a, gate,
                   name(g, f.node), signed_num(f.right));
      const Split s = split(g, output, q.node, f.mask);
      return trf(s.out.size() == 1 ? tr_later("{} is the gradient through {} alone; the branch through {} is missing: "
                                              "at a fork the gradients add up")
                                   : tr_later("{} is the gradient through {} alone; the branches through {} are "
                                              "missing: at a fork the gradients add up"),
                 a, list_text(g, s.in, s.all), list_text(g, s.out, s.all));
    }
    case Mistake::RunningTotal:
      return running_total_text(g, output, q, f, a);
    case Mistake::ExtraBranch: {
      const Split s = split(g, output, q.node, f.mask);
      return trf("{} counts the branch through {} twice", a, branch_text(g, s.in.front(), s.all));
    }
    case Mistake::MultipliedBranches:
      return trf("{0} multiplies the messages into {1}: at a fork they add up", a, node);
    default:
      return a;
  }
}

// A local partial, or a gate's rule for gradients, taken wrongly.
std::string partial_text(const Words& w) {
  const Graph& g = w.g;
  const Question& q = w.q;
  const Finding& f = w.f;
  const std::string &a = w.a, &gate = w.gate, &d = w.d;
  const bool at_gate = f.gate != no_node;
  switch (f.kind) {
    case Mistake::SignError:
      if (!at_gate) return trf("{} is the right size with the wrong sign", a);
      if (q.asks == Asks::Value)
        return trf("{0} takes {1} = {2} as {3} in {4}: its sign is lost", a, name(g, f.node), num(f.right), num(f.used),
                   gate);
      return trf("{0} has the wrong sign: the local partial {1} is {2}, not {3}", a, d, num(f.right), num(-f.right));
    case Mistake::ThroughDetach:
      return trf("{0} is the derivative as if {1} (detach) passed the gradient on; detach sends none back", a, gate);
    case Mistake::SteAsForward: {
      const Node& ste = g.node(f.gate);
      return trf(
          "{0} treats {1} as if it were its first input {2}: ste(f, b) takes the value of f but sends the gradient "
          "to b, here {3}, as if the gate were b",
          a, gate, name(g, ste.a), name(g, ste.b));
    }
    case Mistake::LocalOnly:
      return trf("{0} is the local partial {1} = {2} alone: multiply it by the upstream gradient grad({3}) = {4}", a, d,
                 num(f.value), gate, num(f.right));
    case Mistake::UpstreamOnly:
      return trf(
          "{0} takes the message from {1} to be its upstream gradient grad({1}) alone: multiply that by the "
          "local partial {2} = {3}",
          a, gate, d, num(f.right));
    case Mistake::AddRuleAtMul:
      return trf("{0} takes the local partial {1} of a mul as 1, as an add's is: it is the other input, {2}", a, d,
                 num(f.right));
    case Mistake::MulRuleAtAdd:
      return trf(
          "{0} takes the local partial {1} of an add as the other input ({2}), as a mul's is: an add passes "
          "the gradient on unchanged, {1} = 1",
          a, d, num(f.used));
    case Mistake::MulPartialsSwapped:
      return trf("{0} takes {1} as the input's own value ({2}): a mul's partial for one input is the other input, {3}",
                 a, d, num(f.used), num(f.right));
    default:
      return a;
  }
}

// A gate's derivative taken wrongly: passed through, added, without its exponent, its value.
std::string derivative_text(const Words& w) {
  const Graph& g = w.g;
  const Question& q = w.q;
  const Finding& f = w.f;
  const std::string &a = w.a, &gate = w.gate, &d = w.d;
  const bool at_gate = f.gate != no_node;
  switch (f.kind) {
    case Mistake::GateAsIdentity:
      if (q.asks == Asks::Value && g.node(f.gate).op == Op::Ste)
        return trf("{0} takes the value of b ({1}) for {2} = ste(f, b): its value is f, {3}", a,
                   name(g, g.node(f.gate).b), gate, name(g, g.node(f.gate).a));
      if (q.asks == Asks::Value)
        return trf("{0} leaves out {1}: it is the value of its input {2}", a, gate_and_op(g, f.gate),
                   name(g, f.slot == 0 ? g.node(f.gate).a : g.node(f.gate).b));
      return trf("{0} passes the gradient through {1} unchanged, as if its local partial {2} were 1; it is {3}", a,
                 gate_and_op(g, f.gate), d, num(f.right));
    case Mistake::AddedNotMultiplied:
      if (!at_gate) return trf("{} adds the upstream gradient and the local partial at every gate: multiply them", a);
      return trf("{0} adds the upstream gradient grad({1}) = {2} and the local partial {3} = {4}: multiply them", a,
                 gate, num(f.used), d, num(f.right));
    case Mistake::ExponentDropped:
      return trf("{0} drops the exponent brought down in {1}: d(u^n)/du = n · u^(n-1), here {2}, not {3}", a, d,
                 num(f.right), num(f.used));
    case Mistake::ValueAsPartial:
      return trf("{0} uses the value of {1}, {2}, as its derivative: {3} is {4}", a, gate_and_op(g, f.gate),
                 num(f.used), d, num(f.right));
    case Mistake::OneMinusValue:
      if (g.node(f.gate).op == Op::Tanh)
        return trf("{0} uses 1 - tanh = {1} at {2}: tanh' = 1 - tanh² = {3}", a, num(f.used), gate, num(f.right));
      return trf("{0} uses 1 - σ = {1} at {2}: σ' = σ · (1 - σ) = {3}", a, num(f.used), gate, num(f.right));
    case Mistake::MaxToLoser:
      return trf(
          g.node(f.gate).op == Op::Max
              ? tr_later("{0} sends the gradient of {1} to {2}, the input that lost: max routes it to the larger")
              : tr_later("{0} sends the gradient of {1} to {2}, the input that lost: min routes it to the smaller"),
          a, gate, name(g, f.node));
    default:
      return a;
  }
}

// A number taken for another: the learner's own, a rounded one, a value, another node's.
std::string number_text(const Words& w) {
  const Graph& g = w.g;
  const NodeId output = w.output;
  const Question& q = w.q;
  const Finding& f = w.f;
  const std::string &a = w.a, &node = w.node;
  switch (f.kind) {
    case Mistake::WrongUpstream:
      return trf("{0} follows from your {1} = {2}, which is already wrong: fix that first", a,
                 question_text(g, f.other), num(f.other_answer));
    case Mistake::RoundedIntermediate:
      if (f.digits == 0)
        return trf("{0} follows from your {1} = {2}, rounded: carry more digits along the way", a,
                   question_text(g, f.other), num(f.other_answer));
      return trf(
          "{0} follows from {1} rounded to {2} significant digits ({3} for {4}): carry more digits along the way", a,
          question_text(g, f.other), f.digits, num(f.used), num(f.right));
    case Mistake::ValueForGradient:
      if (f.node == q.node) return trf("{0} is the value of {1}, not its gradient", a, node);
      if (f.node == output) return trf("{0} is the value of the output {1}, not a gradient", a, name(g, f.node));
      return trf("{0} is the value of {1}, which the gradient passes through, not a gradient", a, name(g, f.node));
    case Mistake::GradientForValue:
      return trf("{0} is the gradient of {1}, not its value", a, node);
    case Mistake::WrongRule:
      return wrong_rule_text(g, f, a);
    case Mistake::LastDigit:
      return trf("{} is off in its last digit", a);
    case Mistake::OtherNode:  // a page passes no node and fills in "{other}" itself
      return trf("{0} is {1}, not {2}", a, f.other.node == no_node ? "{other}" : question_text(g, f.other),
                 question_text(g, q));
    default:
      return a;
  }
}

}  // namespace

std::string finding_text(const Graph& g, NodeId output, const Question& q, const Finding& f, const std::string& a) {
  const Words w(g, output, q, f, a);
  switch (f.kind) {
    case Mistake::MissingBranches:
    case Mistake::RunningTotal:
    case Mistake::ExtraBranch:
    case Mistake::MultipliedBranches:
      return fork_text(w);
    case Mistake::SignError:
    case Mistake::ThroughDetach:
    case Mistake::SteAsForward:
    case Mistake::LocalOnly:
    case Mistake::UpstreamOnly:
    case Mistake::AddRuleAtMul:
    case Mistake::MulRuleAtAdd:
    case Mistake::MulPartialsSwapped:
      return partial_text(w);
    case Mistake::GateAsIdentity:
    case Mistake::AddedNotMultiplied:
    case Mistake::ExponentDropped:
    case Mistake::ValueAsPartial:
    case Mistake::OneMinusValue:
    case Mistake::MaxToLoser:
      return derivative_text(w);
    case Mistake::WrongUpstream:
    case Mistake::RoundedIntermediate:
    case Mistake::ValueForGradient:
    case Mistake::GradientForValue:
    case Mistake::WrongRule:
    case Mistake::LastDigit:
    case Mistake::OtherNode:
      return number_text(w);
    case Mistake::TooFewDigits:
    case Mistake::NoGradient:
    case Mistake::GradientExists:
    case Mistake::Unknown:
      break;
  }
  return a;
}

}  // namespace gatelab::cli
