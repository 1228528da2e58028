// Statements, names and inputs, and the limit on a program's size (parser.hpp).
#include "parser.hpp"

#include "gatelab/support/translate.hpp"

namespace gatelab::detail {

Program Parser::run() {
  advance();
  advance();
  bool any = false;
  while (t_.kind != Tok::End) {
    if (t_.kind == Tok::Newline || t_.kind == Tok::Semicolon) {
      advance();
      continue;
    }
    statement();
    any = true;
  }
  if (!any) fail(t_.pos, tr("the program is empty: write an expression such as y = x * x"));
  return std::move(p_);
}

[[noreturn]] void Parser::fail(SourcePos pos, const std::string& message) {
  throw ParseError(pos, message, lexer_.line_text(pos.line));
}

NodeId Parser::record(NodeId id, SourcePos pos) {
  make_room(0, pos);
  if (id == p_.where.size())
    p_.where.push_back(pos);  // nodes come in order: the usual case
  else {
    if (p_.where.size() < id) p_.where.resize(id + 1);
    p_.where[id] = pos;
  }
  return id;
}

// Fails at pos unless `entries` more array entries fit beside the nodes and entries made.
void Parser::make_room(std::size_t entries, SourcePos pos) {
  if (entries <= max_size_ && p_.graph.size() + held_ <= max_size_ - entries) return;
  fail(pos, trf("the program is too large: it makes more than {} nodes and array entries, the most gatelab takes "
                "(docs/reliability.md)",
                max_size_));
}

// Keeps an array's entries, counted against the limit.
void Parser::hold(std::size_t entries, SourcePos pos) {
  make_room(entries, pos);
  held_ += entries;
}

void Parser::advance() {
  last_ = t_;
  t_ = next_;
  next_ = lexer_.next();
}

// Parses one statement starting at t_; leaves t_ on the token that ended it.
void Parser::statement() {
  std::string target;
  SourcePos target_pos;
  if (t_.kind == Tok::Name && next_.kind == Tok::Assign) {
    target = t_.text;
    target_pos = t_.pos;
    advance();
    advance();
  }
  const Operand value = expression();
  if (!target.empty()) assign(target, target_pos, value);
  p_.output_name = target;
  p_.output_shape.clear();
  p_.output_nodes.clear();
  if (value.array < 0) {
    p_.output = value.node;
    return;
  }
  const Value& a = arrays_[static_cast<std::size_t>(value.array)];
  p_.output_shape = a.shape;
  p_.output_nodes = a.nodes;
  p_.output = a.nodes.back();
}

void Parser::assign(const std::string& name, SourcePos pos, const Operand& value) {
  if (is_function_name(name))
    fail(pos, trf("'{}' is the name of a function: choose another name for this value", name));
  if (auto it = inputs_.find(name); it != inputs_.end())
    fail(pos, trf("'{}' is assigned here but was already used as an input on line {}: use a new name", name,
                  p_.where[it->second].line));
  std::erase_if(p_.arrays, [&](const Array& a) { return a.name == name; });
  if (value.array < 0) {
    name_node(value.node, name);
  } else {
    const Value& a = arrays_[static_cast<std::size_t>(value.array)];
    hold(a.size(), pos);  // a copy in p_.arrays, and a name per entry
    for (std::size_t i = 0; i < a.size(); ++i) name_node(a.nodes[i], name + index_text(a.shape, i));
    p_.arrays.push_back({name, a.shape, a.nodes});
  }
  symbols_[name] = {value.node, value.array};
}

void Parser::name_node(NodeId id, const std::string& name) {
  Graph& g = p_.graph;
  if (g.name(id).empty()) {
    g.set_name(id, name);
    p_.assigned.push_back(id);
    p_.aliases.erase(name);
  } else if (g.name(id) != name) {
    p_.aliases[name] = id;
  }
}

Operand Parser::lookup(const Token& t) {
  const std::string name(t.text);
  if (auto it = symbols_.find(name); it != symbols_.end()) return {it->second.node, it->second.array, t.text};
  if (is_function_name(name)) fail(t.pos, trf("'{0}' is a function: call it as {0}(...)", name));
  const auto shape = shapes_.find(name);
  Operand o{no_node, -1, t.text};
  if (shape == shapes_.end() || shape->second.empty()) {
    o.node = new_input(name, t.pos);
  } else {
    Value a = new_input_array(name, shape->second, t.pos);
    p_.arrays.push_back({name, a.shape, a.nodes});
    o.array = operand_of(std::move(a), t.pos).array;
  }
  symbols_[name] = {o.node, o.array};
  inputs_[name] = o.array < 0 ? o.node : arrays_[static_cast<std::size_t>(o.array)].nodes.front();
  return o;
}

// An input given a shape: one input per entry, W[0,0], W[0,1], ...
Value Parser::new_input_array(const std::string& name, const std::vector<int>& shape, SourcePos pos) {
  if (shape.size() > 2)
    fail(pos, trf("the input '{}' is given {} dimensions: an array has 1 or 2", name, shape.size()));
  std::size_t n = 1;
  for (int d : shape) {
    if (d < 1) fail(pos, trf("the input '{}' is given a shape with {} entries in a dimension", name, d));
    make_room(n *= static_cast<std::size_t>(d), pos);
  }
  Value a{shape, {}};
  for (std::size_t i = 0; i < n; ++i) a.nodes.push_back(new_input(name + index_text(shape, i), pos));
  return a;
}

NodeId Parser::new_input(const std::string& name, SourcePos pos) {
  const NodeId id = record(p_.graph.input(0.0, name).id(), pos);
  p_.inputs.push_back(id);
  return id;
}

}  // namespace gatelab::detail
