#include "render/prose_html.hpp"

#include <md4c-html.h>

namespace gatelab::cli {

std::string prose_html(const std::string& markdown) {
  std::string html;
  md_html(
      markdown.data(), static_cast<MD_SIZE>(markdown.size()),
      [](const MD_CHAR* text, MD_SIZE size, void* out) { static_cast<std::string*>(out)->append(text, size); }, &html,
      MD_DIALECT_GITHUB | MD_FLAG_NOHTML | MD_FLAG_LATEXMATHSPANS, 0);  // a lesson's raw HTML is shown as text
  return html;
}

}  // namespace gatelab::cli
