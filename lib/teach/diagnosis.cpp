#include "gatelab/teach/diagnosis.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "teach/mistake_models.hpp"

namespace gatelab {

namespace {

using detail::Context;
using detail::Place;
using detail::Site;

// How many places of a kind are tried, nearest the question's node first: enough for any
// hand derivation, and bounded on a graph of a million gates (each costs a pass).
constexpr std::size_t max_rounded = 24, max_rules = 64;

constexpr std::array mistake_names{
    "too_few_digits",       "sign_error",         "missing_branches",     "running_total",    "extra_branch",
    "multiplied_branches",  "through_detach",     "ste_as_forward",       "local_only",       "upstream_only",
    "add_rule_at_mul",      "mul_rule_at_add",    "mul_partials_swapped", "gate_as_identity", "added_not_multiplied",
    "exponent_dropped",     "value_as_partial",   "one_minus_value",      "max_to_loser",     "wrong_upstream",
    "rounded_intermediate", "value_for_gradient", "gradient_for_value",   "wrong_rule",       "last_digit",
    "other_node",           "no_gradient",        "gradient_exists",      "unknown"};
static_assert(mistake_names.size() == static_cast<std::size_t>(Mistake::Unknown) + 1,
              "every Mistake has its name, in order");

// The nodes nearest `node` first, at most `limit`.
std::vector<Place> nearest(std::vector<NodeId> ids, NodeId node, std::size_t limit) {
  std::stable_sort(ids.begin(), ids.end(), [&](NodeId a, NodeId b) {
    return (a > node ? a - node : node - a) < (b > node ? b - node : node - b);
  });
  if (ids.size() > limit) ids.resize(limit);
  std::vector<Place> out;
  for (NodeId id : ids) out.push_back({.node = id});
  return out;
}

std::vector<Place> value_nodes(const Context& c) {
  const Graph& g = c.graph();
  std::vector<unsigned char> read;
  if (c.way) {
    read.assign(c.passes.output() + 1, 0);
    for (const auto& [gate, slot] : c.way->edges()) {
      const Node& n = g.node(gate);
      read[gate] = read[n.a] = 1;
      if (n.b != no_node) read[n.b] = 1;
    }
  } else {
    read = detail::ancestors(g, c.question.node);
    read[c.question.node] = 0;
  }
  std::vector<NodeId> ids;
  for (NodeId id = 0; id < read.size(); ++id)
    if (read[id] && op_info(g.node(id).op).arity > 0) ids.push_back(id);
  return nearest(ids, c.question.node, max_rounded);
}

std::vector<Place> places(const Context& c, Site site) {
  const Graph& g = c.graph();
  const NodeId n = c.question.node;
  std::vector<Place> out;
  switch (site) {
    case Site::Question:
      return {Place{}};
    case Site::Message:
      if (c.way)
        for (const auto& [gate, slot] : c.way->edges()) out.push_back({gate, slot, no_node});
      return out;
    case Site::Gate: {
      const auto anc = detail::ancestors(g, n);
      std::vector<NodeId> ids;
      for (NodeId id = 0; id <= n; ++id)
        if (anc[id] && op_info(g.node(id).op).arity > 0) ids.push_back(id);
      for (Place& p : nearest(ids, n, max_rules)) out.push_back({.gate = p.node});
      return out;
    }
    case Site::ValueNode:
      return value_nodes(c);
    case Site::GradNode: {
      std::vector<NodeId> ids;
      if (c.way)
        for (NodeId id = n + 1; id < c.passes.output(); ++id)
          if (c.passes.reached(id) && c.way->weight(id) != 0) ids.push_back(id);
      return nearest(ids, n, max_rounded);
    }
    case Site::Named:
      for (NodeId id = 0; id < g.size(); ++id)
        if (id != n && !g.name(id).empty()) out.push_back({.node = id});
      return out;
  }
  return out;
}

double question_truth(const detail::Passes& p, const Question& q, const detail::Way* way) {
  const double none = std::numeric_limits<double>::quiet_NaN();
  if (q.asks == Asks::Value) return p.values()[q.node];
  if (!p.has_grads() || q.node > p.output()) return none;
  if (q.node == p.output()) return 1;
  return p.reached(q.node) ? way->number() : none;
}

bool same_number(double a, double b) { return std::fabs(a - b) <= 1e-12 * std::max(1.0, std::fabs(b)); }

// What assess orders matches by: a mistake on the way before a coincidence; a number that is
// the answer exactly as written before one that rounds to it; the rank; the distance.
struct Order {
  int group, inexact, rank;
  double distance;
  auto operator<=>(const Order&) const = default;
};
Order order_of(const Finding& f, const Answer& a) {
  const double distance = std::fabs(f.value - a.value);
  return {f.rank >= 70, distance > 1e-9 * std::max(1.0, std::fabs(a.value)), f.rank, distance};
}

// An answer of one or two digits matches many numbers: a weaker model (rank weak_rank and
// above: a number taken for another, a coincidence) names it only when it gives exactly that.
constexpr int weak_rank = 35;
bool coarse(const Answer& a) { return !a.exact() && !a.tolerance && a.significant_digits <= 2; }

// The learner's other answers on the way, for where their chain parts from the trace.
void find_parting(Diagnosis& d, const detail::Passes& p, const detail::Way* way, const std::vector<Claim>& others) {
  const Question& q = d.question;
  for (const Claim& k : others) {
    const Question& o = k.question;
    if (o.asks != q.asks || k.answer.no_gradient) continue;
    const bool on_way = q.asks == Asks::Grad ? way && o.node > q.node && way->weight(o.node) != 0
                                             : o.node < q.node && detail::ancestors(p.graph(), q.node)[o.node];
    if (!on_way) continue;
    const detail::Way other_way(p, o);
    const double t = question_truth(p, o, &other_way);
    const bool right = judge(k.answer, Truth{t}) == Verdict::Right;
    // Up the chain: a gradient nearer the output, a value nearer the inputs.
    auto above = [&](const std::optional<Claim>& c) {
      return !c || (q.asks == Asks::Grad ? o.node > c->question.node : o.node < c->question.node);
    };
    if (!right && above(d.first_wrong)) d.first_wrong = k;
    if (right && (!d.last_agreeing || !above(d.last_agreeing))) d.last_agreeing = k;
  }
  if (d.first_wrong) d.last_agreeing.reset();
}

}  // namespace

bool counts_message(const Question& q, NodeId gate, int slot) {
  return q.after == no_node || gate > q.after || (gate == q.after && slot <= q.after_slot);
}

const char* to_string(Mistake m) { return mistake_names[static_cast<std::size_t>(m)]; }

std::optional<Mistake> mistake_from_name(std::string_view name) {
  for (std::size_t i = 0; i < mistake_names.size(); ++i)
    if (name == mistake_names[i]) return static_cast<Mistake>(i);
  return std::nullopt;
}

Truth truth_of(const Graph& g, NodeId output, Question q) {
  const detail::Passes p(g, output);
  const detail::Way way(p, q);
  const double t = question_truth(p, q, &way);
  if (std::isnan(t)) return {};
  const int terms = q.asks == Asks::Grad ? static_cast<int>(way.messages().size()) : 1;
  return {t, std::max(terms, 1)};
}

std::vector<Branch> branches_into(const Graph& g, NodeId output, NodeId node) {
  return detail::Passes(g, output).into(node);
}

std::vector<Finding> likely_mistakes(const Graph& g, NodeId output, Question q, const std::vector<Claim>& claims,
                                     const Answer* filter) {
  const detail::Passes p(g, output);
  std::optional<detail::Way> way;
  if (q.asks == Asks::Grad) way.emplace(p, q);
  const double t = question_truth(p, q, way ? &*way : nullptr);
  const Context c{p, q, t, way ? &*way : nullptr, claims, filter};
  std::vector<Finding> out;
  const detail::Emit emit = [&](Finding f) {
    if (!std::isfinite(f.value) || (std::isfinite(t) && same_number(f.value, t))) return;
    if (filter && !reproduces(f.value, *filter, f.terms)) return;
    out.push_back(f);
  };
  const int terms = way ? std::max<int>(1, static_cast<int>(way->messages().size())) : 1;
  std::array<std::optional<std::vector<Place>>, 7> cached;
  for (const detail::MistakeModel& m : detail::mistake_models()) {
    if (m.asks != q.asks) continue;
    auto& at = cached[static_cast<std::size_t>(m.site)];
    if (!at) at = places(c, m.site);
    for (const Place& place : *at) {
      if (!m.applies(c, place)) continue;
      // A learner adds the messages into the node, each maybe rounded: a model's number is such a sum.
      m.numbers(c, place,
                Finding{.kind = m.kind,
                        .rank = m.rank,
                        .terms = terms,
                        .gate = place.gate,
                        .slot = place.slot,
                        .node = place.node},
                emit);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.rank < b.rank; });
  return out;
}

Diagnosis assess(Question q, const Answer& a, const Truth& t, const std::vector<Finding>& candidates) {
  Diagnosis d{.verdict = judge(a, t), .question = q, .answer = a, .truth = t};
  if (d.verdict == Verdict::Right) return d;
  if (a.no_gradient) {
    d.kind = Mistake::GradientExists;
    return d;
  }
  std::vector<const Finding*> matches;
  for (const Finding& f : candidates)
    if (reproduces(f.value, a, f.terms) && !(coarse(a) && f.rank >= weak_rank && order_of(f, a).inexact))
      matches.push_back(&f);
  std::stable_sort(matches.begin(), matches.end(),
                   [&](const Finding* x, const Finding* y) { return order_of(*x, a) < order_of(*y, a); });
  if (d.verdict == Verdict::TooFewDigits) {
    // The truth rounds to the answer: only a mistake on the way that gives it exactly as written
    // ("1" for 0.512, the upstream gradient alone) says more than "give more digits".
    const bool exactly =
        !matches.empty() && order_of(*matches.front(), a).group == 0 && !order_of(*matches.front(), a).inexact;
    if (!exactly) {
      d.kind = Mistake::TooFewDigits;
      return d;
    }
    d.verdict = Verdict::Wrong;
  }
  if (matches.empty()) {
    d.kind = t.value ? Mistake::Unknown : Mistake::NoGradient;
    return d;
  }
  const Order best = order_of(*matches.front(), a);
  for (const Finding* f : matches) {
    const Order o = order_of(*f, a);
    if (o.group == best.group && o.inexact == best.inexact && o.rank == best.rank && d.named.size() < 3)
      d.named.push_back(*f);
  }
  d.kind = d.named.front().kind;
  return d;
}

Diagnosis diagnose(const Graph& g, NodeId output, Question q, const Answer& answer, const std::vector<Claim>& others) {
  const Truth t = truth_of(g, output, q);
  if (judge(answer, t) == Verdict::Right) return assess(q, answer, t, {});
  Diagnosis d = assess(q, answer, t, likely_mistakes(g, output, q, others, &answer));
  if (d.kind == Mistake::Unknown && !others.empty()) {
    const detail::Passes p(g, output);
    std::optional<detail::Way> way;
    if (q.asks == Asks::Grad) way.emplace(p, q);
    find_parting(d, p, way ? &*way : nullptr, others);
  }
  return d;
}

Diagnosis diagnose_number(Question q, const Truth& t, const Answer& answer) {
  std::vector<Finding> candidates;
  if (t.value) {
    candidates.push_back({.kind = Mistake::SignError, .rank = 46, .value = -*t.value});
    if (!answer.exact() && !answer.tolerance && answer.significant_digits >= 3) {
      const double unit = 2 * answer.written_precision, nearest = std::nearbyint(*t.value / unit) * unit;
      for (double off : {unit, -unit})
        candidates.push_back({.kind = Mistake::LastDigit, .rank = 60, .value = nearest + off});
    }
    std::erase_if(candidates, [&](const Finding& f) { return same_number(f.value, *t.value); });
  }
  return assess(q, answer, t, candidates);
}

Question step_question(const Trace& trace, int step) {
  for (const ForwardStep& s : trace.forward)
    if (s.step == step) return {s.node, Asks::Value};
  for (const BackwardStep& s : trace.backward)
    if (s.step == step)
      return s.from == no_node ? Question{s.to, Asks::Grad} : Question{s.to, Asks::Grad, s.from, s.slot};
  throw Error(trf("the trace has no step {}", step));
}

NodeId trace_output(const Trace& trace) {
  for (const BackwardStep& s : trace.backward)
    if (s.from == no_node) return s.to;
  return no_node;
}

}  // namespace gatelab
