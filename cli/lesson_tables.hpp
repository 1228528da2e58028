// Tables a lesson block can ask for beyond its trace:
//   #| sweep: T = 1, 0.5, 0.2       the block again for each value of one input,
//   #| show: p1, grad(x)            with these values and gradients as columns;
//   #| difference-table: w          finite differences of the output in w as the step shrinks.
#pragma once

#include <string>
#include <vector>

#include "expectations.hpp"
#include "trace_text.hpp"

namespace gatelab::cli {

struct Column {
  std::string name;
  bool grad = false;
  std::string heading() const { return grad ? "grad(" + name + ")" : name; }
};

struct SweepRow {
  double value;                 // of the swept input
  std::vector<double> cells;    // one per column
  bool backward_ok = true;
};

// Runs the program for each value of `input` and reads the columns. The graph keeps the
// last row's values. Throws gatelab::Error for a column that names nothing.
std::vector<SweepRow> run_sweep(Program& p, NodeId input, const std::vector<double>& values,
                                const std::vector<Column>& columns);
std::vector<TraceLine> sweep_lines(const std::string& input, const std::vector<Column>& columns,
                                   const std::vector<SweepRow>& rows, const Paint& paint);

// Forward and central differences of the output in `input`, for h = 1e-1 ... 1e-12,
// against reverse mode's gradient. The graph's values are restored afterwards.
std::vector<TraceLine> difference_lines(Program& p, NodeId input, const Paint& paint);

// A list item of "show:", "p1" or "grad(x)".
Column parse_column(const std::string& text);

}  // namespace gatelab::cli
