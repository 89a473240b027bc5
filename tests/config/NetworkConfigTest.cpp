#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "TestPaths.h"
#include "config/KioskConfig.h"

namespace vax {
namespace {

const std::string kSite = "[site]\nid = \"T-1\"\nname = \"Test\"\n[network]\n";  // keys on line 5

std::string errorOf(const std::string& text) {
    const auto result = parseKioskConfig(text, "k.toml", "/etc/vaxkiosk");
    return result ? "<no error>" : result.error().message;
}

TEST(NetworkConfig, ReadsEveryKeyAndResolvesFilesBesideTheConfig) {
    const auto config = parseKioskConfig(
        kSite +
            "device_id = \"entry-2\"\nhealth_code_service = \"https://hc.example\"\n"
            "records_service = \"http://127.0.0.1:8080\"\nca_file = \"ca.pem\"\n"
            "client_cert = \"/etc/ssl/k.crt\"\nclient_key = \"k.key\"\n"
            "jwks_file = \"jwks.json\"\noffline_max_age_s = 120\nstatus_max_age_h = 12\n"
            "upload_batch = 500\n",
        "k.toml", "/etc/vaxkiosk");
    ASSERT_TRUE(config) << config.error().message;
    const NetworkConfig& n = config->network;
    EXPECT_EQ(n.deviceId, "entry-2");
    EXPECT_EQ(n.healthCodeService, "https://hc.example");
    EXPECT_EQ(n.recordsService, "http://127.0.0.1:8080");
    EXPECT_EQ(n.caFile, std::filesystem::path("/etc/vaxkiosk/ca.pem"));
    EXPECT_EQ(n.clientCert, std::filesystem::path("/etc/ssl/k.crt"));
    EXPECT_EQ(n.clientKey, std::filesystem::path("/etc/vaxkiosk/k.key"));
    EXPECT_EQ(n.jwksFile, std::filesystem::path("/etc/vaxkiosk/jwks.json"));
    EXPECT_EQ(n.offlineMaxAgeSeconds, 120);
    EXPECT_EQ(n.statusMaxAgeHours, 12);
    EXPECT_EQ(n.uploadBatch, 500);
}

TEST(NetworkConfig, DefaultsWorkOffline) {
    const auto config =
        parseKioskConfig("[site]\nid = \"T-1\"\nname = \"Test\"\n", "k.toml", "/etc/vaxkiosk");
    ASSERT_TRUE(config);
    EXPECT_TRUE(config->network.healthCodeService.empty());
    EXPECT_TRUE(config->network.recordsService.empty());
    EXPECT_EQ(config->network.offlineMaxAgeSeconds, 300);
}

TEST(NetworkConfig, PlainHttpOnlyOnLoopbackAndOtherRules) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"health_code_service = \"http://hc.example\"\n",
         "k.toml:5: network.health_code_service: must start with \"https://\" (plain http only "
         "to 127.0.0.1 or localhost)"},
        {"records_service = \"ftp://x\"\n", "k.toml:5: network.records_service: must be an https"},
        {"records_service = \"https://r.example/\"\n",
         "k.toml:5: network.records_service: must not end with \"/\""},
        {"client_cert = \"k.crt\"\n", "network.client_key: client_cert and client_key go together"},
        {"offline_max_age_s = 5\n", "k.toml:5: network.offline_max_age_s"},
        {"device_id = \"entry 1\"\n", "k.toml:5: network.device_id"},
        {"proxy = \"x\"\n", "k.toml:5: network.proxy: unknown key"},
    };
    for (const auto& [body, expected] : cases) {
        SCOPED_TRACE(body);
        const std::string message = errorOf(kSite + body);
        EXPECT_NE(message.find(expected), std::string::npos) << message;
    }
}

TEST(NetworkConfig, TheExampleDocumentsTheServicesAndLoads) {
    const auto config =
        loadKioskConfig(std::filesystem::path(test::kSourceDir) / "config" / "kiosk.example.toml");
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->network.deviceId, "entry-1");
}

}  // namespace
}  // namespace vax
