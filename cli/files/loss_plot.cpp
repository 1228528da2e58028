#include "files/loss_plot.hpp"

#include <plplot/plplot.h>

#include <algorithm>
#include <cmath>

#include "files/plplot_svg.hpp"
#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

namespace {

enum Colour : PLINT { black = 1, red, blue, grey, green };

}  // namespace

std::string loss_svg(const LossChart& c) {
  if (c.train.empty()) throw Error(tr("no epochs to plot"));
  // With a logarithmic axis PLplot takes log10 of the x values: epoch + 1, so epoch 0 sits at 1.
  auto x_of = [&](double epoch) { return c.log_epochs ? std::log10(epoch + 1) : epoch; };
  std::vector<PLFLT> xs(c.train.size());
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = x_of(static_cast<double>(i));
  double low = c.floor, high = c.floor;
  for (const auto* series : {&c.train, &c.valid})
    for (double v : *series) low = std::min(low, v), high = std::max(high, v);
  const double margin = (high - low) * 0.05 + 1e-9;
  const PLFLT x_max = std::max<PLFLT>(x_of(1), xs.back());

  PlplotSvg svg(
      900, 500,
      {{0, 0, 0}, {220, 38, 38}, {37, 99, 235}, {120, 120, 120}, {21, 128, 61}});  // black; train red,
                                                                                   // valid blue, floor grey, best green
  pladv(0);
  plvpor(0.1, 0.68, 0.11, 0.9);  // the right of the page, beside the plot, holds the legend
  plwind(xs.front(), x_max, low - margin, high + margin);
  plcol0(black);
  plbox(c.log_epochs ? "bcnstl" : "bcnst", 0, 0, "bcnstv", 0, 0);
  pllab(c.log_epochs ? tr("epoch + 1 (log scale)") : tr("epoch"), tr("loss"), plot_text(c.title).c_str());
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
  std::vector<LegendEntry> legend{
      {tr("train loss"), red}, {tr("valid loss"), blue}, {tr("floor log(1 + 1/e)"), grey, 2}};
  if (c.best_epoch >= 0) legend.push_back({trf("best epoch {}", c.best_epoch), green, 2, true});
  draw_legend(legend);
  return svg.finish(tr("PLplot could not draw the loss chart"));
}

}  // namespace gatelab::cli
