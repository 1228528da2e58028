// gatelab's reports, pictures and pages in Chinese (cli/render, cli/files): the trace's
// headings and tables, the eval report's checks and diagnoses, the quiz, frame captions,
// the HTML page's words and the output files' errors. English stays as the other tests have it.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;

namespace {

const std::vector<std::string> staged{
    "eval", "--file", std::string(GATELAB_STAGED_PROGRAM), "--at", "x=3", "--at", "y=-4", "--lang", "zh"};

std::vector<std::string> with(std::vector<std::string> base, std::initializer_list<std::string> more) {
  base.insert(base.end(), more);
  return base;
}

// Lines with three or more English words in a row (op names, grad(x) and options aside).
std::vector<std::string> english_lines(const std::string& text) {
  static const std::regex sentence(R"(([A-Za-z]{2,}[,;:']? +){2}[A-Za-z]{2,})");
  std::vector<std::string> found;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const std::string words = std::regex_replace(line, std::regex(R"(--[a-z-]+|'[^']*')"), "");
    if (std::regex_search(words, sentence)) found.push_back(line);
  }
  return found;
}

// The display column (a Chinese character is two) where `needle` starts in `line`.
std::size_t column_of(const std::string& line, const std::string& needle) {
  std::size_t column = 0;
  const std::size_t end = line.find(needle);
  for (std::size_t i = 0; i < end && i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    const std::size_t bytes = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    column += bytes == 3 ? 2 : 1;  // the CJK characters these tables use are three bytes
    i += bytes;
  }
  return column;
}

std::string line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) return line;
  return "";
}

}  // namespace

TEST_CASE("eval in Chinese: the trace's headings, the summary's columns aligned by display width") {
  const auto r = run_gatelab(staged);
  INFO(r.out << r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("前向  （每个门由它的输入算出）"));
  CHECK_THAT(r.out, Contains("反向  （f 的梯度：上游梯度 × 局部梯度 = 传回的梯度）"));
  CHECK_THAT(r.out, Contains("[9]  种子"));
  CHECK_THAT(r.out, Contains("（分支处 +=）"));
  CHECK_THAT(r.out, Contains("f（输出）"));
  CHECK(english_lines(r.out).empty());
  // The header "名称  值  梯度" over the rows: each column starts where its header does.
  const std::string header = line_with(r.out, "名称");
  const std::string row = line_with(r.out, "f（输出）");
  REQUIRE(!header.empty());
  REQUIRE(!row.empty());
  CHECK(column_of(header, "值") == column_of(row, "1.5"));
}

TEST_CASE("eval in Chinese: gradient check, expectations and a diagnosis") {
  const auto r = run_gatelab(with(staged, {"--gradcheck", "--expect", "grad(x)=1.5832", "--expect", "f=1.5456"}));
  INFO(r.out << r.err);
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("梯度检查  （反向模式对比中心差分）"));
  CHECK_THAT(r.out, Contains("输入  反向模式  数值梯度"));
  CHECK_THAT(r.out, Contains("预期值"));
  CHECK_THAT(r.out, Contains("不一致"));
  CHECK_THAT(r.out, Contains("一致"));
  CHECK_THAT(
      r.out,
      Contains(
          "grad(x): 1.5832 只是经过 xpy (+1.58319) 的梯度；漏掉了经过 sigx (-0.0357615) 和 num (+0.512144) 的分支："
          "在分支处梯度要相加；grad(x) = 1.58319 + (-0.0357615) + 0.512144 = 2.05957"));
  CHECK(english_lines(r.out).empty());
}

TEST_CASE("eval in Chinese: forward mode's directional derivative, its two lines aligned") {
  const auto r =
      run_gatelab({"eval", "y = x*x + 1", "--at", "x=2", "--mode", "forward", "--tangent", "x=1", "--lang", "zh"});
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Contains("方向导数  （y 沿方向 x = 1）"));
  const std::string forward = line_with(r.out, "前向模式，一次遍历："),
                    reverse = line_with(r.out, "反向模式，grad · 切线值：");
  REQUIRE(!forward.empty());
  REQUIRE(!reverse.empty());
  CHECK(column_of(forward, "4") == column_of(reverse, "4 × 1"));
  CHECK(english_lines(r.out).empty());
}

TEST_CASE("quiz in Chinese: the prompts' answers, a hint, the score") {
  const auto r = run_gatelab({"quiz", "y = x*x + 1", "--at", "x=2", "--lang", "zh"}, {.stdin_text = "?\nabc\n4\ns\n"});
  INFO(r.out << r.err);
  CHECK_THAT(r.out, Contains("提示："));
  CHECK_THAT(r.out, Contains("“abc”不是数字：请输入一个数字，输入 ? 看提示，s 跳过，q 结束"));
  CHECK_THAT(r.out, Contains("✓ 正确"));
  CHECK_THAT(r.out, Contains("已跳过："));
  CHECK_THAT(r.out, Contains("得分："));
  CHECK(english_lines(r.out).empty());
}

TEST_CASE("frames in Chinese: each caption says which step of how many") {
  const std::string dir = make_temp_dir() + "/frames";
  const auto r = run_gatelab({"eval", "y = x*x + 1", "--at", "x=2", "--frames", dir, "--lang", "zh"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string svg = slurp(dir + "/step-001.svg");
  CHECK_THAT(svg, Contains("第 1 步，共 6 步："));
  CHECK_THAT(svg, Contains("Noto Sans CJK SC"));
}

TEST_CASE("the HTML page in Chinese: its script's words, its language, its details") {
  const std::string page = make_temp_dir() + "/page.html";
  const auto r = run_gatelab({"eval", "y = x*x + 1", "--at", "x=2", "--html", page, "--lang", "zh"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  const std::string html = slurp(page);
  CHECK_THAT(html, Contains("<html lang=\"zh-CN\">"));
  CHECK_THAT(html, Contains("\"next\":\"下一步 ▶\""));
  CHECK_THAT(html, Contains("\"step_of\":\"第 {step} 步，共 {steps} 步\""));
  CHECK_THAT(html, Contains("<summary>完整轨迹</summary>"));
  const auto english = run_gatelab({"eval", "y = x*x + 1", "--at", "x=2", "--html", page});
  CHECK_THAT(slurp(page), Contains("<html lang=\"en\">") && Contains("\"next\":\"next ▶\""));
}

TEST_CASE("an output file that cannot be written, in Chinese") {
  const std::string dir = make_temp_dir();
  const auto r = run_gatelab({"eval", "y = x", "--at", "x=1", "--svg", dir + "/missing/y.svg", "--lang", "zh"});
  CHECK(r.status != 0);
  CHECK_THAT(r.err, Contains("无法写入“" + dir + "/missing/y.svg”：目录“" + dir + "/missing”不存在"));
}
