#include "evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/non_finite.hpp"
#include "strings.hpp"

namespace gatelab::cli {

namespace {

std::string input_list(const Program& p) {
  std::string s;
  for (NodeId id : p.inputs) s += (s.empty() ? "" : ", ") + std::string(p.graph.name(id));
  return s.empty() ? "none" : s;
}

// Looks up each binding's input; throws for a name that is no input of the program.
std::vector<std::pair<NodeId, double>> resolve(const Program& p, const Bindings& bindings,
                                               const std::string& what) {
  std::vector<std::pair<NodeId, double>> out;
  for (const auto& [name, value] : bindings) {
    const NodeId id = p.graph.find(name);
    if (id == no_node || p.graph.node(id).op != Op::Input)
      throw Error(fmt::format("{} {}: the program has no input named '{}' (its inputs: {})", what, name, name, input_list(p)));
    out.emplace_back(id, value);
  }
  return out;
}

}  // namespace

Bindings parse_bindings(const std::vector<std::string>& items, const std::string& what) {
  Bindings out;
  for (const std::string& item : items) {
    const auto eq = item.find('=');
    const std::string name = eq == std::string::npos ? std::string{} : trim(item.substr(0, eq));
    if (name.empty()) throw Error(fmt::format("{} '{}': expected NAME=VALUE, as in {} x=2", what, item, what));
    const auto value = parse_number(item.substr(eq + 1));
    if (!value) throw Error(fmt::format("{} '{}': '{}' is not a finite number", what, item, trim(item.substr(eq + 1))));
    if (std::any_of(out.begin(), out.end(), [&](const auto& b) { return b.first == name; }))
      throw Error(fmt::format("{} gives '{}' a value twice", what, name));
    out.emplace_back(name, *value);
  }
  return out;
}

EvalResult evaluate(const EvalRequest& request) {
  EvalResult r;
  try {
    r.program = parse_program(request.text);
  } catch (const ParseError& e) {
    throw ProgramError(e, request.source);
  }
  Program& p = r.program;
  Graph& g = p.graph;
  auto where = [&](NodeId id) { return request.source.where(p.where.at(id)); };

  const auto at = parse_bindings(request.at, request.at_label);
  for (const auto& [id, value] : resolve(p, at, request.at_label)) g.set_value(id, value);
  for (NodeId id : p.inputs)
    if (std::none_of(at.begin(), at.end(), [&](const auto& b) { return b.first == g.name(id); }))
      throw Error(fmt::format("{}: the input '{}' has no value: add {} {}=VALUE", where(id), g.name(id),
                              request.at_label, g.name(id)));

  g.forward(&r.trace);
  if (auto bad = first_non_finite(g))
    throw Error(fmt::format("{}: gate '{}' fails with {}", where(bad->gate), display_name(g, bad->gate), bad->reason));

  if (!request.tangents.empty()) {
    for (const auto& [id, dot] : resolve(p, parse_bindings(request.tangents, request.tangent_label), request.tangent_label))
      r.tangents.push_back({id, dot});
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

}  // namespace gatelab::cli
