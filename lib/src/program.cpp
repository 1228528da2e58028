// An operator-precedence (shunting-yard) parser: operators wait on a stack of their own
// and operands on another, so nesting costs heap, not call stack. Arrays are expanded into
// scalar gates as they are reduced (array_ops.hpp).
#include "gatelab/program.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "array_ops.hpp"
#include "gatelab/spelling.hpp"
#include "lexer.hpp"
#include "gatelab/translate.hpp"

namespace gatelab {

ParseError::ParseError(SourcePos pos, const std::string& message, std::string source_line)
    : Error(pos.line, pos.column, message), pos_(pos), source_line_(std::move(source_line)) {}

namespace {

using detail::Tok;
using detail::Token;
using detail::Value;

// Functions that take or give arrays; they are not gates but expand into gates.
struct ArrayFunction {
  std::string_view name;
  int arity;
};
constexpr std::array<ArrayFunction, 7> array_functions{{
    {"sum", 1}, {"mean", 1}, {"dot", 2}, {"matmul", 2}, {"transpose", 1}, {"softmax", 1}, {"logsumexp", 1}}};
constexpr int matmul_function = 3;

int array_function(std::string_view name) {
  for (std::size_t i = 0; i < array_functions.size(); ++i)
    if (array_functions[i].name == name) return static_cast<int>(i);
  return -1;
}

struct Pending {
  enum class Kind { Binary, Negate, Paren, Call, Bracket } kind;
  Op op = Op::Add;    // the gate a Binary, Negate or Call makes
  SourcePos pos;
  int args = 0;       // arguments of a Call, entries of a Bracket, seen so far
  int prec = 0;       // Binary and Negate: binding strength
  int function = -1;  // a Call of an array function, or the '@' Binary (matmul)
};

constexpr int negate_prec = 3;
constexpr double max_index = std::numeric_limits<int>::max();

bool binary(Tok t, Pending& p) {
  switch (t) {
    case Tok::Plus: p.op = Op::Add, p.prec = 1; return true;
    case Tok::Minus: p.op = Op::Sub, p.prec = 1; return true;
    case Tok::Star: p.op = Op::Mul, p.prec = 2; return true;
    case Tok::Slash: p.op = Op::Div, p.prec = 2; return true;
    case Tok::At: p.function = matmul_function, p.prec = 2; return true;
    case Tok::Caret: p.op = Op::Pow, p.prec = 4; return true;
    default: return false;
  }
}

// An operand: one node, or an array kept by the parser.
struct Operand {
  NodeId node = no_node;
  int array = -1;          // into Parser::arrays_
  std::string_view name;   // the name it was written as, if it was one
};

class Parser {
 public:
  Parser(std::string_view text, const InputShapes& shapes, std::size_t max_size)
      : lexer_(text), shapes_(shapes), max_size_(max_size), ops_(p_.graph, [this](NodeId id) { record(id, made_at_); }) {}

  Program run() {
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

 private:
  [[noreturn]] void fail(SourcePos pos, const std::string& message) {
    throw ParseError(pos, message, lexer_.line_text(pos.line));
  }

  NodeId record(NodeId id, SourcePos pos) {
    make_room(0, pos);
    if (id == p_.where.size()) p_.where.push_back(pos);  // nodes come in order: the usual case
    else {
      if (p_.where.size() < id) p_.where.resize(id + 1);
      p_.where[id] = pos;
    }
    return id;
  }

  // Fails at pos unless `entries` more array entries fit beside the nodes and entries made.
  void make_room(std::size_t entries, SourcePos pos) {
    if (entries <= max_size_ && p_.graph.size() + held_ <= max_size_ - entries) return;
    fail(pos, trf("the program is too large: it makes more than {} nodes and array entries, the most gatelab takes (docs/reliability.md)", max_size_));
  }

  // Keeps an array's entries, counted against the limit.
  void hold(std::size_t entries, SourcePos pos) {
    make_room(entries, pos);
    held_ += entries;
  }

  void advance() {
    last_ = t_;
    t_ = next_;
    next_ = lexer_.next();
  }

  // --- operands and arrays -----------------------------------------------------------------

  Value value_of(const Operand& o) const { return o.array < 0 ? Value{{}, {o.node}} : arrays_[static_cast<std::size_t>(o.array)]; }

  Operand operand_of(Value v, SourcePos pos) {
    if (v.scalar()) return {v.nodes[0]};
    hold(v.size(), pos);
    arrays_.push_back(std::move(v));
    return {no_node, static_cast<int>(arrays_.size() - 1)};
  }

  // Runs an array operation whose gates were written at pos; a shape error is placed there.
  template <class F>
  Operand at(SourcePos pos, F&& make) {
    made_at_ = pos;
    try {
      return operand_of(make(), pos);
    } catch (const ParseError&) {
      throw;
    } catch (const Error& e) {
      fail(pos, e.what());
    }
  }

  // --- statements --------------------------------------------------------------------------

  // Parses one statement starting at t_; leaves t_ on the token that ended it.
  void statement() {
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

  void assign(const std::string& name, SourcePos pos, const Operand& value) {
    if (is_function_name(name)) fail(pos, trf("'{}' is the name of a function: choose another name for this value", name));
    if (auto it = inputs_.find(name); it != inputs_.end())
      fail(pos, trf("'{}' is assigned here but was already used as an input on line {}: use a new name", name, p_.where[it->second].line));
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

  void name_node(NodeId id, const std::string& name) {
    Graph& g = p_.graph;
    if (g.name(id).empty()) {
      g.set_name(id, name);
      p_.assigned.push_back(id);
      p_.aliases.erase(name);
    } else if (g.name(id) != name) {
      p_.aliases[name] = id;
    }
  }

  Operand lookup(const Token& t) {
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
  Value new_input_array(const std::string& name, const std::vector<int>& shape, SourcePos pos) {
    if (shape.size() > 2) fail(pos, trf("the input '{}' is given {} dimensions: an array has 1 or 2", name, shape.size()));
    std::size_t n = 1;
    for (int d : shape) {
      if (d < 1) fail(pos, trf("the input '{}' is given a shape with {} entries in a dimension", name, d));
      make_room(n *= static_cast<std::size_t>(d), pos);
    }
    Value a{shape, {}};
    for (std::size_t i = 0; i < n; ++i) a.nodes.push_back(new_input(name + index_text(shape, i), pos));
    return a;
  }

  NodeId new_input(const std::string& name, SourcePos pos) {
    const NodeId id = record(p_.graph.input(0.0, name).id(), pos);
    p_.inputs.push_back(id);
    return id;
  }

  // --- reductions ----------------------------------------------------------------------------

  void reduce(const Pending& op) {
    Graph& g = p_.graph;
    if (op.kind == Pending::Kind::Negate) {
      Operand& a = operands_.back();
      if (a.array < 0 && a.node + 1 == g.size() && g.node(a.node).op == Op::Const) {
        g.set_value(a.node, -g.value(a.node));  // -1 is the number -1, not a gate negating 1
        record(a.node, op.pos);
      } else if (a.array < 0) a = {record(g.add_gate(Op::Neg, a.node), op.pos)};
      else a = at(op.pos, [&] { return ops_.unary(Op::Neg, value_of(a)); });
      return;
    }
    const int arity = op.function >= 0 ? array_functions[static_cast<std::size_t>(op.function)].arity : op_info(op.op).arity;
    Operand b;
    if (arity == 2) {
      b = operands_.back();
      operands_.pop_back();
    }
    Operand& a = operands_.back();
    if (op.function >= 0) {
      a = at(op.pos, [&] { return array_function_value(op.function, value_of(a), arity == 2 ? value_of(b) : Value{}); });
    } else if (a.array < 0 && b.array < 0) {
      a = {record(g.add_gate(op.op, a.node, arity == 2 ? b.node : no_node), op.pos)};
    } else {
      a = at(op.pos, [&] { return arity == 2 ? ops_.elementwise(op.op, value_of(a), value_of(b)) : ops_.unary(op.op, value_of(a)); });
    }
  }

  Value array_function_value(int function, const Value& a, const Value& b) {
    switch (function) {
      case 0: return ops_.sum(a);
      case 1: return ops_.mean(a);
      case 2: return ops_.dot(a, b);
      case 3: return ops_.matmul(a, b);
      case 4: return ops_.transpose(a);
      case 5: return ops_.softmax(a);
      default: return ops_.logsumexp(a);
    }
  }

  // Reduces pending operators that bind at least as tightly as a new binary operator.
  void reduce_for(int prec, bool right_assoc) {
    while (!pending_.empty()) {
      const Pending& top = pending_.back();
      if (top.kind != Pending::Kind::Binary && top.kind != Pending::Kind::Negate) return;
      if (top.prec < prec || (top.prec == prec && right_assoc)) return;
      const Pending op = top;
      pending_.pop_back();
      reduce(op);
    }
  }

  // Reduces down to the innermost open '(', '[' or call; false if there is none in this statement.
  bool reduce_to_open() {
    reduce_for(0, false);
    return !pending_.empty();
  }

  std::string call_name(const Pending& call) const {
    return std::string(call.function >= 0 ? array_functions[static_cast<std::size_t>(call.function)].name : op_info(call.op).name);
  }

  // Makes the gates of a call whose ')' was just read; its arguments are on the operand stack.
  void close_call(Pending call) {
    const int arity = call.function >= 0 ? array_functions[static_cast<std::size_t>(call.function)].arity : op_info(call.op).arity;
    if (call.args != arity)
      fail(call.pos, arity == 1 ? (call.args == 1 ? trf("{} takes 1 argument, but 1 was given", call_name(call))
                                                  : trf("{} takes 1 argument, but {} were given", call_name(call), call.args))
                                : (call.args == 1 ? trf("{} takes {} arguments, but 1 was given", call_name(call), arity)
                                                  : trf("{} takes {} arguments, but {} were given", call_name(call), arity, call.args)));
    call.kind = Pending::Kind::Binary;
    reduce(call);
  }

  // Makes the array of a literal whose ']' was just read; its entries are on the operand stack.
  void close_bracket(const Pending& bracket) {
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

  // --- the expression loop -----------------------------------------------------------------

  struct ExprState {
    std::size_t base;          // pending_.size() when the expression began
    int open = 0;              // parentheses, brackets and calls not yet closed
    bool want_operand = true;  // an operand comes next, not an operator
  };

  // Parses the expression starting at t_ and returns its value; t_ ends on what ended it.
  Operand expression() {
    ExprState e{pending_.size()};
    for (;; advance()) {
      // Inside parentheses and brackets a newline only continues the statement.
      if (t_.kind == Tok::Newline && e.open > 0) continue;
      if (e.want_operand) {
        operand_step(e);
        continue;
      }
      if (operator_step(e)) break;
    }
    const Operand value = operands_.back();
    operands_.pop_back();
    return value;
  }

  // t_ stands where an operand must: a number, a name, a call, '(', '[' or a unary '-'.
  void operand_step(ExprState& e) {
    switch (t_.kind) {
      case Tok::Number:
        operands_.push_back({record(p_.graph.constant(t_.number).id(), t_.pos)});
        e.want_operand = false;
        return;
      case Tok::Name:
        if (next_.kind == Tok::LParen) return open_call(e);
        operands_.push_back(lookup(t_));
        e.want_operand = false;
        return;
      case Tok::LParen:
        pending_.push_back({Pending::Kind::Paren, Op::Add, t_.pos});
        ++e.open;
        return;
      case Tok::LBracket:
        if (next_.kind == Tok::RBracket) fail(t_.pos, tr("an array needs at least one entry, as in [1, 2]"));
        pending_.push_back({Pending::Kind::Bracket, Op::Add, t_.pos});
        ++e.open;
        return;
      case Tok::Minus:
        pending_.push_back({Pending::Kind::Negate, Op::Neg, t_.pos, 0, negate_prec});
        return;
      default:
        fail(t_.pos, trf("expected a number, a name, '(' or '-' (or '[' to start an array), but found {}", describe(t_)));
    }
  }

  // t_ is a function's name and next_ its '('; leaves t_ on the '('.
  void open_call(ExprState& e) {
    const std::string name(t_.text);
    Pending call{Pending::Kind::Call, Op::Add, t_.pos};
    if (const auto op = op_from_name(name); op && op_info(*op).arity > 0) call.op = *op;
    else if ((call.function = array_function(name)) < 0) {
      if (symbols_.count(name))
        fail(t_.pos, trf("'{0}' is a value here, not a function: to multiply, write {0}*(...)", name));
      const auto guess = did_you_mean(name, function_names());
      std::string list;
      for (const std::string& f : function_names()) list += (list.empty() ? "" : list_separator()) + f;
      if (guess) fail(t_.pos, trf("unknown function '{}'; did you mean {}? (the functions: {})", name, *guess, list));
      fail(t_.pos, trf("unknown function '{}' (the functions: {})", name, list));
    }
    pending_.push_back(call);
    ++e.open;
    advance();
    if (next_.kind == Tok::RParen) close_call(pending_.back());  // f(): nothing takes no arguments
  }

  // t_ is the '[' after an operand: the whole number indices up to ']'; leaves t_ on the ']'.
  void index_step() {
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

  // What follows a closing ')' or ']' must close the innermost open kind.
  Pending close_pending(ExprState& e, Pending::Kind kind, const char* closer) {
    const bool bracket = kind == Pending::Kind::Bracket;
    if (pending_.size() == e.base || !reduce_to_open() || pending_.size() == e.base)
      fail(t_.pos, bracket ? trf("'{}' has no matching '['", closer) : trf("'{}' has no matching '('", closer));
    const Pending closed = pending_.back();
    if ((closed.kind == Pending::Kind::Bracket) != bracket)
      fail(t_.pos, trf("expected '{}' to close the '{}' of column {}, but found '{}'", bracket ? ")" : "]", bracket ? "(" : "[",
                       closed.pos.column, closer));
    pending_.pop_back();
    --e.open;
    return closed;
  }

  // t_ stands after an operand: an operator, ')', ']', '[', ',' or the end of the statement.
  // Returns true when the statement ends here, with its value the last operand.
  bool operator_step(ExprState& e) {
    Pending op{Pending::Kind::Binary, Op::Add, t_.pos};
    if (binary(t_.kind, op)) {
      reduce_for(op.prec, t_.kind == Tok::Caret);
      pending_.push_back(op);
      e.want_operand = true;
      return false;
    }
    switch (t_.kind) {
      case Tok::RParen: {
        Pending closed = close_pending(e, Pending::Kind::Paren, ")");
        if (closed.kind == Pending::Kind::Call) {
          ++closed.args;
          close_call(closed);
        }
        operands_.back().name = {};
        return false;
      }
      case Tok::RBracket: {
        Pending closed = close_pending(e, Pending::Kind::Bracket, "]");
        ++closed.args;
        close_bracket(closed);
        return false;
      }
      case Tok::LBracket:
        index_step();
        return false;
      case Tok::Comma:
        if (!reduce_to_open() || pending_.size() == e.base ||
            (pending_.back().kind != Pending::Kind::Call && pending_.back().kind != Pending::Kind::Bracket))
          fail(t_.pos, tr("',' separates the arguments of a function call or the entries of an array, and there is none open here"));
        ++pending_.back().args;
        e.want_operand = true;
        return false;
      case Tok::Newline:
      case Tok::Semicolon:
      case Tok::End:
        reduce_to_open();
        if (pending_.size() > e.base) {
          const Pending& unclosed = pending_.back();
          if (unclosed.kind == Pending::Kind::Bracket) fail(unclosed.pos, trf("this '[' is never closed: expected ']' before {}", describe(t_)));
          fail(unclosed.pos, trf("this '{}(' is never closed: expected ')' before {}",
                                 unclosed.kind == Pending::Kind::Call ? call_name(unclosed) : std::string{}, describe(t_)));
        }
        return true;
      case Tok::Assign:
        fail(t_.pos, tr("unexpected '=': a statement names one result, as in y = x * x"));
      case Tok::Name:
      case Tok::Number:
      case Tok::LParen:
        // 2x, 2(x + 1), x y: a product written without its '*'.
        fail(t_.pos, trf("expected an operator, ')' or the end of the statement, but found {}: write {}*{} to multiply", describe(t_),
                         last_.kind == Tok::Number || last_.kind == Tok::Name ? std::string(last_.text) : std::string("(...)"),
                         t_.kind == Tok::LParen ? std::string("(...)") : std::string(t_.text)));
      default:
        fail(t_.pos, trf("expected an operator, ')' or the end of the statement, but found {}", describe(t_)));
    }
  }

  detail::Lexer lexer_;
  const InputShapes& shapes_;
  std::size_t max_size_;          // nodes plus held array entries
  std::size_t held_ = 0;          // array entries kept in arrays_ and p_.arrays
  Token last_{Tok::End, {}, {}};  // the token before t_
  Token t_{Tok::End, {}, {}};     // the token being parsed
  Token next_{Tok::End, {}, {}};  // the one after it
  Program p_;
  detail::ArrayOps ops_;
  SourcePos made_at_;             // where the gates an array operation makes were written
  std::vector<Pending> pending_;
  std::vector<Operand> operands_;
  std::vector<Value> arrays_;
  struct Symbol {
    NodeId node;
    int array;
  };
  std::unordered_map<std::string, Symbol> symbols_;
  std::unordered_map<std::string, NodeId> inputs_;  // an array input's first entry
};

}  // namespace

std::string shape_words(const std::vector<int>& shape) {
  if (shape.empty()) return tr("a number");
  if (shape.size() == 1) return trf("a {}-vector", shape[0]);
  return trf("a {}x{} matrix", shape[0], shape[1]);
}

std::string shape_text(const std::vector<int>& shape) {
  const LanguageScope english(Language::english);
  return shape_words(shape);
}

std::string index_text(const std::vector<int>& shape, std::size_t flat) {
  if (shape.size() == 1) return "[" + std::to_string(flat) + "]";
  const auto cols = static_cast<std::size_t>(shape[1]);
  return "[" + std::to_string(flat / cols) + "," + std::to_string(flat % cols) + "]";
}

bool is_function_name(std::string_view name) {
  static const std::vector<std::string> names = function_names();
  static const std::unordered_set<std::string_view> set(names.begin(), names.end());
  return set.count(name) > 0;
}

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (int i = 0; i < op_count; ++i)
    if (op_info(static_cast<Op>(i)).arity > 0) names.emplace_back(op_info(static_cast<Op>(i)).name);
  names.emplace_back("ln");
  for (const ArrayFunction& f : array_functions) names.emplace_back(f.name);
  return names;
}

Program parse_program(std::string_view text, const InputShapes& input_shapes, std::size_t max_size) {
  return Parser(text, input_shapes, max_size).run();
}

NodeId Program::find(const std::string& name) const {
  if (auto it = aliases.find(name); it != aliases.end()) return it->second;
  return graph.find(name);
}

const Array* Program::find_array(const std::string& name) const {
  for (const Array& a : arrays)
    if (a.name == name) return &a;
  return nullptr;
}

std::string Program::output_label() const { return output_name.empty() ? graph.label(output) : output_name; }

}  // namespace gatelab
