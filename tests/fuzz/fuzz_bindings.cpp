// Fuzz target: values and expectations as a learner types them. Each line of the input, and
// each item of it as a directive's comma list, is one item, read as `--at NAME=VALUE` (parse_binding; arrays through
// parse_number_array) and as `--expect` or `#| expect:` (parse_expectations, with and without --tol). A binding is then
// given to a program with arrays in place of its own value (evaluate: a wrong name or shape is an error naming it), and
// expectations are checked against that program (check_expectations, which diagnoses a wrong answer).
#include "fuzz_input.hpp"
#include "run/evaluation.hpp"
#include "run/parse_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

const char* const program = "h = sigmoid(W @ x + b)\ny = sum(h * h)\n";

Bindings program_values() {
  return {parse_binding("W = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]"), parse_binding("x = [1, 2, -1]"),
          parse_binding("b = [0, 0.1]")};
}

void read_item(const EvalResult& fixed, std::string_view item) {
  fuzz::allowing_errors([&] { (void)parse_number_array(item); });
  fuzz::allowing_errors([&] {
    const Binding b = parse_binding(item);
    EvalRequest request{.text = program, .at = program_values()};
    std::erase_if(request.at, [&](const Binding& old) { return old.name == b.name; });
    request.at.push_back(b);
    (void)evaluate(request);
  });
  for (const std::optional<double> tol : {std::optional<double>{}, std::optional<double>{0.01}})
    fuzz::allowing_errors([&] { (void)check_expectations(fixed.program, parse_expectations(item, tol)); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const EvalResult fixed = evaluate({.text = program, .at = program_values()});
  std::string_view text = fuzz::text_of(data, size);
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    read_item(fixed, line);
    for (const std::string& item : split_list(line)) read_item(fixed, item);  // a directive's list
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return 0;
}
