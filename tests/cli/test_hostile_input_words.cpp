// Careless and hostile input that gatelab once took without a word (docs/reliability.md):
// infinite tolerances and rates, negative rows and epochs, data too short to split, arrays
// with an entry missing, a quiz block 0, junk on standard input, a broken lesson among good
// ones, a byte-order mark, an empty weights file, and an interrupt by SIGQUIT.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>

#include "bad_input.hpp"
#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

const std::string good_lesson =
    "---\ntitle: Tiny\nsummary: one block\n---\nText.\n\n```gatelab\n#| at: x = 2\n"
    "#| expect: y = 4\ny = x * 2\n```\n";

RunOptions lessons_in(const std::string& dir) { return {.env = {"GATELAB_LESSONS=" + dir}}; }

// The first n rows of the shipped data, none with '?'.
std::string data_rows(int n) {
  std::ifstream in(std::string(GATELAB_LESSONS_SOURCE) + "/data/breast-cancer-wisconsin.data");
  std::string text;
  for (std::string line; n > 0 && std::getline(in, line);)
    if (line.find('?') == std::string::npos) text += line + "\n", --n;
  return text;
}

}  // namespace

TEST_CASE("options: infinite or negative values are refused with one line") {
  check_bad_input({"eval", "y = x", "--at", "x=1", "--expect", "y=1", "--tol", "inf"}, "--tol must be a finite number");
  check_bad_input({"train", "--constraint", "ste", "--lr", "inf"}, "--lr must be a finite number > 0");
  check_bad_input({"train", "--constraint", "ste", "--trace-sample", "-2"}, "--trace-sample -2: expected a row number");
  check_bad_input({"train", "--constraint", "ste", "--trace-sample", "0", "--trace-epoch", "-5"},
                  "--trace-epoch -5: expected an epoch");
  check_bad_input({"quiz", "--lesson", "detach", "--block", "0"}, "--block 0: lesson detach has blocks 1 to");
}

TEST_CASE("arrays: a literal with an entry missing is an error, not a shorter array") {
  check_bad_input({"eval", "y = sum(v)", "--at", "v=[1, 2,]"}, "an entry of '[1, 2,]' is missing");
  check_bad_input({"eval", "y = sum(v)", "--at", "v=[1,, 2]"}, "is missing");
  check_bad_input({"eval", "y = sum(v)", "--at", "v=[[1, 2], [3, 4],]"}, "is missing");
  const auto program = run_gatelab({"eval", "y = sum([1, 2,])"});
  CHECK(program.status == 2);
}

TEST_CASE("data: fewer than five complete rows leave a split empty, and are refused") {
  const std::string dir = make_temp_dir();
  for (const int rows : {1, 3}) {
    std::ofstream(dir + "/few.data") << data_rows(rows);
    check_bad_input({"train", "--constraint", "ste", "--data", dir + "/few.data"}, "the split needs at least 5");
  }
}

TEST_CASE("data: the rows with '?' left out are counted") {
  // The shipped data has 699 rows, 16 of them with a '?' (shared/data/README.md: 683 kept).
  const auto r = run_gatelab({"train", "--constraint", "ste", "--max-epochs", "1", "--no-color"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("16 rows with '?' (a missing value) left out"));
  const auto json = run_gatelab({"train", "--constraint", "ste", "--max-epochs", "1", "--json"});
  CHECK_THAT(json.out, Contains("\"dropped_rows\":16"));
}

TEST_CASE("lessons: one without front matter is reported, and the others are listed and checked") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/01-good.md") << good_lesson;
  std::ofstream(dir + "/02-broken.md") << "no front matter here\n";
  std::ofstream(dir + "/03-also-good.md") << good_lesson;
  const auto list = run_gatelab({"lessons"}, lessons_in(dir));
  CHECK(list.status == 2);
  CHECK_THAT(list.out, Contains("good") && Contains("also-good"));
  CHECK_THAT(list.err, Contains("02-broken.md"));
  const auto check = run_gatelab({"check"}, lessons_in(dir));
  CHECK(check.status == 1);
  CHECK_THAT(check.out, Contains("PASS  good") && Contains("PASS  also-good") && Contains("02-broken.md"));
  CHECK_THAT(check.out, Contains("2 passed, 1 failed"));
}

TEST_CASE("lessons: a file, an empty folder or / as the lessons folder is said so") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/file.md") << good_lesson;
  const auto file = run_gatelab({"lessons"}, lessons_in(dir + "/file.md"));
  CHECK(file.status == 2);
  CHECK_THAT(file.err, Contains("is a file, not a folder"));
  fs::create_directory(dir + "/empty");
  for (const std::string& folder : {dir + "/empty", std::string("/")})
    for (const char* command : {"lessons", "check"}) {
      INFO(command << " in " << folder);
      const auto r = run_gatelab({command}, lessons_in(folder));
      CHECK(r.status == 2);
      CHECK_THAT(r.err, Contains("holds no lessons"));
    }
}

TEST_CASE("quiz: junk on standard input ends the quiz with a word") {
  const std::vector<std::string> quiz = {"quiz", "y = x * 2", "--at", "x=3", "--no-color"};
  std::string junk;
  for (int i = 0; i < 1'000'000; ++i) junk += std::string("\x01\xff\x00junk\n", 9);  // with its NUL
  const auto many = run_gatelab(quiz, {.stdin_text = junk});
  CHECK(many.status == 1);
  CHECK_THAT(many.out, Contains("10 replies in a row are not numbers"));
  CHECK(many.out.size() < 10'000);
  CHECK(many.out.find('\x01') == std::string::npos);
  const auto long_line = run_gatelab(quiz, {.stdin_text = std::string(10'000'000, '7') + "\n"});
  CHECK(long_line.status == 1);
  CHECK_THAT(long_line.out, Contains("a reply is longer than 4096 bytes"));
  const auto predict = run_gatelab({"eval", "y = x * 2", "--at", "x=3", "--step", "--predict", "--no-color"},
                                   {.stdin_text = std::string(5'000'000, '\0')});
  CHECK(predict.status == 1);
  CHECK_THAT(predict.out, Contains("a reply is longer than 4096 bytes"));
}

TEST_CASE("messages: a byte-order mark is named, an empty weights file and a deep --at are one short line") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/bom.gl") << "\xEF\xBB\xBFy = x\n";
  check_bad_input({"eval", "--file", dir + "/bom.gl", "--at", "x=1"}, "UTF-8 byte-order mark");
  check_bad_input({"eval", "\xEF\xBB\xBFy = x", "--at", "x=1"}, "U+FEFF (a UTF-8 byte-order mark", 3);
  std::ofstream(dir + "/empty.json").close();
  check_bad_input({"train", "--constraint", "ste", "--init-weights", dir + "/empty.json"},
                  "the file is empty: expected the JSON that --save-weights writes");
  const auto deep =
      run_gatelab({"eval", "y = x", "--at", "x=" + std::string(60'000, '[') + "1" + std::string(60'000, ']')});
  CHECK(deep.status == 2);
  CHECK(deep.err.size() < 300);
  CHECK(std::count(deep.err.begin(), deep.err.end(), '\n') == 1);
}

TEST_CASE("lessons: a descent with a step size of 0 or less is refused, naming the line") {
  const std::string dir = make_temp_dir();
  for (const char* lr : {"-1", "0"}) {
    std::ofstream(dir + "/01-descent.md")
        << "---\ntitle: D\nsummary: s\n---\nT.\n\n```gatelab\n#| at: w = 0\n"
        << "#| data: t = 3\n#| descend: w\n#| lr: " << lr << "\n#| steps: 2\nloss = (w - t)^2\n```\n";
    check_bad_input({"lesson", dir + "/01-descent.md"},
                    "01-descent.md:11: lr: '" + std::string(lr) + "' is not a number > 0");
  }
}
