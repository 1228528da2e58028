#include "gatelab/engine/error.hpp"
#include "gatelab/engine/graph.hpp"
#include "gatelab/support/translate.hpp"

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

}  // namespace gatelab
