#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/Result.h"
#include "net/Jwks.h"

namespace vax {

/// Why a compact JWS was refused. Messages are fit for staff and name no personal data.
struct JwsError {
    enum class Kind {
        Malformed,       ///< not three base64url parts, header or payload not a JSON object
        AlgNotAllowed,   ///< "none", HMAC, RSA or any alg other than ES256 and EdDSA
        UnknownKey,      ///< kid not in the trust list (unknown issuer, or a retired key)
        AlgKeyMismatch,  ///< the header's alg does not fit the type of the key named by kid
        BadSignature,    ///< altered after signing, or signed by another key
    };
    Kind kind = Kind::Malformed;
    std::string message;
};

/// Stable snake_case name of an error kind, e.g. "bad_signature", for the journal.
std::string_view toString(JwsError::Kind kind);

/// A JWS whose signature checked out against a trusted key.
struct VerifiedJws {
    std::string alg;
    std::string kid;
    nlohmann::json header;
    nlohmann::json payload;  ///< always a JSON object
};

/// Options for verifyCompactJws. The defaults are what the kiosk uses.
struct JwsVerifyOptions {
    /// Key assumed when the header has no "kid". Empty (the default): such tokens are
    /// Malformed. Set only when the caller knows the one key that must have signed, e.g. to
    /// check published examples that carry no kid.
    std::string kidWhenAbsent;
};

/// Verifies a compact JWS (RFC 7515 section 7.1) against the trusted keys. Accepts exactly the
/// algorithms ES256 (64-byte R || S, SHA-256) and EdDSA (Ed25519); the alg is checked before any
/// key is looked up, and must fit the type of the key named by "kid". Keys named in the token
/// itself ("jwk", "jku", "x5u") are never used, and "crit" extensions are refused. The payload
/// is parsed only after the signature verified, and must be a JSON object.
Result<VerifiedJws, JwsError> verifyCompactJws(std::string_view token, const JwksTrust& trust);

/// Same, with options.
Result<VerifiedJws, JwsError> verifyCompactJws(std::string_view token, const JwksTrust& trust,
                                               const JwsVerifyOptions& options);

}  // namespace vax
