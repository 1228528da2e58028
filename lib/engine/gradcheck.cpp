#include "gatelab/engine/gradcheck.hpp"

#include <algorithm>
#include <cmath>
#include "dependence.hpp"

namespace gatelab {

const char* to_string(CheckStatus status) {
  switch (status) {
    case CheckStatus::Match:
      return "match";
    case CheckStatus::Mismatch:
      return "mismatch";
    case CheckStatus::Kink:
      return "kink";
    case CheckStatus::Surrogate:
      return "surrogate";
  }
  return "?";
}

bool GradcheckReport::ok() const {
  return std::none_of(inputs.begin(), inputs.end(),
                      [](const InputCheck& c) { return c.status == CheckStatus::Mismatch; });
}

static bool close(double x, double y, const GradcheckOptions& o) {
  if (x == y) return true;  // equal infinities included
  return std::fabs(x - y) <= o.atol + o.rtol * std::max(std::fabs(x), std::fabs(y));
}

static double step_at(double x, const GradcheckOptions& o) { return o.step * std::max(1.0, std::fabs(x)); }

// Does the local partial of gate id for the given slot agree with central differences of
// the gate's own value? Slots whose gradient is cut (detach, ste's f) count as partial 0.
static bool local_partial_agrees(const Graph& g, NodeId id, int slot, const GradcheckOptions& o) {
  const Node& n = g.node(id);
  const OpInfo& info = op_info(n.op);
  double in[2] = {g.value(n.a), info.arity == 2 ? g.value(n.b) : 0.0};
  const ops::Partials p = op_partials(n.op, in[0], in[1], g.value(id));
  const bool flows = slot == 0 ? info.grad_a : info.grad_b;
  const double analytic = flows ? (slot == 0 ? p.da : p.db) : 0.0;
  const double h = step_at(in[slot], o);
  const double x = in[slot];
  in[slot] = x + h;
  const double up = op_value(n.op, in[0], in[1]);
  in[slot] = x - h;
  const double down = op_value(n.op, in[0], in[1]);
  return close(analytic, (up - down) / (2 * h), o);
}

namespace {

using detail::depends_on;

std::vector<int> branches(const Graph& g) {
  std::vector<int> out(g.size(), 0);
  for (NodeId i = 0; i < g.size(); ++i) {
    const Node& n = g.node(i);
    if (!op_has_kink(n.op)) continue;
    out[i] = op_branch(n.op, g.value(n.a), n.b == no_node ? 0.0 : g.value(n.b));
  }
  return out;
}

NodeId first_changed(const std::vector<int>& before, const std::vector<int>& after,
                     const std::vector<unsigned char>& on_path) {
  for (NodeId i = 0; i < before.size(); ++i)
    if (on_path[i] && before[i] != after[i]) return i;
  return no_node;
}

// The first gate on the path whose local partial disagrees with its own central differences.
NodeId first_disagreeing_gate(const Graph& g, const std::vector<unsigned char>& on_path,
                              const std::vector<unsigned char>& dep, const GradcheckOptions& o) {
  for (NodeId i = 0; i < g.size(); ++i) {
    const Node& n = g.node(i);
    if (!on_path[i] || op_info(n.op).arity == 0) continue;
    if (dep[n.a] && !local_partial_agrees(g, i, 0, o)) return i;
    if (n.b != no_node && dep[n.b] && !local_partial_agrees(g, i, 1, o)) return i;
  }
  return no_node;
}

}  // namespace

GradcheckReport gradcheck(Graph& g, NodeId output, const GradcheckOptions& o) {
  std::vector<double> analytic;
  reverse_pass(g, output, analytic);
  const auto anc = detail::ancestors(g, output);
  const auto centre = branches(g);

  GradcheckReport report;
  for (NodeId x = 0; x <= output; ++x) {
    if (g.node(x).op != Op::Input || !anc[x]) continue;
    const auto dep = depends_on(g, x);
    std::vector<unsigned char> on_path(g.size());
    for (NodeId i = 0; i < g.size(); ++i) on_path[i] = anc[i] && dep[i];

    const double x0 = g.value(x);
    const double h = step_at(x0, o);
    g.set_value(x, x0 + h);
    g.forward(nullptr, x);
    const double up = g.value(output);
    NodeId kink = first_changed(centre, branches(g), on_path);
    g.set_value(x, x0 - h);
    g.forward(nullptr, x);
    const double down = g.value(output);
    if (kink == no_node) kink = first_changed(centre, branches(g), on_path);
    g.set_value(x, x0);
    g.forward(nullptr, x);

    InputCheck check{x, analytic[x], (up - down) / (2 * h), CheckStatus::Match};
    if (!close(check.analytic, check.numeric, o)) {
      if (kink != no_node) {
        check.status = CheckStatus::Kink;
        check.gate = kink;
      } else {
        check.gate = first_disagreeing_gate(g, on_path, dep, o);
        const bool surrogate = check.gate != no_node && op_info(g.node(check.gate).op).surrogate;
        check.status = surrogate ? CheckStatus::Surrogate : CheckStatus::Mismatch;
      }
    }
    report.inputs.push_back(check);
  }
  return report;
}

}  // namespace gatelab
