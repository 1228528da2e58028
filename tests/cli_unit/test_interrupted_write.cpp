// Ctrl-C while output files are written: the temporaries and the folders made are removed,
// and the signal then ends the process as it would have (files/cleanup_on_signal.hpp).
//
// A FIFO holds the write in the middle: OutputFiles writes a device in place after staging
// the regular files, and opening a FIFO waits for a reader. So a child process writing a
// regular file and a FIFO stops with its temporary made and nothing renamed yet.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "files/output_files.hpp"
#include "temp_dir.hpp"

using namespace gatelab::cli;
namespace fs = std::filesystem;

namespace {

// Starts a child that writes dir/new/a.txt (making the folder dir/new) and the FIFO dir/fifo.
pid_t start_writing(const fs::path& dir, bool ignore_sigint) {
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid > 0) return pid;
  if (ignore_sigint) ::signal(SIGINT, SIG_IGN);
  try {
    OutputFiles out;
    out.add_dir((dir / "new").string());
    out.add((dir / "new/a.txt").string(), "complete");
    out.add((dir / "fifo").string(), "through the fifo");
    out.write();
  } catch (...) {
    ::_exit(3);
  }
  ::_exit(0);
}

// Waits until the child has staged a.txt under its temporary name.
bool temporary_appears(const fs::path& dir) {
  for (int tries = 0; tries < 2000; ++tries) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir / "new", ec))
      if (entry.path().filename().string().starts_with(".a.txt.")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

}  // namespace

TEST_CASE("interrupted write: SIGINT or SIGTERM removes the temporaries and the folder made, then ends the process") {
  const int signal = GENERATE(SIGINT, SIGTERM, SIGHUP);
  TempDir dir;
  const pid_t child = start_writing(dir.path, false);
  REQUIRE(temporary_appears(dir.path));
  ::kill(child, signal);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == signal);
  CHECK_FALSE(fs::exists(dir.path / "new"));  // the temporary, then the folder made for it
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);  // the fifo alone
}

TEST_CASE("interrupted write: a signal the process ignores stays ignored, and the write completes") {
  TempDir dir;
  const pid_t child = start_writing(dir.path, true);
  REQUIRE(temporary_appears(dir.path));
  ::kill(child, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::ifstream fifo(dir.path / "fifo");  // a reader: the write goes on
  const std::string through{std::istreambuf_iterator<char>(fifo), {}};
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(through == "through the fifo");
  std::ifstream written(dir.path / "new/a.txt");
  CHECK(std::string{std::istreambuf_iterator<char>(written), {}} == "complete");
}
