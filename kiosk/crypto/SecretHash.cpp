#include "crypto/SecretHash.h"

#include <sodium.h>

namespace vax {

Result<std::string> hashSecret(std::string_view secret) {
    if (sodium_init() < 0) {
        return Error{"libsodium cannot start"};
    }
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, secret.data(), secret.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        return Error{"not enough memory to hash the PIN"};
    }
    return std::string(out);
}

bool secretMatches(const std::string& hash, std::string_view secret) {
    // The hash string carries its own algorithm and limits; verify reads them from there.
    return sodium_init() >= 0 &&
           crypto_pwhash_str_verify(hash.c_str(), secret.data(), secret.size()) == 0;
}

}  // namespace vax
