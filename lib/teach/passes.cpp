#include "teach/passes.hpp"

#include <algorithm>

#include "engine/messages.hpp"

namespace gatelab::detail {

namespace {

double input_value(const std::vector<double>& values, NodeId input) { return input == no_node ? 0.0 : values[input]; }

NodeId input_of(const Node& n, int slot) { return slot == 0 ? n.a : n.b; }

// Does the op send a gradient to this input, as the learner's passes run?
bool sends(Op op, int slot, const Change& c) {
  if ((c.detach_passes && op == Op::Detach) || (c.ste_as_forward && op == Op::Ste)) return slot == 0;
  const OpInfo& info = op_info(op);
  return slot == 0 ? info.grad_a : info.grad_b;
}

// The values as the learner had them: overridden ones, a gate by another rule, the rest recomputed.
std::vector<double> changed_values(const Graph& g, const std::vector<double>& values, NodeId output, const Change& c) {
  std::vector<double> v(values.begin(), values.begin() + output + 1);
  if (c.values.empty() && c.rule_gate == no_node) return v;
  NodeId from = c.rule_gate;
  for (const auto& [id, value] : c.values) from = std::min(from, id);
  for (NodeId id = from; id <= output; ++id) {
    const auto set = std::find_if(c.values.begin(), c.values.end(), [&](const auto& o) { return o.first == id; });
    const Node& n = g.node(id);
    if (set != c.values.end())
      v[id] = set->second;
    else if (id == c.rule_gate)
      v[id] = c.rule(v[n.a], input_value(v, n.b));
    else if (op_info(n.op).arity > 0)
      v[id] = op_value(n.op, v[n.a], input_value(v, n.b));
  }
  return v;
}

// Which nodes require grad when the gates pass gradients as the learner thinks.
std::vector<unsigned char> changed_requires(const Graph& g, NodeId output, const Change& c) {
  std::vector<unsigned char> req(output + 1, 0);
  const bool rerouted = c.detach_passes || c.ste_as_forward;
  for (NodeId id = 0; id <= output; ++id) {
    const Node& n = g.node(id);
    if (!rerouted) {
      req[id] = n.requires_grad;
      continue;
    }
    const int arity = op_info(n.op).arity;
    if (arity == 0) {
      req[id] = n.op == Op::Input;
      continue;
    }
    for (int slot = 0; slot < arity; ++slot) req[id] = req[id] || (sends(n.op, slot, c) && req[input_of(n, slot)]);
  }
  return req;
}

}  // namespace

double local_partial(const Graph& g, const std::vector<double>& values, NodeId gate, int slot) {
  const Node& n = g.node(gate);
  const ops::Partials p = op_partials(n.op, values[n.a], input_value(values, n.b), values[gate]);
  return partial_of(p, slot);
}

bool counted(const Question& q, NodeId gate, int slot) { return counts_message(q, gate, slot); }

Passes::Passes(const Graph& g, NodeId output)
    : g_(g),
      output_(output),
      has_grads_(g.node(output).requires_grad),
      values_(g.size()),
      reached_(output + 1, 0),
      count_(output + 1, 0) {
  for (NodeId id = 0; id < g.size(); ++id) values_[id] = g.value(id);
  if (!has_grads_) return;
  reverse_pass(g, output, grads_);
  reached_[output] = 1;
  for (NodeId i = output + 1; i-- > 0;) {
    if (!reached_[i]) continue;
    for_each_message(g, i, [&](int, NodeId in) {
      reached_[in] = 1;
      ++count_[in];
    });
  }
}

std::vector<Branch> Passes::into(NodeId node) const {
  std::vector<Branch> out;
  if (!has_grads_ || node >= output_) return out;
  for (NodeId c = output_; c > node; --c) {
    if (!reached_[c]) continue;
    for_each_message(g_, c, [&](int slot, NodeId in) {
      if (in != node) return;
      const double l = local(c, slot);
      out.push_back({c, slot, grads_[c], l, grads_[c] * l});
    });
  }
  return out;
}

std::optional<double> Passes::replay(const Question& q, const Change& c) const {
  ++replays_;
  const std::vector<double> v = changed_values(g_, values_, output_, c);
  if (q.asks == Asks::Value) return v[q.node];
  const std::vector<unsigned char> req = changed_requires(g_, output_, c);
  if (!req[output_] || q.node > output_ || !req[q.node]) return std::nullopt;
  if (q.node == output_) return 1.0;
  std::vector<double> grads(output_ + 1, 0.0);
  std::vector<unsigned char> reached(output_ + 1, 0);
  grads[output_] = 1;
  reached[output_] = 1;
  std::optional<double> number;
  for (NodeId i = output_ + 1; i-- > q.node + 1;) {
    if (!reached[i]) continue;
    const Node& n = g_.node(i);
    const int arity = op_info(n.op).arity;
    for (int slot = 0; slot < arity; ++slot) {
      const NodeId in = input_of(n, slot);
      if (!sends(n.op, slot, c) || !req[in]) continue;
      const bool rerouted = (c.detach_passes && n.op == Op::Detach) || (c.ste_as_forward && n.op == Op::Ste);
      const double local = rerouted ? 1.0 : local_partial(g_, v, i, slot);
      grads[in] += c.added_everywhere ? grads[i] + local : grads[i] * local;
      reached[in] = 1;
      for (const GradOverride& o : c.grads)
        if (o.node == in && o.after == i && o.slot == slot) grads[in] = o.value;
      if (in == q.node && counted(q, i, slot)) number = grads[in];
    }
  }
  return number;
}

Way::Way(const Passes& p, const Question& q) : p_(p), q_(q) {
  for (const Branch& b : p.into(q.node))
    if (counted(q, b.from, b.slot)) {
      messages_.push_back(b);
      number_ += b.contribution;
    }
  if (q.node == p.output() && p.has_grads()) number_ = 1;
  if (!p.has_grads() || q.node >= p.output()) return;
  weights_.assign(p.output() + 1, 0.0);
  for (NodeId id = q.node + 1; id <= p.output(); ++id) {
    if (!p.reached(id)) continue;
    double w = 0;
    for_each_message(p.graph(), id, [&](int slot, NodeId in) {
      const double down = in == q.node ? (counted(q, id, slot) ? 1.0 : 0.0) : in > q.node ? weights_[in] : 0.0;
      if (down != 0) w += p.local(id, slot) * down;
    });
    weights_[id] = w;
  }
}

double Way::with_message(NodeId gate, int slot, double message) const {
  const NodeId in = input_of(p_.graph().node(gate), slot);
  const double was = p_.grad(gate) * p_.local(gate, slot);
  if (in == q_.node) return counted(q_, gate, slot) ? number_ + (message - was) : number_;
  return number_ + (message - was) * weight(in);
}

bool Way::on_way(NodeId gate, int slot) const {
  if (weights_.empty() || gate <= q_.node || gate > p_.output() || !p_.reached(gate)) return false;
  if (!takes_message(p_.graph(), gate, slot)) return false;
  const NodeId in = input_of(p_.graph().node(gate), slot);
  return (in == q_.node && counted(q_, gate, slot)) || (in > q_.node && weights_[in] != 0);
}

std::vector<std::pair<NodeId, int>> Way::edges() const {
  std::vector<std::pair<NodeId, int>> out;
  if (weights_.empty()) return out;
  for (NodeId id = p_.output(); id > q_.node; --id) {
    if (!p_.reached(id)) continue;
    for_each_message(p_.graph(), id, [&](int slot, NodeId in) {
      if ((in == q_.node && counted(q_, id, slot)) || (in > q_.node && weights_[in] != 0)) out.emplace_back(id, slot);
    });
  }
  return out;
}

}  // namespace gatelab::detail
