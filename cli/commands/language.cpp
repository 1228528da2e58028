#include "commands/language.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "commands/command_line.hpp"

namespace gatelab::cli {

namespace fs = std::filesystem;

namespace {

Language named(const std::string& value) {
  if (value == "en") return Language::english;
  if (value == "zh") return Language::chinese;
  throw UsageError(trf("--lang '{}': expected en or zh", value));
}

}  // namespace

Language requested_language(const std::vector<std::string>& args, const std::function<const char*(const char*)>& env) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--lang") {
      if (i + 1 == args.size()) throw UsageError(tr("--lang needs a value: en or zh"));
      return named(args[i + 1]);
    }
    if (args[i].rfind("--lang=", 0) == 0) return named(args[i].substr(7));
  }
  for (const char* variable : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = env(variable);
    if (value && *value) return std::string_view(value).substr(0, 2) == "zh" ? Language::chinese : Language::english;
  }
  return Language::english;
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

void choose_language(const std::vector<std::string>& args) {
  set_language(requested_language(args, [](const char* name) { return std::getenv(name); }), catalogs_dir());
}

}  // namespace gatelab::cli
