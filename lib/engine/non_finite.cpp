#include "gatelab/engine/non_finite.hpp"

#include <cmath>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"

namespace gatelab {

static std::string why(Op op, double a, double b, double v) {
  const std::string shown = std::string(op_info(op).name) + "(" + format_number(a) +
                            (op_info(op).arity == 2 ? ", " + format_number(b) : "") + ") = " + format_number(v);
  if (!std::isfinite(a) || (op_info(op).arity == 2 && !std::isfinite(b)))
    return trf("an input is already {}: {}", format_number(std::isfinite(a) ? b : a), shown);
  if (const char* rule = op_domain_error(op, a, b, v)) return trf("{}: {}", tr(rule), shown);
  if (std::isnan(v)) return trf("the result is not a number: {}", shown);
  return trf("overflow, the result is too large for a double: {}", shown);
}

std::optional<NonFinite> first_non_finite(const Graph& g) {
  for (NodeId i = 0; i < g.size(); ++i) {
    if (std::isfinite(g.value(i))) continue;
    const Node& n = g.node(i);
    if (op_info(n.op).arity == 0) return NonFinite{i, trf("the value {} is not finite", format_number(g.value(i)))};
    return NonFinite{i, why(n.op, g.value(n.a), n.b == no_node ? 0.0 : g.value(n.b), g.value(i))};
  }
  return std::nullopt;
}

}  // namespace gatelab
