#include "crypto/PersonVault.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "support/CheckIns.h"
#include "support/TempDir.h"

namespace vax {
namespace {

const CivilDate kToday = *CivilDate::parseIso("2026-11-25");

ResidentId idFor(int serial) {
    return ResidentId::parse(test::makeIdNumber(serial), kToday).value();
}

TEST(PersonVault, HashIsStablePerSiteAndDiffersAcrossSites) {
    const PersonVault site(SiteKeys::generate());
    const PersonVault other(SiteKeys::generate());
    EXPECT_EQ(site.hash(idFor(1)), site.hash(idFor(1)));
    EXPECT_NE(site.hash(idFor(1)), site.hash(idFor(2)));
    EXPECT_NE(site.hash(idFor(1)), other.hash(idFor(1)));
    EXPECT_EQ(site.hash(idFor(1)).size(), 32u);
}

TEST(PersonVault, SealedNumberOpensOnlyWithTheSiteKey) {
    const PersonVault site(SiteKeys::generate());
    const PersonVault other(SiteKeys::generate());
    const ProtectedId p = site.protect(idFor(3));
    EXPECT_EQ(site.unseal(p.sealed), idFor(3).number());
    EXPECT_FALSE(other.unseal(p.sealed));
    EXPECT_EQ(p.sealed.find(idFor(3).number()), std::string::npos);
    std::string tampered = p.sealed;
    tampered[tampered.size() / 2] ^= 1;
    EXPECT_FALSE(site.unseal(tampered));
    EXPECT_FALSE(site.unseal("short"));
}

TEST(PersonVault, MaskedFormKeepsFirstAndLastFour) {
    const PersonVault site(SiteKeys::generate());
    const std::string number = test::makeIdNumber(5);
    EXPECT_EQ(site.protect(idFor(5)).masked,
              number.substr(0, 4) + "**********" + number.substr(14));
}

TEST(SiteKeys, SavedWithMode0600AndLoadedBack) {
    test::TempDir dir;
    const SiteKeys keys = SiteKeys::generate();
    ASSERT_TRUE(keys.saveNew(dir / "site.key"));
    struct stat st {};
    ASSERT_EQ(::stat((dir / "site.key").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto loaded = SiteKeys::load(dir / "site.key");
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(loaded->idHashKey, keys.idHashKey);
    EXPECT_EQ(loaded->sealPublic, keys.sealPublic);
    EXPECT_EQ(loaded->sealSecret, keys.sealSecret);
}

TEST(SiteKeys, NeverOverwritesAnExistingFile) {
    test::TempDir dir;
    ASSERT_TRUE(SiteKeys::generate().saveNew(dir / "site.key"));
    const auto first = SiteKeys::load(dir / "site.key").value();
    EXPECT_FALSE(SiteKeys::generate().saveNew(dir / "site.key"));
    EXPECT_EQ(SiteKeys::load(dir / "site.key")->idHashKey, first.idHashKey);
}

TEST(SiteKeys, RefusesFilesOthersCanReadOrThatAreMalformed) {
    test::TempDir dir;
    ASSERT_TRUE(SiteKeys::generate().saveNew(dir / "site.key"));
    ::chmod((dir / "site.key").c_str(), 0644);
    auto open = SiteKeys::load(dir / "site.key");
    ASSERT_FALSE(open);
    EXPECT_NE(open.error().message.find("chmod 600"), std::string::npos);

    std::ofstream(dir / "bad.key") << "version=1\nid_hash_key=zz\n";
    ::chmod((dir / "bad.key").c_str(), 0600);
    auto bad = SiteKeys::load(dir / "bad.key");
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("malformed"), std::string::npos);

    std::ofstream(dir / "short.key") << "version=1\n";
    ::chmod((dir / "short.key").c_str(), 0600);
    EXPECT_FALSE(SiteKeys::load(dir / "short.key"));
    auto missing = SiteKeys::load(dir / "none.key");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("vaxctl keys init"), std::string::npos);
}

}  // namespace
}  // namespace vax
