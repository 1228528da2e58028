// DOT text to SVG, laid out and rendered in-process by the Graphviz library (libgvc).
#pragma once

#include <string>

struct GVC_s;  // Graphviz's context, declared here so users need not include gvc.h

namespace gatelab::cli {

class SvgRenderer {
 public:
  SvgRenderer();
  ~SvgRenderer();
  SvgRenderer(const SvgRenderer&) = delete;
  SvgRenderer& operator=(const SvgRenderer&) = delete;

  std::string render(const std::string& dot);  // throws gatelab::Error if Graphviz fails

 private:
  ::GVC_s* gvc_;
};

}  // namespace gatelab::cli
