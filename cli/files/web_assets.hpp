// The browser's files a live page and `gatelab site` take their engine, layout and maths
// from (web/assets.cmake puts them there): web/ beside the gatelab executable in the build
// tree, or ../share/gatelab/web from an installed bin/gatelab. No path is compiled in.
#pragma once

#include <optional>
#include <string>

namespace gatelab::cli {

struct WebAssets {
  std::string dir;
  std::string engine;     // gatelab-engine.js: the engine, with the wasm inside
  std::string api;        // engine_api.js
  std::string viz;        // viz-global.js: Graphviz in WebAssembly
  std::string catalog;    // the Chinese table as a script: const gatelabCatalog = {...};
  std::string katex_dir;  // empty when KaTeX (Debian's libjs-katex) is not there
};

// The files, read; nullopt when this gatelab has no engine or no Graphviz for pages (a
// build without emscripten or npm): its pages are drawn without an editor then.
std::optional<WebAssets> find_web_assets();

// The same, or gatelab::Error saying what is missing and where gatelab looked.
WebAssets web_assets_or_error();

}  // namespace gatelab::cli
