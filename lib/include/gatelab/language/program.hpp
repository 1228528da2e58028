// The program language, parsed straight into a gate graph.
//
//   auto p = gatelab::parse_program("q = x + y\nf = q * z");
//   // p.inputs: x, y, z (free names, in order of first use); p.output: the node f
//   // Inputs start at 0: set their values, then p.graph.forward().
//
// Statements are separated by newlines or ';' (a newline inside parentheses or brackets
// continues the statement). `name = expr` names the node of expr; a bare expr is allowed too;
// the last statement is the output. `+ -` < `* / @` < unary minus < `^` (right-associative, also
// written `**`), so -x^2 is -(x^2) and x^-1 is x^(-1). Calls take every gate of the op table by
// name (sigmoid(x), max(a, b), ste(f, b); ln is log), and the array functions sum, mean, dot,
// matmul, transpose, softmax and logsumexp. `#` starts a comment.
//
// Arrays: literals [1, 2] and [[1, 2], [3, 4]], indexing v[0] and W[1, 0] (a matrix's W[1] is
// its row), elementwise gates with numbers broadcast, and `@` for matmul. They expand into
// scalar gates named W[1,0]; an input is an array when `input_shapes` gives it a shape:
//
//   auto p = gatelab::parse_program("y = sum(W @ x)", {{"W", {2, 3}}, {"x", {3}}});
//
// The parser keeps its own stack instead of recursing, so nesting depth is limited by memory only,
// and memory by max_size: the nodes of the graph plus the entries of the arrays the parser
// holds (a literal, a row, a transpose, a named array) may not exceed it. A program that
// would is a ParseError at the place that crosses the limit, before the memory is taken.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gatelab/engine/error.hpp"
#include "gatelab/engine/graph.hpp"

namespace gatelab {

struct SourcePos {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

// A named array: an input given a shape, or a name given to an array result. Its entries are
// nodes named NAME[i] or NAME[i,j].
struct Array {
  std::string name;
  std::vector<int> shape;     // {n}: a vector; {rows, cols}: a matrix
  std::vector<NodeId> nodes;  // row-major
};

// The shapes of the inputs that are arrays, by name.
using InputShapes = std::unordered_map<std::string, std::vector<int>>;

struct Program {
  Graph graph;
  NodeId output = no_node;           // the last statement's node (its last entry when it is an array)
  std::string output_name;           // the name the last statement gave it; empty for a bare expression
  std::vector<int> output_shape;     // empty when the output is one number
  std::vector<NodeId> output_nodes;  // the output's entries when it is an array
  std::vector<NodeId> inputs;        // free names, in order of first use (an array input's entries)
  std::vector<NodeId> assigned;      // nodes named by `name = expr`, in program order
  std::vector<Array> arrays;         // named arrays, inputs and results, in program order
  std::vector<SourcePos> where;      // where each node was written, indexed by id
  // Names given to a node that already had one (b = a): b stays an alias of a's node.
  std::unordered_map<std::string, NodeId> aliases;

  // The node a name stands for, aliases included; no_node when none.
  NodeId find(const std::string& name) const;
  // The named array, or nullptr.
  const Array* find_array(const std::string& name) const;
  // The name to show for the output: its statement's name, else its node's label.
  std::string output_label() const;
};

// "a number", "a 3-vector", "a 2x3 matrix": in English always (a label such as "W (2x3 matrix)"
// is made from it); shape_words says it in the language of messages.
std::string shape_text(const std::vector<int>& shape);
std::string shape_words(const std::vector<int>& shape);

// "[2]" or "[1,0]": the suffix naming entry `flat` (row-major) of an array, as in W[1,0].
std::string index_text(const std::vector<int>& shape, std::size_t flat);

// The names a program may not use for its values: every function's name.
bool is_function_name(std::string_view name);
std::vector<std::string> function_names();

// A syntax error: what() is one line, "line L, column C: <what was expected>"; message() is
// the part after the place.
class ParseError : public Error {
 public:
  ParseError(SourcePos pos, const std::string& message, std::string source_line);
  SourcePos pos() const { return pos_; }
  const std::string& source_line() const { return source_line_; }  // the line, for a caret

 private:
  SourcePos pos_;
  std::string source_line_;
};

// The default max_size: about 0.75 GB of graph at 44 bytes a node.
inline constexpr std::size_t default_max_program_size = std::size_t{1} << 24;

Program parse_program(std::string_view text, const InputShapes& input_shapes = {},
                      std::size_t max_size = default_max_program_size);

}  // namespace gatelab
