#include "crypto/PersonVault.h"

#include <sodium.h>

#include <cstdlib>

namespace vax {

PersonVault::PersonVault(SiteKeys keys) : m_keys(keys) {
    if (sodium_init() < 0) {
        std::abort();  // libsodium cannot run safely on this machine
    }
}

std::string PersonVault::hash(const ResidentId& id) const {
    std::string out(32, '\0');
    const std::string& number = id.number();
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                       reinterpret_cast<const unsigned char*>(number.data()), number.size(),
                       m_keys.idHashKey.data(), m_keys.idHashKey.size());
    return out;
}

ProtectedId PersonVault::protect(const ResidentId& id) const {
    const std::string& number = id.number();
    std::string sealed(number.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()),
                    reinterpret_cast<const unsigned char*>(number.data()), number.size(),
                    m_keys.sealPublic.data());
    return {hash(id), id.masked(), std::move(sealed)};
}

std::optional<std::string> PersonVault::unseal(const std::string& sealed) const {
    if (sealed.size() < crypto_box_SEALBYTES) {
        return std::nullopt;
    }
    std::string out(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(out.data()),
                             reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(),
                             m_keys.sealPublic.data(), m_keys.sealSecret.data()) != 0) {
        return std::nullopt;
    }
    return out;
}

}  // namespace vax
