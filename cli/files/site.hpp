// `gatelab site DIR`: the whole course as a static site that works offline, from file://
// and from any static web server:
//   DIR/index.html            both languages' lessons, each with its summary
//   DIR/en/08-detach.html ... every lesson in English, DIR/zh/... in Chinese: navigation to
//                             the index, the previous and the next lesson, and the same
//                             lesson in the other language; every program block live
//   DIR/assets/               the engine, Graphviz, the pages' scripts and styles, the
//                             Chinese table, and KaTeX (with its fonts) for the formulas
// Pages link the shared files (no page fetches anything), so the site stays small.
#pragma once

#include <string>

#include "files/output_files.hpp"
#include "files/web_assets.hpp"

namespace gatelab::cli {

// Runs every lesson in both languages and adds the site's files to out. Leaves the language
// as it found it.
void add_site(OutputFiles& out, const std::string& dir, const WebAssets& assets);

}  // namespace gatelab::cli
