// The staff console on the demo entry kiosk, driven as staff use it: the PIN keypad, the
// lockout (which outlives a restart), decisions on a visit awaiting review, calling a batch,
// typed ID numbers with the check digit judged live, today's figures and the idle logout. One
// PNG per staff screen, and the audit log read back from the journal.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QInputMethod>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QScreen>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>

#include "AppTestSupport.h"
#include "EntryFlow.h"
#include "KioskApp.h"
#include "Screenshotter.h"
#include "StaffConsole.h"
#include "store/Journal.h"

namespace {

using vax::app::EntryFlow;
using vax::app::KioskApp;
using vax::app::StaffConsole;
using vax::test::findVisibleItem;
using vax::test::waitUntil;

struct AuditRow {
    std::string staff;
    std::string action;
    std::string reason;
    std::string detail;
};

class StaffConsoleWalk : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_folder.isValid());
        QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
        startApp();
    }

    void startApp() {
        m_app = std::make_unique<KioskApp>();
        vax::app::AppOptions options;
        options.demo = true;
        options.demoFolder = m_folder.path();
        options.cameraEnabled = false;  // the test shows the codes itself
        options.demoUpstream = false;   // offline signed codes are enough here
        ASSERT_EQ(m_app->start(options), QString());
        ASSERT_TRUE(waitUntil([&] { return m_app->flow()->ready() && staff()->ready(); }, 15000))
            << m_app->flow()->setupError().toStdString();
    }

    StaffConsole* staff() { return m_app->staff(); }

    QQuickItem* item(const QString& name) {
        QCoreApplication::processEvents();
        return findVisibleItem(m_app->window()->contentItem(), name);
    }

    QString text(const QString& name) {
        QQuickItem* found = item(name);
        EXPECT_NE(found, nullptr) << "no visible item " << name.toStdString();
        return found ? found->property("text").toString() : QString();
    }

    void shot(const QString& name) {
        QCoreApplication::processEvents();
        const QString path = QStringLiteral(VAX_SCREENSHOT_DIR "/") + name + QStringLiteral(".png");
        EXPECT_TRUE(vax::app::Screenshotter::save(m_app->window(), path)) << path.toStdString();
        // Every button on every staff screen is at least 15 mm in both directions.
        const qreal mm =
            std::max(QGuiApplication::primaryScreen()->physicalDotsPerInch() / 25.4, 3.78);
        EXPECT_EQ(vax::test::smallTouchTargets(m_app->window()->contentItem(), 15 * mm - 0.5),
                  QStringList())
            << name.toStdString();
    }

    // The named item lies wholly inside the window: nothing pushed off a narrow screen.
    void expectOnScreen(const QString& name) {
        QQuickItem* found = item(name);
        ASSERT_NE(found, nullptr) << "no visible item " << name.toStdString();
        const QRectF box = found->mapRectToScene(QRectF(0, 0, found->width(), found->height()));
        const QRectF window(0, 0, m_app->window()->width(), m_app->window()->height());
        EXPECT_TRUE(window.contains(box)) << name.toStdString() << " at " << box.x() << ","
                                          << box.y() << " " << box.width() << "x" << box.height();
    }

    // The named item's bottom edge lies above the on-screen keyboard (which must be up).
    void expectAboveKeyboard(const QString& name) {
        QQuickItem* found = item(name);
        QQuickItem* keyboard = item(QStringLiteral("keyboard"));
        ASSERT_NE(found, nullptr) << "no visible item " << name.toStdString();
        ASSERT_NE(keyboard, nullptr) << "the keyboard is not up";
        const qreal bottom = found->mapToScene(QPointF(0, found->height())).y();
        EXPECT_LE(bottom, keyboard->mapToScene(QPointF(0, 0)).y())
            << "the keyboard covers " << name.toStdString();
        EXPECT_GE(found->mapToScene(QPointF(0, 0)).y(), 0) << name.toStdString() << " pushed off";
    }

    // Focuses a text field as a tap does, with the on-screen keyboard up.
    void typeInto(const QString& name) {
        QQuickItem* field = item(name);
        ASSERT_NE(field, nullptr) << name.toStdString();
        m_app->window()->requestActivate();
        field->forceActiveFocus();
        QGuiApplication::inputMethod()->show();
        ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("keyboard")) != nullptr; }, 5000));
    }

    // Opens a page of the console by its tab, as staff tap it.
    void openTab(const QString& key, const QString& shows) {
        QQuickItem* tab = item(QStringLiteral("staffTab_") + key);
        ASSERT_NE(tab, nullptr) << key.toStdString();
        QMetaObject::invokeMethod(tab, "clicked");
        ASSERT_TRUE(waitUntil([&] { return item(shows) != nullptr; }, 5000)) << shows.toStdString();
    }

    // Signs in as the demo nurse; each attempt waits for the worker's answer.
    bool login(const QString& pin) {
        staff()->login(QStringLiteral("demo-nurse"), pin);
        return waitUntil([&] { return !staff()->busy(); }, 10000);
    }

    // A resident whose "not sure" answer sends them to staff review.
    void residentAwaitingReview() {
        EntryFlow* flow = m_app->flow();
        flow->acceptCode(QString::fromStdString(
            m_app->demo()->freshHealthCode(QDateTime::currentSecsSinceEpoch())));
        flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
        ASSERT_TRUE(waitUntil([&] { return flow->canProceed(); }, 5000));
        flow->proceed();
        ASSERT_TRUE(waitUntil([&] { return flow->state() == EntryFlow::State::Questions; }, 10000));
        for (int i = 0; i < flow->questionCount(); ++i) {
            flow->answer(i == 2 ? 2 : 0);
        }
        ASSERT_TRUE(waitUntil([&] { return flow->resultReady(); }, 5000));
        ASSERT_EQ(flow->result().outcome, QStringLiteral("staff_review"));
        flow->restart();
    }

    std::vector<AuditRow> auditRows() {
        std::vector<AuditRow> rows;
        auto journal = vax::Journal::open(m_app->demo()->databasePath());
        EXPECT_TRUE(journal) << journal.error().message;
        if (!journal) {
            return rows;
        }
        auto st = journal->database().query(
            "SELECT staff, action, reason, detail FROM audit ORDER BY id", [](vax::Statement&) {},
            [&](const vax::Statement& s) {
                rows.push_back({std::string(s.text(0)), std::string(s.text(1)),
                                std::string(s.text(2)), std::string(s.text(3))});
            });
        EXPECT_TRUE(st) << st.error().message;
        return rows;
    }

    static int count(const std::vector<AuditRow>& rows, const std::string& action) {
        return int(std::count_if(rows.begin(), rows.end(),
                                 [&](const AuditRow& r) { return r.action == action; }));
    }

    QTemporaryDir m_folder;
    std::unique_ptr<KioskApp> m_app;
};

TEST_F(StaffConsoleWalk, FiveWrongPinsLockTheConsoleEvenAfterARestart) {
    staff()->show();
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("pinPad")) != nullptr; }, 5000));
    shot(QStringLiteral("30-staff-sign-in"));
    EXPECT_EQ(text(QStringLiteral("staffHeader")), QStringLiteral("工作人员"));
    EXPECT_NE(item(QStringLiteral("staffBand")), nullptr);
    EXPECT_NE(item(QStringLiteral("statusStrip")), nullptr);
    EXPECT_TRUE(text(QStringLiteral("demoPin")).contains(QStringLiteral("2468")));

    for (int i = 1; i <= 4; ++i) {
        ASSERT_TRUE(login(QStringLiteral("1111")));
        EXPECT_FALSE(staff()->signedIn());
        EXPECT_EQ(staff()->loginProblem(), QStringLiteral("wrong_pin"));
        EXPECT_EQ(staff()->triesLeft(), 5 - i);
    }
    shot(QStringLiteral("31-staff-wrong-pin"));
    EXPECT_TRUE(text(QStringLiteral("loginMessage")).contains(QStringLiteral("1")));
    ASSERT_TRUE(login(QStringLiteral("2222")));
    EXPECT_EQ(staff()->loginProblem(), QStringLiteral("locked_out"));
    EXPECT_GT(staff()->lockedSeconds(), 290);
    // Locked: even the right PIN is refused, and the keypad is off.
    ASSERT_TRUE(login(QStringLiteral("2468")));
    EXPECT_FALSE(staff()->signedIn());
    shot(QStringLiteral("32-staff-locked"));
    EXPECT_FALSE(item(QStringLiteral("pinPad"))->isEnabled());
    EXPECT_TRUE(text(QStringLiteral("loginMessage"))
                    .contains(QRegularExpression(QStringLiteral("[45]:[0-5][0-9]"))))
        << text(QStringLiteral("loginMessage")).toStdString();

    // A restart does not open the lock: it is counted from the journal's audit rows.
    m_app.reset();
    startApp();
    staff()->show();
    ASSERT_TRUE(waitUntil([&] { return staff()->lockedSeconds() > 0; }, 5000));
    EXPECT_EQ(staff()->loginProblem(), QStringLiteral("locked_out"));

    const auto rows = auditRows();
    EXPECT_EQ(count(rows, "staff_login_failed"), 5);
    EXPECT_EQ(count(rows, "staff_login"), 0);
    for (const AuditRow& row : rows) {
        EXPECT_EQ(row.detail.find("2468"), std::string::npos) << row.detail;
        EXPECT_EQ(row.detail.find("1111"), std::string::npos) << row.detail;
    }
}

TEST_F(StaffConsoleWalk, NurseDecidesCallsTypesAnIdAndSeesTodaysFigures) {
    residentAwaitingReview();
    staff()->show();
    ASSERT_TRUE(login(QStringLiteral("2468")));
    ASSERT_TRUE(staff()->signedIn());
    EXPECT_EQ(staff()->staffName(), QStringLiteral("演示护士 Demo nurse"));

    // Decisions: the visit awaiting review, a reason from the list plus words, then queue.
    ASSERT_TRUE(waitUntil([&] { return staff()->reviews().size() == 1; }, 5000));
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("reviewList")) != nullptr; }, 5000));
    shot(QStringLiteral("33-staff-decisions"));
    EXPECT_TRUE(text(QStringLiteral("staffSignedIn")).contains(QStringLiteral("Demo nurse")));
    const qint64 visit =
        staff()->reviews().at(0).toMap().value(QStringLiteral("visit")).toLongLong();
    EXPECT_EQ(staff()->reviews().at(0).toMap().value(QStringLiteral("masked")).toString(),
              QStringLiteral("1101**********1234"));
    staff()->decide(visit, true, QString(), QString());  // no reason: refused, nothing changes
    ASSERT_FALSE(staff()->lastAction().value(QStringLiteral("ok")).toBool());
    staff()->decide(visit, true, QStringLiteral("doctor_assessed"), QStringLiteral("asthma ok"));
    ASSERT_TRUE(waitUntil(
        [&] {
            return staff()->lastAction().value(QStringLiteral("action")) ==
                       QStringLiteral("decide") &&
                   staff()->lastAction().value(QStringLiteral("ok")).toBool();
        },
        10000))
        << staff()->lastAction().value(QStringLiteral("message")).toString().toStdString();
    EXPECT_EQ(staff()->lastAction().value(QStringLiteral("queueNumber")).toString(),
              QStringLiteral("A001"));
    EXPECT_TRUE(staff()->lastAction().value(QStringLiteral("printed")).toBool())
        << staff()->lastAction().value(QStringLiteral("printError")).toString().toStdString();
    ASSERT_TRUE(waitUntil([&] { return staff()->reviews().isEmpty(); }, 5000));
    shot(QStringLiteral("34-staff-decided"));
    EXPECT_TRUE(text(QStringLiteral("staffActionResult")).contains(QStringLiteral("A001")));
    EXPECT_TRUE(QDir(QString::fromStdString(m_app->demo()->ticketsFolder().string()))
                    .entryList({QStringLiteral("slip-*.png")})
                    .size() >= 1);

    // Call the next batch to desk A: the visit just queued.
    staff()->callNext(QStringLiteral("A"), 5);
    ASSERT_TRUE(waitUntil(
        [&] {
            return staff()->lastAction().value(QStringLiteral("action")) == QStringLiteral("call");
        },
        5000));
    EXPECT_EQ(staff()->lastAction().value(QStringLiteral("numbers")).toStringList(),
              QStringList{QStringLiteral("A001")});

    // A typed ID number: the check digit is judged as it is typed.
    EXPECT_EQ(staff()->checkId(QStringLiteral("11010519491231")).value(QStringLiteral("state")),
              QStringLiteral("typing"));
    EXPECT_EQ(
        staff()->checkId(QStringLiteral("110105194912310021")).value(QStringLiteral("problem")),
        QStringLiteral("bad_check_digit"));
    EXPECT_EQ(
        staff()->checkId(QStringLiteral("11010519491231002A")).value(QStringLiteral("problem")),
        QStringLiteral("bad_character"));
    QQuickItem* idTab = item(QStringLiteral("staffTab_manualId"));
    ASSERT_NE(idTab, nullptr);
    QMetaObject::invokeMethod(idTab, "clicked");
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("manualIdField")) != nullptr; }, 5000));
    item(QStringLiteral("manualIdField"))
        ->setProperty("text", QStringLiteral("110105194912310021"));
    shot(QStringLiteral("35-staff-typed-id-wrong"));
    EXPECT_TRUE(text(QStringLiteral("manualIdFeedback")).startsWith(QStringLiteral("✕")));
    EXPECT_FALSE(item(QStringLiteral("manualIdUse"))->isEnabled());

    // Today's figures and the hourly chart.
    QMetaObject::invokeMethod(item(QStringLiteral("staffTab_figures")), "clicked");
    ASSERT_TRUE(waitUntil(
        [&] { return staff()->figures().value(QStringLiteral("checkIns")).toInt() == 1; }, 5000));
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("hourlyChart")) != nullptr; }, 5000));
    shot(QStringLiteral("36-staff-figures"));
    EXPECT_EQ(text(QStringLiteral("figure_checkIns")), QStringLiteral("1"));
    const QVariantList hours = staff()->figures().value(QStringLiteral("hours")).toList();
    ASSERT_EQ(hours.size(), 24);
    int checkIns = 0;
    for (const QVariant& h : hours) {
        checkIns += h.toMap().value(QStringLiteral("checkIns")).toInt();
    }
    EXPECT_EQ(checkIns, 1);

    QMetaObject::invokeMethod(item(QStringLiteral("staffTab_devices")), "clicked");
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("device_printer")) != nullptr; }, 5000));
    shot(QStringLiteral("37-staff-devices"));
    // The state in the console's language, the device's own words after it.
    EXPECT_TRUE(text(QStringLiteral("device_printer")).startsWith(QStringLiteral("正常 · ")))
        << text(QStringLiteral("device_printer")).toStdString();
    EXPECT_TRUE(text(QStringLiteral("device_camera")).startsWith(QStringLiteral("未使用")))
        << text(QStringLiteral("device_camera")).toStdString();  // the test shows no camera

    const auto rows = auditRows();
    EXPECT_EQ(count(rows, "staff_login"), 1);
    EXPECT_EQ(count(rows, "call_next"), 1);
    ASSERT_GE(rows.size(), 3u);
    bool overrideAudited = false;
    for (const AuditRow& row : rows) {
        if (row.reason.find("doctor_assessed: asthma ok") != std::string::npos) {
            overrideAudited = row.staff == "demo-nurse";
        }
        EXPECT_EQ(row.detail.find("110105"), std::string::npos) << row.detail;
    }
    EXPECT_TRUE(overrideAudited);
}

TEST_F(StaffConsoleWalk, TypedIdGoesToTheEntryCheckAndIsAudited) {
    staff()->show();
    ASSERT_TRUE(login(QStringLiteral("2468")));
    ASSERT_TRUE(staff()->signedIn());
    QMetaObject::invokeMethod(item(QStringLiteral("staffTab_manualId")), "clicked");
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("manualIdField")) != nullptr; }, 5000));
    const QString id = QString::fromStdString(vax::app::KioskDemo::residentIdCode()).mid(4);
    QQuickItem* field = item(QStringLiteral("manualIdField"));
    m_app->window()->requestActivate();
    field->forceActiveFocus();  // as a tap does: the on-screen keyboard comes up
    QGuiApplication::inputMethod()->show();
    field->setProperty("text", id);
    EXPECT_TRUE(waitUntil([&] { return item(QStringLiteral("keyboard")) != nullptr; }, 5000))
        << "focus " << field->hasActiveFocus() << " input method visible "
        << QGuiApplication::inputMethod()->isVisible();
    shot(QStringLiteral("38-staff-typed-id"));
    EXPECT_TRUE(
        text(QStringLiteral("manualIdFeedback")).contains(QStringLiteral("1101**********1234")));
    expectAboveKeyboard(QStringLiteral("manualIdField"));
    expectAboveKeyboard(QStringLiteral("manualIdUse"));
    QMetaObject::invokeMethod(item(QStringLiteral("manualIdUse")), "clicked");
    // The console closes and the resident's check goes on with the typed number.
    ASSERT_TRUE(waitUntil([&] { return !staff()->shown(); }, 5000));
    EXPECT_EQ(m_app->flow()->state(), EntryFlow::State::Scanned);
    EXPECT_EQ(m_app->flow()->maskedId(), QStringLiteral("1101**********1234"));
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto rows = auditRows();
            return count(rows, "manual_id_entry") == 1 && count(rows, "staff_logout") == 1;
        },
        5000));
}

// On a landscape screen the keyboard covers the lower half, where the words of a reaction are
// typed: the screens slide up while it is up and come back when Enter puts it away.
TEST_F(StaffConsoleWalk, TypedWordsStayAboveTheKeyboard) {
    staff()->show();
    ASSERT_TRUE(login(QStringLiteral("2468")));
    openTab(QStringLiteral("care"), QStringLiteral("reactionAction"));
    QQuickItem* words = item(QStringLiteral("reactionAction"));
    const qreal restingY = words->mapToScene(QPointF(0, 0)).y();
    typeInto(QStringLiteral("reactionAction"));
    shot(QStringLiteral("39-staff-reaction-words-typed"));
    expectAboveKeyboard(QStringLiteral("reactionAction"));
    EXPECT_LT(words->mapToScene(QPointF(0, 0)).y(), restingY) << "the screens did not slide";

    QMetaObject::invokeMethod(words, "accepted");  // Enter on the keyboard
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("keyboard")) == nullptr; }, 5000));
    EXPECT_EQ(words->mapToScene(QPointF(0, 0)).y(), restingY) << "the screens did not come back";
}

// A console mounted upright: the tabs in rows along the top, each page under them, the status
// strip wrapped onto more lines; every button still a full touch target, nothing off screen.
TEST_F(StaffConsoleWalk, PortraitConsole) {
    m_app->window()->resize(800, 1280);
    residentAwaitingReview();
    staff()->show();
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("pinPad")) != nullptr; }, 5000));
    shot(QStringLiteral("40-staff-portrait-sign-in"));
    EXPECT_EQ(text(QStringLiteral("staffHeader")), QStringLiteral("工作人员"));
    EXPECT_TRUE(text(QStringLiteral("demoPin")).contains(QStringLiteral("2468")));
    EXPECT_EQ(text(QStringLiteral("loginMessage")), QStringLiteral("请输入密码。"));
    expectOnScreen(QStringLiteral("staffClose"));
    expectOnScreen(QStringLiteral("statusTrust"));  // the strip's last item: wrapped, not cut
    expectOnScreen(QStringLiteral("staffChoices"));
    expectOnScreen(QStringLiteral("pinKeyOK"));
    // The names above the keypad.
    EXPECT_LT(item(QStringLiteral("staffChoices"))->mapToScene(QPointF(0, 0)).y(),
              item(QStringLiteral("pinPad"))->mapToScene(QPointF(0, 0)).y());

    ASSERT_TRUE(login(QStringLiteral("2468")));
    ASSERT_TRUE(staff()->signedIn());
    ASSERT_TRUE(waitUntil([&] { return staff()->reviews().size() == 1; }, 5000));
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("reviewList")) != nullptr; }, 5000));
    shot(QStringLiteral("41-staff-portrait-decisions"));
    EXPECT_EQ(text(QStringLiteral("staffTab_review")), QStringLiteral("▶ 人工审核"));
    EXPECT_TRUE(text(QStringLiteral("staffSignedIn")).contains(QStringLiteral("Demo nurse")));
    expectOnScreen(QStringLiteral("staffTab_devices"));
    expectOnScreen(QStringLiteral("reasonNote"));
    expectOnScreen(QStringLiteral("decideDefer"));
    // The tabs along the top, the page under them.
    EXPECT_LT(item(QStringLiteral("staffTab_devices"))->mapToScene(QPointF(0, 0)).y(),
              item(QStringLiteral("reviewList"))->mapToScene(QPointF(0, 0)).y());
    // Large text (switched on the resident screens under the console): still all on screen.
    QMetaObject::invokeMethod(item(QStringLiteral("largeTextSwitch")), "clicked");
    shot(QStringLiteral("41-staff-portrait-decisions-large-text"));
    expectOnScreen(QStringLiteral("staffTab_care"));
    expectOnScreen(QStringLiteral("decideDefer"));
    QMetaObject::invokeMethod(item(QStringLiteral("largeTextSwitch")), "clicked");

    // A typed ID with the on-screen keyboard up: the field, its check and the button above it.
    openTab(QStringLiteral("manualId"), QStringLiteral("manualIdField"));
    QQuickItem* field = item(QStringLiteral("manualIdField"));
    m_app->window()->requestActivate();
    field->forceActiveFocus();
    QGuiApplication::inputMethod()->show();
    field->setProperty("text",
                       QString::fromStdString(vax::app::KioskDemo::residentIdCode()).mid(4));
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("keyboard")) != nullptr; }, 5000));
    shot(QStringLiteral("42-staff-portrait-typed-id"));
    EXPECT_EQ(text(QStringLiteral("manualIdFeedback")),
              QStringLiteral("✓ 号码有效：1101**********1234"));
    EXPECT_TRUE(item(QStringLiteral("manualIdUse"))->isEnabled());
    expectOnScreen(QStringLiteral("manualIdUse"));
    QQuickItem* use = item(QStringLiteral("manualIdUse"));
    EXPECT_LE(use->mapToScene(QPointF(0, use->height())).y(), item(QStringLiteral("keyboard"))->y())
        << "the keyboard covers the button";
    QGuiApplication::inputMethod()->hide();
    field->setFocus(false);

    openTab(QStringLiteral("queue"), QStringLiteral("callNext"));
    ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("keyboard")) == nullptr; }, 5000));
    shot(QStringLiteral("43-staff-portrait-queue"));
    EXPECT_EQ(text(QStringLiteral("callCount")), QStringLiteral("5 人"));
    expectOnScreen(QStringLiteral("countMore"));
    expectOnScreen(QStringLiteral("callNext"));

    openTab(QStringLiteral("care"), QStringLiteral("recordReaction"));
    shot(QStringLiteral("44-staff-portrait-care"));
    expectOnScreen(QStringLiteral("reprint"));
    expectOnScreen(QStringLiteral("reaction_other"));
    expectOnScreen(QStringLiteral("recordReaction"));

    openTab(QStringLiteral("figures"), QStringLiteral("hourlyChart"));
    ASSERT_TRUE(waitUntil(
        [&] { return staff()->figures().value(QStringLiteral("checkIns")).toInt() == 1; }, 5000));
    shot(QStringLiteral("45-staff-portrait-figures"));
    EXPECT_EQ(text(QStringLiteral("figure_checkIns")), QStringLiteral("1"));
    expectOnScreen(QStringLiteral("figure_overdue"));
    expectOnScreen(QStringLiteral("hourlyChart"));

    openTab(QStringLiteral("devices"), QStringLiteral("device_printer"));
    shot(QStringLiteral("46-staff-portrait-devices"));
    EXPECT_FALSE(text(QStringLiteral("device_printer")).isEmpty());
    expectOnScreen(QStringLiteral("device_clock"));
}

TEST_F(StaffConsoleWalk, TwoIdleMinutesSignOut) {
    staff()->setIdleLogoutMs(300);  // two minutes on a real kiosk
    staff()->show();
    ASSERT_TRUE(login(QStringLiteral("2468")));
    ASSERT_TRUE(staff()->signedIn());
    ASSERT_TRUE(waitUntil([&] { return !staff()->signedIn() && !staff()->shown(); }, 5000));
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto rows = auditRows();
            return std::any_of(rows.begin(), rows.end(), [](const AuditRow& r) {
                return r.action == "staff_logout" && r.detail.find("idle") != std::string::npos;
            });
        },
        5000));
}

}  // namespace
