// Document -> ESC/POS -> interpreter -> page image -> ZXing, for every built-in profile; and
// the PNG and PDF previews of the same document.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "DevicesTestSupport.h"
#include "devices/EscPosRenderer.h"
#include "devices/TicketImage.h"
#include "support/EscPosInterpreter.h"
#include "support/TempDir.h"

namespace vax {
namespace {

// The lines a printer of `profile` prints for `doc`: text wrapped to the paper, rules of '-'.
std::vector<std::string> expectedLines(const TicketDocument& doc, const PrinterProfile& profile) {
    std::vector<std::string> out;
    for (const TicketElement& e : doc.elements()) {
        if (const auto* t = std::get_if<TicketText>(&e)) {
            for (std::string& piece :
                 wrapColumns(t->text, profile.columns() / widthScale(t->style.size))) {
                out.push_back(std::move(piece));
            }
        } else if (std::holds_alternative<TicketSeparator>(e)) {
            out.emplace_back(std::size_t(profile.columns()), '-');
        }
    }
    return out;
}

struct Printed {
    test::EscPosInterpreter printer;
    std::vector<std::uint8_t> bytes;
};

std::unique_ptr<Printed> print(const TicketDocument& doc, const PrinterProfile& profile) {
    auto out = std::make_unique<Printed>(
        Printed{test::EscPosInterpreter(profile.dotsPerLine, profile.textEncoding), {}});
    Result<std::vector<std::uint8_t>> bytes = EscPosRenderer(profile).render(doc);
    EXPECT_TRUE(bytes.ok()) << (bytes.ok() ? "" : bytes.error().message);
    if (bytes.ok()) {
        out->bytes = *bytes;
        out->printer.run(out->bytes);
    }
    return out;
}

class RoundTripTest : public ::testing::TestWithParam<std::string> {
protected:
    PrinterProfile profile() const { return *printerProfile(GetParam()); }
};

TEST_P(RoundTripTest, DoseTicketComesBackLineByLineWithItsQrCode) {
    const TicketDocument doc = doseTicketDocument(test::sampleDoseTicket());
    const auto printed = print(doc, profile());
    const test::EscPosInterpreter& printer = printed->printer;
    ASSERT_TRUE(printer.errors().empty()) << printer.errors().front();
    EXPECT_EQ(printer.resets(), 1);
    EXPECT_TRUE(printer.chineseMode());
    EXPECT_EQ(printer.cuts(), 1);
    EXPECT_EQ(printer.textLines(), expectedLines(doc, profile()));

    if (profile().qr == QrSupport::Native) {
        ASSERT_EQ(printer.qrCodes().size(), 1u);
        EXPECT_EQ(printer.qrCodes()[0].data, doc.qrText());
        EXPECT_EQ(printer.qrCodes()[0].model, 50);
        EXPECT_EQ(printer.qrCodes()[0].errorLevel, 49);
        EXPECT_TRUE(printer.rasters().empty());
    } else {
        EXPECT_TRUE(printer.qrCodes().empty());
        EXPECT_FALSE(printer.rasters().empty());
    }
    EXPECT_EQ(test::readQrCodes(printer.page()), std::vector<std::string>{doc.qrText()});
}

TEST_P(RoundTripTest, QueueSlipAndTestTicketToo) {
    for (const TicketDocument& doc :
         {queueSlipDocument(test::sampleQueueSlip(true)),
          testTicketDocument(profile().name, "2021-11-24 08:00", "https://example.org/t?id=42")}) {
        const auto printed = print(doc, profile());
        ASSERT_TRUE(printed->printer.errors().empty()) << printed->printer.errors().front();
        EXPECT_EQ(printed->printer.textLines(), expectedLines(doc, profile()));
        EXPECT_EQ(test::readQrCodes(printed->printer.page()),
                  std::vector<std::string>{doc.qrText()});
    }
}

TEST_P(RoundTripTest, StylesSurviveTheTrip) {
    TicketDocument doc;
    doc.text("普通 plain");
    doc.text("粗 bold", {TextSize::Normal, true});
    doc.text("高 tall", {TextSize::DoubleHeight, false, TextAlign::Centre});
    doc.text("大 big", {TextSize::Double, true, TextAlign::Centre});
    const auto printed = print(doc, profile());
    const auto& elements = printed->printer.elements();
    ASSERT_EQ(elements.size(), 4u);
    const auto text = [&](std::size_t i) { return std::get<test::EscPosText>(elements[i]); };
    EXPECT_EQ(text(0).text, "普通 plain");
    EXPECT_FALSE(text(0).bold);
    EXPECT_EQ(text(0).align, 0);
    EXPECT_TRUE(text(1).bold);
    EXPECT_EQ(text(2).heightScale, 2);
    EXPECT_EQ(text(2).widthScale, 1);
    EXPECT_EQ(text(2).align, 1);
    EXPECT_EQ(text(3).heightScale, 2);
    EXPECT_EQ(text(3).widthScale, 2);
    EXPECT_TRUE(text(3).bold);
}

INSTANTIATE_TEST_SUITE_P(Profiles, RoundTripTest,
                         ::testing::Values("generic-80-native-qr", "generic-80-raster",
                                           "generic-58-native-qr", "generic-58-raster"),
                         [](const auto& test) {
                             std::string name = test.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(RoundTripTest, OnWidePaperNoLineIsWrapped) {
    const TicketDocument doc = doseTicketDocument(test::sampleDoseTicket(true));
    const auto printed = print(doc, defaultPrinterProfile());
    std::vector<std::string> expected;
    for (const TicketElement& e : doc.elements()) {
        if (const auto* t = std::get_if<TicketText>(&e)) {
            expected.push_back(t->text);
        } else if (std::holds_alternative<TicketSeparator>(e)) {
            expected.emplace_back(48, '-');
        }
    }
    EXPECT_EQ(printed->printer.textLines(), expected);
    EXPECT_EQ(printed->printer.textLines().front(), "补打 REPRINT");
}

TEST(RoundTripTest, OnNarrowPaperTheNoticeWrapsBetweenWords) {
    const TicketDocument doc = doseTicketDocument(test::sampleDoseTicket());
    const auto printed = print(doc, *printerProfile("generic-58-raster"));
    const std::vector<std::string> lines = printed->printer.textLines();
    const auto at = std::find(lines.begin(), lines.end(), "Please keep this ticket and stay");
    ASSERT_NE(at, lines.end());
    ASSERT_NE(at + 1, lines.end());
    EXPECT_EQ(*(at + 1), "30 minutes");
}

TEST(TicketImageTest, PngPreviewDecodes) {
    const TicketImage images;
    EXPECT_EQ(images.warning(), "");
    const TicketDocument doc = doseTicketDocument(test::sampleDoseTicket());
    for (const PrinterProfile& profile : builtinPrinterProfiles()) {
        Result<std::vector<std::uint8_t>> png = images.png(doc, profile);
        ASSERT_TRUE(png.ok()) << png.error().message;
        const cv::Mat image = cv::imdecode(*png, cv::IMREAD_GRAYSCALE);
        ASSERT_FALSE(image.empty());
        EXPECT_EQ(image.cols, profile.dotsPerLine);
        EXPECT_GT(image.rows, 400);
        EXPECT_EQ(test::readQrCodes(image), std::vector<std::string>{doc.qrText()}) << profile.name;
    }
}

TEST(TicketImageTest, PreviewHasInkForChineseText) {
    const TicketImage images;
    TicketDocument doc;
    doc.text("请保留此票，留观30分钟");
    const Result<cv::Mat> image = images.render(doc, defaultPrinterProfile());
    ASSERT_TRUE(image.ok());
    EXPECT_GT(cv::countNonZero(*image < 128), 200);
}

TEST(TicketImageTest, WithoutTheFontPreviewsStillWorkAndSaySo) {
    TicketImageOptions options;
    options.fontPath = "/nonexistent/NotoSansCJK-Regular.ttc";
    const TicketImage images(options);
    EXPECT_NE(images.warning().find("not found"), std::string::npos) << images.warning();
    const TicketDocument doc = doseTicketDocument(test::sampleDoseTicket());
    const Result<cv::Mat> image = images.render(doc, defaultPrinterProfile());
    ASSERT_TRUE(image.ok());
    EXPECT_EQ(test::readQrCodes(*image), std::vector<std::string>{doc.qrText()});
}

std::string findInPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::filesystem::path candidate =
            std::filesystem::path(dirs.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
        start = end + 1;
    }
    return {};
}

TEST(TicketImageTest, PdfPreviewIsAPdfThatRendersToADecodableCode) {
    const TicketImage images;
    const TicketDocument doc = doseTicketDocument(test::sampleDoseTicket());
    const PrinterProfile profile = defaultPrinterProfile();
    Result<std::vector<std::uint8_t>> pdf = images.pdf(doc, profile);
    ASSERT_TRUE(pdf.ok()) << pdf.error().message;
    const std::string text(pdf->begin(), pdf->end());
    ASSERT_TRUE(text.starts_with("%PDF-1.4\n"));
    EXPECT_TRUE(text.ends_with("%%EOF\n"));
    EXPECT_NE(text.find("/FlateDecode"), std::string::npos);

    const std::string pdftoppm = findInPath("pdftoppm");
    if (pdftoppm.empty()) {
        GTEST_SKIP() << "pdftoppm not installed (poppler-utils): the PDF was not rendered";
    }
    const test::TempDir dir;
    {
        std::ofstream file(dir / "ticket.pdf", std::ios::binary);
        file.write(text.data(), std::streamsize(text.size()));
    }
    // 8 dots per mm = 203.2 dpi: one pixel per printer dot again.
    const std::string command = pdftoppm + " -r 203.2 -gray -png -singlefile '" +
                                (dir / "ticket.pdf").string() + "' '" + (dir / "page").string() +
                                "' 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const cv::Mat page = cv::imread((dir / "page.png").string(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(page.empty());
    EXPECT_NEAR(page.cols, profile.dotsPerLine, 2);
    EXPECT_EQ(test::readQrCodes(page), std::vector<std::string>{doc.qrText()});
}

TEST(TicketImageTest, PdfNeedsAGreyImage) {
    EXPECT_FALSE(pdfFromImage(cv::Mat(), 8).ok());
    EXPECT_FALSE(pdfFromImage(cv::Mat(10, 10, CV_8UC3), 8).ok());
    const Result<std::vector<std::uint8_t>> pdf = pdfFromImage(cv::Mat(10, 16, CV_8UC1, 255), 8);
    ASSERT_TRUE(pdf.ok());
    const std::string text(pdf->begin(), pdf->end());
    // 16 dots at 8 per mm = 2 mm = 5.67 pt.
    EXPECT_NE(text.find("/MediaBox [0 0 5.67 3.54]"), std::string::npos);
}

}  // namespace
}  // namespace vax
