#include "gatelab/translate.hpp"

#include <libintl.h>

#include <cctype>
#include <clocale>
#include <cstdlib>
#include <string_view>

namespace gatelab {

namespace {
constexpr const char* domain = "gatelab";
Language chosen = Language::english;
}  // namespace

void set_language(Language language, const std::string& catalogs) {
  chosen = language;
  if (language == Language::english) return;
  // gettext reads LANGUAGE only when the message locale is not "C"; C.UTF-8 is present on
  // every Debian machine, so Chinese works where no zh_CN locale has been generated.
  const char* locale = std::setlocale(LC_MESSAGES, "");
  if (!locale || std::string_view(locale) == "C" || std::string_view(locale) == "POSIX") std::setlocale(LC_MESSAGES, "C.UTF-8");
  ::setenv("LANGUAGE", "zh_CN", 1);
  // An empty folder would be the working folder to gettext: then the system's (share/locale).
  if (!catalogs.empty()) ::bindtextdomain(domain, catalogs.c_str());
  ::bind_textdomain_codeset(domain, "UTF-8");
}

Language language() { return chosen; }

LanguageScope::LanguageScope(Language language) : saved_(chosen) { chosen = language; }
LanguageScope::~LanguageScope() { chosen = saved_; }

const char* tr(const char* english) { return chosen == Language::english ? english : ::dgettext(domain, english); }

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
