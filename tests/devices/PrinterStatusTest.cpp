#include "devices/PrinterStatus.h"

#include <gtest/gtest.h>

#include <array>

#include "support/PrinterEmulator.h"

namespace vax {
namespace {

using test::EmulatedState;
using Kind = PrinterProblem::Kind;

PrinterStatus statusOf(EmulatedState state) {
    std::array<std::uint8_t, 4> replies{};
    for (int n = 1; n <= 4; ++n) {
        replies[std::size_t(n - 1)] = test::PrinterEmulator::replyFor(state, n);
    }
    Result<PrinterStatus> status = parsePrinterStatus(replies);
    EXPECT_TRUE(status.ok());
    return status.ok() ? *status : PrinterStatus{};
}

TEST(PrinterStatusTest, RequestsAreDleEot) {
    EXPECT_EQ(statusRequestBytes(StatusRequest::Printer),
              (std::array<std::uint8_t, 3>{0x10, 0x04, 1}));
    EXPECT_EQ(statusRequestBytes(StatusRequest::PaperSensor),
              (std::array<std::uint8_t, 3>{0x10, 0x04, 4}));
}

TEST(PrinterStatusTest, ReadyPrinter) {
    const PrinterStatus s = statusOf(EmulatedState::Ready);
    EXPECT_TRUE(s.ready());
    EXPECT_TRUE(s.problems().empty());
    EXPECT_EQ(s.summary(), "ready / 就绪");
}

TEST(PrinterStatusTest, PaperOutIsBlockingAndNamedInBothLanguages) {
    const PrinterStatus s = statusOf(EmulatedState::PaperOut);
    EXPECT_TRUE(s.paperOut);
    EXPECT_TRUE(s.offline);
    EXPECT_FALSE(s.ready());
    const auto problems = s.problems();
    ASSERT_EQ(problems.size(), 1u) << s.summary();  // offline is explained by the paper
    EXPECT_EQ(problems[0].kind, Kind::PaperOut);
    EXPECT_NE(problems[0].text().find("out of paper"), std::string::npos);
    EXPECT_NE(problems[0].text().find("缺纸"), std::string::npos);
}

TEST(PrinterStatusTest, NearEndIsOnlyAWarning) {
    const PrinterStatus s = statusOf(EmulatedState::PaperNearEnd);
    EXPECT_TRUE(s.paperNearEnd);
    EXPECT_TRUE(s.ready());
    ASSERT_EQ(s.problems().size(), 1u);
    EXPECT_FALSE(s.problems()[0].blocking);
    EXPECT_NE(s.summary().find("即将用完"), std::string::npos);
}

TEST(PrinterStatusTest, CoverOpenOfflineAndCutterError) {
    EXPECT_EQ(statusOf(EmulatedState::CoverOpen).problems().at(0).kind, Kind::CoverOpen);
    EXPECT_EQ(statusOf(EmulatedState::Offline).problems().at(0).kind, Kind::Offline);
    EXPECT_NE(statusOf(EmulatedState::Offline).summary().find("离线"), std::string::npos);
    const PrinterStatus cutter = statusOf(EmulatedState::CutterError);
    EXPECT_TRUE(cutter.cutterError);
    EXPECT_EQ(cutter.problems().at(0).kind, Kind::CutterError);
    EXPECT_FALSE(cutter.ready());
}

TEST(PrinterStatusTest, SinglePaperEndBitCounts) {
    // Printers with one roll-end sensor set bit 5 only.
    const std::array<std::uint8_t, 4> replies{0x12, 0x12, 0x12, 0x32};
    EXPECT_TRUE(parsePrinterStatus(replies)->paperOut);
    const std::array<std::uint8_t, 4> nearEnd{0x12, 0x12, 0x12, 0x16};
    EXPECT_TRUE(parsePrinterStatus(nearEnd)->paperNearEnd);
}

TEST(PrinterStatusTest, BytesWithoutTheFixedBitsAreRejected) {
    for (const int bad : {0x00, 0xFF, 0x10, 0x02, 0x93}) {
        const std::array<std::uint8_t, 1> reply{std::uint8_t(bad)};
        const Result<PrinterStatus> status = parsePrinterStatus(reply);
        ASSERT_FALSE(status.ok()) << bad;
        EXPECT_NE(status.error().message.find("unexpected printer status reply"),
                  std::string::npos);
    }
    const std::array<std::uint8_t, 5> tooMany{0x12, 0x12, 0x12, 0x12, 0x12};
    EXPECT_FALSE(parsePrinterStatus(tooMany).ok());
}

}  // namespace
}  // namespace vax
