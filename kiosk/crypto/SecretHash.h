#pragma once

#include <string>
#include <string_view>

#include "core/Result.h"

namespace vax {

/// The Argon2id hash of a short secret such as a staff PIN, in libsodium's crypto_pwhash_str
/// form ("$argon2id$..."): salted, interactive limits, never reversible. Fails only when the
/// machine cannot afford the memory.
Result<std::string> hashSecret(std::string_view secret);

/// True when `secret` is the one hashed into `hash`; false for a wrong secret or a hash that
/// is not a crypto_pwhash_str string.
bool secretMatches(const std::string& hash, std::string_view secret);

}  // namespace vax
