#include "files/plplot_svg.hpp"

#include <plplot/plplot.h>

#include <cstdlib>

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

PlplotSvg::PlplotSvg(int width, int height, const std::vector<std::array<int, 3>>& colours)
    : file_(::open_memstream(&data_, &size_)) {
  if (!file_) throw Error(tr("cannot draw a chart: no memory"));
  PLINT stream = 0;
  plmkstrm(&stream);
  plsdev("svg");
  plsfile(file_);
  plspage(0, 0, width, height, 0, 0);
  plscolbg(255, 255, 255);
  for (std::size_t i = 0; i < colours.size(); ++i)
    plscol0(static_cast<PLINT>(i + 1), colours[i][0], colours[i][1], colours[i][2]);
  plinit();
}

PlplotSvg::~PlplotSvg() {
  if (!ended_) plend1();  // closes the stream
  std::free(data_);
}

std::string PlplotSvg::finish(const std::string& failure) {
  plend1();
  ended_ = true;
  std::string text(data_ ? data_ : "", size_);
  if (text.find("</svg>") == std::string::npos) throw Error(failure);
  return text;
}

std::string plot_text(std::string_view text) {
  std::string out;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) continue;
    if ((c & 0xC0) != 0x80 && ++characters > plot_text_limit) return out + "…";
    out += c == '#' ? "##" : std::string(1, static_cast<char>(c));
  }
  return out;
}

void draw_legend(const std::vector<LegendEntry>& entries) {
  const auto n = static_cast<PLINT>(entries.size());
  std::vector<PLINT> opts, text_colours, line_colours, line_styles, symbol_colours, symbol_numbers;
  std::vector<PLFLT> line_widths, symbol_scales;
  std::vector<const char*> texts, symbols;
  std::vector<std::string> shown;
  shown.reserve(entries.size());
  for (const LegendEntry& e : entries) {
    opts.push_back(PL_LEGEND_LINE | (e.point ? PL_LEGEND_SYMBOL : 0));
    text_colours.push_back(1);
    line_colours.push_back(e.colour);
    line_styles.push_back(e.line_style);
    symbol_colours.push_back(e.colour);
    symbol_numbers.push_back(e.point ? 1 : 0);
    line_widths.push_back(1);
    symbol_scales.push_back(e.point ? 1 : 0);
    texts.push_back(shown.emplace_back(plot_text(e.text)).c_str());
    symbols.push_back(e.point ? "#(840)" : "");
  }
  PLFLT width = 0, height = 0;
  pllegend(&width, &height, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX,
           PL_POSITION_VIEWPORT | PL_POSITION_OUTSIDE | PL_POSITION_RIGHT, 0.02, 0.0, 0.06, 0, 1, 1, 0, 0, n,
           opts.data(), 0.8, 0.8, 2.0, 0.0, text_colours.data(), texts.data(), nullptr, nullptr, nullptr, nullptr,
           line_colours.data(), line_styles.data(), line_widths.data(), symbol_colours.data(), symbol_scales.data(),
           symbol_numbers.data(), symbols.data());
}

std::string inline_svg(const std::string& svg, const std::string& id_prefix) {
  const auto start = svg.find("<svg");
  std::string out = start == std::string::npos ? svg : svg.substr(start);
  for (const char* pattern : {"id=\"", "url(#"})
    for (auto at = out.find(pattern); at != std::string::npos; at = out.find(pattern, at + 1))
      out.insert(at + std::string(pattern).size(), id_prefix);
  return out;
}

}  // namespace gatelab::cli
