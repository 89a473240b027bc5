#include "devices/EscPosRenderer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "DevicesTestSupport.h"
#include "support/EscPosInterpreter.h"

namespace vax {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes bytesOf(std::initializer_list<int> values) {
    Bytes out;
    for (const int v : values) {
        out.push_back(std::uint8_t(v));
    }
    return out;
}

Bytes bytesOf(std::string_view text) {
    return Bytes(text.begin(), text.end());
}

bool contains(const Bytes& haystack, const Bytes& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}

// DLE EOT n inside a job would make the printer answer a status request mid-job.
bool holdsStatusRequest(const Bytes& bytes) {
    for (std::size_t i = 0; i + 2 < bytes.size(); ++i) {
        if (bytes[i] == 0x10 && bytes[i + 1] == 0x04 && bytes[i + 2] >= 1 && bytes[i + 2] <= 4) {
            return true;
        }
    }
    return false;
}

Bytes render(const TicketDocument& doc, const std::string& profile) {
    Result<Bytes> bytes = EscPosRenderer(*printerProfile(profile)).render(doc);
    EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().message);
    return bytes.ok() ? *bytes : Bytes{};
}

TEST(EscPosRendererTest, StartsWithResetAndChineseModeAndEndsWithACut) {
    const Bytes bytes =
        render(doseTicketDocument(test::sampleDoseTicket()), "generic-80-native-qr");
    ASSERT_GT(bytes.size(), 8u);
    EXPECT_EQ(Bytes(bytes.begin(), bytes.begin() + 4), bytesOf({0x1B, '@', 0x1C, '&'}));
    EXPECT_EQ(Bytes(bytes.end() - 4, bytes.end()), bytesOf({0x1D, 'V', 65, 0}));
}

TEST(EscPosRendererTest, NativeQrIsModel2LevelMWithTheExactData) {
    const std::string text = test::sampleSignedText();
    TicketDocument doc;
    doc.qr(text, 5);
    const Bytes bytes = render(doc, "generic-80-native-qr");
    EXPECT_TRUE(contains(bytes, bytesOf({0x1D, '(', 'k', 4, 0, 49, 65, 50, 0})));
    EXPECT_TRUE(contains(bytes, bytesOf({0x1D, '(', 'k', 3, 0, 49, 67, 5})));
    EXPECT_TRUE(contains(bytes, bytesOf({0x1D, '(', 'k', 3, 0, 49, 69, 49})));
    Bytes store = bytesOf(
        {0x1D, '(', 'k', int((text.size() + 3) & 0xFF), int((text.size() + 3) >> 8), 49, 80, 48});
    const Bytes data = bytesOf(text);
    store.insert(store.end(), data.begin(), data.end());
    EXPECT_TRUE(contains(bytes, store));
    EXPECT_TRUE(contains(bytes, bytesOf({0x1D, '(', 'k', 3, 0, 49, 81, 48})));
    EXPECT_FALSE(contains(bytes, bytesOf({0x1D, 'v', '0'})));
}

TEST(EscPosRendererTest, RasterProfileSendsABitImageInstead) {
    TicketDocument doc;
    doc.qr(test::sampleSignedText());
    const Bytes bytes = render(doc, "generic-58-raster");
    EXPECT_FALSE(contains(bytes, bytesOf({0x1D, '(', 'k'})));
    // Full line of 384 dots = 48 bytes per row.
    EXPECT_TRUE(contains(bytes, bytesOf({0x1D, 'v', '0', 0, 48, 0})));
}

TEST(EscPosRendererTest, ModuleSizeShrinksToFitThePaper) {
    TicketDocument doc;
    doc.qr(test::sampleSignedText(400), 16);
    const Bytes bytes = render(doc, "generic-58-native-qr");
    const Bytes prefix = bytesOf({0x1D, '(', 'k', 3, 0, 49, 67});
    const auto at = std::search(bytes.begin(), bytes.end(), prefix.begin(), prefix.end());
    ASSERT_NE(at, bytes.end());
    const int module = *(at + long(prefix.size()));
    EXPECT_GE(module, 1);
    EXPECT_LT(module, 16);
    test::EscPosInterpreter printer(384);
    printer.run(bytes);
    ASSERT_TRUE(printer.errors().empty()) << printer.errors().front();  // no "wider than paper"
    EXPECT_EQ(test::readQrCodes(printer.page()), std::vector<std::string>{doc.qrText()});
}

TEST(EscPosRendererTest, QrDataHoldingDleEotGoesOutAsAnImage) {
    TicketDocument doc;
    doc.qr(std::string("A\x10\x04\x01Z"), 6);
    const Bytes bytes = render(doc, "generic-80-native-qr");
    EXPECT_FALSE(contains(bytes, bytesOf({0x1D, '(', 'k'})));
    EXPECT_FALSE(holdsStatusRequest(bytes));
}

TEST(EscPosRendererTest, TicketsNeverHoldAStatusRequest) {
    for (const PrinterProfile& profile : builtinPrinterProfiles()) {
        for (unsigned seed = 1; seed <= 20; ++seed) {
            DoseTicketView view = test::sampleDoseTicket();
            view.qrText = test::sampleSignedText(100 + seed * 13, seed);
            const Bytes bytes = render(doseTicketDocument(view), profile.name);
            EXPECT_FALSE(holdsStatusRequest(bytes)) << profile.name << " seed " << seed;
        }
    }
}

// The slip says how many are ahead at the desk, printed as GB18030 and read back from the
// bytes; a slip that does not know (a reprint) says nothing rather than "0".
TEST(EscPosRendererTest, TheQueueSlipPrintsThePeopleAheadInBothLanguages) {
    QueueSlipView view = test::sampleQueueSlip();
    view.peopleAhead = 3;
    test::EscPosInterpreter printer;
    printer.run(render(queueSlipDocument(view), "generic-80-native-qr"));
    ASSERT_TRUE(printer.errors().empty()) << printer.errors().front();
    const std::vector<std::string> lines = printer.textLines();
    EXPECT_NE(std::find(lines.begin(), lines.end(), "前方等待 3 人 / 3 people ahead"), lines.end());

    view.peopleAhead = std::nullopt;
    test::EscPosInterpreter unknown;
    unknown.run(render(queueSlipDocument(view), "generic-80-native-qr"));
    for (const std::string& line : unknown.textLines()) {
        EXPECT_EQ(line.find("前方等待"), std::string::npos) << line;
    }
}

TEST(EscPosRendererTest, TextIsGb18030) {
    const EscPosRenderer renderer(defaultPrinterProfile());
    EXPECT_EQ(renderer.encodeText("中文"), "\xD6\xD0\xCE\xC4");
    EXPECT_EQ(renderer.encodeText("A007"), "A007");
    // Outside GBK: a four-byte GB18030 sequence, second byte a digit.
    const std::string emoji = renderer.encodeText("\xF0\x9F\x98\x80");
    ASSERT_EQ(emoji.size(), 4u);
    EXPECT_GE(static_cast<unsigned char>(emoji[0]), 0x81);
    EXPECT_TRUE(emoji[1] >= '0' && emoji[1] <= '9');
}

TEST(EscPosRendererTest, WhatCannotBePrintedBecomesAQuestionMark) {
    const EscPosRenderer gb(defaultPrinterProfile());
    EXPECT_EQ(gb.encodeText("A\x1B@B"), "A?@B");  // no commands smuggled in text
    EXPECT_EQ(gb.encodeText("A\nB\tC"), "A?B?C");
    EXPECT_EQ(gb.encodeText("A\xFF"
                            "B"),
              "A?B");                                 // invalid UTF-8
    EXPECT_EQ(gb.encodeText("A\xE4\xB8"), "A?");      // truncated
    EXPECT_EQ(gb.encodeText("\xED\xA0\x80"), "???");  // a surrogate is not UTF-8

    PrinterProfile gbk = defaultPrinterProfile();
    gbk.textEncoding = "GBK";
    EXPECT_EQ(EscPosRenderer(gbk).encodeText("中\xF0\x9F\x98\x80文"), "\xD6\xD0?\xCE\xC4");

    PrinterProfile ascii = defaultPrinterProfile();
    ascii.textEncoding = "ASCII";
    EXPECT_EQ(EscPosRenderer(ascii).encodeText("A中B"), "A?B");

    PrinterProfile broken = defaultPrinterProfile();
    broken.textEncoding = "NO-SUCH-ENCODING";
    EXPECT_EQ(EscPosRenderer(broken).encodeText("A中"), "A???");
}

TEST(EscPosRendererTest, UnprintableTextStillPrints) {
    TicketDocument doc;
    doc.text("\xFF\xFE bad \x01 bytes").cut();
    const Bytes bytes = render(doc, "generic-80-native-qr");
    test::EscPosInterpreter printer;
    printer.run(bytes);
    EXPECT_TRUE(printer.errors().empty());
    EXPECT_EQ(printer.textLines(), std::vector<std::string>{"?? bad ? bytes"});
}

TEST(EscPosRendererTest, StyleCommandsOnlyWhenTheStyleChanges) {
    TicketDocument doc;
    doc.text("one", {TextSize::Double, true, TextAlign::Centre});
    doc.text("two", {TextSize::Double, true, TextAlign::Centre});
    const Bytes bytes = render(doc, "generic-80-native-qr");
    EXPECT_EQ(bytes, bytesOf({0x1B, '@',  0x1C, '&', 0x1B, 'a',  1,   0x1B, 'E', 1,   0x1D,
                              '!',  0x11, 'o',  'n', 'e',  0x0A, 't', 'w',  'o', 0x0A}));
}

TEST(EscPosRendererTest, SeparatorFillsTheLineAndFeedsUseEscD) {
    TicketDocument doc;
    doc.separator().feed(3);
    const Bytes bytes = render(doc, "generic-58-raster");
    Bytes rule(32, '-');
    rule.push_back(0x0A);
    EXPECT_TRUE(contains(bytes, rule));
    EXPECT_FALSE(contains(bytes, Bytes(33, '-')));
    EXPECT_TRUE(contains(bytes, bytesOf({0x1B, 'd', 3})));
}

TEST(EscPosRendererTest, CodePageIsSentWhenTheProfileNamesOne) {
    PrinterProfile p = defaultPrinterProfile();
    p.codePage = 255;
    p.chineseMode = false;
    const Result<Bytes> bytes = EscPosRenderer(p).render(TicketDocument{});
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(*bytes, bytesOf({0x1B, '@', 0x1B, 't', 255}));
}

TEST(EscPosRendererTest, TooMuchForAQrCodeIsAnError) {
    TicketDocument doc;
    doc.qr(std::string(8000, 'A'));
    const Result<Bytes> bytes = EscPosRenderer(defaultPrinterProfile()).render(doc);
    ASSERT_FALSE(bytes.ok());
    EXPECT_NE(bytes.error().message.find("8000 bytes"), std::string::npos);
}

}  // namespace
}  // namespace vax
