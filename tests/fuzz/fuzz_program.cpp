// Fuzz target: the program language, run as `gatelab eval` runs it.
//
// The input is a program. Its `#| at:` lines (as in a lesson block) give inputs values and
// array shapes; every other input gets a value and, chosen by a hash of the text, a random
// shape (gatelab::InputShapes). What parses runs forward, then backward or forward mode, the
// gradient check and two expectations (a wrong answer is diagnosed), and is made into the
// trace text, the JSON and the DOT text.
#include <algorithm>

#include "fuzz_input.hpp"
#include "gatelab/teach/dot.hpp"
#include "render/eval_json.hpp"
#include "render/eval_text.hpp"
#include "run/evaluation.hpp"
#include "run/parse_text.hpp"

using namespace gatelab;
using namespace gatelab::cli;

namespace {

// The bindings of the `#| at:` lines; items that do not read are left out.
Bindings at_lines(std::string_view text) {
  Bindings at;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.starts_with("#| at:")) continue;
    for (const std::string& item : split_list(line.substr(6)))
      fuzz::allowing_errors([&] { add_binding(at, parse_binding(item)); });
  }
  return at;
}

InputShapes shapes_of(const Bindings& at) {
  InputShapes shapes;
  for (const Binding& b : at)
    if (b.is_array()) shapes[b.name] = b.shape;
  return shapes;
}

// One of n, from a generator seeded with the hash of the text.
int choose(std::uint64_t& h, int n) {
  h = h * 6364136223846793005ull + 1442695040888963407ull;
  return static_cast<int>((h >> 33) % static_cast<std::uint64_t>(n));
}

constexpr double some_values[] = {0.5, -1.25, 2, 0, 3, -0.1, 1, 1e-3, -2.5, 10};

// A value, and for about half of them a random shape, for each input no at: line gave one.
Bindings bind_the_rest(const Program& p, const Bindings& at, std::uint64_t h) {
  Bindings rest;
  for (const NodeId id : p.inputs) {
    const std::string name(p.graph.name(id));
    if (find_binding(at, name) || find_binding(rest, name)) continue;
    Binding b{name, some_values[choose(h, 10)]};
    if (const int kind = choose(h, 4); kind >= 2) {
      b.shape = {1 + choose(h, 4)};
      if (kind == 3) b.shape.push_back(1 + choose(h, 4));
      for (int i = 0; i < b.shape.front() * b.shape.back(); ++i) b.values.push_back(some_values[choose(h, 10)]);
    }
    rest.push_back(b);
  }
  return rest;
}

// The name of the first entry of the first input: "x" or "W[0,0]".
std::string first_entry(const Program& p) {
  return p.inputs.empty() ? "x" : std::string(p.graph.name(p.inputs.front()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  EvalRequest request{.text = std::string(text), .at = at_lines(text)};
  Program p;
  try {
    p = parse_program(text, shapes_of(request.at), fuzz::max_program_size);
  } catch (const Error&) {
    return 0;
  }
  std::uint64_t h = fuzz::hash_of(text);
  Bindings rest = bind_the_rest(p, request.at, h);
  Bindings all = request.at;
  all.insert(all.end(), rest.begin(), rest.end());
  try {
    p = parse_program(text, shapes_of(all), fuzz::max_program_size);
  } catch (const Error&) {  // the random shapes do not fit the program: numbers, then
    for (Binding& b : rest) b.shape.clear(), b.values.clear();
    all = request.at;
    all.insert(all.end(), rest.begin(), rest.end());
  }
  request.at = all;

  if (choose(h, 2) == 0 && !request.at.empty()) {
    Binding t = request.at.front();
    t.value = 1;
    std::fill(t.values.begin(), t.values.end(), 1.0);
    request.tangents = {t};
  } else {
    request.gradcheck = p.inputs.size() * p.graph.size() <= fuzz::max_gradcheck_work;
  }
  fuzz::allowing_errors(
      [&] { request.expectations.push_back(parse_expectation("grad(" + first_entry(p) + ") = 1.5")); });
  if (!p.output_name.empty())
    fuzz::allowing_errors([&] { request.expectations.push_back(parse_expectation(p.output_name + " = 0.25")); });

  fuzz::allowing_errors([&] {
    const EvalResult r = evaluate(request);
    (void)report_lines(r, Paint{});
    (void)report_json(r).dump();
    (void)to_dot(r.program.graph);
  });
  return 0;
}
