#include "files/loss_plot.hpp"

#include <plplot/plplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gatelab/error.hpp"

namespace gatelab::cli {

namespace {

// PLplot draws into a memory stream, so the chart reaches its file through OutputFiles.
class MemoryFile {
 public:
  MemoryFile() : file_(::open_memstream(&data_, &size_)) {
    if (!file_) throw Error("cannot draw the loss chart: no memory");
  }
  ~MemoryFile() {
    if (file_) std::fclose(file_);
    std::free(data_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::FILE* get() const { return file_; }
  // The text written so far, once the writer has closed the stream (PLplot does at plend1).
  std::string text_after_close() {
    file_ = nullptr;
    return std::string(data_ ? data_ : "", size_);
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* file_;
};

}  // namespace

namespace {

enum Colour : PLINT { black = 1, red, blue, grey, green };

// The legend, in the page's right margin beside the plot (so it covers no curve): a sample of
// each line, and the best epoch's line and point.
void draw_legend(const LossChart& c) {
  const bool best = c.best_epoch >= 0;
  const PLINT n = best ? 4 : 3;
  const PLINT opts[] = {PL_LEGEND_LINE, PL_LEGEND_LINE, PL_LEGEND_LINE, PL_LEGEND_LINE | PL_LEGEND_SYMBOL};
  const std::string best_text = best ? "best epoch " + std::to_string(c.best_epoch) : "";
  const char* texts[] = {"train loss", "valid loss", "floor log(1 + 1/e)", best_text.c_str()};
  const PLINT text_colours[] = {black, black, black, black}, line_colours[] = {red, blue, grey, green};
  const PLINT line_styles[] = {1, 1, 2, 2}, symbol_colours[] = {0, 0, 0, green}, symbol_numbers[] = {0, 0, 0, 1};
  const PLFLT line_widths[] = {1, 1, 1, 1}, symbol_scales[] = {0, 0, 0, 1};
  const char* symbols[] = {"", "", "", "#(840)"};
  PLFLT width = 0, height = 0;
  pllegend(&width, &height, PL_LEGEND_BACKGROUND | PL_LEGEND_BOUNDING_BOX, PL_POSITION_VIEWPORT | PL_POSITION_OUTSIDE | PL_POSITION_RIGHT, 0.02,
           0.0, 0.06, 0, black, 1, 0, 0, n, opts, 0.8, 0.8, 2.0, 0.0, text_colours, texts, nullptr, nullptr, nullptr, nullptr,
           line_colours, line_styles, line_widths, symbol_colours, symbol_scales, symbol_numbers, symbols);
}

}  // namespace

std::string loss_svg(const LossChart& c) {
  if (c.train.empty()) throw Error("no epochs to plot");
  // With a logarithmic axis PLplot takes log10 of the x values: epoch + 1, so epoch 0 sits at 1.
  auto x_of = [&](double epoch) { return c.log_epochs ? std::log10(epoch + 1) : epoch; };
  std::vector<PLFLT> xs(c.train.size());
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = x_of(static_cast<double>(i));
  double low = c.floor, high = c.floor;
  for (const auto* series : {&c.train, &c.valid})
    for (double v : *series) low = std::min(low, v), high = std::max(high, v);
  const double margin = (high - low) * 0.05 + 1e-9;
  const PLFLT x_max = std::max<PLFLT>(x_of(1), xs.back());

  MemoryFile svg;
  PLINT stream = 0;
  plmkstrm(&stream);
  plsdev("svg");
  plsfile(svg.get());
  plspage(0, 0, 900, 500, 0, 0);
  plscolbg(255, 255, 255);
  plscol0(black, 0, 0, 0);
  plscol0(red, 220, 38, 38);     // train
  plscol0(blue, 37, 99, 235);    // valid
  plscol0(grey, 120, 120, 120);  // floor
  plscol0(green, 21, 128, 61);   // best epoch
  plinit();
  pladv(0);
  plvpor(0.1, 0.68, 0.11, 0.9);  // the right of the page, beside the plot, holds the legend
  plwind(xs.front(), x_max, low - margin, high + margin);
  plcol0(black);
  plbox(c.log_epochs ? "bcnstl" : "bcnst", 0, 0, "bcnstv", 0, 0);
  pllab(c.log_epochs ? "epoch + 1 (log scale)" : "epoch", "loss", c.title.c_str());
  plcol0(red);
  plline(static_cast<PLINT>(xs.size()), xs.data(), const_cast<PLFLT*>(c.train.data()));
  plcol0(blue);
  plline(static_cast<PLINT>(std::min(c.valid.size(), xs.size())), xs.data(), const_cast<PLFLT*>(c.valid.data()));
  plcol0(grey);
  pllsty(2);
  PLFLT fx[2] = {xs.front(), x_max}, fy[2] = {c.floor, c.floor};
  plline(2, fx, fy);
  if (c.best_epoch >= 0 && static_cast<std::size_t>(c.best_epoch) < c.valid.size()) {
    plcol0(green);
    PLFLT bx[2] = {x_of(c.best_epoch), x_of(c.best_epoch)}, by[2] = {low - margin, high + margin};
    plline(2, bx, by);
    PLFLT px = bx[0], py = c.valid[static_cast<std::size_t>(c.best_epoch)];
    plstring(1, &px, &py, "#(840)");
  }
  pllsty(1);
  draw_legend(c);
  plend1();  // closes the stream
  std::string text = svg.text_after_close();
  if (text.find("</svg>") == std::string::npos) throw Error("PLplot could not draw the loss chart");
  return text;
}

}  // namespace gatelab::cli
