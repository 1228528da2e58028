// The gates' enumeration and what the op table says of each (OpInfo): the vocabulary that
// gatelab/engine/ops.hpp's table is written in.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "gatelab/support/translate.hpp"

namespace gatelab {

// clang-format off
enum class Op : std::uint8_t {
  Input, Const,                                             // leaves
  Add, Sub, Mul, Div, Neg, Pow, Exp, Log, Inv, Sqrt,        // arithmetic
  Sin, Cos,                                                 // trigonometry
  Sigmoid, Tanh, Relu, Softplus, Erf, Abs, Max, Min, Round, // activations and kinks
  Detach, Ste,                                              // gradient surgery
  count_,  // not an op: the number of ops, so a gate added above it is counted
};
// clang-format on
inline constexpr int op_count = static_cast<int>(Op::count_);
static_assert(op_count == 25,
              "a new gate also needs: its struct in ops::, its case in visit_op, its sample "
              "points in tests/test_ops.cpp and, for library users, its overload at the end of "
              "graph.hpp; then update this count");

// What partials(a, b, value) reads: the batched engine keeps those values for backward.
inline constexpr unsigned reads_a = 1, reads_b = 2, reads_value = 4;

// How a gate is written with its inputs' text: a + b, -a, a ^ b (its operands in parentheses
// when negative), or as a call, sigmoid(a), max(a, b).
enum class Notation : std::uint8_t { call, infix, prefix, power };

struct OpInfo {
  std::string_view name;               // as written in programs and JSON: "mul", "sigmoid"
  std::string_view symbol;             // as drawn: "*", "σ"
  int arity = 0;                       // 0 for leaves, else 1 or 2
  bool grad_a = false;                 // does the gradient flow to input a?
  bool grad_b = false;                 // ... to input b?
  bool surrogate = false;              // is the gradient, by design, not the derivative of the value?
  bool passes_a = false;               // is the partial for a the constant 1 (the gradient passes unchanged)?
  bool passes_b = false;               // ... for b?
  unsigned reads = 0;                  // reads_a | reads_b | reads_value: what partials() depends on
  Notation notation = Notation::call;  // how traces write it
  // The inputs' names where their order matters (a - b, a / b, a ^ b; ste's f and b), as
  // diagrams label the edges; empty where it does not (a + b, a · b).
  std::string_view slot_a, slot_b;
  // Words on the gate in diagrams, and on an input's edge (ste: "value only, no grad" on f's);
  // marked tr_later.
  std::string_view note, note_a, note_b;
  // The same rules in words, for a learner's hint: the value from a and b, and its partials.
  // Those with words are marked tr_later: show them as tr(std::string(info.da).c_str()).
  std::string_view formula;  // "a · b"
  std::string_view da;       // "b": d value / d a (what partials() computes for a)
  std::string_view db;       // "a": d value / d b
};

namespace ops {

struct Partials {
  double da = 0;
  double db = 0;
};

// sigmoid(a) from e = e^-|a|: 1 / (1 + e) for a >= 0, e / (1 + e) below; neither overflows.
// exp, log and sigmoid go through the library's vector maths (ops.cpp): one value is one lane
// of the routine that the batched engine runs over many, so both agree bit for bit.
inline double sigmoid_given(double a, double e) { return (a >= 0 ? 1 : e) / (1 + e); }
double sigmoid(double a);

}  // namespace ops

}  // namespace gatelab
