#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"
#include "core/SignedCode.h"
#include "crypto/SiteKeys.h"

namespace vax {

/// A public key a device accepts signatures from.
struct TrustedKey {
    std::string siteId;
    std::uint32_t keyId = 0;
    std::array<std::uint8_t, 32> publicKey{};
};

/// Why a signed code was refused. Each has its own message for the screen and the journal.
enum class VerifyError {
    Malformed,     ///< not a code of ours, truncated, bad Base45, wrong version
    OtherSite,     ///< signed by another vaccination site
    UnknownKey,    ///< our site, but a key this device does not trust (rotated out, forged)
    BadSignature,  ///< altered after signing, or forged
};

struct VerifyFailure {
    VerifyError kind = VerifyError::Malformed;
    std::string message;
};

/// The site public keys an exit or station device trusts (current and previous).
/// File form, one key a line: "<site id> <key id, 8 hex> <public key, 64 hex>".
class TrustList {
public:
    /// The public halves of a site's own signing keys.
    static TrustList fromSiteKeys(const SiteKeys& keys, const std::string& siteId);
    /// Reads a trust file; malformed lines are errors naming the line.
    static Result<TrustList> load(const std::filesystem::path& path);

    std::string serialize() const;
    const std::vector<TrustedKey>& keys() const { return m_keys; }

    /// Parses `text` and checks its signature for `siteId`.
    Result<SignedCode, VerifyFailure> verify(std::string_view text, std::string_view siteId) const;

private:
    std::vector<TrustedKey> m_keys;
};

}  // namespace vax
