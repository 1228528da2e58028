#include "gatelab/teach/answer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "gatelab/language/input_text.hpp"
#include "gatelab/support/decimal.hpp"

namespace gatelab {

namespace {

constexpr double slack = 1 + 1e-9;  // so that 0.25 written as 0.2 or 0.3 is not decided by binary rounding
constexpr double noise = 1e-12;     // what an exact answer may differ by: rounding noise around a zero

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

// The text with its outer spaces removed, and those after a sign or around a slash ("- 12", "1 / 4").
std::string tidy(std::string_view folded) {
  std::string out;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (!is_space(c)) {
      out.push_back(c);
      continue;
    }
    std::size_t next = i;
    while (next < folded.size() && is_space(folded[next])) ++next;
    const bool edge = out.empty() || next == folded.size();
    const bool beside = !out.empty() && (out.back() == '+' || out.back() == '-' || out.back() == '/');
    if (!edge && !beside && folded[next] != '/') out.push_back(' ');  // kept, so that "1 2" is no number
    i = next - 1;
  }
  return out;
}

// Digits, optionally with one '.', and at least one digit: "2", "2.", ".5", "2.06".
bool is_decimal(std::string_view s) {
  int digits = 0, dots = 0;
  for (char c : s) {
    if (is_digit(c))
      ++digits;
    else if (c == '.')
      ++dots;
    else
      return false;
  }
  return digits > 0 && dots <= 1;
}

bool is_whole(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

// The sign and the rest: "-12" -> (-1, "12").
std::pair<int, std::string_view> split_sign(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) return {s.front() == '-' ? -1 : 1, s.substr(1)};
  return {1, s};
}

std::optional<double> to_double(std::string_view s) {
  double v = 0;
  const auto [end, ec] = read_decimal(s.data(), s.data() + s.size(), v);  // every build's one decimal reader
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// Digits from the first non-zero one to the last written: 2 for 2.1, 3 for 0.0179, 1 for 0.
int significant_digits(std::string_view mantissa) {
  int digits = 0;
  bool started = false;
  for (char c : mantissa) {
    if (!is_digit(c)) continue;
    started = started || c != '0';
    digits += started;
  }
  return std::max(digits, 1);
}

// Half a unit in the last digit: 0.5 · 10^(exponent - decimals), read from the text 5e(k-1)
// so that it is the double nearest that number (the page's script reads it the same way).
double half_unit(double exponent, double decimals) {
  const double k = std::clamp(exponent - decimals - 1, -100000.0, 100000.0);
  const std::string text = "5e" + std::to_string(static_cast<long long>(k));
  double v = 0;
  const auto [end, ec] = read_decimal(text.data(), text.data() + text.size(), v);
  return ec == std::errc{} ? v : (k < 0 ? 0.0 : HUGE_VAL);
}

std::optional<Answer> decimal_answer(std::string_view unsigned_text, int sign) {
  const auto e = unsigned_text.find_first_of("eE");
  const std::string_view mantissa = unsigned_text.substr(0, e);
  if (!is_decimal(mantissa)) return std::nullopt;
  double exponent = 0;
  if (e != std::string_view::npos) {
    auto [exp_sign, exp_digits] = split_sign(unsigned_text.substr(e + 1));
    if (!is_whole(exp_digits)) return std::nullopt;
    // As a double: 0.0e-2147483648 has an exponent and a decimal that no int holds together.
    exponent = exp_sign * std::strtod(std::string(exp_digits).c_str(), nullptr);
  }
  const auto magnitude = to_double(unsigned_text);
  if (!magnitude) return std::nullopt;
  const auto dot = mantissa.find('.');
  const double decimals = dot == std::string_view::npos ? 0 : static_cast<double>(mantissa.size() - dot - 1);
  Answer a;
  a.value = sign * *magnitude;
  const bool bare_zero = *magnitude == 0 && dot == std::string_view::npos && e == std::string_view::npos;
  if (!bare_zero) {
    a.written_precision = half_unit(exponent, decimals);  // 0 when too small for a double: then exact
    if (!std::isfinite(a.written_precision)) return std::nullopt;
    a.significant_digits = significant_digits(mantissa);
  }
  return a;
}

std::optional<Answer> fraction_answer(std::string_view unsigned_text, int sign) {
  const auto slash = unsigned_text.find('/');
  const std::string_view top = unsigned_text.substr(0, slash), bottom = unsigned_text.substr(slash + 1);
  if (!is_whole(top) || !is_whole(bottom)) return std::nullopt;
  const auto p = to_double(top), q = to_double(bottom);
  if (!p || !q || *q == 0) return std::nullopt;
  Answer a;
  a.value = sign * (*p / *q);
  return a;
}

constexpr std::array<std::string_view, 7> no_gradient_words{"none", "None", "NONE", "no grad", "无", "没有", "无梯度"};

}  // namespace

std::optional<Answer> read_answer(std::string_view typed, std::optional<double> tol) {
  const std::string text = tidy(fold_input(typed));
  if (std::find(no_gradient_words.begin(), no_gradient_words.end(), text) != no_gradient_words.end()) {
    Answer a;
    a.no_gradient = true;
    a.text = "none";
    a.tolerance = tol;
    return a;
  }
  const auto [sign, rest] = split_sign(text);
  auto a = rest.find('/') == std::string_view::npos ? decimal_answer(rest, sign) : fraction_answer(rest, sign);
  if (!a) return std::nullopt;
  if (a->value == 0) a->value = 0;  // -0 is 0
  a->text = text.front() == '+' ? text.substr(1) : text;
  a->tolerance = tol;
  return a;
}

double accepted_difference(const Answer& a, const Truth& truth) {
  if (!truth.value || a.no_gradient) return 0;
  if (a.tolerance) return *a.tolerance;
  const double t = *truth.value;
  if (a.exact()) return noise + 1e-9 * std::fabs(t);
  const double rounded_parts = a.written_precision * std::max(truth.terms, 1);
  return std::min(rounded_parts, std::max(0.01 * std::fabs(t), noise));
}

Verdict judge(const Answer& a, const Truth& truth) {
  if (!truth.value) return a.no_gradient ? Verdict::Right : Verdict::NoGradient;
  if (a.no_gradient) return Verdict::Wrong;
  const double difference = std::fabs(a.value - *truth.value);
  if (difference <= accepted_difference(a, truth) * slack) return Verdict::Right;
  if (!a.tolerance && !a.exact() && difference <= a.written_precision * slack) return Verdict::TooFewDigits;
  return Verdict::Wrong;
}

bool reproduces(double number, const Answer& a, int terms) {
  if (a.no_gradient || !std::isfinite(number)) return false;
  const double difference = std::fabs(a.value - number);
  if (a.tolerance) return difference <= *a.tolerance * slack;
  if (a.exact()) return difference <= noise + 1e-9 * std::fabs(number);
  return difference <= a.written_precision * std::max(terms, 1) * slack &&
         difference <= 0.05 * std::fabs(number) + noise;
}

}  // namespace gatelab
