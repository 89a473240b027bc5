// The wall screens on a real site server (the fixture's PostgreSQL cluster): the call screen
// (叫号屏) shows a call made at a console within a second, with recalls and skips, and the
// observation board (留观屏) lists every station's doses with their countdowns. One PNG each
// into <build>/tests/app-screens/.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <fstream>

#include "AppTestSupport.h"
#include "KioskApp.h"
#include "Language.h"
#include "LocalClock.h"
#include "Screenshotter.h"
#include "WallScreen.h"
#include "site/SiteBindings.h"
#include "site/SiteFixture.h"
#include "site/SiteQueue.h"

namespace vax::app {
namespace {

using test::waitUntil;

constexpr std::int64_t kMinuteMs = 60'000;

class WallScreenTest : public test::SiteDbTest {
protected:
    void startApp(const char* role) {
        ASSERT_TRUE(m_dir.isValid());
        const std::string configPath =
            QString(m_dir.path() + QStringLiteral("/kiosk.toml")).toStdString();
        std::ofstream(configPath) << "[site]\nid = \"WALL-1\"\nname = \"Wall test site\"\nrole = \""
                                  << role << "\"\n[network]\ndevice_id = \"wall-1\"\n"
                                  << "[site_server]\nurl = \"" << m_cluster->uri(m_database)
                                  << "\"\nsslmode = \"disable\"\n";
        AppOptions options;
        options.configPath = QString::fromStdString(configPath);
        options.databasePath = m_dir.path() + QStringLiteral("/kiosk.db");
        options.cameraEnabled = false;
        options.demoUpstream = false;
        ASSERT_EQ(m_app.start(options), QString());
        ASSERT_NE(m_app.wall(), nullptr);
        m_app.language()->setCode(QStringLiteral("en"));  // texts checked in English
        ASSERT_TRUE(waitUntil([&] { return m_app.wall()->online(); }, 10'000))
            << m_app.wall()->error().toStdString();
        QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
    }

    QQuickItem* item(QQuickItem* under, const char* name) {
        return test::findVisibleItem(under ? under : m_app.window()->contentItem(),
                                     QString::fromLatin1(name));
    }
    QString textOf(QQuickItem* under, const char* name) {
        QQuickItem* found = item(under, name);
        return found ? found->property("text").toString()
                     : QStringLiteral("<%1 not shown>").arg(QLatin1String(name));
    }
    void shoot(const char* name) {
        const QString path = QStringLiteral(VAX_SCREENSHOT_DIR "/%1.png").arg(QLatin1String(name));
        EXPECT_TRUE(Screenshotter::save(m_app.window(), path)) << path.toStdString();
    }

    SiteDevice device(const char* id, const char* role) { return {"WALL-1", id, role}; }

    QTemporaryDir m_dir;
    KioskApp m_app;
};

TEST_F(WallScreenTest, TheCallScreenShowsACallWithinASecondWithRecallsAndSkips) {
    startApp("callboard");
    m_app.window()->resize(1920, 1080);
    const LocalMoment now = localNow();
    const std::string day = now.date.iso();
    PgConnection entry = connection();
    SiteQueue kiosk(entry, device("entry-1", "entry"));
    for (int i = 0; i < 14; ++i) {
        NumberRequest request;
        request.day = day;
        request.personHash = "person-" + std::to_string(i);
        request.maskedId = "1101**********00" + std::to_string(10 + i);
        request.atMs = now.unixMs;
        ASSERT_TRUE(kiosk.issue(request)) << i;
    }
    PgConnection console = connection();
    SiteQueue desks(console, device("console-1", "console"));

    QElapsedTimer called;
    called.start();
    ASSERT_TRUE(desks.callNext(day, 'A', 3, now.unixMs + 1000));
    QQuickItem* deskA = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            deskA = item(nullptr, "callDeskA");
            return deskA && textOf(deskA, "calledNumbers") == QStringLiteral("A001–A003");
        },
        5000));
    const qint64 toScreenMs = called.elapsed();
    EXPECT_LT(toScreenMs, 1000) << "the call reached the screen after " << toScreenMs << " ms";
    EXPECT_EQ(textOf(deskA, "callSentence").section(u'\n', 0, 0),
              QStringLiteral("请 A001–A003 到 A 登记台"));
    EXPECT_EQ(textOf(deskA, "waiting"), QStringLiteral("Waiting: 4"));
    EXPECT_TRUE(m_app.wall()->spoken().contains(QStringLiteral("请 A001–A003 到 A 登记台")));

    // B: two called, one of them missed (过号) and called again (重呼).
    ASSERT_TRUE(desks.callNext(day, 'B', 3, now.unixMs + 2000));
    ASSERT_TRUE(desks.skip(day, {'B', 2}, now.unixMs + 3000));
    ASSERT_TRUE(desks.skip(day, {'B', 3}, now.unixMs + 3000));
    ASSERT_TRUE(desks.recall(day, {'B', 3}, now.unixMs + 4000));
    QQuickItem* deskB = nullptr;
    ASSERT_TRUE(waitUntil(
        [&] {
            deskB = item(nullptr, "callDeskB");
            return deskB && item(deskB, "recalled") != nullptr;
        },
        5000));
    EXPECT_EQ(textOf(deskB, "calledNumbers"), QStringLiteral("B001、B003"));
    EXPECT_EQ(textOf(deskB, "recalledText"), QStringLiteral("Called again: B003"));
    EXPECT_EQ(textOf(deskB, "skipped"), QStringLiteral("Missed: B002"));
    EXPECT_EQ(textOf(nullptr, "roleName"), QStringLiteral("Call screen"));
    shoot("callboard");
    m_app.language()->setCode(QStringLiteral("zh"));  // as the hall sees it
    ASSERT_TRUE(waitUntil(
        [&] {
            return textOf(item(nullptr, "callDeskB"), "waiting") == QStringLiteral("等候 4 人");
        },
        2000));
    shoot("callboard-zh");
    m_app.language()->setCode(QStringLiteral("en"));

    // The server goes away: the screen keeps the calls and says they may be old; it reads
    // the board again once it is back, and a call made while it was away shows.
    m_cluster->killImmediately();
    ASSERT_TRUE(waitUntil([&] { return !m_app.wall()->online(); }, 10'000));
    EXPECT_EQ(textOf(item(nullptr, "callDeskA"), "calledNumbers"), QStringLiteral("A001–A003"));
    EXPECT_TRUE(
        textOf(nullptr, "wallState").startsWith(QStringLiteral("Site server not reachable")));
    m_cluster->start();
    PgConnection again = connection();
    ASSERT_TRUE(
        SiteQueue(again, device("console-1", "console")).callNext(day, 'A', 2, now.unixMs + 9000));
    ASSERT_TRUE(waitUntil(
        [&] {
            return textOf(item(nullptr, "callDeskA"), "calledNumbers") ==
                   QStringLiteral("A001–A005");
        },
        15'000))
        << textOf(item(nullptr, "callDeskA"), "calledNumbers").toStdString();
    EXPECT_TRUE(m_app.wall()->online());
}

TEST_F(WallScreenTest, TheObservationBoardCountsDownEveryStationsDoses) {
    const LocalMoment now = localNow();
    const std::string day = now.date.iso();
    PgConnection conn = connection();
    SiteQueue kiosk(conn, device("entry-1", "entry"));
    const struct {
        const char* station;
        std::int64_t endsInMs;
    } doses[] = {{"Station 1", 25 * kMinuteMs},
                 {"Station 2", 4 * kMinuteMs},
                 {"Station 2", -20 * kMinuteMs}};
    int i = 0;
    for (const auto& dose : doses) {
        NumberRequest request;
        request.day = day;
        request.personHash = "obs-" + std::to_string(i);
        request.maskedId = "3201**********003" + std::to_string(i);
        request.atMs = now.unixMs - 40 * kMinuteMs;
        auto number = kiosk.issue(request);
        ASSERT_TRUE(number);
        CodeClaimRequest claim;
        claim.traceCode = "8612345000000000000" + std::to_string(i);
        claim.day = day;
        claim.number = number->number;
        claim.personHash = request.personHash;
        claim.maskedId = request.maskedId;
        claim.productCode = "INACT-A";
        claim.station = dose.station;
        claim.atMs = now.unixMs - 30 * kMinuteMs;
        claim.observationEndsAtMs = now.unixMs + dose.endsInMs;
        claim.confirmed = i != 1;
        ASSERT_TRUE(SiteBindings(conn, device("station-x", "station")).claim(claim));
        ++i;
    }
    startApp("board");
    ASSERT_TRUE(waitUntil([&] { return m_app.wall()->people().size() == 3; }, 10'000));
    EXPECT_EQ(m_app.wall()->overdueCount(), 1);
    ASSERT_TRUE(waitUntil(
        [&] {
            return textOf(nullptr, "boardTitle") ==
                   QStringLiteral("In observation: 3 · overdue: 1 · under care: 0");
        },
        3000))
        << textOf(nullptr, "boardTitle").toStdString();
    EXPECT_EQ(textOf(nullptr, "roleName"), QStringLiteral("Observation board"));
    shoot("board");
    m_app.language()->setCode(QStringLiteral("zh"));
    ASSERT_TRUE(waitUntil(
        [&] {
            return textOf(nullptr, "boardTitle") ==
                   QStringLiteral("留观中 3 人 · 超时 1 人 · 处置中 0 人");
        },
        2000));
    shoot("board-zh");
}

}  // namespace
}  // namespace vax::app
