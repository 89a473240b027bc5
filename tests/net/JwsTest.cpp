#include "net/Jws.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "net/Base64Url.h"
#include "net/Jwks.h"
#include "net/JwsSigner.h"
#include "support/TempDir.h"

namespace vax {
namespace {

using nlohmann::json;
using Kind = JwsError::Kind;

// RFC 7515 Appendix A.3: the published ES256 example. Its header is {"alg":"ES256"}, with no
// kid; the kid below is ours, given to the key in the trust list.
constexpr const char* kRfc7515A3Token =
    "eyJhbGciOiJFUzI1NiJ9"
    "."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    "."
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
constexpr const char* kRfc7515A3X = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
constexpr const char* kRfc7515A3Y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
constexpr const char* kRfc7515A3D = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";

// RFC 8037 Appendix A: the Ed25519 key (A.1) and the signature of the JWS in A.4. Ed25519 is
// deterministic, so the signer must reproduce it exactly. Its payload is plain text.
constexpr const char* kRfc8037D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
constexpr const char* kRfc8037X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
constexpr const char* kRfc8037SigningInput =
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
constexpr const char* kRfc8037Signature =
    "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

std::string text(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

std::string b64(const json& value) {
    return base64UrlEncode(value.dump());
}

JwsSigner makeSigner(JwsAlgorithm alg, const std::string& kid) {
    auto signer = JwsSigner::generate(alg, kid);
    EXPECT_TRUE(signer) << signer.error().message;
    return std::move(signer).value();
}

json jwksOf(std::initializer_list<json> keys) {
    json doc;
    doc["keys"] = json::array();
    for (const auto& key : keys) {
        doc["keys"].push_back(key);
    }
    return doc;
}

JwksTrust trustOf(std::initializer_list<const JwsSigner*> signers) {
    json doc;
    doc["keys"] = json::array();
    for (const auto* signer : signers) {
        doc["keys"].push_back(signer->publicJwk());
    }
    auto trust = JwksTrust::fromJson(doc.dump(), "test.jwks");
    EXPECT_TRUE(trust) << trust.error().message;
    return std::move(trust).value();
}

JwksTrust rfc7515Trust() {
    const json doc = jwksOf({json{{"kty", "EC"},
                                  {"crv", "P-256"},
                                  {"x", kRfc7515A3X},
                                  {"y", kRfc7515A3Y},
                                  {"kid", "rfc7515-a3"},
                                  {"alg", "ES256"},
                                  {"use", "sig"}}});
    auto trust = JwksTrust::fromJson(doc.dump(), "rfc7515.jwks");
    EXPECT_TRUE(trust) << trust.error().message;
    return std::move(trust).value();
}

const json kClaims = {{"iss", "demo-issuer"}, {"sub", "p-1"}, {"hcs", "green"}};

// A token with the given header and payload, signed by `signer` over exactly these bytes.
std::string signedToken(const JwsSigner& signer, const json& header, const json& payload) {
    const std::string input = b64(header) + "." + b64(payload);
    return input + "." + signer.signatureFor(input);
}

std::string partOf(const std::string& token, int index) {
    std::size_t start = 0;
    for (int i = 0; i < index; ++i) {
        start = token.find('.', start) + 1;
    }
    return token.substr(start, token.find('.', start) - start);
}

Kind kindOf(std::string_view token, const JwksTrust& trust) {
    auto result = verifyCompactJws(token, trust);
    EXPECT_FALSE(result) << "expected a refusal for " << token;
    return result ? Kind::Malformed : result.error().kind;
}

// --- base64url ---

TEST(Base64Url, EncodesRfc4648VectorsWithoutPadding) {
    EXPECT_EQ(base64UrlEncode(std::string_view("")), "");
    EXPECT_EQ(base64UrlEncode(std::string_view("f")), "Zg");
    EXPECT_EQ(base64UrlEncode(std::string_view("fo")), "Zm8");
    EXPECT_EQ(base64UrlEncode(std::string_view("foo")), "Zm9v");
    EXPECT_EQ(base64UrlEncode(std::string_view("foob")), "Zm9vYg");
    EXPECT_EQ(base64UrlEncode(std::string_view("fooba")), "Zm9vYmE");
    EXPECT_EQ(base64UrlEncode(std::string_view("foobar")), "Zm9vYmFy");
}

TEST(Base64Url, DecodesRfc4648VectorsWithoutPadding) {
    for (const auto& [encoded, plain] :
         std::vector<std::pair<std::string, std::string>>{{"", ""},
                                                          {"Zg", "f"},
                                                          {"Zm8", "fo"},
                                                          {"Zm9v", "foo"},
                                                          {"Zm9vYg", "foob"},
                                                          {"Zm9vYmE", "fooba"},
                                                          {"Zm9vYmFy", "foobar"}}) {
        auto decoded = base64UrlDecode(encoded);
        ASSERT_TRUE(decoded) << encoded << ": " << decoded.error().message;
        EXPECT_EQ(text(*decoded), plain);
    }
}

TEST(Base64Url, UsesDashAndUnderscoreWhereBase64HasPlusAndSlash) {
    const std::vector<std::uint8_t> bytes = {0xFB, 0xFF, 0xBF};
    EXPECT_EQ(base64UrlEncode(bytes), "-_-_");  // standard base64: "+/+/"
    auto decoded = base64UrlDecode("-_-_");
    ASSERT_TRUE(decoded);
    EXPECT_EQ(*decoded, bytes);
}

TEST(Base64Url, EveryByteValueRoundTrips) {
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < 256; ++i) {
        bytes.push_back(std::uint8_t(i));
        auto decoded = base64UrlDecode(base64UrlEncode(bytes));
        ASSERT_TRUE(decoded);
        EXPECT_EQ(*decoded, bytes);
    }
}

TEST(Base64Url, RefusesPadding) {
    auto decoded = base64UrlDecode("Zg==");
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().message.find("padding"), std::string::npos);
    EXPECT_FALSE(base64UrlDecode("Zm8="));
}

TEST(Base64Url, RefusesTheStandardAlphabet) {
    auto decoded = base64UrlDecode("+/+/");
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().message.find("standard base64"), std::string::npos);
    EXPECT_FALSE(base64UrlDecode("Zm9v/w"));
}

TEST(Base64Url, RefusesWhitespace) {
    EXPECT_FALSE(base64UrlDecode("Zm9v Yg"));
    EXPECT_FALSE(base64UrlDecode("Zm9v\nYg"));
    EXPECT_FALSE(base64UrlDecode("Zm9vYg\r\n"));
    EXPECT_FALSE(base64UrlDecode(" Zg"));
}

TEST(Base64Url, RefusesLengthsNoEncodingHas) {
    auto decoded = base64UrlDecode("Z");
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().message.find("length"), std::string::npos);
    EXPECT_FALSE(base64UrlDecode("Zm9vY"));
}

TEST(Base64Url, RefusesNonCanonicalTrailingBits) {
    // "Zg" is "f"; "Zh" decodes to the same byte with a stray bit set.
    EXPECT_TRUE(base64UrlDecode("Zg"));
    EXPECT_FALSE(base64UrlDecode("Zh"));
    EXPECT_FALSE(base64UrlDecode("Zm9"));
}

// --- JWKS trust list ---

TEST(JwksTrust, LoadsP256AndEd25519KeysByKid) {
    const JwsSigner ec = makeSigner(JwsAlgorithm::ES256, "ec-1");
    const JwsSigner ed = makeSigner(JwsAlgorithm::EdDSA, "ed-1");
    auto trust = JwksTrust::fromJson(jwksOf({ec.publicJwk(), ed.publicJwk()}).dump(), "t.jwks");
    ASSERT_TRUE(trust) << trust.error().message;
    EXPECT_EQ(trust->size(), 2u);
    EXPECT_EQ(trust->kids(), (std::vector<std::string>{"ec-1", "ed-1"}));
    ASSERT_NE(trust->find("ec-1"), nullptr);
    EXPECT_EQ(trust->find("ec-1")->kind, JwkKind::P256);
    EXPECT_EQ(trust->find("ec-1")->publicKey.size(), 65u);
    EXPECT_EQ(trust->find("ed-1")->kind, JwkKind::Ed25519);
    EXPECT_EQ(trust->find("nope"), nullptr);
    EXPECT_TRUE(trust->skipped().empty());
}

TEST(JwksTrust, AcceptsKeysWithoutOptionalAlgAndUse) {
    auto trust = JwksTrust::fromJson(jwksOf({json{{"kty", "EC"},
                                                  {"crv", "P-256"},
                                                  {"x", kRfc7515A3X},
                                                  {"y", kRfc7515A3Y},
                                                  {"kid", "a3"}}})
                                         .dump(),
                                     "t.jwks");
    ASSERT_TRUE(trust) << trust.error().message;
    EXPECT_EQ(trust->size(), 1u);
}

TEST(JwksTrust, SkipsKeysForOtherSystemsAndSaysWhy) {
    const JwsSigner ec = makeSigner(JwsAlgorithm::ES256, "ours");
    json encryption = makeSigner(JwsAlgorithm::ES256, "enc-key").publicJwk();
    encryption["use"] = "enc";
    json otherAlg = makeSigner(JwsAlgorithm::ES256, "ecdh").publicJwk();
    otherAlg["alg"] = "ECDH-ES";
    const json doc = jwksOf({json{{"kty", "RSA"}, {"kid", "rsa-1"}, {"n", "AQAB"}, {"e", "AQAB"}},
                             json{{"kty", "EC"}, {"crv", "P-384"}, {"kid", "p384"}},
                             json{{"kty", "OKP"}, {"crv", "X25519"}, {"kid", "x25519"}}, encryption,
                             otherAlg, ec.publicJwk()});
    auto trust = JwksTrust::fromJson(doc.dump(), "t.jwks");
    ASSERT_TRUE(trust) << trust.error().message;
    EXPECT_EQ(trust->kids(), std::vector<std::string>{"ours"});
    ASSERT_EQ(trust->skipped().size(), 5u);
    EXPECT_EQ(trust->skipped()[0].kid, "rsa-1");
    EXPECT_NE(trust->skipped()[0].reason.find("RSA"), std::string::npos);
    EXPECT_NE(trust->skipped()[1].reason.find("P-384"), std::string::npos);
    EXPECT_NE(trust->skipped()[2].reason.find("X25519"), std::string::npos);
    EXPECT_NE(trust->skipped()[3].reason.find("not a signing key"), std::string::npos);
    EXPECT_NE(trust->skipped()[4].reason.find("ECDH-ES"), std::string::npos);
}

TEST(JwksTrust, RefusesADocumentWithoutUsableKeys) {
    auto empty = JwksTrust::fromJson(R"({"keys":[]})", "empty.jwks");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("empty.jwks"), std::string::npos);
    EXPECT_NE(empty.error().message.find("no usable signing key"), std::string::npos);

    auto onlyRsa = JwksTrust::fromJson(
        R"({"keys":[{"kty":"RSA","kid":"r","n":"AQAB","e":"AQAB"}]})", "rsa.jwks");
    ASSERT_FALSE(onlyRsa);
    EXPECT_NE(onlyRsa.error().message.find("RSA"), std::string::npos);
}

TEST(JwksTrust, RefusesTextThatIsNotAJwks) {
    auto notJson = JwksTrust::fromJson("{keys:", "bad.jwks");
    ASSERT_FALSE(notJson);
    EXPECT_NE(notJson.error().message.find("not valid JSON"), std::string::npos);
    auto noKeys = JwksTrust::fromJson(R"({"kty":"EC"})", "bad.jwks");
    ASSERT_FALSE(noKeys);
    EXPECT_NE(noKeys.error().message.find("\"keys\" array"), std::string::npos);
    EXPECT_FALSE(JwksTrust::fromJson(R"({"keys":[42]})", "bad.jwks"));
    EXPECT_FALSE(JwksTrust::fromJson(R"({"keys":[{"kid":"no-kty"}]})", "bad.jwks"));
}

TEST(JwksTrust, RefusesBadBase64NamingKeyAndField) {
    json key = makeSigner(JwsAlgorithm::ES256, "k1").publicJwk();
    key["x"] = key["x"].get<std::string>() + "=";
    auto trust = JwksTrust::fromJson(jwksOf({key}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    const std::string& message = trust.error().message;
    EXPECT_NE(message.find("site.jwks"), std::string::npos) << message;
    EXPECT_NE(message.find("\"k1\""), std::string::npos) << message;
    EXPECT_NE(message.find("\"x\" is not valid base64url"), std::string::npos) << message;
}

TEST(JwksTrust, RefusesCoordinatesOfTheWrongSize) {
    json key = makeSigner(JwsAlgorithm::ES256, "k1").publicJwk();
    key["y"] = base64UrlEncode(std::string(31, 'A'));
    auto trust = JwksTrust::fromJson(jwksOf({key}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    EXPECT_NE(trust.error().message.find("must be 32 bytes"), std::string::npos);
}

TEST(JwksTrust, RefusesAPointNotOnTheCurve) {
    auto y = base64UrlDecode(kRfc7515A3Y);
    ASSERT_TRUE(y);
    (*y)[31] ^= 1;
    const json key = {{"kty", "EC"},
                      {"crv", "P-256"},
                      {"x", kRfc7515A3X},
                      {"y", base64UrlEncode(*y)},
                      {"kid", "bent"}};
    auto trust = JwksTrust::fromJson(jwksOf({key}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    EXPECT_NE(trust.error().message.find("not a point on the P-256 curve"), std::string::npos)
        << trust.error().message;
}

TEST(JwksTrust, RefusesASmallOrderEd25519Key) {
    // The encoding of the neutral element: a "public key" that fits many forged signatures.
    std::vector<std::uint8_t> identity(32, 0);
    identity[0] = 1;
    const json key = {
        {"kty", "OKP"}, {"crv", "Ed25519"}, {"x", base64UrlEncode(identity)}, {"kid", "weak"}};
    auto trust = JwksTrust::fromJson(jwksOf({key}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    EXPECT_NE(trust.error().message.find("not a valid Ed25519 public key"), std::string::npos);
}

TEST(JwksTrust, RefusesDuplicateKids) {
    const json a = makeSigner(JwsAlgorithm::ES256, "same").publicJwk();
    const json b = makeSigner(JwsAlgorithm::EdDSA, "same").publicJwk();
    auto trust = JwksTrust::fromJson(jwksOf({a, b}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    EXPECT_NE(trust.error().message.find("\"same\""), std::string::npos);
    EXPECT_NE(trust.error().message.find("earlier key"), std::string::npos);
}

TEST(JwksTrust, RefusesPrivateKeys) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "leaky");
    auto trust = JwksTrust::fromJson(jwksOf({signer.privateJwk()}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    EXPECT_NE(trust.error().message.find("private key"), std::string::npos);
}

TEST(JwksTrust, RefusesKeysWithoutKid) {
    json key = makeSigner(JwsAlgorithm::ES256, "k").publicJwk();
    key.erase("kid");
    auto trust = JwksTrust::fromJson(jwksOf({key}).dump(), "site.jwks");
    ASSERT_FALSE(trust);
    EXPECT_NE(trust.error().message.find("kid"), std::string::npos);
}

TEST(JwksTrust, LoadsFromAFileAndNamesAMissingOne) {
    test::TempDir dir;
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "file-key");
    {
        std::ofstream out(dir / "issuer.jwks");
        out << jwksOf({signer.publicJwk()}).dump(2);
    }
    auto trust = JwksTrust::fromFile(dir / "issuer.jwks");
    ASSERT_TRUE(trust) << trust.error().message;
    EXPECT_EQ(trust->kids(), std::vector<std::string>{"file-key"});

    auto missing = JwksTrust::fromFile(dir / "missing.jwks");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("missing.jwks"), std::string::npos);
}

// --- signer ---

TEST(JwsSigner, PrivateJwkLoadsBackToTheSameKey) {
    for (auto alg : {JwsAlgorithm::ES256, JwsAlgorithm::EdDSA}) {
        const JwsSigner signer = makeSigner(alg, "saved");
        const json saved = signer.privateJwk();
        EXPECT_TRUE(saved.contains("d"));
        EXPECT_FALSE(signer.publicJwk().contains("d"));
        auto loaded = JwsSigner::fromPrivateJwk(saved);
        ASSERT_TRUE(loaded) << loaded.error().message;
        EXPECT_EQ(loaded->publicJwk(), signer.publicJwk());
        EXPECT_EQ(loaded->algorithm(), alg);
        // A token from the loaded key verifies against the original public key.
        EXPECT_TRUE(verifyCompactJws(loaded->sign(kClaims), trustOf({&signer})));
    }
}

TEST(JwsSigner, RefusesAPrivateJwkWhoseDDoesNotFitItsPublicKey) {
    for (auto alg : {JwsAlgorithm::ES256, JwsAlgorithm::EdDSA}) {
        json mixed = makeSigner(alg, "a").privateJwk();
        mixed["d"] = makeSigner(alg, "b").privateJwk()["d"];
        auto loaded = JwsSigner::fromPrivateJwk(mixed);
        ASSERT_FALSE(loaded);
        EXPECT_NE(loaded.error().message.find("does not belong"), std::string::npos);
    }
}

TEST(JwsSigner, Rfc8037Ed25519SignatureIsReproducedExactly) {
    auto signer = JwsSigner::fromPrivateJwk(json{{"kty", "OKP"},
                                                 {"crv", "Ed25519"},
                                                 {"d", kRfc8037D},
                                                 {"x", kRfc8037X},
                                                 {"kid", "rfc8037"}});
    ASSERT_TRUE(signer) << signer.error().message;
    EXPECT_EQ(signer->signatureFor(kRfc8037SigningInput), kRfc8037Signature);
}

TEST(JwsSigner, Rfc7515A3PrivateKeyMakesTokensTheA3PublicKeyVerifies) {
    auto signer = JwsSigner::fromPrivateJwk(json{{"kty", "EC"},
                                                 {"crv", "P-256"},
                                                 {"x", kRfc7515A3X},
                                                 {"y", kRfc7515A3Y},
                                                 {"d", kRfc7515A3D},
                                                 {"kid", "rfc7515-a3"}});
    ASSERT_TRUE(signer) << signer.error().message;
    auto verified = verifyCompactJws(signer->sign(kClaims), rfc7515Trust());
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(verified->payload, kClaims);
}

TEST(JwsSigner, AddsExtraHeaderMembersButKeepsItsOwnAlgAndKid) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "k1");
    const std::string token =
        signer.sign(kClaims, json{{"typ", "hc+jwt"}, {"alg", "none"}, {"kid", "other"}});
    auto verified = verifyCompactJws(token, trustOf({&signer}));
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(verified->header["typ"], "hc+jwt");
    EXPECT_EQ(verified->alg, "EdDSA");
    EXPECT_EQ(verified->kid, "k1");
}

// --- verification: accepted ---

TEST(VerifyCompactJws, AcceptsAnEs256TokenFromTheSigner) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "es-1");
    auto verified = verifyCompactJws(signer.sign(kClaims), trustOf({&signer}));
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(verified->alg, "ES256");
    EXPECT_EQ(verified->kid, "es-1");
    EXPECT_EQ(verified->payload, kClaims);
    EXPECT_EQ(verified->header["alg"], "ES256");
}

TEST(VerifyCompactJws, AcceptsAnEdDsaTokenFromTheSigner) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "ed-1");
    auto verified = verifyCompactJws(signer.sign(kClaims), trustOf({&signer}));
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(verified->alg, "EdDSA");
    EXPECT_EQ(verified->kid, "ed-1");
    EXPECT_EQ(verified->payload, kClaims);
}

TEST(VerifyCompactJws, AcceptsTheRfc7515AppendixA3Example) {
    auto verified =
        verifyCompactJws(kRfc7515A3Token, rfc7515Trust(), JwsVerifyOptions{"rfc7515-a3"});
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(verified->alg, "ES256");
    EXPECT_EQ(verified->kid, "rfc7515-a3");
    EXPECT_EQ(verified->payload["iss"], "joe");
    EXPECT_EQ(verified->payload["exp"], 1300819380);
    EXPECT_EQ(verified->payload["http://example.com/is_root"], true);
}

TEST(VerifyCompactJws, RefusesTheRfc7515ExampleWithoutKidUnlessTheCallerNamesTheKey) {
    auto refused = verifyCompactJws(kRfc7515A3Token, rfc7515Trust());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::Malformed);
    EXPECT_NE(refused.error().message.find("kid"), std::string::npos);
}

TEST(VerifyCompactJws, RefusesTheRfc7515ExampleWithOneSignatureBitFlipped) {
    auto sig = base64UrlDecode(partOf(kRfc7515A3Token, 2));
    ASSERT_TRUE(sig);
    (*sig)[40] ^= 0x01;
    const std::string token =
        partOf(kRfc7515A3Token, 0) + "." + partOf(kRfc7515A3Token, 1) + "." + base64UrlEncode(*sig);
    auto refused = verifyCompactJws(token, rfc7515Trust(), JwsVerifyOptions{"rfc7515-a3"});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::BadSignature);
}

TEST(VerifyCompactJws, ChecksTheRfc8037SignatureBeforeRefusingItsTextPayload) {
    auto trust = JwksTrust::fromJson(
        jwksOf({json{{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", kRfc8037X}, {"kid", "rfc8037"}}})
            .dump(),
        "rfc8037.jwks");
    ASSERT_TRUE(trust) << trust.error().message;
    const std::string token = std::string(kRfc8037SigningInput) + "." + kRfc8037Signature;
    const JwsVerifyOptions options{"rfc8037"};
    // Genuine signature, but "Example of Ed25519 signing" is no JSON object.
    auto refused = verifyCompactJws(token, *trust, options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::Malformed);
    EXPECT_NE(refused.error().message.find("not a JSON object"), std::string::npos);

    std::string forged = token;
    forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
    auto bad = verifyCompactJws(forged, *trust, options);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, Kind::BadSignature);
}

// --- verification: refused ---

TEST(VerifyCompactJws, RefusesAlgNoneWithEmptySignature) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "k1");
    const std::string token = b64(json{{"alg", "none"}, {"kid", "k1"}}) + "." + b64(kClaims) + ".";
    auto refused = verifyCompactJws(token, trustOf({&signer}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::AlgNotAllowed);
    EXPECT_NE(refused.error().message.find("not signed"), std::string::npos);
}

TEST(VerifyCompactJws, RefusesHs256EvenWithATrustedKid) {
    // The classic confusion: an HMAC keyed with the issuer's public key.
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "k1");
    const std::string token = b64(json{{"alg", "HS256"}, {"kid", "k1"}}) + "." + b64(kClaims) +
                              "." + base64UrlEncode(std::string(32, 'x'));
    auto refused = verifyCompactJws(token, trustOf({&signer}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::AlgNotAllowed);
    EXPECT_NE(refused.error().message.find("HS256"), std::string::npos);
}

TEST(VerifyCompactJws, RefusesOtherAlgorithmsBeforeLookingUpTheKey) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "k1");
    const JwksTrust trust = trustOf({&signer});
    for (const char* alg : {"RS256", "PS256", "ES384", "ES256K", "Ed25519", "es256", ""}) {
        const std::string token = b64(json{{"alg", alg}, {"kid", "unknown-kid"}}) + "." +
                                  b64(kClaims) + "." + base64UrlEncode(std::string(64, 'x'));
        EXPECT_EQ(kindOf(token, trust), Kind::AlgNotAllowed) << alg;
    }
}

TEST(VerifyCompactJws, RefusesAnUnknownKid) {
    const JwsSigner trusted = makeSigner(JwsAlgorithm::ES256, "k1");
    const JwsSigner stranger = makeSigner(JwsAlgorithm::ES256, "k9");
    auto refused = verifyCompactJws(stranger.sign(kClaims), trustOf({&trusted}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::UnknownKey);
    EXPECT_NE(refused.error().message.find("\"k9\""), std::string::npos);
}

TEST(VerifyCompactJws, RefusesATokenFromAnotherKeyWithTheSameKid) {
    for (auto alg : {JwsAlgorithm::ES256, JwsAlgorithm::EdDSA}) {
        const JwsSigner trusted = makeSigner(alg, "k1");
        const JwsSigner impostor = makeSigner(alg, "k1");
        auto refused = verifyCompactJws(impostor.sign(kClaims), trustOf({&trusted}));
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().kind, Kind::BadSignature);
        EXPECT_EQ(refused.error().message,
                  "signature does not match: the code was altered or not issued by a trusted key");
    }
}

TEST(VerifyCompactJws, RefusesAnAlteredPayloadWithTheOldSignature) {
    for (auto alg : {JwsAlgorithm::ES256, JwsAlgorithm::EdDSA}) {
        const JwsSigner signer = makeSigner(alg, "k1");
        const std::string token = signer.sign(kClaims);
        json changed = kClaims;
        changed["hcs"] = "red";
        const std::string altered = partOf(token, 0) + "." + b64(changed) + "." + partOf(token, 2);
        EXPECT_EQ(kindOf(altered, trustOf({&signer})), Kind::BadSignature);
    }
}

TEST(VerifyCompactJws, RefusesAnAlgThatDoesNotFitTheKeyType) {
    const JwsSigner ec = makeSigner(JwsAlgorithm::ES256, "ec");
    const JwsSigner ed = makeSigner(JwsAlgorithm::EdDSA, "ed");
    const JwksTrust trust = trustOf({&ec, &ed});
    // Each signed correctly by the key named, but claiming the other algorithm.
    const std::string edClaimsEs = signedToken(ed, json{{"alg", "ES256"}, {"kid", "ed"}}, kClaims);
    const std::string ecClaimsEd = signedToken(ec, json{{"alg", "EdDSA"}, {"kid", "ec"}}, kClaims);
    auto refused = verifyCompactJws(edClaimsEs, trust);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::AlgKeyMismatch);
    EXPECT_NE(refused.error().message.find("Ed25519"), std::string::npos);
    EXPECT_EQ(kindOf(ecClaimsEd, trust), Kind::AlgKeyMismatch);
}

TEST(VerifyCompactJws, RefusesAnEs256SignatureInDerFormOrOfTheWrongLength) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "k1");
    const JwksTrust trust = trustOf({&signer});
    const std::string token = signer.sign(kClaims);
    const std::string input = token.substr(0, token.rfind('.'));
    auto sig = base64UrlDecode(partOf(token, 2));
    ASSERT_TRUE(sig);
    ASSERT_EQ(sig->size(), 64u);
    sig->pop_back();
    auto refused = verifyCompactJws(input + "." + base64UrlEncode(*sig), trust);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::BadSignature);
    EXPECT_NE(refused.error().message.find("64 bytes"), std::string::npos);
    // A DER-encoded ECDSA signature (what OpenSSL makes) is 70 to 72 bytes: not JOSE.
    EXPECT_EQ(kindOf(input + "." + base64UrlEncode(std::string(71, '\x30')), trust),
              Kind::BadSignature);
    EXPECT_EQ(kindOf(input + "." + base64UrlEncode(std::string(64, '\0')), trust),
              Kind::BadSignature);
}

TEST(VerifyCompactJws, RefusesTruncatedOrExtraParts) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "k1");
    const JwksTrust trust = trustOf({&signer});
    const std::string token = signer.sign(kClaims);
    EXPECT_EQ(kindOf("", trust), Kind::Malformed);
    EXPECT_EQ(kindOf(partOf(token, 0), trust), Kind::Malformed);
    EXPECT_EQ(kindOf(partOf(token, 0) + "." + partOf(token, 1), trust), Kind::Malformed);
    EXPECT_EQ(kindOf(token + ".", trust), Kind::Malformed);
    EXPECT_EQ(kindOf(token + "." + partOf(token, 2), trust), Kind::Malformed);
    EXPECT_EQ(kindOf(token.substr(0, token.size() - 10), trust), Kind::BadSignature);
    EXPECT_EQ(kindOf(token.substr(0, token.size() - 1), trust), Kind::Malformed);  // 4n+1 chars
    EXPECT_EQ(kindOf(token + "=", trust), Kind::Malformed);
    EXPECT_EQ(kindOf(" " + token, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(std::string(20000, 'A'), trust), Kind::Malformed);
}

TEST(VerifyCompactJws, RefusesAHeaderThatIsNotAJsonObjectWithAlgAndKid) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "k1");
    const JwksTrust trust = trustOf({&signer});
    const std::string rest = "." + b64(kClaims) + "." + base64UrlEncode(std::string(64, 'x'));
    EXPECT_EQ(kindOf(base64UrlEncode(std::string("not json")) + rest, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(base64UrlEncode(std::string("{\"alg\":\"EdDSA\"")) + rest, trust),
              Kind::Malformed);
    EXPECT_EQ(kindOf(b64(json::array({"EdDSA", "k1"})) + rest, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(b64(json{{"kid", "k1"}}) + rest, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(b64(json{{"alg", 7}, {"kid", "k1"}}) + rest, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(b64(json{{"alg", "EdDSA"}}) + rest, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(b64(json{{"alg", "EdDSA"}, {"kid", 1}}) + rest, trust), Kind::Malformed);
    EXPECT_EQ(kindOf(b64(json{{"alg", "EdDSA"}, {"kid", ""}}) + rest, trust), Kind::Malformed);
}

TEST(VerifyCompactJws, RefusesADeeplyNestedHeaderWithoutCrashing) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "k1");
    const std::string nested = std::string(3000, '[') + std::string(3000, ']');
    const std::string token =
        base64UrlEncode(nested) + "." + b64(kClaims) + "." + base64UrlEncode(std::string(64, 'x'));
    ASSERT_LT(token.size(), 8192u);
    EXPECT_EQ(kindOf(token, trustOf({&signer})), Kind::Malformed);
}

TEST(VerifyCompactJws, RefusesAHeaderThatRepeatsAMember) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "k1");
    const std::string header = R"({"alg":"none","alg":"EdDSA","kid":"k1"})";
    const std::string input = base64UrlEncode(header) + "." + b64(kClaims);
    const std::string token = input + "." + signer.signatureFor(input);
    auto refused = verifyCompactJws(token, trustOf({&signer}));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, Kind::Malformed);
    EXPECT_NE(refused.error().message.find("repeats"), std::string::npos);
}

TEST(VerifyCompactJws, RefusesCriticalHeaderExtensions) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::EdDSA, "k1");
    const std::string token = signedToken(
        signer, json{{"alg", "EdDSA"}, {"kid", "k1"}, {"crit", {"exp"}}, {"exp", 1}}, kClaims);
    EXPECT_EQ(kindOf(token, trustOf({&signer})), Kind::Malformed);
}

TEST(VerifyCompactJws, IgnoresAKeyEmbeddedInTheHeader) {
    const JwsSigner trusted = makeSigner(JwsAlgorithm::ES256, "k1");
    const JwsSigner attacker = makeSigner(JwsAlgorithm::ES256, "k1");
    const std::string token = signedToken(
        attacker, json{{"alg", "ES256"}, {"kid", "k1"}, {"jwk", attacker.publicJwk()}}, kClaims);
    EXPECT_EQ(kindOf(token, trustOf({&trusted})), Kind::BadSignature);
}

TEST(VerifyCompactJws, RefusesASignedPayloadThatIsNotAJsonObject) {
    const JwsSigner signer = makeSigner(JwsAlgorithm::ES256, "k1");
    const JwksTrust trust = trustOf({&signer});
    const json header = {{"alg", "ES256"}, {"kid", "k1"}};
    EXPECT_EQ(kindOf(signedToken(signer, header, json::array({1, 2})), trust), Kind::Malformed);
    EXPECT_EQ(kindOf(signedToken(signer, header, json("green")), trust), Kind::Malformed);
    const std::string input = b64(header) + "." + base64UrlEncode(std::string("{\"sub\":"));
    EXPECT_EQ(kindOf(input + "." + signer.signatureFor(input), trust), Kind::Malformed);
}

TEST(VerifyCompactJws, TrustsOldAndNewKeysDuringRotationAndDropsTheOldOneAfter) {
    const JwsSigner oldKey = makeSigner(JwsAlgorithm::ES256, "2025-q4");
    const JwsSigner newKey = makeSigner(JwsAlgorithm::EdDSA, "2026-q1");
    const std::string oldToken = oldKey.sign(kClaims);
    const std::string newToken = newKey.sign(kClaims);

    const JwksTrust during = trustOf({&oldKey, &newKey});
    EXPECT_TRUE(verifyCompactJws(oldToken, during));
    EXPECT_TRUE(verifyCompactJws(newToken, during));

    const JwksTrust after = trustOf({&newKey});
    EXPECT_TRUE(verifyCompactJws(newToken, after));
    EXPECT_EQ(kindOf(oldToken, after), Kind::UnknownKey);
}

TEST(VerifyCompactJws, KindsHaveStableNames) {
    EXPECT_EQ(toString(Kind::Malformed), "malformed");
    EXPECT_EQ(toString(Kind::AlgNotAllowed), "alg_not_allowed");
    EXPECT_EQ(toString(Kind::UnknownKey), "unknown_key");
    EXPECT_EQ(toString(Kind::AlgKeyMismatch), "alg_key_mismatch");
    EXPECT_EQ(toString(Kind::BadSignature), "bad_signature");
}

}  // namespace
}  // namespace vax
