#include "files/loss_plot.hpp"

#include <plplot/plplot.h>

#include <algorithm>
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

std::string loss_svg(const std::vector<double>& train, const std::vector<double>& valid, double floor,
                     const std::string& title) {
  if (train.empty()) throw Error("no epochs to plot");
  std::vector<PLFLT> epochs(train.size());
  for (std::size_t i = 0; i < epochs.size(); ++i) epochs[i] = static_cast<PLFLT>(i);
  double low = floor, high = floor;
  for (const auto* series : {&train, &valid})
    for (double v : *series) low = std::min(low, v), high = std::max(high, v);
  const double margin = (high - low) * 0.05 + 1e-9;

  MemoryFile svg;
  PLINT stream = 0;
  plmkstrm(&stream);
  plsdev("svg");
  plsfile(svg.get());
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
  plline(static_cast<PLINT>(std::min(valid.size(), epochs.size())), epochs.data(), const_cast<PLFLT*>(valid.data()));
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
  plend1();  // closes the stream
  std::string text = svg.text_after_close();
  if (text.find("</svg>") == std::string::npos) throw Error("PLplot could not draw the loss chart");
  return text;
}

}  // namespace gatelab::cli
