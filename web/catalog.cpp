#include "catalog.hpp"

#include <string>
#include <unordered_map>

#include "gatelab/support/translate.hpp"

namespace gatelab::web {

namespace {

std::unordered_map<std::string, std::string>& table() {
  static std::unordered_map<std::string, std::string> messages;
  return messages;
}

// A message the table lacks stays English, as gettext leaves it.
const char* look_up(const char* english) {
  const auto it = table().find(english);
  return it == table().end() ? english : it->second.c_str();
}

}  // namespace

void use_catalog(const std::string& language, const nlohmann::json& table_json) {
  if (language != "zh") {
    set_language(Language::english, nullptr);
    return;
  }
  std::unordered_map<std::string, std::string> messages;
  for (const auto& [english, chinese] : table_json.items()) messages[english] = chinese.get<std::string>();
  table() = std::move(messages);
  set_language(Language::chinese, look_up);
}

}  // namespace gatelab::web
