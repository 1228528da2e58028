#include "render/prose_html.hpp"

#include <md4c-html.h>

#include "gatelab/language/input_text.hpp"

namespace gatelab::cli {

namespace {

// Characters of Chinese (and Japanese, Korean) text: ideographs, kana, hangul, and the
// CJK and full-width punctuation. Between two of them a line break is no space.
bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Quotation marks and dashes that Chinese text shares with English: no space beside a
// line break when the character on the other side is CJK.
bool is_shared_punctuation(char32_t c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x2014;
}

// The last character of text before `end` in html, tags skipped; 0 when there is none.
char32_t text_before(const std::string& html, std::size_t end) {
  while (end > 0) {
    if (html[end - 1] == '>') {
      const auto open = html.rfind('<', end - 1);
      if (open == std::string::npos) return '>';
      end = open;
      continue;
    }
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(html[start]) & 0xC0) == 0x80) --start;
    return decode_utf8(std::string_view(html).substr(start, end - start)).value;
  }
  return 0;
}

// The first character of text from `at` in html, tags skipped; 0 when there is none.
char32_t text_after(const std::string& html, std::size_t at) {
  while (at < html.size() && html[at] == '<') {
    const auto close = html.find('>', at);
    if (close == std::string::npos) return '<';
    at = close + 1;
  }
  return at < html.size() ? decode_utf8(std::string_view(html).substr(at)).value : 0;
}

bool joins(char32_t before, char32_t after) {
  return (is_cjk(before) && (is_cjk(after) || is_shared_punctuation(after))) ||
         (is_shared_punctuation(before) && is_cjk(after));
}

// md4c keeps each line break of a paragraph as a newline, which a browser shows as a space:
// right in English, wrong inside a Chinese sentence. Outside <pre>, a newline between two
// CJK characters is dropped. The middle dot, which CJK fonts draw full-width, is marked for
// a Latin font (page.css: .latin).
std::string joined_for_cjk(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  bool in_pre = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 4, "<pre") == 0) in_pre = true;
    if (html.compare(i, 6, "</pre>") == 0) in_pre = false;
    if (!in_pre && html[i] == '\n' && joins(text_before(html, i), text_after(html, i + 1))) continue;
    if (!in_pre && html.compare(i, 2, "\xC2\xB7") == 0) {
      out += "<span class=\"latin\">\xC2\xB7</span>";
      ++i;
      continue;
    }
    out += html[i];
  }
  return out;
}

}  // namespace

std::string prose_html(const std::string& markdown) {
  std::string html;
  md_html(
      markdown.data(), static_cast<MD_SIZE>(markdown.size()),
      [](const MD_CHAR* text, MD_SIZE size, void* out) { static_cast<std::string*>(out)->append(text, size); }, &html,
      MD_DIALECT_GITHUB | MD_FLAG_NOHTML | MD_FLAG_LATEXMATHSPANS, 0);  // a lesson's raw HTML is shown as text
  return joined_for_cjk(html);
}

}  // namespace gatelab::cli
