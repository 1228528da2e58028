// The program language's public face (gatelab/language/program.hpp): parse_program and what
// it returns; the parser itself is parser.hpp.
#include "gatelab/language/program.hpp"

#include <unordered_set>

#include "gatelab/support/translate.hpp"
#include "parser.hpp"

namespace gatelab {

ParseError::ParseError(SourcePos pos, const std::string& message, std::string source_line)
    : Error(pos.line, pos.column, message), pos_(pos), source_line_(std::move(source_line)) {
  kind_ = ErrorKind::syntax;
}

std::string shape_words(const std::vector<int>& shape) {
  if (shape.empty()) return tr("a number");
  if (shape.size() == 1) return trf("a {}-vector", shape[0]);
  return trf("a {}x{} matrix", shape[0], shape[1]);
}

std::string shape_text(const std::vector<int>& shape) {
  const LanguageScope english(Language::english);
  return shape_words(shape);
}

std::string index_text(const std::vector<int>& shape, std::size_t flat) {
  if (shape.size() == 1) return "[" + std::to_string(flat) + "]";
  const auto cols = static_cast<std::size_t>(shape[1]);
  return "[" + std::to_string(flat / cols) + "," + std::to_string(flat % cols) + "]";
}

bool is_function_name(std::string_view name) {
  static const std::vector<std::string> names = function_names();
  static const std::unordered_set<std::string_view> set(names.begin(), names.end());
  return set.count(name) > 0;
}

std::vector<std::string> function_names() {
  std::vector<std::string> names;
  for (int i = 0; i < op_count; ++i)
    if (op_info(static_cast<Op>(i)).arity > 0) names.emplace_back(op_info(static_cast<Op>(i)).name);
  names.emplace_back("ln");
  for (const detail::ArrayFunction& f : detail::array_functions) names.emplace_back(f.name);
  return names;
}

Program parse_program(std::string_view text, const InputShapes& input_shapes, std::size_t max_size) {
  return detail::Parser(text, input_shapes, max_size).run();
}

NodeId Program::find(const std::string& name) const {
  if (auto it = aliases.find(name); it != aliases.end()) return it->second;
  return graph.find(name);
}

const Array* Program::find_array(const std::string& name) const {
  for (const Array& a : arrays)
    if (a.name == name) return &a;
  return nullptr;
}

std::string Program::output_label() const { return output_name.empty() ? graph.label(output) : output_name; }

}  // namespace gatelab
