#include "devices/TicketPrinter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "DevicesTestSupport.h"
#include "devices/EscPosRenderer.h"
#include "support/EscPosInterpreter.h"
#include "support/PrinterEmulator.h"
#include "support/TempDir.h"

namespace vax {
namespace {

using namespace std::chrono_literals;
using Bytes = std::vector<std::uint8_t>;
using test::EmulatedState;

bool mentions(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class TicketPrinterTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_emulator.start());
        m_options.statusTimeout = 2s;      // generous: only a silent printer waits this long
        m_options.reconnectBackoff = 0ms;  // retry right away; see the backoff test
        m_printer = makePrinter(m_options);
    }

    std::unique_ptr<TicketPrinter> makePrinter(const PrinterTransportOptions& options) {
        Result<std::unique_ptr<PrinterTransport>> transport =
            openPrinter("tcp://127.0.0.1:" + std::to_string(m_emulator.port()), options);
        EXPECT_TRUE(transport.ok());
        return std::make_unique<TicketPrinter>(std::move(*transport), m_profile);
    }

    static PrintJob job(const std::string& id, bool reprint = false) {
        DoseTicketView view = test::sampleDoseTicket();
        view.qrText = test::sampleSignedText(150, unsigned(id.size() + id.back()));
        return PrintJob{id, doseTicketDocument(view), reprint};
    }

    Bytes escPos(const TicketDocument& doc) const { return *EscPosRenderer(m_profile).render(doc); }

    // What the emulator printed, read back by the interpreter.
    std::unique_ptr<test::EscPosInterpreter> printed() const {
        auto printer = std::make_unique<test::EscPosInterpreter>(m_profile.dotsPerLine);
        printer->run(m_emulator.received());
        return printer;
    }

    PrinterProfile m_profile = defaultPrinterProfile();
    test::PrinterEmulator m_emulator;
    PrinterTransportOptions m_options;
    std::unique_ptr<TicketPrinter> m_printer;
};

TEST_F(TicketPrinterTest, PrintsAJobByteExactWithStatusBeforeAndAfter) {
    const PrintJob ticket = job("T0001");
    const PrintResult result = m_printer->print(ticket);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(m_emulator.received(), escPos(ticket.document));
    EXPECT_EQ(m_emulator.statusRequests(), 8u);
    EXPECT_EQ(result->ticketId, "T0001");
    EXPECT_EQ(result->bytes, m_emulator.received().size());
    ASSERT_TRUE(result->statusBefore && result->statusAfter);
    EXPECT_TRUE(result->statusBefore->ready());
    EXPECT_TRUE(result->warnings.empty());
    EXPECT_FALSE(result->reprint);
    EXPECT_EQ(m_printer->pendingCount(), 0u);
    EXPECT_EQ(test::readQrCodes(printed()->page()),
              std::vector<std::string>{ticket.document.qrText()});
}

TEST_F(TicketPrinterTest, PaperOutIsRefusedBeforeSendingAndTheJobKept) {
    m_emulator.setState(EmulatedState::PaperOut);
    const PrintJob ticket = job("T0002");
    const PrintResult result = m_printer->print(ticket);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().failure, PrintFailure::PaperOut);
    EXPECT_TRUE(mentions(result.error().message, "out of paper")) << result.error().message;
    EXPECT_TRUE(mentions(result.error().message, "缺纸"));
    EXPECT_FALSE(result.error().sent);
    EXPECT_TRUE(result.error().pending);
    ASSERT_TRUE(result.error().status);
    EXPECT_TRUE(result.error().status->paperOut);
    EXPECT_TRUE(m_emulator.received().empty()) << "nothing sent to a printer without paper";
    EXPECT_EQ(m_printer->pendingTicketIds(), std::vector<std::string>{"T0002"});

    // Paper loaded: the kept job prints as the original (nothing of it was printed before).
    m_emulator.setState(EmulatedState::Ready);
    const std::vector<PrintResult> retried = m_printer->retryPending();
    ASSERT_EQ(retried.size(), 1u);
    ASSERT_TRUE(retried[0].ok()) << retried[0].error().message;
    EXPECT_EQ(m_emulator.received(), escPos(ticket.document));
    EXPECT_EQ(m_printer->pendingCount(), 0u);
}

TEST_F(TicketPrinterTest, CoverOpenIsRefused) {
    m_emulator.setState(EmulatedState::CoverOpen);
    const PrintResult result = m_printer->print(job("T0003"));
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().failure, PrintFailure::CoverOpen);
    EXPECT_TRUE(mentions(result.error().message, "cover open"));
    EXPECT_TRUE(m_emulator.received().empty());
    EXPECT_EQ(m_printer->pendingCount(), 1u);
}

TEST_F(TicketPrinterTest, OfflineAndCutterErrorAreRefused) {
    m_emulator.setState(EmulatedState::Offline);
    EXPECT_EQ(m_printer->print(job("T0004")).error().failure, PrintFailure::Offline);
    m_emulator.setState(EmulatedState::CutterError);
    EXPECT_EQ(m_printer->print(job("T0005")).error().failure, PrintFailure::PrinterError);
    EXPECT_TRUE(m_emulator.received().empty());
    EXPECT_EQ(m_printer->pendingTicketIds(), (std::vector<std::string>{"T0004", "T0005"}));
}

TEST_F(TicketPrinterTest, NearEndPrintsWithOneWarning) {
    m_emulator.setState(EmulatedState::PaperNearEnd);
    const PrintResult result = m_printer->print(job("T0006"));
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->warnings.size(), 1u);
    EXPECT_TRUE(mentions(result->warnings[0], "near end"));
    EXPECT_TRUE(mentions(result->warnings[0], "即将用完"));
    EXPECT_FALSE(m_emulator.received().empty());
}

TEST_F(TicketPrinterTest, PaperRunningOutDuringTheJobFailsItAndTheRetryIsMarkedReprint) {
    const PrintJob ticket = job("T0007");
    m_emulator.switchStateAfter(200, EmulatedState::PaperOut);
    const PrintResult result = m_printer->print(ticket);
    ASSERT_FALSE(result.ok()) << "a printer out of paper after the job must not count as printed";
    EXPECT_EQ(result.error().failure, PrintFailure::PaperOut);
    EXPECT_TRUE(result.error().sent);
    EXPECT_TRUE(mentions(result.error().message, "may be incomplete"));
    EXPECT_EQ(m_printer->pendingTicketIds(), std::vector<std::string>{"T0007"});

    m_emulator.clearReceived();
    m_emulator.setState(EmulatedState::Ready);
    const std::vector<PrintResult> retried = m_printer->retryPending();
    ASSERT_EQ(retried.size(), 1u);
    ASSERT_TRUE(retried[0].ok());
    EXPECT_TRUE(retried[0]->reprint);
    const auto printer = printed();
    ASSERT_FALSE(printer->textLines().empty());
    EXPECT_EQ(printer->textLines().front(), "补打 REPRINT");
    EXPECT_EQ(test::readQrCodes(printer->page()),
              std::vector<std::string>{ticket.document.qrText()})
        << "same ticket, same code";
}

TEST_F(TicketPrinterTest, ReprintJobCarriesTheSameIdAndSaysReprint) {
    const PrintJob original = job("T0008");
    ASSERT_TRUE(m_printer->print(original).ok());
    m_emulator.clearReceived();
    PrintJob again = original;
    again.reprint = true;
    const PrintResult result = m_printer->print(again);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->ticketId, "T0008");
    EXPECT_TRUE(result->reprint);
    EXPECT_EQ(printed()->textLines().front(), "补打 REPRINT");
}

TEST_F(TicketPrinterTest, StoppedPrinterIsOfflineAndTheRestartedOnePrintsTheKeptJob) {
    ASSERT_TRUE(m_printer->print(job("T0009")).ok());  // connection established
    const std::uint16_t port = m_emulator.port();
    m_emulator.stop();

    const PrintJob ticket = job("T0010");
    const PrintResult result = m_printer->print(ticket);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().failure, PrintFailure::Offline);
    EXPECT_TRUE(mentions(result.error().message, "offline")) << result.error().message;
    EXPECT_TRUE(mentions(result.error().message, "Connection refused")) << result.error().message;
    EXPECT_FALSE(result.error().sent);
    EXPECT_EQ(m_printer->pendingTicketIds(), std::vector<std::string>{"T0010"});

    m_emulator.clearReceived();
    ASSERT_TRUE(m_emulator.start(port));
    const std::vector<PrintResult> retried = m_printer->retryPending();
    ASSERT_EQ(retried.size(), 1u);
    ASSERT_TRUE(retried[0].ok()) << retried[0].error().message;
    EXPECT_EQ(m_emulator.received(), escPos(ticket.document));
    EXPECT_EQ(m_printer->pendingCount(), 0u);
}

TEST_F(TicketPrinterTest, ReconnectsWaitForTheBackoff) {
    PrinterTransportOptions slow = m_options;
    slow.reconnectBackoff = 60s;  // far longer than the test
    const std::unique_ptr<TicketPrinter> printer = makePrinter(slow);
    const std::uint16_t port = m_emulator.port();
    m_emulator.stop();
    EXPECT_FALSE(printer->queryStatus().ok());  // refused: the backoff starts

    ASSERT_TRUE(m_emulator.start(port));
    const std::size_t before = m_emulator.connections();
    const Result<std::optional<PrinterStatus>> status = printer->queryStatus();
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(mentions(status.error().message, "next connection attempt in"))
        << status.error().message;
    EXPECT_EQ(m_emulator.connections(), before) << "no connection attempt during the backoff";
}

TEST_F(TicketPrinterTest, RetryStopsAtTheFirstPrinterProblemAndKeepsTheOrder) {
    m_emulator.setState(EmulatedState::PaperOut);
    EXPECT_FALSE(m_printer->print(job("T0011")).ok());
    EXPECT_FALSE(m_printer->print(job("T0012")).ok());
    EXPECT_FALSE(m_printer->print(job("T0013")).ok());
    const std::vector<PrintResult> retried = m_printer->retryPending();
    EXPECT_EQ(retried.size(), 1u);
    EXPECT_EQ(m_printer->pendingTicketIds(), (std::vector<std::string>{"T0011", "T0012", "T0013"}));

    m_emulator.setState(EmulatedState::Ready);
    const std::vector<PrintResult> done = m_printer->retryPending();
    ASSERT_EQ(done.size(), 3u);
    EXPECT_EQ(done[0]->ticketId, "T0011");
    EXPECT_EQ(done[2]->ticketId, "T0013");
    EXPECT_EQ(m_printer->pendingCount(), 0u);
}

TEST_F(TicketPrinterTest, ANewJobForAPendingTicketReplacesIt) {
    m_emulator.setState(EmulatedState::PaperOut);
    EXPECT_FALSE(m_printer->print(job("T0014")).ok());
    EXPECT_FALSE(m_printer->print(job("T0015")).ok());
    EXPECT_FALSE(m_printer->print(job("T0014", true)).ok());
    EXPECT_EQ(m_printer->pendingTicketIds(), (std::vector<std::string>{"T0015", "T0014"}));
    EXPECT_TRUE(m_printer->cancelPending("T0015"));
    EXPECT_FALSE(m_printer->cancelPending("T0015"));
    EXPECT_EQ(m_printer->pendingTicketIds(), std::vector<std::string>{"T0014"});
}

TEST_F(TicketPrinterTest, SilentPrinterPrintsWithAWarning) {
    PrinterTransportOptions quick = m_options;
    quick.statusTimeout = 100ms;
    const std::unique_ptr<TicketPrinter> printer = makePrinter(quick);
    m_emulator.setAnswersStatus(false);
    const PrintResult result = printer->print(job("T0016"));
    ASSERT_TRUE(result.ok()) << result.error().message;
    ASSERT_EQ(result->warnings.size(), 1u);
    EXPECT_TRUE(mentions(result->warnings[0], "did not report its status"));
    EXPECT_FALSE(result->statusBefore.has_value());
}

TEST_F(TicketPrinterTest, JobWithoutIdIsRefusedAndNotKept) {
    const PrintResult result = m_printer->print(PrintJob{"", TicketDocument{}, false});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().failure, PrintFailure::BadJob);
    EXPECT_FALSE(result.error().pending);
    EXPECT_EQ(m_printer->pendingCount(), 0u);
}

TEST_F(TicketPrinterTest, TicketThatCannotBeDrawnIsKeptButDoesNotBlockOthers) {
    m_emulator.setState(EmulatedState::PaperOut);
    PrintJob tooLong{"T0017", TicketDocument{}, false};
    tooLong.document.qr(std::string(8000, 'A'));
    const PrintResult bad = m_printer->print(tooLong);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().failure, PrintFailure::RenderError);
    EXPECT_FALSE(m_printer->print(job("T0018")).ok());
    m_emulator.setState(EmulatedState::Ready);
    const std::vector<PrintResult> retried = m_printer->retryPending();
    ASSERT_EQ(retried.size(), 2u);
    EXPECT_FALSE(retried[0].ok());
    EXPECT_TRUE(retried[1].ok());
    EXPECT_EQ(m_printer->pendingTicketIds(), std::vector<std::string>{"T0017"});
}

TEST(TicketPrinterPreviewTest, PngAndPdfPrintersWriteDecodableFilesNamedByTicketId) {
    const test::TempDir dir;
    for (const std::string kind : {"png", "pdf"}) {
        TicketPrinter printer(test::mustOpen(kind + ":" + dir.path().string()),
                              *printerProfile("generic-58-raster"));
        PrintJob ticket{"A007", queueSlipDocument(test::sampleQueueSlip()), false};
        const PrintResult result = printer.print(ticket);
        ASSERT_TRUE(result.ok()) << result.error().message;
        EXPECT_FALSE(result->statusBefore.has_value());
        EXPECT_TRUE(result->warnings.empty());
        ASSERT_TRUE(std::filesystem::exists(dir / ("A007." + kind)));
    }
    const cv::Mat png = cv::imread((dir / "A007.png").string(), cv::IMREAD_GRAYSCALE);
    EXPECT_EQ(png.cols, 384);
    EXPECT_EQ(test::readQrCodes(png), std::vector<std::string>{test::sampleQueueSlip().qrText});
}

TEST(TicketPrinterFileTest, FilePrinterGetsTheSameBytes) {
    const test::TempDir dir;
    const auto path = dir / "lp0";
    std::ofstream(path).close();
    TicketPrinter printer(test::mustOpen("file:" + path.string()), defaultPrinterProfile());
    const PrintJob ticket{"T0019", doseTicketDocument(test::sampleDoseTicket()), false};
    ASSERT_TRUE(printer.print(ticket).ok());
    EXPECT_EQ(std::filesystem::file_size(path),
              EscPosRenderer(defaultPrinterProfile()).render(ticket.document)->size());
}

}  // namespace
}  // namespace vax
