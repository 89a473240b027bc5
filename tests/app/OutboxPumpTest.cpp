// The outbox pump on its own thread against the reference upstream on loopback (real HTTP):
// it drains, the counts drop to zero, a check-in is uploaded soon after; with the network
// down the records stay pending and the pump says offline.
#include <gtest/gtest.h>

#include <QThread>
#include <atomic>

#include "AppTestSupport.h"
#include "OutboxPump.h"
#include "crypto/PersonVault.h"
#include "crypto/SiteKeys.h"
#include "store/Journal.h"
#include "support/CheckIns.h"
#include "support/TempDir.h"
#include "tools/vaxupstream/UpstreamServer.h"

namespace vax::app {
namespace {

using test::waitUntil;

// The pump on a thread of its own, as KioskApp runs it, and what it reported last.
class PumpRun {
public:
    PumpRun(KioskConfig config, const std::filesystem::path& db, PumpTiming timing) {
        m_pump = new OutboxPump(std::move(config), db, timing);
        m_pump->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_pump, &QObject::deleteLater);
        QObject::connect(
            m_pump, &OutboxPump::statusChanged, &m_context,
            [this](const OutboxStatus& status) {
                m_last = status;
                ++m_reports;
            },
            Qt::QueuedConnection);
        // Direct: runs where the drain ran.
        QObject::connect(
            m_pump, &OutboxPump::drained, m_pump,
            [this] {
                if (QThread::currentThread() == QCoreApplication::instance()->thread()) {
                    m_drainedOnUiThread = true;
                }
            },
            Qt::DirectConnection);
        m_thread.start();
        QMetaObject::invokeMethod(m_pump, &OutboxPump::start, Qt::QueuedConnection);
    }
    ~PumpRun() {
        m_pump->cancel();
        m_thread.quit();
        m_thread.wait();
    }

    void drainSoon() {
        QMetaObject::invokeMethod(m_pump, &OutboxPump::drainSoon, Qt::QueuedConnection);
    }
    void drainNow() {
        QMetaObject::invokeMethod(m_pump, &OutboxPump::drainNow, Qt::QueuedConnection);
    }
    const OutboxStatus& last() const { return m_last; }
    int reports() const { return m_reports; }
    bool drainedOnUiThread() const { return m_drainedOnUiThread; }

private:
    QThread m_thread;
    OutboxPump* m_pump = nullptr;
    QObject m_context;
    OutboxStatus m_last;
    int m_reports = 0;
    std::atomic<bool> m_drainedOnUiThread{false};
};

class OutboxPumpTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto journal = Journal::open(m_dir / "kiosk.db");
        ASSERT_TRUE(journal) << journal.error().message;
        m_journal.emplace(std::move(journal).value());
        m_config.site.id = "T-001";
        m_config.site.name = "Test site";
        m_config.network.deviceId = "entry-t";
    }

    // Records `count` check-ins; how many records wait in the outbox then.
    std::int64_t checkIns(int count) {
        const PersonVault vault(m_keys);
        for (int i = 0; i < count; ++i) {
            auto state =
                m_journal->visits().checkIn(test::makeCheckIn(vault, m_serial++, Outcome::Proceed));
            EXPECT_TRUE(state) << state.error().message;
        }
        return m_journal->outbox().status()->pending;
    }

    std::unique_ptr<upstream::UpstreamServer> startServer(int port = 0) {
        upstream::UpstreamOptions options;
        options.database = m_dir / ("upstream-" + std::to_string(m_servers++) + ".db");
        options.port = port;
        std::string error;
        auto server = upstream::UpstreamServer::create(options, error);
        EXPECT_TRUE(server && server->start(&error)) << error;
        return server;
    }

    test::TempDir m_dir;
    std::optional<Journal> m_journal;
    SiteKeys m_keys = SiteKeys::generate();
    KioskConfig m_config;
    int m_serial = 1;
    int m_servers = 0;
};

TEST_F(OutboxPumpTest, DrainsToTheUpstreamAndCountsDropToZero) {
    const std::int64_t waiting = checkIns(3);
    ASSERT_GT(waiting, 0);
    auto server = startServer();
    ASSERT_TRUE(server);
    m_config.network.recordsService = server->baseUrl();
    PumpRun pump(m_config, m_dir / "kiosk.db", {60000, 200});

    ASSERT_TRUE(waitUntil(
        [&] { return pump.reports() > 0 && pump.last().network == QLatin1String("online"); },
        10000))
        << pump.last().network.toStdString() << ": " << pump.last().message.toStdString();
    EXPECT_EQ(pump.last().pending, 0);
    EXPECT_EQ(pump.last().refused, 0);
    EXPECT_EQ(pump.last().delivered, waiting);
    EXPECT_GT(pump.last().lastSuccessMs, 0);
    EXPECT_TRUE(pump.last().message.isEmpty()) << pump.last().message.toStdString();
    EXPECT_EQ(server->stats().records, waiting);
    EXPECT_EQ(server->stats().orderViolations, 0);

    // A check-in written beside the pump (another connection, as the entry worker's) goes up
    // soon after drainSoon(), long before the 60 s timer.
    const std::int64_t more = checkIns(1);
    ASSERT_GT(more, 0);
    const int before = pump.reports();
    pump.drainSoon();
    pump.drainSoon();  // several nudges make one drain
    ASSERT_TRUE(
        waitUntil([&] { return pump.reports() > before && pump.last().pending == 0; }, 5000));
    EXPECT_EQ(pump.reports(), before + 1);
    EXPECT_EQ(server->stats().records, waiting + more);
    EXPECT_FALSE(pump.drainedOnUiThread());
}

TEST_F(OutboxPumpTest, ARowThatCannotBeUploadedIsCountedRefusedAndTheRestGoUp) {
    checkIns(1);
    // An event whose data is not JSON, written behind the journal's API (a damaged journal).
    ASSERT_TRUE(m_journal->database().exec(
        "INSERT INTO events (visit_id, at, kind, stage, data)"
        " SELECT id, 1795000001000, 'note', 'waiting', '{\"half\": ' FROM visits LIMIT 1"));
    const std::int64_t waiting = checkIns(1);
    auto server = startServer();
    ASSERT_TRUE(server);
    m_config.network.recordsService = server->baseUrl();
    PumpRun pump(m_config, m_dir / "kiosk.db", {60000, 200});

    ASSERT_TRUE(waitUntil([&] { return pump.reports() > 0; }, 10000));
    EXPECT_EQ(pump.last().network, QStringLiteral("online"));
    EXPECT_EQ(pump.last().pending, 0) << pump.last().message.toStdString();
    EXPECT_EQ(pump.last().refused, 1);
    EXPECT_EQ(pump.last().delivered, waiting - 1);
    EXPECT_TRUE(pump.last().message.isEmpty()) << pump.last().message.toStdString();
    EXPECT_EQ(server->stats().records, waiting - 1);
    const auto counts = m_journal->outbox().status();
    ASSERT_TRUE(counts);
    ASSERT_EQ(counts->refusedRecords.size(), 1u);
    EXPECT_EQ(counts->refusedRecords[0].reason.rfind("cannot be made into an upload record: ", 0),
              0u)
        << counts->refusedRecords[0].reason;
}

TEST_F(OutboxPumpTest, NetworkDownRecordsStayPendingAndItSaysOffline) {
    const std::int64_t waiting = checkIns(2);
    int port = 0;
    {
        auto gone = startServer();  // a port nobody listens on any more
        ASSERT_TRUE(gone);
        port = gone->port();
    }
    m_config.network.recordsService = "http://127.0.0.1:" + std::to_string(port);
    PumpRun pump(m_config, m_dir / "kiosk.db", {60000, 200});
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > 0; }, 10000));
    EXPECT_EQ(pump.last().network, QStringLiteral("offline"));
    EXPECT_EQ(pump.last().pending, waiting);
    EXPECT_EQ(pump.last().lastSuccessMs, 0);
    EXPECT_FALSE(pump.last().message.isEmpty());
    EXPECT_EQ(m_journal->outbox().status()->pending, waiting);

    // The service comes back on the same address: the next drain empties the outbox.
    auto back = startServer(port);
    ASSERT_TRUE(back);
    const int before = pump.reports();
    pump.drainNow();
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > before; }, 10000));
    EXPECT_EQ(pump.last().network, QStringLiteral("online"));
    EXPECT_EQ(pump.last().pending, 0);
    EXPECT_EQ(back->stats().records, waiting);
}

TEST_F(OutboxPumpTest, NothingToSendStillTellsOnlineFromOffline) {
    auto server = startServer();
    ASSERT_TRUE(server);
    m_config.network.recordsService = server->baseUrl();
    PumpRun pump(m_config, m_dir / "kiosk.db", {60000, 200});
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > 0; }, 10000));
    EXPECT_EQ(pump.last().network, QStringLiteral("online"));  // GET /healthz answered
    EXPECT_EQ(pump.last().pending, 0);

    server->stop();
    const int before = pump.reports();
    pump.drainNow();
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > before; }, 10000));
    EXPECT_EQ(pump.last().network, QStringLiteral("offline"));
}

TEST_F(OutboxPumpTest, WithoutARecordsServiceTheRecordsWait) {
    const std::int64_t waiting = checkIns(1);
    PumpRun pump(m_config, m_dir / "kiosk.db", {60000, 200});
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > 0; }, 10000));
    EXPECT_EQ(pump.last().network, QStringLiteral("none"));
    EXPECT_EQ(pump.last().pending, waiting);
    EXPECT_FALSE(pump.last().message.isEmpty());  // staff see why nothing goes up
}

TEST_F(OutboxPumpTest, AJournalThatCannotBeOpenedYetIsTriedAgain) {
    auto server = startServer();
    ASSERT_TRUE(server);
    m_config.network.recordsService = server->baseUrl();
    const auto later = m_dir / "later";  // no such folder yet: the journal cannot be opened
    PumpRun pump(m_config, later / "kiosk.db", {60000, 200});
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > 0; }, 10000));
    EXPECT_TRUE(pump.last().message.startsWith(QStringLiteral("outbox: ")))
        << pump.last().message.toStdString();

    std::filesystem::create_directories(later);
    const int before = pump.reports();
    pump.drainNow();
    ASSERT_TRUE(waitUntil([&] { return pump.reports() > before; }, 10000));
    EXPECT_TRUE(pump.last().message.isEmpty()) << pump.last().message.toStdString();
    EXPECT_EQ(pump.last().network, QStringLiteral("online"));
    EXPECT_TRUE(std::filesystem::exists(later / "kiosk.db"));
}

}  // namespace
}  // namespace vax::app
