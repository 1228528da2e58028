#include "gatelab/language/input_text.hpp"
#include "gatelab/support/translate.hpp"

#include <array>
#include <cstdio>

namespace gatelab {

namespace {

// The ASCII character a typed one stands for, or 0.
char ascii_for(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return static_cast<char>(c - 0xFEE0);  // full-width ASCII forms
  switch (c) {
    case 0x3000:
      return ' ';  // ideographic space
    case 0x2212:
      return '-';  // − minus sign
    case 0x00D7:
      return '*';  // × multiplication sign
    case 0x00F7:
      return '/';  // ÷ division sign
    case 0x00B7:
      return '*';  // · middle dot
    case 0x22C5:
      return '*';  // ⋅ dot operator
    case 0x2219:
      return '*';  // ∙ bullet operator
    case 0x3010:
      return '[';  // 【 as an input method types [
    case 0x3011:
      return ']';  // 】
    default:
      return 0;
  }
}

struct Advice {
  char32_t c;
  const char* what;
};
constexpr std::array advice{Advice{0x00B2, tr_later("write x^2")},
                            Advice{0x00B3, tr_later("write x^3")},
                            Advice{0x221A, tr_later("write sqrt(x)")},
                            Advice{0x2211, tr_later("write sum(v)")},
                            Advice{0x2013, tr_later("write -")},
                            Advice{0x2014, tr_later("write -")},
                            Advice{0x2264, tr_later("the language has no comparisons")},
                            Advice{0x2265, tr_later("the language has no comparisons")},
                            Advice{0x201C, tr_later("the language has no quotes")},
                            Advice{0x201D, tr_later("the language has no quotes")},
                            Advice{0x2018, tr_later("the language has no quotes")},
                            Advice{0x2019, tr_later("the language has no quotes")},
                            Advice{0x3001, tr_later("write , between arguments")},
                            Advice{0x3002, tr_later("write . in a number, as in 0.5")},
                            Advice{0x2217, tr_later("write *")},
                            Advice{0x2202, tr_later("gatelab computes derivatives itself: ask for grad(NAME)")}};

bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
         (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_combining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace

CodePoint decode_utf8(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.empty()) return {0, 0};
  const unsigned char first = b(0);
  if (first < 0x80) return {first, 1};
  const int n = first >= 0xF0 && first < 0xF8 ? 4 : first >= 0xE0 ? 3 : first >= 0xC2 && first < 0xE0 ? 2 : 0;
  if (n == 0 || s.size() < static_cast<std::size_t>(n)) return {0xFFFD, 1};
  char32_t c = first & (0x7F >> n);
  for (int i = 1; i < n; ++i) {
    if ((b(static_cast<std::size_t>(i)) & 0xC0) != 0x80) return {0xFFFD, 1};
    c = (c << 6) | (b(static_cast<std::size_t>(i)) & 0x3F);
  }
  return {c, n};
}

FoldedText fold_input_with_columns(std::string_view text) {
  FoldedText out;
  out.text.reserve(text.size());
  out.columns.reserve(text.size() + 1);
  int column = 1;
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text.substr(at));
    if (const char ascii = ascii_for(cp.value)) {
      out.text += ascii;
      out.columns.push_back(column);
    } else {
      out.text.append(text.substr(at, static_cast<std::size_t>(cp.bytes)));
      out.columns.insert(out.columns.end(), static_cast<std::size_t>(cp.bytes), column);
    }
    column = cp.value == '\n' ? 1 : column + 1;
    at += static_cast<std::size_t>(cp.bytes);
  }
  out.columns.push_back(column);
  return out;
}

std::string fold_input(std::string_view text) { return fold_input_with_columns(text).text; }

std::string character_advice(std::string_view at) {
  const CodePoint cp = decode_utf8(at);
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp.value));
  if (cp.value == 0xFFFD && cp.bytes == 1) {
    std::snprintf(code, sizeof code, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(at[0])));
    return trf("the byte {} is not UTF-8 text", code);
  }
  if (cp.value < 0x20 || (cp.value >= 0x7F && cp.value < 0xA0))
    return trf("{} (a control character) is not part of the language", code);
  if (cp.value == 0xFEFF)
    return trf(
        "{} (a UTF-8 byte-order mark, which some editors put first in a file) is not part of the language: "
        "save the text as UTF-8 without a BOM",
        code);
  if (cp.value == 0xAD || (cp.value >= 0x200B && cp.value <= 0x200F) || (cp.value >= 0x2028 && cp.value <= 0x202E) ||
      (cp.value >= 0x2060 && cp.value <= 0x2069))
    return trf("{} (an invisible character) is not part of the language", code);
  const std::string_view shown = at.substr(0, static_cast<std::size_t>(cp.bytes));
  for (const Advice& a : advice)
    if (a.c == cp.value) return trf("{} '{}' is not part of the language: {}", code, shown, tr(a.what));
  if (cp.value >= 0x80)
    return trf("{} '{}' is not part of the language: names are written with letters, digits and _", code, shown);
  return trf("{} '{}' is not part of the language", code, shown);
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint cp = decode_utf8(text.substr(at));
    width += is_combining(cp.value) ? 0 : is_wide(cp.value) ? 2 : 1;
    at += static_cast<std::size_t>(cp.bytes);
  }
  return width;
}

}  // namespace gatelab
