// The mistake models, one table: internal to the library (diagnosis.hpp says what they are).
//
// Each entry names a mistake, the questions it is tried on, the places in the graph it is
// tried at, its rank, when it applies there, and the numbers a learner who makes it writes
// (most give one; a fork's subsets give several). Adding a mistake is one entry; its words
// are one case of diagnosis_text in cli/render.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "teach/passes.hpp"

namespace gatelab::detail {

// Where in the graph a model is tried.
enum class Site {
  Question,   // once: the question as a whole
  Message,    // each message on the question's way (a gradient question): gate and slot
  Gate,       // each gate the question's value is computed through (a value question): gate
  ValueNode,  // each gate whose value the question's number is computed from: node (rounded)
  GradNode,   // each node between the question's and the output with a gradient that counts: node
  Named,      // each other named node: node (a coincidence)
};

struct Place {
  NodeId gate = no_node;
  int slot = -1;
  NodeId node = no_node;
};

// What a model sees: the true passes, the question, its number, and the learner's answers.
struct Context {
  const Passes& passes;
  Question question;
  double truth;
  const Way* way;                    // a gradient question's messages and weights; else nullptr
  const std::vector<Claim>& claims;  // the learner's other answers
  const Answer* answer;              // the answer diagnosed, when there is one
  const Graph& graph() const { return passes.graph(); }
};

// Collects the findings that differ from the truth (and reproduce the answer, when one is given).
using Emit = std::function<void(Finding)>;

struct MistakeModel {
  Mistake kind;
  Asks asks;
  Site site;
  int rank;
  bool (*applies)(const Context&, const Place&);
  // Emits the learner's numbers; `f` comes with kind, rank and place filled in.
  void (*numbers)(const Context&, const Place&, Finding f, const Emit& emit);
};

std::span<const MistakeModel> mistake_models();

// The rank of the learner's own answers used upstream (WrongUpstream, or RoundedIntermediate
// when they were right but rounded): named before any model of this table.
inline constexpr int own_answers_rank = 10;
inline constexpr int rounded_own_answers_rank = 12;

}  // namespace gatelab::detail
