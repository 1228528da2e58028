#include "gatelab/engine/graph.hpp"

#include <cassert>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/trace.hpp"
#include "messages.hpp"

namespace gatelab {

Var Graph::input(double value, std::string name) {
  nodes_.push_back({no_node, no_node, Op::Input, true});
  values_.push_back(value);
  grads_.push_back(0);
  const auto id = static_cast<NodeId>(nodes_.size() - 1);
  if (!name.empty()) set_name(id, std::move(name));
  return {*this, id};
}

Var Graph::constant(double value) {
  nodes_.push_back({no_node, no_node, Op::Const, false});
  values_.push_back(value);
  grads_.push_back(0);
  return {*this, static_cast<NodeId>(nodes_.size() - 1)};
}

NodeId Graph::add_gate(Op op, NodeId a, NodeId b) {
  const OpInfo& info = op_info(op);
  assert(info.arity > 0 && "leaves are made by input() and constant()");
  assert(a < nodes_.size() && (info.arity == 1 ? b == no_node : b < nodes_.size()));
  const bool requires_grad = (info.grad_a && nodes_[a].requires_grad) || (info.grad_b && nodes_[b].requires_grad);
  nodes_.push_back({a, b, op, requires_grad});
  values_.push_back(op_value(op, values_[a], b == no_node ? 0 : values_[b]));
  grads_.push_back(0);
  return static_cast<NodeId>(nodes_.size() - 1);
}

void Graph::reserve(std::size_t gates) {
  nodes_.reserve(gates);
  values_.reserve(gates);
  grads_.reserve(gates);
}

void Graph::set_name(NodeId id, std::string name) {
  if (auto old = names_.find(id); old != names_.end()) {
    if (auto it = ids_.find(old->second); it != ids_.end() && it->second == id) ids_.erase(it);
  }
  ids_[name] = id;
  names_[id] = std::move(name);
}

std::string_view Graph::name(NodeId id) const {
  auto it = names_.find(id);
  return it == names_.end() ? std::string_view{} : std::string_view{it->second};
}

std::string Graph::label(NodeId id) const {
  if (auto n = name(id); !n.empty()) return std::string(n);
  return std::string(op_info(nodes_[id].op).name) + "#" + std::to_string(id);
}

NodeId Graph::find(std::string_view name) const {
  auto it = ids_.find(std::string(name));
  return it == ids_.end() ? no_node : it->second;
}

void Graph::set_value(NodeId leaf, double value) {
  if (op_info(nodes_[leaf].op).arity != 0)
    throw Error(trf("cannot set the value of '{}': only inputs and constants hold values", label(leaf)));
  values_[leaf] = value;
}

template <bool Record>
static void forward_loop(const std::vector<Node>& nodes, std::vector<double>& values, NodeId from, Trace* trace) {
  for (std::size_t i = from; i < nodes.size(); ++i) {
    const Node& n = nodes[i];
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double a = values[n.a];
        const double b = O::info.arity == 2 ? values[n.b] : 0.0;
        values[i] = O::value(a, b);
        if constexpr (Record)
          trace->forward.push_back({trace->next_step++, static_cast<NodeId>(i), n.op, n.a, n.b, a, b, values[i]});
      }
    });
  }
}

void Graph::forward(Trace* trace, NodeId from) {
  if (trace) return forward_loop<true>(nodes_, values_, from, trace);
  forward_loop<false>(nodes_, values_, from, nullptr);
}

template <bool Record>
static void reverse_loop(const Graph& g, NodeId output, std::vector<double>& grads, Trace* trace) {
  std::vector<unsigned char> reached(output + 1, 0);  // has a message arrived in this pass?
  reached[output] = 1;
  grads[output] = 1;
  if constexpr (Record) trace->backward.push_back({trace->next_step++, no_node, output, 0, 1, 1, 1, 1, false});

  auto send = [&](NodeId from, NodeId to, int slot, double local) {
    const double contribution = grads[from] * local;
    const bool accumulated = reached[to];
    grads[to] += contribution;
    reached[to] = 1;
    if constexpr (Record)
      trace->backward.push_back(
          {trace->next_step++, from, to, slot, grads[from], local, contribution, grads[to], accumulated});
  };
  for (NodeId i = output + 1; i-- > 0;) {
    if (!reached[i]) continue;
    const Node& n = g.node(i);
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double a = g.value(n.a);
        const double b = O::info.arity == 2 ? g.value(n.b) : 0.0;
        const ops::Partials p = O::partials(a, b, g.value(i));
        detail::for_each_message<O>(g, n, [&](int slot, NodeId in) { send(i, in, slot, detail::partial_of(p, slot)); });
      }
    });
  }
}

bool takes_message(const Graph& g, NodeId gate, int slot) {
  assert(gate < g.size());
  bool takes = false;
  detail::for_each_message(g, gate, [&](int s, NodeId) { takes = takes || s == slot; });
  return takes;
}

void reverse_pass(const Graph& g, NodeId output, std::vector<double>& grads, Trace* trace) {
  if (output >= g.size()) throw Error(trf("backward: node {} is not in the graph", output));
  if (!g.node(output).requires_grad)
    throw Error(
        ErrorKind::no_grad,
        trf("cannot run backward from '{}': it does not require grad (no input reaches it except through detach or "
            "constants); PyTorch says \"element 0 of tensors does not require grad and does not have a grad_fn\"",
            g.label(output)));
  grads.assign(g.size(), 0.0);
  if (trace) return reverse_loop<true>(g, output, grads, trace);
  reverse_loop<false>(g, output, grads, nullptr);
}

void Graph::backward(NodeId output, Trace* trace) {
  if (!has_grad_) {  // nothing to accumulate into yet: the pass can write in place
    reverse_pass(*this, output, grads_, trace);
    has_grad_ = true;
    return;
  }
  reverse_pass(*this, output, pass_grads_, trace);
  for (std::size_t i = 0; i < grads_.size(); ++i) grads_[i] += pass_grads_[i];
}

void Graph::zero_grad() {
  grads_.assign(grads_.size(), 0.0);
  has_grad_ = false;
}

}  // namespace gatelab
