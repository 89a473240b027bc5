#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// The kinds of public key the kiosk accepts signatures from.
enum class JwkKind {
    P256,     ///< kty "EC", crv "P-256": verifies ES256
    Ed25519,  ///< kty "OKP", crv "Ed25519": verifies EdDSA
};

/// JOSE name of the one signature algorithm a key kind verifies ("ES256" or "EdDSA").
std::string_view jwsAlgFor(JwkKind kind);

/// A public key from a JWKS, already checked to be a valid point.
struct TrustedJwk {
    std::string kid;
    JwkKind kind = JwkKind::P256;
    /// P-256: the uncompressed point 0x04 || X || Y (65 bytes). Ed25519: the 32-byte key.
    std::vector<std::uint8_t> publicKey;
};

/// A key of the JWKS that was left out, and why (a JWKS may hold keys for other systems).
struct SkippedJwk {
    std::string kid;  ///< empty when the key had none
    std::string reason;
};

/// The health-code issuer keys this kiosk trusts, read from a JWKS (RFC 7517). Several keys at
/// once is how issuers rotate: codes signed with the old and the new key both verify until the
/// old key is removed from the file.
class JwksTrust {
public:
    /// Parses a JWKS document {"keys": [...]}. Accepts P-256 keys (x, y) and Ed25519 keys (x)
    /// with a kid; optional "alg" must name the key's algorithm and optional "use" must be "sig",
    /// or the key is skipped. Other key types are skipped and listed in skipped(). Refuses
    /// malformed keys, points not on the curve, private keys ("d"), duplicate kids, and a
    /// document that leaves no usable key. `sourceName` names the document in messages.
    static Result<JwksTrust> fromJson(std::string_view jsonText, std::string_view sourceName);

    /// Reads a JWKS file; see fromJson.
    static Result<JwksTrust> fromFile(const std::filesystem::path& path);

    /// Number of trusted keys.
    std::size_t size() const { return m_keys.size(); }

    /// The trusted key ids, in document order.
    std::vector<std::string> kids() const;

    /// The trusted keys, in document order.
    const std::vector<TrustedJwk>& keys() const { return m_keys; }

    /// Keys of the document that are not trusted, with the reason.
    const std::vector<SkippedJwk>& skipped() const { return m_skipped; }

    /// The key with this kid, or nullptr.
    const TrustedJwk* find(std::string_view kid) const;

private:
    std::vector<TrustedJwk> m_keys;
    std::vector<SkippedJwk> m_skipped;
};

}  // namespace vax
