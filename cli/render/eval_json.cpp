#include "render/eval_json.hpp"

#include <cmath>

#include "gatelab/teach/format.hpp"
#include "render/diagnosis_text.hpp"
#include "render/named_values.hpp"
#include "render/trace_text.hpp"

namespace gatelab::cli {

using json = nlohmann::ordered_json;

json json_number(double x) { return std::isfinite(x) ? json(x) : json(format_number(x)); }

json numbers_json(const std::vector<int>& shape, const std::vector<double>& values) {
  if (shape.empty()) return json_number(values.front());
  json rows = json::array();
  const std::size_t cols = shape.size() == 2 ? static_cast<std::size_t>(shape[1]) : values.size();
  for (std::size_t r = 0; r * cols < values.size(); ++r) {
    json row = json::array();
    for (std::size_t c = 0; c < cols; ++c) row.push_back(json_number(values[r * cols + c]));
    rows.push_back(row);
  }
  return shape.size() == 2 ? rows : rows[0];
}

json expectation_json(const Program& p, const ExpectationResult& e) {
  const bool number = e.truth.value && !e.expectation.answer.no_gradient;
  json x{{"expect", e.expectation.text},
         {"expected", e.expectation.answer.no_gradient ? json(nullptr) : json(e.expectation.expected())},
         {"written", e.expectation.written},
         {"traced", e.truth.value ? json_number(e.traced) : json(nullptr)},
         {"difference", number ? json_number(e.difference) : json(nullptr)},
         {"tolerance", json_number(e.accepted)},
         {"result", e.verdict == Verdict::Right          ? "match"
                    : e.verdict == Verdict::TooFewDigits ? "too_few_digits"
                    : e.verdict == Verdict::NoGradient   ? "no_gradient"
                                                         : "mismatch"},
         {"match", e.match()}};
  if (!e.diagnosis) return x;
  x["diagnosis"] = {{"kind", to_string(e.diagnosis->kind)}, {"text", diagnosis_text(p.graph, p.output, *e.diagnosis)}};
  json tied = json::array();
  for (const Finding& f : e.diagnosis->named) tied.push_back(to_string(f.kind));
  if (tied.size() > 1) x["diagnosis"]["tied"] = tied;
  return x;
}

json report_json(const EvalResult& r) {
  const Graph& g = r.program.graph;
  json j;
  const auto named = named_values(r.program);
  for (const Named& n : named)
    if (n.output) j["value"] = numbers_json(n.shape, n.values(g));
  j["output"] = r.program.output_label();
  if (r.backward_error) j["error"] = r.backward_error->message;
  j["grads"] = json::object();
  for (const Named& n : named)
    if (n.input) j["grads"][n.name] = r.backward_error ? json(nullptr) : numbers_json(n.shape, n.grads(g));
  if (!r.program.arrays.empty()) {
    j["arrays"] = json::object();
    for (const Named& n : named)
      if (!n.shape.empty())
        j["arrays"][n.name] = {{"shape", n.shape},
                               {"value", numbers_json(n.shape, n.values(g))},
                               {"grad", r.backward_error ? json(nullptr) : numbers_json(n.shape, n.grads(g))}};
  }
  if (!r.tangents.empty()) {
    j["jvp"] = json_number(r.jvp);
    j["tangent"] = json::object();
    for (const Tangent& t : r.tangents) j["tangent"][std::string(g.name(t.input))] = t.dot;
  }
  j["nodes"] = json::array();
  for (NodeId id = 0; id < g.size(); ++id) {
    const Node& n = g.node(id);
    json node{{"id", id}};
    node["name"] = g.name(id).empty() ? json(nullptr) : json(std::string(g.name(id)));
    node["op"] = op_info(n.op).name;
    node["inputs"] = json::array();
    if (n.a != no_node) node["inputs"].push_back(n.a);
    if (n.b != no_node) node["inputs"].push_back(n.b);
    node["value"] = json_number(g.value(id));
    node["grad"] = r.backward_error || !n.requires_grad ? json(nullptr) : json_number(g.grad(id));
    j["nodes"].push_back(node);
  }
  if (r.gradcheck) {
    j["gradcheck"] = json::array();
    for (const InputCheck& c : r.gradcheck->inputs)
      j["gradcheck"].push_back({{"input", g.label(c.input)},
                                {"analytic", json_number(c.analytic)},
                                {"numeric", json_number(c.numeric)},
                                {"status", to_string(c.status)},
                                {"gate", c.gate == no_node ? json(nullptr) : json(g.label(c.gate))}});
  }
  if (!r.expectations.empty()) {
    j["expectations"] = json::array();
    for (const ExpectationResult& e : r.expectations) j["expectations"].push_back(expectation_json(r.program, e));
  }
  return j;
}

}  // namespace gatelab::cli
