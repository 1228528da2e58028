#include "run/evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/non_finite.hpp"

namespace gatelab::cli {

namespace {

std::string input_list(const Program& p) {
  std::string s;
  for (NodeId id : p.inputs) s += (s.empty() ? "" : ", ") + std::string(p.graph.name(id));
  return s.empty() ? "none" : s;
}

// Each binding's input; throws for a name that is no input of the program.
NodeId input_of(const Program& p, const Binding& b) {
  const NodeId id = p.graph.find(b.name);
  if (id == no_node || p.graph.node(id).op != Op::Input) {
    const std::string origin = b.origin.empty() ? "" : b.origin + ": ";
    throw Error(fmt::format("{}the program has no input named '{}' (its inputs: {})", origin, b.name, input_list(p)));
  }
  return id;
}

}  // namespace

EvalResult evaluate(const EvalRequest& request) {
  EvalResult r;
  try {
    r.program = parse_program(request.text);
  } catch (const ParseError& e) {
    throw ProgramError(e, request.source);
  }
  Program& p = r.program;
  Graph& g = p.graph;
  for (const Binding& b : request.at) g.set_value(input_of(p, b), b.value);
  for (NodeId id : p.inputs)
    if (!find_binding(request.at, g.name(id)))
      throw Error(located(request.source.at(p.where.at(id)),
                          fmt::format("the input '{}' has no value: add {} {}=VALUE", g.name(id), request.at_hint, g.name(id))));

  g.forward(&r.trace);
  if (auto bad = first_non_finite(g))
    throw Error(located(request.source.at(p.where.at(bad->gate)), fmt::format("gate '{}' fails with {}", g.label(bad->gate), bad->reason)));

  if (!request.tangents.empty()) {
    for (const Binding& t : request.tangents) r.tangents.push_back({input_of(p, t), t.value});
    r.node_tangents = forward_tangents(g, r.tangents, &r.trace);
    r.jvp = r.node_tangents[p.output];
  }
  try {
    g.backward(p.output, r.tangents.empty() ? &r.trace : nullptr);
  } catch (const Error& e) {
    r.backward_error = e.what();
  }
  if (request.gradcheck && !r.backward_error) r.gradcheck = gatelab::gradcheck(g, p.output);
  r.expectations = check_expectations(p, request.expectations, r.node_tangents);
  return r;
}

bool all_passed(const EvalResult& r) {
  if (r.backward_error) return false;
  if (r.gradcheck && !r.gradcheck->ok()) return false;
  return std::all_of(r.expectations.begin(), r.expectations.end(), [](const auto& e) { return e.match(); });
}

}  // namespace gatelab::cli
