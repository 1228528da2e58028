// The graph's own passes as the mistake models re-run them: internal to the library.
//
//   const detail::Passes p(g, output);             // one true reverse pass, kept
//   const detail::Way way(p, q);                   // the question's messages, and how much each
//                                                  // node's gradient counts in its number
//   way.with_message(gate, slot, 0);               // the number with one message changed: O(1)
//   p.replay(q, Change{.values = {{sigx, 0.95}}}); // with the passes changed: one pass each
//
// A message changed by δ on its way into node I changes the question's number by δ · W[I],
// where W[I] is the sum over the ways from I down to the question's node of the products of
// the local partials (a forward-mode tangent from that node): so a model that changes one
// message costs nothing more, however big the graph. Changes to values or to which gates pass
// gradients re-run the passes.
#pragma once

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "engine/dependence.hpp"
#include "gatelab/teach/diagnosis.hpp"

namespace gatelab::detail {

// A learner's running total of a node's gradient, after the message from `after` (its input
// `slot`): what replay puts in its place.
struct GradOverride {
  NodeId node;
  NodeId after;
  int slot;
  double value;
};

// The passes as one learner ran them.
struct Change {
  std::vector<std::pair<NodeId, double>> values;  // values the learner had; the gates above recomputed
  NodeId rule_gate = no_node;                     // a gate computed by another rule:
  double (*rule)(double a, double b) = nullptr;   // its value from its inputs' values
  std::vector<GradOverride> grads;                // running totals the learner had
  bool detach_passes = false;                     // every detach passes the gradient on (partial 1)
  bool ste_as_forward = false;                    // every ste sends the gradient to f, none to b
  bool added_everywhere = false;                  // every message is upstream + local
};

// The local partial of a gate for one of its inputs, from the given values.
double local_partial(const Graph& g, const std::vector<double>& values, NodeId gate, int slot);

class Passes {
 public:
  Passes(const Graph& g, NodeId output);

  const Graph& graph() const { return g_; }
  NodeId output() const { return output_; }
  bool has_grads() const { return has_grads_; }  // does the output require grad?
  double grad(NodeId id) const { return grads_[id]; }
  bool reached(NodeId id) const { return reached_[id]; }  // did a message (or the seed) reach it?
  int message_count(NodeId id) const { return count_[id]; }
  double local(NodeId gate, int slot) const { return local_partial(g_, values_, gate, slot); }
  const std::vector<double>& values() const { return values_; }

  // The messages into a node, in the order backward sends them.
  std::vector<Branch> into(NodeId node) const;

  // The question's number with the passes changed; nullopt when no gradient reaches it then.
  std::optional<double> replay(const Question& q, const Change& change) const;
  // Whether another replay fits the budget: passes over at most about 5e7 gates in all, and
  // always a few, so that a diagnosis of a million-gate graph takes seconds, not hours.
  bool may_replay() const { return replays_ < std::max<std::size_t>(8, 50'000'000 / (output_ + 1)); }

 private:
  const Graph& g_;
  NodeId output_;
  bool has_grads_;
  std::vector<double> values_, grads_;
  std::vector<unsigned char> reached_;
  std::vector<int> count_;
  mutable std::size_t replays_ = 0;
};

// Is the message from gate through `slot` among those a question counts (all of them, or a
// quiz step's first few)?
bool counted(const Question& q, NodeId gate, int slot);

// A gradient question's messages and weights.
class Way {
 public:
  Way(const Passes& p, const Question& q);

  const std::vector<Branch>& messages() const { return messages_; }  // the counted messages into the node
  double number() const { return number_; }                          // their sum: the truth
  // How much a change δ of the gradient that node id receives changes the number (0 for
  // nodes at or below the question's, whose messages it does not count through W).
  double weight(NodeId id) const { return id > q_.node && id < weights_.size() ? weights_[id] : 0.0; }
  // The number when the message from gate through slot is `message` instead of what it was.
  double with_message(NodeId gate, int slot, double message) const;
  // Does the message from gate through slot reach the number (gate reached, weight not 0)?
  bool on_way(NodeId gate, int slot) const;
  // Every message (gate, slot) that reaches the number, from the output down.
  std::vector<std::pair<NodeId, int>> edges() const;

 private:
  const Passes& p_;
  Question q_;
  std::vector<Branch> messages_;
  std::vector<double> weights_;
  double number_ = 0;
};

}  // namespace gatelab::detail
