#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "core/Base45.h"
#include "crypto/CodeSigner.h"
#include "crypto/TrustList.h"
#include "support/TempDir.h"

namespace vax {
namespace {

const std::string kSite = "BJ-XC-017";

DoseTicket sampleTicket() {
    DoseTicket t;
    t.visitId = 42;
    t.person.fill(7);
    t.traceCode = "86912345678901234567";
    t.productCode = "INACT-A";
    t.lot = "A2026B";
    t.doseNumber = 2;
    t.station = "station-1";
    t.vaccinatedAtUnix = 1'795'600'000;
    t.observationEndsAtUnix = 1'795'601'800;
    return t;
}

QueueSlip sampleSlip() {
    QueueSlip s;
    s.visitId = 41;
    s.desk = 'B';
    s.number = 7;
    s.maskedId = "1101**********1234";
    s.issuedAtUnix = 1'795'599'000;
    s.sealedId.assign(66, 0x5a);
    return s;
}

std::string signWith(const SiteKeys& keys, const std::variant<QueueSlip, DoseTicket>& body,
                     const std::string& site = kSite) {
    return CodeSigner::create(keys, site).value().sign(body).value();
}

TEST(SignedCodes, ATicketVerifiesAndKeepsEveryField) {
    const SiteKeys keys = SiteKeys::generate();
    const std::string text = signWith(keys, sampleTicket());
    EXPECT_EQ(text.rfind("VK1:", 0), 0u);
    // Only QR alphanumeric characters: the QR can use its compact mode.
    EXPECT_EQ(text.find_first_not_of("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"),
              std::string::npos);
    auto verified = TrustList::fromSiteKeys(keys, kSite).verify(text, kSite);
    ASSERT_TRUE(verified) << verified.error().message;
    const auto& ticket = std::get<DoseTicket>(verified->body);
    EXPECT_EQ(ticket.traceCode, "86912345678901234567");
    EXPECT_EQ(ticket.doseNumber, 2);
    EXPECT_EQ(ticket.observationEndsAtUnix, 1'795'601'800);
    EXPECT_EQ(verified->header.keyId, keys.signing->id);
}

TEST(SignedCodes, ASlipVerifies) {
    const SiteKeys keys = SiteKeys::generate();
    auto verified =
        TrustList::fromSiteKeys(keys, kSite).verify(signWith(keys, sampleSlip()), kSite);
    ASSERT_TRUE(verified) << verified.error().message;
    EXPECT_EQ(std::get<QueueSlip>(verified->body).number, 7);
}

TEST(SignedCodes, AnyAlteredByteIsRefused) {
    const SiteKeys keys = SiteKeys::generate();
    const TrustList trust = TrustList::fromSiteKeys(keys, kSite);
    const std::string text = signWith(keys, sampleTicket());
    auto bytes = base45Decode(std::string_view(text).substr(4)).value();
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto altered = bytes;
        altered[i] ^= 0x01;
        const auto result = trust.verify("VK1:" + base45Encode(altered), kSite);
        ASSERT_FALSE(result) << "byte " << i;
        // Header bytes may turn it into another site's, an unknown key or a malformed code;
        // anything else must fail the signature.
        EXPECT_FALSE(result.error().message.empty());
    }
}

TEST(SignedCodes, RefusalsSayWhy) {
    const SiteKeys keys = SiteKeys::generate();
    const TrustList trust = TrustList::fromSiteKeys(keys, kSite);
    const std::string text = signWith(keys, sampleTicket());

    const auto otherSite = trust.verify(signWith(keys, sampleTicket(), "SH-PD-002"), kSite);
    ASSERT_FALSE(otherSite);
    EXPECT_EQ(otherSite.error().kind, VerifyError::OtherSite);

    const SiteKeys forger = SiteKeys::generate();
    const auto unknown = trust.verify(signWith(forger, sampleTicket()), kSite);
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().kind, VerifyError::UnknownKey);

    SiteKeys sameId = forger;  // a forger who guessed our key id
    sameId.signing->id = keys.signing->id;
    const auto forged = trust.verify(signWith(sameId, sampleTicket()), kSite);
    ASSERT_FALSE(forged);
    EXPECT_EQ(forged.error().kind, VerifyError::BadSignature);

    const auto truncated = trust.verify(text.substr(0, text.size() - 10), kSite);
    ASSERT_FALSE(truncated);
    EXPECT_EQ(truncated.error().kind, VerifyError::Malformed);
    EXPECT_EQ(trust.verify("VK2:" + text.substr(4), kSite).error().kind, VerifyError::Malformed);
    EXPECT_EQ(trust.verify("https://example.org", kSite).error().kind, VerifyError::Malformed);
}

TEST(SignedCodes, RotationKeepsThePreviousKeyTrustedForOneRound) {
    SiteKeys keys = SiteKeys::generate();
    const std::string beforeRotation = signWith(keys, sampleTicket());
    const auto hashKey = keys.idHashKey;
    keys.rotateSigning();
    EXPECT_EQ(keys.idHashKey, hashKey);  // hashes of earlier records stay valid
    const std::string afterRotation = signWith(keys, sampleTicket());
    EXPECT_TRUE(TrustList::fromSiteKeys(keys, kSite).verify(beforeRotation, kSite));
    EXPECT_TRUE(TrustList::fromSiteKeys(keys, kSite).verify(afterRotation, kSite));
    keys.rotateSigning();
    const auto old = TrustList::fromSiteKeys(keys, kSite).verify(beforeRotation, kSite);
    ASSERT_FALSE(old);
    EXPECT_EQ(old.error().kind, VerifyError::UnknownKey);
}

TEST(TrustFile, RoundTripsAndNamesABadLine) {
    test::TempDir dir;
    SiteKeys keys = SiteKeys::generate();
    keys.rotateSigning();
    const TrustList list = TrustList::fromSiteKeys(keys, kSite);
    std::ofstream(dir / "trust.txt") << list.serialize();
    auto loaded = TrustList::load(dir / "trust.txt");
    ASSERT_TRUE(loaded) << loaded.error().message;
    ASSERT_EQ(loaded->keys().size(), 2u);
    EXPECT_TRUE(loaded->verify(signWith(keys, sampleSlip()), kSite));

    std::ofstream(dir / "bad.txt") << "# comment\n" << kSite << " 1234 abcd\n";
    auto bad = TrustList::load(dir / "bad.txt");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("bad.txt:2"), std::string::npos);
    EXPECT_FALSE(TrustList::load(dir / "missing.txt"));
}

TEST(SiteKeyFile, SigningKeysSurviveSaveLoadAndReplace) {
    test::TempDir dir;
    SiteKeys keys = SiteKeys::generate();
    ASSERT_TRUE(keys.saveNew(dir / "site.key"));
    auto loaded = SiteKeys::load(dir / "site.key").value();
    ASSERT_TRUE(loaded.signing);
    EXPECT_EQ(loaded.signing->publicKey, keys.signing->publicKey);
    EXPECT_FALSE(loaded.previousSigning);
    loaded.rotateSigning();
    ASSERT_TRUE(loaded.replace(dir / "site.key"));
    struct stat st {};
    ASSERT_EQ(::stat((dir / "site.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const auto again = SiteKeys::load(dir / "site.key").value();
    EXPECT_EQ(again.previousSigning->id, keys.signing->id);
    EXPECT_EQ(again.signing->id, loaded.signing->id);
    EXPECT_EQ(again.idHashKey, keys.idHashKey);
}

TEST(SiteKeyFile, AVersionOneFileLoadsButCannotSignUntilRotated) {
    test::TempDir dir;
    SiteKeys keys = SiteKeys::generate();
    keys.signing.reset();
    ASSERT_TRUE(keys.saveNew(dir / "site.key"));
    auto loaded = SiteKeys::load(dir / "site.key").value();
    auto signer = CodeSigner::create(loaded, kSite);
    ASSERT_FALSE(signer);
    EXPECT_NE(signer.error().message.find("vaxctl keys rotate"), std::string::npos);
}

}  // namespace
}  // namespace vax
