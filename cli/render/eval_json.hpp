// `gatelab eval --json`: the report as one JSON object (docs/cli.md describes its keys).
#pragma once

#include <nlohmann/json.hpp>

#include "run/evaluation.hpp"

namespace gatelab::cli {

nlohmann::ordered_json report_json(const EvalResult& r);

// One checked expectation of a program: what was expected and traced, the verdict, and the
// diagnosis (with "tied" when several mistakes give the number).
nlohmann::ordered_json expectation_json(const Program& p, const ExpectationResult& e);

// A number for JSON: itself when finite, else its text ("inf", "nan"), which JSON lacks.
nlohmann::ordered_json json_number(double x);

// A number, or an array as nested JSON arrays ([[1, 2], [3, 4]]).
nlohmann::ordered_json numbers_json(const std::vector<int>& shape, const std::vector<double>& values);

}  // namespace gatelab::cli
