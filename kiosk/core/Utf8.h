#pragma once

// The bits of UTF-8 the kiosk needs: validating scanned text, printing tickets.

#include <cstddef>
#include <string_view>

namespace vax::utf8 {

/// Length of the well-formed UTF-8 sequence that starts at `at` (1..4), or 0 when the bytes
/// there are not one (stray continuation byte, overlong form, surrogate, truncated).
inline std::size_t sequenceLength(std::string_view s, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (at + length > s.size()) {
        return 0;
    }
    if (byte(at + 1) < low || byte(at + 1) > high) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) {
            return 0;
        }
    }
    return length;
}

/// True when all of `s` is well-formed UTF-8.
inline bool isValid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = sequenceLength(s, i);
        if (length == 0) {
            return false;
        }
        i += length;
    }
    return true;
}

/// How many bytes at `at` one replacement character stands for when they are not well-formed
/// UTF-8: a lead byte with the continuation bytes that fit it (a truncated character is one
/// bad character), or a single byte.
inline std::size_t invalidLength(std::string_view s, std::size_t at) {
    const auto lead = static_cast<unsigned char>(s[at]);
    const std::size_t expected = lead >= 0xC2 && lead <= 0xDF   ? 2
                                 : lead >= 0xE0 && lead <= 0xEF ? 3
                                 : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                                : 1;
    std::size_t length = 1;
    while (length < expected && at + length < s.size()) {
        const auto next = static_cast<unsigned char>(s[at + length]);
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (length == 1) {  // the second byte's range depends on the lead
            low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        }
        if (next < low || next > high) {
            break;
        }
        ++length;
    }
    return length;
}

}  // namespace vax::utf8
