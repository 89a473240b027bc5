#include "config/DevicesAndScanning.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/CameraIndex.h"
#include "core/CodeFormat.h"
#include "core/Payload.h"

namespace vax::config_detail {

namespace {

constexpr std::string_view kDeviceKeys[] = {"camera",      "camera_width", "camera_height",
                                            "camera_fps",  "hid_scanner",  "serial_scanner",
                                            "serial_baud", "printer",      "printer_profile",
                                            "thermometer", "call_voice"};
constexpr std::string_view kScanningKeys[] = {
    "formats",      "confirm_window_ms", "debounce_ms",      "health_code_url_prefixes",
    "eid_prefixes", "ticket_prefix",     "health_code_token"};
constexpr std::string_view kTokenKeys[] = {"prefix", "min_length", "max_length", "alphabet"};

// An espeak-ng voice name ("cmn", "en-us"): it goes on espeak-ng's command line.
std::string checkVoice(std::string_view text) {
    const bool plain =
        !text.empty() && text.size() <= 32 && std::all_of(text.begin(), text.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        });
    return plain ? "" : "must be an espeak-ng voice such as \"cmn\", got " + inQuotes(text);
}

// Rates with a termios constant; others would fail only later, when the scanner is opened.
constexpr std::int64_t kBaudRates[] = {1200,  2400,   4800,   9600,   19200, 38400,
                                       57600, 115200, 230400, 460800, 921600};

// The short names parseFormats accepts (it takes ZXing's names too, but these are documented).
constexpr std::string_view kFormatNames[] = {"qr",         "microqr", "pdf417",
                                             "datamatrix", "code128", "aztec"};

constexpr std::string_view kAlphabetNames[] = {"digits", "alnum", "base64url"};
constexpr TokenPattern::Alphabet kAlphabets[] = {TokenPattern::Alphabet::Digits,
                                                 TokenPattern::Alphabet::Alnum,
                                                 TokenPattern::Alphabet::Base64Url};

constexpr std::size_t kMaxUrlPrefixLength = 200;
constexpr std::size_t kMaxEIdPrefixLength = 32;
constexpr std::size_t kMaxTicketPrefixLength = 16;
constexpr int kMaxTokenLength = 4096;

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

std::string checkCamera(std::string_view text) {
    if (isBlank(text)) {
        return "must not be empty";
    }
    // The frame source needs a device after the scheme; say so now rather than at start-up.
    if (text == "camera:") {
        return "needs a device after \"camera:\", e.g. \"camera:0\" or \"camera:/dev/video0\"";
    }
    if (startsWith(text, "camera:") && isCameraIndex(text.substr(7))) {
        if (auto index = parseCameraIndex(text.substr(7)); !index) {
            return index.error().message;
        }
    }
    return "";
}

std::string checkDevicePath(std::string_view text, std::string_view folder) {
    if (isBlank(text)) {
        return "must not be empty";
    }
    if (!startsWith(text, folder) || text.size() == folder.size()) {
        return "must be a device under " + inQuotes(folder) + ", got " + inQuotes(text);
    }
    return "";
}

std::string checkHidScanner(std::string_view text) {
    return checkDevicePath(text, "/dev/input/");
}

std::string checkSerialScanner(std::string_view text) {
    return checkDevicePath(text, "/dev/");
}

// Printer URIs that vaxdevices opens; the profile name is checked where it is used.
std::string checkPrinterUri(std::string_view text) {
    for (std::string_view scheme : {"file:/", "tcp://", "cups:", "png:", "pdf:"}) {
        if (startsWith(text, scheme) && text.size() > scheme.size()) {
            return "";
        }
    }
    return "must be file:/dev/usb/lp0, tcp://HOST:9100, cups:QUEUE, png:DIR or pdf:DIR, got " +
           inQuotes(text);
}

std::string checkUrlPrefix(std::string_view text) {
    constexpr std::string_view https = "https://";
    if (startsWith(text, "http://")) {
        return "must start with \"https://\", got " + inQuotes(text) +
               " (use https: health codes must not travel in clear text)";
    }
    if (!startsWith(text, https)) {
        return "must start with \"https://\", got " + inQuotes(text);
    }
    // Without a host the prefix would take any https link for a health code.
    if (text.size() == https.size() || text[https.size()] == '/') {
        return "must name a host after \"https://\", got " + inQuotes(text);
    }
    if (text.size() > kMaxUrlPrefixLength) {
        return "must be at most " + std::to_string(kMaxUrlPrefixLength) + " characters, got " +
               std::to_string(text.size());
    }
    return "";
}

std::string checkEIdPrefix(std::string_view text) {
    if (isBlank(text)) {
        return "must not be empty";  // an empty prefix would match every scan
    }
    if (text.size() > kMaxEIdPrefixLength) {
        return "must be at most " + std::to_string(kMaxEIdPrefixLength) + " characters, got " +
               std::to_string(text.size());
    }
    return "";
}

// Tickets are our own QR codes; these characters keep them in QR alphanumeric mode.
std::string checkTicketPrefix(std::string_view text) {
    const bool ok = !text.empty() && text.size() <= kMaxTicketPrefixLength &&
                    std::all_of(text.begin(), text.end(), [](char c) {
                        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':';
                    });
    return ok ? ""
              : "must be 1 to " + std::to_string(kMaxTicketPrefixLength) +
                    " characters of A-Z, 0-9 or ':', got " + inQuotes(text);
}

/// The first name in a comma-separated list that parseFormats rejects, or nullopt.
std::optional<std::string_view> unknownFormat(std::string_view list) {
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string_view word = list.substr(start, comma - start);
        if (!parseFormats(word)) {
            return word;
        }
        start = comma + 1;
    }
    return std::nullopt;
}

void readFormats(Reader& reader, const Scope& scope, ScanningConfig& scanning) {
    const auto text = reader.string(scope, "formats", false);
    if (!text) {
        return;
    }
    if (const auto formats = parseFormats(*text)) {
        scanning.formats = *formats;
        return;
    }
    const std::string known = "known: " + join(kFormatNames);
    std::string problem;
    if (isBlank(*text)) {
        problem = "must list at least one format (" + known + ")";
    } else {
        const std::string_view word = unknownFormat(*text).value_or(*text);
        problem = "unknown format " + inQuotes(word) + " in " + inQuotes(*text) + " (" + known;
        // "qr, pdf417" is a likely slip; parseFormats takes no spaces.
        if (word.find_first_of(" \t") != word.npos) {
            problem += "; separate names with commas only";
        }
        problem += ")";
    }
    reader.fail(keyLine(scope, "formats"), scope.key("formats"), problem);
}

void readToken(Reader& reader, const Scope& scope, TokenPattern& token) {
    if (!reader.checkKeys(scope, kTokenKeys)) {
        return;
    }
    token.prefix = reader.string(scope, "prefix", false).value_or("");
    const int minLength = reader.integer(scope, "min_length", true, 1, kMaxTokenLength).value_or(1);
    const int maxLength =
        reader.integer(scope, "max_length", true, 1, kMaxTokenLength).value_or(minLength);
    if (reader.failed()) {
        return;
    }
    if (maxLength < minLength) {
        reader.fail(keyLine(scope, "max_length"), scope.key("max_length"),
                    "must be at least min_length (" + std::to_string(minLength) + "), got " +
                        std::to_string(maxLength));
        return;
    }
    token.minLength = static_cast<std::size_t>(minLength);
    token.maxLength = static_cast<std::size_t>(maxLength);
    if (const auto text = reader.string(scope, "alphabet", false)) {
        const auto* found = std::find(std::begin(kAlphabetNames), std::end(kAlphabetNames), *text);
        if (found == std::end(kAlphabetNames)) {
            reader.fail(keyLine(scope, "alphabet"), scope.key("alphabet"),
                        "must be one of " + join(kAlphabetNames) + ", got " + inQuotes(*text));
            return;
        }
        token.alphabet = kAlphabets[found - std::begin(kAlphabetNames)];
    }
}

}  // namespace

void readDevices(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                 DeviceConfig& devices) {
    if (!reader.checkKeys(scope, kDeviceKeys)) {
        return;
    }
    if (auto v = reader.string(scope, "camera", false, checkCamera)) {
        devices.camera = std::move(*v);
    }
    if (const auto v = reader.integer(scope, "camera_width", false, 160, 4096)) {
        devices.cameraWidth = *v;
    }
    if (const auto v = reader.integer(scope, "camera_height", false, 120, 4096)) {
        devices.cameraHeight = *v;
    }
    if (const auto v = reader.number(scope, "camera_fps", 1.0, 120.0)) {
        devices.cameraFps = *v;
    }
    if (auto v = reader.string(scope, "hid_scanner", false, checkHidScanner)) {
        devices.hidScanner = std::move(*v);
    }
    if (auto v = reader.string(scope, "serial_scanner", false, checkSerialScanner)) {
        devices.serialScanner = std::move(*v);
    }
    if (const toml::node* node =
            reader.get(scope, "serial_baud", toml::node_type::integer, false)) {
        const std::int64_t baud = node->as_integer()->get();
        if (std::find(std::begin(kBaudRates), std::end(kBaudRates), baud) == std::end(kBaudRates)) {
            std::string rates;
            for (const std::int64_t rate : kBaudRates) {
                rates += (rates.empty() ? "" : ", ") + std::to_string(rate);
            }
            reader.fail(lineOf(*node), scope.key("serial_baud"),
                        "must be one of " + rates + ", got " + std::to_string(baud));
        } else {
            devices.serialBaud = static_cast<unsigned>(baud);
        }
    }
    if (auto v = reader.string(scope, "printer", false, checkPrinterUri)) {
        devices.printer = std::move(*v);
    }
    if (auto v = reader.string(scope, "printer_profile", false, checkNonEmpty)) {
        devices.printerProfile = std::move(*v);
    }
    if (auto v = reader.string(scope, "call_voice", false, checkVoice)) {
        devices.callVoice = std::move(*v);
    }
    if (const toml::node* thermometer =
            reader.get(scope, "thermometer", toml::node_type::table, false)) {
        readThermometer(reader, Scope{*thermometer->as_table(), scope.key("thermometer")}, baseDir,
                        devices.thermometer);
    }
}

void readScanning(Reader& reader, const Scope& scope, ScanningConfig& scanning) {
    if (!reader.checkKeys(scope, kScanningKeys)) {
        return;
    }
    readFormats(reader, scope, scanning);
    if (const auto v = reader.integer(scope, "confirm_window_ms", false, 50, 5000)) {
        scanning.confirmWindowMs = *v;
    }
    if (const auto v = reader.integer(scope, "debounce_ms", false, 0, 60000)) {
        scanning.debounceMs = *v;
    }
    PayloadRules& rules = scanning.rules;
    if (auto v = reader.stringArray(scope, "health_code_url_prefixes", checkUrlPrefix)) {
        rules.healthCodeUrlPrefixes = std::move(*v);
    }
    if (auto v = reader.stringArray(scope, "eid_prefixes", checkEIdPrefix)) {
        rules.eIdPrefixes = std::move(*v);
    }
    if (auto v = reader.string(scope, "ticket_prefix", false, checkTicketPrefix)) {
        rules.ticketPrefix = std::move(*v);
    }
    for (const Scope& table : reader.tableArray(scope, "health_code_token")) {
        TokenPattern token;
        readToken(reader, table, token);
        if (reader.failed()) {
            return;
        }
        rules.healthCodeTokens.push_back(std::move(token));
    }
}

}  // namespace vax::config_detail
