// The one writer of output files: all or nothing, failed writes are errors, folders made.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "../error_text.hpp"
#include "files/output_files.hpp"
#include "run/input_file.hpp"
#include "temp_dir.hpp"

using namespace gatelab::cli;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

std::string text_of(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("output files: written whole, replacing an old file, with the usual mode") {
  TempDir dir;
  std::ofstream(dir / "a.txt") << "old";
  OutputFiles out;
  out.add(dir / "a.txt", "new a");
  out.add(dir / "b.txt", "new b");
  out.write();
  CHECK(text_of(dir / "a.txt") == "new a");
  CHECK(text_of(dir / "b.txt") == "new b");
  CHECK(entries(dir.path) == 2);  // no temporary left behind
  struct stat st {};
  REQUIRE(::stat((dir / "b.txt").c_str(), &st) == 0);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("output files: one that cannot be written means none is written") {
  TempDir dir;
  OutputFiles out;
  out.add(dir / "first.svg", "first");
  out.add(dir / "missing/second.svg", "second");
  CHECK_THAT(error_text([&] { out.write(); }), Contains("second.svg") && Contains("does not exist"));
  CHECK(entries(dir.path) == 0);
}

TEST_CASE("output files: a full device is an error, and nothing else is written") {
  TempDir dir;
  OutputFiles out;
  out.add(dir / "a.svg", "a");
  out.add("/dev/full", "content");
  CHECK(error_text([&] { out.write(); }) == "cannot write '/dev/full': No space left on device");
  CHECK(entries(dir.path) == 0);
  struct stat st {};
  REQUIRE(::stat("/dev/full", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));  // written in place, never replaced by a regular file
}

TEST_CASE("output files: a device that accepts the bytes is written in place") {
  OutputFiles out;
  out.add("/dev/null", "anything");
  CHECK_NOTHROW(out.write());
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("output files: folders are made with their parents at write, and unmade if it fails") {
  TempDir dir;
  check_output_dir(dir / "a/b/c", true);
  CHECK_FALSE(fs::exists(dir / "a"));  // checking makes nothing
  {
    OutputFiles out;
    out.add_dir(dir / "a/b/c");
    out.add(dir / "a/b/c/step-001.svg", "frame");
    out.write();
    CHECK(text_of(dir / "a/b/c/step-001.svg") == "frame");
  }
  {
    OutputFiles out;
    out.add_dir(dir / "x/y");
    out.add(dir / "x/y/frame.svg", "frame");
    out.add("/dev/full", "fails");
    CHECK_THROWS_AS(out.write(), gatelab::Error);
    CHECK_FALSE(fs::exists(dir / "x"));
  }
}

TEST_CASE("output paths are checked before any work") {
  TempDir dir;
  std::ofstream(dir / "file.txt") << "x";
  CHECK(error_text([&] { check_output_file(dir.path.string()); }) ==
        "cannot write '" + dir.path.string() + "': it is a directory");
  CHECK_THAT(error_text([&] { check_output_file(dir / "no/such.svg"); }),
             Contains("the directory '" + (dir / "no") + "' does not exist"));
  CHECK(error_text([&] { check_output_dir(dir / "none", false); }) ==
        "cannot write to '" + (dir / "none") + "': the directory does not exist");
  CHECK(error_text([&] { check_output_dir(dir / "file.txt/frames", true); }) ==
        "cannot write to '" + (dir / "file.txt/frames") + "': '" + (dir / "file.txt") + "' is not a directory");
  CHECK(error_text([&] { check_output_dir(dir / "file.txt", true); }) ==
        "cannot write to '" + (dir / "file.txt") + "': it is not a directory");
  CHECK(error_text([&] { check_output_file(""); }) == "an output path is empty");
}

TEST_CASE("read_file names the file and the reason") {
  TempDir dir;
  CHECK(error_text([&] { read_file(dir / "none.gl"); }) ==
        "cannot read '" + (dir / "none.gl") + "': No such file or directory");
  CHECK(error_text([&] { read_file(dir.path.string()); }) ==
        "cannot read '" + dir.path.string() + "': it is a directory");
  std::ofstream(dir / "p.gl") << "y = x";
  CHECK(read_file(dir / "p.gl") == "y = x");
}
