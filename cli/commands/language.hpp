// The language gatelab speaks: `--lang en|zh` on any command, else LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG as gettext reads them (zh, zh_CN.UTF-8, zh_TW ... : Chinese; LC_ALL=C
// or another C locale: English, whatever LANGUAGE says), else English. The Chinese catalog is found beside the
// executable, as the lessons are: `locale/` next to it in the build tree, `../share/locale` from an installed
// `bin/gatelab`.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gatelab/support/translate.hpp"

namespace gatelab::cli {

// The language args ask for with --lang VALUE or --lang=VALUE, else the one env names
// (env: a variable's value, or nullptr when it is not set). --lang takes en or zh, or a
// locale's name (zh_CN, zh_TW.UTF-8, en_GB); throws UsageError for anything else.
Language requested_language(const std::vector<std::string>& args, const std::function<const char*(const char*)>& env);

// Whether the language chosen is Chinese in Traditional characters (zh_TW, zh_HK, zh_MO),
// which gatelab shows in Simplified characters, saying so.
bool traditional_chinese_requested(const std::vector<std::string>& args,
                                   const std::function<const char*(const char*)>& env);

// The folder of compiled catalogs beside the running executable ("" when there is none).
std::string catalogs_dir();

// Speaks `language` from now on, with GNU gettext's catalog in `catalogs` (the folder holding
// zh_CN/LC_MESSAGES/gatelab.mo; "" for the system's). Needs no zh_CN locale on the machine.
void use_language(Language language, const std::string& catalogs);

// Chooses the language of this process from its arguments and environment.
void choose_language(const std::vector<std::string>& args);

}  // namespace gatelab::cli
