#include "render/diagnosis_text.hpp"

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

// "through xpy (+1.58319)"; a gate that uses the node twice names the input.
std::string branch_text(const Graph& g, const Branch& b, const std::vector<Branch>& all) {
  std::string from = display_name(g, b.from);
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

// "grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957", the messages in the order sent.
std::string sum_text(const Graph& g, Question q, std::vector<Branch> branches, double truth) {
  std::sort(branches.begin(), branches.end(),
            [](const Branch& a, const Branch& b) { return a.from != b.from ? a.from > b.from : a.slot < b.slot; });
  std::string s = question_text(g, q) + " =";
  for (std::size_t i = 0; i < branches.size(); ++i) s += (i ? " + " : " ") + term(branches[i].contribution);
  return s + " = " + num(truth);
}

std::string partial_name(const Graph& g, const Branch& b, NodeId node) {
  return "d" + display_name(g, b.from) + "/d" + display_name(g, node);
}

}  // namespace

std::string question_text(const Graph& g, Question q) {
  const std::string name = display_name(g, q.node);
  return q.asks == Asks::Grad ? "grad(" + name + ")" : name;
}

std::string diagnosis_text(const Graph& g, const Diagnosis& d) {
  return diagnosis_text(g, d, num(d.answer), d.other.node == no_node ? "" : question_text(g, d.other));
}

std::string gradient_sum_text(const Graph& g, Question q, const std::vector<Branch>& branches, double truth) {
  return sum_text(g, q, branches, truth);
}

std::string diagnosis_text(const Graph& g, const Diagnosis& d, const std::string& answer, const std::string& other) {
  const std::string subject = question_text(g, d.question);
  const std::string truth = num(d.truth);
  const std::string node = display_name(g, d.question.node);
  switch (d.kind) {
    case Mistake::TooFewDigits:
      return trf(d.digits == 1 ? tr_later("right to {} significant digit; give more digits: {} is {}")
                               : tr_later("right to {} significant digits; give more digits: {} is {}"),
                 d.digits, subject, truth);
    case Mistake::SignError:
      return trf("the right size with the wrong sign: {} is {}", subject, truth);
    case Mistake::MissingBranches: {
      std::vector<Branch> all = d.included;
      all.insert(all.end(), d.left_out.begin(), d.left_out.end());
      return trf(d.left_out.size() == 1 ? tr_later("{} is the gradient through {} alone; the branch through {} is "
                                                   "missing: at a fork the gradients add up, {}")
                                        : tr_later("{} is the gradient through {} alone; the branches through {} are "
                                                   "missing: at a fork the gradients add up, {}"),
                 answer, list_text(g, d.included, all), list_text(g, d.left_out, all),
                 sum_text(g, d.question, all, d.truth));
    }
    case Mistake::ExtraBranch:
      return trf("the branch through {} is counted twice; {} is {}", branch_text(g, d.included.front(), d.included),
                 subject, truth);
    case Mistake::ThroughCutGate: {
      std::string gates;
      for (NodeId id : d.cut_gates) {
        const std::string gate = display_name(g, id) + " (" + std::string(op_info(g.node(id).op).name) + ")";
        gates = gates.empty() ? gate : trf("{}, {}", gates, gate);
      }
      return trf(d.cut_gates.size() == 1 ? tr_later("{} is the derivative of the value, as if {} passed the gradient "
                                                    "on; it sends none back, so {} is {}")
                                         : tr_later("{} is the derivative of the value, as if {} passed the gradient "
                                                    "on; they send none back, so {} is {}"),
                 answer, gates, subject, truth);
    }
    case Mistake::LocalOnly:
      return trf(
          "{} is the local partial {} = {} alone: multiply it by the upstream gradient grad({}) = {} to get the "
          "message {}",
          answer, partial_name(g, *d.branch, d.question.node), num(d.branch->local), display_name(g, d.branch->from),
          num(d.branch->upstream), num(d.branch->contribution));
    case Mistake::UpstreamOnly:
      return trf(
          "{} is the upstream gradient grad({}) = {} alone: multiply it by the local partial {} = {} to get the "
          "message {}",
          answer, display_name(g, d.branch->from), num(d.branch->upstream), partial_name(g, *d.branch, d.question.node),
          num(d.branch->local), num(d.branch->contribution));
    case Mistake::ValueForGradient:
      return trf("{} is the value of {}, not its gradient: {} is {}", answer, node, subject, truth);
    case Mistake::GradientForValue:
      return trf("{0} is the gradient of {1}, not its value: {1} is {2}", answer, node, truth);
    case Mistake::OtherNode:
      return trf("{0} is {1}, not {2}: {2} is {3}", answer, other, subject, truth);
    case Mistake::WrongUpstream:
      return trf(
          "your {0} = {1} is already wrong (the trace has {2}), and {3} depends on it: fix that first; {3} is {4}",
          other, num(d.other_answer), num(d.other_truth), subject, truth);
    case Mistake::Unknown:
      break;
  }
  return trf("{} is {}", subject, truth);
}

}  // namespace gatelab::cli
