#include "loss_plot.hpp"

#include <plplot/plplot.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "gatelab/error.hpp"
#include "output_files.hpp"

namespace gatelab::cli {

void write_loss_svg(const std::string& path, const std::vector<double>& train, const std::vector<double>& valid,
                    double floor, const std::string& title) {
  check_writable(path);
  if (train.empty()) throw Error("no epochs to plot");
  namespace fs = std::filesystem;
  const fs::path target(path);
  const std::string tmp = (target.parent_path().empty() ? fs::path(".") : target.parent_path()) /
                          ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp");

  std::vector<PLFLT> epochs(train.size());
  for (std::size_t i = 0; i < epochs.size(); ++i) epochs[i] = static_cast<PLFLT>(i);
  double low = floor, high = floor;
  for (const auto* series : {&train, &valid})
    for (double v : *series) low = std::min(low, v), high = std::max(high, v);
  const double margin = (high - low) * 0.05 + 1e-9;

  PLINT stream = 0;
  plmkstrm(&stream);
  plsdev("svg");
  plsfnam(tmp.c_str());
  plspage(0, 0, 800, 500, 0, 0);
  plscolbg(255, 255, 255);
  plscol0(1, 0, 0, 0);        // axes and text: black
  plscol0(2, 220, 38, 38);    // train: red
  plscol0(3, 37, 99, 235);    // valid: blue
  plscol0(4, 120, 120, 120);  // floor: grey
  plinit();
  plcol0(1);
  plenv(0, std::max<PLFLT>(1, static_cast<PLFLT>(train.size() - 1)), low - margin, high + margin, 0, 0);
  pllab("epoch", "loss", title.c_str());
  plcol0(2);
  plline(static_cast<PLINT>(train.size()), epochs.data(), const_cast<PLFLT*>(train.data()));
  plcol0(3);
  plline(static_cast<PLINT>(valid.size()), epochs.data(), const_cast<PLFLT*>(valid.data()));
  plcol0(4);
  pllsty(2);
  PLFLT fx[2] = {0, epochs.back()}, fy[2] = {floor, floor};
  plline(2, fx, fy);
  pllsty(1);
  // A legend inside the top-right corner, one line per series.
  plcol0(2);
  plmtex("t", -2.0, 0.97, 1.0, "train loss");
  plcol0(3);
  plmtex("t", -3.5, 0.97, 1.0, "valid loss");
  plcol0(4);
  plmtex("t", -5.0, 0.97, 1.0, "floor log(1 + 1/e)");
  plend1();

  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error("cannot write '" + path + "': the chart could not be moved into place");
  }
}

}  // namespace gatelab::cli
