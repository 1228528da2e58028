// The breast-cancer-wisconsin data, parsed and split the way every part of gatelab uses it.
//
//   auto split = gatelab::parse_breast_cancer(text);  // text of breast-cancer-wisconsin.data
//   split.train.size() == 411, split.valid.size() == 136, split.test.size() == 136
//
// Rows are "id,a1,...,a9,class" with attributes 1..10 and class 2 (benign) or 4
// (malignant). Rows with '?' are dropped (16 of 699). Features are (a - 1) / 9, labels 0
// (benign) or 1 (malignant). Row r of the remaining 683, in file order, goes to train when
// r % 5 is 0, 1 or 2, to valid when it is 3 and to test when it is 4.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace gatelab {

struct Samples {
  std::size_t features = 0;
  std::vector<double> x;  // row-major, size() * features
  std::vector<int> y;     // one label per row

  std::size_t size() const { return y.size(); }
  double at(std::size_t row, std::size_t feature) const { return x[row * features + feature]; }
};

struct DataSplit {
  Samples train, valid, test;
  std::size_t dropped = 0;  // rows left out for a missing value ('?'), as the notebook does
};

// The most rows parse_breast_cancer reads (the data has 699): training keeps about 2 KB
// a row, so a file at the limit needs about 2 GB.
inline constexpr std::size_t max_data_rows = 1'000'000;

// Throws gatelab::Error "line L, field F: ..." for a malformed row, and for a row past
// max_data_rows; and for data of fewer than 5 complete rows, which leave a split empty.
DataSplit parse_breast_cancer(std::string_view text);

}  // namespace gatelab
