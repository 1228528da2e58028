// The program language, parsed straight into a gate graph.
//
//   auto p = gatelab::parse_program("q = x + y\nf = q * z");
//   // p.inputs: x, y, z (free names, in order of first use); p.output: the node f
//   // Inputs start at 0: set their values, then p.graph.forward().
//
// Statements are separated by newlines or ';' (a newline inside parentheses continues the
// statement). `name = expr` names the node of expr; a bare expr is allowed too; the last
// statement is the output. `+ -` < `* /` < unary minus < `^` (right-associative), so -x^2 is
// -(x^2) and x^-1 is x^(-1). Calls take every gate of the op table by name: sigmoid(x),
// max(a, b), ste(f, b). `#` starts a comment. The parser keeps its own stack instead of
// recursing, so nesting depth is limited by memory only.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gatelab/error.hpp"
#include "gatelab/graph.hpp"

namespace gatelab {

struct SourcePos {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in bytes
};

struct Program {
  Graph graph;
  NodeId output = no_node;
  std::vector<NodeId> inputs;     // free names, in order of first use
  std::vector<NodeId> assigned;   // nodes named by `name = expr`, in program order
  std::vector<SourcePos> where;   // where each node was written, indexed by id
  // Names given to a node that already had one (b = a): b stays an alias of a's node.
  std::unordered_map<std::string, NodeId> aliases;

  // The node a name stands for, aliases included; no_node when none.
  NodeId find(const std::string& name) const;
};

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

Program parse_program(std::string_view text);

}  // namespace gatelab
