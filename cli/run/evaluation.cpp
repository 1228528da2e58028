#include "run/evaluation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gatelab/engine/non_finite.hpp"
#include "gatelab/language/spelling.hpp"
#include "gatelab/support/translate.hpp"
#include "gatelab/teach/format.hpp"

namespace gatelab::cli {

namespace {

// The array input an input node is an entry of, or nullptr.
const Array* array_of(const Program& p, NodeId input) {
  for (const Array& a : p.arrays)
    if (std::find(a.nodes.begin(), a.nodes.end(), input) != a.nodes.end()) return &a;
  return nullptr;
}

// The inputs by name, an array input once: "x, W".
std::vector<std::string> input_names(const Program& p) {
  std::vector<std::string> names;
  for (NodeId id : p.inputs) {
    const Array* a = array_of(p, id);
    std::string name = a ? a->name : std::string(p.graph.name(id));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
  }
  return names;
}

[[noreturn]] void no_such_input(const Program& p, const Binding& b) {
  const auto names = input_names(p);
  const auto guess = did_you_mean(b.name, names);
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : list_separator()) + n;
  const std::string origin = b.origin.empty() ? "" : b.origin + ": ";
  const std::string inputs = list.empty() ? tr("none") : list;
  if (guess)
    throw Error(origin +
                trf("the program has no input named '{}'; did you mean {}? (its inputs: {})", b.name, *guess, inputs));
  throw Error(origin + trf("the program has no input named '{}' (its inputs: {})", b.name, inputs));
}

// The input nodes a binding names, each with its number (an array: every entry).
std::vector<std::pair<NodeId, double>> targets(const Program& p, const Binding& b) {
  const Graph& g = p.graph;
  if (b.is_array()) {
    const Array* a = p.find_array(b.name);
    if (!a || g.node(a->nodes.front()).op != Op::Input || a->shape != b.shape) no_such_input(p, b);
    std::vector<std::pair<NodeId, double>> out;
    for (std::size_t i = 0; i < a->nodes.size(); ++i) out.emplace_back(a->nodes[i], b.values[i]);
    return out;
  }
  const NodeId id = g.find(b.name);
  if (id == no_node || g.node(id).op != Op::Input) no_such_input(p, b);
  return {{id, b.value}};
}

// "add --at x=VALUE", and what a learner who wrote e or pi most likely meant.
std::string missing_value_hint(const std::string& name, const std::string& at_hint) {
  if (name == "e") return trf("add {} {}=VALUE; for e to a power, write exp(x) (e^x)", at_hint, name);
  if (name == "pi") return trf("add {} {}=VALUE; or write the number 3.14159265358979", at_hint, name);
  return trf("add {} {}=VALUE", at_hint, name);
}

// The names a statement set to a number (x = 2): constants, which have no gradient.
std::string constant_names(const Program& p) {
  std::string names;
  for (NodeId id : p.assigned)
    if (p.graph.node(id).op == Op::Const)
      names += (names.empty() ? "" : "; ") +
               trf("{0} is a constant here ({0} = {1}, line {2}): give it with --at {0}={1} to differentiate by it",
                   p.graph.name(id), format_number(p.graph.value(id)), p.where.at(id).line);
  return names;
}

}  // namespace

EvalResult evaluate(const EvalRequest& request) {
  EvalResult r;
  InputShapes shapes;
  for (const Binding& b : request.at)
    if (b.is_array()) shapes[b.name] = b.shape;
  try {
    r.program = parse_program(request.text, shapes, max_program_size);
  } catch (const ParseError& e) {
    throw ProgramError(e, request.source);
  }
  Program& p = r.program;
  Graph& g = p.graph;
  std::vector<unsigned char> bound(g.size(), 0);
  for (const Binding& b : request.at)
    for (const auto& [id, value] : targets(p, b)) {
      g.set_value(id, value);
      bound[id] = 1;
    }
  for (NodeId id : p.inputs)
    if (!bound[id]) {
      const std::string name(g.name(id));
      throw Error(located(request.source.at(p.where.at(id)),
                          trf("the input '{}' has no value: {}", name, missing_value_hint(name, request.at_hint))));
    }

  g.forward(&r.trace);
  if (auto bad = first_non_finite(g))
    throw Error(located(request.source.at(p.where.at(bad->gate)),
                        trf("gate '{}' fails with {}", g.label(bad->gate), bad->reason)));

  if (!request.tangents.empty()) {
    for (const Binding& t : request.tangents)
      for (const auto& [id, dot] : targets(p, t)) r.tangents.push_back({id, dot});
    r.node_tangents = forward_tangents(g, r.tangents, &r.trace);
    r.jvp = r.node_tangents[p.output];
  }
  if (!p.output_shape.empty()) {
    r.backward_error = {ErrorKind::not_scalar, trf("the output {0} is {1}: backward needs one number, such as sum({0})",
                                                   p.output_label(), shape_words(p.output_shape))};
  } else {
    try {
      g.backward(p.output, r.tangents.empty() ? &r.trace : nullptr);
    } catch (const Error& e) {
      const std::string constants = constant_names(p);
      r.backward_error = {e.kind(), constants.empty() ? std::string(e.what())
                                                      : trf("cannot run backward from '{}': it depends on no input: {}",
                                                            p.output_label(), constants)};
    }
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
