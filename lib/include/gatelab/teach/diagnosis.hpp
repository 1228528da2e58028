// A learner's own numbers, judged, and a wrong one explained from what the graph knows.
//
//   gatelab::Answer a{.value = 1.5832, .written_precision = 5e-5, .significant_digits = 5};
//   gatelab::judge(a, g.grad(x));                    // Verdict::Wrong (grad(x) is 2.05957)
//   auto d = gatelab::diagnose(g, f, {x, gatelab::Asks::Grad}, a);
//   // d.kind == Mistake::MissingBranches: d.included is the branch through xpy (+1.58319),
//   // d.left_out the branches through num (+0.512144) and sigx (-0.0357615)
//
// likely_mistakes lists the wrong numbers a learner is likely to give for one question, each
// with the mistake that produces it (a sign, a branch left out at a fork, a local partial
// without its upstream gradient, ...); diagnose picks the one an answer matches. The data
// holds node ids and numbers only: the CLI writes the words, and an HTML page can carry the
// list and match typed numbers itself. Nothing here prints.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "gatelab/engine/graph.hpp"
#include "gatelab/teach/trace.hpp"

namespace gatelab {

// A number a learner wrote, and how exactly it is to be checked.
struct Answer {
  double value = 0;
  double written_precision = 0;     // half a unit in the last digit written: 5e-05 for 1.5456
  int significant_digits = 0;       // as written: 2 for 2.1, 5 for 1.5456
  std::optional<double> tolerance;  // given explicitly (--tol): replaces the rule below
};

// The rule: right when within the digits written and never more than 1 % off the truth (or
// within an explicit tolerance). TooFewDigits: within the digits written, but more than 1 %
// off, so the learner should give more digits.
enum class Verdict { Right, TooFewDigits, Wrong };
Verdict judge(const Answer& answer, double truth);

// The largest difference from the truth that judge accepts.
double accepted_difference(const Answer& answer, double truth);

enum class Asks { Value, Grad };

// A question about one node: its value, or the gradient of the output with respect to it.
struct Question {
  NodeId node = no_node;
  Asks asks = Asks::Grad;
};

enum class Mistake {
  TooFewDigits,      // right to the digits written, but more than 1 % off
  SignError,         // the right size with the wrong sign
  MissingBranches,   // the sum of only some of the messages into a fork
  ExtraBranch,       // one message into a fork counted twice
  ThroughCutGate,    // the derivative of the value, as if detach or ste's f passed gradients
  LocalOnly,         // a message's local partial without the upstream gradient
  UpstreamOnly,      // a message's upstream gradient without the local partial
  ValueForGradient,  // the node's value where its gradient was asked
  GradientForValue,  // the node's gradient where its value was asked
  OtherNode,         // the value or gradient of another node
  WrongUpstream,     // an answer given for a node nearer the output is already wrong
  Unknown,           // none of the above
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

struct Diagnosis {
  Mistake kind = Mistake::Unknown;
  Question question;
  double answer = 0;                       // what the learner wrote
  double truth = 0;                        // what the graph has
  std::vector<Branch> included, left_out;  // MissingBranches; ExtraBranch: included = the doubled one
  std::vector<NodeId> cut_gates;           // ThroughCutGate: the detach and ste gates on the way
  std::optional<Branch> branch;            // LocalOnly, UpstreamOnly: the message
  Question other;                          // OtherNode, WrongUpstream: the other question
  double other_truth = 0;                  // its number in the graph
  double other_answer = 0;                 // WrongUpstream: what the learner wrote for it
  int digits = 0;                          // TooFewDigits: significant digits written
};

// A wrong number and the mistake that gives it.
struct Candidate {
  double value;
  Diagnosis diagnosis;
};

// The graph's truth for a question (grad: d output / d node, from one reverse pass).
double truth(const Graph& g, NodeId output, Question q);

// The messages into a node in one reverse pass from output, in the order backward sends them.
std::vector<Branch> branches_into(const Graph& g, NodeId output, NodeId node);

// The likely wrong numbers for a question, most telling first. Throws Error like backward
// when a gradient is asked and the output does not require grad.
std::vector<Candidate> likely_mistakes(const Graph& g, NodeId output, Question q);

// Why `answer` is wrong: TooFewDigits, else the first likely mistake it matches (to its
// written precision), else Unknown.
Diagnosis diagnose(const Graph& g, NodeId output, Question q, const Answer& answer);

// A number judged against a truth the graph computed elsewhere (a forward-mode tangent):
// TooFewDigits, SignError or Unknown.
Diagnosis diagnose_number(Question q, double truth, const Answer& answer);

// A learner's answer to one question.
struct Claim {
  Question question;
  Answer answer;
};

// As above, and when no likely mistake fits, the learner's other answers are searched for a
// wrong gradient between the output and this node: the one nearest the output is named.
Diagnosis diagnose(const Graph& g, NodeId output, const Claim& claim, const std::vector<Claim>& others);

// A trace step asked as a question, as the quiz asks it: a forward step's value, or a backward
// step's gradient of its receiving node after the message. The truth is the trace's number.
// Each throws Error when the trace has no such step.
Question step_question(const Trace& trace, int step);
double step_truth(const Trace& trace, int step);
std::vector<Candidate> likely_step_mistakes(const Graph& g, const Trace& trace, int step);
Diagnosis diagnose_step(const Graph& g, const Trace& trace, int step, const Answer& answer);

}  // namespace gatelab
