// Train and valid loss per epoch as an SVG chart, drawn with PLplot.
//
//   loss_svg({.train = r.train_loss, .valid = r.valid_loss, .floor = two_class_loss_floor,
//             .best_epoch = r.best_epoch, .log_epochs = false, .title = "constraint ste"});
#pragma once

#include <string>
#include <vector>

namespace gatelab::cli {

struct LossChart {
  std::vector<double> train, valid;  // one loss per epoch
  double floor = 0;                  // the lowest loss the network can reach, drawn dashed
  int best_epoch = -1;               // marked with a line and a point on the valid curve; -1: none
  bool log_epochs = false;           // a logarithmic epoch axis (epoch + 1, so epoch 0 is at 1)
  std::string title;
};

// The chart's SVG text, its legend (with a sample of each line) beside the plot so it never
// covers a curve. Throws gatelab::Error when there is nothing to plot or PLplot fails.
std::string loss_svg(const LossChart& chart);

}  // namespace gatelab::cli
