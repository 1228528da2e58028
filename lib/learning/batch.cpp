#include "gatelab/learning/batch.hpp"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <new>
#include <string>

#include "engine/messages.hpp"
#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab {

namespace {

// Calls loop.template operator()<A, B>() with A, B = whether inputs a and b of a per-row
// gate vary by row; at least one does, or the gate would be shared.
template <class Loop>
void dispatch_strides(bool a, bool b, Loop& loop) {
  if (a && b) return loop.template operator()<true, true>();
  if (a) return loop.template operator()<true, false>();
  assert(b && "a per-row gate has a per-row input");
  loop.template operator()<false, true>();
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

// The rows' values and adjoints. Each per-row column is padded to a multiple of 8 doubles and
// starts a cache line, so that no vector load or store straddles two lines.
struct BatchEvaluator::Columns {
  template <class T>
  struct CacheLineAllocator {
    using value_type = T;
    static constexpr std::align_val_t line{64};
    CacheLineAllocator() = default;
    template <class U>
    CacheLineAllocator(const CacheLineAllocator<U>&) {}
    T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), line)); }
    void deallocate(T* p, std::size_t) { ::operator delete(p, line); }
    friend bool operator==(CacheLineAllocator, CacheLineAllocator) { return true; }
  };
  using Column = std::vector<double, CacheLineAllocator<double>>;

  Column values;    // indexed by offset_
  Column adjoints;  // indexed by adjoint_offset_
};

BatchEvaluator::BatchEvaluator(BatchEvaluator&&) noexcept = default;
BatchEvaluator::~BatchEvaluator() = default;

std::size_t BatchEvaluator::stored_values() const { return columns_->values.size(); }

BatchEvaluator::BatchEvaluator(const Graph& graph, std::vector<NodeId> data_leaves)
    : graph_(graph),
      data_leaves_(std::move(data_leaves)),
      per_row_(graph.size(), 0),
      columns_(std::make_unique<Columns>()) {
  for (NodeId id : data_leaves_) {
    if (graph.node(id).op != Op::Input && graph.node(id).op != Op::Const)
      throw Error(trf("batch: node {} is a gate, not a leaf that can hold data", graph.label(id)));
    per_row_[id] = 1;
  }
  for (NodeId i = 0; i < graph.size(); ++i) {
    const Node& n = graph.node(i);
    if (op_info(n.op).arity == 0) continue;
    per_row_[i] = per_row_[n.a] || (n.b != no_node && per_row_[n.b]);
  }
  kept_.assign(graph.size(), 1);
  layout();  // no rows yet
}

void BatchEvaluator::keep_only(const std::vector<NodeId>& read, NodeId backward_output) {
  kept_.assign(graph_.size(), 0);
  for (NodeId id : read) kept_[id] = 1;
  for (NodeId id : data_leaves_) kept_[id] = 1;
  if (backward_output != no_node) {
    std::vector<unsigned char> on_path;
    messages_to(backward_output, on_path);
    for (NodeId i = 0; i <= backward_output; ++i) {
      const Node& n = graph_.node(i);
      const unsigned reads = op_info(n.op).reads;
      if (!on_path[i] || op_info(n.op).arity == 0) continue;
      if (reads & reads_a) kept_[n.a] = 1;
      if (reads & reads_b) kept_[n.b] = 1;
      if (reads & reads_value) kept_[i] = 1;
    }
  }
  keep_all_ = false;
  kept_for_ = backward_output;
  rows_ = 0;
  layout();
}

void BatchEvaluator::layout() {
  const NodeId size = static_cast<NodeId>(graph_.size());
  // Each per-row column starts on a cache line (see Columns): per-row columns first, then
  // the pool, then one slot per shared node.
  const std::size_t stride = (rows_ + 7) / 8 * 8;
  offset_.assign(size, 0);
  std::size_t at = 0;
  for (NodeId i = 0; i < size; ++i) {
    if (!kept_[i] || !per_row_[i]) continue;
    offset_[i] = at;
    at += stride;
  }
  // Every other gate takes a buffer of `rows_` values from a pool, held until the last gate
  // that reads it has run, then reused (last freed, first taken: it is the likeliest to be
  // in cache). A gate's buffer is never one of its inputs'.
  std::vector<NodeId> last_read(size, 0);
  for (NodeId i = 0; i < size; ++i) {
    const Node& n = graph_.node(i);
    last_read[i] = i;  // until a later gate reads it
    if (op_info(n.op).arity > 0) last_read[n.a] = i;
    if (op_info(n.op).arity == 2) last_read[n.b] = i;
  }
  std::vector<std::size_t> buffer_of(size, 0), free_buffers;
  std::vector<NodeId> holding;  // temporaries whose buffer is taken
  std::size_t buffers = 0;
  for (NodeId i = 0; i < size; ++i) {
    if (kept_[i] || !per_row_[i]) continue;
    std::erase_if(holding, [&](NodeId t) {
      if (last_read[t] >= i) return false;
      free_buffers.push_back(buffer_of[t]);
      return true;
    });
    if (free_buffers.empty()) {
      buffer_of[i] = buffers++;
    } else {
      buffer_of[i] = free_buffers.back();
      free_buffers.pop_back();
    }
    holding.push_back(i);
    offset_[i] = at + buffer_of[i] * stride;
  }
  at += buffers * stride;
  for (NodeId i = 0; i < size; ++i)
    if (!per_row_[i]) offset_[i] = at++;
  columns_->values.assign(at, 0.0);
  // Adjoints: a column per per-row node, then a slot per shared node; plan_backward lets
  // some nodes share.
  dense_offset_.assign(size, 0);
  std::size_t adjoints = 0;
  for (bool per_row : {true, false})
    for (NodeId i = 0; i < size; ++i) {
      if (static_cast<bool>(per_row_[i]) != per_row) continue;
      dense_offset_[i] = adjoints;
      adjoints += per_row ? stride : 1;
    }
  columns_->adjoints.assign(adjoints, 0.0);
  adjoint_offset_ = dense_offset_;
  planned_output_ = no_node;  // a plan holds offsets
}

void BatchEvaluator::set_rows(std::size_t rows, const std::vector<std::vector<double>>& columns) {
  if (columns.size() != data_leaves_.size()) throw Error(tr("batch: one column per data leaf is needed"));
  for (const auto& c : columns)
    if (c.size() != rows) throw Error(tr("batch: every column needs one value per row"));
  if (rows != rows_) {
    rows_ = rows;
    layout();
  }
  for (std::size_t c = 0; c < columns.size(); ++c)
    std::copy(columns[c].begin(), columns[c].end(),
              columns_->values.begin() + static_cast<std::ptrdiff_t>(offset_[data_leaves_[c]]));
}

void BatchEvaluator::forward() {
  Columns::Column& values = columns_->values;
  for (NodeId i = 0; i < graph_.size(); ++i) {
    const Node& n = graph_.node(i);
    double* out = values.data() + offset_[i];
    if (!per_row_[i]) {  // one value for all rows: a parameter, a constant, W = tanh(W')
      const bool leaf = op_info(n.op).arity == 0;
      *out = leaf ? graph_.value(i) : op_value(n.op, values[offset_[n.a]], n.b == no_node ? 0 : values[offset_[n.b]]);
      continue;
    }
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double* a = values.data() + offset_[n.a];
        const double* b = O::info.arity == 2 ? values.data() + offset_[n.b] : a;
        const std::size_t count = rows_;
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

std::vector<std::uint32_t> BatchEvaluator::messages_to(NodeId output, std::vector<unsigned char>& on_path) const {
  std::vector<std::uint32_t> messages(graph_.size(), 0);
  on_path.assign(graph_.size(), 0);
  on_path[output] = 1;
  for (NodeId i = output + 1; i-- > 0;) {  // the order backward visits them
    if (!on_path[i]) continue;
    detail::for_each_message(graph_, i, [&](int, NodeId in) {
      ++messages[in];
      on_path[in] = 1;
    });
  }
  return messages;
}

void BatchEvaluator::plan_backward(NodeId output) {
  planned_output_ = output;
  std::fill(columns_->adjoints.begin(), columns_->adjoints.end(), 0.0);  // nodes off the path read as 0
  send_a_.assign(graph_.size(), Send::None);
  send_b_.assign(graph_.size(), Send::None);
  adjoint_offset_ = dense_offset_;
  std::vector<unsigned char> on_path;
  const std::vector<std::uint32_t> messages = messages_to(output, on_path);
  std::vector<unsigned char> reached(graph_.size(), 0);
  for (NodeId i = output + 1; i-- > 0;) {
    if (!on_path[i]) continue;
    const OpInfo& info = op_info(graph_.node(i).op);
    detail::for_each_message(graph_, i, [&](int slot, NodeId in) {
      if (messages[in] == 1 && (slot == 0 ? info.passes_a : info.passes_b) && per_row_[in] == per_row_[i])
        adjoint_offset_[in] = adjoint_offset_[i];  // i's own is final: its consumers came first
      else
        (slot == 0 ? send_a_[i] : send_b_[i]) = reached[in] ? Send::Add : Send::Assign;
      reached[in] = 1;
    });
  }
}

void BatchEvaluator::backward_mean(NodeId output) {
  if (!graph_.node(output).requires_grad)
    throw Error(trf("cannot run backward from '{}': it does not require grad", graph_.label(output)));
  if (!keep_all_ && output != kept_for_)
    throw Error(kept_for_ == no_node
                    ? trf("batch: its values were kept for no backward pass, not from '{}'", graph_.label(output))
                    : trf("batch: its values were kept for backward from '{}', not from '{}'", graph_.label(kept_for_),
                          graph_.label(output)));
  if (output != planned_output_) plan_backward(output);
  const Columns::Column& values = columns_->values;
  Columns::Column& adjoints = columns_->adjoints;
  const std::size_t out_count = per_row_[output] ? rows_ : 1;
  std::fill_n(adjoints.begin() + static_cast<std::ptrdiff_t>(adjoint_offset_[output]), out_count,
              1.0 / static_cast<double>(out_count));
  for (NodeId i = output + 1; i-- > 0;) {
    if (send_a_[i] == Send::None && send_b_[i] == Send::None) continue;
    const Node& n = graph_.node(i);
    if (!per_row_[i]) {  // a gate of shared nodes only, as in forward()
      const double a = values[offset_[n.a]], b = n.b == no_node ? 0 : values[offset_[n.b]];
      const ops::Partials p = op_partials(n.op, a, b, values[offset_[i]]);
      const double up = adjoints[adjoint_offset_[i]];
      auto deliver = [&](Send how, NodeId to, double partial) {
        if (how == Send::None) return;  // also when the gate has no such input
        double& adjoint = adjoints[adjoint_offset_[to]];
        adjoint = how == Send::Assign ? partial * up : adjoint + partial * up;
      };
      deliver(send_a_[i], n.a, p.da);
      deliver(send_b_[i], n.b, p.db);
      continue;
    }
    visit_op(n.op, [&]<class O>(O) {
      if constexpr (O::info.arity > 0) {
        const double* a = values.data() + offset_[n.a];
        const double* b = O::info.arity == 2 ? values.data() + offset_[n.b] : a;
        const double* v = values.data() + offset_[i];
        const double* up = adjoints.data() + adjoint_offset_[i];
        const std::size_t count = rows_;
        double* da = adjoints.data() + adjoint_offset_[n.a];
        double* db = O::info.arity == 2 ? adjoints.data() + adjoint_offset_[n.b] : da;
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

void BatchEvaluator::require_kept(NodeId id) const {
  if (!kept(id)) throw Error(trf("batch: the values of '{}' were not kept (keep_only)", graph_.label(id)));
}

double BatchEvaluator::value(NodeId id, std::size_t row) const {
  require_kept(id);
  return columns_->values[offset_[id] + (per_row_[id] ? row : 0)];
}

double BatchEvaluator::mean(NodeId id) const {
  require_kept(id);
  if (!per_row_[id]) return columns_->values[offset_[id]];
  const double* v = columns_->values.data() + offset_[id];
  return sum_rows(rows_, [&](std::size_t r) { return v[r]; }) / static_cast<double>(rows_);
}

double BatchEvaluator::grad(NodeId id) const {
  assert(!per_row_[id] && "the gradient of a per-row node is one value per row");
  return columns_->adjoints[adjoint_offset_[id]];
}

}  // namespace gatelab
