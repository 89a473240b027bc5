#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/KioskConfig.h"
#include "support/TempDir.h"

namespace vax {
namespace {

namespace fs = std::filesystem;

const std::string kSite = "[site]\nid = \"T-1\"\nname = \"Test\"\n[site_server]\n";  // line 5 on

std::string errorOf(const std::string& text, const fs::path& baseDir = "/etc/vaxkiosk") {
    const auto result = parseKioskConfig(text, "k.toml", baseDir);
    return result ? "<no error>" : result.error().message;
}

fs::path writePassword(const test::TempDir& dir, fs::perms perms) {
    const fs::path path = dir / "site.pw";
    std::ofstream(path) << "secret\n";
    fs::permissions(path, perms);
    return path;
}

TEST(SiteServerConfig, AbsentMeansThisDeviceWorksAlone) {
    const auto config = parseKioskConfig("[site]\nid = \"T-1\"\nname = \"Test\"\n", "k.toml", "/");
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_TRUE(config->siteServer.url.empty());
}

TEST(SiteServerConfig, ReadsEveryKeyAndResolvesFilesBesideTheConfig) {
    test::TempDir dir;
    writePassword(dir, fs::perms::owner_read | fs::perms::owner_write);
    const auto config = parseKioskConfig(
        kSite +
            "url = \"postgresql://vaxdevice@site-server.lan:5433/vaxsite\"\n"
            "password_file = \"site.pw\"\nsslmode = \"verify-full\"\nca_file = \"site-ca.pem\"\n"
            "connect_timeout_ms = 800\noffline_numbers = 0\n",
        "k.toml", dir.path());
    ASSERT_TRUE(config) << config.error().message;
    const SiteServerConfig& s = config->siteServer;
    EXPECT_EQ(s.url, "postgresql://vaxdevice@site-server.lan:5433/vaxsite");
    EXPECT_EQ(s.passwordFile, dir / "site.pw");
    EXPECT_EQ(s.sslmode, "verify-full");
    EXPECT_EQ(s.caFile, dir / "site-ca.pem");
    EXPECT_EQ(s.connectTimeoutMs, 800);
    EXPECT_EQ(s.offlineNumbers, 0);
}

TEST(SiteServerConfig, DefaultsVerifyTheServerWithinOneSecond) {
    const auto config = parseKioskConfig(
        kSite + "url = \"postgresql://vaxdevice@10.0.0.2/vaxsite\"\nca_file = \"ca.pem\"\n",
        "k.toml", "/etc/vaxkiosk");
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->siteServer.sslmode, "verify-full");
    EXPECT_EQ(config->siteServer.connectTimeoutMs, 1000);
    EXPECT_EQ(config->siteServer.offlineNumbers, 20);
}

TEST(SiteServerConfig, RefusesWhatWouldLeakOrHang) {
    EXPECT_EQ(errorOf(kSite + "url = \"mysql://x@h/db\"\n"),
              "k.toml:5: site_server.url: must be a libpq URI "
              "\"postgresql://USER@HOST:PORT/DBNAME\", got \"mysql://x@h/db\"");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev:pw@h/db\"\n"),
              "k.toml:5: site_server.url: must not hold the password (put it in password_file)");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@h/db?sslmode=disable\"\n"),
              "k.toml:5: site_server.url: must not set sslmode (it has its own key in "
              "[site_server])");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@h\"\n"),
              "k.toml:5: site_server.url: must name the database "
              "(\"postgresql://USER@HOST/DBNAME\"), got \"postgresql://dev@h\"");
    EXPECT_EQ(errorOf(kSite + "sslmode = \"disable\"\n"),
              "k.toml:4: site_server.url: missing required key");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@10.0.0.2/db\"\nsslmode = \"allow\"\n"),
              "k.toml:6: site_server.sslmode: must be \"verify-full\", \"verify-ca\", "
              "\"require\" or \"disable\", got \"allow\"");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@10.0.0.2/db\"\nsslmode = \"disable\"\n"),
              "k.toml:6: site_server.sslmode: \"disable\" is allowed only to a loopback host; "
              "use verify-full on the site LAN");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@10.0.0.2/db\"\n"),
              "k.toml:4: site_server.ca_file: sslmode verify-full needs the CA of the server's "
              "certificate");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@127.0.0.1/db\"\nsslmode = \"disable\"\n"
                              "connect_timeout_ms = 60000\n"),
              "k.toml:7: site_server.connect_timeout_ms: must be between 100 and 10000, got "
              "60000");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@127.0.0.1/db\"\nsslmode = \"disable\"\n"
                              "port = 5432\n"),
              "k.toml:7: site_server.port: unknown key (allowed here: url, password_file, sslmode, "
              "ca_file, connect_timeout_ms, offline_numbers)");
    EXPECT_EQ(errorOf(kSite + "url = \"postgresql://dev@127.0.0.1/db\"\nsslmode = \"disable\"\n"
                              "offline_numbers = 501\n"),
              "k.toml:7: site_server.offline_numbers: must be between 0 and 500, got 501");
}

TEST(SiteServerConfig, LoopbackMayGoWithoutTls) {
    for (const char* host : {"127.0.0.1:5432", "localhost", "[::1]:5433", "%2Frun%2Fpostgresql"}) {
        const std::string url = std::string("postgresql://dev@") + host + "/db";
        const auto config = parseKioskConfig(
            kSite + "url = \"" + url + "\"\nsslmode = \"disable\"\n", "k.toml", "/");
        EXPECT_TRUE(config) << host << ": " << config.error().message;
    }
}

TEST(SiteServerConfig, APasswordFileOthersCanReadIsRefused) {
    test::TempDir dir;
    const fs::path pw = writePassword(dir, fs::perms::owner_read | fs::perms::group_read);
    const std::string text = kSite +
                             "url = \"postgresql://dev@127.0.0.1/db\"\nsslmode = \"disable\"\n"
                             "password_file = \"site.pw\"\n";
    EXPECT_EQ(errorOf(text, dir.path()), "k.toml:7: site_server.password_file: \"" + pw.string() +
                                             "\" must be readable by its owner only (chmod 600)");
    fs::remove(pw);
    EXPECT_EQ(errorOf(text, dir.path()),
              "k.toml:7: site_server.password_file: cannot read \"" + pw.string() + "\"");
}

}  // namespace
}  // namespace vax
