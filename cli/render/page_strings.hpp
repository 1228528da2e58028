// Every word a page's script shows, in one table, in the language chosen (translate.hpp), so
// the page is translated in one place. The script looks each up by key: t("next").
#pragma once

#include <nlohmann/json.hpp>

namespace gatelab::cli {

nlohmann::ordered_json page_strings();

}  // namespace gatelab::cli
