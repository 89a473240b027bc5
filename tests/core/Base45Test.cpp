#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/Base45.h"

namespace vax {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

std::vector<std::uint8_t> bytesOf(std::string_view text) {
    return {text.begin(), text.end()};
}

std::string decodeError(std::string_view text) {
    const auto decoded = base45Decode(text);
    return decoded ? std::string("(decoded)") : decoded.error().message;
}

struct Rfc9285Example {
    std::string_view plain;
    std::string_view encoded;
};

// The examples of RFC 9285 sections 4.3 and 4.4.
constexpr Rfc9285Example kExamples[] = {
    {"AB", "BB8"},
    {"Hello!!", "%69 VD92EX0"},
    {"base-45", "UJCLQE7W581"},
    {"ietf!", "QED8WEX0"},
};

TEST(Base45Test, EncodesRfcExamples) {
    for (const auto& example : kExamples) {
        EXPECT_EQ(base45Encode(bytesOf(example.plain)), example.encoded) << example.plain;
    }
}

TEST(Base45Test, DecodesRfcExamples) {
    for (const auto& example : kExamples) {
        const auto decoded = base45Decode(example.encoded);
        ASSERT_TRUE(decoded.ok()) << example.encoded << ": " << decoded.error().message;
        EXPECT_EQ(*decoded, bytesOf(example.plain)) << example.encoded;
    }
}

TEST(Base45Test, EmptyInBothDirections) {
    EXPECT_EQ(base45Encode({}), "");
    const auto decoded = base45Decode("");
    ASSERT_TRUE(decoded.ok());
    EXPECT_TRUE(decoded->empty());
}

TEST(Base45Test, ZeroBytesAndLargestValues) {
    EXPECT_EQ(base45Encode({0x00}), "00");
    EXPECT_EQ(base45Encode({0x00, 0x00}), "000");
    EXPECT_EQ(base45Encode({0xFF}), "U5");
    EXPECT_EQ(base45Encode({0xFF, 0xFF}), "FGW");

    const auto pair = base45Decode("FGW");
    ASSERT_TRUE(pair.ok());
    EXPECT_EQ(*pair, (std::vector<std::uint8_t>{0xFF, 0xFF}));
    const auto single = base45Decode("U5");
    ASSERT_TRUE(single.ok());
    EXPECT_EQ(*single, (std::vector<std::uint8_t>{0xFF}));
}

TEST(Base45Test, RejectsCharactersOutsideTheAlphabet) {
    // Lowercase is not in the QR alphanumeric set; neither are NUL, high bytes or '_'.
    for (const std::string_view text :
         {std::string_view("bb8"), std::string_view("BB_"), std::string_view("B\0008", 3),
          std::string_view("BB\xff"), std::string_view("#B8"), std::string_view("BB8BB~")}) {
        EXPECT_NE(decodeError(text).find("invalid Base45 character"), std::string::npos) << text;
    }
    EXPECT_EQ(decodeError("BB8b8"), "invalid Base45 character at position 3");
}

TEST(Base45Test, RejectsDanglingSingleCharacter) {
    for (const std::string_view text : {"A", "BB8A", "%69 VD92EX0AB", "::::"}) {
        EXPECT_EQ(decodeError(text), "Base45 text has a dangling single character") << text;
    }
}

TEST(Base45Test, RejectsThreeCharacterGroupOver65535) {
    // "GGW" is 16 + 16*45 + 32*2025 = 65536, one past the largest pair "FGW".
    EXPECT_EQ(decodeError("GGW"), "Base45 group at position 0 is out of range (over 65535)");
    EXPECT_EQ(decodeError("BB8:::"), "Base45 group at position 3 is out of range (over 65535)");
}

TEST(Base45Test, RejectsTwoCharacterGroupOver255) {
    // "V5" is 31 + 5*45 = 256, one past the largest single byte "U5".
    EXPECT_EQ(decodeError("V5"), "Base45 group at position 0 is out of range (over 255)");
    EXPECT_EQ(decodeError("BB8::"), "Base45 group at position 3 is out of range (over 255)");
}

TEST(Base45Test, RandomBytesRoundTrip) {
    std::mt19937 random(20260917);
    std::uniform_int_distribution<int> byte(0, 255);
    for (std::size_t length = 0; length <= 300; ++length) {
        std::vector<std::uint8_t> bytes(length);
        for (auto& b : bytes) {
            b = static_cast<std::uint8_t>(byte(random));
        }
        const std::string text = base45Encode(bytes);
        EXPECT_EQ(text.size(), length / 2 * 3 + length % 2 * 2);
        EXPECT_EQ(text.find_first_not_of(kAlphabet), std::string::npos);
        const auto decoded = base45Decode(text);
        ASSERT_TRUE(decoded.ok()) << "length " << length << ": " << decoded.error().message;
        EXPECT_EQ(*decoded, bytes) << "length " << length;
    }
}

}  // namespace
}  // namespace vax
