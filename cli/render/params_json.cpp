#include "render/params_json.hpp"

namespace gatelab::cli {

nlohmann::ordered_json params_json(const Network& net, const std::vector<double>& flat) {
  auto rows = [](const double* v, int n_rows, int n_cols) {
    nlohmann::ordered_json m = nlohmann::ordered_json::array();
    for (int i = 0; i < n_rows; ++i) m.push_back(std::vector<double>(v + i * n_cols, v + (i + 1) * n_cols));
    return m;
  };
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  std::size_t at = 0;
  for (const Layer& l : net.layers) {
    const double* v = flat.data() + at;
    if (net.constraint == Constraint::None)
      out.push_back(
          {{"weight", rows(v, l.out, l.in)}, {"bias", std::vector<double>(v + l.in * l.out, v + (l.in + 1) * l.out)}});
    else
      out.push_back(rows(v, l.in + 1, l.out));
    at += l.params.size();
  }
  return out;
}

nlohmann::ordered_json weights_json(const Network& net, const std::vector<double>& flat) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  auto at = flat.begin();
  for (const Layer& l : net.layers) {
    nlohmann::ordered_json m = nlohmann::ordered_json::array();
    for (int i = 0; i <= l.in; ++i, at += l.out) m.push_back(std::vector<double>(at, at + l.out));
    out.push_back(m);
  }
  return out;
}

}  // namespace gatelab::cli
