// e^x and log x, one value at a time or many at once, with the same bits either way.
//
//   double y = gatelab::math::exp(1.0);
//   gatelab::math::exp(xs.data(), ys.data(), xs.size());  // ys[i] = e^xs[i]; xs may be ys
//
// On x86-64 with glibc these go through glibc's vector math library (libmvec), choosing its
// AVX2 or SSE4 variant once, by what the processor has; one value is computed in a lane of
// the same routine, so the one-row engine and the batched engine agree bit for bit.
// tests/test_vector_math.cpp holds them within 4 ulp of the C library's exp and log;
// elsewhere they are std::exp and std::log.
#pragma once

#include <cstddef>

namespace gatelab::math {

double exp(double x);
void exp(const double* x, double* out, std::size_t n);
double log(double x);
void log(const double* x, double* out, std::size_t n);

}  // namespace gatelab::math
