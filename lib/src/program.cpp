// An operator-precedence (shunting-yard) parser: operators wait on a stack of their own
// and operands on another, so nesting costs heap, not call stack.
#include "gatelab/program.hpp"

#include <unordered_map>

#include "lexer.hpp"

namespace gatelab {

ParseError::ParseError(SourcePos pos, const std::string& message, std::string source_line)
    : Error(pos.line, pos.column, message), pos_(pos), source_line_(std::move(source_line)) {}

namespace {

using detail::Tok;
using detail::Token;

struct Pending {
  enum class Kind { Binary, Negate, Paren, Call } kind;
  Op op = Op::Add;  // the gate a Binary, Negate or Call makes
  SourcePos pos;
  int args = 0;      // arguments seen so far by a Call
  int prec = 0;      // Binary and Negate: binding strength
};

constexpr int negate_prec = 3;

bool binary(Tok t, Op& op, int& prec) {
  switch (t) {
    case Tok::Plus: op = Op::Add, prec = 1; return true;
    case Tok::Minus: op = Op::Sub, prec = 1; return true;
    case Tok::Star: op = Op::Mul, prec = 2; return true;
    case Tok::Slash: op = Op::Div, prec = 2; return true;
    case Tok::Caret: op = Op::Pow, prec = 4; return true;
    default: return false;
  }
}

std::string known_functions() {
  std::string s;
  for (int i = 0; i < op_count; ++i) {
    const OpInfo& info = op_info(static_cast<Op>(i));
    if (info.arity == 0) continue;
    s += s.empty() ? "" : ", ";
    s += info.name;
  }
  return s;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : lexer_(text) {}

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
    if (!any) fail(t_.pos, "the program is empty: write an expression such as y = x * x");
    return std::move(p_);
  }

  [[noreturn]] void fail(SourcePos pos, const std::string& message) {
    throw ParseError(pos, message, lexer_.line_text(pos.line));
  }

  NodeId record(NodeId id, SourcePos pos) {
    if (p_.where.size() <= id) p_.where.resize(id + 1);
    p_.where[id] = pos;
    return id;
  }

  void advance() {
    t_ = next_;
    next_ = lexer_.next();
  }

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
    const NodeId value = expression();
    if (!target.empty()) assign(target, target_pos, value);
    p_.output = value;
  }

  void assign(const std::string& name, SourcePos pos, NodeId value) {
    if (auto it = inputs_.find(name); it != inputs_.end())
      fail(pos, "'" + name + "' is assigned here but was already used as an input on line " +
                    std::to_string(p_.where[it->second].line) + ": use a new name");
    Graph& g = p_.graph;
    if (g.name(value).empty()) {
      g.set_name(value, name);
      p_.assigned.push_back(value);
      p_.aliases.erase(name);
    } else if (g.name(value) != name) {
      p_.aliases[name] = value;
    }
    symbols_[name] = value;
  }

  NodeId lookup(const Token& t) {
    const std::string name(t.text);
    if (auto it = symbols_.find(name); it != symbols_.end()) return it->second;
    if (auto op = op_from_name(name); op && op_info(*op).arity > 0) fail(t.pos, "'" + name + "' is a function: call it as " + name + "(...)");
    const NodeId id = record(p_.graph.input(0.0, name).id(), t.pos);
    symbols_[name] = id;
    inputs_[name] = id;
    p_.inputs.push_back(id);
    return id;
  }

  void reduce(const Pending& op) {
    Graph& g = p_.graph;
    if (op.kind == Pending::Kind::Negate) {
      operands_.back() = record(g.add_gate(Op::Neg, operands_.back()), op.pos);
      return;
    }
    const int arity = op_info(op.op).arity;
    const NodeId b = arity == 2 ? operands_.back() : no_node;
    if (arity == 2) operands_.pop_back();
    operands_.back() = record(g.add_gate(op.op, operands_.back(), b), op.pos);
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

  // Reduces down to the innermost open '(' or call; false if there is none in this statement.
  bool reduce_to_open() {
    reduce_for(0, false);
    return !pending_.empty();
  }

  // Makes the gate of a call whose ')' was just read; its arguments are on the operand stack.
  void close_call(Pending call) {
    const OpInfo& info = op_info(call.op);
    if (call.args != info.arity)
      fail(call.pos, std::string(info.name) + " takes " + std::to_string(info.arity) + " argument" +
                         (info.arity == 1 ? "" : "s") + ", but " + std::to_string(call.args) +
                         (call.args == 1 ? " was" : " were") + " given");
    Pending gate = call;
    gate.kind = Pending::Kind::Binary;
    reduce(gate);
  }

  // Where expression() stands between tokens.
  struct ExprState {
    std::size_t base;          // pending_.size() when the expression began
    int open = 0;              // parentheses and calls not yet closed
    bool want_operand = true;  // an operand comes next, not an operator
  };

  // Parses the expression starting at t_ and returns its node; t_ ends on what ended it.
  NodeId expression() {
    ExprState e{pending_.size()};
    for (;; advance()) {
      // Inside parentheses a newline only continues the statement.
      if (t_.kind == Tok::Newline && e.open > 0) continue;
      if (e.want_operand) {
        operand_step(e);
        continue;
      }
      if (operator_step(e)) break;
    }
    const NodeId value = operands_.back();
    operands_.pop_back();
    return value;
  }

  // t_ stands where an operand must: a number, a name, a call, '(' or a unary '-'.
  void operand_step(ExprState& e) {
    switch (t_.kind) {
      case Tok::Number:
        operands_.push_back(record(p_.graph.constant(t_.number).id(), t_.pos));
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
      case Tok::Minus:
        pending_.push_back({Pending::Kind::Negate, Op::Neg, t_.pos, 0, negate_prec});
        return;
      default:
        fail(t_.pos, "expected a number, a name, '(' or '-', but found " + describe(t_));
    }
  }

  // t_ is a function's name and next_ its '('; leaves t_ on the '('.
  void open_call(ExprState& e) {
    const auto op = op_from_name(t_.text);
    if (!op || op_info(*op).arity == 0)
      fail(t_.pos, "unknown function '" + std::string(t_.text) + "'; the functions are " + known_functions());
    pending_.push_back({Pending::Kind::Call, *op, t_.pos, 0, 0});
    ++e.open;
    advance();
    if (next_.kind == Tok::RParen) close_call(pending_.back());  // f(): no gate takes no arguments
  }

  // t_ stands after an operand: an operator, ')', ',' or the end of the statement.
  // Returns true when the statement ends here, with its value the last operand.
  bool operator_step(ExprState& e) {
    Op op;
    int prec;
    if (binary(t_.kind, op, prec)) {
      reduce_for(prec, t_.kind == Tok::Caret);
      pending_.push_back({Pending::Kind::Binary, op, t_.pos, 0, prec});
      e.want_operand = true;
      return false;
    }
    switch (t_.kind) {
      case Tok::RParen: {
        if (pending_.size() == e.base || !reduce_to_open() || pending_.size() == e.base)
          fail(t_.pos, "')' has no matching '('");
        Pending closed = pending_.back();
        pending_.pop_back();
        --e.open;
        if (closed.kind == Pending::Kind::Call) {
          ++closed.args;
          close_call(closed);
        }
        return false;
      }
      case Tok::Comma:
        if (!reduce_to_open() || pending_.size() == e.base || pending_.back().kind != Pending::Kind::Call)
          fail(t_.pos, "',' separates the arguments of a function call, and there is none open here");
        ++pending_.back().args;
        e.want_operand = true;
        return false;
      case Tok::Newline:
      case Tok::Semicolon:
      case Tok::End:
        reduce_to_open();
        if (pending_.size() > e.base) {
          const Pending& unclosed = pending_.back();
          fail(unclosed.pos, "this '" +
                                 std::string(unclosed.kind == Pending::Kind::Call ? op_info(unclosed.op).name : "") +
                                 "(' is never closed: expected ')' before " + describe(t_));
        }
        return true;
      case Tok::Assign:
        fail(t_.pos, "unexpected '=': a statement names one result, as in y = x * x");
      default:
        fail(t_.pos, "expected an operator, ')' or the end of the statement, but found " + describe(t_));
    }
  }

  detail::Lexer lexer_;
  Token t_{Tok::End, {}, {}};     // the token being parsed
  Token next_{Tok::End, {}, {}};  // the one after it
  Program p_;
  std::vector<Pending> pending_;
  std::vector<NodeId> operands_;
  std::unordered_map<std::string, NodeId> symbols_;
  std::unordered_map<std::string, NodeId> inputs_;
};

}  // namespace

Program parse_program(std::string_view text) { return Parser(text).run(); }

NodeId Program::find(const std::string& name) const {
  if (auto it = aliases.find(name); it != aliases.end()) return it->second;
  return graph.find(name);
}

}  // namespace gatelab
