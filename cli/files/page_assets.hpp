// The page's stylesheet and scripts (cli/files/page/), built into the program so a page
// needs no other file.
#pragma once

namespace gatelab::cli {

extern const char* const page_css;
extern const char* const page_quiz_js;
extern const char* const page_viewer_js;

}  // namespace gatelab::cli
