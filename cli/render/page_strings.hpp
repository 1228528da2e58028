// Every word a page's script shows, in one table (English for now), so the page can be
// translated in one place. The script looks each up by key: t("next").
#pragma once

#include <nlohmann/json.hpp>

namespace gatelab::cli {

nlohmann::ordered_json page_strings();

}  // namespace gatelab::cli
