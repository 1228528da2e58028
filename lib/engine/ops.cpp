// The op table's out-of-line part: the gates built on the library's vector maths, and the
// lookup of an op by its name.
#include "gatelab/engine/ops.hpp"

#include "vector_math.hpp"

namespace gatelab {

double ops::sigmoid(double a) { return sigmoid_given(a, math::exp(-std::fabs(a))); }

double ops::Exp::value(double a, double) { return math::exp(a); }
void ops::Exp::values(const double* a, double* out, std::size_t n) { math::exp(a, out, n); }

double ops::Log::value(double a, double) { return math::log(a); }
void ops::Log::values(const double* a, double* out, std::size_t n) { math::log(a, out, n); }

void ops::Sigmoid::values(const double* a, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = -std::fabs(a[i]);
  math::exp(out, out, n);
  for (std::size_t i = 0; i < n; ++i) out[i] = sigmoid_given(a[i], out[i]);
}

std::optional<Op> op_from_name(std::string_view name) {
  if (name == "ln") return Op::Log;  // the natural logarithm's other name
  for (int i = 0; i < op_count; ++i) {
    const auto op = static_cast<Op>(i);
    if (op_info(op).name == name) return op;
  }
  return std::nullopt;
}

}  // namespace gatelab
