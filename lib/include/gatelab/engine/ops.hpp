// The op table: every gate's forward value and local partial derivatives, side by side.
//
//   double v = ops::Mul::value(3, 4);               // 12
//   ops::Partials p = ops::Mul::partials(3, 4, v);  // {4, 3}: mul swaps its inputs
//   op_info(Op::Tanh).name                          // "tanh"
//
// Reverse mode sends grad[in] += partial * grad[out]; forward mode sends
// tangent[out] += partial * tangent[in]. Both read the partials from here.
//
// A unary gate built on a vector routine (exp, sigmoid, log) also has values(a, out, n): the same
// function over many values at once, bit for bit equal to value() on each; the batched
// engine uses it.
//
// To add a gate: add its enumerator to Op (anywhere before count_), its struct below, and
// its case to visit_op (the switch has no default, so the compiler lists any case you
// forgot); add its sample points to tests/test_ops.cpp and, if library users should write
// foo(x), its overload at the end of graph.hpp; then raise the count in the static_assert
// after Op, which fails until you do.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "gatelab/support/translate.hpp"

namespace gatelab {

enum class Op : std::uint8_t {
  Input,
  Const,  // leaves
  Add,
  Sub,
  Mul,
  Div,
  Neg,
  Pow,
  Exp,
  Log,
  Inv,
  Sqrt,  // arithmetic
  Sin,
  Cos,  // trigonometry
  Sigmoid,
  Tanh,
  Relu,
  Softplus,
  Erf,
  Abs,
  Max,
  Min,
  Round,  // activations and kinks
  Detach,
  Ste,     // gradient surgery
  count_,  // not an op: the number of ops, so a gate added above it is counted
};
inline constexpr int op_count = static_cast<int>(Op::count_);
static_assert(op_count == 25,
              "a new gate also needs: its struct in ops::, its case in visit_op, its sample "
              "points in tests/test_ops.cpp and, for library users, its overload at the end of "
              "graph.hpp; then update this count");

// What partials(a, b, value) reads: the batched engine keeps those values for backward.
inline constexpr unsigned reads_a = 1, reads_b = 2, reads_value = 4;

struct OpInfo {
  std::string_view name;    // as written in programs and JSON: "mul", "sigmoid"
  std::string_view symbol;  // as drawn: "*", "σ"
  int arity = 0;            // 0 for leaves, else 1 or 2
  bool grad_a = false;      // does the gradient flow to input a?
  bool grad_b = false;      // ... to input b?
  bool surrogate = false;   // is the gradient, by design, not the derivative of the value?
  bool passes_a = false;    // is the partial for a the constant 1 (the gradient passes unchanged)?
  bool passes_b = false;    // ... for b?
  unsigned reads = 0;       // reads_a | reads_b | reads_value: what partials() depends on
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
                               .formula = "a / b",
                               .da = "1/b",
                               .db = "-a/b²"};
  static double value(double a, double b) { return a / b; }
  static Partials partials(double a, double b, double) { return {1 / b, -a / (b * b)}; }
};
struct Neg {
  static constexpr OpInfo info{.name = "neg", .symbol = "-", .arity = 1, .grad_a = true, .formula = "-a", .da = "-1"};
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
                               .formula = "a^b",
                               .da = "b · a^(b-1)",
                               .db = "a^b · ln(a)"};
  static double value(double a, double b) { return std::pow(a, b); }
  static Partials partials(double a, double b, double v) {
    return {b == 0 ? 0 : b * std::pow(a, b - 1), a == 0 ? 0 : v * std::log(a)};
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
                               .formula = tr_later("f (input a)"),
                               .da = tr_later("none: no gradient goes to f"),
                               .db = tr_later("1: the gradient goes to b as if the gate were b")};
  static double value(double f, double) { return f; }
  static Partials partials(double, double, double) { return {0, 1}; }
};

}  // namespace ops

// Calls f with the op's struct (an empty object); the one switch over every op.
template <class F>
constexpr decltype(auto) visit_op(Op op, F&& f) {
  switch (op) {
    case Op::Input:
      return f(ops::Input{});
    case Op::Const:
      return f(ops::Const{});
    case Op::Add:
      return f(ops::Add{});
    case Op::Sub:
      return f(ops::Sub{});
    case Op::Mul:
      return f(ops::Mul{});
    case Op::Div:
      return f(ops::Div{});
    case Op::Neg:
      return f(ops::Neg{});
    case Op::Pow:
      return f(ops::Pow{});
    case Op::Exp:
      return f(ops::Exp{});
    case Op::Log:
      return f(ops::Log{});
    case Op::Inv:
      return f(ops::Inv{});
    case Op::Sqrt:
      return f(ops::Sqrt{});
    case Op::Sin:
      return f(ops::Sin{});
    case Op::Cos:
      return f(ops::Cos{});
    case Op::Sigmoid:
      return f(ops::Sigmoid{});
    case Op::Tanh:
      return f(ops::Tanh{});
    case Op::Relu:
      return f(ops::Relu{});
    case Op::Softplus:
      return f(ops::Softplus{});
    case Op::Erf:
      return f(ops::Erf{});
    case Op::Abs:
      return f(ops::Abs{});
    case Op::Max:
      return f(ops::Max{});
    case Op::Min:
      return f(ops::Min{});
    case Op::Round:
      return f(ops::Round{});
    case Op::Detach:
      return f(ops::Detach{});
    case Op::Ste:
      return f(ops::Ste{});
    case Op::count_:
      break;  // the count, never a node's op
  }
  __builtin_unreachable();
}

inline constexpr const OpInfo& op_info(Op op) {
  return visit_op(op, []<class O>(O) -> const OpInfo& { return O::info; });
}
inline double op_value(Op op, double a, double b) {
  return visit_op(op, [&]<class O>(O) { return O::value(a, b); });
}
inline ops::Partials op_partials(Op op, double a, double b, double value) {
  return visit_op(op, [&]<class O>(O) { return O::partials(a, b, value); });
}
inline bool op_has_kink(Op op) {
  return visit_op(op, []<class O>(O) {
    return requires { O::branch(0.0, 0.0); };
  });
}
// Which piece of a kinked gate's function (a, b) falls on; 0 for smooth gates.
inline int op_branch(Op op, double a, double b) {
  return visit_op(op, [&]<class O>(O) {
    if constexpr (requires { O::branch(a, b); })
      return O::branch(a, b);
    else
      return 0;
  });
}
// The op called `name` in programs and JSON ("mul", "sigmoid"), if there is one.
// (ln is another name for log.)
std::optional<Op> op_from_name(std::string_view name);

}  // namespace gatelab
