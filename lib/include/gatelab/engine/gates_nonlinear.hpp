// The op table, second half: activations, kinks and gradient surgery (gatelab/engine/ops.hpp
// is the whole table).
#pragma once

#include <cmath>
#include <cstddef>

#include "gatelab/engine/op_info.hpp"

namespace gatelab::ops {

struct Sigmoid {
  static constexpr OpInfo info{.name = "sigmoid",
                               .symbol = "σ",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_value,
                               .formula = "1 / (1 + e^-a)",
                               .da = tr_later("σ(a) · (1 - σ(a)), from the value")};
  static double value(double a, double) { return ops::sigmoid(a); }
  static void values(const double* a, double* out, std::size_t n);
  static Partials partials(double, double, double v) { return {(1 - v) * v, 0}; }
};
struct Tanh {
  static constexpr OpInfo info{.name = "tanh",
                               .symbol = "tanh",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_value,
                               .formula = "tanh(a)",
                               .da = tr_later("1 - tanh(a)², from the value")};
  static double value(double a, double) { return std::tanh(a); }
  static Partials partials(double, double, double v) { return {1 - v * v, 0}; }
};
struct Softplus {  // log(1 + e^a), computed without overflow; its derivative is sigmoid(a)
  static constexpr OpInfo info{.name = "softplus",
                               .symbol = "softplus",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_a,
                               .formula = "ln(1 + e^a)",
                               .da = "σ(a)"};
  static double value(double a, double) { return a > 0 ? a + std::log1p(std::exp(-a)) : std::log1p(std::exp(a)); }
  static Partials partials(double a, double, double) { return {ops::sigmoid(a), 0}; }
};

struct Erf {  // the error function, for the exact GELU x·(1 + erf(x/√2))/2
  static constexpr OpInfo info{.name = "erf",
                               .symbol = "erf",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_a,
                               .formula = "erf(a)",
                               .da = "2/√π · e^(-a²)"};
  static double value(double a, double) { return std::erf(a); }
  static Partials partials(double a, double, double) {
    return {1.1283791670955126 * std::exp(-a * a), 0};
  }  // 2/√π e^-a²
};

// Gates with a kink: branch() names the piece of the function an input falls on, so a
// gradient check can tell a kink (the branch changed within ±h) from a wrong derivative.
struct Relu {  // relu'(0) = 0, as in PyTorch
  static constexpr OpInfo info{.name = "relu",
                               .symbol = "relu",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_a,
                               .formula = tr_later("a if a > 0, else 0"),
                               .da = tr_later("1 if a > 0, else 0")};
  static double value(double a, double) { return a > 0 ? a : 0; }
  static Partials partials(double a, double, double) { return {a > 0 ? 1.0 : 0.0, 0}; }
  static int branch(double a, double) { return a > 0; }
};
struct Abs {  // abs'(0) = 0, as in PyTorch
  static constexpr OpInfo info{.name = "abs",
                               .symbol = "abs",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_a,
                               .formula = "|a|",
                               .da = tr_later("1 if a > 0, -1 if a < 0, 0 at 0")};
  static double value(double a, double) { return std::fabs(a); }
  static Partials partials(double a, double, double) { return {a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0, 0}; }
  static int branch(double a, double) { return (a > 0) - (a < 0); }
};
struct Max {  // routes the gradient to the larger input; to a on a tie
  static constexpr OpInfo info{.name = "max",
                               .symbol = "max",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .reads = reads_a | reads_b,
                               .formula = tr_later("the larger of a and b"),
                               .da = tr_later("1 if a >= b, else 0"),
                               .db = tr_later("1 if b > a, else 0")};
  static double value(double a, double b) { return a >= b ? a : b; }
  static Partials partials(double a, double b, double) { return a >= b ? Partials{1, 0} : Partials{0, 1}; }
  static int branch(double a, double b) { return a >= b; }
};
struct Min {  // routes the gradient to the smaller input; to a on a tie
  static constexpr OpInfo info{.name = "min",
                               .symbol = "min",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .reads = reads_a | reads_b,
                               .formula = tr_later("the smaller of a and b"),
                               .da = tr_later("1 if a <= b, else 0"),
                               .db = tr_later("1 if b < a, else 0")};
  static double value(double a, double b) { return a <= b ? a : b; }
  static Partials partials(double a, double b, double) { return a <= b ? Partials{1, 0} : Partials{0, 1}; }
  static int branch(double a, double b) { return a <= b; }
};
struct Round {  // half to even, as torch.round; a step function, so its derivative is 0
  static constexpr OpInfo info{.name = "round",
                               .symbol = "round",
                               .arity = 1,
                               .grad_a = true,
                               .formula = tr_later("a rounded, half to even"),
                               .da = tr_later("0: a step function has no slope")};
  static double value(double a, double) { return std::nearbyint(a); }
  static Partials partials(double, double, double) { return {0, 0}; }
  static int branch(double a, double) { return static_cast<int>(std::nearbyint(a)); }
};

struct Detach {  // the value of a; no gradient flows back through it
  static constexpr OpInfo info{.name = "detach",
                               .symbol = "detach",
                               .arity = 1,
                               .surrogate = true,
                               .formula = "a",
                               .da = tr_later("none: no gradient passes back")};
  static double value(double a, double) { return a; }
  static Partials partials(double, double, double) { return {0, 0}; }
};
struct Ste {  // straight-through: the value of f (a), the gradient of b, as if the gate were b
  static constexpr OpInfo info{.name = "ste",
                               .symbol = "ste",
                               .arity = 2,
                               .grad_b = true,
                               .surrogate = true,
                               .passes_b = true,
                               .slot_a = "f",
                               .slot_b = "b",
                               .note = tr_later("value of f, grad to b"),
                               .note_a = tr_later("value only, no grad"),
                               .note_b = tr_later("grad as if identity"),
                               .formula = tr_later("f (input a)"),
                               .da = tr_later("none: no gradient goes to f"),
                               .db = tr_later("1: the gradient goes to b as if the gate were b")};
  static double value(double f, double) { return f; }
  static Partials partials(double, double, double) { return {0, 1}; }
};

}  // namespace gatelab::ops
