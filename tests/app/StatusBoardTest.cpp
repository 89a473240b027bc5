// The status board polls its devices on its own thread and gathers the pump's and the camera's
// reports; the status strip shows each item as a mark and a word (English and Chinese), and a
// screenshot of it lands beside the screen walk's.
#include <gtest/gtest.h>

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <fstream>

#include "AppTestSupport.h"
#include "CameraFeed.h"
#include "Language.h"
#include "OutboxPump.h"
#include "Screenshotter.h"
#include "StatusBoard.h"
#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax::app {
namespace {

using test::waitUntil;

bool pollOnce(StatusBoard& board) {
    bool polled = false;
    QObject::connect(
        &board, &StatusBoard::polled, &board, [&] { polled = true; }, Qt::SingleShotConnection);
    board.start();
    return waitUntil([&] { return polled; }, 10000);
}

TEST(StatusBoard, PreviewPrinterAndAnOldTrustList) {
    test::TempDir dir;
    const auto trust = dir / "jwks.json";
    std::ofstream(trust) << "{}";
    std::filesystem::last_write_time(
        trust, std::filesystem::file_time_type::clock::now() - std::chrono::hours(50));
    StatusSources sources;
    sources.printerUri = "png:" + dir.path().string();
    sources.trustFile = trust;
    sources.clockMarker = dir / "no-such-marker";
    StatusBoard board(sources);
    ASSERT_TRUE(pollOnce(board));
    EXPECT_EQ(board.printerState(), QStringLiteral("ok")) << board.printerMessage().toStdString();
    EXPECT_EQ(board.trustAgeHours(), 50);
    EXPECT_FALSE(board.clockMessage().isEmpty());
    // Nothing watched yet: no thermometer, no camera, the network not known.
    EXPECT_EQ(board.thermometerState(), QStringLiteral("none"));
    EXPECT_EQ(board.cameraState(), QStringLiteral("none"));
    EXPECT_EQ(board.networkState(), QStringLiteral("unknown"));
    EXPECT_FALSE(board.networkOnline());
}

TEST(StatusBoard, UnreachablePrinterIsMissingAndNoTrustFileIsMinusOne) {
    int port = 0;
    {
        test::TempDir dir;
        upstream::UpstreamOptions options;
        options.database = dir / "u.db";
        std::string error;
        auto gone = upstream::UpstreamServer::create(options, error);
        ASSERT_TRUE(gone && gone->start(&error)) << error;
        port = gone->port();  // nobody listens there once it is gone
    }
    StatusSources sources;
    sources.printerUri = "tcp://127.0.0.1:" + std::to_string(port);
    StatusBoard board(sources);
    ASSERT_TRUE(pollOnce(board));
    EXPECT_EQ(board.printerState(), QStringLiteral("missing"));
    EXPECT_FALSE(board.printerMessage().isEmpty());
    EXPECT_EQ(board.trustAgeHours(), -1);

    StatusBoard none(StatusSources{});
    ASSERT_TRUE(pollOnce(none));
    EXPECT_EQ(none.printerState(), QStringLiteral("none"));
}

TEST(StatusBoard, TakesThePumpsCountsAndTheCamerasState) {
    StatusBoard board(StatusSources{});
    OutboxPump pump(KioskConfig{}, "unused.db");  // never started: the test speaks for it
    board.watchOutbox(&pump);
    OutboxStatus status;
    status.network = QStringLiteral("offline");
    status.pending = 7;
    status.refused = 1;
    status.message = QStringLiteral("connection refused");
    Q_EMIT pump.statusChanged(status);
    ASSERT_TRUE(waitUntil([&] { return board.outboxPending() == 7; }, 2000));
    EXPECT_EQ(board.outboxRefused(), 1);
    EXPECT_EQ(board.networkState(), QStringLiteral("offline"));
    EXPECT_FALSE(board.networkOnline());
    EXPECT_FALSE(board.lastUpload().isValid());

    status.network = QStringLiteral("online");
    status.pending = 0;
    status.lastSuccessMs = 1'795'000'000'000;
    Q_EMIT pump.statusChanged(status);
    ASSERT_TRUE(waitUntil([&] { return board.networkOnline(); }, 2000));
    EXPECT_EQ(board.lastUpload().toMSecsSinceEpoch(), 1'795'000'000'000);

    test::TempDir dir;
    CameraFeed camera;
    board.watchCamera(&camera);
    EXPECT_EQ(board.cameraState(), QStringLiteral("none"));
    // A folder without images cannot deliver: the camera is missing, with the reason.
    camera.start(openImageFolder(dir.path(), {}), {});
    ASSERT_TRUE(waitUntil([&] { return board.cameraState() == QLatin1String("missing"); }, 5000))
        << board.cameraState().toStdString();
    EXPECT_FALSE(board.cameraMessage().isEmpty());
    camera.stop();
}

// A camera driver that throws on every frame: the pipeline's threads catch it and carry on,
// and the strip says the camera is degraded, with the reason.
class AlwaysThrowingSource final : public FrameSource {
public:
    std::optional<Frame> next() override { throw std::runtime_error("injected driver fault"); }
    SourceStatus status() const override { return {SourceState::Ok, ""}; }
    std::string name() const override { return "throwing camera"; }
};

TEST(StatusBoard, ACameraThatThrowsIsShownDegradedWithTheReason) {
    StatusBoard board(StatusSources{});
    CameraFeed camera;
    board.watchCamera(&camera);
    camera.start(std::make_unique<AlwaysThrowingSource>(), {});
    ASSERT_TRUE(waitUntil([&] { return board.cameraState() == QLatin1String("degraded"); }, 5000))
        << board.cameraState().toStdString();
    EXPECT_TRUE(board.cameraMessage().contains(QStringLiteral("injected driver fault")))
        << board.cameraMessage().toStdString();
    camera.stop();
}

// The strip on its own window: each item's word, in English and in Chinese, and a picture.
class StatusStripTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_engine.addImportPath(QStringLiteral("qrc:/"));
        m_language.setEngine(&m_engine);
        m_engine.setInitialProperties({{QStringLiteral("board"), QVariant::fromValue(&m_board)}});
        m_engine.loadData(R"(
import QtQuick
import QtQuick.Window
import VaxKiosk
Window {
    required property StatusBoard board
    width: 1280; height: strip.implicitHeight; visible: true; color: "white"
    StatusStrip { id: strip; objectName: "strip"; anchors.fill: parent; status: board }
}
)");
        ASSERT_FALSE(m_engine.rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow*>(m_engine.rootObjects().constFirst());
        ASSERT_NE(m_window, nullptr);
    }

    QString word(const char* item) {
        QCoreApplication::processEvents();
        QQuickItem* found =
            test::findVisibleItem(m_window->contentItem(), QString::fromLatin1(item));
        EXPECT_NE(found, nullptr) << item;
        return found ? found->property("word").toString() : QString();
    }
    QString tone(const char* item) {
        QQuickItem* found =
            test::findVisibleItem(m_window->contentItem(), QString::fromLatin1(item));
        return found ? found->property("tone").toString() : QString();
    }

    // A preview printer (ready) and a trust list written three days ago.
    static StatusSources sourcesIn(const test::TempDir& dir) {
        std::ofstream(dir / "jwks.json") << "{}";
        std::filesystem::last_write_time(
            dir / "jwks.json",
            std::filesystem::file_time_type::clock::now() - std::chrono::hours(75));
        StatusSources sources;
        sources.printerUri = "png:" + dir.path().string();
        sources.trustFile = dir / "jwks.json";
        return sources;
    }

    test::TempDir m_dir;
    StatusBoard m_board{sourcesIn(m_dir)};
    QQmlApplicationEngine m_engine;
    Language m_language;
    QQuickWindow* m_window = nullptr;
};

TEST_F(StatusStripTest, EveryItemHasAWordNotOnlyAColour) {
    OutboxPump pump(KioskConfig{}, "unused.db");
    m_board.watchOutbox(&pump);
    OutboxStatus status;
    status.network = QStringLiteral("offline");
    status.pending = 3;
    Q_EMIT pump.statusChanged(status);
    ASSERT_TRUE(waitUntil([&] { return m_board.outboxPending() == 3; }, 2000));

    QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
    m_language.setCode(QStringLiteral("en"));
    EXPECT_EQ(word("statusNetwork"), QStringLiteral("Offline"));
    EXPECT_EQ(tone("statusNetwork"), QStringLiteral("bad"));
    EXPECT_EQ(word("statusOutbox"), QStringLiteral("3 waiting"));
    EXPECT_EQ(tone("statusOutbox"), QStringLiteral("warn"));
    EXPECT_EQ(word("statusPrinter"), QStringLiteral("Not known yet"));  // before the first poll
    ASSERT_TRUE(pollOnce(m_board));
    EXPECT_EQ(word("statusPrinter"), QStringLiteral("OK"));
    EXPECT_EQ(tone("statusPrinter"), QStringLiteral("ok"));
    EXPECT_EQ(word("statusThermometer"), QStringLiteral("None"));
    EXPECT_EQ(tone("statusThermometer"), QStringLiteral("off"));
    EXPECT_EQ(word("statusTrust"), QStringLiteral("3 days old"));
    for (const char* item : {"statusNetwork", "statusOutbox", "statusPrinter", "statusThermometer",
                             "statusCamera", "statusClock", "statusTrust"}) {
        EXPECT_FALSE(word(item).isEmpty()) << item;
    }
    EXPECT_TRUE(Screenshotter::save(
        m_window, QStringLiteral(VAX_SCREENSHOT_DIR "/20-status-strip-english.png")));

    m_language.setCode(QStringLiteral("zh"));
    EXPECT_EQ(word("statusNetwork"), QStringLiteral("离线"));
    EXPECT_EQ(word("statusOutbox"), QStringLiteral("3 条待传"));
    EXPECT_EQ(word("statusPrinter"), QStringLiteral("正常"));
    EXPECT_TRUE(Screenshotter::save(
        m_window, QStringLiteral(VAX_SCREENSHOT_DIR "/21-status-strip-chinese.png")));
}

// From the journal to the strip: a real pump drains a journal holding a row that cannot be
// uploaded to the reference upstream on loopback; the strip counts it refused, and beside it
// the records that wait once the upstream is gone.
TEST_F(StatusStripTest, ARecordThatCannotBeUploadedShowsRefusedBesideThoseWaiting) {
    auto opened = Journal::open(m_dir / "kiosk.db");
    ASSERT_TRUE(opened) << opened.error().message;
    Journal journal = std::move(opened).value();
    const PersonVault vault(SiteKeys::generate());
    ASSERT_TRUE(journal.visits().checkIn(test::makeCheckIn(vault, 1, Outcome::Proceed)));
    ASSERT_TRUE(journal.database().exec(
        "INSERT INTO events (visit_id, at, kind, stage, data)"
        " SELECT id, 1795000001000, 'note', 'waiting', '{\"half\": ' FROM visits LIMIT 1"));
    upstream::UpstreamOptions options;
    options.database = m_dir / "upstream.db";
    std::string error;
    auto server = upstream::UpstreamServer::create(options, error);
    ASSERT_TRUE(server && server->start(&error)) << error;
    KioskConfig config;
    config.site.id = "T-001";
    config.network.deviceId = "entry-t";
    config.network.recordsService = server->baseUrl();
    OutboxPump pump(config, m_dir / "kiosk.db", {600000, 600000});
    m_board.watchOutbox(&pump);
    pump.start();  // drains here, once; the timers do not fire during the test
    ASSERT_TRUE(waitUntil([&] { return m_board.outboxRefused() == 1; }, 5000))
        << m_board.outboxPending() << " waiting; " << m_board.networkMessage().toStdString();
    EXPECT_EQ(m_board.outboxPending(), 0);
    EXPECT_EQ(server->stats().records, 2);

    QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
    m_language.setCode(QStringLiteral("en"));
    EXPECT_EQ(word("statusOutbox"), QStringLiteral("1 refused"));
    EXPECT_EQ(tone("statusOutbox"), QStringLiteral("bad"));

    server->stop();
    ASSERT_TRUE(journal.visits().checkIn(test::makeCheckIn(vault, 2, Outcome::Proceed)));
    pump.drainNow();
    ASSERT_TRUE(waitUntil([&] { return m_board.outboxPending() == 2; }, 5000));
    EXPECT_EQ(m_board.outboxRefused(), 1);
    EXPECT_EQ(word("statusNetwork"), QStringLiteral("Offline"));
    EXPECT_EQ(word("statusOutbox"), QStringLiteral("1 refused, 2 waiting"));
    EXPECT_EQ(tone("statusOutbox"), QStringLiteral("bad"));
    EXPECT_TRUE(Screenshotter::save(
        m_window, QStringLiteral(VAX_SCREENSHOT_DIR "/22-status-strip-refused-english.png")));
    m_language.setCode(QStringLiteral("zh"));
    EXPECT_EQ(word("statusOutbox"), QStringLiteral("1 条被拒，2 条待传"));
    EXPECT_TRUE(Screenshotter::save(
        m_window, QStringLiteral(VAX_SCREENSHOT_DIR "/23-status-strip-refused-chinese.png")));
    pump.cancel();
}

}  // namespace
}  // namespace vax::app
