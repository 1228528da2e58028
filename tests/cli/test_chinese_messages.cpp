// The messages of the library, of `gatelab eval`'s options and of the lesson runner in
// Chinese: a syntax error, a missing input, a misused option, the help and `gatelab check`.
#include <catch2/catch.hpp>

#include "run_gatelab.hpp"

using Catch::Matchers::Contains;

TEST_CASE("a syntax error in Chinese: the place, the message and the caret") {
  const auto r = run_gatelab({"eval", "y = (x + 1", "--at", "x=1", "--lang", "zh"});
  CHECK(r.status == 2);
  CHECK(r.err == "gatelab eval: 第 1 行第 5 列：这个“(”没有闭合：在程序末尾之前应有“)”\n  y = (x + 1\n      ^\n");
}

TEST_CASE("errors of the library in Chinese: shapes, a character, a call's arguments") {
  CHECK_THAT(run_gatelab({"eval", "y = [1, 2] + [1, 2, 3]", "--lang", "zh"}).err,
             Contains("第 1 行第 12 列：无法将一个 2 维向量与一个 3 维向量相加：两者形状必须相同，或其中之一是数"));
  CHECK_THAT(run_gatelab({"eval", "y = x²", "--at", "x=1", "--lang", "zh"}).err,
             Contains("U+00B2“²”不属于这门语言：请写 x^2"));
  CHECK_THAT(run_gatelab({"eval", "y = sqrt(x, x)", "--at", "x=1", "--lang", "zh"}).err,
             Contains("sqrt 需要 1 个参数，但给了 2 个"));
}

TEST_CASE("an input without a value and an unknown input, in Chinese") {
  const auto missing = run_gatelab({"eval", "y = x * z", "--at", "x=1", "--lang", "zh"});
  CHECK(missing.status == 2);
  CHECK(missing.err == "gatelab eval: 第 1 行第 9 列：输入“z”没有值：请加上 --at z=VALUE\n");
  const auto unknown = run_gatelab({"eval", "y = x", "--at", "x=1", "--at", "q=2", "--lang", "zh"});
  CHECK(unknown.err == "gatelab eval: --at q=2: 程序中没有名为“q”的输入（它的输入：x）\n");
}

TEST_CASE("a misused option in Chinese points to the command's help") {
  const auto r = run_gatelab({"eval", "y = x", "--mode", "sideways", "--lang", "zh"});
  CHECK(r.status == 2);
  CHECK(r.err == "gatelab eval: --mode “sideways”：应为 reverse 或 forward （见“gatelab eval --help”）\n");
}

TEST_CASE("the help of eval in Chinese: the options' descriptions, the examples as typed") {
  const auto r = run_gatelab({"eval", "--help", "--lang", "zh"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("计算程序，运行反向传播，并打印每一个值和梯度。\n\n选项：\n"));
  CHECK_THAT(r.out, Contains("  --at NAME=VALUE ") && Contains(" 一个输入的值（每个输入给一次）\n"));
  CHECK_THAT(r.out, Contains("\n示例：\n  gatelab eval 'y = x^2 + 1' --at x=2\n"));
  CHECK_THAT(r.out, Contains("退出状态：0 表示一切正常"));
}

TEST_CASE("gatelab check in Chinese: a line per lesson and the count") {
  const auto r = run_gatelab({"check", "detach", "--lang", "zh"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("通过  detach  ") && Contains(" 个代码块中共 ") && Contains("课程：1 个通过，0 个失败\n"));
}
