// The op table, first half: leaves and arithmetic (gatelab/engine/ops.hpp is the whole table).
#pragma once

#include <cmath>
#include <cstddef>

#include "gatelab/engine/op_info.hpp"

namespace gatelab::ops {

// Leaves hold their own value; the graph never evaluates them.
struct Input {
  static constexpr OpInfo info{.name = "input", .symbol = "input", .arity = 0};
  static double value(double a, double) { return a; }
  static Partials partials(double, double, double) { return {}; }
};
struct Const {
  static constexpr OpInfo info{.name = "const", .symbol = "const", .arity = 0};
  static double value(double a, double) { return a; }
  static Partials partials(double, double, double) { return {}; }
};

struct Add {  // distributes: both inputs receive the upstream gradient
  static constexpr OpInfo info{.name = "add",
                               .symbol = "+",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .passes_a = true,
                               .passes_b = true,
                               .notation = Notation::infix,
                               .formula = "a + b",
                               .da = "1",
                               .db = "1"};
  static double value(double a, double b) { return a + b; }
  static Partials partials(double, double, double) { return {1, 1}; }
};
struct Sub {
  static constexpr OpInfo info{.name = "sub",
                               .symbol = "-",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .passes_a = true,
                               .notation = Notation::infix,
                               .slot_a = "a",
                               .slot_b = "b",
                               .formula = "a - b",
                               .da = "1",
                               .db = "-1"};
  static double value(double a, double b) { return a - b; }
  static Partials partials(double, double, double) { return {1, -1}; }
};
struct Mul {  // swaps: each input receives the other's value
  static constexpr OpInfo info{.name = "mul",
                               .symbol = "*",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .reads = reads_a | reads_b,
                               .notation = Notation::infix,
                               .formula = "a · b",
                               .da = "b",
                               .db = "a"};
  static double value(double a, double b) { return a * b; }
  static Partials partials(double a, double b, double) { return {b, a}; }
};
struct Div {
  static constexpr OpInfo info{.name = "div",
                               .symbol = "/",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .reads = reads_a | reads_b,
                               .notation = Notation::infix,
                               .slot_a = "a",
                               .slot_b = "b",
                               .formula = "a / b",
                               .da = "1/b",
                               .db = "-a/b²"};
  static double value(double a, double b) { return a / b; }
  static Partials partials(double a, double b, double) { return {1 / b, -a / (b * b)}; }
  static const char* domain_error(double, double b, double) { return b == 0 ? tr_later("division by zero") : nullptr; }
};
struct Neg {
  static constexpr OpInfo info{.name = "neg",
                               .symbol = "-",
                               .arity = 1,
                               .grad_a = true,
                               .notation = Notation::prefix,
                               .formula = "-a",
                               .da = "-1"};
  static double value(double a, double) { return -a; }
  static Partials partials(double, double, double) { return {-1, 0}; }
};
// pow, as in PyTorch: 0^0 = 1; d/da = b a^(b-1), but 0 wherever b == 0 (a^0 is the constant 1,
// also at a == 0); d/db = a^b ln a, but 0 where a == 0 (and nan where a < 0). 0 to a negative
// power is inf and a negative number to a fractional power nan: the graph reports both.
struct Pow {
  static constexpr OpInfo info{.name = "pow",
                               .symbol = "^",
                               .arity = 2,
                               .grad_a = true,
                               .grad_b = true,
                               .reads = reads_a | reads_b | reads_value,
                               .notation = Notation::power,
                               .slot_a = "a",
                               .slot_b = "b",
                               .formula = "a^b",
                               .da = "b · a^(b-1)",
                               .db = "a^b · ln(a)"};
  static double value(double a, double b) { return std::pow(a, b); }
  static Partials partials(double a, double b, double v) {
    return {b == 0 ? 0 : b * std::pow(a, b - 1), a == 0 ? 0 : v * std::log(a)};
  }
  static const char* domain_error(double a, double b, double v) {
    if (a < 0 && std::isnan(v)) return tr_later("a negative number to a fractional power");
    if (a == 0 && b < 0) return tr_later("zero to a negative power");
    return nullptr;
  }
};
struct Exp {
  static constexpr OpInfo info{.name = "exp",
                               .symbol = "exp",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_value,
                               .formula = "e^a",
                               .da = tr_later("e^a, the value itself")};
  static double value(double a, double);
  static void values(const double* a, double* out, std::size_t n);
  static Partials partials(double, double, double v) { return {v, 0}; }
};
struct Log {
  static constexpr OpInfo info{
      .name = "log", .symbol = "log", .arity = 1, .grad_a = true, .reads = reads_a, .formula = "ln(a)", .da = "1/a"};
  static double value(double a, double);
  static void values(const double* a, double* out, std::size_t n);
  static Partials partials(double a, double, double) { return {1 / a, 0}; }
  static const char* domain_error(double a, double, double) {
    return a <= 0 ? tr_later("log of a non-positive number") : nullptr;
  }
};
struct Inv {
  static constexpr OpInfo info{.name = "inv",
                               .symbol = "1/x",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_value,
                               .formula = "1/a",
                               .da = tr_later("-1/a², minus the value squared")};
  static double value(double a, double) { return 1 / a; }
  static Partials partials(double, double, double v) { return {-v * v, 0}; }
  static const char* domain_error(double a, double, double) { return a == 0 ? tr_later("division by zero") : nullptr; }
};

struct Sqrt {  // its derivative 1/(2√a) is infinite at 0
  static constexpr OpInfo info{.name = "sqrt",
                               .symbol = "√",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_value,
                               .formula = "√a",
                               .da = tr_later("1 / (2√a), from the value")};
  static double value(double a, double) { return std::sqrt(a); }
  static Partials partials(double, double, double v) { return {0.5 / v, 0}; }
  static const char* domain_error(double a, double, double) {
    return a < 0 ? tr_later("the square root of a negative number") : nullptr;
  }
};
struct Sin {
  static constexpr OpInfo info{.name = "sin",
                               .symbol = "sin",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_a,
                               .formula = "sin(a)",
                               .da = "cos(a)"};
  static double value(double a, double) { return std::sin(a); }
  static Partials partials(double a, double, double) { return {std::cos(a), 0}; }
};
struct Cos {
  static constexpr OpInfo info{.name = "cos",
                               .symbol = "cos",
                               .arity = 1,
                               .grad_a = true,
                               .reads = reads_a,
                               .formula = "cos(a)",
                               .da = "-sin(a)"};
  static double value(double a, double) { return std::cos(a); }
  static Partials partials(double a, double, double) { return {-std::sin(a), 0}; }
};

}  // namespace gatelab::ops
