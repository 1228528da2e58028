#include "render/diagnosis_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/format.hpp"
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
  if (same > 1) from += b.slot == 0 ? " (its first input)" : " (its second input)";
  return from + " (" + signed_num(b.contribution) + ")";
}

std::string list_text(const Graph& g, const std::vector<Branch>& branches, const std::vector<Branch>& all) {
  std::string s;
  for (std::size_t i = 0; i < branches.size(); ++i) {
    if (i > 0) s += i + 1 == branches.size() ? " and " : ", ";
    s += branch_text(g, branches[i], all);
  }
  return s;
}

// "grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957", the messages in the order sent.
std::string sum_text(const Graph& g, Question q, std::vector<Branch> branches, double truth) {
  std::sort(branches.begin(), branches.end(), [](const Branch& a, const Branch& b) {
    return a.from != b.from ? a.from > b.from : a.slot < b.slot;
  });
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
      return fmt::format("right to {} significant digit{}; give more digits: {} is {}", d.digits, d.digits == 1 ? "" : "s",
                         subject, truth);
    case Mistake::SignError: return fmt::format("the right size with the wrong sign: {} is {}", subject, truth);
    case Mistake::MissingBranches: {
      std::vector<Branch> all = d.included;
      all.insert(all.end(), d.left_out.begin(), d.left_out.end());
      return fmt::format("{} is the gradient through {} alone; {} through {} {} missing: at a fork the gradients add up, {}", answer,
                         list_text(g, d.included, all), d.left_out.size() == 1 ? "the branch" : "the branches",
                         list_text(g, d.left_out, all), d.left_out.size() == 1 ? "is" : "are", sum_text(g, d.question, all, d.truth));
    }
    case Mistake::ExtraBranch:
      return fmt::format("the branch through {} is counted twice; {} is {}", branch_text(g, d.included.front(), d.included), subject,
                         truth);
    case Mistake::ThroughCutGate: {
      std::string gates;
      for (NodeId id : d.cut_gates) gates += (gates.empty() ? "" : ", ") + display_name(g, id) + " (" + std::string(op_info(g.node(id).op).name) + ")";
      return fmt::format("{} is the derivative of the value, as if {} passed the gradient on; {} sends none back, so {} is {}", answer,
                         gates, d.cut_gates.size() == 1 ? "it" : "they", subject, truth);
    }
    case Mistake::LocalOnly:
      return fmt::format("{} is the local partial {} = {} alone: multiply it by the upstream gradient grad({}) = {} to get the message {}",
                         answer, partial_name(g, *d.branch, d.question.node), num(d.branch->local), display_name(g, d.branch->from),
                         num(d.branch->upstream), num(d.branch->contribution));
    case Mistake::UpstreamOnly:
      return fmt::format("{} is the upstream gradient grad({}) = {} alone: multiply it by the local partial {} = {} to get the message {}",
                         answer, display_name(g, d.branch->from), num(d.branch->upstream), partial_name(g, *d.branch, d.question.node),
                         num(d.branch->local), num(d.branch->contribution));
    case Mistake::ValueForGradient: return fmt::format("{} is the value of {}, not its gradient: {} is {}", answer, node, subject, truth);
    case Mistake::GradientForValue: return fmt::format("{} is the gradient of {}, not its value: {} is {}", answer, node, node, truth);
    case Mistake::OtherNode:
      return fmt::format("{} is {}, not {}: {} is {}", answer, other, subject, subject, truth);
    case Mistake::WrongUpstream:
      return fmt::format("your {} = {} is already wrong (the trace has {}), and {} depends on it: fix that first; {} is {}", other,
                         num(d.other_answer), num(d.other_truth), subject, subject, truth);
    case Mistake::Unknown: break;
  }
  return fmt::format("{} is {}", subject, truth);
}

}  // namespace gatelab::cli
