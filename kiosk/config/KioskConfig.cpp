#include "config/KioskConfig.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <system_error>
#include <vector>

// toml++ is built header-only and without exceptions (see CMakeLists.txt): parse errors
// come back as values.
#include <toml++/toml.h>

namespace vax {

namespace {

namespace fs = std::filesystem;

using KeyList = std::span<const std::string_view>;

constexpr std::string_view kRootKeys[] = {"site", "policy", "questionnaire", "product",
                                          "campaign_step"};
constexpr std::string_view kSiteKeys[] = {"id", "name", "role", "key_file"};
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

constexpr std::string_view kRoleNames[] = {"entry", "station", "exit", "console"};
constexpr Role kRoles[] = {Role::Entry, Role::Station, Role::Exit, Role::Console};

std::string_view typeName(toml::node_type type) {
    switch (type) {
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a float";
        case toml::node_type::boolean:
            return "a boolean";
        case toml::node_type::date:
            return "a date";
        case toml::node_type::time:
            return "a time";
        case toml::node_type::date_time:
            return "a date-time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

// Nodes built implicitly (dotted keys, the root) may carry no position; line 1 is still a start.
std::uint32_t lineOf(const toml::node& node) {
    const auto line = node.source().begin.line;
    return line == 0 ? 1 : line;
}

std::string inQuotes(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string join(KeyList names) {
    std::string out;
    for (const auto name : names) {
        if (!out.empty()) {
            out += ", ";
        }
        out += name;
    }
    return out;
}

std::string formatNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string ageBand(int minAge, std::optional<int> maxAge) {
    return std::to_string(minAge) + (maxAge ? "-" + std::to_string(*maxAge) : "+");
}

bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t") == text.npos;
}

bool isDigits(std::string_view text, std::size_t length) {
    if (text.size() != length) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

bool isIdentifier(std::string_view text) {
    if (text.empty() || text.size() > 32) {
        return false;
    }
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// GS1 mod-10 check digit for the digits before it: weights 3,1,3,... from the right.
char gs1CheckDigit(std::string_view body) {
    int sum = 0;
    int weight = 3;
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        sum += (*it - '0') * weight;
        weight = 4 - weight;
    }
    return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// Validators return what is wrong with a value, or an empty string when it is fine.
using StringCheck = std::string (*)(std::string_view);

std::string checkNonEmpty(std::string_view text) {
    return isBlank(text) ? "must not be empty" : "";
}

std::string checkIdentifier(std::string_view text) {
    return isIdentifier(text)
               ? ""
               : "must be 1 to 32 characters of A-Z, a-z, 0-9, '_' or '-', got " + inQuotes(text);
}

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

/// A table being read and the dotted path naming it in messages ("" for the document root).
struct Scope {
    const toml::table& table;
    std::string path;

    std::string key(std::string_view name) const {
        return path.empty() ? std::string(name) : path + "." + std::string(name);
    }
};

/// Line of the key's value, or of its table when the key is absent.
std::uint32_t keyLine(const Scope& scope, std::string_view name) {
    const toml::node* node = scope.table.get(name);
    return lineOf(node ? *node : scope.table);
}

/// Reads typed values and remembers the first error only: later ones are often its echoes.
/// Once failed, every read returns nothing so callers need not check after each step.
class Reader {
public:
    explicit Reader(std::string_view source) : m_source(source) {}

    bool failed() const { return m_error.has_value(); }
    Error takeError() { return std::move(*m_error); }

    void fail(std::uint32_t line, std::string_view key, std::string_view what) {
        if (!m_error) {
            m_error = Error{std::string(m_source) + ":" + std::to_string(line) + ": " +
                            std::string(key) + ": " + std::string(what)};
        }
    }

    /// Rejects the first key (in document order) that is not in `allowed`.
    bool checkKeys(const Scope& scope, KeyList allowed) {
        const toml::key* unknown = nullptr;
        std::uint32_t unknownLine = 0;
        for (auto&& [key, node] : scope.table) {
            bool known = false;
            for (const auto name : allowed) {
                known = known || key.str() == name;
            }
            if (!known && (!unknown || lineOf(node) < unknownLine)) {
                unknown = &key;
                unknownLine = lineOf(node);
            }
        }
        if (unknown) {
            fail(unknownLine, scope.key(unknown->str()),
                 "unknown key (allowed here: " + join(allowed) + ")");
        }
        return unknown == nullptr;
    }

    /// The node at `name` if present with the wanted type; absence is an error when required.
    const toml::node* get(const Scope& scope, std::string_view name, toml::node_type type,
                          bool required) {
        if (failed()) {
            return nullptr;
        }
        const toml::node* node = scope.table.get(name);
        if (!node) {
            if (required) {
                fail(lineOf(scope.table), scope.key(name),
                     type == toml::node_type::table ? "missing required table"
                                                    : "missing required key");
            }
            return nullptr;
        }
        return expect(*node, type, scope.key(name)) ? node : nullptr;
    }

    bool expect(const toml::node& node, toml::node_type type, std::string_view key) {
        if (node.type() == type) {
            return true;
        }
        fail(lineOf(node), key,
             "expected " + std::string(typeName(type)) + ", got " +
                 std::string(typeName(node.type())));
        return false;
    }

    std::optional<std::string> string(const Scope& scope, std::string_view name, bool required,
                                      StringCheck check = nullptr) {
        const toml::node* node = get(scope, name, toml::node_type::string, required);
        if (!node) {
            return std::nullopt;
        }
        std::string value = node->as_string()->get();
        if (check) {
            if (const std::string problem = check(value); !problem.empty()) {
                fail(lineOf(*node), scope.key(name), problem);
                return std::nullopt;
            }
        }
        return value;
    }

    std::optional<int> integer(const Scope& scope, std::string_view name, bool required, int min,
                               int max) {
        const toml::node* node = get(scope, name, toml::node_type::integer, required);
        if (!node) {
            return std::nullopt;
        }
        const std::int64_t value = node->as_integer()->get();
        if (value < min || value > max) {
            fail(lineOf(*node), scope.key(name),
                 "must be between " + std::to_string(min) + " and " + std::to_string(max) +
                     ", got " + std::to_string(value));
            return std::nullopt;
        }
        return static_cast<int>(value);
    }

    /// A float; integers are taken too since "37" is as clear as "37.0".
    std::optional<double> number(const Scope& scope, std::string_view name, double min,
                                 double max) {
        const toml::node* node = scope.table.get(name);
        if (failed() || !node) {
            return std::nullopt;
        }
        double value = 0.0;
        if (const auto* integer = node->as_integer()) {
            value = static_cast<double>(integer->get());
        } else if (expect(*node, toml::node_type::floating_point, scope.key(name))) {
            value = node->as_floating_point()->get();
        } else {
            return std::nullopt;
        }
        if (!(value >= min && value <= max)) {  // written so that NaN fails too
            fail(lineOf(*node), scope.key(name),
                 "must be between " + formatNumber(min) + " and " + formatNumber(max) + ", got " +
                     formatNumber(value));
            return std::nullopt;
        }
        return value;
    }

    std::optional<bool> boolean(const Scope& scope, std::string_view name) {
        const toml::node* node = get(scope, name, toml::node_type::boolean, false);
        return node ? std::optional<bool>(node->as_boolean()->get()) : std::nullopt;
    }

    /// An array whose elements are all strings passing `check`; elements are named "key[i]".
    std::optional<std::vector<std::string>> stringArray(const Scope& scope, std::string_view name,
                                                        StringCheck check) {
        const toml::node* node = get(scope, name, toml::node_type::array, false);
        if (!node) {
            return std::nullopt;
        }
        std::vector<std::string> values;
        const toml::array& array = *node->as_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string key = scope.key(name) + "[" + std::to_string(i) + "]";
            if (!expect(array[i], toml::node_type::string, key)) {
                return std::nullopt;
            }
            std::string value = array[i].as_string()->get();
            if (const std::string problem = check(value); !problem.empty()) {
                fail(lineOf(array[i]), key, problem);
                return std::nullopt;
            }
            values.push_back(std::move(value));
        }
        return values;
    }

    /// The tables of an array of tables ([[name]]), each with its path "name[i]".
    std::vector<Scope> tableArray(const Scope& scope, std::string_view name) {
        std::vector<Scope> tables;
        const toml::node* node = scope.table.get(name);
        if (failed() || !node) {
            return tables;
        }
        if (!node->is_array()) {
            fail(lineOf(*node), scope.key(name),
                 "expected an array of tables ([[" + std::string(name) + "]]), got " +
                     std::string(typeName(node->type())));
            return tables;
        }
        const toml::array& array = *node->as_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            const std::string key = scope.key(name) + "[" + std::to_string(i) + "]";
            if (!expect(array[i], toml::node_type::table, key)) {
                return {};
            }
            tables.push_back(Scope{*array[i].as_table(), key});
        }
        return tables;
    }

private:
    std::string_view m_source;
    std::optional<Error> m_error;
};

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
