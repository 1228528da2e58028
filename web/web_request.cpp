#include "web_request.hpp"

#include <optional>
#include <string>
#include <vector>

#include "gatelab/support/translate.hpp"

namespace gatelab::web {

namespace {

std::vector<std::string> texts(const nlohmann::json& request, const char* key) {
  std::vector<std::string> out;
  if (const auto it = request.find(key); it != request.end())
    for (const nlohmann::json& item : *it) out.push_back(item.get<std::string>());
  return out;
}

// "x=2: message", as the command names an option's value in its errors.
template <class Read>
auto reading(const std::string& text, Read read) {
  try {
    return read(text);
  } catch (const Error& e) {
    throw Error(text + ": " + e.what());
  }
}

cli::Bindings bindings(const nlohmann::json& request, const char* key) {
  cli::Bindings out;
  for (const std::string& text : texts(request, key))
    reading(text, [&](const std::string& t) {
      cli::Binding b = cli::parse_binding(t);
      b.origin = t;
      cli::add_binding(out, std::move(b));
      return 0;
    });
  return out;
}

}  // namespace

cli::EvalRequest eval_request(const nlohmann::json& request) {
  cli::EvalRequest r;
  r.text = request.at("program").get<std::string>();
  r.at = bindings(request, "at");
  r.tangents = bindings(request, "tangents");
  r.gradcheck = request.value("gradcheck", false);
  r.at_hint = tr("a line");
  std::optional<double> tol;
  if (const auto it = request.find("tol"); it != request.end() && it->is_number()) tol = it->get<double>();
  for (const std::string& text : texts(request, "expect"))
    for (cli::Expectation& e : reading(text, [&](const std::string& t) { return cli::parse_expectations(t, tol); })) {
      e.origin = text;
      r.expectations.push_back(std::move(e));
    }
  return r;
}

}  // namespace gatelab::web
