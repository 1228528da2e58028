#include "gatelab/batch.hpp"

#include <algorithm>
#include <cassert>

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
}

void BatchEvaluator::set_rows(std::size_t rows, const std::vector<std::vector<double>>& columns) {
  if (columns.size() != data_leaves_.size()) throw Error("batch: one column per data leaf is needed");
  for (const auto& c : columns)
    if (c.size() != rows) throw Error("batch: every column needs one value per row");
  if (rows != rows_ || offset_.size() != graph_.size()) {
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
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity == 0) {
        if (!per_row_[i]) *out = graph_.value(i);
      } else {
        const double* a = values_.data() + offset_[n.a];
        const double* b = O::info.arity == 2 ? values_.data() + offset_[n.b] : a;
        const std::size_t count = per_row_[i] ? rows_ : 1;
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
  on_path_.assign(graph_.size(), 0);
  first_a_.assign(graph_.size(), 0);
  first_b_.assign(graph_.size(), 0);
  std::vector<unsigned char> reached(graph_.size(), 0);
  on_path_[output] = reached[output] = 1;
  for (NodeId i = output + 1; i-- > 0;) {  // the order backward visits them
    if (!on_path_[i]) continue;
    const Node& n = graph_.node(i);
    const OpInfo& info = op_info(n.op);
    if (info.arity == 0) continue;
    if (info.grad_a && graph_.node(n.a).requires_grad) {
      first_a_[i] = !reached[n.a];
      reached[n.a] = on_path_[n.a] = 1;
    }
    if (info.arity == 2 && info.grad_b && graph_.node(n.b).requires_grad) {
      first_b_[i] = !reached[n.b];
      reached[n.b] = on_path_[n.b] = 1;
    }
  }
}

void BatchEvaluator::backward_mean(NodeId output) {
  if (!graph_.node(output).requires_grad)
    throw Error("cannot run backward from '" + graph_.label(output) + "': it does not require grad");
  if (output != planned_output_ || on_path_.size() != graph_.size()) plan_backward(output);
  const std::size_t out_count = per_row_[output] ? rows_ : 1;
  std::fill_n(adjoints_.begin() + static_cast<std::ptrdiff_t>(offset_[output]), out_count,
              1.0 / static_cast<double>(per_row_[output] ? rows_ : 1));
  for (NodeId i = output + 1; i-- > 0;) {
    const Node& n = graph_.node(i);
    if (!on_path_[i]) continue;
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double* a = values_.data() + offset_[n.a];
        const double* b = O::info.arity == 2 ? values_.data() + offset_[n.b] : a;
        const double* v = values_.data() + offset_[i];
        const double* up = adjoints_.data() + offset_[i];
        const std::size_t count = per_row_[i] ? rows_ : 1;
        const bool to_a = O::info.grad_a && graph_.node(n.a).requires_grad;
        const bool to_b = O::info.arity == 2 && O::info.grad_b && graph_.node(n.b).requires_grad;
        double* da = adjoints_.data() + offset_[n.a];
        double* db = O::info.arity == 2 ? adjoints_.data() + offset_[n.b] : da;
        // The first message into an input assigns, later ones add (see plan_backward).
        const bool first_a = first_a_[i], first_b = first_b_[i];
        auto loop = [&]<bool A, bool B>() {
          // A shared input sums its rows' messages in a local, then adds once.
          double sum_a = 0, sum_b = 0;
          for (std::size_t r = 0; r < count; ++r) {
            const ops::Partials p = O::partials(a[A ? r : 0], b[B ? r : 0], v[r]);
            if constexpr (A) {
              if (to_a) da[r] = first_a ? p.da * up[r] : da[r] + p.da * up[r];
            } else {
              sum_a += p.da * up[r];
            }
            if constexpr (B) {
              if (to_b) db[r] = first_b ? p.db * up[r] : db[r] + p.db * up[r];
            } else {
              sum_b += p.db * up[r];
            }
          }
          if (!A && to_a) da[0] = first_a ? sum_a : da[0] + sum_a;
          if (!B && to_b) db[0] = first_b ? sum_b : db[0] + sum_b;
        };
        dispatch_strides(per_row_[n.a], O::info.arity == 2 && per_row_[n.b], loop);
      }
    });
  }
}

double BatchEvaluator::mean(NodeId id) const {
  if (!per_row_[id]) return values_[offset_[id]];
  double sum = 0;
  for (std::size_t r = 0; r < rows_; ++r) sum += values_[offset_[id] + r];
  return sum / static_cast<double>(rows_);
}

double BatchEvaluator::grad(NodeId id) const {
  assert(!per_row_[id] && "the gradient of a per-row node is one value per row");
  return adjoints_[offset_[id]];
}

}  // namespace gatelab
