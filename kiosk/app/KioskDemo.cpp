#include "KioskDemo.h"

#include <atomic>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

#include "crypto/SiteKeys.h"
#include "ops/DemoCodes.h"

namespace vax::app {

namespace {

namespace fs = std::filesystem;

// The parts of config/kiosk.example.toml the entry demo needs; the thermometer reads a
// normal forehead, the health codes are signed by the demo issuer. demoConfig() adds the
// printer and the upstream services.
constexpr const char* kDemoConfig =
    R"(# Written by 'vaxkiosk --demo'; every site and code is fictional.
[site]
id = "DEMO-001"
name = "示范路社区卫生服务中心 Shifan Road Community Health Centre"
role = @ROLE@
key_file = "site.key"

[policy]
require_health_code = true
fever_threshold_c = 37.3
min_age = 18
doctor_review_from_age = 60

# The station's catalogue (as in config/kiosk.example.toml).
[[product]]
code = "INACT-A"
name = "灭活疫苗（示例甲）Inactivated Vaccine A"
manufacturer = "示例生物制品有限公司 Example Biologics Co., Ltd."
trace_prefixes = ["8612345"]
gtins = ["02001234000017"]
series_doses = 2
min_interval_days = 21
max_interval_days = 56
booster_min_days = 180

[[product]]
code = "RECOMB-C"
name = "重组蛋白疫苗（示例丙）Recombinant Protein Vaccine C"
manufacturer = "样本生物科技有限公司 Sample Biotech Co., Ltd."
trace_prefixes = ["8623456"]
gtins = ["02001234000024"]
series_doses = 3
min_interval_days = 28
max_interval_days = 90

[devices]
printer = @PRINTER@

[devices.thermometer]
type = "simulated"
readings = ["36.4/24.0", "36.5/24.0", "36.5/24.0", "36.6/24.0", "36.5/24.0", "36.5/24.0"]
rate_hz = 10

[network]
device_id = @DEVICE@
jwks_file = "demo-jwks.json"
offline_max_age_s = 300
@SERVICES@
[scanning]
confirm_window_ms = 500
debounce_ms = 3000
health_code_url_prefixes = ["https://hc.example.gov.cn/v/"]
eid_prefixes = ["EID:"]
)";

// A TOML basic string.
std::string tomlString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "\"";
}

// The demo PIN's Argon2id hash, made once with `vaxctl staff hash-pin`: hashing it at every
// start cost about 165 ms of the demo's start-up, and the PIN is no secret (the demo shows it).
constexpr const char* kDemoPinHash =
    "$argon2id$v=19$m=65536,t=2,p=1$IvLHJTdFNoQkmZJr89OC1A$+59KOK0wRjK17qzH1m+TgwX92YWc+"
    "zayKGUfLCyRxwo";

void replaceOnce(std::string& text, const std::string& placeholder, const std::string& value) {
    text.replace(text.find(placeholder), placeholder.size(), value);
}

std::string demoConfig(const fs::path& tickets, const std::string& upstreamUrl,
                       const std::string& role) {
    std::string toml = kDemoConfig;
    replaceOnce(toml, "@ROLE@", tomlString(role));
    replaceOnce(toml, "@DEVICE@", tomlString(role + "-demo"));
    replaceOnce(toml, "@PRINTER@", tomlString("png:" + tickets.string()));
    // The demo's staff member, so the staff console can be tried (the PIN is on its screen).
    toml += "\n[[staff]]\nid = \"demo-nurse\"\nname = \"演示护士 Demo nurse\"\npin_hash = " +
            tomlString(kDemoPinHash) + "\n";
    replaceOnce(toml, "@SERVICES@",
                upstreamUrl.empty() ? std::string()
                                    : "health_code_service = " + tomlString(upstreamUrl) +
                                          "\nrecords_service = " + tomlString(upstreamUrl) + "\n");
    return toml;
}

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

Result<KioskDemo> KioskDemo::prepare(const fs::path& given, const std::string& upstreamUrl,
                                     const std::string& role) {
    std::error_code ec;
    // Absolute, so the printer URI in the config does not depend on the working folder.
    const fs::path folder = fs::absolute(given, ec);
    fs::create_directories(folder / "tickets", ec);
    if (ec) {
        return Error{"cannot create " + (folder / "tickets").string() + ": " + ec.message()};
    }
    if (auto written =
            writeText(folder / "kiosk.toml", demoConfig(folder / "tickets", upstreamUrl, role));
        !written) {
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
    return std::string(kDemoResidentIdCode);
}

std::string KioskDemo::onlineHealthCode() {
    return std::string(kDemoOnlineHealthCode);
}

std::string KioskDemo::upstreamSeed(std::int64_t nowUnixSeconds) {
    const std::time_t updated = std::time_t(nowUnixSeconds - 3600);
    std::tm utc{};
    gmtime_r(&updated, &utc);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &utc);
    const nlohmann::json seed{{"codes", nlohmann::json::array({{{"code", onlineHealthCode()},
                                                                {"status", "green"},
                                                                {"name", "王*"},
                                                                {"masked_id", "1101**********1234"},
                                                                {"updated_at", when}}})}};
    return seed.dump(2);
}

}  // namespace vax::app
