// Every sentence gatelab shows a person goes through GNU gettext, in the text domain
// "gatelab" (po/ holds the catalogs; docs/translating.md says how to add a string):
//
//   throw Error(tr("an array needs at least one entry, as in [1, 2]"));
//   throw Error(trf("index {} is out of range: {} is {}", i, name, shape));
//   constexpr const char* caption = tr_later("values");  // marked here, tr(caption) where shown
//
// trf's placeholders are {} in order, or {0} {1} ... by position, so that a translation may
// put the words in its own order. The English text is the message id: with the language
// English, or a message the catalog lacks, tr returns it unchanged.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace gatelab {

enum class Language { english, chinese };

// Where translations come from: a function from an English message to its translation, or
// the message itself when there is none. The library has no catalog of its own (it reads no
// files and sets no environment): the program gives it one, the command line GNU gettext's
// (cli/commands/language.hpp), a web page its own.
using Catalog = const char* (*)(const char* english);

// Chooses the language once, at start-up, with the catalog that translates into it (unused,
// and may be nullptr, for English).
void set_language(Language language, Catalog catalog);
Language language();

// The language for one scope, then the one before (a lesson in Chinese compares an
// `expect-error` with the English message too).
class LanguageScope {
 public:
  explicit LanguageScope(Language language);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  Language saved_;
};

const char* tr(const char* english);
inline std::string tr(std::string_view english) { return tr(std::string(english).c_str()); }
constexpr const char* tr_later(const char* english) { return english; }

// What separates the names of a list in a message: ", " in English, "、" in Chinese.
inline const char* list_separator() { return tr(", "); }

// "a, b or c" ("a、b 或 c"): the choices of a message; `joined` is "a, b, c" ("a、b、c").
std::string alternatives(const std::vector<std::string>& choices);
std::string joined(const std::vector<std::string>& items);

// The arguments' text put into a translated message: see above.
std::string substitute(std::string_view message, const std::vector<std::string>& arguments);

namespace detail {
inline std::string argument_text(const std::string& s) { return s; }
inline std::string argument_text(std::string_view s) { return std::string(s); }
inline std::string argument_text(const char* s) { return s; }
inline std::string argument_text(char c) { return std::string(1, c); }
template <class T,
          class = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>>>
std::string argument_text(T n) {
  return std::to_string(n);
}
// A number with decimals is written by format_number (gatelab/teach/format.hpp) first: never here.
std::string argument_text(double) = delete;
std::string argument_text(float) = delete;
std::string argument_text(bool) = delete;
}  // namespace detail

template <class... Args>
std::string trf(const char* english, const Args&... arguments) {
  return substitute(tr(english), {detail::argument_text(arguments)...});
}

}  // namespace gatelab
