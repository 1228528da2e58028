#include "gatelab/batch.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>

#include "gatelab/error.hpp"

namespace gatelab {

namespace {

// Calls loop.template operator()<A, B>() with A, B = whether inputs a and b vary by row.
template <class Loop>
void dispatch_strides(bool a, bool b, Loop& loop) {
  if (a && b) return loop.template operator()<true, true>();
  if (a) return loop.template operator()<true, false>();
  if (b) return loop.template operator()<false, true>();
  loop.template operator()<false, false>();
}

// A sum over rows is kept in `lanes` independent partial sums (row r goes to lane r % lanes),
// added at the end: with one running sum every row would wait for the previous addition.
// The order is fixed, so results stay deterministic.
constexpr std::size_t lanes = 8;

template <class Term>
double sum_rows(std::size_t count, const Term& term) {
  double sum[lanes] = {};
  std::size_t r = 0;
  for (; r + lanes <= count; r += lanes)
    for (std::size_t lane = 0; lane < lanes; ++lane) sum[lane] += term(r + lane);
  for (std::size_t lane = 0; r < count; ++r, ++lane) sum[lane] += term(r);
  return ((sum[0] + sum[1]) + (sum[2] + sum[3])) + ((sum[4] + sum[5]) + (sum[6] + sum[7]));
}

// Sends the rows' messages partial(r) * up[r] into an input's adjoint: row by row into a
// per-row input, summed into a shared one. The first message into a node assigns, later
// ones add (see plan_backward).
template <bool PerRow, class Partial>
void send(double* to, bool first, const double* up, std::size_t count, const Partial& partial) {
  if constexpr (PerRow) {
    if (first)
      for (std::size_t r = 0; r < count; ++r) to[r] = partial(r) * up[r];
    else
      for (std::size_t r = 0; r < count; ++r) to[r] += partial(r) * up[r];
  } else {
    const double total = sum_rows(count, [&](std::size_t r) { return partial(r) * up[r]; });
    *to = first ? total : *to + total;
  }
}

}  // namespace

BatchEvaluator::BatchEvaluator(const Graph& graph, std::vector<NodeId> data_leaves)
    : graph_(graph), data_leaves_(std::move(data_leaves)), per_row_(graph.size(), 0) {
  for (NodeId id : data_leaves_) {
    if (graph.node(id).op != Op::Input && graph.node(id).op != Op::Const)
      throw Error("batch: node " + graph.label(id) + " is a gate, not a leaf that can hold data");
    per_row_[id] = 1;
  }
  for (NodeId i = 0; i < graph.size(); ++i) {
    const Node& n = graph.node(i);
    if (op_info(n.op).arity == 0) continue;
    per_row_[i] = per_row_[n.a] || (n.b != no_node && per_row_[n.b]);
  }
  layout();  // no rows yet
}

void BatchEvaluator::layout() {
  offset_.resize(graph_.size());
  std::size_t at = 0;
  for (NodeId i = 0; i < graph_.size(); ++i) {
    offset_[i] = at;
    at += per_row_[i] ? rows_ : 1;
  }
  values_.assign(at, 0.0);
  adjoints_.assign(at, 0.0);
  adjoint_offset_ = offset_;
  planned_output_ = no_node;  // a plan holds offsets
}

void BatchEvaluator::set_rows(std::size_t rows, const std::vector<std::vector<double>>& columns) {
  if (columns.size() != data_leaves_.size()) throw Error("batch: one column per data leaf is needed");
  for (const auto& c : columns)
    if (c.size() != rows) throw Error("batch: every column needs one value per row");
  if (rows != rows_) {
    rows_ = rows;
    layout();
  }
  for (std::size_t c = 0; c < columns.size(); ++c)
    std::copy(columns[c].begin(), columns[c].end(), values_.begin() + static_cast<std::ptrdiff_t>(offset_[data_leaves_[c]]));
}

void BatchEvaluator::forward() {
  for (NodeId i = 0; i < graph_.size(); ++i) {
    const Node& n = graph_.node(i);
    double* out = values_.data() + offset_[i];
    if (!per_row_[i]) {  // one value for all rows: a parameter, a constant, W = tanh(W')
      const bool leaf = op_info(n.op).arity == 0;
      *out = leaf ? graph_.value(i) : op_value(n.op, values_[offset_[n.a]], n.b == no_node ? 0 : values_[offset_[n.b]]);
      continue;
    }
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double* a = values_.data() + offset_[n.a];
        const double* b = O::info.arity == 2 ? values_.data() + offset_[n.b] : a;
        const std::size_t count = per_row_[i] ? rows_ : 1;
        if constexpr (requires { O::values(a, out, count); }) return O::values(a, out, count);
        // Loops specialised on which inputs vary by row, so that simple gates vectorise.
        auto loop = [&]<bool A, bool B>() {
          for (std::size_t r = 0; r < count; ++r) out[r] = O::value(a[A ? r : 0], b[B ? r : 0]);
        };
        dispatch_strides(per_row_[n.a], O::info.arity == 2 && per_row_[n.b], loop);
      }
    });
  }
}

void BatchEvaluator::plan_backward(NodeId output) {
  planned_output_ = output;
  std::fill(adjoints_.begin(), adjoints_.end(), 0.0);  // nodes off the path read as 0
  send_a_.assign(graph_.size(), Send::None);
  send_b_.assign(graph_.size(), Send::None);
  adjoint_offset_ = offset_;
  auto receives = [&](const Node& n, bool b) {  // does this gate send to input a (or b)?
    const OpInfo& info = op_info(n.op);
    if (b) return info.arity == 2 && info.grad_b && graph_.node(n.b).requires_grad;
    return info.arity > 0 && info.grad_a && graph_.node(n.a).requires_grad;
  };
  // The path, and how many messages each node on it gets.
  std::vector<std::uint32_t> messages(graph_.size(), 0);
  std::vector<unsigned char> on_path(graph_.size(), 0);
  on_path[output] = 1;
  for (NodeId i = output + 1; i-- > 0;) {  // the order backward visits them
    if (!on_path[i]) continue;
    for (bool b : {false, true}) {
      if (!receives(graph_.node(i), b)) continue;
      const NodeId in = b ? graph_.node(i).b : graph_.node(i).a;
      ++messages[in];
      on_path[in] = 1;
    }
  }
  std::vector<unsigned char> reached(graph_.size(), 0);
  for (NodeId i = output + 1; i-- > 0;) {
    if (!on_path[i]) continue;
    const Node& n = graph_.node(i);
    const OpInfo& info = op_info(n.op);
    for (bool b : {false, true}) {
      if (!receives(n, b)) continue;
      const NodeId in = b ? n.b : n.a;
      if (messages[in] == 1 && (b ? info.passes_b : info.passes_a) && per_row_[in] == per_row_[i])
        adjoint_offset_[in] = adjoint_offset_[i];  // i's own is final: its consumers came first
      else
        (b ? send_b_[i] : send_a_[i]) = reached[in] ? Send::Add : Send::Assign;
      reached[in] = 1;
    }
  }
}

void BatchEvaluator::backward_mean(NodeId output) {
  if (!graph_.node(output).requires_grad)
    throw Error("cannot run backward from '" + graph_.label(output) + "': it does not require grad");
  if (output != planned_output_) plan_backward(output);
  const std::size_t out_count = per_row_[output] ? rows_ : 1;
  std::fill_n(adjoints_.begin() + static_cast<std::ptrdiff_t>(adjoint_offset_[output]), out_count,
              1.0 / static_cast<double>(out_count));
  for (NodeId i = output + 1; i-- > 0;) {
    if (send_a_[i] == Send::None && send_b_[i] == Send::None) continue;
    const Node& n = graph_.node(i);
    if (!per_row_[i]) {  // a gate of shared nodes only, as in forward()
      const double a = values_[offset_[n.a]], b = n.b == no_node ? 0 : values_[offset_[n.b]];
      const ops::Partials p = op_partials(n.op, a, b, values_[offset_[i]]);
      const double up = adjoints_[adjoint_offset_[i]];
      auto deliver = [&](Send how, NodeId to, double partial) {
        double& adjoint = adjoints_[adjoint_offset_[to]];
        if (how != Send::None) adjoint = how == Send::Assign ? partial * up : adjoint + partial * up;
      };
      deliver(send_a_[i], n.a, p.da);
      deliver(send_b_[i], n.b, p.db);
      continue;
    }
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double* a = values_.data() + offset_[n.a];
        const double* b = O::info.arity == 2 ? values_.data() + offset_[n.b] : a;
        const double* v = values_.data() + offset_[i];
        const double* up = adjoints_.data() + adjoint_offset_[i];
        const std::size_t count = per_row_[i] ? rows_ : 1;
        double* da = adjoints_.data() + adjoint_offset_[n.a];
        double* db = O::info.arity == 2 ? adjoints_.data() + adjoint_offset_[n.b] : da;
        // One pass per input, so that each loop is simple enough to vectorise.
        auto loop = [&]<bool A, bool B>() {
          auto partial_a = [&](std::size_t r) { return O::partials(a[A ? r : 0], b[B ? r : 0], v[r]).da; };
          auto partial_b = [&](std::size_t r) { return O::partials(a[A ? r : 0], b[B ? r : 0], v[r]).db; };
          if (send_a_[i] != Send::None) send<A>(da, send_a_[i] == Send::Assign, up, count, partial_a);
          if (send_b_[i] != Send::None) send<B>(db, send_b_[i] == Send::Assign, up, count, partial_b);
        };
        dispatch_strides(per_row_[n.a], O::info.arity == 2 && per_row_[n.b], loop);
      }
    });
  }
}

double BatchEvaluator::mean(NodeId id) const {
  if (!per_row_[id]) return values_[offset_[id]];
  const double* v = values_.data() + offset_[id];
  return sum_rows(rows_, [&](std::size_t r) { return v[r]; }) / static_cast<double>(rows_);
}

double BatchEvaluator::grad(NodeId id) const {
  assert(!per_row_[id] && "the gradient of a per-row node is one value per row");
  return adjoints_[adjoint_offset_[id]];
}

}  // namespace gatelab
