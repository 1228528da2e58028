// The files of `gatelab train`: saved weights read back exactly, and the loss chart.
#include <catch2/catch.hpp>

#include "../error_text.hpp"
#include "files/loss_plot.hpp"
#include "files/weights_file.hpp"
#include "render/params_json.hpp"

using namespace gatelab;
using namespace gatelab::cli;
using Catch::Matchers::Contains;

namespace {

// The text of an SVG with numeric character references (&#x74;) read back as characters:
// PLplot writes every character of a label that way.
std::string decoded(const std::string& svg) {
  std::string out;
  for (std::size_t i = 0; i < svg.size(); ++i) {
    const auto end = svg.find(';', i);
    if (svg.compare(i, 3, "&#x") == 0 && end != std::string::npos) {
      out += static_cast<char>(std::stoi(svg.substr(i + 3, end - i - 3), nullptr, 16));
      i = end;
    } else {
      out += svg[i];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("weights file: parameters saved and read back bit for bit, in the shape of each layer") {
  for (const Constraint c : {Constraint::None, Constraint::Ste}) {
    const Network net = build_network(c);
    std::vector<double> flat;
    for (std::size_t i = 0; i < net.parameters().size(); ++i) flat.push_back(0.1 * static_cast<double>(i) + 1.0 / 3.0);
    const std::string name = c == Constraint::None ? "none" : "ste";
    CHECK(parse_weights_file(weights_file_text(net, name, flat), net, name) == flat);
  }
  // 9-5-2: the plain network stores each layer's weight (out x in) then its bias.
  const Network plain = build_network(Constraint::None);
  const auto layers = params_json(plain, std::vector<double>(plain.parameters().size(), 0.0));
  CHECK(layers[0]["weight"].size() == 5);
  CHECK(layers[0]["weight"][0].size() == 9);
  CHECK(layers[1]["bias"].size() == 2);
  const Network ste = build_network(Constraint::Ste);
  const auto ste_layers = params_json(ste, std::vector<double>(ste.parameters().size(), 0.0));
  CHECK(ste_layers[0].size() == 10);  // W' is (in + 1) x out
  CHECK(ste_layers[0][0].size() == 5);
}

TEST_CASE("weights file: wrong text, constraint or shape is one clear error") {
  const Network net = build_network(Constraint::Tanh);
  CHECK_THAT(error_text([&] { parse_weights_file("{", net, "tanh"); }), Contains("not JSON"));
  CHECK(error_text([&] { parse_weights_file("[]", net, "tanh"); }) ==
        "expected an object with \"params\", as --save-weights writes");
  CHECK(error_text([&] { parse_weights_file(R"({"constraint": "ste", "params": []})", net, "tanh"); }) ==
        "saved for --constraint ste, not tanh");
  CHECK(error_text([&] { parse_weights_file(R"({"constraint": 3, "params": []})", net, "tanh"); }) ==
        "\"constraint\" must be a name, as --save-weights writes");
  CHECK(error_text([&] { parse_weights_file(R"({"params": [[1], [2]]})", net, "tanh"); }) ==
        "layer 1: expected 10 rows of 5");
  CHECK(error_text([&] { parse_weights_file(R"({"params": [1]})", net, "tanh"); }) == "expected 2 layers");
  const Network plain = build_network(Constraint::None);
  CHECK(error_text([&] { parse_weights_file(R"({"params": [[1], [2]]})", plain, "none"); }) ==
        "layer 1: expected {\"weight\": ..., \"bias\": ...}");
}

TEST_CASE("loss chart: an SVG document drawn in memory, with its title and legend") {
  const std::string svg = loss_svg({{0.7, 0.5, 0.4}, {0.72, 0.55, 0.45}, 0.31326, -1, false, "constraint ste"});
  CHECK_THAT(svg, Contains("<svg") && Contains("</svg>"));
  const std::string text = decoded(svg);
  CHECK_THAT(text, Contains(">constraint ste<") && Contains(">train loss<") && Contains(">valid loss<"));
  CHECK(error_text([] { loss_svg({{}, {}, 0.3, -1, false, "none"}); }) == "no epochs to plot");
}

TEST_CASE("loss chart: the best epoch marked and in the legend, and a logarithmic epoch axis") {
  const LossChart chart{{0.7, 0.5, 0.45, 0.46}, {0.72, 0.55, 0.44, 0.47}, 0.31326, 2, false, "constraint tanh"};
  const std::string linear = decoded(loss_svg(chart));
  CHECK_THAT(linear, Contains(">best epoch 2<") && Contains(">floor log(1 + 1/e)<") && Contains(">epoch<"));
  LossChart logarithmic = chart;
  logarithmic.log_epochs = true;
  CHECK_THAT(decoded(loss_svg(logarithmic)), Contains(">epoch + 1 (log scale)<"));
}
