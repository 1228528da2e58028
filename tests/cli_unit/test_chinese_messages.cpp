// The library's messages in Chinese, asked for in-process: parse errors with their place,
// a lesson's front matter, the data file, a character's advice, shapes; and the same
// messages in English again under LanguageScope (as a lesson compares an expect-error).
#include <catch2/catch.hpp>

#include <regex>

#include "commands/language.hpp"
#include "gatelab/language/input_text.hpp"
#include "gatelab/language/program.hpp"
#include "gatelab/learning/dataset.hpp"
#include "gatelab/support/translate.hpp"
#include "lesson/format.hpp"

using namespace gatelab;

namespace {

// The message of the gatelab::Error that f throws.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// Chinese for the length of one test case, English again after it.
struct InChinese {
  InChinese() { cli::use_language(Language::chinese, GATELAB_CATALOGS); }
  ~InChinese() { cli::use_language(Language::english, GATELAB_CATALOGS); }
};

bool has_english_sentence(const std::string& text) {
  static const std::regex sentence(R"(([A-Za-z]{2,}[,;:']? +){3}[A-Za-z]{2,})");
  return std::regex_search(text, sentence);
}

}  // namespace

TEST_CASE("parse errors in Chinese: the place and the message, with the suggestion") {
  const InChinese zh;
  const std::string unknown = error_of([] { parse_program("y = sigmod(x)"); });
  CHECK(unknown.rfind("第 1 行第 5 列：未知函数“sigmod”；你是不是想写 sigmoid？（可用的函数：add、sub、", 0) == 0);
  CHECK_FALSE(has_english_sentence(unknown));
  CHECK(error_of([] { parse_program(""); }) == "第 1 行第 1 列：程序是空的：请写一个表达式，例如 y = x * x");
  CHECK(error_of([] { parse_program("y = x +"); }) ==
        "第 1 行第 8 列：这里应是数、名称、“(”或“-”（或用“[”开始一个数组），却遇到了程序末尾");
}

TEST_CASE("a lesson's front matter and the data file: errors in Chinese") {
  const InChinese zh;
  CHECK(error_of([] { parse_lesson("no front matter"); }) ==
        "第 1 行：课程以前置元数据开头：先是一行“---”，然后是“title: ...”和“summary: ...”，最后又是一行“---”");
  CHECK(error_of([] { parse_breast_cancer("1,2,3\n"); }) ==
        "第 1 行：应有 11 个以逗号分隔的字段（id、9 个属性、类别），实际有 3 个");
}

TEST_CASE("a character's advice and an array's shape in Chinese, while shape_text stays English") {
  const InChinese zh;
  CHECK(character_advice("²") == "U+00B2“²”不属于这门语言：请写 x^2");
  CHECK(character_advice("、") == "U+3001“、”不属于这门语言：参数之间请写半角逗号 ,");
  CHECK(shape_words({2, 3}) == "一个 2×3 矩阵");
  CHECK(shape_text({2, 3}) == "a 2x3 matrix");
}

TEST_CASE("under LanguageScope english the same error is English again") {
  const InChinese zh;
  const LanguageScope english(Language::english);
  CHECK(error_of([] {
          parse_program("y = sigmod(x)");
        }).rfind("line 1, column 5: unknown function 'sigmod'; did you mean sigmoid?", 0) == 0);
}
