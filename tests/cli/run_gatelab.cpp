#include "run_gatelab.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#ifndef GATELAB_BINARY
#error "GATELAB_BINARY must name the gatelab executable"
#endif

namespace {

// The directories make_temp_dir made, removed with all they hold when the test process ends.
struct MadeDirs {
  std::vector<std::string> paths;
  ~MadeDirs() {
    std::error_code ignored;
    for (const std::string& p : paths) std::filesystem::remove_all(p, ignored);
  }
};

}  // namespace

std::string make_temp_dir() {
  static MadeDirs made;
  std::string templ = (std::getenv("TMPDIR") ? std::string(std::getenv("TMPDIR")) : "/tmp") + "/gatelab-test.XXXXXX";
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  made.paths.push_back(templ);
  return templ;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult run_gatelab(const std::vector<std::string>& args, const RunOptions& options) {
  const std::string dir = make_temp_dir();
  const std::string in_path = dir + "/stdin", out_path = dir + "/stdout", err_path = dir + "/stderr";
  std::ofstream(in_path) << options.stdin_text;
  int master = -1;
  std::string slave_name;
  if (options.terminal) {
    master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) throw std::runtime_error("no pty");
    slave_name = ::ptsname(master);
  }
  // The parent holds the terminal open too, so reading never sees a hang-up before the
  // child has opened it; the child's exit ends the reading instead.
  const int held_slave = options.terminal ? ::open(slave_name.c_str(), O_RDWR | O_NOCTTY) : -1;
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    int in = ::open(in_path.c_str(), O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (options.terminal) {
      ::close(held_slave);
      ::close(master);
      ::setsid();
      in = out = ::open(slave_name.c_str(), O_RDWR);
      termios t{};
      ::tcgetattr(in, &t);
      t.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      t.c_oflag &= ~static_cast<tcflag_t>(OPOST);  // keep "\n" as it is
      ::tcsetattr(in, TCSANOW, &t);
    }
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::unsetenv("NO_COLOR");
    // English unless a test asks for another language: the tests' expected text is English
    // whatever the language of the machine running them.
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) ::unsetenv(name);
    for (const std::string& e : options.env) ::putenv(const_cast<char*>(e.c_str()));
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(126);
    std::vector<char*> argv{const_cast<char*>(GATELAB_BINARY)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(GATELAB_BINARY, argv.data());
    ::_exit(127);
  }
  RunResult r;
  int wstatus = 0;
  if (options.terminal) {
    if (!options.stdin_text.empty() && ::write(master, options.stdin_text.data(), options.stdin_text.size()) < 0)
      throw std::runtime_error("cannot type into the pty");
    char buf[4096];
    for (bool exited = false;;) {
      pollfd p{master, POLLIN, 0};
      if (::poll(&p, 1, 50) > 0) {
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n > 0) {
          r.out.append(buf, static_cast<std::size_t>(n));
          continue;
        }
      }
      if (exited) break;  // exited, and nothing more to read
      exited = ::waitpid(pid, &wstatus, WNOHANG) == pid;
    }
    ::close(master);
    ::close(held_slave);
  } else {
    ::waitpid(pid, &wstatus, 0);
  }
  r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  if (!options.terminal) r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::filesystem::remove_all(dir);
  return r;
}
