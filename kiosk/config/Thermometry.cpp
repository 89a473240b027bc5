// Readers of [devices.thermometer] and [temperature]: which IR thermometer reads body
// temperature, and how its raw readings become one.

#include <algorithm>
#include <charconv>
#include <iterator>
#include <regex>
#include <string>
#include <string_view>

#include "config/DevicesAndScanning.h"

namespace vax::config_detail {

namespace {

constexpr std::string_view kThermometerKeys[] = {
    "type",           "i2c_bus", "i2c_address",  "adjust_register_0f",
    "emissivity",     "port",    "baud",         "line_format",
    "ambient_format", "unit",    "poll_command", "readings",
    "script",         "rate_hz"};
constexpr std::string_view kKindNames[] = {"mlx90614", "serial", "simulated"};
constexpr ThermometerKind kKinds[] = {ThermometerKind::Mlx90614, ThermometerKind::Serial,
                                      ThermometerKind::Simulated};
constexpr std::string_view kMeasurementKeys[] = {
    "body_offset_c",  "ambient_coefficient", "ambient_reference_c", "stable_spread_c",
    "stable_samples", "window_ms",           "silence_limit_ms",    "recheck_band_c"};
constexpr std::string_view kStepWords[] = {"silent", "garbage", "flag", "missing"};

// The termios rates serial thermometers use.
constexpr int kBaudRates[] = {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200};

// A reading regex must compile and capture exactly the number.
std::string checkLineRegex(std::string_view text) {
    if (text.empty()) {
        return "must not be empty";
    }
    std::regex compiled;
    try {
        compiled.assign(std::string(text), std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
        return "is not a valid regular expression (" + std::string(error.what()) + ")";
    }
    if (compiled.mark_count() != 1) {
        return "must have exactly one capture group (the number), got " +
               std::to_string(compiled.mark_count());
    }
    return "";
}

std::string checkOptionalRegex(std::string_view text) {
    return text.empty() ? "" : checkLineRegex(text);
}

bool isNumber(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

// One simulated step: "36.5", "36.5/22.0", or a fault word.
std::string checkStep(std::string_view text) {
    if (std::find(std::begin(kStepWords), std::end(kStepWords), text) != std::end(kStepWords)) {
        return "";
    }
    const std::size_t slash = text.find('/');
    const bool ok = slash == text.npos
                        ? isNumber(text)
                        : isNumber(text.substr(0, slash)) && isNumber(text.substr(slash + 1));
    return ok ? ""
              : "must be a reading (\"36.5\" or object/ambient \"36.5/22.0\") or one of " +
                    join(kStepWords) + ", got " + inQuotes(text);
}

std::string checkI2cBus(std::string_view text) {
    constexpr std::string_view prefix = "/dev/i2c-";
    const bool ok = text.substr(0, prefix.size()) == prefix && text.size() > prefix.size() &&
                    std::all_of(text.begin() + static_cast<std::ptrdiff_t>(prefix.size()),
                                text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return ok ? "" : "must be /dev/i2c-N, got " + inQuotes(text);
}

std::string checkSerialPort(std::string_view text) {
    return text.substr(0, 5) == "/dev/" && text.size() > 5
               ? ""
               : "must be a tty under \"/dev/\", got " + inQuotes(text);
}

void readKind(Reader& reader, const Scope& scope, ThermometerConfig& thermometer) {
    const auto type = reader.string(scope, "type", true);
    if (!type) {
        return;
    }
    const auto* found = std::find(std::begin(kKindNames), std::end(kKindNames), *type);
    if (found == std::end(kKindNames)) {
        reader.fail(keyLine(scope, "type"), scope.key("type"),
                    "must be one of " + join(kKindNames) + ", got " + inQuotes(*type));
        return;
    }
    thermometer.kind = kKinds[found - std::begin(kKindNames)];
}

void readMlx(Reader& reader, const Scope& scope, ThermometerConfig& thermometer) {
    if (auto v = reader.string(scope, "i2c_bus", false, checkI2cBus)) {
        thermometer.i2cBus = std::move(*v);
    }
    // 7-bit addresses outside the reserved ranges; the MLX90614 ships at 0x5A.
    if (const auto v = reader.integer(scope, "i2c_address", false, 0x08, 0x77)) {
        thermometer.i2cAddress = *v;
    }
    if (const auto v = reader.boolean(scope, "adjust_register_0f")) {
        thermometer.adjustRegister0F = *v;
    }
    if (const auto v = reader.number(scope, "emissivity", 0.1, 1.0)) {
        thermometer.emissivity = *v;
    }
}

void readSerial(Reader& reader, const Scope& scope, ThermometerConfig& thermometer) {
    if (auto v = reader.string(scope, "port", thermometer.kind == ThermometerKind::Serial,
                               checkSerialPort)) {
        thermometer.port = std::move(*v);
    }
    if (const toml::node* node = reader.get(scope, "baud", toml::node_type::integer, false)) {
        const std::int64_t baud = node->as_integer()->get();
        if (std::find(std::begin(kBaudRates), std::end(kBaudRates), baud) == std::end(kBaudRates)) {
            std::string rates;
            for (const int rate : kBaudRates) {
                rates += (rates.empty() ? "" : ", ") + std::to_string(rate);
            }
            reader.fail(lineOf(*node), scope.key("baud"),
                        "must be one of " + rates + ", got " + std::to_string(baud));
        } else {
            thermometer.baud = static_cast<unsigned>(baud);
        }
    }
    if (auto v = reader.string(scope, "line_format", false, checkLineRegex)) {
        thermometer.lineFormat = std::move(*v);
    }
    if (auto v = reader.string(scope, "ambient_format", false, checkOptionalRegex)) {
        thermometer.ambientFormat = std::move(*v);
    }
    if (const auto unit = reader.string(scope, "unit", false)) {
        if (*unit != "C" && *unit != "F") {
            reader.fail(keyLine(scope, "unit"), scope.key("unit"),
                        "must be \"C\" or \"F\", got " + inQuotes(*unit));
        } else {
            thermometer.fahrenheit = *unit == "F";
        }
    }
    if (auto v = reader.string(scope, "poll_command", false)) {
        thermometer.pollCommand = std::move(*v);
    }
}

void readSimulated(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                   ThermometerConfig& thermometer) {
    if (auto v = reader.stringArray(scope, "readings", checkStep)) {
        if (v->empty()) {
            reader.fail(keyLine(scope, "readings"), scope.key("readings"),
                        "must list at least one step");
            return;
        }
        thermometer.readings = std::move(*v);
    }
    if (const auto v = reader.string(scope, "script", false, checkNonEmpty)) {
        const std::filesystem::path script(*v);
        thermometer.script = script.is_relative() ? baseDir / script : script;
    }
    if (const auto v = reader.number(scope, "rate_hz", 0.5, 100.0)) {
        thermometer.rateHz = *v;
    }
    if (thermometer.kind == ThermometerKind::Simulated && thermometer.readings.empty() &&
        thermometer.script.empty() && !reader.failed()) {
        reader.fail(keyLine(scope, "readings"), scope.key("readings"),
                    "a simulated thermometer needs \"readings\" or \"script\"");
    }
}

}  // namespace

void readThermometer(Reader& reader, const Scope& scope, const std::filesystem::path& baseDir,
                     ThermometerConfig& thermometer) {
    if (!reader.checkKeys(scope, kThermometerKeys)) {
        return;
    }
    readKind(reader, scope, thermometer);
    readMlx(reader, scope, thermometer);
    readSerial(reader, scope, thermometer);
    readSimulated(reader, scope, baseDir, thermometer);
}

void readMeasurement(Reader& reader, const Scope& scope, MeasurementSettings& settings) {
    if (!reader.checkKeys(scope, kMeasurementKeys)) {
        return;
    }
    if (const auto v = reader.number(scope, "body_offset_c", -3.0, 3.0)) {
        settings.bodyOffsetC = *v;
    }
    if (const auto v = reader.number(scope, "ambient_coefficient", 0.0, 0.5)) {
        settings.ambientCoefficient = *v;
    }
    if (const auto v = reader.number(scope, "ambient_reference_c", 0.0, 40.0)) {
        settings.ambientReferenceC = *v;
    }
    if (const auto v = reader.number(scope, "stable_spread_c", 0.05, 1.0)) {
        settings.stableSpreadC = *v;
    }
    if (const auto v = reader.integer(scope, "stable_samples", false, 3, 50)) {
        settings.stableSamples = *v;
    }
    if (const auto v = reader.integer(scope, "window_ms", false, 300, 10000)) {
        settings.window = std::chrono::milliseconds{*v};
    }
    if (const auto v = reader.integer(scope, "silence_limit_ms", false, 500, 10000)) {
        settings.silenceLimit = std::chrono::milliseconds{*v};
    }
    if (const auto v = reader.number(scope, "recheck_band_c", 0.0, 1.0)) {
        settings.recheckBandC = *v;
    }
}

}  // namespace vax::config_detail

namespace vax {

std::string_view toString(ThermometerKind kind) {
    switch (kind) {
        case ThermometerKind::None:
            return "none";
        case ThermometerKind::Mlx90614:
            return "mlx90614";
        case ThermometerKind::Serial:
            return "serial";
        case ThermometerKind::Simulated:
            return "simulated";
    }
    return "none";
}

}  // namespace vax
