// Arrays in the parser: literals, indexing and the array functions (parser.hpp).
#include "parser.hpp"

#include <cmath>
#include <limits>

#include "gatelab/support/translate.hpp"

namespace gatelab::detail {

int array_function(std::string_view name) {
  for (std::size_t i = 0; i < array_functions.size(); ++i)
    if (array_functions[i].name == name) return static_cast<int>(i);
  return -1;
}

namespace {
constexpr double max_index = std::numeric_limits<int>::max();
}  // namespace

Operand Parser::operand_of(Value v, SourcePos pos) {
  if (v.scalar()) return {v.nodes[0]};
  hold(v.size(), pos);
  arrays_.push_back(std::move(v));
  return {no_node, static_cast<int>(arrays_.size() - 1)};
}

Value Parser::array_function_value(int function, const Value& a, const Value& b) {
  switch (function) {
    case 0:
      return ops_.sum(a);
    case 1:
      return ops_.mean(a);
    case 2:
      return ops_.dot(a, b);
    case 3:
      return ops_.matmul(a, b);
    case 4:
      return ops_.transpose(a);
    case 5:
      return ops_.softmax(a);
    default:
      return ops_.logsumexp(a);
  }
}

// Makes the array of a literal whose ']' was just read; its entries are on the operand stack.
void Parser::close_bracket(const Pending& bracket) {
  const auto first = operands_.end() - bracket.args;
  std::size_t entries = 0;  // [v, v, v] copies v three times: counted before it is copied
  for (auto it = first; it != operands_.end(); ++it) {
    entries += it->array < 0 ? 1 : arrays_[static_cast<std::size_t>(it->array)].size();
    make_room(entries, bracket.pos);
  }
  std::vector<Value> items;
  for (auto it = first; it != operands_.end(); ++it) items.push_back(value_of(*it));
  operands_.erase(first, operands_.end());
  operands_.push_back(at(bracket.pos, [&] { return ops_.stack(items); }));
}

// t_ is the '[' after an operand: the whole number indices up to ']'; leaves t_ on the ']'.
void Parser::index_step() {
  const SourcePos open = t_.pos;
  std::vector<int> indices;
  for (advance();; advance()) {
    if (t_.kind != Tok::Number || !(t_.number >= 0 && t_.number <= max_index) || t_.number != std::floor(t_.number))
      fail(t_.pos, trf("an index is a whole number from 0, as in v[0] or W[1, 0], but found {}", describe(t_)));
    indices.push_back(static_cast<int>(t_.number));
    advance();
    if (t_.kind == Tok::RBracket) break;
    if (t_.kind != Tok::Comma) fail(t_.pos, trf("expected ',' or ']' after an index, but found {}", describe(t_)));
  }
  Operand& a = operands_.back();
  const std::string name = a.name.empty() ? tr("the value") : std::string(a.name);
  a = at(open, [&] { return ops_.index(value_of(a), indices, name); });
}

}  // namespace gatelab::detail
