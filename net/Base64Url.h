#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// Base64url (RFC 4648 section 5) without padding, as JOSE uses it (RFC 7515 section 2).
std::string base64UrlEncode(std::span<const std::uint8_t> bytes);

/// Same, for bytes held in a string (JSON text, a signing input).
std::string base64UrlEncode(std::string_view bytes);

/// Strict decoding: only A-Z a-z 0-9 '-' '_'. Refuses padding '=', the standard alphabet's
/// '+' and '/', whitespace, a length that no encoding can have (4n+1), and unused trailing bits
/// that are not zero, so that each byte string has exactly one accepted text form.
Result<std::vector<std::uint8_t>> base64UrlDecode(std::string_view text);

}  // namespace vax
