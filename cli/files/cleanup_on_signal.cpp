#include "files/cleanup_on_signal.hpp"

#include <unistd.h>

#include <array>
#include <cassert>
#include <vector>

namespace gatelab::cli {

namespace {

constexpr std::array ending_signals{SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE};

// What the handler removes. It is changed only while the signals are held, so the handler
// never sees it half-changed.
struct Made {
  std::vector<std::string> files, dirs;
};
Made* made = nullptr;
std::array<struct sigaction, ending_signals.size()> previous{};

sigset_t ending_set() {
  sigset_t set;
  ::sigemptyset(&set);
  for (const int s : ending_signals) ::sigaddset(&set, s);
  return set;
}

// Async-signal-safe: unlink, rmdir, sigaction and raise only.
extern "C" void remove_made_and_end(int signal) {
  if (made) {
    for (const std::string& f : made->files) ::unlink(f.c_str());
    for (auto d = made->dirs.rbegin(); d != made->dirs.rend(); ++d) ::rmdir(d->c_str());
  }
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  ::sigaction(signal, &fallback, nullptr);
  ::raise(signal);  // acts when this handler returns, as the signal would have
}

}  // namespace

SignalsHeld::SignalsHeld() {
  const sigset_t set = ending_set();
  ::sigprocmask(SIG_BLOCK, &set, &before_);
}

SignalsHeld::~SignalsHeld() { ::sigprocmask(SIG_SETMASK, &before_, nullptr); }

CleanupOnSignal::CleanupOnSignal() {
  SignalsHeld held;
  assert(!made && "one write at a time");
  made = new Made;
  struct sigaction handler {};
  handler.sa_handler = remove_made_and_end;
  handler.sa_mask = ending_set();  // one signal's cleanup is not interrupted by another's
  for (std::size_t i = 0; i < ending_signals.size(); ++i) {
    ::sigaction(ending_signals[i], nullptr, &previous[i]);
    if (previous[i].sa_handler != SIG_IGN) ::sigaction(ending_signals[i], &handler, nullptr);
  }
}

CleanupOnSignal::~CleanupOnSignal() {
  SignalsHeld held;
  for (std::size_t i = 0; i < ending_signals.size(); ++i) ::sigaction(ending_signals[i], &previous[i], nullptr);
  delete made;
  made = nullptr;
}

void CleanupOnSignal::add_file(const std::string& path) { made->files.push_back(path); }

void CleanupOnSignal::add_dir(const std::string& path) { made->dirs.push_back(path); }

void CleanupOnSignal::clear() {
  made->files.clear();
  made->dirs.clear();
}

}  // namespace gatelab::cli
