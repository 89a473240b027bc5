#include "net/Base64Url.h"

#include <array>

namespace vax {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr int kInvalid = -1;

constexpr std::array<int, 256> makeDecodeTable() {
    std::array<int, 256> table{};
    for (auto& entry : table) {
        entry = kInvalid;
    }
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
    }
    return table;
}

constexpr std::array<int, 256> kDecode = makeDecodeTable();

std::string describe(char c) {
    switch (c) {
        case '=':
            return "padding '=' is not used in JOSE base64url";
        case '+':
        case '/':
            return std::string("'") + c +
                   "' belongs to standard base64; base64url uses '-' and '_'";
        case ' ':
        case '\t':
        case '\r':
        case '\n':
            return "whitespace";
        default:
            return "a character outside the base64url alphabet";
    }
}

}  // namespace

std::string base64UrlEncode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = (std::uint32_t(bytes[i]) << 16) |
                                (std::uint32_t(bytes[i + 1]) << 8) | std::uint32_t(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t n = std::uint32_t(bytes[i]) << 16;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
    } else if (rest == 2) {
        const std::uint32_t n =
            (std::uint32_t(bytes[i]) << 16) | (std::uint32_t(bytes[i + 1]) << 8);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
    }
    return out;
}

std::string base64UrlEncode(std::string_view bytes) {
    return base64UrlEncode(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
}

Result<std::vector<std::uint8_t>> base64UrlDecode(std::string_view text) {
    if (text.size() % 4 == 1) {
        return Error{"impossible base64url length " + std::to_string(text.size())};
    }
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int bitCount = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int value = kDecode[static_cast<unsigned char>(text[i])];
        if (value == kInvalid) {
            return Error{"position " + std::to_string(i) + ": " + describe(text[i])};
        }
        bits = (bits << 6) | std::uint32_t(value);
        bitCount += 6;
        if (bitCount >= 8) {
            bitCount -= 8;
            out.push_back(std::uint8_t((bits >> bitCount) & 0xFF));
        }
    }
    // Leftover bits (2 or 4) are not data; a canonical encoder leaves them zero. Accepting
    // others would let one token be written in several ways.
    if (bitCount > 0 && (bits & ((1u << bitCount) - 1)) != 0) {
        return Error{"non-canonical base64url: unused trailing bits are set"};
    }
    return out;
}

}  // namespace vax
