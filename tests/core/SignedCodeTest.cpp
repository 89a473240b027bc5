#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/SignedCode.h"

namespace vax {
namespace {

using Body = std::variant<QueueSlip, DoseTicket>;
using Bytes = std::vector<std::uint8_t>;

constexpr std::string_view kQrAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
constexpr std::string_view kSite = "SITE-01";

PersonRef person() {
    PersonRef ref{};
    for (std::size_t i = 0; i < ref.size(); ++i) {
        ref[i] = static_cast<std::uint8_t>(0xA0 + i);
    }
    return ref;
}

std::array<std::uint8_t, kSignatureBytes> dummySignature() {
    std::array<std::uint8_t, kSignatureBytes> signature{};
    for (std::size_t i = 0; i < signature.size(); ++i) {
        signature[i] = static_cast<std::uint8_t>(0xFF - i);
    }
    return signature;
}

SignedHeader header(SignedCodeKind kind) {
    SignedHeader h;
    h.kind = kind;
    h.keyId = 0x01020304;
    h.siteId = std::string(kSite);
    return h;
}

QueueSlip slip() {
    QueueSlip s;
    s.visitId = -2;  // negative on purpose: the sign must survive the round trip
    s.desk = 'C';
    s.number = 0xBEEF;
    s.person = person();
    s.maskedId = "1101**********123X";
    s.decision = 3;
    s.issuedAtUnix = 1795000000;
    s.sealedId = {0x00, 0x01, 0x80, 0xFE, 0xFF};
    return s;
}

DoseTicket ticket() {
    DoseTicket t;
    t.visitId = 0x7FFFFFFFFFFFFFFF;
    t.person = person();
    t.traceCode = "81234567890123456789";
    t.productCode = "VX-001";
    t.lot = "L2026A";
    t.doseNumber = 2;
    t.station = "Station 3";
    t.vaccinatedAtUnix = 1795000100;
    t.observationEndsAtUnix = 1795001900;
    return t;
}

Bytes encode(const SignedHeader& h, const Body& body) {
    auto encoded = encodeSignedPart(h, body);
    EXPECT_TRUE(encoded.ok()) << encoded.error().message;
    return encoded.ok() ? *encoded : Bytes{};
}

Bytes slipBytes() {
    return encode(header(SignedCodeKind::QueueSlip), slip());
}

Bytes ticketBytes() {
    return encode(header(SignedCodeKind::DoseTicket), ticket());
}

std::string textOf(const Bytes& signedPart) {
    return toSignedCodeText(signedPart, dummySignature());
}

std::string parseError(std::string_view text) {
    const auto parsed = parseSignedCode(text);
    return parsed ? std::string("(parsed)") : parsed.error().message;
}

std::string encodeError(const SignedHeader& h, const Body& body) {
    const auto encoded = encodeSignedPart(h, body);
    return encoded ? std::string("(encoded)") : encoded.error().message;
}

// Offsets of the bytes that steer parsing (version, kind, length bytes); other bytes are
// plain values. Derived from the layout, so the fixtures above must not change length.
std::set<std::size_t> slipStructure() {
    const std::size_t siteLength = 6;
    const std::size_t desk = siteLength + 1 + kSite.size() + 8;
    const std::size_t maskedLength = desk + 1 + 2 + 16;
    const std::size_t sealedLength = maskedLength + 1 + slip().maskedId.size() + 1 + 8;
    return {0, 1, siteLength, maskedLength, sealedLength};
}

std::set<std::size_t> ticketStructure() {
    const DoseTicket t = ticket();
    const std::size_t siteLength = 6;
    const std::size_t trace = siteLength + 1 + kSite.size() + 8 + 16;
    const std::size_t product = trace + 1 + t.traceCode.size();
    const std::size_t lot = product + 1 + t.productCode.size();
    const std::size_t station = lot + 1 + t.lot.size() + 1;
    return {0, 1, siteLength, trace, product, lot, station};
}

void expectSameHeader(const SignedHeader& a, const SignedHeader& b) {
    EXPECT_EQ(a.version, b.version);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.keyId, b.keyId);
    EXPECT_EQ(a.siteId, b.siteId);
}

void expectSameSlip(const QueueSlip& a, const QueueSlip& b) {
    EXPECT_EQ(a.visitId, b.visitId);
    EXPECT_EQ(a.desk, b.desk);
    EXPECT_EQ(a.number, b.number);
    EXPECT_EQ(a.person, b.person);
    EXPECT_EQ(a.maskedId, b.maskedId);
    EXPECT_EQ(a.decision, b.decision);
    EXPECT_EQ(a.issuedAtUnix, b.issuedAtUnix);
    EXPECT_EQ(a.sealedId, b.sealedId);
    ASSERT_EQ(a.facts.has_value(), b.facts.has_value());
    if (a.facts) {
        EXPECT_EQ(a.facts->day, b.facts->day);
        EXPECT_EQ(a.facts->reasonMask, b.facts->reasonMask);
        EXPECT_EQ(a.facts->campaignStep, b.facts->campaignStep);
        ASSERT_EQ(a.facts->prior.has_value(), b.facts->prior.has_value());
        if (a.facts->prior) {
            EXPECT_EQ(a.facts->prior->lastDoseDay, b.facts->prior->lastDoseDay);
            EXPECT_EQ(a.facts->prior->productCode, b.facts->prior->productCode);
            EXPECT_EQ(a.facts->prior->dosesReceived, b.facts->prior->dosesReceived);
            EXPECT_EQ(a.facts->prior->source, b.facts->prior->source);
        }
    }
}

QueueSlip slipWithFacts(bool withPrior) {
    QueueSlip s = slip();
    SlipVisitFacts facts;
    facts.day = 20'791;
    facts.reasonMask = 0x80000001u;
    facts.campaignStep = "booster-2026";
    if (withPrior) {
        facts.prior = SlipVisitFacts::PriorDoses{20'600, "CN-SINO-01", 2, 3};
    }
    s.facts = facts;
    return s;
}

void expectSameTicket(const DoseTicket& a, const DoseTicket& b) {
    EXPECT_EQ(a.visitId, b.visitId);
    EXPECT_EQ(a.person, b.person);
    EXPECT_EQ(a.traceCode, b.traceCode);
    EXPECT_EQ(a.productCode, b.productCode);
    EXPECT_EQ(a.lot, b.lot);
    EXPECT_EQ(a.doseNumber, b.doseNumber);
    EXPECT_EQ(a.station, b.station);
    EXPECT_EQ(a.vaccinatedAtUnix, b.vaccinatedAtUnix);
    EXPECT_EQ(a.observationEndsAtUnix, b.observationEndsAtUnix);
    ASSERT_EQ(a.facts.has_value(), b.facts.has_value());
    if (a.facts) {
        EXPECT_EQ(a.facts->day, b.facts->day);
        EXPECT_EQ(a.facts->desk, b.facts->desk);
        EXPECT_EQ(a.facts->number, b.facts->number);
        EXPECT_EQ(a.facts->maskedId, b.facts->maskedId);
        EXPECT_EQ(a.facts->sealedId, b.facts->sealedId);
    }
}

DoseTicket ticketWithFacts() {
    DoseTicket t = ticket();
    t.facts = TicketVisitFacts{20'791, 'B', 417, "1101**********123X", {0x01, 0x02, 0xFF}};
    return t;
}

TEST(SignedCodeTest, SlipRoundTrips) {
    const Bytes signedPart = slipBytes();
    const auto parsed = parseSignedCode(textOf(signedPart));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    expectSameHeader(parsed->header, header(SignedCodeKind::QueueSlip));
    ASSERT_TRUE(std::holds_alternative<QueueSlip>(parsed->body));
    expectSameSlip(std::get<QueueSlip>(parsed->body), slip());
    EXPECT_EQ(parsed->signedPart, signedPart);
    EXPECT_EQ(parsed->signature, dummySignature());
}

TEST(SignedCodeTest, SlipVisitFactsRoundTripWithAndWithoutPriorDoses) {
    for (bool withPrior : {true, false}) {
        const QueueSlip sent = slipWithFacts(withPrior);
        const auto parsed =
            parseSignedCode(textOf(encode(header(SignedCodeKind::QueueSlip), sent)));
        ASSERT_TRUE(parsed.ok()) << parsed.error().message;
        expectSameSlip(std::get<QueueSlip>(parsed->body), sent);
    }
}

TEST(SignedCodeTest, SlipWithoutFactsKeepsItsBytes) {
    // A slip without the visit facts is the slip as printed before they existed.
    const Bytes plain = slipBytes();
    const Bytes withFacts = encode(header(SignedCodeKind::QueueSlip), slipWithFacts(false));
    ASSERT_GT(withFacts.size(), plain.size());
    EXPECT_TRUE(std::equal(plain.begin(), plain.end(), withFacts.begin()));
}

TEST(SignedCodeTest, RejectsCutOrBadSlipVisitFacts) {
    const Bytes full = encode(header(SignedCodeKind::QueueSlip), slipWithFacts(true));
    for (std::size_t cut = slipBytes().size() + 1; cut < full.size(); ++cut) {
        EXPECT_FALSE(parseSignedCode(textOf(Bytes(full.begin(), full.begin() + long(cut)))).ok())
            << cut;
    }
    Bytes badFlag = encode(header(SignedCodeKind::QueueSlip), slipWithFacts(false));
    badFlag.back() = 2;
    EXPECT_EQ(parseError(textOf(badFlag)), "invalid prior-doses flag 2");
}

TEST(SignedCodeTest, TicketRoundTrips) {
    const Bytes signedPart = ticketBytes();
    const auto parsed = parseSignedCode(textOf(signedPart));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    expectSameHeader(parsed->header, header(SignedCodeKind::DoseTicket));
    ASSERT_TRUE(std::holds_alternative<DoseTicket>(parsed->body));
    expectSameTicket(std::get<DoseTicket>(parsed->body), ticket());
    EXPECT_EQ(parsed->signedPart, signedPart);
    EXPECT_EQ(parsed->signature, dummySignature());
}

TEST(SignedCodeTest, TicketVisitFactsRoundTripAfterTheTicketsOwnBytes) {
    const Bytes plain = ticketBytes();
    const Bytes withFacts = encode(header(SignedCodeKind::DoseTicket), ticketWithFacts());
    ASSERT_GT(withFacts.size(), plain.size());
    EXPECT_TRUE(std::equal(plain.begin(), plain.end(), withFacts.begin()));
    const auto parsed = parseSignedCode(textOf(withFacts));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    expectSameTicket(std::get<DoseTicket>(parsed->body), ticketWithFacts());
    for (std::size_t cut = plain.size() + 1; cut < withFacts.size(); ++cut) {
        EXPECT_FALSE(
            parseSignedCode(textOf(Bytes(withFacts.begin(), withFacts.begin() + long(cut)))).ok())
            << cut;
    }
}

TEST(SignedCodeTest, EmptyStringsRoundTrip) {
    SignedHeader h = header(SignedCodeKind::QueueSlip);
    h.siteId.clear();
    const QueueSlip empty{};
    const auto parsed = parseSignedCode(textOf(encode(h, empty)));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    expectSameHeader(parsed->header, h);
    expectSameSlip(std::get<QueueSlip>(parsed->body), empty);
}

TEST(SignedCodeTest, SignedPartHasTheDocumentedLayout) {
    SignedHeader h = header(SignedCodeKind::QueueSlip);
    h.siteId = "S";
    QueueSlip s;
    s.visitId = 0x0102030405060708;
    s.desk = 'Z';
    s.number = 0x0A0B;
    s.maskedId = "M";
    s.decision = 7;
    s.issuedAtUnix = -1;
    s.sealedId = {0xEE};
    Bytes expected = {1, 1, 0x01, 0x02, 0x03, 0x04, 1,   'S',  1,   2,
                      3, 4, 5,    6,    7,    8,    'Z', 0x0A, 0x0B};
    expected.insert(expected.end(), 16, 0);  // person
    const Bytes tail = {1, 'M', 7, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 1, 0xEE};
    expected.insert(expected.end(), tail.begin(), tail.end());
    EXPECT_EQ(encode(h, s), expected);
}

TEST(SignedCodeTest, TextUsesOnlyQrAlphanumericCharacters) {
    for (const Bytes& signedPart : {slipBytes(), ticketBytes()}) {
        const std::string text = textOf(signedPart);
        ASSERT_EQ(text.substr(0, kSignedCodePrefix.size()), kSignedCodePrefix);
        EXPECT_EQ(text.find_first_not_of(kQrAlphanumeric), std::string::npos) << text;
    }
}

TEST(SignedCodeTest, RejectsMissingPrefix) {
    const std::string body = textOf(slipBytes()).substr(kSignedCodePrefix.size());
    for (const std::string& text :
         {std::string(), std::string("VK1"), "vk1:" + body, "VK2:" + body, " VK1:" + body, body}) {
        EXPECT_EQ(parseError(text), "not a VaxKiosk code (missing \"VK1:\" prefix)") << text;
    }
}

TEST(SignedCodeTest, RejectsBadBase45) {
    EXPECT_EQ(parseError("VK1:bb8"), "bad Base45: invalid Base45 character at position 0");
    EXPECT_EQ(parseError("VK1:BB8A"), "bad Base45: Base45 text has a dangling single character");
    EXPECT_EQ(parseError("VK1:GGW"),
              "bad Base45: Base45 group at position 0 is out of range "
              "(over 65535)");
    EXPECT_EQ(parseError("VK1:BB8V5"),
              "bad Base45: Base45 group at position 3 is out of range "
              "(over 255)");
}

TEST(SignedCodeTest, RejectsCodesShorterThanHeaderAndSignature) {
    EXPECT_EQ(parseError("VK1:"), "truncated");
    EXPECT_EQ(parseError(toSignedCodeText({}, dummySignature())), "truncated");
    EXPECT_EQ(parseError(toSignedCodeText({1, 1, 0, 0, 0, 0}, dummySignature())), "truncated");
}

TEST(SignedCodeTest, RejectsTruncatedBodies) {
    for (Bytes signedPart : {slipBytes(), ticketBytes()}) {
        signedPart.pop_back();
        EXPECT_EQ(parseError(textOf(signedPart)), "truncated");
    }
    // A length byte that claims more than is there.
    Bytes signedPart = slipBytes();
    signedPart[6] = 200;
    EXPECT_EQ(parseError(textOf(signedPart)), "truncated");
}

TEST(SignedCodeTest, RejectsUnsupportedVersion) {
    for (const int version : {0, 2, 255}) {
        Bytes signedPart = slipBytes();
        signedPart[0] = static_cast<std::uint8_t>(version);
        EXPECT_EQ(parseError(textOf(signedPart)), "unsupported version " + std::to_string(version));
    }
}

TEST(SignedCodeTest, RejectsUnknownKind) {
    for (const int kind : {0, 3, 255}) {
        Bytes signedPart = ticketBytes();
        signedPart[1] = static_cast<std::uint8_t>(kind);
        EXPECT_EQ(parseError(textOf(signedPart)), "unknown code kind " + std::to_string(kind));
    }
}

TEST(SignedCodeTest, RejectsInvalidDesk) {
    const std::size_t deskOffset = 6 + 1 + kSite.size() + 8;
    for (const int desk : {0x40, 0x5B, 0x61, 0x00, 0xC3}) {  // '@' '[' 'a' NUL, UTF-8 lead
        Bytes signedPart = slipBytes();
        ASSERT_EQ(signedPart[deskOffset], 'C');
        signedPart[deskOffset] = static_cast<std::uint8_t>(desk);
        EXPECT_EQ(parseError(textOf(signedPart)), "invalid desk " + std::to_string(desk));
    }
}

TEST(SignedCodeTest, RejectsTrailingBytes) {
    // After a slip's fields come its visit facts, so a slip with facts is the one to extend.
    for (Bytes signedPart : {encode(header(SignedCodeKind::QueueSlip), slipWithFacts(true)),
                             encode(header(SignedCodeKind::DoseTicket), ticketWithFacts())}) {
        signedPart.push_back(0);
        EXPECT_EQ(parseError(textOf(signedPart)), "trailing bytes");
    }
}

TEST(SignedCodeTest, SlipKindWithTicketBodyIsCaughtByTheLengths) {
    // Reading a ticket as a slip must end in an error, not in a slip made of ticket bytes.
    Bytes signedPart = ticketBytes();
    signedPart[1] = static_cast<std::uint8_t>(SignedCodeKind::QueueSlip);
    EXPECT_FALSE(parseSignedCode(textOf(signedPart)).ok());
}

TEST(SignedCodeTest, EncodeRejectsBadDesk) {
    for (const char desk : {'@', '[', 'a', '1', '\0', static_cast<char>(0xC3)}) {
        QueueSlip s = slip();
        s.desk = desk;
        EXPECT_EQ(encodeError(header(SignedCodeKind::QueueSlip), s),
                  "desk must be a letter A to Z");
    }
}

TEST(SignedCodeTest, EncodeRejectsHeaderThatCannotParse) {
    SignedHeader h = header(SignedCodeKind::QueueSlip);
    h.version = 2;
    EXPECT_EQ(encodeError(h, slip()), "unsupported version 2");
    EXPECT_EQ(encodeError(header(SignedCodeKind::DoseTicket), slip()),
              "code kind does not match the body");
    EXPECT_EQ(encodeError(header(SignedCodeKind::QueueSlip), ticket()),
              "code kind does not match the body");
}

TEST(SignedCodeTest, StringsUpTo255BytesOnly) {
    const std::string longest(255, 'x');
    const std::string tooLong(256, 'x');
    const std::vector<std::uint8_t> longestBytes(255, 0xAB);
    const std::vector<std::uint8_t> tooLongBytes(256, 0xAB);

    SignedHeader h = header(SignedCodeKind::QueueSlip);
    h.siteId = longest;
    EXPECT_TRUE(encodeSignedPart(h, slip()).ok());
    h.siteId = tooLong;
    EXPECT_EQ(encodeError(h, slip()), "site ID is longer than 255 bytes");

    QueueSlip s = slip();
    s.maskedId = longest;
    s.sealedId = longestBytes;
    const Bytes slipPart = encode(header(SignedCodeKind::QueueSlip), s);
    const auto parsedSlip = parseSignedCode(textOf(slipPart));
    ASSERT_TRUE(parsedSlip.ok()) << parsedSlip.error().message;
    expectSameSlip(std::get<QueueSlip>(parsedSlip->body), s);
    s.maskedId = tooLong;
    EXPECT_EQ(encodeError(header(SignedCodeKind::QueueSlip), s),
              "masked ID is longer than 255 bytes");
    s.maskedId = longest;
    s.sealedId = tooLongBytes;
    EXPECT_EQ(encodeError(header(SignedCodeKind::QueueSlip), s),
              "sealed ID is longer than 255 bytes");

    DoseTicket t = ticket();
    t.traceCode = t.productCode = t.lot = t.station = longest;
    const Bytes ticketPart = encode(header(SignedCodeKind::DoseTicket), t);
    const auto parsedTicket = parseSignedCode(textOf(ticketPart));
    ASSERT_TRUE(parsedTicket.ok()) << parsedTicket.error().message;
    expectSameTicket(std::get<DoseTicket>(parsedTicket->body), t);
    const std::pair<std::string DoseTicket::*, std::string_view> fields[] = {
        {&DoseTicket::traceCode, "trace code"},
        {&DoseTicket::productCode, "product code"},
        {&DoseTicket::lot, "lot"},
        {&DoseTicket::station, "station"},
    };
    for (const auto& [field, name] : fields) {
        DoseTicket bad = t;
        bad.*field = tooLong;
        EXPECT_EQ(encodeError(header(SignedCodeKind::DoseTicket), bad),
                  std::string(name) + " is longer than 255 bytes");
    }
}

// Flips one bit of each byte in turn. A value byte still parses, but to a different signed
// part, so a signature over the original would not verify; a structural byte may instead
// make the code unreadable. Either way nothing crashes and nothing parses unchanged.
void checkEveryByteChange(const Bytes& original, const std::set<std::size_t>& structure) {
    for (std::size_t i = 0; i < original.size(); ++i) {
        Bytes changed = original;
        changed[i] ^= 0x01;
        const auto parsed = parseSignedCode(textOf(changed));
        if (structure.count(i) == 0) {
            ASSERT_TRUE(parsed.ok()) << "byte " << i << ": " << parsed.error().message;
        }
        if (parsed.ok()) {
            EXPECT_NE(parsed->signedPart, original) << "byte " << i;
            EXPECT_EQ(parsed->signedPart, changed) << "byte " << i;
        } else {
            EXPECT_FALSE(parsed.error().message.empty()) << "byte " << i;
        }
    }
}

TEST(SignedCodeTest, EveryByteChangeAltersTheSignedPart) {
    checkEveryByteChange(slipBytes(), slipStructure());
    checkEveryByteChange(ticketBytes(), ticketStructure());
}

TEST(SignedCodeTest, SignatureIsTheLast64Bytes) {
    const Bytes signedPart = slipBytes();
    auto signature = dummySignature();
    signature[63] ^= 0x80;
    const auto parsed = parseSignedCode(toSignedCodeText(signedPart, signature));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed->signedPart, signedPart);
    EXPECT_EQ(parsed->signature, signature);
}

TEST(SignedCodeTest, EveryTruncationOfTheTextIsAnError) {
    for (const Bytes& signedPart : {slipBytes(), ticketBytes()}) {
        const std::string text = textOf(signedPart);
        for (std::size_t length = 0; length < text.size(); ++length) {
            const auto parsed = parseSignedCode(std::string_view(text).substr(0, length));
            ASSERT_FALSE(parsed.ok()) << "length " << length;
            EXPECT_FALSE(parsed.error().message.empty()) << "length " << length;
        }
    }
}

}  // namespace
}  // namespace vax
