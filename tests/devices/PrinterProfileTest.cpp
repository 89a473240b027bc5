#include "devices/PrinterProfile.h"

#include <gtest/gtest.h>

namespace vax {
namespace {

TEST(PrinterProfileTest, BuiltinProfilesAreValidAndFoundByName) {
    ASSERT_GE(builtinPrinterProfiles().size(), 2u);
    for (const PrinterProfile& p : builtinPrinterProfiles()) {
        EXPECT_TRUE(validatePrinterProfile(p).ok()) << p.name;
        const Result<PrinterProfile> found = printerProfile(p.name);
        ASSERT_TRUE(found.ok());
        EXPECT_EQ(*found, p);
    }
    EXPECT_EQ(defaultPrinterProfile().name, "generic-80-native-qr");
}

TEST(PrinterProfileTest, PaperWidthsGiveTheirDotsAndColumns) {
    const PrinterProfile wide = *printerProfile("generic-80-native-qr");
    EXPECT_EQ(wide.dotsPerLine, 576);
    EXPECT_EQ(wide.columns(), 48);
    EXPECT_EQ(wide.qr, QrSupport::Native);
    EXPECT_EQ(wide.textEncoding, "GB18030");
    const PrinterProfile narrow = *printerProfile("generic-58-raster");
    EXPECT_EQ(narrow.dotsPerLine, 384);
    EXPECT_EQ(narrow.columns(), 32);
    EXPECT_EQ(narrow.qr, QrSupport::RasterOnly);
}

TEST(PrinterProfileTest, UnknownNameListsTheKnownOnes) {
    const Result<PrinterProfile> missing = printerProfile("epson-tm-t88");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("epson-tm-t88"), std::string::npos);
    EXPECT_NE(missing.error().message.find("generic-58-raster"), std::string::npos);
}

TEST(PrinterProfileTest, ValidationSaysWhatIsWrong) {
    PrinterProfile p = defaultPrinterProfile();
    p.paperWidthMm = 76;
    EXPECT_NE(validatePrinterProfile(p).error().message.find("58 or 80"), std::string::npos);
    p = defaultPrinterProfile();
    p.dotsPerLine = 570;
    EXPECT_NE(validatePrinterProfile(p).error().message.find("multiple of 8"), std::string::npos);
    p = defaultPrinterProfile();
    p.textEncoding = "KLINGON";
    EXPECT_NE(validatePrinterProfile(p).error().message.find("KLINGON"), std::string::npos);
    p = defaultPrinterProfile();
    p.codePage = 300;
    EXPECT_FALSE(validatePrinterProfile(p).ok());
}

}  // namespace
}  // namespace vax
