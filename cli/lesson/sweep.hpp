// Tables a lesson block can ask for beyond its trace, as numbers:
//   #| sweep: T = 1, 0.5, 0.2       the block again for each value of one input,
//   #| show: p1, grad(x)            with these values and gradients as columns;
//   #| difference-table: w          finite differences of the output in w as the step shrinks.
#pragma once

#include <string>
#include <vector>

#include "gatelab/language/program.hpp"

namespace gatelab::cli {

struct SweepColumn {
  std::string name;
  bool grad = false;
  std::string heading() const { return grad ? "grad(" + name + ")" : name; }
};

// A list item of "show:", "p1" or "grad(x)".
SweepColumn parse_column(const std::string& text);

struct SweepRow {
  double value;               // of the swept input
  std::vector<double> cells;  // one per column
};

struct SweepTable {
  std::string input;
  std::vector<SweepColumn> columns;
  std::vector<SweepRow> rows;
};

// Runs the program for each value of `input` and reads the columns (the output when there
// are none); the graph's values are restored afterwards. Throws gatelab::Error for an
// input or a column that names nothing.
SweepTable run_sweep(Program& p, const std::string& input, const std::vector<double>& values,
                     std::vector<SweepColumn> columns);

// The row for a swept value, or nullptr.
const SweepRow* find_row(const SweepTable& table, double value);

struct DifferenceRow {
  double h, forward, central;  // (f(x+h) - f(x)) / h and (f(x+h) - f(x-h)) / 2h
};

struct DifferenceTable {
  std::string output, input;
  double exact = 0;  // reverse mode's gradient
  std::vector<DifferenceRow> rows;
};

// Forward and central differences of the output in `input` for h = 1e-1 ... 1e-12,
// beside reverse mode's gradient. The graph's values are restored afterwards.
DifferenceTable run_differences(Program& p, const std::string& input);

// Recomputes every value and the gradients of the output (after inputs were put back).
void recompute(Program& p);

}  // namespace gatelab::cli
