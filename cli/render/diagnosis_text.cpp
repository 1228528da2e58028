#include "render/diagnosis_text.hpp"

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

namespace {

std::string num(double x) { return format_number(x); }

// Where the learner's chain and the trace part ways, from their other answers.
std::string parting_text(const Graph& g, const Diagnosis& d) {
  if (d.first_wrong)
    return trf("your {0} = {1} is already wrong: start there", question_text(g, d.first_wrong->question),
               d.first_wrong->answer.text);
  if (d.last_agreeing)
    return trf("your {0} = {1} agrees with the trace: look again at the way from there to {2}",
               question_text(g, d.last_agreeing->question), d.last_agreeing->answer.text, question_text(g, d.question));
  return "";
}

// "grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957" where the answer left some out.
bool shows_sum(const Diagnosis& d) {
  for (const Finding& f : d.named)
    if ((f.kind == Mistake::MissingBranches && f.node == no_node) || f.kind == Mistake::MultipliedBranches ||
        f.kind == Mistake::ExtraBranch)
      return true;
  return false;
}

}  // namespace

std::string tie_joiner() { return tr("; or "); }

std::string clause_separator() { return tr("; "); }

std::string too_few_digits_text(int digits, const std::string& shown) {
  return trf(digits == 1 ? tr_later("right to {} significant digit; give more digits")
                         : tr_later("right to {} significant digits; give more digits"),
             shown.empty() ? std::to_string(digits) : shown);
}

std::string unknown_text(const std::string& answer) { return trf("no likely mistake gives {}", answer); }

std::string no_gradient_text(const Graph& g, NodeId output, const Question& q) {
  const std::string node = display_name(g, q.node), out = display_name(g, output);
  if (!g.node(output).requires_grad)
    return trf(
        "there is no gradient here: {} does not depend on any input except through detach or constants, so "
        "backward is impossible",
        out);
  if (!g.node(q.node).requires_grad)
    return trf("there is no gradient here: {} does not require grad (it is a constant or comes out of detach)", node);
  return trf("there is no gradient here: {} does not depend on {}", out, node);
}

std::string gradient_exists_text(const Graph& g, const Question& q) {
  return trf("a gradient does reach {}", display_name(g, q.node));
}

std::string truth_text(const Graph& g, const Question& q, const Truth& truth) {
  if (!truth.value) return trf("{} has no gradient", display_name(g, q.node));
  return trf("{} is {}", question_text(g, q), num(*truth.value));
}

std::string diagnosis_text(const Graph& g, NodeId output, const Diagnosis& d, bool reveal) {
  std::string words;
  for (const Finding& f : d.named)
    words += (words.empty() ? "" : tie_joiner()) + finding_text(g, output, d.question, f, d.answer.text);
  if (d.verdict == Verdict::NoGradient) {
    const std::string why = no_gradient_text(g, output, d.question);
    return words.empty() ? why : words + clause_separator() + why;
  }
  switch (d.kind) {
    case Mistake::TooFewDigits:
      words = too_few_digits_text(d.answer.significant_digits);
      break;
    case Mistake::GradientExists:
      words = gradient_exists_text(g, d.question);
      break;
    case Mistake::Unknown: {
      words = unknown_text(d.answer.text);
      const std::string parting = parting_text(g, d);
      if (!parting.empty()) words += clause_separator() + parting;
      break;
    }
    default:
      break;
  }
  if (!reveal || !d.truth.value) return words;
  if (shows_sum(d) && d.question.asks == Asks::Grad) {
    std::vector<Branch> counted;
    for (const Branch& b : branches_into(g, output, d.question.node))
      if (counts_message(d.question, b.from, b.slot)) counted.push_back(b);
    return words + clause_separator() + gradient_sum_text(g, d.question, counted, *d.truth.value);
  }
  return words + clause_separator() + truth_text(g, d.question, d.truth);
}

}  // namespace gatelab::cli
