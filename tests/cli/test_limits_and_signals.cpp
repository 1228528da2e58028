// gatelab at its limits and interrupted (docs/reliability.md): a program too large, a data
// file too large, nesting a million deep, Ctrl-C or SIGTERM while it trains or writes, a
// pipe closed early, and lesson names that try to leave the lessons folder.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../repeated_list.hpp"
#include "run_gatelab.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

// gatelab started in dir, its output in files of a folder of its own; not waited for.
pid_t start_gatelab(const std::vector<std::string>& args, const std::string& dir) {
  const std::string logs = make_temp_dir();
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid > 0) return pid;
  const rlimit no_core{0, 0};  // SIGQUIT dumps no core into the folder
  ::setrlimit(RLIMIT_CORE, &no_core);
  const int out = ::open((logs + "/stdout").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(out, 1);
  ::dup2(out, 2);
  if (::chdir(dir.c_str()) != 0) ::_exit(126);
  std::vector<char*> argv{const_cast<char*>(GATELAB_BINARY)};
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(GATELAB_BINARY, argv.data());
  ::_exit(127);
}

// The signal that ended the process, or 0 when it exited.
int ending_signal(pid_t pid) {
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

// Waits until dir holds a temporary of an output file (".NAME.XXXXXX").
bool temporary_appears(const std::string& dir) {
  for (int tries = 0; tries < 6000; ++tries) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().filename().string().starts_with(".")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("limits: a 4 KB program that would make two billion gates stops with one line") {
  const std::string program =
      "v = " + repeated_list("x", 1000) + "\nM = " + repeated_list("v", 1000) + "\ny = sum(M @ M)\n";
  const auto r = run_gatelab({"eval", program, "--at", "x=1"});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err,
             StartsWith("gatelab eval: line 3, column 11: the program is too large: it makes more than 2097152 nodes"));
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 3);  // the line, the program line and the caret
}

TEST_CASE("limits: an error in a line of millions of characters shows the part around it") {
  const std::string dir = make_temp_dir();
  {
    std::ofstream program(dir + "/sum.gl");
    program << "y = x";
    for (int i = 0; i < 1'000'000; ++i) program << " + x";
    program << " + )\n";
  }
  const auto wrong = run_gatelab({"eval", "--file", dir + "/sum.gl", "--at", "x=1"});
  CHECK(wrong.status == 2);
  CHECK_THAT(wrong.err, StartsWith("gatelab eval: " + dir + "/sum.gl:1:4000009: expected a number"));
  CHECK(wrong.err.size() < 400);
  std::ofstream(dir + "/sum.gl") << "y = " << std::string(10'000'000, '-') << "x\n";  // past the limit
  const auto large = run_gatelab({"eval", "--file", dir + "/sum.gl", "--at", "x=1"});
  CHECK(large.status == 2);
  CHECK_THAT(large.err, Contains("the program is too large"));
  CHECK(large.err.size() < 400);
}

TEST_CASE("limits: a data file of 1 GB is refused before it is read") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/big.data").close();
  fs::resize_file(dir + "/big.data", std::uintmax_t{1} << 30);  // sparse: no disk is used
  const auto r = run_gatelab({"train", "--constraint", "ste", "--data", dir + "/big.data"});
  CHECK(r.status == 2);
  CHECK(r.err == "gatelab train: cannot read '" + dir +
                     "/big.data': it is larger than 64 MiB, the most gatelab reads (docs/reliability.md)\n");
}

TEST_CASE("limits: a program nested a million parentheses deep runs") {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/deep.gl") << "y = " << std::string(1'000'000, '(') << "x * 2" << std::string(1'000'000, ')')
                                  << "\n";
  const auto r = run_gatelab({"eval", "--file", dir + "/deep.gl", "--at", "x=1.5", "--json"});
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Contains("\"value\": 3.0"));
}

TEST_CASE("signals: Ctrl-C while train writes its files leaves none of them, and ends gatelab as Ctrl-C does") {
  // The weights file is staged first; the loss chart goes to a FIFO, which holds its write
  // until the interrupt, so the weights file would be left half done if the interrupt left
  // anything.
  const std::string dir = make_temp_dir();
  REQUIRE(::mkfifo((dir + "/loss.svg").c_str(), 0600) == 0);
  const pid_t pid = start_gatelab(
      {"train", "--constraint", "tanh", "--max-epochs", "2", "--save-weights", "w.json", "--loss-svg", "loss.svg"},
      dir);
  REQUIRE(temporary_appears(dir));
  ::kill(pid, SIGINT);
  CHECK(ending_signal(pid) == SIGINT);
  CHECK(names_in(dir) == std::vector<std::string>{"loss.svg"});
}

TEST_CASE("signals: SIGTERM while train writes its files leaves none of them") {
  // The loss chart goes to a FIFO, which holds the write after the weights file is staged.
  const std::string dir = make_temp_dir();
  REQUIRE(::mkfifo((dir + "/loss.svg").c_str(), 0600) == 0);
  const pid_t pid = start_gatelab(
      {"train", "--constraint", "ste", "--max-epochs", "3", "--save-weights", "w.json", "--loss-svg", "loss.svg"}, dir);
  REQUIRE(temporary_appears(dir));
  ::kill(pid, SIGTERM);
  CHECK(ending_signal(pid) == SIGTERM);
  CHECK(names_in(dir) == std::vector<std::string>{"loss.svg"});
}

TEST_CASE("signals: Ctrl-C while eval writes its frames leaves no frame and no folder") {
  const std::string dir = make_temp_dir();
  REQUIRE(::mkfifo((dir + "/y.svg").c_str(), 0600) == 0);
  const pid_t pid = start_gatelab({"eval", "y = sigmoid(x * w + b)", "--at", "x=1", "--at", "w=2", "--at", "b=-1",
                                   "--frames", "frames/new", "--svg", "y.svg"},
                                  dir);
  REQUIRE(temporary_appears(dir + "/frames/new"));
  ::kill(pid, SIGINT);
  CHECK(ending_signal(pid) == SIGINT);
  CHECK(names_in(dir) == std::vector<std::string>{"y.svg"});  // frames/ was made by gatelab, and is gone
}

TEST_CASE(
    "signals: SIGQUIT and SIGTERM while eval writes its frames and its page leave none, and end gatelab by them") {
  // 128 + the signal is what a shell shows: 131 for SIGQUIT, 143 for SIGTERM.
  for (const int signal : {SIGQUIT, SIGTERM, SIGINT}) {
    INFO(signal);
    const std::string dir = make_temp_dir();
    REQUIRE(::mkfifo((dir + "/y.svg").c_str(), 0600) == 0);
    const pid_t pid = start_gatelab({"eval", "y = sigmoid(x * w + b)", "--at", "x=1", "--at", "w=2", "--at", "b=-1",
                                     "--frames", "frames", "--html", "page.html", "--svg", "y.svg"},
                                    dir);
    REQUIRE(temporary_appears(dir));
    ::kill(pid, signal);
    CHECK(ending_signal(pid) == signal);
    CHECK(names_in(dir) == std::vector<std::string>{"y.svg"});
  }
}

TEST_CASE("a pipe closed early: gatelab ... | head -1 ends quietly") {
  const std::string dir = make_temp_dir();
  std::string sum = "y = x";
  for (int i = 0; i < 3000; ++i) sum += " + x";
  const std::vector<std::string> commands = {"eval '" + sum + "' --at x=1", "eval '" + sum + "' --at x=1 --json",
                                             "train --constraint ste", "lesson gates"};
  for (const std::string& command : commands) {
    INFO(command);
    const std::string shell =
        std::string(GATELAB_BINARY) + " " + command + " 2> " + dir + "/err | head -1 > " + dir + "/out";
    CHECK(std::system(shell.c_str()) == 0);
    CHECK(slurp(dir + "/err").empty());
    const std::string out = slurp(dir + "/out");
    CHECK(std::count(out.begin(), out.end(), '\n') == 1);
    // Where SIGPIPE is ignored (as some parents leave it), the rest is dropped as quietly.
    const std::string ignoring =
        "trap '' PIPE; " + std::string(GATELAB_BINARY) + " " + command + " 2> " + dir + "/err | head -1 > /dev/null";
    CHECK(std::system(("sh -c \"" + ignoring + "\"").c_str()) == 0);
    CHECK(slurp(dir + "/err").empty());
  }
}

TEST_CASE("a full disk on standard output is an error, not a silent success") {
  const std::string dir = make_temp_dir();
  for (const std::string command : {"eval 'y = x * 2' --at x=1", "eval 'y = x * 2' --at x=1 --json", "lessons"}) {
    INFO(command);
    const std::string shell = std::string(GATELAB_BINARY) + " " + command + " > /dev/full 2> " + dir + "/err";
    const int status = std::system(shell.c_str());
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 2));
    CHECK_THAT(slurp(dir + "/err"), Contains(": cannot write to standard output: No space left on device\n"));
  }
}

TEST_CASE("lesson names never leave the lessons folder, and a path ending in .md is read as a path") {
  for (const std::string name : {"../../etc/passwd", "../README", "/etc/passwd", "..", "lessons/../../etc/hostname"}) {
    INFO(name);
    for (const auto& args : {std::vector<std::string>{"lesson", name}, {"check", name}, {"quiz", "--lesson", name}}) {
      const auto r = run_gatelab(args);
      CHECK(r.status == 2);
      CHECK_THAT(r.err, Contains("no lesson named '" + name + "' (the lessons: gates, "));
    }
  }
  const auto by_path = run_gatelab({"lesson", "/etc/passwd.md"});
  CHECK(by_path.status == 2);
  CHECK_THAT(by_path.err, Contains("cannot read '/etc/passwd.md'"));
}
