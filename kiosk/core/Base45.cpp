#include "core/Base45.h"

#include <array>
#include <cstddef>

namespace vax {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
constexpr unsigned kBase = 45;
constexpr int kNotInAlphabet = -1;

// Character -> digit value, or kNotInAlphabet; indexed by unsigned char so any byte is safe.
constexpr std::array<int, 256> makeDigitTable() {
    std::array<int, 256> table{};
    table.fill(kNotInAlphabet);
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
    }
    return table;
}

constexpr std::array<int, 256> kDigits = makeDigitTable();

// Appends `digits` base-45 digits of `value`, least significant first (RFC 9285 order).
void appendDigits(std::string& out, unsigned value, int digits) {
    for (int i = 0; i < digits; ++i) {
        out += kAlphabet[value % kBase];
        value /= kBase;
    }
}

Error invalidCharacter(std::size_t position) {
    return Error{"invalid Base45 character at position " + std::to_string(position)};
}

}  // namespace

std::string base45Encode(const std::vector<std::uint8_t>& bytes) {
    std::string out;
    out.reserve(bytes.size() / 2 * 3 + bytes.size() % 2 * 2);
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        appendDigits(out, unsigned{bytes[i]} * 256U + bytes[i + 1], 3);
    }
    if (i < bytes.size()) {
        appendDigits(out, bytes[i], 2);
    }
    return out;
}

Result<std::vector<std::uint8_t>> base45Decode(std::string_view text) {
    // Checked first so that a dangling character is reported as such, not as a bad group.
    if (text.size() % 3 == 1) {
        return Error{"Base45 text has a dangling single character"};
    }
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 3 * 2 + 1);
    for (std::size_t start = 0; start < text.size(); start += 3) {
        const std::size_t groupSize = text.size() - start < 3 ? 2 : 3;
        unsigned value = 0;
        unsigned weight = 1;
        for (std::size_t k = 0; k < groupSize; ++k) {
            const int digit = kDigits[static_cast<unsigned char>(text[start + k])];
            if (digit == kNotInAlphabet) {
                return invalidCharacter(start + k);
            }
            value += static_cast<unsigned>(digit) * weight;
            weight *= kBase;
        }
        const unsigned limit = groupSize == 3 ? 0xFFFFU : 0xFFU;
        if (value > limit) {
            return Error{"Base45 group at position " + std::to_string(start) +
                         " is out of range (over " + std::to_string(limit) + ")"};
        }
        if (groupSize == 3) {
            out.push_back(static_cast<std::uint8_t>(value >> 8));
        }
        out.push_back(static_cast<std::uint8_t>(value & 0xFFU));
    }
    return out;
}

}  // namespace vax
