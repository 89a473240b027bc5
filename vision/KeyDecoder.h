#pragma once

#include <linux/input.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace vax {

/// Settings for KeyDecoder.
struct KeyDecoderOptions {
    /// A longer pause between two key presses inside a code means a person is typing: the
    /// partial code is dropped. Zero turns the check off.
    std::chrono::milliseconds interKeyTimeout{100};
    /// Codes longer than this are discarded.
    std::size_t maxLength = 4096;
};

/// What KeyDecoder skipped or dropped, for diagnostics.
struct KeyDecoderStats {
    std::uint64_t codes = 0;        ///< codes emitted
    std::uint64_t unknownKeys = 0;  ///< key presses with no meaning here, skipped
    std::uint64_t repeats = 0;      ///< autorepeat events, ignored
    std::uint64_t timedOut = 0;     ///< partial codes dropped as typing (inter-key timeout)
    std::uint64_t overlong = 0;     ///< codes discarded for exceeding maxLength
    std::uint64_t dropped = 0;      ///< kernel buffer overruns (SYN_DROPPED); code discarded
};

/// Turns the Linux input events of a USB HID keyboard-wedge scanner into code texts, with
/// the US keyboard layout. Pure: no I/O, no clock (timing comes from the event timestamps).
///
/// Shift (either side) gives upper case and shifted symbols, Caps Lock toggles letters,
/// Ctrl with a letter or one of [ \ ] 6 - gives the ASCII control character (Ctrl+] is GS,
/// the GS1 FNC1 separator), Tab gives '\t', Enter or keypad Enter ends a code. Autorepeat
/// is ignored: a scanner never holds a key that long.
class KeyDecoder {
public:
    /// A decoder with empty state.
    explicit KeyDecoder(KeyDecoderOptions options = {});

    /// Feeds one event; returns the code when this event completes one (a non-empty code
    /// ended by Enter). EV_SYN reports, EV_MSC and other event types are ignored.
    std::optional<std::string> feed(const input_event& event);

    /// Counters since construction (reset() keeps them).
    const KeyDecoderStats& stats() const { return m_stats; }

    /// Forgets the partial code and the modifier keys held (e.g. after reopening a device).
    void reset();

private:
    std::optional<std::string> press(unsigned short code, std::int64_t micros);
    bool* modifier(unsigned short code);  // the held flag of a modifier key, else null
    std::optional<std::string> finish();
    void append(char c);
    void dropAfterOverrun();

    KeyDecoderOptions m_options;
    KeyDecoderStats m_stats;
    std::string m_code;
    bool m_discarding = false;                // swallowing the rest of an overlong or damaged code
    bool m_awaitingReport = false;            // after SYN_DROPPED, until the next SYN_REPORT
    std::optional<std::int64_t> m_lastPress;  // microseconds, from event timestamps
    bool m_leftShift = false;
    bool m_rightShift = false;
    bool m_leftCtrl = false;
    bool m_rightCtrl = false;
    bool m_leftAlt = false;
    bool m_rightAlt = false;
    bool m_capsLock = false;
};

}  // namespace vax
