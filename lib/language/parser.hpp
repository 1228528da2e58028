// The parser of the program language (internal): an operator-precedence (shunting-yard)
// parser. Operators wait on a stack of their own and operands on another, so nesting costs
// heap, not call stack. Arrays are expanded into scalar gates as they are reduced
// (array_ops.hpp). Its parts: statements.cpp (statements, names, inputs and the size limit),
// expressions.cpp (the expression loop, operators and calls), arrays.cpp (literals, indexing
// and the array functions).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "array_ops.hpp"
#include "gatelab/language/program.hpp"
#include "lexer.hpp"

namespace gatelab::detail {

// Functions that take or give arrays; they are not gates but expand into gates.
struct ArrayFunction {
  std::string_view name;
  int arity;
};
inline constexpr std::array<ArrayFunction, 7> array_functions{
    {{"sum", 1}, {"mean", 1}, {"dot", 2}, {"matmul", 2}, {"transpose", 1}, {"softmax", 1}, {"logsumexp", 1}}};
inline constexpr int matmul_function = 3;

// The index of the array function called `name` in array_functions, or -1.
int array_function(std::string_view name);

struct Pending {
  enum class Kind { Binary, Negate, Paren, Call, Bracket } kind;
  Op op = Op::Add;  // the gate a Binary, Negate or Call makes
  SourcePos pos;
  int args = 0;       // arguments of a Call, entries of a Bracket, seen so far
  int prec = 0;       // Binary and Negate: binding strength
  int function = -1;  // a Call of an array function, or the '@' Binary (matmul)
};

// An operand: one node, or an array kept by the parser.
struct Operand {
  NodeId node = no_node;
  int array = -1;         // into Parser::arrays_
  std::string_view name;  // the name it was written as, if it was one
};

class Parser {
 public:
  Parser(std::string_view text, const InputShapes& shapes, std::size_t max_size)
      : lexer_(text),
        shapes_(shapes),
        max_size_(max_size),
        ops_(p_.graph, [this](NodeId id) { record(id, made_at_); }) {}

  Program run();

 private:
  [[noreturn]] void fail(SourcePos pos, const std::string& message);

  NodeId record(NodeId id, SourcePos pos);

  // Fails at pos unless `entries` more array entries fit beside the nodes and entries made.
  void make_room(std::size_t entries, SourcePos pos);

  // Keeps an array's entries, counted against the limit.
  void hold(std::size_t entries, SourcePos pos);

  void advance();

  // --- operands and arrays -----------------------------------------------------------------

  Value value_of(const Operand& o) const {
    return o.array < 0 ? Value{{}, {o.node}} : arrays_[static_cast<std::size_t>(o.array)];
  }

  Operand operand_of(Value v, SourcePos pos);

  // Runs an array operation whose gates were written at pos; a shape error is placed there.
  template <class F>
  Operand at(SourcePos pos, F&& make);

  // --- statements --------------------------------------------------------------------------

  // Parses one statement starting at t_; leaves t_ on the token that ended it.
  void statement();

  void assign(const std::string& name, SourcePos pos, const Operand& value);

  void name_node(NodeId id, const std::string& name);

  Operand lookup(const Token& t);

  // An input given a shape: one input per entry, W[0,0], W[0,1], ...
  Value new_input_array(const std::string& name, const std::vector<int>& shape, SourcePos pos);

  NodeId new_input(const std::string& name, SourcePos pos);

  // --- reductions ----------------------------------------------------------------------------

  void reduce(const Pending& op);

  Value array_function_value(int function, const Value& a, const Value& b);

  // Reduces pending operators that bind at least as tightly as a new binary operator.
  void reduce_for(int prec, bool right_assoc);

  // Reduces down to the innermost open '(', '[' or call; false if there is none in this statement.
  bool reduce_to_open();

  std::string call_name(const Pending& call) const;

  // Makes the gates of a call whose ')' was just read; its arguments are on the operand stack.
  void close_call(Pending call);

  // Makes the array of a literal whose ']' was just read; its entries are on the operand stack.
  void close_bracket(const Pending& bracket);

  // --- the expression loop -----------------------------------------------------------------

  struct ExprState {
    std::size_t base;          // pending_.size() when the expression began
    int open = 0;              // parentheses, brackets and calls not yet closed
    bool want_operand = true;  // an operand comes next, not an operator
  };

  // Parses the expression starting at t_ and returns its value; t_ ends on what ended it.
  Operand expression();

  // t_ stands where an operand must: a number, a name, a call, '(', '[' or a unary '-'.
  void operand_step(ExprState& e);

  // t_ is a function's name and next_ its '('; leaves t_ on the '('.
  void open_call(ExprState& e);

  // t_ is the '[' after an operand: the whole number indices up to ']'; leaves t_ on the ']'.
  void index_step();

  // What follows a closing ')' or ']' must close the innermost open kind.
  Pending close_pending(ExprState& e, Pending::Kind kind, const char* closer);

  // t_ stands after an operand: an operator, ')', ']', '[', ',' or the end of the statement.
  // Returns true when the statement ends here, with its value the last operand.
  bool operator_step(ExprState& e);

  detail::Lexer lexer_;
  const InputShapes& shapes_;
  std::size_t max_size_;          // nodes plus held array entries
  std::size_t held_ = 0;          // array entries kept in arrays_ and p_.arrays
  Token last_{Tok::End, {}, {}};  // the token before t_
  Token t_{Tok::End, {}, {}};     // the token being parsed
  Token next_{Tok::End, {}, {}};  // the one after it
  Program p_;
  detail::ArrayOps ops_;
  SourcePos made_at_;  // where the gates an array operation makes were written
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

template <class F>
Operand Parser::at(SourcePos pos, F&& make) {
  made_at_ = pos;
  try {
    return operand_of(make(), pos);
  } catch (const ParseError&) {
    throw;
  } catch (const Error& e) {
    fail(pos, e.what());
  }
}

}  // namespace gatelab::detail
