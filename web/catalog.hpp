// The page's translations: a table from English message to Chinese, as JSON, made at build
// time from the compiled catalog (web/catalog_json.py) and embedded in a Chinese page. The
// library asks it through its Catalog seam (gatelab/support/translate.hpp), as the command
// asks GNU gettext.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace gatelab::web {

// language "zh" with its table {"english": "中文", ...}, or "en" (the table unused). Throws
// nlohmann's error for a table that is not an object of strings.
void use_catalog(const std::string& language, const nlohmann::json& table);

}  // namespace gatelab::web
