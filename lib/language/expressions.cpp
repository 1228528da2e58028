// The expression loop: operands, operators, parentheses and calls (parser.hpp).
#include "parser.hpp"

#include <cmath>
#include <limits>

#include "gatelab/language/spelling.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::detail {

namespace {

constexpr int negate_prec = 3;

bool binary(Tok t, Pending& p) {
  switch (t) {
    case Tok::Plus:
      p.op = Op::Add, p.prec = 1;
      return true;
    case Tok::Minus:
      p.op = Op::Sub, p.prec = 1;
      return true;
    case Tok::Star:
      p.op = Op::Mul, p.prec = 2;
      return true;
    case Tok::Slash:
      p.op = Op::Div, p.prec = 2;
      return true;
    case Tok::At:
      p.function = matmul_function, p.prec = 2;
      return true;
    case Tok::Caret:
      p.op = Op::Pow, p.prec = 4;
      return true;
    default:
      return false;
  }
}

}  // namespace

void Parser::reduce(const Pending& op) {
  Graph& g = p_.graph;
  if (op.kind == Pending::Kind::Negate) {
    Operand& a = operands_.back();
    if (a.array < 0 && a.node + 1 == g.size() && g.node(a.node).op == Op::Const) {
      g.set_value(a.node, -g.value(a.node));  // -1 is the number -1, not a gate negating 1
      record(a.node, op.pos);
    } else if (a.array < 0)
      a = {record(g.add_gate(Op::Neg, a.node), op.pos)};
    else
      a = at(op.pos, [&] { return ops_.unary(Op::Neg, value_of(a)); });
    return;
  }
  const int arity =
      op.function >= 0 ? array_functions[static_cast<std::size_t>(op.function)].arity : op_info(op.op).arity;
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
    a = at(op.pos, [&] {
      return arity == 2 ? ops_.elementwise(op.op, value_of(a), value_of(b)) : ops_.unary(op.op, value_of(a));
    });
  }
}

// Reduces pending operators that bind at least as tightly as a new binary operator.
void Parser::reduce_for(int prec, bool right_assoc) {
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
bool Parser::reduce_to_open() {
  reduce_for(0, false);
  return !pending_.empty();
}

std::string Parser::call_name(const Pending& call) const {
  return std::string(call.function >= 0 ? array_functions[static_cast<std::size_t>(call.function)].name
                                        : op_info(call.op).name);
}

// Makes the gates of a call whose ')' was just read; its arguments are on the operand stack.
void Parser::close_call(Pending call) {
  const int arity =
      call.function >= 0 ? array_functions[static_cast<std::size_t>(call.function)].arity : op_info(call.op).arity;
  if (call.args != arity)
    fail(call.pos,
         arity == 1
             ? (call.args == 1 ? trf("{} takes 1 argument, but 1 was given", call_name(call))
                               : trf("{} takes 1 argument, but {} were given", call_name(call), call.args))
             : (call.args == 1 ? trf("{} takes {} arguments, but 1 was given", call_name(call), arity)
                               : trf("{} takes {} arguments, but {} were given", call_name(call), arity, call.args)));
  call.kind = Pending::Kind::Binary;
  reduce(call);
}

// Parses the expression starting at t_ and returns its value; t_ ends on what ended it.
Operand Parser::expression() {
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
void Parser::operand_step(ExprState& e) {
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
void Parser::open_call(ExprState& e) {
  const std::string name(t_.text);
  Pending call{Pending::Kind::Call, Op::Add, t_.pos};
  if (const auto op = op_from_name(name); op && op_info(*op).arity > 0)
    call.op = *op;
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

// What follows a closing ')' or ']' must close the innermost open kind.
Pending Parser::close_pending(ExprState& e, Pending::Kind kind, const char* closer) {
  const bool bracket = kind == Pending::Kind::Bracket;
  if (pending_.size() == e.base || !reduce_to_open() || pending_.size() == e.base)
    fail(t_.pos, bracket ? trf("'{}' has no matching '['", closer) : trf("'{}' has no matching '('", closer));
  const Pending closed = pending_.back();
  if ((closed.kind == Pending::Kind::Bracket) != bracket)
    fail(t_.pos, trf("expected '{}' to close the '{}' of column {}, but found '{}'", bracket ? ")" : "]",
                     bracket ? "(" : "[", closed.pos.column, closer));
  pending_.pop_back();
  --e.open;
  return closed;
}

// t_ stands after an operand: an operator, ')', ']', '[', ',' or the end of the statement.
// Returns true when the statement ends here, with its value the last operand.
bool Parser::operator_step(ExprState& e) {
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
        fail(t_.pos, tr("',' separates the arguments of a function call or the entries of an array, and there is none "
                        "open here"));
      ++pending_.back().args;
      e.want_operand = true;
      return false;
    case Tok::Newline:
    case Tok::Semicolon:
    case Tok::End:
      reduce_to_open();
      if (pending_.size() > e.base) {
        const Pending& unclosed = pending_.back();
        if (unclosed.kind == Pending::Kind::Bracket)
          fail(unclosed.pos, trf("this '[' is never closed: expected ']' before {}", describe(t_)));
        fail(unclosed.pos,
             trf("this '{}(' is never closed: expected ')' before {}",
                 unclosed.kind == Pending::Kind::Call ? call_name(unclosed) : std::string{}, describe(t_)));
      }
      return true;
    case Tok::Assign:
      fail(t_.pos, tr("unexpected '=': a statement names one result, as in y = x * x"));
    case Tok::Name:
    case Tok::Number:
    case Tok::LParen:
      // 2x, 2(x + 1), x y: a product written without its '*'.
      fail(t_.pos,
           trf("expected an operator, ')' or the end of the statement, but found {}: write {}*{} to multiply",
               describe(t_),
               last_.kind == Tok::Number || last_.kind == Tok::Name ? std::string(last_.text) : std::string("(...)"),
               t_.kind == Tok::LParen ? std::string("(...)") : std::string(t_.text)));
    default:
      fail(t_.pos, trf("expected an operator, ')' or the end of the statement, but found {}", describe(t_)));
  }
}

}  // namespace gatelab::detail
