#include "teach/mistake_models.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "engine/dependence.hpp"
#include "engine/messages.hpp"

namespace gatelab::detail {

namespace {

using C = const Context&;
using P = const Place&;

const Node& gate_of(C c, P p) { return c.graph().node(p.gate); }
Op op_at(C c, P p) { return gate_of(c, p).op; }
NodeId input_at(C c, P p) { return p.slot == 0 ? gate_of(c, p).a : gate_of(c, p).b; }
double value(C c, NodeId id) { return c.passes.values()[id]; }
double local_at(C c, P p) { return c.passes.local(p.gate, p.slot); }
bool into_question(C c, P p) { return input_at(c, p) == c.question.node; }
bool is_unary(Op op) { return op_info(op).arity == 1; }

// The number when one message's local partial is `local` instead.
void with_local(C c, P p, Finding f, double local, const Emit& emit) {
  f.right = local_at(c, p);
  f.used = local;
  f.value = c.way->with_message(p.gate, p.slot, c.passes.grad(p.gate) * local);
  emit(f);
}

// The messages into the question's node that it counts, and their sum with one left out or doubled.
const std::vector<Branch>& counted_messages(C c) { return c.way->messages(); }
bool at_fork(C c, P) { return counted_messages(c).size() >= 2; }
bool is_step(C c) { return c.question.after != no_node; }

unsigned first_bits(std::size_t n) { return n >= 32 ? ~0u : (1u << n) - 1; }

// Sums over the subsets of the messages (all, for up to 12; else each one left out or kept alone).
void subsets(C c, P, Finding f, const Emit& emit) {
  const auto& m = counted_messages(c);
  const std::size_t n = m.size();
  std::vector<unsigned> masks;
  if (n <= 12) {
    for (unsigned mask = 1; mask + 1 < (1u << n); ++mask) masks.push_back(mask);
  } else {
    for (std::size_t i = 0; i < n && i < 32; ++i) masks.insert(masks.end(), {1u << i, first_bits(n) & ~(1u << i)});
  }
  std::vector<std::vector<std::pair<NodeId, double>>> seen;  // a subset as its gates and messages
  for (unsigned mask : masks) {
    std::vector<std::pair<NodeId, double>> parts;
    for (std::size_t i = 0; i < n && i < 32; ++i)
      if (mask & (1u << i)) parts.emplace_back(m[i].from, m[i].contribution);
    // Both uses of a node by one gate (y + y) with equal messages: one subset says what the other does.
    if (std::find(seen.begin(), seen.end(), parts) != seen.end()) continue;
    seen.push_back(parts);
    f.mask = mask;
    f.terms = std::popcount(mask);
    f.value = 0;
    for (std::size_t i = 0; i < n && i < 32; ++i)
      if (mask & (1u << i)) f.value += m[i].contribution;
    emit(f);
  }
}

void running_totals(C c, P, Finding f, const Emit& emit) {
  const auto all = c.passes.into(c.question.node);
  const std::size_t k = counted_messages(c).size();
  auto give = [&](RunningTotalGiven what, unsigned mask) {
    f.variant = static_cast<int>(what);
    f.mask = mask;
    f.terms = std::popcount(mask);
    f.value = 0;
    for (std::size_t i = 0; i < all.size() && i < 32; ++i)
      if (mask & (1u << i)) f.value += all[i].contribution;
    emit(f);
  };
  if (k < all.size()) give(RunningTotalGiven::Final, first_bits(all.size()));
  if (k >= 2) {
    give(RunningTotalGiven::Before, first_bits(k - 1));
    give(RunningTotalGiven::Alone, 1u << (k - 1));
  }
}

// A detach or ste gate between the question's node and the output, by value; no_node if none.
NodeId surrogate_on_way(C c, Op op) {
  const NodeId n = c.question.node, out = c.passes.output();
  if (n >= out) return no_node;
  const auto dep = depends_on(c.graph(), n);
  const auto anc = ancestors(c.graph(), out);
  for (NodeId id = n + 1; id <= out; ++id) {
    const Node& g = c.graph().node(id);
    if (g.op != op || !anc[id]) continue;
    if (op == Op::Detach ? dep[id] : dep[g.a]) return id;  // ste: the node is on f's side
  }
  return no_node;
}

void replayed(C c, Finding f, const Change& change, const Emit& emit) {
  if (!c.passes.may_replay()) return;  // the budget of passes on a very big graph is spent
  if (const auto v = c.passes.replay(c.question, change)) {
    f.value = *v;
    emit(f);
  }
}

double round_to(double x, int digits) {
  if (x == 0 || !std::isfinite(x)) return x;
  const double scale = std::pow(10.0, digits - 1 - std::floor(std::log10(std::fabs(x))));
  return std::nearbyint(x * scale) / scale;
}

// The significant digits a learner may have kept along the way: fewer than they wrote.
template <class F>
void for_each_rounding(C c, F&& f) {
  for (int digits : {2, 3})
    if (c.answer && digits < c.answer->significant_digits) f(digits);
}

bool answer_has_digits(C c, P) {
  return c.answer && !c.answer->exact() && !c.answer->tolerance && c.answer->significant_digits >= 3;
}

void rounded_value(C c, P p, Finding f, const Emit& emit) {
  for_each_rounding(c, [&](int digits) {
    f.digits = digits;
    f.right = value(c, p.node);
    f.used = round_to(f.right, digits);
    f.other = {p.node, Asks::Value};
    if (f.used != f.right) replayed(c, f, Change{.values = {{p.node, f.used}}}, emit);
  });
}

void rounded_grad(C c, P p, Finding f, const Emit& emit) {
  for_each_rounding(c, [&](int digits) {
    f.digits = digits;
    f.right = c.passes.grad(p.node);
    f.used = round_to(f.right, digits);
    f.other = {p.node, Asks::Grad};
    f.value = c.truth + (f.used - f.right) * c.way->weight(p.node);
    if (f.used != f.right) emit(f);
  });
}

void last_digit(C c, P, Finding f, const Emit& emit) {
  f.terms = 1;
  const double unit = 2 * c.answer->written_precision;
  const double nearest = std::nearbyint(c.truth / unit) * unit;
  for (double off : {unit, -unit}) {
    f.value = nearest + off;
    emit(f);
  }
}

void other_grad(C c, P p, Finding f, const Emit& emit) {
  if (!c.passes.has_grads() || p.node > c.passes.output() || !c.passes.reached(p.node)) return;
  f.other = {p.node, Asks::Grad};
  f.value = c.passes.grad(p.node);
  f.terms = 1;
  emit(f);
}

void other_value(C c, P p, Finding f, const Emit& emit) {
  f.other = {p.node, Asks::Value};
  f.value = value(c, p.node);
  f.terms = 1;
  emit(f);
}

struct Rule {
  RuleUsed used;
  Op op;
  double (*value)(double a, double b);
};
constexpr std::array rules{
    Rule{RuleUsed::AddForMul, Op::Mul, [](double a, double b) { return a + b; }},
    Rule{RuleUsed::MulForAdd, Op::Add, [](double a, double b) { return a * b; }},
    Rule{RuleUsed::SubForAdd, Op::Add, [](double a, double b) { return a - b; }},
    Rule{RuleUsed::AddForSub, Op::Sub, [](double a, double b) { return a + b; }},
    Rule{RuleUsed::DivisionFlipped, Op::Div, [](double a, double b) { return b / a; }},
    Rule{RuleUsed::MulForPow, Op::Pow, [](double a, double b) { return a * b; }},
    Rule{RuleUsed::SigmoidOfMinus, Op::Sigmoid, [](double a, double) { return ops::sigmoid(-a); }},
};

void wrong_rules(C c, P p, Finding f, const Emit& emit) {
  const Node& n = gate_of(c, p);
  const double a = value(c, n.a), b = n.b == no_node ? 0.0 : value(c, n.b);
  for (const Rule& r : rules) {
    // A rule that gives an input's own value is the gate left out (GateAsIdentity), not this.
    const double v = r.value(a, b);
    if (r.op != op_at(c, p) || v == a || (n.b != no_node && v == b)) continue;
    f.variant = static_cast<int>(r.used);
    replayed(c, f, Change{.rule_gate = p.gate, .rule = r.value}, emit);
  }
}

// The learner's own answers, where the question's number is computed from them.
struct OwnAnswers {
  Change change;
  const Claim* root_wrong = nullptr;  // the wrong one furthest up the chain
  const Claim* coarsest = nullptr;    // else the one with the fewest digits
};

std::optional<double> number_of(const Passes& p, const Question& q) {
  if (q.asks == Asks::Value) return p.values()[q.node];
  if (!p.has_grads() || q.node > p.output() || !p.reached(q.node)) return std::nullopt;
  return Way(p, q).number();
}

// Is claim k upstream of the question, so that the learner's number follows from it?
bool upstream_of(C c, const Claim& k, const std::vector<unsigned char>& read) {
  const Question& q = c.question;
  const Question& o = k.question;
  if (o.node == q.node && o.asks == q.asks && o.after == q.after && o.after_slot == q.after_slot) return false;
  if (o.asks == Asks::Value)
    return o.node < read.size() && read[o.node] && !(q.asks == Asks::Value && o.node == q.node);
  if (q.asks == Asks::Value || !c.way) return false;
  if (o.node == q.node)  // an earlier running total of the same fork, in a quiz
    return is_step(c) && o.after != no_node &&
           (o.after > q.after || (o.after == q.after && o.after_slot < q.after_slot));
  return o.node > q.node && c.way->weight(o.node) != 0;
}

OwnAnswers own_answers(C c) {
  OwnAnswers own;
  std::vector<unsigned char> read;  // the values the question's number is computed from
  if (c.question.asks == Asks::Value) {
    read = ancestors(c.graph(), c.question.node);
  } else if (c.way) {
    read.assign(c.passes.output() + 1, 0);
    for (const auto& [gate, slot] : c.way->edges()) {
      const Node& n = c.graph().node(gate);
      read[gate] = read[n.a] = 1;
      if (n.b != no_node) read[n.b] = 1;
    }
  }
  for (const Claim& k : c.claims) {
    if (k.answer.no_gradient || !upstream_of(c, k, read)) continue;
    const Question& o = k.question;
    if (o.asks == Asks::Value) {
      own.change.values.emplace_back(o.node, k.answer.value);
    } else {
      NodeId after = o.after;
      int slot = o.after_slot;
      if (after == no_node) {
        const auto into = c.passes.into(o.node);
        if (into.empty()) continue;
        after = into.back().from;
        slot = into.back().slot;
      }
      own.change.grads.push_back({o.node, after, slot, k.answer.value});
    }
    const auto truth = number_of(c.passes, o);
    const bool right = judge(k.answer, Truth{truth}) == Verdict::Right;
    // Up the chain: a gradient nearer the output, a value nearer the inputs.
    auto higher = [&](const Claim* other) {
      if (!other) return true;
      if ((o.asks == Asks::Grad) != (other->question.asks == Asks::Grad)) return o.asks == Asks::Grad;
      return o.asks == Asks::Grad ? o.node > other->question.node : o.node < other->question.node;
    };
    if (!right && higher(own.root_wrong)) own.root_wrong = &k;
    if (right && (!own.coarsest || k.answer.significant_digits < own.coarsest->answer.significant_digits))
      own.coarsest = &k;
  }
  return own;
}

void from_own_answers(C c, P, Finding f, const Emit& emit) {
  const OwnAnswers own = own_answers(c);
  const Claim* named = own.root_wrong ? own.root_wrong : own.coarsest;
  if (!named) return;
  if (!own.root_wrong) {
    f.kind = Mistake::RoundedIntermediate;
    f.rank = rounded_own_answers_rank;
  }
  f.other = named->question;
  f.other_answer = named->answer.value;
  replayed(c, f, own.change, emit);
}

bool has_claims(C c, P) { return !c.claims.empty(); }
bool always(C, P) { return true; }
bool truth_known(C c, P) { return std::isfinite(c.truth); }
bool negative_local(C c, P p) { return local_at(c, p) < 0; }
bool positive_local(C c, P p) { return local_at(c, p) > 0; }
bool sigmoid_or_tanh(C c, P p) { return op_at(c, p) == Op::Sigmoid || op_at(c, p) == Op::Tanh; }
bool other_unary(C c, P p) {
  const Op op = op_at(c, p);
  return (is_unary(op) && !sigmoid_or_tanh(c, p) && op != Op::Exp && op != Op::Neg && op != Op::Detach &&
          op != Op::Round && op != Op::Relu && op != Op::Abs) ||
         (op == Op::Pow && p.slot == 0);
}
bool exponent_to_drop(C c, P p) {
  if (op_at(c, p) != Op::Pow || p.slot != 0 || local_at(c, p) == 0) return false;
  const double n = value(c, gate_of(c, p).b);
  return n != 0 && n != 1;
}
bool mul_not_into_question(C c, P p) { return op_at(c, p) == Op::Mul && !into_question(c, p); }
bool passes_unchanged(C c, P p) {
  const Op op = op_at(c, p);
  return op != Op::Mul && op != Op::Add && op != Op::Ste && !into_question(c, p) && local_at(c, p) != 1;
}
bool add_with_other_not_one(C c, P p) {
  return op_at(c, p) == Op::Add && value(c, p.slot == 0 ? gate_of(c, p).b : gate_of(c, p).a) != 1;
}
// Where the input's own value is neither the other's nor 1 (that is UpstreamOnly).
bool mul_of_two_values(C c, P p) {
  const double own = value(c, input_at(c, p));
  return op_at(c, p) == Op::Mul && own != local_at(c, p) && own != 1;
}
// Where upstream + local is neither upstream alone nor local alone.
bool both_nonzero(C c, P p) { return local_at(c, p) != 0 && c.passes.grad(p.gate) != 0; }
bool max_or_min(C c, P p) {
  const Op op = op_at(c, p);
  return (op == Op::Max || op == Op::Min) && value(c, gate_of(c, p).a) != value(c, gate_of(c, p).b);
}
bool upstream_not_one(C c, P p) { return into_question(c, p) && c.passes.grad(p.gate) != 1; }
bool forks_from_two_gates(C c, P p) {
  const auto& m = counted_messages(c);
  for (const Branch& b : m)
    if (b.from != m.front().from) return at_fork(c, p);
  return false;
}

// The max (min) gate's gradient sent to the input that lost: once per gate, at its first
// input on the way.
void to_loser(C c, P p, Finding f, const Emit& emit) {
  if (p.slot == 1 && c.way->on_way(p.gate, 0)) return;
  const Node& n = gate_of(c, p);
  const int winner = c.passes.local(p.gate, 0) != 0 ? 0 : 1, loser = 1 - winner;
  double number = c.way->number();
  if (takes_message(c.graph(), p.gate, winner)) number += c.way->with_message(p.gate, winner, 0) - c.way->number();
  if (takes_message(c.graph(), p.gate, loser))
    number += c.way->with_message(p.gate, loser, c.passes.grad(p.gate)) - c.way->number();
  f.slot = loser;
  f.node = loser == 0 ? n.a : n.b;
  f.value = number;
  emit(f);
}

constexpr auto G = Asks::Grad;
constexpr auto V = Asks::Value;

// Ranks: 10-19 the learner's own answers and a quiz's running totals; 20-39 a mistake at a
// place on the way, the most common first; 40-69 a number taken for another on the way, or
// a digit; 70 and above a coincidence (an unrelated number that happens to match).
const std::array models{
    MistakeModel{Mistake::WrongUpstream, G, Site::Question, own_answers_rank, has_claims, from_own_answers},
    MistakeModel{Mistake::WrongUpstream, V, Site::Question, own_answers_rank, has_claims, from_own_answers},
    MistakeModel{Mistake::RunningTotal, G, Site::Question, 15, [](C c, P) { return is_step(c); }, running_totals},
    MistakeModel{Mistake::MissingBranches, G, Site::Question, 20, at_fork, subsets},
    MistakeModel{Mistake::ThroughDetach, G, Site::Question, 20,
                 [](C c, P) { return surrogate_on_way(c, Op::Detach) != no_node; },
                 [](C c, P, Finding f, const Emit& emit) {
                   f.gate = surrogate_on_way(c, Op::Detach);
                   replayed(c, f, Change{.detach_passes = true}, emit);
                 }},
    MistakeModel{Mistake::SteAsForward, G, Site::Question, 20,
                 [](C c, P) { return surrogate_on_way(c, Op::Ste) != no_node; },
                 [](C c, P, Finding f, const Emit& emit) {
                   f.gate = surrogate_on_way(c, Op::Ste);
                   replayed(c, f, Change{.ste_as_forward = true}, emit);
                 }},
    MistakeModel{Mistake::SignError, G, Site::Message, 25, negative_local,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, -local_at(c, p), emit); }},
    MistakeModel{Mistake::ExponentDropped, G, Site::Message, 25, exponent_to_drop,
                 [](C c, P p, Finding f, const Emit& emit) {
                   with_local(c, p, f, local_at(c, p) / value(c, gate_of(c, p).b), emit);
                 }},
    MistakeModel{Mistake::ValueAsPartial, G, Site::Message, 25, sigmoid_or_tanh,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, value(c, p.gate), emit); }},
    MistakeModel{Mistake::OneMinusValue, G, Site::Message, 25, sigmoid_or_tanh,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, 1 - value(c, p.gate), emit); }},
    MistakeModel{Mistake::MaxToLoser, G, Site::Message, 25, max_or_min, to_loser},
    MistakeModel{Mistake::MissingBranches, G, Site::Message, 30,
                 [](C c, P p) { return !into_question(c, p) && c.passes.message_count(input_at(c, p)) >= 2; },
                 [](C c, P p, Finding f, const Emit& emit) {  // a branch dropped at a fork on the way
                   f.node = input_at(c, p);
                   f.right = c.passes.grad(p.gate) * local_at(c, p);
                   f.value = c.way->with_message(p.gate, p.slot, 0);
                   emit(f);
                 }},
    MistakeModel{Mistake::UpstreamOnly, G, Site::Message, 30,
                 [](C c, P p) { return into_question(c, p) && local_at(c, p) != 1; },
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, 1, emit); }},
    MistakeModel{Mistake::LocalOnly, G, Site::Message, 30, upstream_not_one,
                 [](C c, P p, Finding f, const Emit& emit) {
                   f.right = c.passes.grad(p.gate);
                   f.used = 1;
                   f.terms = 1;
                   f.value = local_at(c, p);
                   emit(f);
                 }},
    MistakeModel{Mistake::MulRuleAtAdd, G, Site::Message, 30, add_with_other_not_one,
                 [](C c, P p, Finding f, const Emit& emit) {
                   with_local(c, p, f, value(c, p.slot == 0 ? gate_of(c, p).b : gate_of(c, p).a), emit);
                 }},
    MistakeModel{Mistake::MulPartialsSwapped, G, Site::Message, 30, mul_of_two_values,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, value(c, input_at(c, p)), emit); }},
    MistakeModel{Mistake::AddedNotMultiplied, G, Site::Message, 41, both_nonzero,
                 [](C c, P p, Finding f, const Emit& emit) {
                   f.right = local_at(c, p);
                   f.used = c.passes.grad(p.gate);
                   f.value = c.way->with_message(p.gate, p.slot, f.used + f.right);
                   emit(f);
                 }},
    MistakeModel{Mistake::MultipliedBranches, G, Site::Question, 42, at_fork,
                 [](C c, P, Finding f, const Emit& emit) {
                   f.value = 1;
                   for (const Branch& b : counted_messages(c)) f.value *= b.contribution;
                   emit(f);
                 }},
    MistakeModel{Mistake::AddRuleAtMul, G, Site::Message, 31, mul_not_into_question,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, 1, emit); }},
    MistakeModel{Mistake::AddedNotMultiplied, G, Site::Question, 44, always,
                 [](C c, P, Finding f, const Emit& emit) { replayed(c, f, Change{.added_everywhere = true}, emit); }},
    MistakeModel{Mistake::ValueAsPartial, G, Site::Message, 35, other_unary,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, value(c, p.gate), emit); }},
    MistakeModel{Mistake::GateAsIdentity, G, Site::Message, 35, passes_unchanged,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, 1, emit); }},
    MistakeModel{Mistake::WrongRule, V, Site::Gate, 30, always, wrong_rules},
    MistakeModel{Mistake::GateAsIdentity, V, Site::Gate, 35, always,
                 [](C c, P p, Finding f, const Emit& emit) {  // the gate left out: an input's value passed on
                   constexpr std::array<double (*)(double, double), 2> input{[](double a, double) { return a; },
                                                                             [](double, double b) { return b; }};
                   for (int slot = 0; slot < op_info(op_at(c, p)).arity; ++slot) {
                     f.slot = slot;
                     replayed(c, f, Change{.rule_gate = p.gate, .rule = input[slot]}, emit);
                   }
                 }},
    MistakeModel{Mistake::RoundedIntermediate, G, Site::ValueNode, 40, answer_has_digits, rounded_value},
    MistakeModel{Mistake::RoundedIntermediate, V, Site::ValueNode, 40, answer_has_digits, rounded_value},
    MistakeModel{Mistake::RoundedIntermediate, G, Site::GradNode, 40, answer_has_digits, rounded_grad},
    MistakeModel{Mistake::ValueForGradient, G, Site::Question, 38, always,
                 [](C c, P, Finding f, const Emit& emit) {
                   for (NodeId id : {c.question.node, c.passes.output()}) {  // the node's value, the output's
                     if (id == f.node) continue;
                     f.node = id;
                     f.terms = 1;
                     f.value = value(c, id);
                     emit(f);
                   }
                 }},
    MistakeModel{Mistake::ValueForGradient, G, Site::Message, 40,  // a gate the node feeds, once per gate
                 [](C c, P p) { return into_question(c, p) && (p.slot == 0 || !c.way->on_way(p.gate, 0)); },
                 [](C c, P p, Finding f, const Emit& emit) {  // the value of a gate the gradient passes
                   f.node = p.gate;
                   f.slot = -1;
                   f.terms = 1;
                   f.value = value(c, p.gate);
                   emit(f);
                 }},
    MistakeModel{Mistake::SignError, V, Site::Gate, 45, always,
                 [](C c, P p, Finding f, const Emit& emit) {  // one input's sign lost on the way up
                   for (int slot = 0; slot < op_info(op_at(c, p)).arity; ++slot) {
                     const NodeId in = slot == 0 ? gate_of(c, p).a : gate_of(c, p).b;
                     if (value(c, in) == 0) continue;
                     f.slot = slot;
                     f.node = in;
                     f.right = value(c, in);
                     f.used = -f.right;
                     replayed(c, f, Change{.values = {{in, f.used}}}, emit);
                   }
                 }},
    MistakeModel{Mistake::GradientForValue, V, Site::Question, 40, always,
                 [](C c, P, Finding f, const Emit& emit) { other_grad(c, {.node = c.question.node}, f, emit); }},
    MistakeModel{Mistake::SignError, G, Site::Question, 46, truth_known,
                 [](C c, P, Finding f, const Emit& emit) {
                   f.value = -c.truth;
                   emit(f);
                 }},
    MistakeModel{Mistake::SignError, V, Site::Question, 46, truth_known,
                 [](C c, P, Finding f, const Emit& emit) {
                   f.value = -c.truth;
                   emit(f);
                 }},
    MistakeModel{Mistake::SignError, G, Site::Message, 47, positive_local,
                 [](C c, P p, Finding f, const Emit& emit) { with_local(c, p, f, -local_at(c, p), emit); }},
    MistakeModel{Mistake::ExtraBranch, G, Site::Question, 50, forks_from_two_gates,
                 [](C c, P, Finding f, const Emit& emit) {
                   const auto& m = counted_messages(c);
                   for (std::size_t i = 0; i < m.size() && i < 32; ++i) {
                     f.mask = 1u << i;
                     f.terms = static_cast<int>(m.size()) + 1;
                     f.value = c.truth + m[i].contribution;
                     emit(f);
                   }
                 }},
    MistakeModel{Mistake::LastDigit, G, Site::Question, 60,
                 [](C c, P p) { return truth_known(c, p) && answer_has_digits(c, p); }, last_digit},
    MistakeModel{Mistake::LastDigit, V, Site::Question, 60,
                 [](C c, P p) { return truth_known(c, p) && answer_has_digits(c, p); }, last_digit},
    MistakeModel{Mistake::OtherNode, G, Site::Named, 80, always, other_grad},
    MistakeModel{Mistake::OtherNode, V, Site::Named, 80, always, other_value},
    MistakeModel{Mistake::OtherNode, G, Site::Named, 82, always, other_value},
    MistakeModel{Mistake::OtherNode, V, Site::Named, 82, always, other_grad},
};

}  // namespace

std::span<const MistakeModel> mistake_models() { return models; }

}  // namespace gatelab::detail
