#include "net/JwsSigner.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <bit>
#include <memory>
#include <optional>

#include "net/Base64Url.h"
#include "net/OpenSslHandles.h"

namespace vax {

namespace {

using namespace vax::openssl;

constexpr std::size_t kScalarBytes = 32;
constexpr std::size_t kPointBytes = 1 + 2 * kScalarBytes;

// Wipes a local buffer that held key material when it goes out of scope.
template <class Buffer>
struct Wipe {
    Buffer& buffer;
    ~Wipe() { sodium_memzero(buffer.data(), buffer.size()); }
};

std::span<const std::uint8_t> bytesOf(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

std::string jsonText(const nlohmann::json& value) {
    // Replace, not throw, on invalid UTF-8: errors stay values here.
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A P-256 key pair from the private scalar and the public point, via OSSL_PARAM (the EC_KEY
// functions are deprecated in OpenSSL 3).
PkeyPtr p256KeyPair(const std::vector<std::uint8_t>& scalar,
                    const std::vector<std::uint8_t>& point) {
    if (scalar.size() != kScalarBytes || point.size() != kPointBytes) {
        return nullptr;
    }
    // OSSL_PARAM integers are in native byte order; the JWK scalar is big-endian.
    std::array<unsigned char, kScalarBytes> native{};
    Wipe<decltype(native)> wipe{native};
    std::copy(scalar.begin(), scalar.end(), native.begin());
    if constexpr (std::endian::native == std::endian::little) {
        std::reverse(native.begin(), native.end());
    }
    std::vector<std::uint8_t> pub = point;
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_BN(OSSL_PKEY_PARAM_PRIV_KEY, native.data(), native.size()),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, pub.data(), pub.size()),
        OSSL_PARAM_construct_end(),
    };
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) {
        return nullptr;
    }
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_KEYPAIR, params) != 1) {
        return nullptr;
    }
    return PkeyPtr(raw);
}

std::optional<std::vector<std::uint8_t>> es256Signature(const std::vector<std::uint8_t>& scalar,
                                                        const std::vector<std::uint8_t>& point,
                                                        std::string_view input) {
    PkeyPtr key = p256KeyPair(scalar, point);
    MdCtxPtr md(EVP_MD_CTX_new());
    if (!key || !md ||
        EVP_DigestSignInit_ex(md.get(), nullptr, "SHA256", nullptr, nullptr, key.get(), nullptr) !=
            1) {
        return std::nullopt;
    }
    const auto* data = reinterpret_cast<const unsigned char*>(input.data());
    std::size_t length = 0;
    if (EVP_DigestSign(md.get(), nullptr, &length, data, input.size()) != 1) {
        return std::nullopt;
    }
    std::vector<unsigned char> der(length);
    if (EVP_DigestSign(md.get(), der.data(), &length, data, input.size()) != 1) {
        return std::nullopt;
    }
    // OpenSSL gives DER; JOSE wants R || S, each left-padded to 32 bytes (RFC 7518 3.4).
    const unsigned char* cursor = der.data();
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(length)));
    if (!sig) {
        return std::nullopt;
    }
    const BIGNUM* r = nullptr;
    const BIGNUM* s = nullptr;
    ECDSA_SIG_get0(sig.get(), &r, &s);
    std::vector<std::uint8_t> out(2 * kScalarBytes);
    if (BN_bn2binpad(r, out.data(), int(kScalarBytes)) != int(kScalarBytes) ||
        BN_bn2binpad(s, out.data() + kScalarBytes, int(kScalarBytes)) != int(kScalarBytes)) {
        return std::nullopt;
    }
    return out;
}

Result<std::vector<std::uint8_t>> jwkBytes(const nlohmann::json& jwk, const char* name,
                                           std::size_t size) {
    const auto it = jwk.find(name);
    if (it == jwk.end() || !it->is_string()) {
        return Error{std::string("private JWK has no \"") + name + "\" string"};
    }
    auto bytes = base64UrlDecode(it->get_ref<const std::string&>());
    if (!bytes) {
        return Error{std::string("private JWK \"") + name + "\": " + bytes.error().message};
    }
    if (bytes->size() != size) {
        return Error{std::string("private JWK \"") + name + "\" must be " + std::to_string(size) +
                     " bytes"};
    }
    return bytes;
}

}  // namespace

JwsSigner::~JwsSigner() {
    sodium_memzero(m_private.data(), m_private.size());
}

Result<JwsSigner> JwsSigner::generate(JwsAlgorithm algorithm, std::string kid) {
    if (kid.empty()) {
        return Error{"a signing key needs a kid"};
    }
    if (sodium_init() < 0) {
        return Error{"libsodium cannot start"};
    }
    JwsSigner signer;
    signer.m_algorithm = algorithm;
    signer.m_kid = std::move(kid);
    if (algorithm == JwsAlgorithm::EdDSA) {
        signer.m_public.resize(crypto_sign_PUBLICKEYBYTES);
        signer.m_private.resize(crypto_sign_SECRETKEYBYTES);
        crypto_sign_keypair(signer.m_public.data(), signer.m_private.data());
        return signer;
    }
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_end(),
    };
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_params(ctx.get(), params) != 1 ||
        EVP_PKEY_generate(ctx.get(), &raw) != 1) {
        return Error{"cannot generate a P-256 key"};
    }
    PkeyPtr key(raw);
    BIGNUM* rawScalar = nullptr;
    if (EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &rawScalar) != 1) {
        return Error{"cannot read the generated P-256 key"};
    }
    BnClearPtr scalar(rawScalar);
    signer.m_private.resize(kScalarBytes);
    signer.m_public.resize(kPointBytes);
    std::size_t pointLength = 0;
    if (BN_bn2binpad(scalar.get(), signer.m_private.data(), int(kScalarBytes)) !=
            int(kScalarBytes) ||
        EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_PUB_KEY, signer.m_public.data(),
                                        signer.m_public.size(), &pointLength) != 1 ||
        pointLength != kPointBytes || signer.m_public[0] != 0x04) {
        return Error{"cannot read the generated P-256 key"};
    }
    return signer;
}

Result<JwsSigner> JwsSigner::fromPrivateJwk(const nlohmann::json& jwk) {
    if (!jwk.is_object()) {
        return Error{"private JWK is not a JSON object"};
    }
    if (sodium_init() < 0) {
        return Error{"libsodium cannot start"};
    }
    const auto text = [&](const char* name) -> std::string {
        const auto it = jwk.find(name);
        return it != jwk.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    JwsSigner signer;
    signer.m_kid = text("kid");
    if (signer.m_kid.empty()) {
        return Error{"private JWK has no \"kid\""};
    }
    const std::string kty = text("kty");
    const std::string crv = text("crv");
    auto d = jwkBytes(jwk, "d", kScalarBytes);
    if (!d) {
        return d.error();
    }
    Wipe<std::vector<std::uint8_t>> wipeD{*d};
    auto x = jwkBytes(jwk, "x", kScalarBytes);
    if (!x) {
        return x.error();
    }
    if (kty == "OKP" && crv == "Ed25519") {
        signer.m_algorithm = JwsAlgorithm::EdDSA;
        signer.m_public.resize(crypto_sign_PUBLICKEYBYTES);
        signer.m_private.resize(crypto_sign_SECRETKEYBYTES);
        crypto_sign_seed_keypair(signer.m_public.data(), signer.m_private.data(), d->data());
        if (signer.m_public != *x) {
            return Error{"private JWK: \"d\" does not belong to the public key \"x\""};
        }
        return signer;
    }
    if (kty != "EC" || crv != "P-256") {
        return Error{"private JWK must be EC P-256 or OKP Ed25519"};
    }
    auto y = jwkBytes(jwk, "y", kScalarBytes);
    if (!y) {
        return y.error();
    }
    signer.m_algorithm = JwsAlgorithm::ES256;
    signer.m_public.push_back(0x04);
    signer.m_public.insert(signer.m_public.end(), x->begin(), x->end());
    signer.m_public.insert(signer.m_public.end(), y->begin(), y->end());
    signer.m_private = *d;
    PkeyPtr key = p256KeyPair(signer.m_private, signer.m_public);
    PkeyCtxPtr check(key ? EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr) : nullptr);
    if (!check || EVP_PKEY_public_check(check.get()) != 1 ||
        EVP_PKEY_pairwise_check(check.get()) != 1) {
        return Error{"private JWK: (x, y) is not a P-256 point, or \"d\" does not belong to it"};
    }
    return signer;
}

std::string_view JwsSigner::algName() const {
    return m_algorithm == JwsAlgorithm::ES256 ? "ES256" : "EdDSA";
}

nlohmann::json JwsSigner::publicJwk() const {
    nlohmann::json jwk;
    const std::span<const std::uint8_t> pub(m_public);
    if (m_algorithm == JwsAlgorithm::ES256) {
        jwk["kty"] = "EC";
        jwk["crv"] = "P-256";
        jwk["x"] = base64UrlEncode(pub.subspan(1, kScalarBytes));
        jwk["y"] = base64UrlEncode(pub.subspan(1 + kScalarBytes, kScalarBytes));
    } else {
        jwk["kty"] = "OKP";
        jwk["crv"] = "Ed25519";
        jwk["x"] = base64UrlEncode(pub);
    }
    jwk["kid"] = m_kid;
    jwk["alg"] = algName();
    jwk["use"] = "sig";
    return jwk;
}

nlohmann::json JwsSigner::privateJwk() const {
    nlohmann::json jwk = publicJwk();
    // libsodium's secret key is seed || public key; the JWK "d" is the seed (RFC 8037 2).
    const std::span<const std::uint8_t> secret(m_private);
    jwk["d"] = base64UrlEncode(secret.first(kScalarBytes));
    return jwk;
}

std::string JwsSigner::sign(const nlohmann::json& payload,
                            const nlohmann::json& extraHeader) const {
    nlohmann::json header = extraHeader.is_object() ? extraHeader : nlohmann::json::object();
    header["alg"] = algName();
    header["kid"] = m_kid;
    const std::string input =
        base64UrlEncode(jsonText(header)) + "." + base64UrlEncode(jsonText(payload));
    const std::string signature = signatureFor(input);
    if (signature.empty()) {
        return {};
    }
    return input + "." + signature;
}

std::string JwsSigner::signatureFor(std::string_view signingInput) const {
    if (m_algorithm == JwsAlgorithm::EdDSA) {
        std::array<std::uint8_t, crypto_sign_BYTES> signature{};
        if (m_private.size() != crypto_sign_SECRETKEYBYTES ||
            crypto_sign_detached(signature.data(), nullptr, bytesOf(signingInput).data(),
                                 signingInput.size(), m_private.data()) != 0) {
            return {};
        }
        return base64UrlEncode(signature);
    }
    auto signature = es256Signature(m_private, m_public, signingInput);
    return signature ? base64UrlEncode(*signature) : std::string();
}

}  // namespace vax
