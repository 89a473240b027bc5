// The demo kiosk's outside world: the reference upstream as a child process (started, seeded,
// stopped), the online health-code check and the record upload through it, and the signed
// queue slip printed at entry as a PNG that decodes and verifies.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "AppTestSupport.h"
#include "DemoUpstream.h"
#include "EntryFlow.h"
#include "KioskApp.h"
#include "Screenshotter.h"
#include "StatusBoard.h"
#include "config/KioskConfig.h"
#include "net/HttpClient.h"
#include "ops/Slips.h"
#include "store/Journal.h"
#include "vision/BarcodeDecoder.h"

namespace vax::app {
namespace {

using test::waitUntil;
namespace fs = std::filesystem;

// One resident through the entry flow, health code `code`, all answers "no".
::testing::AssertionResult walkCheckIn(KioskApp& app, const QString& code) {
    EntryFlow* flow = app.flow();
    if (!waitUntil([&] { return flow->ready(); }, 10000)) {
        return ::testing::AssertionFailure() << "not ready: " << flow->setupError().toStdString();
    }
    flow->acceptCode(code);
    if (!waitUntil([&] { return flow->healthCode() != QLatin1String("checking"); }, 10000) ||
        flow->healthCode() != QLatin1String("green")) {
        return ::testing::AssertionFailure() << "health code " << flow->healthCode().toStdString();
    }
    flow->acceptCode(QString::fromStdString(KioskDemo::residentIdCode()));
    flow->proceed();
    if (!waitUntil([&] { return flow->state() == EntryFlow::State::Questions; }, 15000)) {
        return ::testing::AssertionFailure() << "no questions: " << int(flow->state());
    }
    for (int i = 0; i < flow->questionCount(); ++i) {
        flow->answer(0);
    }
    if (!waitUntil([&] { return flow->resultReady(); }, 15000)) {
        return ::testing::AssertionFailure() << "no result";
    }
    return ::testing::AssertionSuccess();
}

QString visibleText(KioskApp& app, const char* name) {
    QCoreApplication::processEvents();
    QQuickItem* item =
        test::findVisibleItem(app.window()->contentItem(), QString::fromLatin1(name));
    return item ? item->property("text").toString() : QStringLiteral("<not visible>");
}

void shot(KioskApp& app, const char* name) {
    QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
    QCoreApplication::processEvents();
    EXPECT_TRUE(Screenshotter::save(
        app.window(), QStringLiteral(VAX_SCREENSHOT_DIR "/") + QString::fromLatin1(name)));
}

Result<HttpResponse, HttpError> get(const QString& url) {
    HttpClient client;
    HttpRequest request = HttpRequest::get(url.toStdString());
    request.retry.maxAttempts = 1;
    return client.send(request);
}

class DemoKiosk : public ::testing::Test {
protected:
    void start(bool upstream) {
        ASSERT_TRUE(m_folder.isValid());
        AppOptions options;
        options.demo = true;
        options.demoFolder = m_folder.path();
        options.cameraEnabled = false;  // the test shows the codes itself
        options.demoUpstream = upstream;
        m_app = std::make_unique<KioskApp>();
        ASSERT_EQ(m_app->start(options), QString());
    }

    QTemporaryDir m_folder;
    std::unique_ptr<KioskApp> m_app;
};

TEST_F(DemoKiosk, QueuedResidentGetsASignedSlipPrintedAsAPng) {
    start(false);
    EXPECT_TRUE(m_app->demoUpstreamUrl().isEmpty());
    const QString tickets = m_app->demoTicketsFolder();
    ASSERT_FALSE(tickets.isEmpty());
    EXPECT_EQ(visibleText(*m_app, "demoTickets"), QStringLiteral("演示：小票保存在 ") + tickets);

    const auto now = QDateTime::currentSecsSinceEpoch();
    ASSERT_TRUE(walkCheckIn(*m_app, QString::fromStdString(m_app->demo()->freshHealthCode(now))));
    const CheckInResult result = m_app->flow()->result();
    ASSERT_EQ(result.outcome, QStringLiteral("proceed")) << result.error.toStdString();
    EXPECT_TRUE(result.printed) << result.printError.toStdString();
    EXPECT_TRUE(result.printError.isEmpty());
    shot(*m_app, "11-result-slip-printed.png");
    EXPECT_EQ(visibleText(*m_app, "slipPrinting"),
              QStringLiteral("正在打印排队小票，请取走您的小票。"));

    // The PNG is there, its QR code reads back, and it is this visit's slip, signed by the site.
    const QString png = tickets + QStringLiteral("/slip-%1.png").arg(result.visitId);
    ASSERT_TRUE(QFile::exists(png)) << png.toStdString();
    const QString copy = QStringLiteral(VAX_SCREENSHOT_DIR "/13-printed-slip.png");
    QFile::remove(copy);
    QFile::copy(png, copy);  // for people to look at, beside the screens
    const cv::Mat image = cv::imread(png.toStdString(), cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(image.empty());
    const DecodeResult decoded = decodeGrey(image, DecodeOptions{});
    ASSERT_EQ(decoded.codes.size(), 1u);
    const std::string& slip = decoded.codes[0].text;
    EXPECT_EQ(slip.rfind("VK1:", 0), 0u) << slip;
    auto config = loadKioskConfig(m_app->demo()->configPath());
    ASSERT_TRUE(config) << config.error().message;
    auto trust = loadTrust(*config);
    ASSERT_TRUE(trust) << trust.error().message;
    auto verified = trust->verify(slip, config->site.id);
    ASSERT_TRUE(verified);
    const auto* body = std::get_if<QueueSlip>(&verified->body);
    ASSERT_NE(body, nullptr);
    EXPECT_EQ(body->visitId, result.visitId);
    EXPECT_EQ(body->maskedId, "1101**********1234");
    EXPECT_EQ(QString(QChar::fromLatin1(body->desk)) +
                  QString::number(body->number).rightJustified(3, u'0'),
              result.queueNumber);

    // The status board saw the thermometer read and the preview printer ready.
    StatusBoard* status = m_app->status();
    ASSERT_TRUE(waitUntil(
        [&] {
            return status->thermometerState() == QLatin1String("ok") &&
                   status->printerState() == QLatin1String("ok");
        },
        8000))
        << status->thermometerState().toStdString() << " / "
        << status->printerState().toStdString();
    EXPECT_GE(status->trustAgeHours(), 0);                      // the demo's JWKS, just written
    EXPECT_EQ(status->networkState(), QStringLiteral("none"));  // no upstream in this run
}

TEST_F(DemoKiosk, PrinterProblemKeepsTheCheckInAndSendsToStaff) {
    start(false);
    // The preview printer's folder is gone: nothing can be printed.
    ASSERT_TRUE(QDir(m_app->demoTicketsFolder()).removeRecursively());
    ASSERT_TRUE(walkCheckIn(*m_app, QString::fromStdString(m_app->demo()->freshHealthCode(
                                        QDateTime::currentSecsSinceEpoch()))));
    const CheckInResult result = m_app->flow()->result();
    EXPECT_EQ(result.outcome, QStringLiteral("proceed"));
    EXPECT_FALSE(result.queueNumber.isEmpty());
    EXPECT_FALSE(result.printed);
    EXPECT_FALSE(result.printError.isEmpty());
    shot(*m_app, "12-result-printer-problem.png");
    EXPECT_EQ(visibleText(*m_app, "slipPrinting"),
              QStringLiteral("打印机故障：工作人员会为您提供排队小票。"));
    EXPECT_EQ(visibleText(*m_app, "queueNumber"), result.queueNumber);

    // The check-in stands in the journal.
    auto journal = Journal::open(m_app->demo()->databasePath());
    ASSERT_TRUE(journal);
    auto visit = journal->visits().visit(result.visitId);
    ASSERT_TRUE(visit) << visit.error().message;
    EXPECT_TRUE(visit->queueNumber.has_value());
}

TEST(DemoUpstreamProcess, StartsSeededAndStopsCleanly) {
    const QString binary = DemoUpstream::findBinary();
    ASSERT_FALSE(binary.isEmpty()) << "vaxupstream is built beside the tests";
    QTemporaryDir folder;
    DemoUpstream upstream;
    // In a demo folder that does not exist yet, as `vaxkiosk --demo --demo-dir NEW` gives it.
    const QString url = upstream.start(
        binary, folder.filePath(QStringLiteral("new/demo")),
        QByteArray::fromStdString(KioskDemo::upstreamSeed(QDateTime::currentSecsSinceEpoch())));
    ASSERT_FALSE(url.isEmpty()) << upstream.error().toStdString();
    EXPECT_TRUE(url.startsWith(QStringLiteral("http://127.0.0.1:"))) << url.toStdString();
    EXPECT_TRUE(upstream.running());
    EXPECT_TRUE(get(url + QStringLiteral("/healthz")));

    // The demo resident's code is known, and green.
    HttpClient client;
    const nlohmann::json ask{
        {"code", KioskDemo::onlineHealthCode()}, {"site", "DEMO-001"}, {"device", "test"}};
    auto answer = client.send(HttpRequest::post(url.toStdString() + "/api/healthcode/v1/verify",
                                                ask.dump(), "application/json"));
    ASSERT_TRUE(answer) << answer.error().message;
    EXPECT_EQ(nlohmann::json::parse(answer->body)["status"], "green");

    upstream.stop();
    EXPECT_FALSE(upstream.running());
    EXPECT_TRUE(upstream.baseUrl().isEmpty());
    auto gone = get(url + QStringLiteral("/healthz"));
    ASSERT_FALSE(gone);
    EXPECT_EQ(gone.error().kind, HttpError::Kind::ConnectFailed) << gone.error().message;
    upstream.stop();  // twice is fine
}

TEST(DemoUpstreamProcess, AMissingBinaryIsAnErrorNotACrash) {
    QTemporaryDir folder;
    DemoUpstream upstream;
    EXPECT_TRUE(
        upstream.start(QStringLiteral("/nonexistent/vaxupstream"), folder.path(), "{}").isEmpty());
    EXPECT_FALSE(upstream.error().isEmpty());
    EXPECT_FALSE(upstream.running());
}

TEST_F(DemoKiosk, ChecksTheCodeOnlineAndUploadsTheRecords) {
    start(true);
    const QString url = m_app->demoUpstreamUrl();
    ASSERT_FALSE(url.isEmpty()) << "the demo found no vaxupstream";
    auto config = loadKioskConfig(m_app->demo()->configPath());
    ASSERT_TRUE(config);
    EXPECT_EQ(config->network.healthCodeService, url.toStdString());
    EXPECT_EQ(config->network.recordsService, url.toStdString());

    ASSERT_TRUE(walkCheckIn(*m_app, QString::fromStdString(KioskDemo::onlineHealthCode())));
    const CheckInResult result = m_app->flow()->result();
    EXPECT_EQ(result.outcome, QStringLiteral("proceed"));
    EXPECT_TRUE(result.printed) << result.printError.toStdString();
    // The journal says who vouched for the green code: the service, not a signature.
    auto journal = Journal::open(m_app->demo()->databasePath());
    ASSERT_TRUE(journal);
    auto events = journal->visits().events(result.visitId);
    ASSERT_TRUE(events && !events->empty());
    EXPECT_EQ(nlohmann::json::parse(events->front().data)["health_code_source"], "service")
        << events->front().data;

    // The pump uploads the check-in soon after (not at its 15 s tick): the upstream has the
    // records, nothing waits, the network is online.
    const auto uploaded = [&] {
        auto stats = get(url + QStringLiteral("/_admin/stats"));
        return stats && nlohmann::json::parse(stats->body)["records"].get<int>() > 0;
    };
    ASSERT_TRUE(waitUntil(uploaded, 5000));
    StatusBoard* status = m_app->status();
    ASSERT_TRUE(waitUntil(
        [&] {
            return status->networkOnline() && status->outboxPending() == 0 &&
                   status->lastUpload().isValid();
        },
        5000))
        << status->networkState().toStdString() << ", " << status->outboxPending()
        << " pending: " << status->networkMessage().toStdString();

    // The upstream goes with the kiosk.
    m_app.reset();
    EXPECT_FALSE(get(url + QStringLiteral("/healthz")));
}

}  // namespace
}  // namespace vax::app
