#include "array_ops.hpp"

#include "gatelab/engine/error.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::detail {

namespace {

Value number(NodeId id) { return {{}, {id}}; }

// "cannot add a 2-vector and a 3-vector: ...", one message for each verb.
std::string shapes_differ(Op op, const std::string& a, const std::string& b) {
  switch (op) {
    case Op::Add:
      return trf("cannot add {} and {}: the shapes must be the same, or one of them a number", a, b);
    case Op::Sub:
      return trf("cannot subtract {} and {}: the shapes must be the same, or one of them a number", a, b);
    case Op::Mul:
      return trf("cannot multiply {} and {}: the shapes must be the same, or one of them a number", a, b);
    case Op::Div:
      return trf("cannot divide {} and {}: the shapes must be the same, or one of them a number", a, b);
    case Op::Pow:
      return trf("cannot raise {} and {}: the shapes must be the same, or one of them a number", a, b);
    default:
      return trf("cannot {} of {} and {}: the shapes must be the same, or one of them a number", op_info(op).name, a,
                 b);
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
    throw Error(shapes_differ(op, shape_words(a.shape), shape_words(b.shape)));
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
  if (items.empty()) throw Error(tr("an array needs at least one entry, as in [1, 2]"));
  const std::vector<int>& first = items.front().shape;
  if (first.size() >= 2)
    throw Error(tr("arrays have at most two dimensions: a vector [1, 2] or a matrix [[1, 2], [3, 4]]"));
  Value out{{static_cast<int>(items.size())}, {}};
  if (!first.empty()) out.shape.push_back(first[0]);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].shape != first) {
      if (first.empty() || items[i].scalar())
        throw Error(trf("an array's entries must all be numbers or all be rows: entry {} is {}, entry 1 {}", i + 1,
                        shape_words(items[i].shape), shape_words(first)));
      throw Error(
          items[i].size() == 1
              ? trf("the rows of a matrix must be equally long: row {} has 1 entry, row 1 has {}", i + 1, first[0])
              : trf("the rows of a matrix must be equally long: row {} has {} entries, row 1 has {}", i + 1,
                    items[i].size(), first[0]));
    }
    out.nodes.insert(out.nodes.end(), items[i].nodes.begin(), items[i].nodes.end());
  }
  return out;
}

Value ArrayOps::index(const Value& a, const std::vector<int>& indices, const std::string& name) {
  if (a.scalar()) throw Error(trf("{} is a number, not an array: it has no entries to index", name));
  if (indices.size() > a.shape.size())
    throw Error(a.shape.size() == 1
                    ? trf("{} is {}: index it with 1 number", name, shape_words(a.shape))
                    : trf("{} is {}: index it with {} numbers", name, shape_words(a.shape), a.shape.size()));
  for (std::size_t d = 0; d < indices.size(); ++d)
    if (indices[d] < 0 || indices[d] >= a.shape[d])
      throw Error(a.shape.size() == 1 ? trf("index {} is out of range: {} is {} (entries 0 to {})", indices[d], name,
                                            shape_words(a.shape), a.shape[d] - 1)
                  : d == 0            ? trf("index {} is out of range: {} is {} (rows 0 to {})", indices[d], name,
                                            shape_words(a.shape), a.shape[d] - 1)
                                      : trf("index {} is out of range: {} is {} (columns 0 to {})", indices[d], name,
                                            shape_words(a.shape), a.shape[d] - 1));
  if (a.shape.size() == 1) return number(a.nodes[static_cast<std::size_t>(indices[0])]);
  const auto cols = static_cast<std::size_t>(a.shape[1]);
  const auto row = static_cast<std::size_t>(indices[0]);
  if (indices.size() == 2) return number(a.nodes[row * cols + static_cast<std::size_t>(indices[1])]);
  return {{a.shape[1]},
          {a.nodes.begin() + static_cast<std::ptrdiff_t>(row * cols),
           a.nodes.begin() + static_cast<std::ptrdiff_t>((row + 1) * cols)}};
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
    throw Error(trf("dot takes two vectors of one length, not {} and {}", shape_words(a.shape), shape_words(b.shape)));
  std::vector<NodeId> products;
  for (std::size_t i = 0; i < a.size(); ++i) products.push_back(gate(Op::Mul, a.nodes[i], b.nodes[i]));
  return number(sum_of(products));
}

Value ArrayOps::matmul(const Value& a, const Value& b) {
  if (a.scalar() || b.scalar())
    throw Error(trf("matmul takes arrays, not {} and {}: multiply by a number with *", shape_words(a.shape),
                    shape_words(b.shape)));
  if (a.shape.size() == 1 && b.shape.size() == 1) return dot(a, b);
  // As a rows x inner times inner x cols product; a vector stands for one row or one column.
  const int rows = a.shape.size() == 2 ? a.shape[0] : 1, inner = a.shape.back();
  const int b_inner = b.shape[0], cols = b.shape.size() == 2 ? b.shape[1] : 1;
  if (inner != b_inner)
    throw Error(trf("matmul of {} and {}: the inner sizes {} and {} differ", shape_words(a.shape), shape_words(b.shape),
                    inner, b_inner));
  Value out;
  if (a.shape.size() == 2) out.shape.push_back(rows);
  if (b.shape.size() == 2) out.shape.push_back(cols);
  std::vector<NodeId> products(static_cast<std::size_t>(inner));
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j) {
      for (int k = 0; k < inner; ++k)
        products[static_cast<std::size_t>(k)] = gate(Op::Mul, a.nodes[static_cast<std::size_t>(i * inner + k)],
                                                     b.nodes[static_cast<std::size_t>(k * cols + j)]);
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
  if (a.shape.size() != 1) throw Error(trf("softmax takes a vector, not {}", shape_words(a.shape)));
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
