#include "array_ops.hpp"

#include "gatelab/error.hpp"
#include "gatelab/program.hpp"

namespace gatelab::detail {

namespace {

Value number(NodeId id) { return {{}, {id}}; }

std::string op_verb(Op op) {
  switch (op) {
    case Op::Add: return "add";
    case Op::Sub: return "subtract";
    case Op::Mul: return "multiply";
    case Op::Div: return "divide";
    case Op::Pow: return "raise";
    default: return std::string(op_info(op).name) + " of";
  }
}

}  // namespace

NodeId ArrayOps::gate(Op op, NodeId a, NodeId b) {
  const NodeId id = g_.add_gate(op, a, b);
  made_(id);
  return id;
}

NodeId ArrayOps::sum_of(const std::vector<NodeId>& terms) {
  NodeId s = terms.front();
  for (std::size_t i = 1; i < terms.size(); ++i) s = gate(Op::Add, s, terms[i]);
  return s;
}

Value ArrayOps::elementwise(Op op, const Value& a, const Value& b) {
  if (a.scalar() && b.scalar()) return number(gate(op, a.nodes[0], b.nodes[0]));
  if (!a.scalar() && !b.scalar() && a.shape != b.shape)
    throw Error("cannot " + op_verb(op) + " " + shape_text(a.shape) + " and " + shape_text(b.shape) +
                ": the shapes must be the same, or one of them a number");
  const Value& shaped = a.scalar() ? b : a;
  Value out{shaped.shape, {}};
  out.nodes.reserve(shaped.size());
  for (std::size_t i = 0; i < shaped.size(); ++i)
    out.nodes.push_back(gate(op, a.scalar() ? a.nodes[0] : a.nodes[i], b.scalar() ? b.nodes[0] : b.nodes[i]));
  return out;
}

Value ArrayOps::unary(Op op, const Value& a) {
  Value out{a.shape, {}};
  out.nodes.reserve(a.size());
  for (NodeId n : a.nodes) out.nodes.push_back(gate(op, n));
  return out;
}

Value ArrayOps::stack(const std::vector<Value>& items) {
  if (items.empty()) throw Error("an array needs at least one entry, as in [1, 2]");
  const std::vector<int>& first = items.front().shape;
  if (first.size() >= 2) throw Error("arrays have at most two dimensions: a vector [1, 2] or a matrix [[1, 2], [3, 4]]");
  Value out{{static_cast<int>(items.size())}, {}};
  if (!first.empty()) out.shape.push_back(first[0]);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].shape != first) {
      if (first.empty() || items[i].scalar())
        throw Error("an array's entries must all be numbers or all be rows: entry " + std::to_string(i + 1) + " is " +
                    shape_text(items[i].shape) + ", entry 1 " + shape_text(first));
      throw Error("the rows of a matrix must be equally long: row " + std::to_string(i + 1) + " has " +
                  std::to_string(items[i].size()) + (items[i].size() == 1 ? " entry" : " entries") + ", row 1 has " +
                  std::to_string(first[0]));
    }
    out.nodes.insert(out.nodes.end(), items[i].nodes.begin(), items[i].nodes.end());
  }
  return out;
}

Value ArrayOps::index(const Value& a, const std::vector<int>& indices, const std::string& name) {
  if (a.scalar()) throw Error(name + " is a number, not an array: it has no entries to index");
  if (indices.size() > a.shape.size())
    throw Error(name + " is " + shape_text(a.shape) + ": index it with " + std::to_string(a.shape.size()) + " number" +
                (a.shape.size() == 1 ? "" : "s"));
  for (std::size_t d = 0; d < indices.size(); ++d)
    if (indices[d] < 0 || indices[d] >= a.shape[d])
      throw Error("index " + std::to_string(indices[d]) + " is out of range: " + name + " is " + shape_text(a.shape) + " (" +
                  (a.shape.size() == 1 ? "entries" : d == 0 ? "rows" : "columns") + " 0 to " + std::to_string(a.shape[d] - 1) + ")");
  if (a.shape.size() == 1) return number(a.nodes[static_cast<std::size_t>(indices[0])]);
  const auto cols = static_cast<std::size_t>(a.shape[1]);
  const auto row = static_cast<std::size_t>(indices[0]);
  if (indices.size() == 2) return number(a.nodes[row * cols + static_cast<std::size_t>(indices[1])]);
  return {{a.shape[1]}, {a.nodes.begin() + static_cast<std::ptrdiff_t>(row * cols), a.nodes.begin() + static_cast<std::ptrdiff_t>((row + 1) * cols)}};
}

Value ArrayOps::sum(const Value& a) { return number(sum_of(a.nodes)); }

Value ArrayOps::mean(const Value& a) {
  if (a.scalar()) return a;
  const NodeId count = g_.constant(static_cast<double>(a.size())).id();
  made_(count);
  return number(gate(Op::Div, sum_of(a.nodes), count));
}

Value ArrayOps::dot(const Value& a, const Value& b) {
  if (a.shape.size() != 1 || b.shape.size() != 1 || a.shape != b.shape)
    throw Error("dot takes two vectors of one length, not " + shape_text(a.shape) + " and " + shape_text(b.shape));
  std::vector<NodeId> products;
  for (std::size_t i = 0; i < a.size(); ++i) products.push_back(gate(Op::Mul, a.nodes[i], b.nodes[i]));
  return number(sum_of(products));
}

Value ArrayOps::matmul(const Value& a, const Value& b) {
  if (a.scalar() || b.scalar())
    throw Error("matmul takes arrays, not " + shape_text(a.shape) + " and " + shape_text(b.shape) + ": multiply by a number with *");
  if (a.shape.size() == 1 && b.shape.size() == 1) return dot(a, b);
  // As a rows x inner times inner x cols product; a vector stands for one row or one column.
  const int rows = a.shape.size() == 2 ? a.shape[0] : 1, inner = a.shape.back();
  const int b_inner = b.shape[0], cols = b.shape.size() == 2 ? b.shape[1] : 1;
  if (inner != b_inner)
    throw Error("matmul of " + shape_text(a.shape) + " and " + shape_text(b.shape) + ": the inner sizes " + std::to_string(inner) +
                " and " + std::to_string(b_inner) + " differ");
  Value out;
  if (a.shape.size() == 2) out.shape.push_back(rows);
  if (b.shape.size() == 2) out.shape.push_back(cols);
  std::vector<NodeId> products(static_cast<std::size_t>(inner));
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) {
      for (int k = 0; k < inner; ++k)
        products[static_cast<std::size_t>(k)] =
            gate(Op::Mul, a.nodes[static_cast<std::size_t>(i * inner + k)], b.nodes[static_cast<std::size_t>(k * cols + j)]);
      out.nodes.push_back(sum_of(products));
    }
  return out;
}

Value ArrayOps::transpose(const Value& a) {
  if (a.shape.size() < 2) return a;  // a vector has no orientation to turn
  const int rows = a.shape[0], cols = a.shape[1];
  Value out{{cols, rows}, {}};
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i) out.nodes.push_back(a.nodes[static_cast<std::size_t>(i * cols + j)]);
  return out;
}

Value ArrayOps::softmax(const Value& a) {
  if (a.shape.size() != 1) throw Error("softmax takes a vector, not " + shape_text(a.shape));
  const Value e = unary(Op::Exp, a);
  const NodeId s = sum_of(e.nodes);
  Value out{a.shape, {}};
  for (NodeId n : e.nodes) out.nodes.push_back(gate(Op::Div, n, s));
  return out;
}

Value ArrayOps::logsumexp(const Value& a) {
  if (a.scalar()) return a;
  return number(gate(Op::Log, sum_of(unary(Op::Exp, a).nodes)));
}

}  // namespace gatelab::detail
