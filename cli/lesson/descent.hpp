// Gradient descent in a lesson block: the program computes the loss of one data row, and
//   #| data: x = 1, 2, 3       one column per input that holds data
//   #| descend: w, b           the parameters (inputs with starting values in '#| at:')
//   #| lr: 0.05   #| steps: 40   #| batch: all | K
// averages loss and gradients over each batch and steps the parameters against the
// gradient. Batches of K rows are taken in order, wrapping around (no shuffling, so a
// lesson's numbers are the same on every run).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "gatelab/language/program.hpp"

namespace gatelab::cli {

struct DescentSpec {
  std::vector<std::pair<std::string, std::vector<double>>> data;
  std::vector<std::string> params;
  double lr = 0.1;
  int steps = 10;
  int batch = 0;  // 0: every row (batch descent)
};

struct DescentStep {
  int step;                    // 1-based
  std::size_t first_row;       // 0-based; the batch wraps around the rows
  std::size_t rows;            // in the batch
  bool all_rows;               // the batch is every row
  double batch_loss;           // mean loss over the batch, before the update
  std::vector<double> params;  // after the update
  double loss;                 // mean loss over every row, after the update
};

// Runs the descent on the program's graph, then puts the parameters and data back to
// their starting values. Throws gatelab::Error for a data column or parameter that is no
// input, or ragged data.
std::vector<DescentStep> run_descent(Program& p, const DescentSpec& spec);

}  // namespace gatelab::cli
