#include "KioskDemo.h"

#include <atomic>
#include <fstream>
#include <nlohmann/json.hpp>

#include "crypto/SiteKeys.h"

namespace vax::app {

namespace {

namespace fs = std::filesystem;

// The parts of config/kiosk.example.toml the entry demo needs; the thermometer reads a
// normal forehead, the health codes are signed by the demo issuer.
constexpr const char* kDemoConfig =
    R"(# Written by 'vaxkiosk --demo'; every site and code is fictional.
[site]
id = "DEMO-001"
name = "示范路社区卫生服务中心 Shifan Road Community Health Centre"
role = "entry"
key_file = "site.key"

[policy]
require_health_code = true
fever_threshold_c = 37.3
min_age = 18
doctor_review_from_age = 60

[devices.thermometer]
type = "simulated"
readings = ["36.4/24.0", "36.5/24.0", "36.5/24.0", "36.6/24.0", "36.5/24.0", "36.5/24.0"]
rate_hz = 10

[network]
device_id = "entry-demo"
jwks_file = "demo-jwks.json"
offline_max_age_s = 300

[scanning]
confirm_window_ms = 500
debounce_ms = 3000
health_code_url_prefixes = ["https://hc.example.gov.cn/v/"]
eid_prefixes = ["EID:"]
)";

Status writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
        return Error{"cannot write " + path.string()};
    }
    return okStatus();
}

}  // namespace

Result<KioskDemo> KioskDemo::prepare(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
        return Error{"cannot create " + folder.string() + ": " + ec.message()};
    }
    if (auto written = writeText(folder / "kiosk.toml", kDemoConfig); !written) {
        return written.error();
    }
    // Fresh keys each run: the demo journal's people stay readable only within one run,
    // which is all a demo needs.
    fs::remove(folder / "site.key", ec);
    if (auto saved = SiteKeys::generate().saveNew(folder / "site.key"); !saved) {
        return saved.error();
    }
    auto issuer = JwsSigner::generate(JwsAlgorithm::EdDSA, "demo-issuer-1");
    if (!issuer) {
        return issuer.error();
    }
    const nlohmann::json jwks{{"keys", nlohmann::json::array({issuer->publicJwk()})}};
    if (auto written = writeText(folder / "demo-jwks.json", jwks.dump(2)); !written) {
        return written.error();
    }
    return KioskDemo(folder, std::move(issuer).value());
}

std::string KioskDemo::freshHealthCode(std::int64_t nowUnixSeconds) const {
    static std::atomic<int> serial{0};
    const nlohmann::json claims{
        {"iss", "demo"},
        {"sub", "demo-person-1"},
        {"hcs", "green"},
        {"iat", nowUnixSeconds},
        {"exp", nowUnixSeconds + 600},
        {"jti", "demo-" + std::to_string(nowUnixSeconds) + "-" + std::to_string(++serial)}};
    return m_issuer->sign(claims);
}

std::string KioskDemo::residentIdCode() {
    return "EID:110105198503121234";
}

}  // namespace vax::app
