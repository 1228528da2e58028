#include "session.hpp"

namespace gatelab::web {

Session& session() {
  static Session s;
  return s;
}

}  // namespace gatelab::web
