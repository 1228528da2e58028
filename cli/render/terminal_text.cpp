#include "render/terminal_text.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <streambuf>

namespace gatelab::cli {

namespace {

bool is_control(unsigned char c) { return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F; }

// The length of an SGR sequence (ESC [ digits and ';' m) at text, 0 if there is none, or
// npos if text ends before it could.
std::size_t sgr_length(std::string_view text) {
  if (text.size() < 2) return std::string_view::npos;
  if (text[1] != '[') return 0;
  for (std::size_t i = 2; i < text.size() && i < 32; ++i) {
    if (text[i] == 'm') return i + 1;
    if ((text[i] < '0' || text[i] > '9') && text[i] != ';') return 0;
  }
  return text.size() < 32 ? std::string_view::npos : 0;
}

}  // namespace

std::size_t escape_controls(std::string_view text, bool on_terminal, bool last, std::string& out) {
  std::size_t from = 0;  // text[from, i) is written as it is
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80;
    if (c == 0xC2 && i + 1 == text.size() && !last) break;  // the next byte says
    if (!is_control(c) && !c1) continue;
    if (on_terminal && c == '\r') continue;
    if (on_terminal && c == 0x1B) {
      const std::size_t sgr = sgr_length(text.substr(i));
      if (sgr == std::string_view::npos && !last) break;
      if (sgr != 0 && sgr != std::string_view::npos) {
        i += sgr - 1;
        continue;
      }
    }
    out.append(text.substr(from, i - from));
    if (c1) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
    from = i + 1;
  }
  out.append(text.substr(from, i - from));
  return i;
}

std::string terminal_text(std::string_view text) {
  std::string out;
  escape_controls(text, false, true, out);
  return out;
}

// A stream buffer before another: what is written passes escape_controls on its way.
struct TerminalGuard::Filter : std::streambuf {
  Filter(std::ostream& stream, int fd) : stream_(stream), to_(stream.rdbuf()), terminal_(::isatty(fd)) {
    stream_.rdbuf(this);
  }
  ~Filter() override {
    pass(true);
    stream_.rdbuf(to_);
  }
  Filter(const Filter&) = delete;
  Filter& operator=(const Filter&) = delete;

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const std::string_view text(s, static_cast<std::size_t>(n));
    if (!pending_.empty()) {
      pending_.append(text);
      return pass(false) ? n : 0;
    }
    const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
      const auto u = static_cast<unsigned char>(c);
      return u == 0xC2 || is_control(u);
    });
    if (plain) return to_->sputn(s, n);  // the common case: nothing to escape, nothing copied
    std::string shown;
    const std::size_t took = escape_controls(text, terminal_, false, shown);
    pending_.assign(text.substr(took));
    return to_->sputn(shown.data(), static_cast<std::streamsize>(shown.size())) ==
                   static_cast<std::streamsize>(shown.size())
               ? n
               : 0;
  }
  int sync() override { return pass(true) && to_->pubsync() == 0 ? 0 : -1; }

 private:
  bool pass(bool last) {
    std::string shown;
    const std::size_t took = escape_controls(pending_, terminal_, last, shown);
    pending_.erase(0, took);
    const auto size = static_cast<std::streamsize>(shown.size());
    return to_->sputn(shown.data(), size) == size;
  }

  std::ostream& stream_;
  std::streambuf* to_;
  bool terminal_;
  std::string pending_;
};

TerminalGuard::TerminalGuard()
    : out_(std::make_unique<Filter>(std::cout, STDOUT_FILENO)),
      err_(std::make_unique<Filter>(std::cerr, STDERR_FILENO)) {}

TerminalGuard::~TerminalGuard() = default;

}  // namespace gatelab::cli
