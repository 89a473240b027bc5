#include "vision/SerialLineAssembler.h"

#include <string_view>
#include <utility>

#include "core/Utf8.h"

namespace vax {

namespace {

// True for well-formed UTF-8 without NUL: line noise at a wrong baud rate shows up as bytes
// that break UTF-8, and a NUL would cut the text short in C APIs further on.
bool isCleanUtf8(std::string_view text) {
    return text.find('\0') == std::string_view::npos && utf8::isValid(text);
}

}  // namespace

SerialLineAssembler::SerialLineAssembler(std::string terminators, std::size_t maxLength)
    : m_terminators(std::move(terminators)), m_maxLength(maxLength) {}

std::optional<std::string> SerialLineAssembler::take(char byte) {
    if (m_terminators.find(byte) != std::string::npos) {
        return endLine(false);
    }
    if (m_discarding) {
        return std::nullopt;
    }
    if (m_line.size() >= m_maxLength) {
        // Swallow the rest up to the terminator: emitting the tail would be worse.
        ++m_stats.overlong;
        m_line.clear();
        m_discarding = true;
        return std::nullopt;
    }
    m_line.push_back(byte);
    return std::nullopt;
}

std::optional<std::string> SerialLineAssembler::endByIdle() {
    return endLine(true);
}

void SerialLineAssembler::reset() {
    m_line.clear();
    m_discarding = false;
}

std::optional<std::string> SerialLineAssembler::endLine(bool byIdle) {
    if (m_discarding) {
        m_discarding = false;  // the overlong line ends here; the next one is good again
        return std::nullopt;
    }
    if (m_line.empty()) {
        return std::nullopt;
    }
    std::string text = std::exchange(m_line, std::string());
    if (!isCleanUtf8(text)) {
        ++m_stats.malformed;
        return std::nullopt;
    }
    ++m_stats.codes;
    if (byIdle) {
        ++m_stats.idleEmits;
    }
    return text;
}

}  // namespace vax
