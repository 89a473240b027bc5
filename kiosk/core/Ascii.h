#pragma once

// ASCII helpers for codes and ID numbers, independent of the locale (unlike <cctype>).

#include <string_view>

namespace vax::ascii {

inline bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

/// Value of a digit character; only for characters isDigit() accepted.
inline int digitValue(char c) {
    return c - '0';
}

/// True when every character is a digit (also for empty text).
inline bool allDigits(std::string_view text) {
    for (char c : text) {
        if (!isDigit(c)) {
            return false;
        }
    }
    return true;
}

/// `text` without ASCII white space at either end.
inline std::string_view trimmed(std::string_view text) {
    const auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!text.empty() && space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace vax::ascii
