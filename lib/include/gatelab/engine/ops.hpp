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
// To add a gate: add its enumerator to Op (op_info.hpp, anywhere before count_), its struct
// (gates_arithmetic.hpp or gates_nonlinear.hpp), and
// its case to visit_op (the switch has no default, so the compiler lists any case you
// forgot); add its sample points to tests/test_ops.cpp and, if library users should write
// foo(x), its overload at the end of graph.hpp; then raise the count in the static_assert
// after Op, which fails until you do.
//
// A gate whose value can leave its domain (division by zero, log of a non-positive number)
// has domain_error(a, b, value): the rule broken, in words marked tr_later, or nullptr.
#pragma once

#include <optional>
#include <string_view>

#include "gatelab/engine/gates_arithmetic.hpp"
#include "gatelab/engine/gates_nonlinear.hpp"
#include "gatelab/engine/op_info.hpp"

namespace gatelab {

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

// The rule a gate's inputs broke when its value is not finite ("division by zero", marked
// tr_later), or nullptr when the op has none that applies.
inline const char* op_domain_error(Op op, double a, double b, double value) {
  return visit_op(op, [&]<class O>(O) -> const char* {
    if constexpr (requires { O::domain_error(a, b, value); })
      return O::domain_error(a, b, value);
    else
      return nullptr;
  });
}

}  // namespace gatelab
