#include "net/OfflineHealthCode.h"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <string>

#include "net/Base64Url.h"
#include "net/Jwks.h"
#include "net/JwsSigner.h"

namespace vax {
namespace {

using nlohmann::json;
using Kind = OfflineCodeError::Kind;

constexpr std::int64_t kNow = 1'790'000'000;

// A reference issuer: one key, and the JWKS the kiosk would be given for it.
class OfflineHealthCodeTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto signer = JwsSigner::generate(JwsAlgorithm::ES256, "issuer-2026");
        ASSERT_TRUE(signer) << signer.error().message;
        m_signer.emplace(std::move(signer).value());
        json doc;
        doc["keys"] = json::array({m_signer->publicJwk()});
        auto trust = JwksTrust::fromJson(doc.dump(), "issuer.jwks");
        ASSERT_TRUE(trust) << trust.error().message;
        m_trust.emplace(std::move(trust).value());
    }

    static json claims(std::int64_t iat = kNow - 10, std::int64_t exp = kNow + 290) {
        return json{{"iss", "https://hc.example"},
                    {"sub", "person-7f3a"},
                    {"hcs", "green"},
                    {"iat", iat},
                    {"exp", exp},
                    {"jti", "c-0001"}};
    }

    std::string token(const json& payload) const { return m_signer->sign(payload); }

    Result<OfflineHealthCode, OfflineCodeError> check(const std::string& text,
                                                      OfflineCodeRules rules = {}) const {
        return checkOfflineHealthCode(text, *m_trust, kNow, rules);
    }

    Kind refusal(const json& payload, OfflineCodeRules rules = {}) const {
        auto result = check(token(payload), rules);
        EXPECT_FALSE(result) << "expected a refusal for " << payload.dump();
        return result ? Kind::Malformed : result.error().kind;
    }

    std::optional<JwsSigner> m_signer;
    std::optional<JwksTrust> m_trust;
};

TEST_F(OfflineHealthCodeTest, AcceptsAFreshGreenCodeAndExposesItsClaims) {
    auto code = check(token(claims()));
    ASSERT_TRUE(code) << code.error().message;
    EXPECT_EQ(code->status, HealthCodeStatus::Green);
    EXPECT_EQ(code->subject, "person-7f3a");
    EXPECT_EQ(code->issuer, "https://hc.example");
    EXPECT_EQ(code->jti, "c-0001");
    EXPECT_EQ(code->iat, kNow - 10);
    EXPECT_EQ(code->exp, kNow + 290);
    EXPECT_EQ(code->kid, "issuer-2026");
    EXPECT_EQ(code->alg, "ES256");
}

TEST_F(OfflineHealthCodeTest, PassesYellowAndRedThroughForTheDecisionToHandle) {
    json yellow = claims();
    yellow["hcs"] = "yellow";
    json red = claims();
    red["hcs"] = "red";
    auto y = check(token(yellow));
    auto r = check(token(red));
    ASSERT_TRUE(y && r);
    EXPECT_EQ(y->status, HealthCodeStatus::Yellow);
    EXPECT_EQ(r->status, HealthCodeStatus::Red);
}

TEST_F(OfflineHealthCodeTest, AcceptsACodeWithoutIssuer) {
    json noIss = claims();
    noIss.erase("iss");
    auto code = check(token(noIss));
    ASSERT_TRUE(code) << code.error().message;
    EXPECT_EQ(code->issuer, "");
}

TEST_F(OfflineHealthCodeTest, AcceptsAnEdDsaIssuerToo) {
    auto ed = JwsSigner::generate(JwsAlgorithm::EdDSA, "ed-issuer");
    ASSERT_TRUE(ed);
    json doc;
    doc["keys"] = json::array({ed->publicJwk()});
    auto trust = JwksTrust::fromJson(doc.dump(), "ed.jwks");
    ASSERT_TRUE(trust);
    auto code = checkOfflineHealthCode(ed->sign(claims()), *trust, kNow, {});
    ASSERT_TRUE(code) << code.error().message;
    EXPECT_EQ(code->alg, "EdDSA");
}

TEST_F(OfflineHealthCodeTest, RefusesAnExpiredCodeFromTheSecondOfExpiry) {
    auto expired = check(token(claims(kNow - 100, kNow)));
    ASSERT_FALSE(expired);
    EXPECT_EQ(expired.error().kind, Kind::Expired);
    EXPECT_NE(expired.error().message.find("expired"), std::string::npos);
    EXPECT_TRUE(check(token(claims(kNow - 100, kNow + 1))));
}

TEST_F(OfflineHealthCodeTest, RefusesACodeOlderThanTheMaximumAgeAsAPossibleScreenshot) {
    // Still within its exp, but issued 301 s ago: a screenshot passed on, perhaps.
    auto old = check(token(claims(kNow - 301, kNow + 3600)));
    ASSERT_FALSE(old);
    EXPECT_EQ(old.error().kind, Kind::TooOld);
    EXPECT_NE(old.error().message.find("screenshot"), std::string::npos);
    EXPECT_NE(old.error().message.find("fresh code"), std::string::npos);
    EXPECT_TRUE(check(token(claims(kNow - 300, kNow + 3600))));
}

TEST_F(OfflineHealthCodeTest, AppliesTheCallersMaximumAge) {
    const OfflineCodeRules strict{30, 60};
    EXPECT_EQ(refusal(claims(kNow - 31, kNow + 300), strict), Kind::TooOld);
    EXPECT_TRUE(check(token(claims(kNow - 30, kNow + 300)), strict));
}

TEST_F(OfflineHealthCodeTest, RefusesACodeIssuedBeyondTheClockSkewInTheFuture) {
    auto future = check(token(claims(kNow + 61, kNow + 600)));
    ASSERT_FALSE(future);
    EXPECT_EQ(future.error().kind, Kind::NotYetValid);
    EXPECT_NE(future.error().message.find("61 s ahead"), std::string::npos);
    // A phone clock slightly ahead of the kiosk is tolerated.
    EXPECT_TRUE(check(token(claims(kNow + 60, kNow + 600))));
    EXPECT_EQ(refusal(claims(kNow + 10, kNow + 600), OfflineCodeRules{300, 0}), Kind::NotYetValid);
}

TEST_F(OfflineHealthCodeTest, RefusesMissingRequiredClaims) {
    for (const char* name : {"sub", "hcs", "iat", "exp", "jti"}) {
        json payload = claims();
        payload.erase(name);
        auto refused = check(token(payload));
        ASSERT_FALSE(refused) << name;
        EXPECT_EQ(refused.error().kind, Kind::BadClaims) << name;
        EXPECT_NE(refused.error().message.find(name), std::string::npos) << name;
    }
}

TEST_F(OfflineHealthCodeTest, RefusesClaimsOfTheWrongType) {
    const std::vector<std::pair<const char*, json>> wrong = {
        {"sub", 12345},
        {"sub", ""},
        {"hcs", "blue"},
        {"hcs", "GREEN"},
        {"hcs", "unavailable"},
        {"hcs", true},
        {"iat", "1790000000"},
        {"iat", 1789999990.5},
        {"iat", -1},
        {"exp", nullptr},
        {"exp", 1e300},
        {"jti", 42},
        {"jti", std::string(129, 'j')},
        {"iss", json::array()},
    };
    for (const auto& [name, value] : wrong) {
        json payload = claims();
        payload[name] = value;
        EXPECT_EQ(refusal(payload), Kind::BadClaims) << name << " = " << value.dump();
    }
}

TEST_F(OfflineHealthCodeTest, RefusesACodeThatExpiresBeforeItWasIssued) {
    EXPECT_EQ(refusal(claims(kNow - 10, kNow - 10)), Kind::BadClaims);
    EXPECT_EQ(refusal(claims(kNow - 10, kNow - 20)), Kind::BadClaims);
}

TEST_F(OfflineHealthCodeTest, RefusesTimesBeyondTheYear9999) {
    EXPECT_EQ(refusal(claims(kNow - 10, 253402300800)), Kind::BadClaims);
    json huge = claims();
    huge["exp"] = std::uint64_t(18'000'000'000'000'000'000u);
    EXPECT_EQ(refusal(huge), Kind::BadClaims);
}

TEST_F(OfflineHealthCodeTest, ReportsSignatureProblemsWithTheJwsKinds) {
    const std::string good = token(claims());
    const std::string header = good.substr(0, good.find('.'));
    const std::string signature = good.substr(good.rfind('.') + 1);
    json changed = claims();
    changed["hcs"] = "green";
    changed["sub"] = "someone-else";
    const std::string altered = header + "." + base64UrlEncode(changed.dump()) + "." + signature;
    auto bad = check(altered);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, Kind::BadSignature);
    EXPECT_NE(bad.error().message.find("signature does not match"), std::string::npos);

    const std::string unsignedCode =
        base64UrlEncode(json{{"alg", "none"}, {"kid", "issuer-2026"}}.dump()) + "." +
        base64UrlEncode(claims().dump()) + ".";
    EXPECT_EQ(check(unsignedCode).error().kind, Kind::AlgNotAllowed);

    auto stranger = JwsSigner::generate(JwsAlgorithm::ES256, "someone");
    ASSERT_TRUE(stranger);
    EXPECT_EQ(check(stranger->sign(claims())).error().kind, Kind::UnknownKey);
    EXPECT_EQ(check("not a code").error().kind, Kind::Malformed);
}

TEST_F(OfflineHealthCodeTest, StaysCorrectAtExtremeKioskClockValues) {
    // No overflow or wrap-around with extreme clock values.
    auto code = checkOfflineHealthCode(token(claims()), *m_trust,
                                       std::numeric_limits<std::int64_t>::max(), {});
    ASSERT_FALSE(code);
    EXPECT_EQ(code.error().kind, Kind::Expired);
    auto early = checkOfflineHealthCode(token(claims()), *m_trust,
                                        std::numeric_limits<std::int64_t>::min(), {});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().kind, Kind::NotYetValid);
}

TEST(OfflineCodeError, KindsHaveStableNames) {
    EXPECT_EQ(toString(Kind::BadClaims), "bad_claims");
    EXPECT_EQ(toString(Kind::Expired), "expired");
    EXPECT_EQ(toString(Kind::TooOld), "too_old");
    EXPECT_EQ(toString(Kind::NotYetValid), "not_yet_valid");
    EXPECT_EQ(toString(Kind::BadSignature), "bad_signature");
}

}  // namespace
}  // namespace vax
