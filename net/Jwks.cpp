#include "net/Jwks.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "net/Base64Url.h"
#include "net/OpenSslHandles.h"

namespace vax {

namespace {

using namespace vax::openssl;

constexpr std::size_t kCoordinateBytes = 32;

// Imports the point and runs OpenSSL's full public key check (on the curve, not the point at
// infinity, in range). A key that fails would fail every signature later with a less clear
// message, or worse, be a crafted invalid-curve point.
bool isValidP256Point(std::vector<std::uint8_t>& point) {
    const PkeyPtr key = p256PublicKey(point);
    if (!key) {
        return false;
    }
    PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    return check && EVP_PKEY_public_check(check.get()) == 1;
}

std::string shown(std::string_view text) {
    std::string out;
    for (char c : text.substr(0, 64)) {
        out += (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    return out;
}

const std::string* stringMember(const nlohmann::json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string()) {
        return nullptr;
    }
    return it->get_ptr<const std::string*>();
}

// One key entry: a key, a reason to skip it (in `skipReason`), or an error message.
Result<TrustedJwk> readKey(const nlohmann::json& jwk, std::string& skipReason) {
    if (!jwk.is_object()) {
        return Error{"not a JSON object"};
    }
    const std::string* kty = stringMember(jwk, "kty");
    if (kty == nullptr) {
        return Error{"no \"kty\" string"};
    }
    // Checked for every key type: private material in a file copied to kiosks is a leak.
    if (jwk.contains("d")) {
        return Error{
            "it holds a private key (\"d\"); a trust list must hold public keys only, "
            "and this private key must be considered leaked"};
    }
    const std::string* crv = stringMember(jwk, "crv");
    TrustedJwk key;
    if (*kty == "EC") {
        if (crv == nullptr || *crv != "P-256") {
            skipReason =
                "EC curve \"" + shown(crv ? *crv : "") + "\" is not supported (only P-256)";
            return key;
        }
        key.kind = JwkKind::P256;
    } else if (*kty == "OKP") {
        if (crv == nullptr || *crv != "Ed25519") {
            skipReason =
                "OKP curve \"" + shown(crv ? *crv : "") + "\" is not supported (only Ed25519)";
            return key;
        }
        key.kind = JwkKind::Ed25519;
    } else {
        skipReason = "key type \"" + shown(*kty) + "\" is not supported (only EC and OKP)";
        return key;
    }
    if (jwk.contains("use")) {
        const std::string* use = stringMember(jwk, "use");
        if (use == nullptr || *use != "sig") {
            skipReason = "\"use\" is not \"sig\": not a signing key";
            return key;
        }
    }
    const std::string_view expectedAlg = jwsAlgFor(key.kind);
    if (jwk.contains("alg")) {
        const std::string* alg = stringMember(jwk, "alg");
        if (alg == nullptr || *alg != expectedAlg) {
            skipReason = "\"alg\" " +
                         (alg ? "\"" + shown(*alg) + "\"" : std::string("(not text)")) +
                         " is not " + std::string(expectedAlg);
            return key;
        }
    }
    const std::string* kid = stringMember(jwk, "kid");
    if (kid == nullptr || kid->empty()) {
        return Error{"no \"kid\"; codes name their key by kid"};
    }
    key.kid = *kid;

    auto coordinate = [&](const char* name) -> Result<std::vector<std::uint8_t>> {
        const std::string* text = stringMember(jwk, name);
        if (text == nullptr) {
            return Error{std::string("no \"") + name + "\" string"};
        }
        auto bytes = base64UrlDecode(*text);
        if (!bytes) {
            return Error{std::string("\"") + name + "\" is not valid base64url (" +
                         bytes.error().message + ")"};
        }
        if (bytes->size() != kCoordinateBytes) {
            return Error{std::string("\"") + name + "\" must be 32 bytes, not " +
                         std::to_string(bytes->size())};
        }
        return bytes;
    };
    auto x = coordinate("x");
    if (!x) {
        return x.error();
    }
    if (key.kind == JwkKind::P256) {
        auto y = coordinate("y");
        if (!y) {
            return y.error();
        }
        key.publicKey.reserve(1 + 2 * kCoordinateBytes);
        key.publicKey.push_back(0x04);
        key.publicKey.insert(key.publicKey.end(), x->begin(), x->end());
        key.publicKey.insert(key.publicKey.end(), y->begin(), y->end());
        if (!isValidP256Point(key.publicKey)) {
            return Error{"(x, y) is not a point on the P-256 curve"};
        }
    } else {
        key.publicKey = std::move(x).value();
        // Refuses non-canonical encodings and small-order points, which would let a forger
        // make signatures that verify for many messages.
        if (crypto_core_ed25519_is_valid_point(key.publicKey.data()) != 1) {
            return Error{"\"x\" is not a valid Ed25519 public key"};
        }
    }
    return key;
}

}  // namespace

std::string_view jwsAlgFor(JwkKind kind) {
    switch (kind) {
        case JwkKind::P256:
            return "ES256";
        case JwkKind::Ed25519:
            return "EdDSA";
    }
    return "ES256";
}

Result<JwksTrust> JwksTrust::fromJson(std::string_view jsonText, std::string_view sourceName) {
    const std::string source(sourceName);
    if (sodium_init() < 0) {
        return Error{"libsodium cannot start"};
    }
    const nlohmann::json doc = nlohmann::json::parse(jsonText, nullptr, false);
    if (doc.is_discarded()) {
        return Error{source + ": not valid JSON"};
    }
    const auto keys = doc.is_object() ? doc.find("keys") : doc.end();
    if (keys == doc.end() || !keys->is_array()) {
        return Error{source + ": not a JWKS (expected an object with a \"keys\" array)"};
    }
    JwksTrust trust;
    std::set<std::string, std::less<>> seen;
    std::size_t index = 0;
    for (const auto& jwk : *keys) {
        ++index;
        std::string skipReason;
        auto key = readKey(jwk, skipReason);
        const std::string* kid = jwk.is_object() ? stringMember(jwk, "kid") : nullptr;
        const std::string where = source + ": key " + std::to_string(index) +
                                  (kid ? " (kid \"" + shown(*kid) + "\")" : std::string());
        if (!key) {
            return Error{where + ": " + key.error().message};
        }
        if (!skipReason.empty()) {
            trust.m_skipped.push_back(SkippedJwk{kid ? *kid : std::string(), skipReason});
            continue;
        }
        if (!seen.insert(key->kid).second) {
            return Error{where +
                         ": the kid is used by an earlier key too; each key needs its "
                         "own kid"};
        }
        trust.m_keys.push_back(std::move(key).value());
    }
    if (trust.m_keys.empty()) {
        std::string message = source + ": no usable signing key (need EC P-256 or OKP Ed25519)";
        for (const auto& skipped : trust.m_skipped) {
            message += "; skipped " +
                       (skipped.kid.empty() ? "a key" : "\"" + shown(skipped.kid) + "\"") + ": " +
                       skipped.reason;
        }
        return Error{message};
    }
    return trust;
}

Result<JwksTrust> JwksTrust::fromFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error{"cannot read JWKS file " + path.string()};
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        return Error{"cannot read JWKS file " + path.string()};
    }
    return fromJson(text.str(), path.string());
}

std::vector<std::string> JwksTrust::kids() const {
    std::vector<std::string> out;
    out.reserve(m_keys.size());
    for (const auto& key : m_keys) {
        out.push_back(key.kid);
    }
    return out;
}

const TrustedJwk* JwksTrust::find(std::string_view kid) const {
    for (const auto& key : m_keys) {
        if (key.kid == kid) {
            return &key;
        }
    }
    return nullptr;
}

}  // namespace vax
