// Choosing the language (--lang, then LANGUAGE, LC_ALL, LC_MESSAGES, LANG), putting
// arguments into a translated message, and the Chinese lessons' blocks being the English ones.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "commands/command_line.hpp"
#include "commands/language.hpp"
#include "lesson/format.hpp"
#include "run/input_file.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

Language chosen(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
  return requested_language(args, [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

bool traditional(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {}) {
  return traditional_chinese_requested(args, [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
}

}  // namespace

TEST_CASE("the option lang takes a locale's name too: zh_CN, zh_TW.UTF-8 and en_GB, but nothing else") {
  CHECK(chosen({"lessons", "--lang", "zh_CN"}) == Language::chinese);
  CHECK(chosen({"lessons", "--lang=zh_CN.UTF-8"}) == Language::chinese);
  CHECK(chosen({"lessons", "--lang", "zh-Hans"}) == Language::chinese);
  CHECK(chosen({"lessons", "--lang", "en_GB"}) == Language::english);
  CHECK_THROWS_AS(chosen({"lessons", "--lang", "zhx"}), UsageError);
  CHECK_THROWS_AS(chosen({"lessons", "--lang", "enzh"}), UsageError);
  CHECK_THROWS_AS(chosen({"lessons", "--lang", ""}), UsageError);
}

TEST_CASE("Chinese in Traditional characters is shown in Simplified ones, and said to be") {
  CHECK(chosen({"lessons", "--lang", "zh_TW"}) == Language::chinese);
  CHECK(traditional({"lessons", "--lang", "zh_TW"}));
  CHECK(traditional({}, {{"LANG", "zh_HK.UTF-8"}}));
  CHECK(traditional({}, {{"LANGUAGE", "zh_TW:zh_CN"}, {"LANG", "en_US.UTF-8"}}));
  CHECK_FALSE(traditional({}, {{"LANGUAGE", "zh_CN:zh_TW"}}));
  CHECK_FALSE(traditional({"lessons", "--lang", "zh"}, {{"LANG", "zh_TW.UTF-8"}}));  // --lang decides
  CHECK_FALSE(traditional({}, {{"LANG", "zh_CN.UTF-8"}}));
  CHECK_FALSE(traditional({}, {{"LANGUAGE", "zh_TW"}, {"LC_ALL", "C"}}));  // English
}

TEST_CASE("the option lang picks the language, before any variable of the environment") {
  CHECK(chosen({"lessons", "--lang", "zh"}) == Language::chinese);
  CHECK(chosen({"lessons", "--lang=zh"}) == Language::chinese);
  CHECK(chosen({"lessons", "--lang", "en"}, {{"LANG", "zh_CN.UTF-8"}}) == Language::english);
  CHECK_THROWS_AS(chosen({"lessons", "--lang", "fr"}), UsageError);
  CHECK_THROWS_AS(chosen({"lessons", "--lang"}), UsageError);
  CHECK(chosen({"lessons", "--lan", "zh"}) == Language::chinese);  // the option parser takes abbreviations
  CHECK(chosen({"lessons", "--la=zh"}) == Language::chinese);
  CHECK(chosen({"eval", "--", "--lang"}) == Language::english);  // after --: a program, not an option
}

TEST_CASE(
    "without the option lang: LANGUAGE, else the first of LC_ALL, LC_MESSAGES and LANG that is set, zh_* Chinese") {
  CHECK(chosen({}) == Language::english);
  CHECK(chosen({}, {{"LANG", "zh_CN.UTF-8"}}) == Language::chinese);
  CHECK(chosen({}, {{"LANG", "zh_TW.UTF-8"}}) == Language::chinese);
  CHECK(chosen({}, {{"LANG", "en_US.UTF-8"}}) == Language::english);
  CHECK(chosen({}, {{"LANGUAGE", "zh_CN:en"}, {"LANG", "en_US.UTF-8"}}) == Language::chinese);
  CHECK(chosen({}, {{"LC_ALL", "en_GB.UTF-8"}, {"LANG", "zh_CN.UTF-8"}}) == Language::english);
  CHECK(chosen({}, {{"LC_MESSAGES", "zh_CN.UTF-8"}, {"LANG", "C"}}) == Language::chinese);
  CHECK(chosen({}, {{"LANGUAGE", ""}, {"LANG", "zh_CN.UTF-8"}}) == Language::chinese);  // empty: not set
  CHECK(chosen({}, {{"LANGUAGE", "zh_CN"}}) == Language::chinese);
}

TEST_CASE("a C locale means English whatever LANGUAGE says, as gettext has it: LC_ALL=C in scripts") {
  CHECK(chosen({}, {{"LANGUAGE", "zh_CN:zh"}, {"LC_ALL", "C"}, {"LANG", "zh_CN.UTF-8"}}) == Language::english);
  CHECK(chosen({}, {{"LANGUAGE", "zh_CN:zh"}, {"LANG", "POSIX"}}) == Language::english);
  CHECK(chosen({"check", "--lang", "zh"}, {{"LC_ALL", "C"}}) == Language::chinese);  // --lang still wins
}

TEST_CASE("a message's arguments go where its placeholders are, in order or by number") {
  CHECK(substitute("{} is {}", {"x", "2"}) == "x is 2");
  CHECK(substitute("{1} 是 {0} 的梯度", {"x", "grad(x)"}) == "grad(x) 是 x 的梯度");
  CHECK(substitute("{{x}} = {}", {"1"}) == "{x} = 1");
  CHECK(substitute("{} and {}", {"a"}) == "a and ");  // a missing argument leaves nothing
  CHECK(substitute("{x} {", {}) == "{x} {");          // not placeholders: kept
  CHECK(trf("index {} of {}", 3, std::string("W")) == "index 3 of W");
}

TEST_CASE("in Chinese a message comes from the catalog, and a scope can switch back to English") {
  cli::use_language(Language::chinese, GATELAB_CATALOGS);
  const std::string english = "--lang needs a value: en or zh";
  const std::string chinese = tr(english.c_str());
  {
    const LanguageScope scope(Language::english);
    CHECK(tr(english.c_str()) == english);
  }
  cli::use_language(Language::english, GATELAB_CATALOGS);
  CHECK(chinese != english);
  CHECK(chinese.find("--lang") != std::string::npos);  // the option's name stays as typed
  CHECK(tr(english.c_str()) == english);
}

// A block's program with the text of its `#| published:` lines left out: a published result
// is words for a reader ("loss never moves"), written in each lesson's own language.
static std::string without_published_text(const std::string& program) {
  std::string out;
  for (std::size_t start = 0; start < program.size();) {
    const auto end = std::min(program.find('\n', start), program.size());
    std::string line = program.substr(start, end - start);
    if (line.rfind("#| published:", 0) == 0) line = line.substr(0, line.find('='));
    out += line + "\n";
    start = end + 1;
  }
  return out;
}

TEST_CASE("every lesson has its Chinese version in lessons/zh, with the same program blocks") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(GATELAB_SOURCE_DIR) / "lessons";
  int lessons = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const fs::path en = entry.path();
    if (en.extension() != ".md" || en.filename() == "README.md") continue;
    ++lessons;
    const fs::path zh = dir / "zh" / en.filename();
    INFO(zh.string());
    REQUIRE(fs::exists(zh));
    const Lesson english = parse_lesson(read_file(en.string()));
    const Lesson chinese = parse_lesson(read_file(zh.string()));
    CHECK(chinese.title != english.title);
    REQUIRE(chinese.blocks.size() == english.blocks.size());
    for (std::size_t b = 0; b < english.blocks.size(); ++b) {
      INFO("block " << b + 1);
      CHECK(without_published_text(chinese.blocks[b].program) == without_published_text(english.blocks[b].program));
    }
  }
  CHECK(lessons >= 22);
}
