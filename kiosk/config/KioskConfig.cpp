#include "config/KioskConfig.h"

#include "core/Gs1.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "config/DevicesAndScanning.h"
#include "config/TomlReader.h"

namespace vax {

using namespace config_detail;

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRootKeys[] = {
    "site",     "policy",      "questionnaire", "product",     "campaign_step", "devices",
    "scanning", "temperature", "network",       "site_server", "staff"};
constexpr std::string_view kSiteKeys[] = {"id", "name", "role", "key_file", "trust_file"};
constexpr std::string_view kPolicyKeys[] = {
    "require_health_code", "fever_threshold_c", "valid_min_c", "valid_max_c",
    "observation_minutes", "min_age",           "max_age",     "doctor_review_from_age"};
constexpr std::string_view kProductKeys[] = {"code",
                                             "name",
                                             "manufacturer",
                                             "trace_prefixes",
                                             "gtins",
                                             "series_doses",
                                             "min_interval_days",
                                             "max_interval_days",
                                             "booster_min_days",
                                             "doses_per_pack"};
constexpr std::string_view kStepKeys[] = {"id", "name", "min_age", "max_age", "open"};

constexpr std::string_view kRoleNames[] = {"entry",   "station", "exit",
                                           "console", "board",   "callboard"};
constexpr Role kRoles[] = {Role::Entry,   Role::Station, Role::Exit,
                           Role::Console, Role::Board,   Role::Callboard};

std::string ageBand(int minAge, std::optional<int> maxAge) {
    return std::to_string(minAge) + (maxAge ? "-" + std::to_string(*maxAge) : "+");
}

/// GS1 mod-10 check digit for the digits before it: weights 3,1,3,... from the right.
std::string checkTracePrefix(std::string_view text) {
    return isDigits(text, 7) ? "" : "must be exactly 7 digits, got " + inQuotes(text);
}

std::string checkGtin(std::string_view text) {
    if (!isDigits(text, 14)) {
        return "must be exactly 14 digits, got " + inQuotes(text);
    }
    const char expected = gs1CheckDigit(text.substr(0, 13));
    if (text[13] != expected) {
        return "GTIN " + inQuotes(text) + " has a wrong check digit (expected " +
               std::string(1, expected) + ")";
    }
    return "";
}

std::optional<Role> roleFromString(std::string_view text) {
    for (std::size_t i = 0; i < std::size(kRoleNames); ++i) {
        if (kRoleNames[i] == text) {
            return kRoles[i];
        }
    }
    return std::nullopt;
}

void readSite(Reader& reader, const Scope& scope, const fs::path& baseDir, SiteConfig& site) {
    if (!reader.checkKeys(scope, kSiteKeys)) {
        return;
    }
    site.id = reader.string(scope, "id", true, checkIdentifier).value_or("");
    site.name = reader.string(scope, "name", true, checkNonEmpty).value_or("");
    if (const auto text = reader.string(scope, "role", false)) {
        if (const auto role = roleFromString(*text)) {
            site.role = *role;
        } else {
            reader.fail(keyLine(scope, "role"), scope.key("role"),
                        "must be one of " + join(kRoleNames) + ", got " + inQuotes(*text));
        }
    }
    fs::path keyFile = reader.string(scope, "key_file", false, checkNonEmpty).value_or("site.key");
    site.keyFile = keyFile.is_relative() ? baseDir / keyFile : keyFile;
    if (const auto trust = reader.string(scope, "trust_file", false, checkNonEmpty)) {
        const fs::path trustFile = *trust;
        site.trustFile = trustFile.is_relative() ? baseDir / trustFile : trustFile;
    }
}

// A wall screen shows what the site server holds: without one it would show nothing, so the
// config says so at load. Spoken calls are the call screen's alone.
void checkWallScreen(Reader& reader, const Scope& root, const KioskConfig& config) {
    const Role role = config.site.role;
    if (reader.failed()) {
        return;
    }
    if ((role == Role::Board || role == Role::Callboard) && config.siteServer.url.empty()) {
        const toml::node* site = root.table.get("site");
        const Scope scope{*site->as_table(), "site"};
        reader.fail(keyLine(scope, "role"), scope.key("role"),
                    std::string(toString(role)) +
                        " shows the site server's state: it needs a [site_server]");
    }
    if (!config.devices.callVoice.empty() && role != Role::Callboard) {
        const toml::node* devices = root.table.get("devices");
        const Scope scope{*devices->as_table(), "devices"};
        reader.fail(keyLine(scope, "call_voice"), scope.key("call_voice"),
                    "spoken calls are for the callboard role, this device is " +
                        std::string(toString(role)));
    }
}

void readTemperature(Reader& reader, const Scope& scope, TemperaturePolicy& temperature) {
    if (const auto v = reader.number(scope, "valid_min_c", 20.0, 40.0)) {
        temperature.validMinC = *v;
    }
    if (const auto v = reader.number(scope, "valid_max_c", 20.0, 45.0)) {
        temperature.validMaxC = *v;
    }
    if (const auto v = reader.number(scope, "fever_threshold_c", 35.0, 42.0)) {
        temperature.feverThresholdC = *v;
    }
    if (reader.failed()) {
        return;
    }
    const bool hasMax = scope.table.contains("valid_max_c");
    if (!(temperature.validMaxC > temperature.validMinC)) {
        const std::string_view blamed = hasMax ? "valid_max_c" : "valid_min_c";
        reader.fail(keyLine(scope, blamed), scope.key(blamed),
                    "valid_max_c (" + formatNumber(temperature.validMaxC) +
                        ") must be above valid_min_c (" + formatNumber(temperature.validMinC) +
                        ")");
        return;
    }
    const double fever = temperature.feverThresholdC;
    if (!(fever >= temperature.validMinC && fever <= temperature.validMaxC)) {
        // Blame the threshold if it was written, else the bound that excludes the default.
        const std::string_view blamed = scope.table.contains("fever_threshold_c")
                                            ? "fever_threshold_c"
                                        : fever < temperature.validMinC ? "valid_min_c"
                                                                        : "valid_max_c";
        reader.fail(keyLine(scope, blamed), scope.key(blamed),
                    "fever_threshold_c (" + formatNumber(fever) +
                        ") must lie within valid_min_c..valid_max_c (" +
                        formatNumber(temperature.validMinC) + ".." +
                        formatNumber(temperature.validMaxC) + ")");
    }
}

void readPolicyTable(Reader& reader, const Scope& scope, Policy& policy) {
    if (!reader.checkKeys(scope, kPolicyKeys)) {
        return;
    }
    if (const auto v = reader.boolean(scope, "require_health_code")) {
        policy.requireHealthCode = *v;
    }
    readTemperature(reader, scope, policy.temperature);
    if (const auto v = reader.integer(scope, "observation_minutes", false, 1, 240)) {
        policy.observationMinutes = *v;
    }
    AgePolicy& age = policy.age;
    if (const auto v = reader.integer(scope, "min_age", false, 0, 120)) {
        age.minAge = *v;
    }
    // Both must not be below min_age; report on the key whose value is out of order.
    for (const auto& [name, field] :
         {std::pair{std::string_view("max_age"), &age.maxAge},
          std::pair{std::string_view("doctor_review_from_age"), &age.doctorReviewFromAge}}) {
        if (const auto v = reader.integer(scope, name, false, 0, 150)) {
            if (*v < age.minAge) {
                reader.fail(keyLine(scope, name), scope.key(name),
                            "must be at least min_age (" + std::to_string(age.minAge) + "), got " +
                                std::to_string(*v));
            } else {
                *field = *v;
            }
        }
    }
}

void readQuestionnaire(Reader& reader, const Scope& scope, Policy& policy) {
    std::vector<std::string_view> ids;
    for (const auto& item : questionnaire()) {
        ids.push_back(item.id);
    }
    if (!reader.checkKeys(scope, ids)) {
        return;
    }
    for (std::size_t i = 0; i < kQuestionCount; ++i) {
        const std::string_view id = questionnaire()[i].id;
        const auto text = reader.string(scope, id, false);
        if (!text) {
            continue;
        }
        if (const auto action = itemActionFromString(*text)) {
            policy.questionActions[i] = *action;
        } else {
            reader.fail(keyLine(scope, id), scope.key(id),
                        "must be \"defer\" or \"doctor_review\", got " + inQuotes(*text));
        }
    }
}

void readSeries(Reader& reader, const Scope& scope, Product& product) {
    product.seriesDoses = reader.integer(scope, "series_doses", true, 1, 5).value_or(1);
    if (reader.failed()) {
        return;
    }
    if (product.seriesDoses > 1) {
        product.minIntervalDays =
            reader.integer(scope, "min_interval_days", true, 1, 365).value_or(0);
        product.maxIntervalDays =
            reader.integer(scope, "max_interval_days", true, 1, 3650).value_or(0);
        if (!reader.failed() && product.maxIntervalDays < product.minIntervalDays) {
            reader.fail(keyLine(scope, "max_interval_days"), scope.key("max_interval_days"),
                        "must be at least min_interval_days (" +
                            std::to_string(product.minIntervalDays) + "), got " +
                            std::to_string(product.maxIntervalDays));
        }
        return;
    }
    // A single-dose series has no interval; a stray one would suggest a wrong series_doses.
    for (const std::string_view name : {"min_interval_days", "max_interval_days"}) {
        if (const auto v = reader.integer(scope, name, false, 0, 3650); v && *v != 0) {
            reader.fail(keyLine(scope, name), scope.key(name),
                        "must be 0 or absent when series_doses is 1, got " + std::to_string(*v));
        }
    }
}

void readProduct(Reader& reader, const Scope& scope, Product& product) {
    if (!reader.checkKeys(scope, kProductKeys)) {
        return;
    }
    product.code = reader.string(scope, "code", true, checkIdentifier).value_or("");
    product.name = reader.string(scope, "name", true, checkNonEmpty).value_or("");
    product.manufacturer = reader.string(scope, "manufacturer", true, checkNonEmpty).value_or("");
    product.tracePrefixes = reader.stringArray(scope, "trace_prefixes", checkTracePrefix)
                                .value_or(std::vector<std::string>{});
    product.gtins =
        reader.stringArray(scope, "gtins", checkGtin).value_or(std::vector<std::string>{});
    readSeries(reader, scope, product);
    product.boosterMinDays = reader.integer(scope, "booster_min_days", false, 1, 3650);
    product.dosesPerPack = reader.integer(scope, "doses_per_pack", false, 1, 20).value_or(1);
}

/// Remembers which product first used a code value, so a repeat can name it.
struct Seen {
    std::string value;
    std::string owner;
};

/// Fails on elements of `scope.name` already in `seen` (from this or earlier products).
void checkUnique(Reader& reader, const Scope& scope, std::string_view name, std::string_view what,
                 const std::string& owner, std::vector<Seen>& seen) {
    const toml::array* array = scope.table.get_as<toml::array>(name);
    for (std::size_t i = 0; array && i < array->size() && !reader.failed(); ++i) {
        const std::string& value = (*array)[i].as_string()->get();
        for (const auto& earlier : seen) {
            if (earlier.value == value) {
                reader.fail(lineOf((*array)[i]), scope.key(name) + "[" + std::to_string(i) + "]",
                            std::string(what) + " " + inQuotes(value) +
                                " is already used by product " + inQuotes(earlier.owner));
                return;
            }
        }
        seen.push_back(Seen{value, owner});
    }
}

void readProducts(Reader& reader, const Scope& root, std::vector<Product>& products) {
    std::vector<Seen> prefixes;
    std::vector<Seen> gtins;
    for (const Scope& scope : reader.tableArray(root, "product")) {
        Product product;
        readProduct(reader, scope, product);
        if (reader.failed()) {
            return;
        }
        for (const auto& earlier : products) {
            if (earlier.code == product.code) {
                reader.fail(keyLine(scope, "code"), scope.key("code"),
                            "duplicate product code " + inQuotes(product.code));
                return;
            }
        }
        // A scanned code must lead to one product only.
        checkUnique(reader, scope, "trace_prefixes", "trace prefix", product.code, prefixes);
        checkUnique(reader, scope, "gtins", "GTIN", product.code, gtins);
        products.push_back(std::move(product));
    }
}

void readCampaignSteps(Reader& reader, const Scope& root, std::vector<CampaignStep>& steps) {
    for (const Scope& scope : reader.tableArray(root, "campaign_step")) {
        if (!reader.checkKeys(scope, kStepKeys)) {
            return;
        }
        CampaignStep step;
        step.id = reader.string(scope, "id", true, checkNonEmpty).value_or("");
        step.name = reader.string(scope, "name", true, checkNonEmpty).value_or("");
        step.minAge = reader.integer(scope, "min_age", true, 0, 150).value_or(0);
        step.maxAge = reader.integer(scope, "max_age", false, 0, 150);
        step.open = reader.boolean(scope, "open").value_or(true);
        if (reader.failed()) {
            return;
        }
        if (step.maxAge && *step.maxAge < step.minAge) {
            reader.fail(keyLine(scope, "max_age"), scope.key("max_age"),
                        "must be at least min_age (" + std::to_string(step.minAge) + "), got " +
                            std::to_string(*step.maxAge));
            return;
        }
        // An age must map to one step at most, or the kiosk could not tell which applies.
        for (const auto& earlier : steps) {
            if (earlier.id == step.id) {
                reader.fail(keyLine(scope, "id"), scope.key("id"),
                            "duplicate campaign step id " + inQuotes(step.id));
                return;
            }
            const bool overlaps = step.minAge <= earlier.maxAge.value_or(step.minAge) &&
                                  earlier.minAge <= step.maxAge.value_or(earlier.minAge);
            if (overlaps) {
                reader.fail(lineOf(scope.table), scope.path,
                            "age band " + ageBand(step.minAge, step.maxAge) + " of step " +
                                inQuotes(step.id) + " overlaps step " + inQuotes(earlier.id) +
                                " (" + ageBand(earlier.minAge, earlier.maxAge) + ")");
                return;
            }
        }
        steps.push_back(std::move(step));
    }
}

/// Reads the whole file; on failure returns the system's description of the error.
std::optional<std::string> readFile(const fs::path& path, std::string& text) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                         &std::fclose);
    if (!file) {
        return "cannot open: " + std::generic_category().message(errno);
    }
    char buffer[16384];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
        text.append(buffer, count);
    }
    if (std::ferror(file.get())) {
        return "cannot read: " + std::generic_category().message(errno);
    }
    return std::nullopt;
}

}  // namespace

std::string_view toString(Role role) {
    switch (role) {
        case Role::Entry:
            return "entry";
        case Role::Station:
            return "station";
        case Role::Exit:
            return "exit";
        case Role::Console:
            return "console";
        case Role::Board:
            return "board";
        case Role::Callboard:
            return "callboard";
    }
    return "unknown";
}

Result<KioskConfig> parseKioskConfig(std::string_view text, std::string_view sourceName,
                                     const std::filesystem::path& baseDir) {
    toml::parse_result parsed = toml::parse(text, sourceName);
    if (!parsed) {
        const toml::parse_error& error = parsed.error();
        return Error{std::string(sourceName) + ":" + std::to_string(error.source().begin.line) +
                     ":" + std::to_string(error.source().begin.column) + ": " +
                     std::string(error.description())};
    }
    const Scope root{parsed.table(), ""};
    Reader reader(sourceName);
    KioskConfig config;
    if (reader.checkKeys(root, kRootKeys)) {
        if (const toml::node* site = reader.get(root, "site", toml::node_type::table, true)) {
            readSite(reader, Scope{*site->as_table(), "site"}, baseDir, config.site);
        }
        if (const toml::node* policy = reader.get(root, "policy", toml::node_type::table, false)) {
            readPolicyTable(reader, Scope{*policy->as_table(), "policy"}, config.policy);
        }
        if (const toml::node* questions =
                reader.get(root, "questionnaire", toml::node_type::table, false)) {
            readQuestionnaire(reader, Scope{*questions->as_table(), "questionnaire"},
                              config.policy);
        }
        readProducts(reader, root, config.policy.products);
        readCampaignSteps(reader, root, config.policy.campaignSteps);
        if (const toml::node* devices =
                reader.get(root, "devices", toml::node_type::table, false)) {
            readDevices(reader, Scope{*devices->as_table(), "devices"}, baseDir, config.devices);
        }
        if (const toml::node* scanning =
                reader.get(root, "scanning", toml::node_type::table, false)) {
            readScanning(reader, Scope{*scanning->as_table(), "scanning"}, config.scanning);
        }
        if (const toml::node* network =
                reader.get(root, "network", toml::node_type::table, false)) {
            readNetwork(reader, Scope{*network->as_table(), "network"}, baseDir, config.network);
        }
        if (const toml::node* server =
                reader.get(root, "site_server", toml::node_type::table, false)) {
            readSiteServer(reader, Scope{*server->as_table(), "site_server"}, baseDir,
                           config.siteServer);
        }
        if (const toml::node* temperature =
                reader.get(root, "temperature", toml::node_type::table, false)) {
            readMeasurement(reader, Scope{*temperature->as_table(), "temperature"},
                            config.measurement);
        }
        readStaff(reader, root, config.staff);
        checkWallScreen(reader, root, config);
    }
    if (reader.failed()) {
        return reader.takeError();
    }
    return config;
}

Result<KioskConfig> loadKioskConfig(const std::filesystem::path& path) {
    std::string text;
    if (const auto problem = readFile(path, text)) {
        return Error{path.string() + ": " + *problem};
    }
    return parseKioskConfig(text, path.string(), path.parent_path());
}

}  // namespace vax
