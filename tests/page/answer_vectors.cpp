// Writes test vectors for the page's quiz.js: each example's quiz data as the page embeds it,
// and for many typed answers what the C++ reader, judge and assess make of them, in the words
// the page would show. tests/page/check_quiz_js.js runs quiz.js on the same data and answers
// and must agree on every one.
//   page_answer_vectors OUT.json
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <set>

#include "gatelab/language/program.hpp"
#include "render/diagnosis_text.hpp"
#include "render/page_quiz.hpp"
#include "render/quiz_json.hpp"

using namespace gatelab;
using namespace gatelab::cli;
using Json = nlohmann::ordered_json;

namespace {

struct Example {
  const char* program;
  std::vector<std::pair<const char*, double>> at;
};

// The seeds' examples, as the corpus of student mistakes has them (tests/test_mistake_corpus.cpp).
const std::vector<Example> examples{
    {"q = x + y; f = q * z", {{"x", -2}, {"y", 5}, {"z", -4}}},
    {"xy = x * y; m = max(z, w); s = xy + m; f = 2 * s", {{"x", 3}, {"y", -4}, {"z", 2}, {"w", -1}}},
    {"z = w0*x0 + w1*x1 + w2; f = sigmoid(z)", {{"w0", 2}, {"w1", -3}, {"w2", -3}, {"x0", -1}, {"x1", -2}}},
    {"sigy = sigmoid(y); num = x + sigy; sigx = sigmoid(x); xpy = x + y; xpysqr = xpy^2\n"
     "den = sigx + xpysqr; invden = inv(den); f = num * invden",
     {{"x", 3}, {"y", -4}}},
    {"y = detach(x^2 + 1) + x", {{"x", 2}}},
    {"a = x * 2; y = detach(a) + z", {{"x", 1}, {"z", 3}}},
    {"y = x^2 + 1; twice = y + y", {{"x", 2}}},
    {"W = ste(round(wp), wp) * 0.1; loss = (W - 1)^2", {{"wp", 3.7}}},
    {"t = tanh(x); f = 2 * t", {{"x", 0.5}}},
    {"h1 = w * x; h2 = h1 + b; h3 = -h2; h4 = exp(h3); h5 = h4 + 1; f = 1 / h5", {{"x", 1}, {"w", 0}, {"b", 0}}},
};

// Answers every question is asked: right and wrong, written in many ways, and no numbers.
const std::vector<std::string> typed_everywhere{
    "-4",     "−4",     "－４",   "4",      "3",       "３",   "+3",      "1/4",    "-3/2",    "１／４", "0",
    "-0",     "0.0",    "none",   "无",     "None",    "1",    "2",       "2.0596", "2.06",    "2.0595", "2.1",
    "1.5832", "2.0953", "1.5474", "0.7916", "-0.7916", "-2",   "-12",     "0.7311", "0.2689",  "-0.731", "0.25",
    "-0.25",  "0.5",    "-0.12",  "-1.2",   "1.2",     "-0.6", "0.19661", "0.2",    "abc",     "1 2",    "",
    "1e-3",   ".5",     "6/1",    "- 4",    "1/0",     "0e5",  "1.0e0",   "2.5717", "-0.7917", "7",      "-20"};

// A number written to `digits` significant digits, as a learner copies it.
std::string written(double v, int digits) { return fmt::format("{:.{}g}", v, digits); }

Json reading(const std::string& typed) {
  const auto a = read_answer(typed);
  if (!a) return {{"typed", typed}, {"read", nullptr}};
  return {{"typed", typed},
          {"read",
           {{"value", a->value},
            {"precision", a->written_precision},
            {"digits", a->significant_digits},
            {"text", a->text},
            {"noGradient", a->no_gradient}}}};
}

Json example_vectors(const Example& e, std::set<std::string>& all_typed) {
  Program p = parse_program(e.program);
  for (const auto& [name, v] : e.at) p.graph.set_value(p.graph.find(name), v);
  p.graph.forward();
  const bool has_grads = p.graph.node(p.output).requires_grad;
  const Json quiz = quiz_page_data(p.graph, p.output, has_grads);
  Json cases = Json::array();
  for (const auto& [key, unused] : quiz["q"].items()) {
    const Question q{static_cast<NodeId>(std::stoul(key.substr(1))), key[0] == 'g' ? Asks::Grad : Asks::Value};
    const Truth t = truth_of(p.graph, p.output, q);
    const std::vector<Finding> candidates = page_candidates(p.graph, p.output, q);
    std::vector<std::string> typed = typed_everywhere;
    for (const Finding& f : candidates)
      for (int digits : {2, 5}) typed.push_back(written(f.value, digits));
    if (t.value)
      for (int digits : {1, 2, 4, 6}) typed.push_back(written(*t.value, digits));
    for (const std::string& text : typed) {
      all_typed.insert(text);
      const auto a = read_answer(text);
      Json c{{"q", key}, {"typed", text}};
      if (!a) {
        c["verdict"] = nullptr;
      } else {
        const Diagnosis d = assess(q, *a, t, candidates);
        c["verdict"] = verdict_name(d.verdict);
        c["text"] = d.verdict == Verdict::Right ? "" : diagnosis_text(p.graph, p.output, d, false);
      }
      cases.push_back(c);
    }
  }
  return {{"program", e.program}, {"quiz", quiz}, {"cases", cases}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: page_answer_vectors OUT.json\n";
    return 2;
  }
  Json out{{"examples", Json::array()}, {"reads", Json::array()}};
  std::set<std::string> all_typed;
  for (const Example& e : examples) out["examples"].push_back(example_vectors(e, all_typed));
  for (const std::string& text : all_typed) out["reads"].push_back(reading(text));
  std::ofstream file(argv[1]);
  file << out.dump() << "\n";
  if (!file) {
    std::cerr << "page_answer_vectors: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
