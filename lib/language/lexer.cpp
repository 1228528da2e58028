#include "lexer.hpp"
#include "gatelab/support/decimal.hpp"
#include "gatelab/support/translate.hpp"
#include "name_chars.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace gatelab::detail {

std::string Lexer::line_text(int line) const {
  std::size_t start = 0;
  for (int l = 1; l < line && start < original_.size(); ++l) {
    const auto nl = original_.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  const auto end = original_.find('\n', start);
  std::string s(original_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

namespace {

// The kind of a token of one character, or Tok::End for a character that starts none.
Tok single_character(char c) {
  switch (c) {
    case '\n':
      return Tok::Newline;
    case '+':
      return Tok::Plus;
    case '-':
      return Tok::Minus;
    case '*':
      return Tok::Star;
    case '@':
      return Tok::At;
    case '[':
      return Tok::LBracket;
    case ']':
      return Tok::RBracket;
    case '/':
      return Tok::Slash;
    case '^':
      return Tok::Caret;
    case '(':
      return Tok::LParen;
    case ')':
      return Tok::RParen;
    case ',':
      return Tok::Comma;
    case '=':
      return Tok::Assign;
    case ';':
      return Tok::Semicolon;
    default:
      return Tok::End;
  }
}

template <std::size_t N>
bool in(const CharRange (&ranges)[N], char32_t c) {
  const auto* r = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                   [](char32_t v, const CharRange& range) { return v < range.first; });
  return r != std::begin(ranges) && c <= std::prev(r)->last;
}

// The length in bytes of the name character starting s (a letter of any script, a digit, _
// and the marks that join them, as in Python's identifiers), or 0.
std::size_t name_char(std::string_view s, bool first) {
  const CodePoint cp = decode_utf8(s);
  if (cp.bytes == 0 || (cp.value == 0xFFFD && cp.bytes == 1)) return 0;
  const bool name = first ? in(name_start, cp.value) : in(name_continue, cp.value);
  return name ? static_cast<std::size_t>(cp.bytes) : 0;
}

}  // namespace

void Lexer::skip_blanks() {
  while (at_ < text_.size()) {
    const char c = text_[at_];
    if (c == '#') {
      while (at_ < text_.size() && text_[at_] != '\n') ++at_;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++at_;
    } else {
      return;
    }
  }
}

Token Lexer::number(SourcePos pos) {
  const std::size_t start = at_;
  Token t{Tok::Number, {}, pos};
  const auto [end, ec] = read_decimal(text_.data() + start, text_.data() + text_.size(), t.number);
  if (ec == std::errc::result_out_of_range)
    throw ParseError(pos, tr("the number is too large for a double"), line_text(line_));
  if (ec != std::errc{}) throw ParseError(pos, tr("'.' must be part of a number such as 0.5"), line_text(line_));
  at_ = static_cast<std::size_t>(end - text_.data());
  t.text = text_.substr(start, at_ - start);
  return t;
}

Token Lexer::next() {
  skip_blanks();
  const SourcePos pos{line_, folded_.columns[at_]};
  if (at_ >= text_.size()) return {Tok::End, {}, pos};
  const std::size_t start = at_;
  const char c = text_[at_];
  if (c == '*' && start + 1 < text_.size() && text_[start + 1] == '*') {  // x ** 2, as Python writes x ^ 2
    at_ += 2;
    return {Tok::Caret, text_.substr(start, 2), pos};
  }
  if (const Tok kind = single_character(c); kind != Tok::End) {
    ++at_;
    if (kind == Tok::Newline) ++line_;
    return {kind, text_.substr(start, 1), pos};
  }
  const auto u = static_cast<unsigned char>(c);
  if (std::size_t n = name_char(text_.substr(at_), true)) {
    do at_ += n;
    while (at_ < text_.size() && (n = name_char(text_.substr(at_), false)) > 0);
    return {Tok::Name, text_.substr(start, at_ - start), pos};
  }
  if (std::isdigit(u) || c == '.') return number(pos);
  if (u < 0x20 || u >= 0x7f) throw ParseError(pos, character_advice(text_.substr(start)), line_text(line_));
  throw ParseError(pos, trf("unexpected '{}': expected a number, a name or an operator", c), line_text(line_));
}

std::string describe(const Token& t) {
  switch (t.kind) {
    case Tok::End:
      return tr("the end of the program");
    case Tok::Newline:
      return tr("the end of the line");
    case Tok::Name:
      return trf("the name '{}'", t.text);
    case Tok::Number:
      return trf("the number {}", t.text);
    default:
      return "'" + std::string(t.text) + "'";
  }
}

}  // namespace gatelab::detail
