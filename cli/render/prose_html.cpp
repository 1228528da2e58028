#include "render/prose_html.hpp"

#include <md4c-html.h>

#include <array>
#include <cstdint>
#include <cstdlib>

#include "gatelab/language/input_text.hpp"
#include "gatelab/support/translate.hpp"
#include "render/markup.hpp"

namespace gatelab::cli {

namespace {

void append_utf8(std::string& out, std::uint32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// The entity at text (which starts with '&') decoded into out; the bytes it took, or 0 when
// it is none gatelab knows (then the '&' stays as it is).
std::size_t decode_entity(std::string_view text, std::string& out) {
  const std::size_t end = text.find(';');
  if (end > 12) return 0;  // also when there is no ;
  const std::string name(text.substr(1, end - 1));
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    char* stop = nullptr;
    const std::string digits = name.substr(hex ? 2 : 1);
    const unsigned long c = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (digits.empty() || *stop != '\0') return 0;
    append_utf8(out, static_cast<std::uint32_t>(std::min<unsigned long>(c, 0x110000)));
    return end + 1;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> named{{{"amp", "&"},
                                                                                       {"lt", "<"},
                                                                                       {"gt", ">"},
                                                                                       {"quot", "\""},
                                                                                       {"apos", "'"},
                                                                                       {"colon", ":"},
                                                                                       {"Tab", "\t"},
                                                                                       {"NewLine", "\n"},
                                                                                       {"sol", "/"}}};
  for (const auto& [n, c] : named)
    if (n == name) {
      out += c;
      return end + 1;
    }
  return 0;
}

// The page's word for a refused image, with the image's alt text.
std::string refused_image(std::string_view alt) {
  return "<span class=\"hint\">[" +
         trf("image left out: {} (a page fetches nothing; an image is not embedded)", std::string(alt)) + "]</span>";
}

// md4c's HTML with every link checked and every image replaced. md4c writes raw HTML from the
// lesson as text (MD_FLAG_NOHTML) and escapes attributes, so every "<a href=" and "<img src="
// in its output is its own, each attribute ends at the next '"' and links do not nest.
std::string checked(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  bool in_refused_link = false;  // a refused link's "</a>" is dropped
  for (std::size_t at = 0; at < html.size();) {
    const std::size_t tag = html.find('<', at);
    out.append(html, at, tag == std::string::npos ? std::string::npos : tag - at);
    if (tag == std::string::npos) break;
    const std::string_view rest = std::string_view(html).substr(tag);
    const std::size_t close = rest.find('>');
    if (close == std::string_view::npos) {
      out.append(rest);
      break;
    }
    at = tag + close + 1;
    if (rest.starts_with("<a href=\"")) {
      const std::string_view href = rest.substr(9, rest.find('"', 9) - 9);
      std::string cleaned;
      in_refused_link = !allowed_link(href, cleaned);
      if (!in_refused_link) out += "<a href=\"" + escaped(cleaned) + "\" rel=\"noopener noreferrer\">";
    } else if (rest.starts_with("<img src=\"")) {
      const std::size_t alt = rest.find(" alt=\"");
      const std::string_view alt_text =
          alt < close ? rest.substr(alt + 6, rest.find('"', alt + 6) - alt - 6) : std::string_view();
      out += refused_image(alt_text);
    } else if (rest.starts_with("</a>") && in_refused_link) {
      in_refused_link = false;
    } else {
      out.append(rest.substr(0, close + 1));
    }
  }
  return out;
}

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

bool allowed_link(std::string_view href, std::string& cleaned) {
  cleaned.clear();
  std::string decoded;
  for (std::size_t i = 0; i < href.size();) {
    const std::size_t took = href[i] == '&' ? decode_entity(href.substr(i), decoded) : 0;
    if (took == 0) decoded += href[i];
    i += took ? took : 1;
  }
  for (const char c : decoded)
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7F) cleaned += c;
  std::string folded = cleaned.substr(0, 8);
  for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (const std::string_view scheme : {"http:", "https:", "mailto:", "#"})
    if (folded.starts_with(scheme)) return true;
  cleaned.clear();
  return false;
}

std::string prose_html(const std::string& markdown) {
  std::string html;
  md_html(
      markdown.data(), static_cast<MD_SIZE>(markdown.size()),
      [](const MD_CHAR* text, MD_SIZE size, void* out) { static_cast<std::string*>(out)->append(text, size); }, &html,
      MD_DIALECT_GITHUB | MD_FLAG_NOHTML | MD_FLAG_LATEXMATHSPANS, 0);  // a lesson's raw HTML is shown as text
  return joined_for_cjk(checked(html));
}

}  // namespace gatelab::cli
