#include "files/curve_plot.hpp"

#include <plplot/plplot.h>

#include <algorithm>
#include <cmath>

#include "files/plplot_svg.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace {

// Colour 1 is black; 2-5 greens for values, 6-9 reds for gradients, 10 the grid's light grey.
const std::vector<std::array<int, 3>> colours{{0, 0, 0},     {21, 128, 61},  {13, 148, 136}, {101, 163, 13},
                                              {8, 145, 178}, {220, 38, 38},  {234, 88, 12},  {190, 24, 93},
                                              {146, 64, 14}, {210, 214, 220}};

// Draws the finite runs of one curve.
void draw_curve(const std::vector<PLFLT>& xs, const std::vector<PLFLT>& ys) {
  for (std::size_t start = 0; start < xs.size();) {
    while (start < xs.size() && !std::isfinite(ys[start])) ++start;
    std::size_t end = start;
    while (end < xs.size() && std::isfinite(ys[end])) ++end;
    if (end > start)
      plline(static_cast<PLINT>(end - start), const_cast<PLFLT*>(xs.data() + start),
             const_cast<PLFLT*>(ys.data() + start));
    start = end;
  }
}

}  // namespace

std::string curves_svg(const SweepTable& t, const std::string& title) {
  std::vector<PLFLT> xs;
  for (const SweepRow& r : t.rows) xs.push_back(r.value);
  double low = INFINITY, high = -INFINITY;
  for (const SweepRow& r : t.rows)
    for (double v : r.cells)
      if (std::isfinite(v)) low = std::min(low, v), high = std::max(high, v);
  if (!(low <= high)) low = -1, high = 1;
  if (high - low < 1e-12) low -= 1, high += 1;
  const double margin = (high - low) * 0.05;

  PlplotSvg svg(900, 500, colours);
  pladv(0);
  plvpor(0.1, 0.72, 0.11, 0.9);
  plwind(xs.front(), xs.back(), low - margin, high + margin);
  plcol0(10);
  plbox("g", 0, 0, "g", 0, 0);  // the grid first, light, under the curves
  plcol0(1);
  plbox("bcnst", 0, 0, "bcnstv", 0, 0);
  pllab(plot_text(t.input).c_str(), "", plot_text(title).c_str());
  std::vector<LegendEntry> legend;
  int values = 0, grads = 0;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const bool grad = t.columns[c].grad;
    const int colour = grad ? 6 + grads++ % 4 : 2 + values++ % 4;
    std::vector<PLFLT> ys;
    for (const SweepRow& r : t.rows) ys.push_back(r.cells[c]);
    plcol0(colour);
    pllsty(grad ? 2 : 1);
    draw_curve(xs, ys);
    legend.push_back({t.columns[c].heading(), colour, grad ? 2 : 1});
  }
  pllsty(1);
  draw_legend(legend);
  return svg.finish(tr("PLplot could not draw the curves"));
}

std::string plot_title(const PlotRun& plot) {
  std::string names;
  const auto& columns = plot.spec.columns;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const char* join = i + 1 == columns.size() ? tr_later("{} and {}") : tr_later("{}, {}");
    names = i == 0 ? columns[i].heading() : trf(join, names, columns[i].heading());
  }
  return trf("{} against {}", names, plot.spec.input);
}

}  // namespace gatelab::cli
