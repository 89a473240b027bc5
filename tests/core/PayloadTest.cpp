#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/CivilDate.h"
#include "core/Payload.h"
#include "core/ResidentId.h"

namespace vax {
// Readable failure messages; static so the other test files may have their own.
[[maybe_unused]] static void PrintTo(PayloadKind kind, std::ostream* os) {
    *os << toString(kind);
}
[[maybe_unused]] static void PrintTo(HealthCodeForm form, std::ostream* os) {
    *os << toString(form);
}
}  // namespace vax

namespace vax {
namespace {

constexpr std::string_view kReasonUnknown = "not a code this kiosk knows";
constexpr std::string_view kReasonBadJws = "looks like a signed health code (JWS) but is not one";

// Valid numbers from ResidentIdTest (check characters verified by hand).
constexpr std::string_view kIdWithX = "11010519491231002X";
constexpr std::string_view kIdWithDigit = "310115198506170453";

// base64url of {"alg":"ES256","typ":"JWT"}, {"sub":"123"}, "signature", {"typ":"JWT"}.
constexpr std::string_view kJwsHeader = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9";
constexpr std::string_view kJwsPayload = "eyJzdWIiOiIxMjMifQ";
constexpr std::string_view kJwsSignature = "c2lnbmF0dXJl";
constexpr std::string_view kHeaderWithoutAlg = "eyJ0eXAiOiJKV1QifQ";

CivilDate today() {
    return CivilDate::fromYmd(2026, 11, 25).value_or(CivilDate::fromDaysSinceEpoch(0));
}

PayloadRules rules() {
    PayloadRules r;
    r.healthCodeUrlPrefixes = {"https://hc.example.gov.cn/v/", "HTTPS://Jkm.Example.com"};
    r.healthCodeTokens = {
        {"HC:", 16, 32, TokenPattern::Alphabet::Alnum},
        {"T-", 10, 64, TokenPattern::Alphabet::Base64Url},
        {"", 24, 24, TokenPattern::Alphabet::Digits},
    };
    r.eIdPrefixes = {"EID:"};
    return r;
}

ClassifiedPayload classify(std::string_view text) {
    return classifyPayload(text, rules(), today());
}

PayloadKind kindOf(std::string_view text) {
    return classify(text).kind;
}

std::string reasonOf(std::string_view text) {
    const ClassifiedPayload result = classify(text);
    EXPECT_EQ(result.kind, PayloadKind::Unknown);
    return result.reason;
}

std::string jws(std::string_view header, std::string_view payload, std::string_view signature) {
    return std::string(header) + "." + std::string(payload) + "." + std::string(signature);
}

// Nothing of the payload may survive into an Unknown result.
void expectUnknownKeepsNothing(const ClassifiedPayload& result) {
    EXPECT_EQ(result.kind, PayloadKind::Unknown);
    EXPECT_FALSE(result.reason.empty());
    EXPECT_TRUE(result.text.empty());
    EXPECT_TRUE(result.maskedId.empty());
    EXPECT_FALSE(result.residentId.has_value());
    EXPECT_TRUE(result.traceCode20.empty());
    EXPECT_FALSE(result.gs1.has_value());
}

TEST(PayloadKindNames, AreStable) {
    EXPECT_EQ(toString(PayloadKind::HealthCode), "health_code");
    EXPECT_EQ(toString(PayloadKind::ResidentId), "resident_id");
    EXPECT_EQ(toString(PayloadKind::TraceCode), "trace_code");
    EXPECT_EQ(toString(PayloadKind::Ticket), "ticket");
    EXPECT_EQ(toString(PayloadKind::Unknown), "unknown");
    EXPECT_EQ(toString(HealthCodeForm::Url), "url");
    EXPECT_EQ(toString(HealthCodeForm::Token), "token");
    EXPECT_EQ(toString(HealthCodeForm::Jws), "jws");
}

// --- input hygiene ------------------------------------------------------------------------

TEST(PayloadInput, EmptyAndBlankAreEmpty) {
    EXPECT_EQ(reasonOf(""), "empty");
    EXPECT_EQ(reasonOf("   "), "empty");
    EXPECT_EQ(reasonOf("\t\r\n "), "empty");
}

TEST(PayloadInput, TrimsAsciiWhitespaceAtBothEnds) {
    const ClassifiedPayload ticket = classify("  \tVK1:ABC \r\n");
    EXPECT_EQ(ticket.kind, PayloadKind::Ticket);
    EXPECT_EQ(ticket.text, "ABC");
    EXPECT_EQ(kindOf("\n" + std::string(kIdWithX) + "\r\n"), PayloadKind::ResidentId);
    EXPECT_EQ(classify(" https://hc.example.gov.cn/v/abc ").text,
              "https://hc.example.gov.cn/v/abc");
}

TEST(PayloadInput, LimitIs4096Bytes) {
    const std::string exactly = "VK1:" + std::string(4096 - 4, 'A');
    ASSERT_EQ(exactly.size(), 4096u);
    EXPECT_EQ(kindOf(exactly), PayloadKind::Ticket);
    EXPECT_EQ(reasonOf(exactly + "A"), "too long");
    // The limit counts the raw bytes, before trimming.
    EXPECT_EQ(reasonOf(exactly + " "), "too long");
    EXPECT_EQ(reasonOf(std::string(100000, 'x')), "too long");
}

TEST(PayloadInput, RejectsInvalidUtf8) {
    for (std::string_view text : {
             "\xff",                  // never a UTF-8 byte
             "VK1:\xc3",              // truncated sequence
             "VK1:\xc3(",             // bad continuation
             "\x80VK1:a",             // stray continuation
             "VK1:\xc0\xaf",          // overlong '/'
             "VK1:\xe0\x80\xaf",      // overlong, three bytes
             "VK1:\xed\xa0\x80",      // UTF-16 surrogate
             "VK1:\xf4\x90\x80\x80",  // past U+10FFFF
             "VK1:\xf8\x88\x80\x80\x80",
         }) {
        EXPECT_EQ(reasonOf(text), "binary or control characters") << testing::PrintToString(text);
    }
}

TEST(PayloadInput, RejectsControlCharacters) {
    EXPECT_EQ(reasonOf(std::string("VK1:a\0b", 7)), "binary or control characters");
    EXPECT_EQ(reasonOf(std::string(1, '\0')), "binary or control characters");
    EXPECT_EQ(reasonOf("VK1:\x01"), "binary or control characters");
    EXPECT_EQ(reasonOf("VK1:\x1b[2J"), "binary or control characters");
    EXPECT_EQ(reasonOf("VK1:a\x7f"), "binary or control characters");
    EXPECT_EQ(reasonOf("VK1:a\xc2\x85"), "binary or control characters");  // C1 NEL
    EXPECT_EQ(reasonOf("\fVK1:a"), "binary or control characters");
}

TEST(PayloadInput, AllowsScannerSeparatorsAndUnicodeText) {
    EXPECT_EQ(kindOf("VK1:a\tb\x1e\x04\x1d"), PayloadKind::Ticket);
    EXPECT_EQ(kindOf("VK1:\xe5\x81\xa5\xe5\xba\xb7\xe7\xa0\x81"), PayloadKind::Ticket);  // 健康码
    EXPECT_EQ(kindOf("VK1:\xf0\x9f\x98\x80"), PayloadKind::Ticket);                      // U+1F600
    EXPECT_EQ(reasonOf("\xe5\x81\xa5\xe5\xba\xb7\xe7\xa0\x81"), kReasonUnknown);
}

// --- tickets ------------------------------------------------------------------------------

TEST(PayloadTicket, TextAfterThePrefix) {
    const ClassifiedPayload result = classify("VK1:6BFDVJ0Q.ABC");
    EXPECT_EQ(result.kind, PayloadKind::Ticket);
    EXPECT_EQ(result.text, "6BFDVJ0Q.ABC");
    EXPECT_TRUE(result.reason.empty());
}

TEST(PayloadTicket, ComesFirstAndNeedsContent) {
    EXPECT_EQ(kindOf("VK1:https://hc.example.gov.cn/v/abc"), PayloadKind::Ticket);
    EXPECT_EQ(reasonOf("VK1:"), "ticket without content");
    EXPECT_EQ(reasonOf("vk1:ABC"), kReasonUnknown);  // prefix is case-sensitive
}

TEST(PayloadTicket, EmptyPrefixDisablesTickets) {
    PayloadRules r = rules();
    r.ticketPrefix.clear();
    EXPECT_EQ(classifyPayload("ABC", r, today()).kind, PayloadKind::Unknown);
}

// --- health codes -------------------------------------------------------------------------

TEST(PayloadHealthCode, UrlPrefix) {
    const ClassifiedPayload result = classify("https://hc.example.gov.cn/v/q?c=8e1f");
    EXPECT_EQ(result.kind, PayloadKind::HealthCode);
    EXPECT_EQ(result.form, HealthCodeForm::Url);
    EXPECT_EQ(result.text, "https://hc.example.gov.cn/v/q?c=8e1f");
}

TEST(PayloadHealthCode, UrlSchemeAndHostIgnoreCaseButPathDoesNot) {
    EXPECT_EQ(classify("HTTPS://HC.Example.GOV.cn/v/abc").form, HealthCodeForm::Url);
    EXPECT_EQ(kindOf("HTTPS://HC.Example.GOV.cn/v/abc"), PayloadKind::HealthCode);
    EXPECT_EQ(kindOf("https://hc.example.gov.cn/V/abc"), PayloadKind::Unknown);
    EXPECT_EQ(kindOf("https://jkm.example.com/x"), PayloadKind::HealthCode);
    EXPECT_EQ(kindOf("https://JKM.example.COM?x=1"), PayloadKind::HealthCode);
}

TEST(PayloadHealthCode, UrlMustContinueAfterThePrefixWithinTheHost) {
    EXPECT_EQ(reasonOf("https://hc.example.gov.cn/v/"), kReasonUnknown);
    EXPECT_EQ(reasonOf("https://jkm.example.com.evil.test/x"), kReasonUnknown);
    EXPECT_EQ(reasonOf("https://jkm.example.com:x@evil.test/"), kReasonUnknown);
    EXPECT_EQ(reasonOf("https://hc.example.gov.cn/v/a b"), kReasonUnknown);
    EXPECT_EQ(reasonOf("http://hc.example.gov.cn/v/abc"), kReasonUnknown);
}

TEST(PayloadHealthCode, EmptyUrlPrefixIsIgnored) {
    PayloadRules r;
    r.healthCodeUrlPrefixes = {""};
    r.eIdPrefixes = {""};
    EXPECT_EQ(classifyPayload("anything", r, today()).reason, kReasonUnknown);
}

TEST(PayloadHealthCode, CompactJws) {
    const std::string text = jws(kJwsHeader, kJwsPayload, kJwsSignature);
    const ClassifiedPayload result = classify(text);
    EXPECT_EQ(result.kind, PayloadKind::HealthCode);
    EXPECT_EQ(result.form, HealthCodeForm::Jws);
    EXPECT_EQ(result.text, text);
}

TEST(PayloadHealthCode, JwsNeedsThreeNonEmptySegments) {
    EXPECT_EQ(reasonOf(std::string(kJwsHeader) + "." + std::string(kJwsPayload)), kReasonBadJws);
    EXPECT_EQ(reasonOf(jws(kJwsHeader, kJwsPayload, "")), kReasonBadJws);
    EXPECT_EQ(reasonOf(jws(kJwsHeader, "", kJwsSignature)), kReasonBadJws);
    EXPECT_EQ(reasonOf(jws(kJwsHeader, kJwsPayload, kJwsSignature) + ".x"), kReasonBadJws);
    EXPECT_EQ(reasonOf(jws("", kJwsPayload, kJwsSignature)), kReasonUnknown);
}

TEST(PayloadHealthCode, JwsWithBadBase64) {
    // Five characters cannot be base64 of anything.
    EXPECT_EQ(reasonOf(jws("eyJhb", kJwsPayload, kJwsSignature)), kReasonBadJws);
    // Standard base64 characters and padding are not base64url.
    EXPECT_EQ(reasonOf(jws(std::string(kJwsHeader) + "=", kJwsPayload, kJwsSignature)),
              kReasonUnknown);
    EXPECT_EQ(reasonOf(jws(kJwsHeader, kJwsPayload, "c2ln+bmF0")), kReasonUnknown);
}

TEST(PayloadHealthCode, JwsHeaderMustNameItsAlgorithm) {
    EXPECT_EQ(reasonOf(jws(kHeaderWithoutAlg, kJwsPayload, kJwsSignature)), kReasonBadJws);
    // A header that is not JSON at all: base64url of "abc".
    EXPECT_EQ(reasonOf(jws("YWJj", kJwsPayload, kJwsSignature)), kReasonUnknown);
    EXPECT_EQ(reasonOf("www.example.com"), kReasonUnknown);
}

TEST(PayloadHealthCode, TokenPatterns) {
    const ClassifiedPayload alnum = classify("HC:" + std::string(16, 'a'));
    EXPECT_EQ(alnum.kind, PayloadKind::HealthCode);
    EXPECT_EQ(alnum.form, HealthCodeForm::Token);
    EXPECT_EQ(alnum.text, "HC:" + std::string(16, 'a'));
    EXPECT_EQ(classify("HC:Ab3" + std::string(29, 'Z')).form, HealthCodeForm::Token);
    EXPECT_EQ(classify("T-ab_-cd12345").form, HealthCodeForm::Token);
    EXPECT_EQ(classify(std::string(24, '7')).form, HealthCodeForm::Token);
}

TEST(PayloadHealthCode, TokenLengthAndAlphabetAreEnforced) {
    EXPECT_EQ(reasonOf("HC:" + std::string(15, 'a')), kReasonUnknown);
    EXPECT_EQ(reasonOf("HC:" + std::string(33, 'a')), kReasonUnknown);
    EXPECT_EQ(reasonOf("HC:" + std::string(15, 'a') + "-"), kReasonUnknown);
    EXPECT_EQ(reasonOf("T-ab_-cd1234+"), kReasonUnknown);
    EXPECT_EQ(reasonOf(std::string(23, '7') + "a"), kReasonUnknown);
    EXPECT_EQ(reasonOf("hc:" + std::string(16, 'a')), kReasonUnknown);
}

TEST(PayloadHealthCode, TokenRulesComeBeforeTraceCodes) {
    // Rules are applied in order: a site that configures a 20-digit token gets tokens.
    PayloadRules r = rules();
    r.healthCodeTokens.push_back({"", 20, 20, TokenPattern::Alphabet::Digits});
    EXPECT_EQ(classifyPayload("81234567890123456789", r, today()).kind, PayloadKind::HealthCode);
}

// --- resident IDs -------------------------------------------------------------------------

TEST(PayloadResidentId, BareEighteenCharacters) {
    const ClassifiedPayload result = classify(kIdWithX);
    ASSERT_EQ(result.kind, PayloadKind::ResidentId);
    EXPECT_EQ(result.maskedId, "1101**********002X");
    ASSERT_TRUE(result.residentId.has_value());
    EXPECT_EQ(result.residentId->number(), kIdWithX);
    EXPECT_TRUE(result.text.empty());  // the clear number lives only in residentId
    EXPECT_TRUE(result.reason.empty());
}

TEST(PayloadResidentId, LowerCaseXAndLegacyFifteenDigits) {
    EXPECT_EQ(classify("11010519491231002x").maskedId, "1101**********002X");
    const ClassifiedPayload legacy = classify("110105491231002");
    ASSERT_EQ(legacy.kind, PayloadKind::ResidentId);
    EXPECT_EQ(legacy.maskedId.size(), 18u);
    EXPECT_EQ(legacy.residentId->number(), "11010519491231002X");
}

TEST(PayloadResidentId, EIdPrefix) {
    const ClassifiedPayload result = classify("EID:" + std::string(kIdWithDigit));
    ASSERT_EQ(result.kind, PayloadKind::ResidentId);
    EXPECT_EQ(result.residentId->number(), kIdWithDigit);
    EXPECT_EQ(result.maskedId, "3101**********0453");
}

TEST(PayloadResidentId, EIdPrefixWithBadNumberSaysWhy) {
    EXPECT_EQ(reasonOf("EID:12345"), describe(IdError::WrongLength));
    EXPECT_EQ(reasonOf("EID:"), describe(IdError::Empty));
    EXPECT_EQ(reasonOf("EID:310115198506170454"), describe(IdError::BadCheckDigit));
}

TEST(PayloadResidentId, EighteenDigitsWithBadCheckDigitIsNeverATraceCode) {
    const ClassifiedPayload result = classify("310115198506170454");
    expectUnknownKeepsNothing(result);
    EXPECT_EQ(result.reason, describe(IdError::BadCheckDigit));
    EXPECT_EQ(reasonOf("11010519491231002Y"), kReasonUnknown);  // not ID-shaped
    EXPECT_EQ(reasonOf("810105194912310021"), describe(IdError::BadCheckDigit));
    EXPECT_EQ(reasonOf("990105194912310021"), describe(IdError::BadRegion));
    EXPECT_EQ(reasonOf("110105209912310021"), describe(IdError::BirthInFuture));
}

TEST(PayloadResidentId, FifteenDigitsThatAreNoIdFallThrough) {
    EXPECT_EQ(reasonOf("000000000000000"), kReasonUnknown);
}

// --- trace codes --------------------------------------------------------------------------

TEST(PayloadTraceCode, TwentyDigitDrugCode) {
    const ClassifiedPayload result = classify("81234567890123456789");
    ASSERT_EQ(result.kind, PayloadKind::TraceCode);
    EXPECT_EQ(result.traceCode20, "81234567890123456789");
    EXPECT_EQ(result.productPrefix, "8123456");
    EXPECT_FALSE(result.gs1.has_value());
}

TEST(PayloadTraceCode, TwentyDigitCodeMustStartWith8) {
    EXPECT_EQ(reasonOf("71234567890123456789"), kReasonUnknown);
    EXPECT_EQ(reasonOf("8123456789012345678"), kReasonUnknown);
    EXPECT_EQ(reasonOf("812345678901234567890"), kReasonUnknown);
    EXPECT_EQ(reasonOf("8123456789012345678A"), kReasonUnknown);
}

TEST(PayloadTraceCode, Gs1WithSeparatorsAndSymbologyId) {
    const ClassifiedPayload result = classify(
        "]d20109506000134352"
        "17261231"
        "10LOT42\x1d"
        "21SN0001");
    ASSERT_EQ(result.kind, PayloadKind::TraceCode) << result.reason;
    ASSERT_TRUE(result.gs1.has_value());
    EXPECT_EQ(result.gs1->gtin, "09506000134352");
    EXPECT_EQ(result.gs1->expiry, CivilDate::fromYmd(2026, 12, 31));
    EXPECT_EQ(result.gs1->lot, "LOT42");
    EXPECT_EQ(result.gs1->serial, "SN0001");
    EXPECT_TRUE(result.traceCode20.empty());
}

TEST(PayloadTraceCode, Gs1InEveryRecognisedShape) {
    for (std::string_view text : {
             "(01)06901234567892(17)261231(10)LOT42(21)SN0001",
             "0106901234567892",
             "0106901234567892"
             "17261231"
             "10LOT42",
             "\x1d"
             "0106901234567892"
             "10LOT42",
             "]C10106901234567892",
             "]Q30106901234567892",
             "[)>\x1e"
             "05\x1d"
             "0106901234567892\x1e\x04",
         }) {
        const ClassifiedPayload result = classify(text);
        EXPECT_EQ(result.kind, PayloadKind::TraceCode)
            << testing::PrintToString(text) << " " << result.reason;
        EXPECT_EQ(result.gs1.value_or(Gs1Element{}).gtin, "06901234567892");
    }
}

TEST(PayloadTraceCode, Gs1CenturyFollowsToday) {
    const ClassifiedPayload result = classify("(01)06901234567892(17)770100");
    ASSERT_EQ(result.kind, PayloadKind::TraceCode) << result.reason;
    EXPECT_EQ(result.gs1->expiry, CivilDate::fromYmd(1977, 1, 31));
}

TEST(PayloadTraceCode, Gs1ErrorsBecomeTheReason) {
    EXPECT_EQ(reasonOf("(01)06901234567893"), "AI 01 (GTIN) has a wrong check digit");
    EXPECT_EQ(reasonOf("0106901234567893"), "AI 01 (GTIN) has a wrong check digit");
    EXPECT_EQ(reasonOf("]d2"
                       "0106901234567892"
                       "05X"),
              "unknown application identifier '05'");
    EXPECT_EQ(reasonOf("0106901234567892"
                       "10" +
                       std::string(25, 'L'))
                  .find("AI 10"),
              0u);
    EXPECT_EQ(reasonOf("(01)0690"), "AI 01 (GTIN) must have exactly 14 digits, found 4");
}

TEST(PayloadTraceCode, Gs1WithoutGtinIsNotAVaccinePack) {
    EXPECT_EQ(reasonOf("]C1"
                       "00106141411234567897"),
              "GS1 code without a product number (AI 01)");
}

TEST(PayloadTraceCode, ShortDigitTextsAreNotGs1) {
    EXPECT_EQ(reasonOf("010690123456789"), kReasonUnknown);  // 01 + 13 digits
    EXPECT_EQ(reasonOf("12345"), kReasonUnknown);
}

// --- unknown ------------------------------------------------------------------------------

TEST(PayloadUnknown, NeverEchoesThePayload) {
    for (std::string_view text : {
             "hello SECRETPAYLOAD",
             "(01)SECRETPAYLOAD",
             "\x1d"
             "10SECRETPAYLOAD SECRET",
             "EID:SECRETPAYLOAD",
             "eyJSECRETPAYLOAD.x",
             "110105194912310021",
         }) {
        const ClassifiedPayload result = classify(text);
        expectUnknownKeepsNothing(result);
        EXPECT_EQ(result.reason.find("SECRET"), std::string::npos) << result.reason;
        EXPECT_EQ(result.reason.find("1101051949"), std::string::npos) << result.reason;
    }
}

TEST(PayloadUnknown, EveryKnownKindHasNoReason) {
    for (std::string_view text :
         {"VK1:x", "https://hc.example.gov.cn/v/x", "81234567890123456789", "0106901234567892"}) {
        const ClassifiedPayload result = classify(text);
        EXPECT_NE(result.kind, PayloadKind::Unknown) << text;
        EXPECT_TRUE(result.reason.empty()) << text;
    }
}

}  // namespace
}  // namespace vax
