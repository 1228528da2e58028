#include "gatelab/error.hpp"
#include "gatelab/graph.hpp"
#include "gatelab/translate.hpp"

namespace gatelab {

Var apply(Op op, Var a) {
  if (op_info(op).arity != 1) throw Error(trf("{} takes two inputs", op_info(op).name));
  return {a.graph(), a.graph().add_gate(op, a.id())};
}

Var apply(Op op, Var a, Var b) {
  if (op_info(op).arity != 2) throw Error(trf("{} takes one input", op_info(op).name));
  if (&a.graph() != &b.graph()) throw Error(tr("cannot combine values from two different graphs"));
  return {a.graph(), a.graph().add_gate(op, a.id(), b.id())};
}

Var apply(Op op, Var a, double b) { return apply(op, a, a.graph().constant(b)); }
Var apply(Op op, double a, Var b) { return apply(op, b.graph().constant(a), b); }

std::optional<Op> op_from_name(std::string_view name) {
  if (name == "ln") return Op::Log;  // the natural logarithm's other name
  for (int i = 0; i < op_count; ++i) {
    const auto op = static_cast<Op>(i);
    if (op_info(op).name == name) return op;
  }
  return std::nullopt;
}

}  // namespace gatelab
