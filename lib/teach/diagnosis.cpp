#include "gatelab/teach/diagnosis.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "engine/dependence.hpp"
#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab {

namespace {

constexpr double slack = 1 + 1e-9;  // so that 0.25 written as 0.2 or 0.3 is not decided by binary rounding

bool within(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance * slack + 1e-300; }

// The tolerance a candidate is matched to: the answer's own precision.
double match_tolerance(const Answer& a) { return a.tolerance ? *a.tolerance : a.written_precision; }

// Does output depend on each node through gradient messages? (The nodes a reverse pass reaches.)
std::vector<unsigned char> reaching(const Graph& g, NodeId output) {
  std::vector<unsigned char> on(output + 1, 0);
  on[output] = 1;
  for (NodeId i = output + 1; i-- > 0;) {
    if (!on[i]) continue;
    for (int slot = 0; slot < 2; ++slot)
      if (takes_message(g, i, slot)) on[slot == 0 ? g.node(i).a : g.node(i).b] = 1;
  }
  return on;
}

ops::Partials partials_of(const Graph& g, NodeId id) {
  const Node& n = g.node(id);
  return op_partials(n.op, g.value(n.a), n.b == no_node ? 0.0 : g.value(n.b), g.value(id));
}

// d output / d node for every node, as if detach and ste's f passed the derivative of the
// value (the value of a surrogate gate is its input a, so that derivative is 1).
std::vector<double> value_derivatives(const Graph& g, NodeId output) {
  std::vector<double> d(output + 1, 0.0);
  d[output] = 1;
  for (NodeId i = output + 1; i-- > 0;) {
    const Node& n = g.node(i);
    if (d[i] == 0 || op_info(n.op).arity == 0) continue;
    const ops::Partials p = op_info(n.op).surrogate ? ops::Partials{1, 0} : partials_of(g, i);
    d[n.a] += p.da * d[i];
    if (n.b != no_node) d[n.b] += p.db * d[i];
  }
  return d;
}

class Candidates {
 public:
  Candidates(Question q, double truth) : q_(q), truth_(truth) {}
  // Adds a wrong number unless it is the truth, not finite, or already listed.
  void add(double value, Diagnosis d) {
    if (!std::isfinite(value) || within(value, truth_, 1e-12 * std::max(1.0, std::fabs(truth_)))) return;
    for (const Candidate& c : list_)
      if (c.value == value) return;
    d.question = q_;
    d.truth = truth_;
    list_.push_back({value, std::move(d)});
  }
  void add(double value, Mistake kind) { add(value, Diagnosis{.kind = kind}); }
  std::vector<Candidate> take() { return std::move(list_); }

 private:
  Question q_;
  double truth_;
  std::vector<Candidate> list_;
};

// Sums over the subsets of the branches, most branches first: each is the answer of a
// learner who left the others out at the fork.
void add_missing_branches(Candidates& out, const std::vector<Branch>& branches) {
  const std::size_t n = branches.size();
  if (n < 2 || n > 12) return;
  std::vector<unsigned> subsets;
  for (unsigned mask = 1; mask + 1 < (1u << n); ++mask) subsets.push_back(mask);
  std::stable_sort(subsets.begin(), subsets.end(),
                   [](unsigned a, unsigned b) { return std::popcount(a) > std::popcount(b); });
  for (unsigned mask : subsets) {
    Diagnosis d{.kind = Mistake::MissingBranches};
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (mask & (1u << i)) {
        d.included.push_back(branches[i]);
        sum += branches[i].contribution;
      } else {
        d.left_out.push_back(branches[i]);
      }
    }
    out.add(sum, std::move(d));
  }
}

void add_message_mistakes(Candidates& out, const Branch& b) {
  out.add(b.local, Diagnosis{.kind = Mistake::LocalOnly, .branch = b});
  out.add(b.upstream, Diagnosis{.kind = Mistake::UpstreamOnly, .branch = b});
}

// The other named nodes' values or gradients.
void add_other_nodes(Candidates& out, const Graph& g, NodeId node, Asks asks, const std::vector<double>* grads) {
  for (NodeId id = 0; id < g.size(); ++id) {
    if (id == node || g.name(id).empty()) continue;
    if (asks == Asks::Grad && (!grads || id >= grads->size())) continue;
    const double v = asks == Asks::Grad ? (*grads)[id] : g.value(id);
    out.add(v, Diagnosis{.kind = Mistake::OtherNode, .other = {id, asks}, .other_truth = v});
  }
}

// The closest candidate within the answer's precision; on equal distance the first.
std::optional<Diagnosis> closest(const std::vector<Candidate>& candidates, const Answer& answer) {
  const Candidate* best = nullptr;
  for (const Candidate& c : candidates) {
    if (!within(answer.value, c.value, match_tolerance(answer))) continue;
    if (!best || std::fabs(answer.value - c.value) < std::fabs(answer.value - best->value)) best = &c;
  }
  if (!best) return std::nullopt;
  return best->diagnosis;
}

Diagnosis from_candidates(const std::vector<Candidate>& candidates, Question q, double t, const Answer& answer) {
  Diagnosis d{.kind = Mistake::Unknown, .question = q, .truth = t};
  if (judge(answer, t) == Verdict::TooFewDigits) {
    d.kind = Mistake::TooFewDigits;
    d.digits = answer.significant_digits;
  } else if (auto found = closest(candidates, answer)) {
    d = *found;
  }
  d.answer = answer.value;
  return d;
}

}  // namespace

double accepted_difference(const Answer& a, double truth) {
  if (a.tolerance) return *a.tolerance;
  return std::min(a.written_precision, std::max(0.01 * std::fabs(truth), 1e-12));
}

Verdict judge(const Answer& a, double truth) {
  const double difference = std::fabs(a.value - truth);
  if (a.tolerance) return within(a.value, truth, *a.tolerance) ? Verdict::Right : Verdict::Wrong;
  if (!within(a.value, truth, a.written_precision)) return Verdict::Wrong;
  return difference <= accepted_difference(a, truth) * slack ? Verdict::Right : Verdict::TooFewDigits;
}

const char* to_string(Mistake m) {
  switch (m) {
    case Mistake::TooFewDigits:
      return "too_few_digits";
    case Mistake::SignError:
      return "sign_error";
    case Mistake::MissingBranches:
      return "missing_branches";
    case Mistake::ExtraBranch:
      return "extra_branch";
    case Mistake::ThroughCutGate:
      return "through_cut_gate";
    case Mistake::LocalOnly:
      return "local_only";
    case Mistake::UpstreamOnly:
      return "upstream_only";
    case Mistake::ValueForGradient:
      return "value_for_gradient";
    case Mistake::GradientForValue:
      return "gradient_for_value";
    case Mistake::OtherNode:
      return "other_node";
    case Mistake::WrongUpstream:
      return "wrong_upstream";
    case Mistake::Unknown:
      break;
  }
  return "unknown";
}

std::optional<Mistake> mistake_from_name(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Mistake::Unknown); ++i)
    if (name == to_string(static_cast<Mistake>(i))) return static_cast<Mistake>(i);
  return std::nullopt;
}

double truth(const Graph& g, NodeId output, Question q) {
  if (q.asks == Asks::Value) return g.value(q.node);
  std::vector<double> grads;
  reverse_pass(g, output, grads);
  return grads[q.node];
}

std::vector<Branch> branches_into(const Graph& g, NodeId output, NodeId node) {
  std::vector<double> grads;
  reverse_pass(g, output, grads);
  const auto on = reaching(g, output);
  std::vector<Branch> out;
  for (NodeId c = output + 1; c-- > node + 1;) {
    if (!on[c]) continue;
    const Node& n = g.node(c);
    for (int slot = 0; slot < 2; ++slot) {
      if ((slot == 0 ? n.a : n.b) != node || !takes_message(g, c, slot)) continue;
      const ops::Partials p = partials_of(g, c);
      const double local = slot == 0 ? p.da : p.db;
      out.push_back({c, slot, grads[c], local, grads[c] * local});
    }
  }
  return out;
}

std::vector<Candidate> likely_mistakes(const Graph& g, NodeId output, Question q) {
  if (q.asks == Asks::Value) {
    Candidates out(q, g.value(q.node));
    out.add(-g.value(q.node), Mistake::SignError);
    std::vector<double> grads;
    try {
      reverse_pass(g, output, grads);
      out.add(grads[q.node], Mistake::GradientForValue);
    } catch (const Error&) {  // no gradients to mistake for values
    }
    add_other_nodes(out, g, q.node, Asks::Value, nullptr);
    return out.take();
  }
  std::vector<double> grads;
  reverse_pass(g, output, grads);
  const double t = q.node < grads.size() ? grads[q.node] : 0.0;
  Candidates out(q, t);
  out.add(-t, Mistake::SignError);
  const std::vector<Branch> branches = q.node <= output ? branches_into(g, output, q.node) : std::vector<Branch>{};
  add_missing_branches(out, branches);
  if (branches.size() >= 2)
    for (const Branch& b : branches)
      out.add(t + b.contribution, Diagnosis{.kind = Mistake::ExtraBranch, .included = {b}});
  if (q.node <= output) {
    const std::vector<double> d = value_derivatives(g, output);
    if (d[q.node] != t) {
      Diagnosis cut{.kind = Mistake::ThroughCutGate};
      const auto dep = detail::depends_on(g, q.node);
      for (NodeId id = q.node; id <= output; ++id)
        if (dep[id] && d[id] != 0 && op_info(g.node(id).op).surrogate) cut.cut_gates.push_back(id);
      out.add(d[q.node], std::move(cut));
    }
  }
  for (const Branch& b : branches) add_message_mistakes(out, b);
  out.add(g.value(q.node), Mistake::ValueForGradient);
  add_other_nodes(out, g, q.node, Asks::Grad, &grads);
  return out.take();
}

Diagnosis diagnose(const Graph& g, NodeId output, Question q, const Answer& answer) {
  return from_candidates(likely_mistakes(g, output, q), q, truth(g, output, q), answer);
}

Diagnosis diagnose_number(Question q, double t, const Answer& answer) {
  Candidates out(q, t);
  out.add(-t, Mistake::SignError);
  return from_candidates(out.take(), q, t, answer);
}

Diagnosis diagnose(const Graph& g, NodeId output, const Claim& claim, const std::vector<Claim>& others) {
  Diagnosis d = diagnose(g, output, claim.question, claim.answer);
  if (d.kind != Mistake::Unknown || claim.question.asks != Asks::Grad) return d;
  // A wrong gradient the learner gave for a node between this one and the output.
  const auto dep = detail::depends_on(g, claim.question.node);
  const auto on = reaching(g, output);
  const Claim* nearest = nullptr;
  for (const Claim& o : others) {
    const NodeId id = o.question.node;
    if (o.question.asks != Asks::Grad || id == claim.question.node || id > output || !dep[id] || !on[id]) continue;
    if (judge(o.answer, truth(g, output, o.question)) == Verdict::Right) continue;
    if (!nearest || id > nearest->question.node) nearest = &o;
  }
  if (nearest) {
    d.kind = Mistake::WrongUpstream;
    d.other = nearest->question;
    d.other_truth = truth(g, output, nearest->question);
    d.other_answer = nearest->answer.value;
  }
  return d;
}

Question step_question(const Trace& trace, int step) {
  for (const ForwardStep& s : trace.forward)
    if (s.step == step) return {s.node, Asks::Value};
  for (const BackwardStep& s : trace.backward)
    if (s.step == step) return {s.to, Asks::Grad};
  for (const TangentStep& s : trace.tangent)
    if (s.step == step) return {s.node, Asks::Grad};
  throw Error(trf("the trace has no step {}", step));
}

double step_truth(const Trace& trace, int step) {
  for (const ForwardStep& s : trace.forward)
    if (s.step == step) return s.value;
  for (const BackwardStep& s : trace.backward)
    if (s.step == step) return s.grad_after;
  for (const TangentStep& s : trace.tangent)
    if (s.step == step) return s.tangent;
  throw Error(trf("the trace has no step {}", step));
}

std::vector<Candidate> likely_step_mistakes(const Graph& g, const Trace& trace, int step) {
  for (const ForwardStep& s : trace.forward) {
    if (s.step != step) continue;
    Candidates out({s.node, Asks::Value}, s.value);
    out.add(-s.value, Mistake::SignError);
    for (NodeId in : {s.a, s.b})  // an input's value (a constant is a number, not a node to confuse)
      if (in != no_node && g.node(in).op != Op::Const)
        out.add(g.value(in),
                Diagnosis{.kind = Mistake::OtherNode, .other = {in, Asks::Value}, .other_truth = g.value(in)});
    return out.take();
  }
  for (const BackwardStep& s : trace.backward) {
    if (s.step != step) continue;
    Candidates out({s.to, Asks::Grad}, s.grad_after);
    out.add(-s.grad_after, Mistake::SignError);
    if (s.from == no_node) return out.take();  // the seed
    const Branch here{s.from, s.slot, s.upstream, s.local, s.contribution};
    if (s.accumulated) {
      std::vector<Branch> earlier;
      for (const BackwardStep& e : trace.backward)
        if (e.step < step && e.to == s.to && e.from != no_node)
          earlier.push_back({e.from, e.slot, e.upstream, e.local, e.contribution});
      out.add(s.contribution, Diagnosis{.kind = Mistake::MissingBranches, .included = {here}, .left_out = earlier});
      out.add(s.grad_after - s.contribution,
              Diagnosis{.kind = Mistake::MissingBranches, .included = earlier, .left_out = {here}});
    }
    add_message_mistakes(out, here);
    out.add(g.value(s.to), Mistake::ValueForGradient);
    return out.take();
  }
  for (const TangentStep& s : trace.tangent) {
    if (s.step != step) continue;
    Candidates out({s.node, Asks::Grad}, s.tangent);
    out.add(-s.tangent, Mistake::SignError);
    return out.take();
  }
  throw Error(trf("the trace has no step {}", step));
}

Diagnosis diagnose_step(const Graph& g, const Trace& trace, int step, const Answer& answer) {
  const auto candidates = likely_step_mistakes(g, trace, step);
  const Question q = candidates.empty() ? step_question(trace, step) : candidates.front().diagnosis.question;
  return from_candidates(candidates, q, step_truth(trace, step), answer);
}

}  // namespace gatelab
