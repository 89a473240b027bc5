#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/Result.h"

namespace vax {

/// The signature algorithms JwsSigner can make.
enum class JwsAlgorithm {
    ES256,  ///< ECDSA P-256 with SHA-256
    EdDSA,  ///< Ed25519
};

/// A private signing key with its kid, making compact JWS tokens. For the reference issuer in
/// tests and the demo server; the kiosk itself only verifies (JwksTrust, verifyCompactJws).
/// The private key is wiped from memory when the signer is destroyed.
class JwsSigner {
public:
    /// A fresh random key.
    static Result<JwsSigner> generate(JwsAlgorithm algorithm, std::string kid);

    /// Loads a key saved with privateJwk(): EC P-256 with x, y, d or OKP Ed25519 with x, d, and a
    /// kid. Refuses a "d" that does not belong to the public part.
    static Result<JwsSigner> fromPrivateJwk(const nlohmann::json& jwk);

    JwsSigner(const JwsSigner& other) = default;
    JwsSigner& operator=(const JwsSigner& other) = default;
    JwsSigner(JwsSigner&& other) noexcept = default;
    JwsSigner& operator=(JwsSigner&& other) noexcept = default;
    ~JwsSigner();

    JwsAlgorithm algorithm() const { return m_algorithm; }
    /// "ES256" or "EdDSA".
    std::string_view algName() const;
    const std::string& kid() const { return m_kid; }

    /// The public key as a JWK with kid, alg and use "sig": what goes into the JWKS.
    nlohmann::json publicJwk() const;

    /// The public JWK plus the private part "d". Secret: store it with mode 0600.
    nlohmann::json privateJwk() const;

    /// A compact JWS of `payload` (serialized as compact JSON) with header {"alg", "kid"} plus
    /// the members of `extraHeader` (e.g. "typ"); alg and kid always come from this signer.
    /// Empty only if the crypto library fails (out of memory).
    std::string sign(const nlohmann::json& payload,
                     const nlohmann::json& extraHeader = nlohmann::json::object()) const;

    /// The base64url signature over an arbitrary signing input ("header.payload"), so tests can
    /// build tokens with unusual headers or payloads. Empty only if the crypto library fails.
    std::string signatureFor(std::string_view signingInput) const;

private:
    JwsSigner() = default;

    JwsAlgorithm m_algorithm = JwsAlgorithm::ES256;
    std::string m_kid;
    /// ES256: the uncompressed point (65 bytes). EdDSA: the 32-byte public key.
    std::vector<std::uint8_t> m_public;
    /// ES256: the 32-byte private scalar. EdDSA: libsodium's 64-byte secret key (seed || pk).
    std::vector<std::uint8_t> m_private;
};

}  // namespace vax
