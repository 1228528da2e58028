// How every call of the engine answers: the request read from JSON, and the result, or the
// error it threw in the words the command would use, as JSON text. Nothing is thrown to the
// page's script.
#pragma once

#include <nlohmann/json.hpp>

#include <exception>
#include <new>
#include <string>

#include "gatelab/support/translate.hpp"
#include "render/source_excerpt.hpp"

namespace gatelab::web {

// Calls f with the request read from JSON, and answers with its result or the error it threw
// in the words the command would use.
template <class F>
inline const char* answer(const char* request, F f) {
  static std::string reply;
  nlohmann::ordered_json out;
  try {
    out = f(nlohmann::json::parse(request));
  } catch (const cli::ProgramError& e) {
    out = {{"ok", false}, {"error", cli::program_error_text(e)}, {"syntax", true}};
  } catch (const Error& e) {
    out = {{"ok", false}, {"error", std::string(e.what()) + "\n"}};
  } catch (const nlohmann::json::exception& e) {
    out = {{"ok", false}, {"error", trf("the page sent the engine a request it cannot read: {}", e.what()) + "\n"}};
  } catch (const std::bad_alloc&) {
    out = {{"ok", false}, {"error", std::string(tr("out of memory: the program is too large for the page")) + "\n"}};
  } catch (const std::exception& e) {
    out = {{"ok", false}, {"error", trf("internal error: {}", e.what()) + "\n"}};
  }
  reply = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return reply.c_str();
}

}  // namespace gatelab::web
