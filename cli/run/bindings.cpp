#include "run/bindings.hpp"

#include <algorithm>

#include "gatelab/engine/error.hpp"
#include "gatelab/language/input_text.hpp"
#include "gatelab/support/translate.hpp"
#include "run/parse_text.hpp"

namespace gatelab::cli {

Binding parse_binding(std::string_view typed) {
  const std::string text = fold_input(typed);  // x＝１ is x=1
  const auto pair = split_name_value(text);
  if (!pair || pair->name.empty()) throw Error(tr("expected NAME=VALUE, as in x=2"));
  if (!pair->value.empty() && pair->value.front() == '[') {
    NumberArray a = parse_number_array(pair->value);
    return {pair->name, 0, {}, std::move(a.shape), std::move(a.values)};
  }
  const auto value = parse_number(pair->value);
  if (!value) throw Error(trf("'{}' is not a finite number", shortened(pair->value, 60)));
  return {pair->name, *value, {}};
}

void add_binding(Bindings& bindings, Binding b) {
  if (find_binding(bindings, b.name)) throw Error(trf("'{}' has a value already", b.name));
  bindings.push_back(std::move(b));
}

const Binding* find_binding(const Bindings& bindings, std::string_view name) {
  const auto it = std::find_if(bindings.begin(), bindings.end(), [&](const Binding& b) { return b.name == name; });
  return it == bindings.end() ? nullptr : &*it;
}

}  // namespace gatelab::cli
