#pragma once

#include <optional>
#include <string>

#include "core/ResidentId.h"
#include "crypto/SiteKeys.h"

namespace vax {

/// How an ID number is kept: never in clear.
struct ProtectedId {
    std::string hash;    ///< keyed BLAKE2b-256 (binary): the same number gives the same hash
    std::string masked;  ///< for display
    std::string sealed;  ///< crypto_box_seal to the site's key, for later upload (binary)
};

/// Hashes, masks and seals ID numbers with the site's keys.
class PersonVault {
public:
    explicit PersonVault(SiteKeys keys);

    ProtectedId protect(const ResidentId& id) const;
    /// The lookup hash alone.
    std::string hash(const ResidentId& id) const;
    /// Opens a sealed number (for upload); nullopt when it was not sealed to this site.
    std::optional<std::string> unseal(const std::string& sealed) const;

private:
    SiteKeys m_keys;
};

}  // namespace vax
