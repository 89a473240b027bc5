#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace vax {

/// What a serial scanner's line assembly skipped, for diagnostics.
struct SerialScannerStats {
    std::uint64_t codes = 0;      ///< codes emitted
    std::uint64_t idleEmits = 0;  ///< of which ended by the idle timeout, not a terminator
    std::uint64_t overlong = 0;   ///< lines discarded for exceeding maxLength
    std::uint64_t malformed = 0;  ///< lines discarded as not UTF-8 or holding NUL bytes
};

/// Assembles the bytes of a barcode scanner in serial mode into code lines: any terminator
/// byte ends a line, empty lines are ignored, a line longer than maxLength is discarded up to
/// its terminator, and a line that is not UTF-8 or holds a NUL is dropped. GS and other
/// control bytes inside a line are kept. Pure: no I/O, no clock; SerialScanner feeds it what
/// the port gives and decides when the line has been idle long enough.
class SerialLineAssembler {
public:
    /// An assembler with nothing received yet. `maxLength` 0 discards every line.
    SerialLineAssembler(std::string terminators, std::size_t maxLength);

    /// Takes one byte; the code when it is a terminator that ends a clean, non-empty line.
    std::optional<std::string> take(char byte);

    /// Ends the line being received as if a terminator had come (a scanner without a suffix,
    /// after the idle timeout); the code when the line is clean and non-empty.
    std::optional<std::string> endByIdle();

    /// True while part of a line has come (or an overlong one is being swallowed).
    bool midLine() const { return !m_line.empty() || m_discarding; }

    /// Forgets the partial line (after reopening the port); the counters stay.
    void reset();

    /// Counters since construction.
    const SerialScannerStats& stats() const { return m_stats; }

private:
    std::optional<std::string> endLine(bool byIdle);

    std::string m_terminators;
    std::size_t m_maxLength;
    std::string m_line;
    bool m_discarding = false;  // swallowing the rest of an overlong line
    SerialScannerStats m_stats;
};

}  // namespace vax
