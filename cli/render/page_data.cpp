#include "render/page_data.hpp"

#include <fmt/format.h>

#include "gatelab/support/translate.hpp"
#include "gatelab/teach/diagnosis.hpp"
#include "gatelab/teach/format.hpp"
#include "render/diagnosis_text.hpp"
#include "render/page_quiz.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string num(double x) { return format_number(x); }

Json cells_json(const Caption& caption) {
  Json cells = Json::array();
  for (const CaptionCell& cell : caption) cells.push_back({cell.text, css_class(cell.ink)});
  return cells;
}

// One step: what it changes on the picture, and its caption (with the number asked hidden).
Json step_json(const Graph& g, const Trace& trace, int step) {
  Json s;
  for (const ForwardStep& f : trace.forward)
    if (f.step == step) s = {{"k", "f"}, {"node", f.node}};
  for (const TangentStep& t : trace.tangent)
    if (t.step == step) s = {{"k", "t"}, {"node", t.node}, {"n", num(t.tangent)}};
  for (const BackwardStep& b : trace.backward) {
    if (b.step != step) continue;
    s = {{"k", b.from == no_node ? "s" : "b"}, {"node", b.to}, {"n", num(b.grad_after)}};
    if (b.from != no_node)
      s.update({{"gate", b.from}, {"slot", b.slot}, {"local", num(b.local)}, {"sent", num(b.contribution)}});
  }
  s["cap"] = cells_json(step_cells(g, trace, step));
  s["ask"] = cells_json(step_cells(g, trace, step, true));
  return s;
}

// "dnum/dx = 1" for each input of a gate; an input that takes no gradient says why.
Json partials_json(const Graph& g, NodeId id) {
  const Node& n = g.node(id);
  const OpInfo& info = op_info(n.op);
  Json out = Json::array();
  if (info.arity == 0) return out;
  const ops::Partials p = op_partials(n.op, g.value(n.a), n.b == no_node ? 0.0 : g.value(n.b), g.value(id));
  for (int slot = 0; slot < info.arity; ++slot) {
    const std::string partial = "d" + display_name(g, id) + "/d" + display_name(g, slot == 0 ? n.a : n.b);
    const bool flows = slot == 0 ? info.grad_a : info.grad_b;
    const std::string rule = tr(slot == 0 ? info.da : info.db);
    const std::string value = num(slot == 0 ? p.da : p.db);
    if (!flows)
      out.push_back(fmt::format("{}: {}", partial, rule));
    else
      out.push_back(rule == value ? fmt::format("{} = {}", partial, value)
                                  : fmt::format("{} = {} = {}", partial, rule, value));
  }
  return out;
}

// The gradient as the sum of the messages into the node, and each message written out.
void add_gradient(Json& node, const Graph& g, NodeId output, NodeId id) {
  const std::vector<Branch> branches = branches_into(g, output, id);
  const Question q{id, Asks::Grad};
  if (id == output) {
    node["sum"] = trf("{0} = 1: the seed, d{1}/d{1} = 1", question_text(g, q), display_name(g, id));
    return;
  }
  node["sum"] = gradient_sum_text(g, q, branches, g.grad(id));
  Json terms = Json::array();
  for (const Branch& b : branches)
    terms.push_back(trf("from {0}: grad({0}) × d{0}/d{1} = {2} × {3} = {4}", display_name(g, b.from),
                        display_name(g, id), num(b.upstream), num(b.local), num(b.contribution)));
  node["terms"] = terms;
}

Json node_json(const Graph& g, NodeId output, const Trace& trace, NodeId id, bool has_grads) {
  const Node& n = g.node(id);
  Json node{{"name", display_name(g, id)}, {"v", num(g.value(id))}};
  node["leaf"] = n.op == Op::Input ? "input" : n.op == Op::Const ? "const" : "";
  for (const ForwardStep& f : trace.forward)
    if (f.node == id) node.update({{"at", f.step}, {"line", cells_json(step_cells(g, trace, f.step))}});
  node["partials"] = partials_json(g, id);
  if (has_grads && n.requires_grad && id <= output) {
    node["g"] = num(g.grad(id));
    for (const BackwardStep& b : trace.backward)
      if (b.to == id) node["gat"] = b.step;  // complete after its last message
    add_gradient(node, g, output, id);
  }
  return node;
}

}  // namespace

nlohmann::ordered_json trace_page_data(const Graph& g, NodeId output, const Trace& trace, bool has_grads,
                                       QuizQuestions questions) {
  Json data{{"output", output}, {"steps", Json::array()}, {"nodes", Json::array()}};
  for (int step = 1; step <= trace.size(); ++step) data["steps"].push_back(step_json(g, trace, step));
  for (NodeId id = 0; id < g.size(); ++id) data["nodes"].push_back(node_json(g, output, trace, id, has_grads));
  data["quiz"] = quiz_page_data(g, output, has_grads, questions);
  return data;
}

}  // namespace gatelab::cli
