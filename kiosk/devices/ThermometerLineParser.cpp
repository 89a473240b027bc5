#include "devices/ThermometerLineParser.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace vax {

namespace {

// What a body thermometer can plausibly report; anything else is line noise that happened
// to match the format.
constexpr double kMinCelsius = -50;
constexpr double kMaxCelsius = 150;
// How much of a bad line a fault message quotes.
constexpr std::size_t kQuoteLength = 40;

// The start of a bad line for a message: control bytes and non-ASCII (line noise at a wrong
// baud rate) would garble logs, so they show as '?'.
std::string quote(std::string_view line) {
    std::string text(line.substr(0, kQuoteLength));
    for (char& c : text) {
        if (c < 0x20 || c > 0x7e) {
            c = '?';
        }
    }
    return text;
}

Result<std::regex> compileFormat(const std::string& pattern, const char* option) {
    std::regex regex;
    try {
        regex.assign(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        return Error{std::string("serial thermometer: ") + option + " \"" + pattern +
                     "\" is not a valid regular expression (" + e.what() + ")"};
    }
    if (regex.mark_count() != 1) {
        return Error{std::string("serial thermometer: ") + option + " \"" + pattern + "\" has " +
                     std::to_string(regex.mark_count()) +
                     " capture groups; it needs exactly one, around the temperature "
                     "(use (?:...) for other groups)"};
    }
    return regex;
}

}  // namespace

Result<ThermometerLineParser> ThermometerLineParser::create(std::string lineFormat,
                                                            std::string ambientFormat,
                                                            TemperatureUnit unit,
                                                            std::size_t maxLineLength) {
    if (maxLineLength == 0 || maxLineLength > kLongestLineLimit) {
        return Error{"serial thermometer: maxLineLength must be 1.." +
                     std::to_string(kLongestLineLimit)};
    }
    Result<std::regex> line = compileFormat(lineFormat, "lineFormat");
    if (!line) {
        return std::move(line).error();
    }
    std::optional<std::regex> ambient;
    if (!ambientFormat.empty()) {
        Result<std::regex> compiled = compileFormat(ambientFormat, "ambientFormat");
        if (!compiled) {
            return std::move(compiled).error();
        }
        ambient = std::move(*compiled);
    }
    return ThermometerLineParser(std::move(lineFormat), std::move(*line), std::move(ambient), unit,
                                 maxLineLength);
}

ThermometerLineParser::ThermometerLineParser(std::string lineFormat, std::regex line,
                                             std::optional<std::regex> ambient,
                                             TemperatureUnit unit, std::size_t maxLineLength)
    : m_lineFormatText(std::move(lineFormat)),
      m_lineFormat(std::move(line)),
      m_ambientFormat(std::move(ambient)),
      m_unit(unit),
      m_maxLineLength(maxLineLength) {}

void ThermometerLineParser::reset() {
    m_partial.clear();
    m_discarding = false;
}

void ThermometerLineParser::take(std::string_view bytes, ThermometerLineScan& scan) {
    for (const char byte : bytes) {
        if (byte == '\n') {
            if (m_discarding) {
                m_discarding = false;  // the overlong line ends here; the next one counts
                continue;
            }
            std::string_view line = m_partial;
            if (!line.empty() && line.back() == '\r') {
                line.remove_suffix(1);
            }
            judgeLine(line, scan);
            m_partial.clear();
            continue;
        }
        if (m_discarding) {
            continue;
        }
        m_partial.push_back(byte);
        // One byte of slack for the '\r' of a CRLF; judgeLine() checks the exact length.
        if (m_partial.size() > m_maxLineLength + 1) {
            scan.garbage = "line longer than " + std::to_string(m_maxLineLength) +
                           " bytes discarded: " + quote(m_partial);
            m_partial.clear();
            m_discarding = true;
        }
    }
}

void ThermometerLineParser::judgeLine(std::string_view line, ThermometerLineScan& scan) const {
    if (line.empty()) {
        return;  // blank lines between readings carry nothing, good or bad
    }
    if (line.size() > m_maxLineLength) {
        scan.garbage = "line longer than " + std::to_string(m_maxLineLength) +
                       " bytes discarded: " + quote(line);
        return;
    }
    std::match_results<std::string_view::const_iterator> match;
    if (!std::regex_search(line.begin(), line.end(), match, m_lineFormat) || !match[1].matched) {
        scan.garbage = "line did not match " + m_lineFormatText + ": " + quote(line);
        return;
    }
    Result<double> object = celsiusFrom(std::string_view(match[1].first, match[1].second));
    if (!object) {
        scan.garbage = object.error().message + " in line: " + quote(line);
        return;
    }
    ThermometerSample sample;
    sample.objectC = *object;
    if (m_ambientFormat && std::regex_search(line.begin(), line.end(), match, *m_ambientFormat) &&
        match[1].matched) {
        Result<double> ambient = celsiusFrom(std::string_view(match[1].first, match[1].second));
        if (!ambient) {
            scan.garbage = "ambient " + ambient.error().message + " in line: " + quote(line);
            return;
        }
        sample.ambientC = *ambient;
    }
    scan.newest = sample;
}

Result<double> ThermometerLineParser::celsiusFrom(std::string_view text) const {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return Error{"value \"" + quote(text) + "\" is not a number"};
    }
    if (m_unit == TemperatureUnit::Fahrenheit) {
        value = (value - 32.0) * 5.0 / 9.0;
    }
    if (value < kMinCelsius || value > kMaxCelsius) {
        const char* unit = m_unit == TemperatureUnit::Fahrenheit ? " F" : " C";
        return Error{"value " + quote(text) + unit + " is outside -50..150 C"};
    }
    return value;
}

}  // namespace vax
