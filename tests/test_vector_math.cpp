// math::exp and math::log against the C library's, and their one-value and many-value forms against
// each other: the batched engine and the one-row engine must compute the same bits.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "engine/vector_math.hpp"
#include "gatelab/engine/ops.hpp"

namespace {

// How many representable doubles apart two finite, same-signed values are.
std::int64_t ulps_apart(double x, double y) {
  std::int64_t a, b;
  std::memcpy(&a, &x, sizeof a);
  std::memcpy(&b, &y, sizeof b);
  return a > b ? a - b : b - a;
}

bool same_bits(double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; }

std::vector<double> spread(double from, double to, int count) {
  std::vector<double> xs;
  for (int i = 0; i < count; ++i) xs.push_back(from + (to - from) * i / (count - 1));
  return xs;
}

}  // namespace

TEST_CASE("math::exp is within 4 ulp of std::exp over the whole finite range", "[vector_math]") {
  std::int64_t worst = 0;
  for (double x : spread(-708, 709, 200001)) worst = std::max(worst, ulps_apart(gatelab::math::exp(x), std::exp(x)));
  for (double x : spread(-1e-3, 1e-3, 2001)) worst = std::max(worst, ulps_apart(gatelab::math::exp(x), std::exp(x)));
  CHECK(worst <= 4);
}

TEST_CASE("math::log is within 4 ulp of std::log from subnormals to the largest double", "[vector_math]") {
  std::int64_t worst = 0;
  for (double e : spread(-744, 709, 200001)) {
    const double x = std::exp(e);
    worst = std::max(worst, ulps_apart(gatelab::math::log(x), std::log(x)));
  }
  for (double x : spread(0.5, 2, 20001)) worst = std::max(worst, ulps_apart(gatelab::math::log(x), std::log(x)));
  CHECK(worst <= 4);
}

TEST_CASE("math::log at its edges", "[vector_math]") {
  using gatelab::math::log;
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(log(1.0) == 0.0);
  CHECK(log(0.0) == -inf);
  CHECK(log(inf) == inf);
  CHECK(log(2.718281828459045) == Approx(1).epsilon(1e-15));
  CHECK(std::isnan(log(-1.0)));
  CHECK(std::isnan(log(std::nan(""))));
}

TEST_CASE("math::exp at its edges", "[vector_math]") {
  using gatelab::math::exp;
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(exp(0.0) == 1.0);
  CHECK(exp(-0.0) == 1.0);
  CHECK(exp(1.0) == Approx(2.718281828459045).epsilon(1e-15));
  CHECK(exp(inf) == inf);
  CHECK(exp(-inf) == 0.0);
  CHECK(exp(710.0) == inf);   // above log(DBL_MAX) = 709.78
  CHECK(exp(-746.0) == 0.0);  // below the smallest subnormal
  CHECK(exp(-740.0) > 0.0);   // subnormal, not flushed to zero
  CHECK(std::isnan(exp(std::nan(""))));
}

TEST_CASE("many values at once give the same bits as one at a time", "[vector_math]") {
  const std::vector<double> xs = {-745.5, -30, -1.25, -1e-9, 0, 3e-7, 0.693, 2.5, 88, 709.7, 1e308};
  for (std::size_t n = 0; n <= xs.size(); ++n) {  // every length: whole registers and tails
    std::vector<double> out(n, -1.0), in_place(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(n));
    gatelab::math::exp(xs.data(), out.data(), n);
    gatelab::math::exp(in_place.data(), in_place.data(), n);
    for (std::size_t i = 0; i < n; ++i) {
      INFO("n = " << n << ", x = " << xs[i]);
      CHECK(same_bits(out[i], gatelab::math::exp(xs[i])));
      CHECK(same_bits(in_place[i], out[i]));
    }
    std::vector<double> logs(n);
    gatelab::math::log(out.data(), logs.data(), n);
    for (std::size_t i = 0; i < n; ++i) CHECK(same_bits(logs[i], gatelab::math::log(out[i])));
  }
}

TEST_CASE("sigmoid, exp and log gates: values() equals value() bit for bit", "[vector_math]") {
  namespace ops = gatelab::ops;
  std::vector<double> xs = spread(-40, 40, 1001);
  xs.insert(xs.end(), {-800.0, 800.0, 0.0, -0.0, std::nan("")});
  std::vector<double> sig(xs.size()), ex(xs.size()), lg(xs.size());
  ops::Sigmoid::values(xs.data(), sig.data(), xs.size());
  ops::Exp::values(xs.data(), ex.data(), xs.size());
  ops::Log::values(xs.data(), lg.data(), xs.size());
  for (std::size_t i = 0; i < xs.size(); ++i) {
    INFO("x = " << xs[i]);
    CHECK(same_bits(sig[i], ops::Sigmoid::value(xs[i], 0)));
    CHECK(same_bits(ex[i], ops::Exp::value(xs[i], 0)));
    CHECK(same_bits(lg[i], ops::Log::value(xs[i], 0)));
  }
  // Far from zero sigmoid saturates without overflow: 1/(1 + e^800) is never computed.
  CHECK(ops::Sigmoid::value(-800, 0) == 0.0);
  CHECK(ops::Sigmoid::value(800, 0) == 1.0);
  CHECK(ops::Sigmoid::value(-2, 0) == Approx(0.11920292202211755).epsilon(1e-14));  // 1/(1+e^2)
}
