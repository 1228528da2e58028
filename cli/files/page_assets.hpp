// The page's stylesheet and scripts (cli/files/page/), built into the program so a page
// needs no other file.
#pragma once

namespace gatelab::cli {

extern const char* const page_css;
extern const char* const page_quiz_js;
extern const char* const page_viewer_js;
extern const char* const page_live_js;  // the editor of a live page
extern const char* const page_math_js;  // KaTeX over a site page's formulas

}  // namespace gatelab::cli
