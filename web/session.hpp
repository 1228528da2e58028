// The programs a page ran, kept between the engine's calls: a page runs a program, lays out its
// DOT with Graphviz, then asks for its picture, for its quiz's questions and for the diagnoses
// of the learner's answers. A page with several editors names each one's runs by a number
// ("view" in the request, 0 when not given), so that one editor's run never answers another's
// questions.
#pragma once

#include <map>

#include <nlohmann/json.hpp>

#include "run/evaluation.hpp"

namespace gatelab::web {

class Session {
 public:
  // The view a request names, and the program that view ran last (throws gatelab::Error
  // when it ran none).
  static int view_of(const nlohmann::json& request);
  const cli::EvalResult& ran(int view) const;

  void forget(int view) { runs_.erase(view); }
  void keep(int view, cli::EvalResult r) { runs_.insert_or_assign(view, std::move(r)); }

 private:
  std::map<int, cli::EvalResult> runs_;
};

Session& session();

}  // namespace gatelab::web
