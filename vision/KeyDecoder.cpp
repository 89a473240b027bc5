#include "vision/KeyDecoder.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace vax {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1'000'000;

// Letter keys (their codes follow the QWERTY rows, not the alphabet); 0 for any other key.
char letterFor(unsigned short code) {
    // clang-format off
    switch (code) {
        case KEY_A: return 'a';
        case KEY_B: return 'b';
        case KEY_C: return 'c';
        case KEY_D: return 'd';
        case KEY_E: return 'e';
        case KEY_F: return 'f';
        case KEY_G: return 'g';
        case KEY_H: return 'h';
        case KEY_I: return 'i';
        case KEY_J: return 'j';
        case KEY_K: return 'k';
        case KEY_L: return 'l';
        case KEY_M: return 'm';
        case KEY_N: return 'n';
        case KEY_O: return 'o';
        case KEY_P: return 'p';
        case KEY_Q: return 'q';
        case KEY_R: return 'r';
        case KEY_S: return 's';
        case KEY_T: return 't';
        case KEY_U: return 'u';
        case KEY_V: return 'v';
        case KEY_W: return 'w';
        case KEY_X: return 'x';
        case KEY_Y: return 'y';
        case KEY_Z: return 'z';
        default: return 0;
    }
    // clang-format on
}

struct KeyChars {
    char plain;
    char shifted;
};

// Digit and symbol keys of the US layout (Caps Lock does not affect them).
std::optional<KeyChars> symbolFor(unsigned short code) {
    // clang-format off
    switch (code) {
        case KEY_1: return KeyChars{'1', '!'};
        case KEY_2: return KeyChars{'2', '@'};
        case KEY_3: return KeyChars{'3', '#'};
        case KEY_4: return KeyChars{'4', '$'};
        case KEY_5: return KeyChars{'5', '%'};
        case KEY_6: return KeyChars{'6', '^'};
        case KEY_7: return KeyChars{'7', '&'};
        case KEY_8: return KeyChars{'8', '*'};
        case KEY_9: return KeyChars{'9', '('};
        case KEY_0: return KeyChars{'0', ')'};
        case KEY_MINUS: return KeyChars{'-', '_'};
        case KEY_EQUAL: return KeyChars{'=', '+'};
        case KEY_LEFTBRACE: return KeyChars{'[', '{'};
        case KEY_RIGHTBRACE: return KeyChars{']', '}'};
        case KEY_SEMICOLON: return KeyChars{';', ':'};
        case KEY_APOSTROPHE: return KeyChars{'\'', '"'};
        case KEY_GRAVE: return KeyChars{'`', '~'};
        case KEY_BACKSLASH: return KeyChars{'\\', '|'};
        case KEY_COMMA: return KeyChars{',', '<'};
        case KEY_DOT: return KeyChars{'.', '>'};
        case KEY_SLASH: return KeyChars{'/', '?'};
        case KEY_SPACE: return KeyChars{' ', ' '};
        default: return std::nullopt;
    }
    // clang-format on
}

// Keypad keys: scanners that "emulate the keypad" assume Num Lock on, so Shift and Num Lock
// are not consulted.
char keypadFor(unsigned short code) {
    // clang-format off
    switch (code) {
        case KEY_KP0: return '0';
        case KEY_KP1: return '1';
        case KEY_KP2: return '2';
        case KEY_KP3: return '3';
        case KEY_KP4: return '4';
        case KEY_KP5: return '5';
        case KEY_KP6: return '6';
        case KEY_KP7: return '7';
        case KEY_KP8: return '8';
        case KEY_KP9: return '9';
        case KEY_KPDOT: return '.';
        case KEY_KPPLUS: return '+';
        case KEY_KPMINUS: return '-';
        case KEY_KPASTERISK: return '*';
        case KEY_KPSLASH: return '/';
        case KEY_KPEQUAL: return '=';
        case KEY_KPCOMMA: return ',';
        default: return 0;
    }
    // clang-format on
}

// Ctrl+key as on a terminal (caret notation): scanners send data control characters this
// way, e.g. GS as Ctrl+] in GS1 codes, RS and EOT in ISO/IEC 15434 envelopes.
char controlFor(unsigned short code) {
    if (const char letter = letterFor(code)) {
        return char(letter - 'a' + 1);
    }
    switch (code) {
        case KEY_LEFTBRACE:
            return '\x1b';
        case KEY_BACKSLASH:
            return '\x1c';
        case KEY_RIGHTBRACE:
            return '\x1d';
        case KEY_6:
            return '\x1e';
        case KEY_MINUS:
            return '\x1f';
        default:
            return 0;
    }
}

// A recorded or damaged stream may hold any timestamp. Clamped like this, the sum and the
// difference of two results stay far from overflow; real timestamps are well inside.
std::int64_t microsOf(const input_event& event) {
    constexpr std::int64_t kLimit = std::numeric_limits<std::int64_t>::max() / 4;
    const std::int64_t seconds = std::clamp<std::int64_t>(
        event.input_event_sec, -kLimit / kMicrosPerSecond, kLimit / kMicrosPerSecond);
    const std::int64_t micros = std::clamp<std::int64_t>(event.input_event_usec, -kLimit, kLimit);
    return seconds * kMicrosPerSecond + micros;
}

}  // namespace

KeyDecoder::KeyDecoder(KeyDecoderOptions options) : m_options(options) {}

void KeyDecoder::reset() {
    m_code.clear();
    m_discarding = false;
    m_awaitingReport = false;
    m_lastPress.reset();
    m_leftShift = m_rightShift = false;
    m_leftCtrl = m_rightCtrl = false;
    m_leftAlt = m_rightAlt = false;
    m_capsLock = false;
}

std::optional<std::string> KeyDecoder::feed(const input_event& event) {
    if (event.type == EV_SYN) {
        if (event.code == SYN_DROPPED) {
            dropAfterOverrun();
        } else if (event.code == SYN_REPORT) {
            m_awaitingReport = false;
        }
        return std::nullopt;
    }
    if (event.type != EV_KEY || m_awaitingReport) {
        return std::nullopt;
    }
    switch (event.value) {
        case 0:
            if (bool* held = modifier(event.code)) {
                *held = false;
            }
            return std::nullopt;
        case 1:
            return press(event.code, microsOf(event));
        case 2:
            ++m_stats.repeats;
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

bool* KeyDecoder::modifier(unsigned short code) {
    switch (code) {
        case KEY_LEFTSHIFT:
            return &m_leftShift;
        case KEY_RIGHTSHIFT:
            return &m_rightShift;
        case KEY_LEFTCTRL:
            return &m_leftCtrl;
        case KEY_RIGHTCTRL:
            return &m_rightCtrl;
        case KEY_LEFTALT:
            return &m_leftAlt;
        case KEY_RIGHTALT:
            return &m_rightAlt;
        default:
            return nullptr;
    }
}

std::optional<std::string> KeyDecoder::press(unsigned short code, std::int64_t micros) {
    const std::int64_t timeout =
        std::chrono::duration_cast<std::chrono::microseconds>(m_options.interKeyTimeout).count();
    if (timeout > 0 && m_lastPress && micros - *m_lastPress > timeout) {
        // A scanner types a whole code in one burst; a pause means a person at the keys, or
        // the end of a code whose suffix was lost. Either way the partial text is not a code.
        if (!m_code.empty()) {
            ++m_stats.timedOut;
            m_code.clear();
        }
        m_discarding = false;
    }
    m_lastPress = micros;

    if (bool* held = modifier(code)) {
        *held = true;
        return std::nullopt;
    }
    switch (code) {
        case KEY_CAPSLOCK:
            m_capsLock = !m_capsLock;
            return std::nullopt;
        // Scanners press these to put the host in a known state; they carry no text.
        case KEY_NUMLOCK:
        case KEY_SCROLLLOCK:
            return std::nullopt;
        case KEY_ENTER:
        case KEY_KPENTER:
            return finish();
        case KEY_TAB:
            append('\t');
            return std::nullopt;
        default:
            break;
    }

    if (m_leftCtrl || m_rightCtrl) {
        const char control = controlFor(code);
        if (control == '\r' || control == '\n') {
            return finish();  // Ctrl+M / Ctrl+J: a suffix sent as a control character
        }
        if (control != 0) {
            append(control);
        } else {
            ++m_stats.unknownKeys;
        }
        return std::nullopt;
    }
    if (m_leftAlt || m_rightAlt) {
        ++m_stats.unknownKeys;  // Alt+keypad character entry is a Windows convention
        return std::nullopt;
    }
    const bool shift = m_leftShift || m_rightShift;
    if (const char letter = letterFor(code)) {
        append(shift != m_capsLock ? char(letter - 'a' + 'A') : letter);
    } else if (const auto symbol = symbolFor(code)) {
        append(shift ? symbol->shifted : symbol->plain);
    } else if (const char keypad = keypadFor(code)) {
        append(keypad);
    } else {
        ++m_stats.unknownKeys;
    }
    return std::nullopt;
}

std::optional<std::string> KeyDecoder::finish() {
    if (m_discarding) {
        m_discarding = false;  // the damaged code ends here; the next one is good again
        return std::nullopt;
    }
    if (m_code.empty()) {
        return std::nullopt;
    }
    ++m_stats.codes;
    return std::exchange(m_code, std::string());
}

void KeyDecoder::append(char c) {
    if (m_discarding) {
        return;
    }
    if (m_code.size() >= m_options.maxLength) {
        // Swallow the rest up to Enter: emitting the tail as a code of its own would be worse.
        ++m_stats.overlong;
        m_code.clear();
        m_discarding = true;
        return;
    }
    m_code.push_back(c);
}

void KeyDecoder::dropAfterOverrun() {
    // The kernel's buffer overflowed: key events are missing, so the code being typed (or
    // the next one, if its start was lost) cannot be trusted, nor can the modifier state.
    // The evdev protocol says to ignore events up to the next SYN_REPORT.
    ++m_stats.dropped;
    m_code.clear();
    m_discarding = true;
    m_awaitingReport = true;
    m_leftShift = m_rightShift = false;
    m_leftCtrl = m_rightCtrl = false;
    m_leftAlt = m_rightAlt = false;
}

}  // namespace vax
