// `gatelab train`'s report: the notebook's log line, the results with the learned weights,
// a traced row, and the same as one JSON object (docs/cli.md lists its keys).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "gatelab/learning/training.hpp"
#include "render/trace_text.hpp"
#include "run/training_run.hpp"

namespace gatelab::cli {

struct TrainSummary {
  std::string constraint, init, data_file;
  unsigned seed = 0;
  double lr = 0;
  int patience = 0, max_epochs = 0;
  TrainedNetwork trained;
};

// "9-5-2 sigmoid network, constraint ste  W = ..." and the data line.
std::vector<std::string> train_heading(const Network& net, const TrainSummary& s, std::size_t train_rows,
                                       std::size_t valid_rows, std::size_t test_rows, const Paint& paint);

// "Epoch: 500 | Train loss: 0.33420 | Valid loss: 0.33097 |", as the notebook logs it.
std::string epoch_log_line(const EpochLog& e);

// How training ended, accuracy and loss, the learned W, the parameters never moved.
std::vector<std::string> train_result_lines(const Network& net, const TrainSummary& s, const Paint& paint);

// A row's forward and backward trace under a heading.
std::vector<std::string> traced_row_lines(const Network& net, const Trace& trace, const std::string& heading,
                                          const Paint& paint);

nlohmann::ordered_json train_json(const Network& net, const TrainSummary& s);

// A progress line on a terminal's stderr, rewritten in place.
struct Progress {
  bool on = false;
  void show(const EpochLog& e, int max_epochs) const;
  void clear() const;
};

}  // namespace gatelab::cli
