// libFuzzer target for the offline health-code path: compact JWS verification, the JWKS trust
// list and the claims check all read what a phone or a copied file hands over. The first byte
// picks what the rest is:
//   'K' a JWKS document, parsed, then each key must refuse a signature made by another key;
//   'S' "<header JSON>\n<payload JSON>", signed here with a trusted key and then verified
//       and checked as a health code, so that the claims logic behind the signature is reached;
//   anything else: the whole input is a compact token, verified against the trusted keys.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "FuzzRequire.h"
#include "net/Base64Url.h"
#include "net/Jwks.h"
#include "net/Jws.h"
#include "net/JwsSigner.h"
#include "net/OfflineHealthCode.h"

namespace {

using namespace vax;

constexpr std::int64_t kNow = 1'790'000'000;  // a fixed kiosk clock, so runs repeat

using fuzz::require;

// Keys made once per process: nothing secret is committed, and signed inputs are built at run
// time ('S'), so a saved input reproduces in any process.
struct Issuers {
    JwsSigner es256;
    JwsSigner eddsa;
    JwsSigner stranger;  // same kid as es256, not in the trust list
    JwksTrust trust;
};

const Issuers& issuers() {
    static const Issuers made = [] {
        auto es256 = JwsSigner::generate(JwsAlgorithm::ES256, "issuer-es");
        auto eddsa = JwsSigner::generate(JwsAlgorithm::EdDSA, "issuer-ed");
        auto stranger = JwsSigner::generate(JwsAlgorithm::ES256, "issuer-es");
        require(es256.ok() && eddsa.ok() && stranger.ok());
        nlohmann::json doc;
        doc["keys"] = nlohmann::json::array({es256->publicJwk(), eddsa->publicJwk()});
        auto trust = JwksTrust::fromJson(doc.dump(), "fuzz.jwks");
        require(trust.ok());
        return Issuers{*es256, *eddsa, *stranger, *trust};
    }();
    return made;
}

bool isStatus(HealthCodeStatus status) {
    return status == HealthCodeStatus::Green || status == HealthCodeStatus::Yellow ||
           status == HealthCodeStatus::Red;
}

void checkVerified(const Result<VerifiedJws, JwsError>& verified, const JwksTrust& trust) {
    if (!verified) {
        require(!verified.error().message.empty());
        return;
    }
    const TrustedJwk* key = trust.find(verified->kid);
    require(key != nullptr && jwsAlgFor(key->kind) == verified->alg);
    require(verified->header.is_object() && verified->payload.is_object());
}

void checkHealthCode(std::string_view token, const JwksTrust& trust) {
    const OfflineCodeRules rules;
    const auto code = checkOfflineHealthCode(token, trust, kNow, rules);
    if (!code) {
        require(!code.error().message.empty());
        return;
    }
    require(isStatus(code->status));
    require(!code->subject.empty() && !code->jti.empty());
    require(code->exp > code->iat);
    require(kNow < code->exp);
    require(code->iat - rules.clockSkewSeconds <= kNow && kNow <= code->iat + rules.maxAgeSeconds);
}

// A token that verified must stop verifying once any character of its payload part changes.
void checkTamperRefused(const std::string& token, const JwksTrust& trust) {
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot = token.find('.', firstDot + 1);
    for (std::size_t at = firstDot + 1; at < secondDot; at += 7) {
        std::string altered = token;
        altered[at] = altered[at] == 'A' ? 'B' : 'A';
        require(!verifyCompactJws(altered, trust).ok());
    }
}

void fuzzTrustList(std::string_view text) {
    const auto trust = JwksTrust::fromJson(text, "fuzz.jwks");
    if (!trust) {
        require(!trust.error().message.empty());
        return;
    }
    require(trust->size() > 0);
    const Issuers& made = issuers();
    for (const TrustedJwk& key : trust->keys()) {
        require(!key.kid.empty() && trust->find(key.kid) == &key);
        require(key.kind == JwkKind::P256 ? key.publicKey.size() == 65 && key.publicKey[0] == 0x04
                                          : key.publicKey.size() == 32);
        // Signed under this kid by our own key: the parsed key (the fuzzer's) must refuse it.
        const JwsSigner& signer = key.kind == JwkKind::P256 ? made.es256 : made.eddsa;
        const nlohmann::json header = {{"alg", jwsAlgFor(key.kind)}, {"kid", key.kid}};
        const std::string signingInput =
            base64UrlEncode(header.dump()) + "." + base64UrlEncode(std::string(R"({"sub":"x"})"));
        const std::string token = signingInput + "." + signer.signatureFor(signingInput);
        const auto verified = verifyCompactJws(token, *trust);
        require(!verified.ok() && verified.error().kind == JwsError::Kind::BadSignature);
    }
}

void fuzzSigned(std::string_view text) {
    const std::size_t newline = text.find('\n');
    const std::string_view header = text.substr(0, newline);
    const std::string_view payload =
        newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    const Issuers& made = issuers();
    const JwsSigner& signer =
        header.find("EdDSA") != std::string_view::npos ? made.eddsa : made.es256;
    const std::string signingInput = base64UrlEncode(header) + "." + base64UrlEncode(payload);
    const std::string token = signingInput + "." + signer.signatureFor(signingInput);

    const auto verified = verifyCompactJws(token, made.trust);
    checkVerified(verified, made.trust);
    checkHealthCode(token, made.trust);
    if (verified) {
        checkTamperRefused(token, made.trust);
        // The same bytes under the stranger's signature are never trusted.
        const std::string forged = signingInput + "." + made.stranger.signatureFor(signingInput);
        require(!verifyCompactJws(forged, made.trust).ok());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    if (!input.empty() && input.front() == 'K') {
        fuzzTrustList(input.substr(1));
    } else if (!input.empty() && input.front() == 'S') {
        fuzzSigned(input.substr(1));
    } else {
        const Issuers& made = issuers();
        checkVerified(verifyCompactJws(input, made.trust), made.trust);
        checkHealthCode(input, made.trust);
    }
    return 0;
}
