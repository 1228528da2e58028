// A learner's own numbers, judged, and a wrong one explained by the mistakes that give it.
//
//   auto a = gatelab::read_answer("1.5832");
//   auto d = gatelab::diagnose(g, f, {x, gatelab::Asks::Grad}, *a);
//   // d.verdict == Verdict::Wrong, d.kind == Mistake::MissingBranches: d.named[0].mask says
//   // which messages into x the learner added (the one through xpy), branches_into the rest
//
// Each mistake is a model (lib/teach/mistake_models.cpp, one table): a rule that re-runs the
// graph's own forward or backward pass with one thing changed (a branch dropped at a fork, a
// local partial replaced by the gate's value, detach passed through, the learner's own
// earlier answers used upstream, ...), and a condition that says where in this graph it
// applies. The diagnosis is the set of models whose number reproduces the answer to its
// written digits, the most specific and common first; those tied for first are all named.
// A number no model gives is wrong, and the learner's other answers say where their chain
// and the trace part ways. Everything is ids and numbers; the CLI writes the words.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "gatelab/engine/graph.hpp"
#include "gatelab/teach/answer.hpp"
#include "gatelab/teach/trace.hpp"

namespace gatelab {

enum class Asks { Value, Grad };

// A question about one node: its value, or the gradient of the output with respect to it. A
// quiz's step asks for a fork's running total: the gradient after the messages up to the one
// from gate `after` through its input `after_slot` (in the order backward sends them).
struct Question {
  NodeId node = no_node;
  Asks asks = Asks::Grad;
  NodeId after = no_node;  // no_node: the whole gradient
  int after_slot = 0;
};

// Does the question count the message from gate through slot (all do, but for a quiz step's
// running total, only those sent up to its own)?
bool counts_message(const Question& q, NodeId gate, int slot);

enum class Mistake {
  TooFewDigits,         // right to the digits written, but more than 1 % off
  SignError,            // the sign of one local partial lost (gate set), or of the whole answer
  MissingBranches,      // a fork's sum over only some of its messages (node: the fork)
  RunningTotal,         // a fork's running total for its final one, or the reverse (a quiz step)
  ExtraBranch,          // one message into a fork counted twice
  MultipliedBranches,   // a fork's messages multiplied instead of added
  ThroughDetach,        // detach passed the gradient on, as if it were not there
  SteAsForward,         // ste(f, b) differentiated as f (round), not as b
  LocalOnly,            // a message's local partial without its upstream gradient
  UpstreamOnly,         // a message's upstream gradient without its local partial
  AddRuleAtMul,         // a mul's local partial taken as 1, as an add's is
  MulRuleAtAdd,         // an add's local partial taken as the other input, as a mul's is
  MulPartialsSwapped,   // a mul's local partial taken as the input's own value, not the other's
  GateAsIdentity,       // a gate's local partial taken as 1: the gradient passed through unchanged
  AddedNotMultiplied,   // upstream + local instead of upstream × local (gate, or every gate)
  ExponentDropped,      // d(u^n)/du without its factor n: the 2 of d(u²) = 2u dropped
  ValueAsPartial,       // the gate's value used as its derivative: σ(z) for σ'(z)
  OneMinusValue,        // 1 - σ(z) for σ'(z), or 1 - tanh(z) for 1 - tanh²(z)
  MaxToLoser,           // max (min) sent the gradient to the input that lost
  WrongUpstream,        // follows from the learner's own wrong answer nearer the output
  RoundedIntermediate,  // follows from an intermediate value or gradient rounded and carried on
  ValueForGradient,     // a forward value (the node's, or the output's) given as a gradient
  GradientForValue,     // the node's gradient given as its value
  WrongRule,            // a gate's value computed by another gate's rule (a + b for a · b, ...)
  LastDigit,            // the truth but for the last digit written
  OtherNode,            // the value or gradient of another, unrelated node: a coincidence
  NoGradient,           // a number where no gradient exists
  GradientExists,       // "none" where a gradient exists
  Unknown,              // none of the above
};
const char* to_string(Mistake mistake);                           // "missing_branches", as JSON writes it
std::optional<Mistake> mistake_from_name(std::string_view name);  // the reverse

// One gradient message into a node: from a gate, through one of its inputs.
struct Branch {
  NodeId from;
  int slot;             // 0: the gate's input a, 1: its input b
  double upstream;      // grad(from)
  double local;         // d from / d node, from the op table
  double contribution;  // upstream * local
};

// A learner's answer to one question.
struct Claim {
  Question question;
  Answer answer;
};

// One model's number for a question, and where in the graph its mistake is made.
struct Finding {
  Mistake kind = Mistake::Unknown;
  int rank = 0;             // lower is named first: more specific, more common, on the way
  double value = 0;         // the number a learner who makes this mistake writes
  int terms = 1;            // how many parts they add to get it, each maybe rounded (a fork's subset)
  NodeId gate = no_node;    // the gate where it is made (a message's sender, a surrogate, a max)
  int slot = -1;            // that gate's input, when one (0: a, 1: b)
  NodeId node = no_node;    // what it is about: the fork, the node rounded, the other node
  double right = 0;         // the right number there: the local partial, the value, the message
  double used = 0;          // the number the learner used instead
  unsigned mask = 0;        // MissingBranches, RunningTotal at the question's node: bit i set when
                            // the i-th message into it (branches_into's order) is included
  Question other;           // OtherNode, WrongUpstream, RoundedIntermediate: the question whose number it is
  double other_answer = 0;  // WrongUpstream: what the learner wrote for it
  int digits = 0;           // RoundedIntermediate: the significant digits kept
  int variant = 0;          // WrongRule: a RuleUsed; RunningTotal: a RunningTotalGiven
};

// WrongRule: the rule a learner computed a gate with.
enum class RuleUsed { AddForMul, MulForAdd, SubForAdd, AddForSub, DivisionFlipped, MulForPow, SigmoidOfMinus };

// RunningTotal: which total a learner gave for a fork's gradient. Final: all the messages, at a
// quiz step that asks for a running total; Before: without this step's message; Alone: this
// step's message alone, without the +=; Earlier: the total after an earlier message (mask).
enum class RunningTotalGiven { Final, Before, Alone, Earlier };

struct Diagnosis {
  Verdict verdict = Verdict::Wrong;
  Mistake kind = Mistake::Unknown;  // the first named finding's kind, TooFewDigits, NoGradient,
                                    // GradientExists or Unknown; nothing when right
  Question question;
  Answer answer;
  Truth truth;
  std::vector<Finding> named;  // the models that give the answer, tied for first (at most 3)
  // When no model gives the answer: where the learner's chain and the trace part ways, from
  // the learner's other answers between the output and this node.
  std::optional<Claim> first_wrong;    // the one nearest the output that the trace does not agree with
  std::optional<Claim> last_agreeing;  // else the one nearest this node that it agrees with
};

// The graph's truth for a question: no number when the output does not require grad, or no
// gradient reaches the node; `terms` is the number of messages summed into it.
Truth truth_of(const Graph& g, NodeId output, Question q);

// The messages into a node in one reverse pass from output, in the order backward sends them.
std::vector<Branch> branches_into(const Graph& g, NodeId output, NodeId node);

// Every model's number for a question that differs from the truth, best ranked first. With
// `filter`, only those that reproduce that answer (what diagnose needs, however big the
// graph). `claims`: the learner's other answers, for the models that use them.
std::vector<Finding> likely_mistakes(const Graph& g, NodeId output, Question q, const std::vector<Claim>& claims = {},
                                     const Answer* filter = nullptr);

// The judge and the choice among findings, with no graph: the verdict, and for a wrong
// number the best ranked findings that reproduce it (a number the truth explains better as
// too few digits stays TooFewDigits). The page's script does exactly this (tested on vectors).
Diagnosis assess(Question q, const Answer& answer, const Truth& truth, const std::vector<Finding>& candidates);

// judge, then assess with every model, then where the chain parts when none fits.
Diagnosis diagnose(const Graph& g, NodeId output, Question q, const Answer& answer,
                   const std::vector<Claim>& others = {});

// A number judged against a truth the graph computed elsewhere (a forward-mode tangent, a
// descent's step): TooFewDigits, SignError, LastDigit or Unknown.
Diagnosis diagnose_number(Question q, const Truth& truth, const Answer& answer);

// A trace step asked as a question, as the quiz asks it: a forward step's value, or a backward
// step's gradient of its receiving node after the message (a running total at a fork). Each
// throws Error when the trace has no such step.
Question step_question(const Trace& trace, int step);
NodeId trace_output(const Trace& trace);  // the node its backward pass was seeded at (no_node: none)

}  // namespace gatelab
