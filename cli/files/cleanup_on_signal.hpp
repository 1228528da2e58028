// An interrupted write leaves nothing behind. While OutputFiles::write() runs, the signals
// that end gatelab (SIGINT from Ctrl-C, SIGQUIT from Ctrl-\\, SIGTERM, SIGHUP, SIGPIPE) first
// remove what the write has made so far, its temporary files and then the folders it made (if empty), and
// then end gatelab as they would have. A signal that was ignored stays ignored.
//
//   CleanupOnSignal cleanup;         // the handlers, until it goes out of scope
//   {
//     SignalsHeld held;              // no signal between making a file and registering it
//     fd = mkstemp(temp);
//     cleanup.add_file(temp);
//   }
//   ...
//   { SignalsHeld held; rename every file; cleanup.clear(); }   // all of them, or none
//
// Only files/output_files.cpp uses it. gatelab runs one thread, so held signals are held.
#pragma once

#include <signal.h>

#include <string>

namespace gatelab::cli {

// Holds back the signals above while it lives; one that arrives meanwhile acts afterwards.
class SignalsHeld {
 public:
  SignalsHeld();
  ~SignalsHeld();
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t before_;
};

class CleanupOnSignal {
 public:
  CleanupOnSignal();   // installs the handlers (one write at a time)
  ~CleanupOnSignal();  // puts back what was there
  CleanupOnSignal(const CleanupOnSignal&) = delete;
  CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;

  // Under SignalsHeld, right after making it: removed if a signal comes.
  void add_file(const std::string& path);
  void add_dir(const std::string& path);
  // Under SignalsHeld, once every file is in place: a signal now removes nothing.
  void clear();
};

}  // namespace gatelab::cli
