#pragma once

#include <linux/input.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vax::test {

/// Builds input_event streams the way a USB keyboard-wedge scanner delivers them through
/// evdev: for each key a scan code (EV_MSC/MSC_SCAN), the key event and a SYN_REPORT, with
/// timestamps 1 ms apart unless a pause is inserted.
class KeyStream {
public:
    explicit KeyStream(std::int64_t startMicros = 1'700'000'000'000'000) : m_micros(startMicros) {}

    KeyStream& press(unsigned short key) { return report(key, 1); }
    KeyStream& release(unsigned short key) { return report(key, 0); }
    /// An autorepeat event, as the kernel sends for a key held down.
    KeyStream& repeat(unsigned short key) { return report(key, 2); }
    KeyStream& tap(unsigned short key) { return press(key).release(key); }
    KeyStream& taps(std::initializer_list<unsigned short> keys) {
        for (unsigned short key : keys) {
            tap(key);
        }
        return *this;
    }
    /// Left Shift held around one key, as scanners send each upper-case character.
    KeyStream& shifted(unsigned short key) {
        return press(KEY_LEFTSHIFT).tap(key).release(KEY_LEFTSHIFT);
    }
    /// Left Ctrl held around one key (Ctrl+] is GS).
    KeyStream& ctrl(unsigned short key) {
        return press(KEY_LEFTCTRL).tap(key).release(KEY_LEFTCTRL);
    }
    /// The top-row digit keys for a string of digits.
    KeyStream& digits(std::string_view text) {
        for (char c : text) {
            tap(c == '0' ? KEY_0 : static_cast<unsigned short>(KEY_1 + (c - '1')));
        }
        return *this;
    }
    KeyStream& enter() { return tap(KEY_ENTER); }
    /// Time passing with no event.
    KeyStream& pause(std::chrono::milliseconds gap) {
        m_micros += std::chrono::duration_cast<std::chrono::microseconds>(gap).count();
        return *this;
    }
    /// A raw event with the current timestamp (e.g. SYN_DROPPED).
    KeyStream& event(unsigned short type, unsigned short code, int value) {
        m_events.push_back(make(type, code, value));
        return *this;
    }

    const std::vector<input_event>& events() const { return m_events; }
    /// The stream as the bytes read() returns from an evdev node.
    std::string bytes() const {
        return std::string(reinterpret_cast<const char*>(m_events.data()),
                           m_events.size() * sizeof(input_event));
    }

private:
    KeyStream& report(unsigned short key, int value) {
        if (value != 2) {
            // A stand-in scan code (real ones are HID usages); the decoder ignores EV_MSC.
            m_events.push_back(make(EV_MSC, MSC_SCAN, 0x70000 + key));
        }
        m_events.push_back(make(EV_KEY, key, value));
        m_events.push_back(make(EV_SYN, SYN_REPORT, 0));
        m_micros += 1000;
        return *this;
    }

    input_event make(unsigned short type, unsigned short code, int value) const {
        input_event ev{};
        ev.input_event_sec = static_cast<decltype(ev.input_event_sec)>(m_micros / 1'000'000);
        ev.input_event_usec = static_cast<decltype(ev.input_event_usec)>(m_micros % 1'000'000);
        ev.type = type;
        ev.code = code;
        ev.value = value;
        return ev;
    }

    std::int64_t m_micros;
    std::vector<input_event> m_events;
};

}  // namespace vax::test
