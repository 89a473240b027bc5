#include "core/CodeFormat.h"

#include <gtest/gtest.h>

namespace vax {
namespace {

TEST(CodeFormats, ParseShortAndZxingNames) {
    EXPECT_EQ(parseFormats("qr,pdf417"), (FormatSet{CodeFormat::QRCode, CodeFormat::PDF417}));
    EXPECT_EQ(parseFormats("QRCode,DataMatrix"),
              (FormatSet{CodeFormat::QRCode, CodeFormat::DataMatrix}));
    EXPECT_EQ(parseFormats("CODE128"), (FormatSet{CodeFormat::Code128}));
}

TEST(CodeFormats, RejectUnknownOrEmptyNames) {
    EXPECT_FALSE(parseFormats(""));
    EXPECT_FALSE(parseFormats("qr,ean13"));
    EXPECT_FALSE(parseFormats("qr,"));
    EXPECT_FALSE(parseFormats(",qr"));
}

TEST(CodeFormats, RolesReadWhatTheyNeed) {
    EXPECT_EQ(formatsForRole("entry"),
              (FormatSet{CodeFormat::QRCode, CodeFormat::PDF417, CodeFormat::DataMatrix}));
    EXPECT_TRUE(formatsForRole("station")->has(CodeFormat::Code128));
    EXPECT_TRUE(formatsForRole("station")->has(CodeFormat::DataMatrix));
    EXPECT_FALSE(formatsForRole("entry")->has(CodeFormat::Code128));
    EXPECT_EQ(formatsForRole("exit"), FormatSet{CodeFormat::QRCode});
    EXPECT_FALSE(formatsForRole("lobby"));
}

TEST(CodeFormats, NamesAreZxingsNames) {
    EXPECT_EQ(toString(CodeFormat::QRCode), "QRCode");
    EXPECT_EQ(toString(CodeFormat::Code128), "Code128");
}

}  // namespace
}  // namespace vax
