// libFuzzer target for serial thermometer lines: the bytes come from a serial port, where a
// wrong baud rate or a stranger device gives any noise, so the line parser may not crash, and
// whatever it reports must be a plausible temperature and a printable message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "FuzzRequire.h"
#include "devices/ThermometerLineParser.h"

namespace {

using namespace vax;

constexpr std::size_t kMaxLineLength = 64;  // short, so that overlong lines are reached

using fuzz::require;

// The formats of the example config and of a sensor that also sends its own temperature.
ThermometerLineParser makeParser(bool withAmbient, TemperatureUnit unit) {
    auto parser = withAmbient
                      ? ThermometerLineParser::create(
                            R"(OBJ:(-?[0-9.]+))", R"(AMB:(-?[0-9.eE+-]+))", unit, kMaxLineLength)
                      : ThermometerLineParser::create("T=([0-9.]+)", "", unit, kMaxLineLength);
    require(parser.ok());
    return std::move(parser).value();
}

bool printable(std::string_view text) {
    for (const char c : text) {
        if (c < 0x20 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

void checkScan(const ThermometerLineScan& scan) {
    if (scan.newest) {
        require(scan.newest->objectC >= -50 && scan.newest->objectC <= 150);
        require(!scan.newest->ambientC ||
                (*scan.newest->ambientC >= -50 && *scan.newest->ambientC <= 150));
    }
    if (scan.garbage) {
        require(!scan.garbage->empty() && printable(*scan.garbage));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte picks the formats and how the rest is cut into reads, as a port delivers
    // bytes in chunks of any size.
    const std::uint8_t control = data[0];
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    ThermometerLineParser parser =
        makeParser((control & 1) != 0,
                   (control & 2) != 0 ? TemperatureUnit::Fahrenheit : TemperatureUnit::Celsius);
    const std::size_t chunk = (control >> 2) + 1;
    ThermometerLineScan scan;
    for (std::size_t at = 0; at < bytes.size(); at += chunk) {
        parser.take(bytes.substr(at, chunk), scan);
        checkScan(scan);
        require(parser.pendingBytes() <= kMaxLineLength + 1);
    }

    // Cut differently, the same bytes give the same result.
    ThermometerLineParser whole =
        makeParser((control & 1) != 0,
                   (control & 2) != 0 ? TemperatureUnit::Fahrenheit : TemperatureUnit::Celsius);
    ThermometerLineScan once;
    whole.take(bytes, once);
    require(once.garbage == scan.garbage);
    require(once.newest.has_value() == scan.newest.has_value());
    if (once.newest) {
        require(once.newest->objectC == scan.newest->objectC);
        require(once.newest->ambientC == scan.newest->ambientC);
    }
    return 0;
}
