#include "session.hpp"

#include "gatelab/engine/error.hpp"
#include "gatelab/support/translate.hpp"

namespace gatelab::web {

int Session::view_of(const nlohmann::json& request) { return request.is_object() ? request.value("view", 0) : 0; }

const cli::EvalResult& Session::ran(int view) const {
  const auto found = runs_.find(view);
  if (found == runs_.end()) throw Error(tr("run a program first"));
  return found->second;
}

Session& session() {
  static Session s;
  return s;
}

}  // namespace gatelab::web
