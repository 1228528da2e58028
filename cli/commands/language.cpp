#include "commands/language.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "commands/command_line.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

// Chinese in Traditional characters (Taiwan, Hong Kong, Macau): gatelab has only Simplified.
bool traditional(std::string_view value) {
  for (std::string_view t : {"zh_TW", "zh_HK", "zh_MO", "zh-TW", "zh-HK", "zh-MO", "zh_Hant", "zh-Hant"})
    if (value.substr(0, t.size()) == t) return true;
  return false;
}

// A --lang value: en or zh, or a locale name such as zh_CN, zh_CN.UTF-8 or en_GB.
Language named(const std::string& value) {
  const std::string_view v(value);
  const bool locale_like = v.size() > 2 && (v[2] == '_' || v[2] == '-' || v[2] == '.');
  if (v == "en" || (locale_like && v.substr(0, 2) == "en")) return Language::english;
  if (v == "zh" || (locale_like && v.substr(0, 2) == "zh")) return Language::chinese;
  throw UsageError(trf("--lang '{}': expected en or zh", value));
}

// Whether arg is --lang, or an abbreviation of it the option parser also takes (--la, --lan).
bool is_lang_option(std::string_view arg) { return arg.size() >= 4 && std::string_view("--lang").starts_with(arg); }

Language of_value(std::string_view value) { return value.substr(0, 2) == "zh" ? Language::chinese : Language::english; }

// The --lang value, or the variable's value, that decides the language ("" for none).
std::string deciding_value(const std::vector<std::string>& args, const std::function<const char*(const char*)>& env) {
  for (std::size_t i = 0; i < args.size() && args[i] != "--"; ++i) {
    const std::string& a = args[i];
    const std::size_t equals = a.find('=');
    if (is_lang_option(std::string_view(a).substr(0, equals))) {
      if (equals != std::string::npos) return a.substr(equals + 1);
      if (i + 1 == args.size()) throw UsageError(tr("--lang needs a value: en or zh"));
      if (args[i + 1].empty()) throw UsageError(trf("--lang '{}': expected en or zh", args[i + 1]));
      return args[i + 1];
    }
  }
  // As gettext: the locale is the first of LC_ALL, LC_MESSAGES and LANG that is set; C or
  // POSIX there (LC_ALL=C, as scripts set it) means English whatever LANGUAGE says; else
  // LANGUAGE's first entry (zh_TW:zh_CN) comes first.
  const char* locale = nullptr;
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if (const char* value = env(variable); !locale && value && *value) locale = value;
  if (locale && (std::string_view(locale) == "C" || std::string_view(locale) == "POSIX")) return "C";
  if (const char* value = env("LANGUAGE"); value && *value) {
    const std::string_view list(value);
    return std::string(list.substr(0, list.find(':')));
  }
  return locale ? locale : "";
}

}  // namespace

Language requested_language(const std::vector<std::string>& args, const std::function<const char*(const char*)>& env) {
  for (std::size_t i = 0; i < args.size() && args[i] != "--"; ++i) {
    const std::size_t equals = args[i].find('=');
    if (is_lang_option(std::string_view(args[i]).substr(0, equals))) return named(deciding_value(args, env));
  }
  return of_value(deciding_value(args, env));
}

bool traditional_chinese_requested(const std::vector<std::string>& args,
                                   const std::function<const char*(const char*)>& env) {
  return traditional(deciding_value(args, env));
}

std::string catalogs_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  const fs::path bin = exe.parent_path();
  for (const fs::path& dir : {bin / "locale", (bin / ".." / "share" / "locale").lexically_normal()})
    if (fs::exists(dir / "zh_CN" / "LC_MESSAGES" / "gatelab.mo", ec)) return dir.string();
  return "";
}

namespace {
constexpr const char* text_domain = "gatelab";
const char* gettext_catalog(const char* english) { return ::dgettext(text_domain, english); }
}  // namespace

void use_language(Language language, const std::string& catalogs) {
  if (language == Language::english) return set_language(language, nullptr);
  // gettext reads LANGUAGE only when the message locale is not "C"; C.UTF-8 is present on
  // every Debian machine, so Chinese works where no zh_CN locale has been generated.
  const char* locale = std::setlocale(LC_MESSAGES, "");
  if (!locale || std::string_view(locale) == "C" || std::string_view(locale) == "POSIX")
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  ::setenv("LANGUAGE", "zh_CN", 1);
  // An empty folder would be the working folder to gettext: then the system's (share/locale).
  if (!catalogs.empty()) ::bindtextdomain(text_domain, catalogs.c_str());
  ::bind_textdomain_codeset(text_domain, "UTF-8");
  set_language(language, gettext_catalog);
}

void choose_language(const std::vector<std::string>& args) {
  const auto env = [](const char* name) { return std::getenv(name); };
  const bool traditional = traditional_chinese_requested(args, env);  // before use_language sets LANGUAGE
  use_language(requested_language(args, env), catalogs_dir());
  if (traditional)
    std::cerr << tr("gatelab: gatelab speaks Simplified Chinese, not Traditional: it is shown in Simplified "
                    "characters (--lang zh or --lang en chooses without this note)")
              << "\n";
}

}  // namespace gatelab::cli
