#include "commands/help_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "gatelab/language/input_text.hpp"
#include "gatelab/support/translate.hpp"
#include "render/text_columns.hpp"

namespace gatelab::cli {

namespace po = boost::program_options;

namespace {

constexpr std::size_t line_width = 80;
constexpr std::size_t widest_option_column = 28;

const char* const examples = tr_later(R"(Examples:
  gatelab eval 'y = x^2 + 1' --at x=2
      ...
        [5] pow#2 → x   1 × 4 = 4   grad(x) = 4
  gatelab eval 'f = (x + y) * z' --at x=-2 --at y=5 --at z=-4 --svg f.svg
  gatelab eval 'y = detach(x^2 + 1) + x' --at x=2 --gradcheck
  gatelab lesson detach
  gatelab check
  gatelab train --constraint ste
  gatelab quiz 'q = x + y; f = q * z' --at x=-2 --at y=5 --at z=-4
  gatelab eval --help)");

// Where a line may break: at a space, or before or after a wide (Chinese) character, but not
// before a Chinese punctuation mark (，。：、) or a closing bracket.
struct Piece {
  std::string text;
  bool space_before = false;
};

bool no_break_before(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || c == 0xFF1A || c == 0xFF1B || c == 0xFF1F ||
         c == 0xFF09;
}

std::vector<Piece> pieces(const std::string& text) {
  std::vector<Piece> out;
  bool space = false, last_wide = false;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint c = decode_utf8(std::string_view(text).substr(i));
    const auto n = static_cast<std::size_t>(std::max(c.bytes, 1));
    const std::string ch = text.substr(i, n);
    i += n;
    if (ch == " ") {
      space = true;
      continue;
    }
    const bool wide = display_width(ch) == 2;
    const bool breaks = out.empty() || space || ((wide || last_wide) && !no_break_before(c.value));
    if (breaks)
      out.push_back({ch, space});
    else
      out.back().text += ch;
    space = false;
    last_wide = wide;
  }
  return out;
}

// Does the text end, or begin, with a wide (Chinese) character?
bool ends_wide(const std::string& s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  return i > 0 && display_width(std::string_view(s).substr(i - 1)) == 2;
}
bool begins_wide(const std::string& s) {
  return !s.empty() &&
         display_width(std::string_view(s).substr(0, static_cast<std::size_t>(decode_utf8(s).bytes))) == 2;
}

// A line that ends a sentence (or introduces a list) ends its paragraph.
bool ends_sentence(const std::string& s) {
  for (const std::string_view end : {".", ":", "。", "："})
    if (s.size() >= end.size() && std::string_view(s).substr(s.size() - end.size()) == end) return true;
  return false;
}

// Notes as the help shows them: lines that start with a space (examples, a directive list) as
// written, the others joined into paragraphs and wrapped to the line width.
std::string reflowed(const std::string& notes) {
  std::string out, paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) out += wrapped(paragraph, line_width, 0) + "\n";
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= notes.size()) {
    std::size_t end = notes.find('\n', start);
    if (end == std::string::npos) end = notes.size();
    const std::string line = notes.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == ' ') {
      flush();
      out += line + "\n";
    } else if (paragraph.empty()) {
      paragraph = line;
    } else {
      paragraph += (ends_wide(paragraph) || begins_wide(line) ? "" : " ") + line;
    }
    if (ends_sentence(paragraph)) flush();
  }
  flush();
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace

std::string wrapped(const std::string& text, std::size_t width, std::size_t indent) {
  std::string out, line;
  std::size_t used = indent;
  for (const Piece& p : pieces(text)) {
    std::size_t gap = line.empty() || !p.space_before ? 0 : 1;
    const std::size_t w = display_width(p.text);
    if (!line.empty() && used + gap + w > width) {
      out += line + "\n" + std::string(indent, ' ');
      line.clear();
      used = indent;
      gap = 0;
    }
    line += (gap ? " " : "") + p.text;
    used += gap + w;
  }
  return out + line;
}

const po::options_description& common_options() {
  static std::string lang;
  static const po::options_description common = [] {
    po::options_description d;
    d.add_options()("lang", po::value(&lang)->value_name("en|zh"),
                    tr("the language of messages: en or zh (else LANGUAGE, LC_ALL, LC_MESSAGES, LANG)"));
    return d;
  }();
  return common;
}

std::string option_synopsis(const po::option_description& option) {
  std::string parameter = option.format_parameter();
  if (parameter.rfind("arg", 0) == 0) {
    parameter = option.long_name();
    std::transform(parameter.begin(), parameter.end(), parameter.begin(),
                   [](unsigned char c) { return c == '-' ? '_' : static_cast<char>(std::toupper(c)); });
  }
  // format_name() is "-h [ --help ]" for an option with a short name, else "--json".
  const std::string name = "--" + option.long_name();
  const std::string formatted = option.format_name();
  const std::string shown = formatted.rfind("--", 0) == 0 ? name : formatted.substr(0, 2) + ", " + name;
  return parameter.empty() ? shown : shown + " " + parameter;
}

std::string synopsis_line(const Command& c) {
  return "gatelab " + std::string(c.name) + (c.synopsis[0] ? " " + tr(std::string_view(c.synopsis)) : "");
}

std::string help_text(const Command& command) {
  const CommandHelp help = command.help();
  std::vector<const po::option_description*> all;
  for (const auto& o : help.options.options()) all.push_back(o.get());
  for (const auto& o : common_options().options()) all.push_back(o.get());
  std::size_t column = 0;
  for (const auto* o : all) column = std::max(column, width(option_synopsis(*o)));
  column = std::min(column, widest_option_column) + 4;
  std::string out = synopsis_line(command) + "\n\n" +
                    wrapped(tr(std::string_view(command.description)), line_width, 0) + "\n\n" + tr("Options:") + "\n";
  for (const auto* o : all) {
    const std::string left = "  " + option_synopsis(*o);
    const bool own_line = width(left) + 2 > column;
    out += own_line ? left + "\n" + std::string(column, ' ') : pad(left, column);
    out += wrapped(o->description(), line_width, column) + "\n";
  }
  return out + "\n" + reflowed(help.notes) + "\n";
}

std::string usage_text() {
  std::string out = std::string(tr("gatelab: every value and every gradient of a computational graph, step by step.")) +
                    "\n\n" + tr("Usage:") + "\n";
  for (const Command& c : command_table())  // the synopsis, and under it what the command does
    out += "  " + synopsis_line(c) + "\n" + std::string(6, ' ') +
           wrapped(tr(std::string_view(c.summary)), line_width, 6) + "\n";
  out += "  gatelab --help | gatelab COMMAND --help\n";
  out += wrapped(tr("Every command takes --lang en|zh (else LANGUAGE, LC_ALL, LC_MESSAGES or LANG: zh_* is Chinese)."),
                 line_width, 0) +
         "\n\n";
  return out + tr(examples) + "\n";
}

}  // namespace gatelab::cli
