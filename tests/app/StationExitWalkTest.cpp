// The station and the exit roles walked through on the demo site, without a display: a real
// journal, real signatures and the PNG printer. Codes are fed to the flows as the camera
// would; one PNG per screen into <build>/tests/app-screens/, key texts checked by objectName.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScreen>
#include <QTemporaryDir>
#include <algorithm>
#include <opencv2/imgcodecs.hpp>

#include "AppTestSupport.h"
#include "DemoSeed.h"
#include "ExitFlow.h"
#include "KioskApp.h"
#include "Language.h"
#include "Screenshotter.h"
#include "StaffConsole.h"
#include "StationFlow.h"
#include "config/KioskConfig.h"
#include "ops/Slips.h"
#include "vision/BarcodeDecoder.h"

namespace vax::app {
namespace {

using test::waitUntil;
constexpr std::int64_t kMinuteMs = 60'000;

// Fictional residents not used by the demo's own seeding (valid check digits).
constexpr const char* kAnna = "510107200109052223";
constexpr const char* kBo = "420102199710240357";
constexpr const char* kChen = "320106197511300030";
constexpr const char* kDing = "440304198506120035";

std::int64_t nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

// A 20-digit trace code of the demo's INACT-A, unique within the test run.
QString packCode() {
    static int serial = 0;
    const QString digits = QString::number(nowMs() % 1'000'000'000'000LL).rightJustified(12, u'0') +
                           QString::number(++serial % 10);
    return QStringLiteral("8612345") + digits;
}

class RoleWalk : public ::testing::Test {
protected:
    void start(const char* role, bool camera = false) {
        ASSERT_TRUE(m_folder.isValid());
        AppOptions options;
        options.demo = true;
        options.demoFolder = m_folder.path();
        options.role = QString::fromLatin1(role);
        options.cameraEnabled = camera;
        options.demoUpstream = false;
        ASSERT_EQ(m_app.start(options), QString());
        auto config = loadKioskConfig(m_app.demo()->configPath());
        ASSERT_TRUE(config) << config.error().message;
        m_config = std::move(config).value();
        auto keys = SiteKeys::load(m_config.site.keyFile);
        ASSERT_TRUE(keys) << keys.error().message;
        m_keys = std::move(keys).value();
        auto journal = Journal::open(m_app.demo()->databasePath());
        ASSERT_TRUE(journal) << journal.error().message;
        m_journal.emplace(std::move(journal).value());
        QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
    }

    // A resident checked in and called half an hour ago: the signed slip.
    QString slipFor(const char* idNumber) {
        auto slip = checkInForDemo(m_config, *m_keys, *m_journal, idNumber,
                                   localSiteTime(nowMs() - 30 * kMinuteMs));
        EXPECT_TRUE(slip) << slip.error().message;
        return slip ? QString::fromStdString(*slip) : QString();
    }

    // A resident vaccinated `minutesAgo` minutes ago (negative: in the future): the ticket.
    QString ticketFor(const char* idNumber, int minutesAgo) {
        const std::string slip = slipFor(idNumber).toStdString();
        auto bound = bindAtStation(m_config, *m_keys, *m_journal, slip, packCode().toStdString(),
                                   "station-test", localSiteTime(nowMs() - minutesAgo * kMinuteMs));
        EXPECT_TRUE(bound) << bound.error().message;
        m_lastVisit = bound ? bound->bound.visitId : 0;
        return bound ? QString::fromStdString(bound->bound.ticket) : QString();
    }

    QString text(const char* name) {
        QCoreApplication::processEvents();
        QQuickItem* item =
            test::findVisibleItem(m_app.window()->contentItem(), QString::fromLatin1(name));
        EXPECT_NE(item, nullptr) << "no visible item " << name;
        return item ? item->property("text").toString() : QString();
    }

    bool visible(const char* name) {
        QCoreApplication::processEvents();
        return test::findVisibleItem(m_app.window()->contentItem(), QString::fromLatin1(name));
    }

    void click(const char* name) {
        QCoreApplication::processEvents();
        QQuickItem* item =
            test::findVisibleItem(m_app.window()->contentItem(), QString::fromLatin1(name));
        ASSERT_NE(item, nullptr) << "no visible button " << name;
        QMetaObject::invokeMethod(item, "clicked");
    }

    void shot(const char* name) {
        // Two rounds of events: the Loader's new screen is laid out before it is rendered.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const QString path = QStringLiteral(VAX_SCREENSHOT_DIR "/") + QString::fromLatin1(name) +
                             QStringLiteral(".png");
        EXPECT_TRUE(Screenshotter::save(m_app.window(), path)) << path.toStdString();
    }

    // A kiosk mounted upright (the entry walk's portrait size).
    void portrait() {
        m_app.window()->resize(800, 1280);
        QCoreApplication::processEvents();
    }

    // Every enabled button on the screen is at least 15 mm in both directions.
    void expectTouchTargets(const char* screen) {
        QCoreApplication::processEvents();
        const qreal mm =
            std::max(QGuiApplication::primaryScreen()->physicalDotsPerInch() / 25.4, 3.78);
        EXPECT_EQ(test::smallTouchTargets(m_app.window()->contentItem(), 15 * mm - 0.5),
                  QStringList())
            << screen;
    }

    // The named item lies wholly inside the window: nothing pushed off a narrow screen.
    void expectOnScreen(const char* name) {
        QCoreApplication::processEvents();
        QQuickItem* item =
            test::findVisibleItem(m_app.window()->contentItem(), QString::fromLatin1(name));
        ASSERT_NE(item, nullptr) << "no visible item " << name;
        const QRectF box = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const QRectF window(0, 0, m_app.window()->width(), m_app.window()->height());
        EXPECT_TRUE(window.contains(box)) << name << " at " << box.x() << "," << box.y() << " "
                                          << box.width() << "x" << box.height();
    }

    QTemporaryDir m_folder;
    KioskApp m_app;
    KioskConfig m_config;
    std::optional<SiteKeys> m_keys;
    std::optional<Journal> m_journal;
    std::int64_t m_lastVisit = 0;  // of the last ticketFor()
};

using StationWalk = RoleWalk;
using ExitWalk = RoleWalk;

// The printed dose ticket's QR code, read back from the PNG.
std::string decodeTicket(const QString& png) {
    const cv::Mat image = cv::imread(png.toStdString(), cv::IMREAD_GRAYSCALE);
    if (image.empty()) {
        return {};
    }
    const DecodeResult decoded = decodeGrey(image, DecodeOptions{});
    return decoded.codes.size() == 1 ? decoded.codes[0].text : std::string();
}

TEST_F(StationWalk, SlipThenPackBindsTheDoseAndPrintsItsTicket) {
    start("station");
    StationFlow* flow = m_app.station();
    ASSERT_NE(flow, nullptr);
    EXPECT_EQ(m_app.flow(), nullptr);
    EXPECT_EQ(m_app.exit(), nullptr);
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000))
        << flow->setupError().toStdString();
    shot("station-01-waiting-for-slip");
    EXPECT_FALSE(text("roleName").isEmpty());
    EXPECT_EQ(text("stationTitle"), QStringLiteral("请扫描受种者的排队小票"));
    EXPECT_EQ(text("slipDetail"), QStringLiteral("等待扫描小票"));

    flow->acceptCode(slipFor(kAnna));
    ASSERT_TRUE(waitUntil([&] { return flow->slipState() == QLatin1String("read"); }, 5000));
    EXPECT_EQ(flow->maskedId(), QStringLiteral("5101**********2223"));
    shot("station-02-slip-read");
    EXPECT_EQ(text("stationTitle"), QStringLiteral("请扫描疫苗追溯码"));
    EXPECT_TRUE(text("slipDetail").endsWith(QStringLiteral("5101**********2223")))
        << text("slipDetail").toStdString();

    flow->acceptCode(packCode());
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Bound; }, 5000))
        << int(flow->state()) << " " << flow->result().reason.toStdString();
    const BindResult result = flow->result();
    EXPECT_TRUE(result.printed) << result.printError.toStdString();
    EXPECT_EQ(result.doseNumber, 1);
    shot("station-03-bound");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("已绑定：第 1 剂"));
    EXPECT_EQ(text("ticketPrinting"), QStringLiteral("正在打印接种小票，请交给受种者。"));
    EXPECT_EQ(text("outcomePerson"), QStringLiteral("5101**********2223"));
    EXPECT_TRUE(text("outcomeVaccine").contains(QStringLiteral("INACT")) ||
                text("outcomeVaccine").contains(QStringLiteral("灭活疫苗")));

    // The ticket PNG reads back as this visit's dose ticket, signed by the site.
    const QString png =
        m_app.demoTicketsFolder() + QStringLiteral("/dose-%1.png").arg(result.visitId);
    ASSERT_TRUE(QFile::exists(png)) << png.toStdString();
    const std::string ticket = decodeTicket(png);
    auto trust = loadTrust(m_config);
    ASSERT_TRUE(trust);
    auto verified = trust->verify(ticket, m_config.site.id);
    ASSERT_TRUE(verified) << ticket;
    const auto* dose = std::get_if<DoseTicket>(&verified->body);
    ASSERT_NE(dose, nullptr);
    EXPECT_EQ(dose->visitId, result.visitId);
    EXPECT_EQ(dose->station, "station-demo");

    // A reprint of the last ticket, into its own file; the next person starts clean.
    ASSERT_TRUE(visible("reprintButton"));
    flow->reprintLast();
    ASSERT_TRUE(waitUntil([&] { return flow->reprintState() == QLatin1String("printed"); }, 5000))
        << flow->reprintError().toStdString();
    EXPECT_EQ(decodeTicket(m_app.demoTicketsFolder() +
                           QStringLiteral("/dose-%1-reprint.png").arg(result.visitId)),
              ticket);
    click("nextPersonButton");
    EXPECT_EQ(flow->state(), StationFlow::State::Scan);
    EXPECT_TRUE(flow->maskedId().isEmpty());
    EXPECT_TRUE(flow->canReprint());
}

TEST_F(StationWalk, AReusedCodeIsRefusedWithWhereAndWhen) {
    start("station");
    StationFlow* flow = m_app.station();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000));
    const QString pack = packCode();
    // Pack first works too: the screen asks for the slip.
    flow->acceptCode(pack);
    ASSERT_TRUE(waitUntil([&] { return flow->packState() == QLatin1String("read"); }, 5000));
    EXPECT_EQ(text("stationTitle"), QStringLiteral("请接着扫描受种者的排队小票"));
    flow->acceptCode(slipFor(kAnna));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Bound; }, 5000));
    flow->nextPerson();

    flow->acceptCode(slipFor(kBo));
    ASSERT_TRUE(waitUntil([&] { return flow->slipState() == QLatin1String("read"); }, 5000));
    flow->acceptCode(pack);
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Refused; }, 5000));
    EXPECT_EQ(flow->result().refusal, QStringLiteral("reused_code"));
    ASSERT_EQ(flow->result().earlier.size(), 1);
    shot("station-04-refused-reused-code");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("拒绝：该疫苗追溯码已使用过"));
    EXPECT_EQ(text("refusalAction"), QStringLiteral("请勿使用此支疫苗，为同一受种者扫描另一支。"));
    EXPECT_TRUE(text("earlierUse").contains(QStringLiteral("station-demo")))
        << text("earlierUse").toStdString();
    EXPECT_EQ(text("outcomePerson"), QStringLiteral("4201**********0357"));
    m_app.language()->toggle();
    shot("station-04-refused-reused-code-english");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("Refused: this vaccine code was already used"));
    m_app.language()->toggle();

    // The slip stays read: another pack binds the same person.
    EXPECT_EQ(flow->slipState(), QStringLiteral("read"));
    flow->acceptCode(packCode());
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Bound; }, 5000))
        << flow->result().reason.toStdString();
    EXPECT_EQ(flow->result().maskedId, QStringLiteral("4201**********0357"));
}

TEST_F(StationWalk, WrongCodesExpiredPacksAndForgedSlipsAreRefused) {
    start("station");
    StationFlow* flow = m_app.station();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000));

    // A resident's ID at the station: says what to scan instead.
    flow->acceptCode(QString::fromStdString(KioskDemo::residentIdCode()));
    EXPECT_EQ(flow->scanProblem(), QStringLiteral("not_station_code"));
    shot("station-05-wrong-code");
    EXPECT_EQ(text("scanProblem"), QStringLiteral("⚠ 这不是排队小票，也不是疫苗追溯码。"));

    // A dose ticket where the slip is expected.
    flow->acceptCode(ticketFor(kChen, 5));
    ASSERT_TRUE(
        waitUntil([&] { return flow->scanProblem() == QLatin1String("dose_ticket"); }, 5000));
    EXPECT_EQ(flow->slipState(), QStringLiteral("none"));

    // An expired pack (GS1, expiry 2020-01-01).
    flow->acceptCode(QStringLiteral("(01)02001234000017(17)200101(10)OLD1(21)0000001"));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Refused; }, 5000));
    EXPECT_EQ(flow->result().refusal, QStringLiteral("expired"));
    shot("station-06-refused-expired");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("拒绝：疫苗已过期"));

    // A slip signed with keys this site does not know.
    QTemporaryDir other;
    auto otherJournal = Journal::open(other.filePath(QStringLiteral("other.db")).toStdString());
    ASSERT_TRUE(otherJournal);
    const SiteKeys stranger = SiteKeys::generate();
    auto forged = checkInForDemo(m_config, stranger, *otherJournal, kBo,
                                 localSiteTime(nowMs() - 10 * kMinuteMs));
    ASSERT_TRUE(forged) << forged.error().message;
    flow->acceptCode(QString::fromStdString(*forged));
    ASSERT_TRUE(waitUntil(
        [&] {
            return flow->state() == StationFlow::State::Refused &&
                   flow->result().refusal == QLatin1String("forged_slip");
        },
        5000))
        << flow->result().refusal.toStdString();
    shot("station-07-refused-forged-slip");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("拒绝：小票不是本接种点签发的真票"));
}

TEST_F(ExitWalk, MayLeaveAfterTheObservationTime) {
    start("exit");
    ExitFlow* flow = m_app.exit();
    ASSERT_NE(flow, nullptr);
    EXPECT_EQ(m_app.station(), nullptr);
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000))
        << flow->setupError().toStdString();
    shot("exit-00-scan");
    EXPECT_EQ(text("exitTitle"), QStringLiteral("请扫描您的接种小票"));

    flow->acceptCode(ticketFor(kAnna, 40));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    EXPECT_EQ(flow->result().verdict, QStringLiteral("may_leave"))
        << flow->result().reason.toStdString();
    shot("exit-01-may-leave");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("您可以离开了"));
    EXPECT_EQ(text("verdictMark"), QStringLiteral("✓"));
    m_app.language()->toggle();
    shot("exit-01-may-leave-english");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("You may leave"));
    m_app.language()->toggle();

    // A tap goes back to scanning.
    flow->dismiss();
    EXPECT_EQ(flow->state(), ExitFlow::State::Scan);
}

// The exit loads its trust (here the site's key file) once, when it starts: a key file replaced
// between two scans changes nothing until the device restarts, and no scan reads the file again.
TEST_F(ExitWalk, TheTrustListIsLoadedAtStartNotAtEachScan) {
    start("exit");
    ExitFlow* flow = m_app.exit();
    ASSERT_NE(flow, nullptr);
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000))
        << flow->setupError().toStdString();
    const QString first = ticketFor(kAnna, 40);
    const QString second = ticketFor(kBo, 40);
    flow->acceptCode(first);
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    EXPECT_EQ(flow->result().verdict, QStringLiteral("may_leave"))
        << flow->result().reason.toStdString();
    flow->dismiss();

    // Another site's keys in place of the file: a scan that read it again would call the
    // ticket forged.
    std::filesystem::remove(m_config.site.keyFile);
    ASSERT_TRUE(SiteKeys::generate().saveNew(m_config.site.keyFile));
    flow->acceptCode(second);
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    EXPECT_EQ(flow->result().verdict, QStringLiteral("may_leave"))
        << flow->result().reason.toStdString();
    EXPECT_EQ(flow->result().problem, QString());
}

TEST_F(ExitWalk, MinutesLeftSaysUntilWhen) {
    start("exit");
    ExitFlow* flow = m_app.exit();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000));
    flow->setResultTimeoutMs(400);
    flow->acceptCode(ticketFor(kAnna, 10));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    const ExitResult result = flow->result();
    EXPECT_EQ(result.verdict, QStringLiteral("minutes_left"));
    EXPECT_EQ(result.minutesLeft, 20);
    shot("exit-02-minutes-left");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("还需留观 20 分钟"));
    EXPECT_EQ(text("verdictDetail"), QStringLiteral("请在留观区停留至 %1。").arg(result.endsAt));
    // Back to scanning by itself.
    EXPECT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Scan; }, 3000));
}

TEST_F(ExitWalk, NotValidAndClockSkewSendToStaff) {
    start("exit");
    ExitFlow* flow = m_app.exit();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000));

    flow->acceptCode(slipFor(kBo));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    EXPECT_EQ(flow->result().verdict, QStringLiteral("not_valid"));
    EXPECT_EQ(flow->result().problem, QStringLiteral("queue_slip"));
    shot("exit-03-not-valid");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("无效"));
    EXPECT_EQ(text("verdictMark"), QStringLiteral("✗"));
    EXPECT_EQ(text("verdictDetail"), QStringLiteral("这是排队小票。请扫描接种台打印的接种小票。"));

    flow->acceptCode(QString::fromStdString(KioskDemo::residentIdCode()));
    EXPECT_EQ(flow->result().problem, QStringLiteral("not_ticket"));

    // Vaccinated "in ten minutes": the clocks disagree; never a may-leave.
    flow->acceptCode(ticketFor(kChen, -10));
    ASSERT_TRUE(
        waitUntil([&] { return flow->result().verdict == QLatin1String("clock_skew"); }, 5000))
        << flow->result().verdict.toStdString();
    shot("exit-04-clock-skew");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("请联系工作人员"));
}

TEST_F(ExitWalk, ObservationListFlagsTheOverdue) {
    start("exit");
    ExitFlow* flow = m_app.exit();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000));
    // Besides the demo's three (one overdue), one more overdue and one under care.
    ticketFor(kAnna, 70);
    ticketFor(kBo, 5);
    ReactionRecord rash;
    rash.visitId = m_lastVisit;
    rash.category = ReactionCategory::AllergicRash;
    rash.onsetAtMs = rash.atMs = nowMs();
    rash.action = "antihistamine";
    rash.outcome = "observed";
    rash.staff = "dr-01";
    ASSERT_TRUE(m_journal->reactions().recordReaction(rash));
    click("observationButton");
    ObservationModel* list = flow->observation();
    ASSERT_TRUE(waitUntil([&] { return list->rowCount() == 5; }, 5000)) << list->rowCount();
    EXPECT_EQ(list->overdueCount(), 2);
    shot("exit-05-observation-list");
    EXPECT_EQ(text("observationTitle"), QStringLiteral("留观人数：5"));
    EXPECT_EQ(text("overdueFlag"), QStringLiteral("⚠ 超时未离开"));
    EXPECT_TRUE(visible("rowStatus"));
    m_app.language()->toggle();
    shot("exit-05-observation-list-english");
    EXPECT_EQ(text("overdueFlag"), QStringLiteral("⚠ Overdue: not scanned out"));
    m_app.language()->toggle();
    EXPECT_FALSE(text("observationUpdated").isEmpty());

    click("backToScanButton");
    EXPECT_EQ(text("observationButton"), QStringLiteral("⚠ 留观中：5 人（2 人超时）"));
    shot("exit-06-scan-with-overdue");
}

// A station mounted upright: the camera on top, the two steps under it, the actions at the
// bottom; the outcome's mark above its title. Nothing cut off, every button a full target.
TEST_F(StationWalk, PortraitScanAndOutcome) {
    start("station");
    portrait();
    StationFlow* flow = m_app.station();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000))
        << flow->setupError().toStdString();
    shot("station-11-portrait-waiting-for-slip");
    expectTouchTargets("station-11-portrait-waiting-for-slip");
    EXPECT_EQ(text("stationTitle"), QStringLiteral("请扫描受种者的排队小票"));
    EXPECT_EQ(text("slipDetail"), QStringLiteral("等待扫描小票"));
    EXPECT_EQ(text("packDetail"), QStringLiteral("等待扫描疫苗追溯码"));
    expectOnScreen("cameraBand");
    expectOnScreen("stationHint");

    const QString pack = packCode();
    flow->acceptCode(slipFor(kAnna));
    ASSERT_TRUE(waitUntil([&] { return flow->slipState() == QLatin1String("read"); }, 5000));
    shot("station-12-portrait-slip-read");
    expectTouchTargets("station-12-portrait-slip-read");
    EXPECT_EQ(text("stationTitle"), QStringLiteral("请扫描疫苗追溯码"));
    EXPECT_TRUE(text("slipDetail").endsWith(QStringLiteral("5101**********2223")))
        << text("slipDetail").toStdString();
    expectOnScreen("startOverButton");
    expectOnScreen("packStep");

    flow->acceptCode(pack);
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Bound; }, 5000))
        << flow->result().reason.toStdString();
    shot("station-13-portrait-bound");
    expectTouchTargets("station-13-portrait-bound");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("已绑定：第 1 剂"));
    EXPECT_EQ(text("ticketPrinting"), QStringLiteral("正在打印接种小票，请交给受种者。"));
    EXPECT_EQ(text("outcomePerson"), QStringLiteral("5101**********2223"));
    expectOnScreen("outcomeMark");
    expectOnScreen("reprintButton");
    expectOnScreen("nextPersonButton");
    m_app.language()->toggle();
    shot("station-13-portrait-bound-english");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("Bound: dose 1"));
    expectOnScreen("nextHint");
    m_app.language()->toggle();
    click("largeTextSwitch");
    shot("station-13-portrait-bound-large-text");
    expectTouchTargets("station-13-portrait-bound-large-text");
    expectOnScreen("languageSwitch");
    expectOnScreen("ticketPrinting");
    expectOnScreen("nextPersonButton");
    click("largeTextSwitch");

    // The same pack for the next person: the refusal with where the code was used.
    click("nextPersonButton");
    flow->acceptCode(slipFor(kBo));
    ASSERT_TRUE(waitUntil([&] { return flow->slipState() == QLatin1String("read"); }, 5000));
    flow->acceptCode(pack);
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Refused; }, 5000));
    shot("station-14-portrait-refused");
    expectTouchTargets("station-14-portrait-refused");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("拒绝：该疫苗追溯码已使用过"));
    EXPECT_TRUE(text("earlierUse").contains(QStringLiteral("station-demo")))
        << text("earlierUse").toStdString();
    expectOnScreen("refusalAction");
    expectOnScreen("nextPersonButton");
}

// An exit mounted upright: camera above the words, the verdicts as large as the width
// allows, the observation list with its columns still readable.
TEST_F(ExitWalk, PortraitVerdictsAndObservationList) {
    start("exit");
    portrait();
    ExitFlow* flow = m_app.exit();
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000))
        << flow->setupError().toStdString();
    flow->setResultTimeoutMs(60'000);  // the verdicts stay while they are looked at
    shot("exit-10-portrait-scan");
    expectTouchTargets("exit-10-portrait-scan");
    EXPECT_EQ(text("exitTitle"), QStringLiteral("请扫描您的接种小票"));
    expectOnScreen("exitHint");
    expectOnScreen("observationButton");

    flow->acceptCode(ticketFor(kAnna, 40));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    ASSERT_EQ(flow->result().verdict, QStringLiteral("may_leave"));
    shot("exit-11-portrait-may-leave");
    expectTouchTargets("exit-11-portrait-may-leave");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("您可以离开了"));
    EXPECT_EQ(text("verdictMark"), QStringLiteral("✓"));
    expectOnScreen("verdictTitle");
    expectOnScreen("verdictTap");
    m_app.language()->toggle();
    shot("exit-11-portrait-may-leave-english");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("You may leave"));
    expectOnScreen("verdictDetail");
    m_app.language()->toggle();
    flow->dismiss();

    flow->acceptCode(ticketFor(kBo, 10));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    ASSERT_EQ(flow->result().verdict, QStringLiteral("minutes_left"));
    shot("exit-12-portrait-minutes-left");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("还需留观 20 分钟"));
    EXPECT_TRUE(visible("verdictClock"));
    expectOnScreen("verdictDetail");
    flow->dismiss();

    flow->acceptCode(slipFor(kChen));
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 5000));
    ASSERT_EQ(flow->result().verdict, QStringLiteral("not_valid"));
    shot("exit-13-portrait-not-valid");
    EXPECT_EQ(text("verdictTitle"), QStringLiteral("无效"));
    EXPECT_EQ(text("verdictMark"), QStringLiteral("✗"));
    EXPECT_EQ(text("verdictDetail"), QStringLiteral("这是排队小票。请扫描接种台打印的接种小票。"));
    expectOnScreen("verdictTap");
    flow->dismiss();

    // Besides the demo's three and the one with minutes left: one more overdue.
    ticketFor(kDing, 70);
    click("observationButton");
    ObservationModel* list = flow->observation();
    ASSERT_TRUE(waitUntil([&] { return list->rowCount() >= 4 && list->overdueCount() >= 2; }, 5000))
        << list->rowCount();
    shot("exit-14-portrait-observation-list");
    expectTouchTargets("exit-14-portrait-observation-list");
    EXPECT_EQ(text("observationTitle"), QStringLiteral("留观人数：%1").arg(list->rowCount()));
    EXPECT_EQ(text("overdueFlag"), QStringLiteral("⚠ 超时未离开"));
    EXPECT_TRUE(visible("rowStatus"));
    expectOnScreen("observationUpdated");
    expectOnScreen("backToScanButton");
    m_app.language()->toggle();
    shot("exit-14-portrait-observation-list-english");
    EXPECT_EQ(text("overdueFlag"), QStringLiteral("⚠ Overdue: not scanned out"));
    m_app.language()->toggle();
    click("backToScanButton");
    EXPECT_TRUE(visible("exitTitle"));
}

// The demo camera end to end: drawn slips and pack labels -> vision -> the station flow.
// A staff console binds doses too, in its Station page, behind the PIN: codes the camera reads
// reach the binding only while that page is open.
TEST_F(StationWalk, StaffConsoleBindsInItsStationPage) {
    start("console");
    StationFlow* flow = m_app.station();
    ASSERT_NE(flow, nullptr);
    ASSERT_TRUE(waitUntil([&] { return flow->ready(); }, 10000))
        << flow->setupError().toStdString();
    StaffConsole* staff = m_app.staff();
    ASSERT_TRUE(waitUntil([&] { return staff->ready(); }, 10000));
    const QString slip = slipFor(kAnna);
    Q_EMIT m_app.camera()->newCode(slip);  // signed out: nothing happens
    EXPECT_EQ(flow->slipState(), QStringLiteral("none"));

    staff->login(QStringLiteral("demo-nurse"), QString::fromStdString(KioskDemo::staffPin()));
    ASSERT_TRUE(waitUntil([&] { return staff->signedIn(); }, 10000));
    Q_EMIT m_app.camera()->newCode(slip);  // another page is open: still nothing
    EXPECT_EQ(flow->slipState(), QStringLiteral("none"));
    click("staffTab_station");
    ASSERT_TRUE(waitUntil([&] { return visible("stationTitle"); }, 5000));
    EXPECT_EQ(text("stationTitle"), QStringLiteral("请扫描受种者的排队小票"));
    shot("station-19-staff-console-scan");
    expectTouchTargets("station-19-staff-console-scan");

    Q_EMIT m_app.camera()->newCode(slip);
    ASSERT_TRUE(waitUntil([&] { return flow->slipState() == QLatin1String("read"); }, 5000));
    Q_EMIT m_app.camera()->newCode(packCode());  // a 1D trace code: the console reads those now
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Bound; }, 5000))
        << int(flow->state()) << " " << flow->result().reason.toStdString();
    EXPECT_TRUE(flow->result().printed) << flow->result().printError.toStdString();
    shot("station-20-staff-console-bound");
    EXPECT_EQ(text("outcomeTitle"), QStringLiteral("已绑定：第 1 剂"));
    EXPECT_TRUE(visible("staffTab_station"));
    expectTouchTargets("station-20-staff-console-bound");
}

TEST_F(StationWalk, DemoCameraBindsTheFirstPerson) {
    start("station", true);
    StationFlow* flow = m_app.station();
    ASSERT_TRUE(waitUntil([&] { return flow->state() == StationFlow::State::Bound; }, 30000))
        << "slip " << flow->slipState().toStdString() << ", pack "
        << flow->packState().toStdString() << ", state " << int(flow->state());
    EXPECT_EQ(flow->result().maskedId, QStringLiteral("1101**********1234"));
    shot("station-08-demo-camera-bound");
}

TEST_F(ExitWalk, DemoCameraLetsTheFirstPersonLeave) {
    start("exit", true);
    ExitFlow* flow = m_app.exit();
    ASSERT_TRUE(waitUntil([&] { return flow->state() == ExitFlow::State::Result; }, 20000));
    EXPECT_EQ(flow->result().verdict, QStringLiteral("may_leave"))
        << flow->result().reason.toStdString();
}

}  // namespace
}  // namespace vax::app
