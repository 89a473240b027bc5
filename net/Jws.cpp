#include "net/Jws.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

#include <memory>
#include <optional>
#include <set>
#include <span>
#include <vector>

#include "net/Base64Url.h"
#include "net/OpenSslHandles.h"

namespace vax {

namespace {

using namespace vax::openssl;

// A QR code holds at most about 3 KB; anything far longer is not a health code, and the limit
// bounds the work an attacker can make the kiosk do.
constexpr std::size_t kMaxTokenLength = 8192;
constexpr std::size_t kSignatureBytes = 64;
constexpr int kScalarBytes = 32;

constexpr const char* kBadSignature =
    "signature does not match: the code was altered or not issued by a trusted key";

JwsError fail(JwsError::Kind kind, std::string message) {
    return JwsError{kind, std::move(message)};
}

JwsError malformed(const std::string& detail) {
    return fail(JwsError::Kind::Malformed, "not a valid signed code: " + detail);
}

// Text from the token shown in a message: short and printable, so a crafted header cannot
// flood or garble the screen and the journal.
std::string shown(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 40)) {
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    if (text.size() > 40) {
        out += "...";
    }
    return out;
}

// Parses a JSON text and refuses duplicate member names at any depth. Parsers disagree on
// which duplicate wins, which has let tokens show one "alg" to a checker and another to the
// verifier; RFC 7515 section 5.2 allows refusing them.
std::optional<nlohmann::json> parseJsonStrict(std::span<const std::uint8_t> bytes) {
    std::vector<std::set<std::string>> openObjects;
    bool duplicate = false;
    nlohmann::json::parser_callback_t callback =
        [&](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            switch (event) {
                case nlohmann::json::parse_event_t::object_start:
                    openObjects.emplace_back();
                    break;
                case nlohmann::json::parse_event_t::object_end:
                    if (!openObjects.empty()) {
                        openObjects.pop_back();
                    }
                    break;
                case nlohmann::json::parse_event_t::key:
                    if (!openObjects.empty() && parsed.is_string() &&
                        !openObjects.back().insert(parsed.get<std::string>()).second) {
                        duplicate = true;
                    }
                    break;
                default:
                    break;
            }
            return true;
        };
    nlohmann::json doc = nlohmann::json::parse(bytes.begin(), bytes.end(), callback, false);
    if (doc.is_discarded() || duplicate) {
        return std::nullopt;
    }
    return doc;
}

// JOSE carries ECDSA signatures as R || S (RFC 7518 section 3.4); OpenSSL verifies DER.
std::optional<std::vector<unsigned char>> joseToDer(std::span<const std::uint8_t> signature) {
    EcdsaSigPtr sig(ECDSA_SIG_new());
    BnPtr r(BN_bin2bn(signature.data(), kScalarBytes, nullptr));
    BnPtr s(BN_bin2bn(signature.data() + kScalarBytes, kScalarBytes, nullptr));
    if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) {
        return std::nullopt;
    }
    // The signature object owns r and s now.
    (void)r.release();
    (void)s.release();
    const int length = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0) {
        return std::nullopt;
    }
    std::vector<unsigned char> der(static_cast<std::size_t>(length));
    unsigned char* out = der.data();
    if (i2d_ECDSA_SIG(sig.get(), &out) != length) {
        return std::nullopt;
    }
    return der;
}

bool verifyEs256(const TrustedJwk& key, std::string_view signingInput,
                 std::span<const std::uint8_t> signature) {
    PkeyPtr pkey = p256PublicKey(key.publicKey);
    auto der = joseToDer(signature);
    MdCtxPtr md(EVP_MD_CTX_new());
    if (!pkey || !der || !md ||
        EVP_DigestVerifyInit_ex(md.get(), nullptr, "SHA256", nullptr, nullptr, pkey.get(),
                                nullptr) != 1) {
        return false;
    }
    return EVP_DigestVerify(md.get(), der->data(), der->size(),
                            reinterpret_cast<const unsigned char*>(signingInput.data()),
                            signingInput.size()) == 1;
}

bool verifyEd25519(const TrustedJwk& key, std::string_view signingInput,
                   std::span<const std::uint8_t> signature) {
    if (sodium_init() < 0 || key.publicKey.size() != crypto_sign_PUBLICKEYBYTES) {
        return false;
    }
    return crypto_sign_verify_detached(signature.data(),
                                       reinterpret_cast<const unsigned char*>(signingInput.data()),
                                       signingInput.size(), key.publicKey.data()) == 0;
}

std::optional<JwkKind> keyKindForAlg(std::string_view alg) {
    if (alg == "ES256") {
        return JwkKind::P256;
    }
    if (alg == "EdDSA") {
        return JwkKind::Ed25519;
    }
    return std::nullopt;
}

std::string_view describe(JwkKind kind) {
    return kind == JwkKind::P256 ? "a P-256 (ES256)" : "an Ed25519 (EdDSA)";
}

std::string algRefusal(const std::string& alg) {
    if (alg == "none") {
        return "the code is not signed (alg \"none\"); only signed codes are accepted";
    }
    if (alg.starts_with("HS")) {
        return "the code uses a shared-secret MAC (alg \"" + shown(alg) +
               "\"), which proves nothing to the kiosk; only ES256 and EdDSA signatures are "
               "accepted";
    }
    return "the code is signed with alg \"" + shown(alg) +
           "\", which the kiosk does not accept (only ES256 and EdDSA)";
}

}  // namespace

std::string_view toString(JwsError::Kind kind) {
    switch (kind) {
        case JwsError::Kind::Malformed:
            return "malformed";
        case JwsError::Kind::AlgNotAllowed:
            return "alg_not_allowed";
        case JwsError::Kind::UnknownKey:
            return "unknown_key";
        case JwsError::Kind::AlgKeyMismatch:
            return "alg_key_mismatch";
        case JwsError::Kind::BadSignature:
            return "bad_signature";
    }
    return "malformed";
}

Result<VerifiedJws, JwsError> verifyCompactJws(std::string_view token, const JwksTrust& trust) {
    return verifyCompactJws(token, trust, JwsVerifyOptions{});
}

Result<VerifiedJws, JwsError> verifyCompactJws(std::string_view token, const JwksTrust& trust,
                                               const JwsVerifyOptions& options) {
    if (token.size() > kMaxTokenLength) {
        return malformed("far too long for a health code (" + std::to_string(token.size()) +
                         " characters)");
    }
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot =
        firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != token.npos) {
        return malformed("expected three parts separated by '.'");
    }
    const std::string_view headerPart = token.substr(0, firstDot);
    const std::string_view payloadPart = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const std::string_view signaturePart = token.substr(secondDot + 1);
    const std::string_view signingInput = token.substr(0, secondDot);

    auto headerBytes = base64UrlDecode(headerPart);
    if (!headerBytes) {
        return malformed("the header part is not base64url (" + headerBytes.error().message + ")");
    }
    auto header = parseJsonStrict(*headerBytes);
    if (!header || !header->is_object()) {
        return malformed("the header is not a JSON object (or repeats a member)");
    }
    const auto algIt = header->find("alg");
    if (algIt == header->end() || !algIt->is_string()) {
        return malformed("the header has no \"alg\"");
    }
    const std::string alg = algIt->get<std::string>();
    const std::optional<JwkKind> wantedKind = keyKindForAlg(alg);
    if (!wantedKind) {
        return fail(JwsError::Kind::AlgNotAllowed, algRefusal(alg));
    }
    if (header->contains("crit")) {
        return malformed("the header demands extensions (\"crit\") the kiosk does not support");
    }
    std::string kid;
    if (const auto kidIt = header->find("kid"); kidIt != header->end()) {
        if (!kidIt->is_string() || kidIt->get_ref<const std::string&>().empty()) {
            return malformed("the header's \"kid\" is not a non-empty string");
        }
        kid = kidIt->get<std::string>();
    } else if (!options.kidWhenAbsent.empty()) {
        kid = options.kidWhenAbsent;
    } else {
        return malformed("the header has no \"kid\" naming the signing key");
    }

    auto payloadBytes = base64UrlDecode(payloadPart);
    if (!payloadBytes) {
        return malformed("the payload part is not base64url (" + payloadBytes.error().message +
                         ")");
    }
    auto signature = base64UrlDecode(signaturePart);
    if (!signature) {
        return malformed("the signature part is not base64url (" + signature.error().message + ")");
    }

    const TrustedJwk* key = trust.find(kid);
    if (key == nullptr) {
        return fail(JwsError::Kind::UnknownKey,
                    "signed with key \"" + shown(kid) +
                        "\", which this kiosk does not trust (unknown issuer, or a key that was "
                        "retired)");
    }
    if (key->kind != *wantedKind) {
        return fail(JwsError::Kind::AlgKeyMismatch,
                    "the code says alg \"" + alg + "\" but key \"" + shown(kid) + "\" is " +
                        std::string(describe(key->kind)) + " key; refused");
    }
    if (signature->size() != kSignatureBytes) {
        return fail(JwsError::Kind::BadSignature, std::string(kBadSignature) +
                                                      " (the signature must be 64 bytes, not " +
                                                      std::to_string(signature->size()) + ")");
    }
    const bool valid = key->kind == JwkKind::P256 ? verifyEs256(*key, signingInput, *signature)
                                                  : verifyEd25519(*key, signingInput, *signature);
    if (!valid) {
        return fail(JwsError::Kind::BadSignature, kBadSignature);
    }

    // Only now is the payload trusted enough to parse.
    auto payload = parseJsonStrict(*payloadBytes);
    if (!payload || !payload->is_object()) {
        return malformed("the signed content is not a JSON object (or repeats a member)");
    }
    return VerifiedJws{alg, kid, std::move(*header), std::move(*payload)};
}

}  // namespace vax
