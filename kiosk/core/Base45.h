#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// Base45 (RFC 9285): bytes as text from the QR alphanumeric set, so a QR code can use its
/// compact alphanumeric mode.
std::string base45Encode(const std::vector<std::uint8_t>& bytes);

/// Decodes Base45; an error for characters outside the set, a dangling single character, or
/// a group whose value overflows.
Result<std::vector<std::uint8_t>> base45Decode(std::string_view text);

}  // namespace vax
