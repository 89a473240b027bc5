#pragma once

#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

#include "core/Result.h"
#include "devices/Thermometer.h"

namespace vax {

/// The unit a thermometer sends its values in.
enum class TemperatureUnit {
    Celsius,
    Fahrenheit,
};

/// What the lines taken in so far told: the newest reading and the newest bad line.
struct ThermometerLineScan {
    std::optional<ThermometerSample> newest;  ///< the last line that gave a reading
    std::optional<std::string> garbage;       ///< why the last bad line was bad (quoted, printable)
};

/// Turns the bytes a serial thermometer sends into readings: splits them into '\n'-ended lines
/// (a '\r' before the '\n' is dropped), discards overlong lines, searches each line for the
/// formats and reads the captured numbers. Pure: no I/O, no clock; SerialThermometer feeds it
/// what the port gives.
class ThermometerLineParser {
public:
    /// The longest maxLineLength accepted: std::regex matches recursively, so lines must stay
    /// bounded.
    static constexpr std::size_t kLongestLineLimit = 65536;

    /// Compiles `lineFormat` and, when not empty, `ambientFormat` (ECMAScript regexes with
    /// exactly one capture group each, around the value). An error names the option at fault,
    /// also for a maxLineLength outside 1..kLongestLineLimit.
    static Result<ThermometerLineParser> create(std::string lineFormat, std::string ambientFormat,
                                                TemperatureUnit unit, std::size_t maxLineLength);

    /// Takes in bytes as they came from the port; each completed line updates `scan`. A line
    /// may be split over several calls. Values are converted to Celsius and must lie in
    /// -50..150 C; a line that does not match, holds no number or is longer than
    /// maxLineLength sets `scan.garbage` instead.
    void take(std::string_view bytes, ThermometerLineScan& scan);

    /// Forgets the partial line (after reopening the port, or before a polled answer).
    void reset();

    /// Bytes of the line whose end has not come yet; never more than maxLineLength + 1.
    std::size_t pendingBytes() const { return m_partial.size(); }

private:
    ThermometerLineParser(std::string lineFormat, std::regex line,
                          std::optional<std::regex> ambient, TemperatureUnit unit,
                          std::size_t maxLineLength);

    void judgeLine(std::string_view line, ThermometerLineScan& scan) const;
    Result<double> celsiusFrom(std::string_view text) const;

    std::string m_lineFormatText;  // for messages
    std::regex m_lineFormat;
    std::optional<std::regex> m_ambientFormat;
    TemperatureUnit m_unit = TemperatureUnit::Celsius;
    std::size_t m_maxLineLength = 256;
    std::string m_partial;      // bytes of a line whose end has not come yet
    bool m_discarding = false;  // swallowing the rest of an overlong line
};

}  // namespace vax
