#include "commands/option_values.hpp"

#include "run/parse_text.hpp"

namespace gatelab::cli {

namespace {

// Runs f(item) for each item; an error names the option and the item.
template <class F>
void each_item(const std::string& option, const std::vector<std::string>& items, F&& f) {
  for (const std::string& item : items) {
    try {
      f(item);
    } catch (const Error& e) {
      throw Error(option + " '" + shortened(item, 60) + "': " + e.what());
    }
  }
}

}  // namespace

Bindings bindings_option(const std::string& option, const std::vector<std::string>& items) {
  Bindings out;
  each_item(option, items, [&](const std::string& item) {
    Binding b = parse_binding(item);
    b.origin = option + " " + item;
    add_binding(out, std::move(b));
  });
  return out;
}

std::vector<Expectation> expectations_option(const std::string& option, const std::vector<std::string>& items,
                                             std::optional<double> tol) {
  std::vector<Expectation> out;
  each_item(option, items, [&](const std::string& item) {
    for (Expectation& e : parse_expectations(item, tol)) {
      e.origin = option + " '" + item + "'";
      out.push_back(std::move(e));
    }
  });
  return out;
}

}  // namespace gatelab::cli
