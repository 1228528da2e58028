#include "vector_math.hpp"

#include <algorithm>
#include <cmath>

#if GATELAB_LIBMVEC
#include <immintrin.h>

// glibc's vector variants, named by the x86-64 vector function ABI: 'b' takes two doubles
// in an SSE register, 'd' four in an AVX2 register.
extern "C" {
__m128d _ZGVbN2v_exp(__m128d);
__m128d _ZGVbN2v_log(__m128d);
__attribute__((target("avx2"))) __m256d _ZGVdN4v_exp(__m256d);
__attribute__((target("avx2"))) __m256d _ZGVdN4v_log(__m256d);
}

namespace gatelab::math {

namespace {

bool has_avx2() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return yes;
}

// Whole registers, then the last few values in a zero-padded register.
template <__m128d (*F)(__m128d)>
void apply_sse(const double* x, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 2 <= n; i += 2) _mm_storeu_pd(out + i, F(_mm_loadu_pd(x + i)));
  if (i == n) return;
  double tail[2] = {};
  std::copy(x + i, x + n, tail);
  _mm_storeu_pd(tail, F(_mm_loadu_pd(tail)));
  std::copy(tail, tail + (n - i), out + i);
}

template <__m256d (*F)(__m256d)>
__attribute__((target("avx2"))) void apply_avx2(const double* x, double* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm256_storeu_pd(out + i, F(_mm256_loadu_pd(x + i)));
  if (i == n) return;
  double tail[4] = {};
  std::copy(x + i, x + n, tail);
  _mm256_storeu_pd(tail, F(_mm256_loadu_pd(tail)));
  std::copy(tail, tail + (n - i), out + i);
}

}  // namespace

void exp(const double* x, double* out, std::size_t n) {
  has_avx2() ? apply_avx2<_ZGVdN4v_exp>(x, out, n) : apply_sse<_ZGVbN2v_exp>(x, out, n);
}

void log(const double* x, double* out, std::size_t n) {
  has_avx2() ? apply_avx2<_ZGVdN4v_log>(x, out, n) : apply_sse<_ZGVbN2v_log>(x, out, n);
}

}  // namespace gatelab::math

#else

namespace gatelab::math {

void exp(const double* x, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::exp(x[i]);
}

void log(const double* x, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::log(x[i]);
}

}  // namespace gatelab::math

#endif

namespace gatelab::math {

double exp(double x) {
  double y;
  exp(&x, &y, 1);
  return y;
}

double log(double x) {
  double y;
  log(&x, &y, 1);
  return y;
}

}  // namespace gatelab::math
