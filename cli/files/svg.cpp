#include "files/svg.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "gatelab/error.hpp"

namespace gatelab::cli {

SvgRenderer::SvgRenderer() : gvc_(gvContext()) {
  if (!gvc_) throw Error("cannot start the Graphviz library");
}

SvgRenderer::~SvgRenderer() { gvFreeContext(gvc_); }

std::string SvgRenderer::render(const std::string& dot) {
  Agraph_t* graph = agmemread(dot.c_str());
  if (!graph) throw Error("Graphviz could not read the diagram");
  if (gvLayout(gvc_, graph, "dot") != 0) {
    agclose(graph);
    throw Error("Graphviz could not lay out the diagram (is the graphviz package installed?)");
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc_, graph, "svg", &data, &length);
  std::string svg = rc == 0 && data ? std::string(data, length) : std::string{};
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc_, graph);
  agclose(graph);
  if (rc != 0) throw Error("Graphviz could not render the diagram as SVG");
  return svg;
}

}  // namespace gatelab::cli
