#include "gatelab/support/translate.hpp"

#include <cctype>
#include <string_view>

namespace gatelab {

namespace {
Language chosen = Language::english;
Catalog catalog = nullptr;
}  // namespace

void set_language(Language language, Catalog lookup) {
  chosen = language;
  catalog = lookup;
}

Language language() { return chosen; }

LanguageScope::LanguageScope(Language language) : saved_(chosen) { chosen = language; }
LanguageScope::~LanguageScope() { chosen = saved_; }

const char* tr(const char* english) { return chosen == Language::english || !catalog ? english : catalog(english); }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : list_separator()) + item;
  return out;
}

std::string alternatives(const std::vector<std::string>& choices) {
  if (choices.size() < 2) return joined(choices);
  return joined({choices.begin(), choices.end() - 1}) + tr(" or ") + choices.back();
}

std::string substitute(std::string_view message, const std::vector<std::string>& arguments) {
  std::string out;
  std::size_t next = 0;  // the argument an empty {} takes
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c == '{' && i + 1 < message.size() && message[i + 1] == '{') {
      out += '{';
      ++i;
    } else if (c == '}' && i + 1 < message.size() && message[i + 1] == '}') {
      out += '}';
      ++i;
    } else if (c == '{') {
      std::size_t end = i + 1, index = 0;
      bool numbered = false;
      while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end]))) {
        index = index * 10 + static_cast<std::size_t>(message[end++] - '0');
        numbered = true;
      }
      if (end >= message.size() || message[end] != '}') {  // not a placeholder: kept as written
        out += c;
        continue;
      }
      if (!numbered) index = next++;
      if (index < arguments.size()) out += arguments[index];
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace gatelab
