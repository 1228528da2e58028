// PLplot drawing one SVG chart into memory, so that it reaches its file through OutputFiles
// (or a page, inline).
//
//   PlplotSvg chart(900, 500, {{0, 0, 0}, {220, 38, 38}});   // colour 1 is black, 2 red, ...
//   plwind(...); plline(...);                                 // PLplot's own calls
//   std::string svg = chart.finish(tr("PLplot could not draw the loss chart"));
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace gatelab::cli {

class PlplotSvg {
 public:
  // Starts a PLplot stream on an SVG page of width x height, background white, with the
  // colours given as PLplot's colours 1, 2, ... (colour 0 is the background).
  PlplotSvg(int width, int height, const std::vector<std::array<int, 3>>& colours);
  ~PlplotSvg();
  PlplotSvg(const PlplotSvg&) = delete;
  PlplotSvg& operator=(const PlplotSvg&) = delete;

  // Ends the stream and returns the SVG; throws gatelab::Error with the message `failure`
  // (a whole sentence, translated) if PLplot failed.
  std::string finish(const std::string& failure);

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_ = nullptr;
  bool ended_ = false;
};

// Text from a lesson or a program as PLplot draws it: '#' (PLplot's escape: "#[0x41]",
// "#(840)", "#u") doubled so it reads as itself, control characters left out, and cut after
// plot_text_limit characters with "…" (PLplot's text buffers are fixed; a longer name
// would overrun them). Every text a chart shows goes through it; draw_legend calls it.
inline constexpr std::size_t plot_text_limit = 80;
std::string plot_text(std::string_view text);

// One entry of a legend: a line sample (style 1 solid, 2 dashed) in a colour, and its text.
struct LegendEntry {
  std::string text;
  int colour;
  int line_style = 1;
  bool point = false;  // a point on the line, as the loss chart marks its best epoch
};

// The legend in the page's right margin, beside the plot, so it never covers a curve.
void draw_legend(const std::vector<LegendEntry>& entries);

// The SVG without its XML declaration and DOCTYPE, to place inline in an HTML page, its ids
// (PLplot's clip paths) prefixed so that several charts on one page keep theirs apart.
std::string inline_svg(const std::string& svg, const std::string& id_prefix);

}  // namespace gatelab::cli
