#include "files/weights_file.hpp"

#include <fmt/format.h>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"
#include "render/params_json.hpp"

namespace gatelab::cli {

std::string weights_file_text(const Network& net, const std::string& constraint, const std::vector<double>& flat) {
  nlohmann::ordered_json saved{{"constraint", constraint}};
  saved["params"] = params_json(net, flat);
  return saved.dump(2) + "\n";
}

std::vector<double> parse_weights_file(const std::string& text, const Network& net, const std::string& constraint) {
  nlohmann::json j;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(tr("the file is empty: expected the JSON that --save-weights writes"));
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(trf("not JSON: it goes wrong at byte {}; expected the JSON that --save-weights writes", e.byte));
  } catch (const nlohmann::json::exception&) {
    throw Error(tr("not JSON: expected the JSON that --save-weights writes"));
  }
  if (!j.is_object() || !j.contains("params"))
    throw Error(tr("expected an object with \"params\", as --save-weights writes"));
  const auto& saved_for = j.value("constraint", nlohmann::json(constraint));
  if (!saved_for.is_string()) throw Error(tr("\"constraint\" must be a name, as --save-weights writes"));
  if (saved_for.get<std::string>() != constraint)
    throw Error(trf("saved for --constraint {}, not {}", saved_for.get<std::string>(), constraint));
  std::vector<double> flat;
  auto take = [&](const nlohmann::json& v) {
    if (!v.is_number()) throw Error(tr("every parameter must be a number"));
    flat.push_back(v.get<double>());
  };
  const auto& layers = j["params"];
  if (!layers.is_array() || layers.size() != net.layers.size())
    throw Error(trf("expected {} layers", net.layers.size()));
  const bool plain = net.constraint == Constraint::None;
  for (std::size_t k = 0; k < net.layers.size(); ++k) {
    const Layer& l = net.layers[k];
    const auto& layer = layers[k];
    if (plain && !layer.is_object()) throw Error(trf("layer {}: expected {{\"weight\": ..., \"bias\": ...}}", k + 1));
    const nlohmann::json& matrix = plain ? layer.value("weight", nlohmann::json()) : layer;
    const int rows = plain ? l.out : l.in + 1, cols = plain ? l.in : l.out;
    const std::string shape = trf("layer {}: expected {} rows of {}", k + 1, rows, cols);
    if (!matrix.is_array() || static_cast<int>(matrix.size()) != rows) throw Error(shape);
    for (const auto& row : matrix) {
      if (!row.is_array() || static_cast<int>(row.size()) != cols) throw Error(shape);
      for (const auto& v : row) take(v);
    }
    if (plain) {
      const auto& bias = layer.value("bias", nlohmann::json());
      if (!bias.is_array() || static_cast<int>(bias.size()) != l.out)
        throw Error(trf("layer {}: expected {} biases", k + 1, l.out));
      for (const auto& v : bias) take(v);
    }
  }
  return flat;
}

}  // namespace gatelab::cli
