// The entry kiosk walked through as a resident would, without a display: one PNG per screen
// into the build folder, and the key texts checked by objectName.
#include <gtest/gtest.h>

#include <QtQml/qqmlextensionplugin.h>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScreen>
#include <QTemporaryDir>
#include <algorithm>
#include <functional>
#include <map>

#include "AppTestSupport.h"
#include "EntryFlow.h"
#include "KioskApp.h"
#include "Language.h"
#include "ReadSound.h"
#include "Screenshotter.h"
#include "core/Questionnaire.h"
#include "net/JwsSigner.h"

Q_IMPORT_QML_PLUGIN(VaxKioskPlugin)

namespace {

using vax::app::EntryFlow;

// The shared test helpers, under the names this file has always used.
constexpr auto waitFor = vax::test::waitUntil;
constexpr auto findVisible = vax::test::findVisibleItem;

QString u8(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

class ScreenWalk : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_folder.isValid());
        vax::app::AppOptions options;
        options.demo = true;
        options.demoFolder = m_folder.path();
        options.cameraEnabled = false;  // the test shows the codes itself
        ASSERT_EQ(m_app.start(options), QString());
        ASSERT_TRUE(waitFor([&] { return m_app.flow()->ready(); }, 10000))
            << m_app.flow()->setupError().toStdString();
        QDir().mkpath(QStringLiteral(VAX_SCREENSHOT_DIR));
    }

    QString text(const QString& name) {
        QCoreApplication::processEvents();
        QQuickItem* item = findVisible(m_app.window()->contentItem(), name);
        EXPECT_NE(item, nullptr) << "no visible item " << name.toStdString();
        return item ? item->property("text").toString() : QString();
    }

    void shot(const QString& name) {
        QCoreApplication::processEvents();
        const QString path = QStringLiteral(VAX_SCREENSHOT_DIR "/") + name + QStringLiteral(".png");
        EXPECT_TRUE(vax::app::Screenshotter::save(m_app.window(), path)) << path.toStdString();
        // Every button a resident can press is at least 15 mm in both directions.
        const qreal mm =
            std::max(QGuiApplication::primaryScreen()->physicalDotsPerInch() / 25.4, 3.78);
        EXPECT_EQ(vax::test::smallTouchTargets(m_app.window()->contentItem(), 15 * mm - 0.5),
                  QStringList())
            << name.toStdString();
    }

    // Presses a header switch as a resident would.
    void press(const QString& name) {
        QQuickItem* button = findVisible(m_app.window()->contentItem(), name);
        ASSERT_NE(button, nullptr) << name.toStdString();
        QMetaObject::invokeMethod(button, "clicked");
        QCoreApplication::processEvents();
    }

    QTemporaryDir m_folder;
    vax::app::KioskApp m_app;
};

TEST_F(ScreenWalk, ResidentGetsAQueueNumber) {
    EntryFlow* flow = m_app.flow();
    shot(QStringLiteral("01-welcome"));
    EXPECT_EQ(text(QStringLiteral("welcomeTitle")), QStringLiteral("请出示健康码"));
    EXPECT_EQ(text(QStringLiteral("languageSwitch")), QStringLiteral("English"));

    const auto now = QDateTime::currentSecsSinceEpoch();
    flow->acceptCode(QString::fromStdString(m_app.demo()->freshHealthCode(now)));
    ASSERT_TRUE(waitFor([&] { return flow->healthCode() == QLatin1String("green"); }, 5000))
        << flow->healthCode().toStdString();
    flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
    ASSERT_TRUE(flow->canProceed());
    shot(QStringLiteral("02-scanned"));
    EXPECT_EQ(text(QStringLiteral("scannedHealthCode")), QStringLiteral("绿码"));
    EXPECT_EQ(text(QStringLiteral("scannedId")), QStringLiteral("1101**********1234"));

    flow->proceed();
    ASSERT_EQ(flow->state(), EntryFlow::State::Temperature);
    ASSERT_TRUE(waitFor([&] { return flow->temperatureState() == QLatin1String("done"); }, 8000));
    shot(QStringLiteral("03-temperature"));
    EXPECT_EQ(text(QStringLiteral("temperatureValue")), QStringLiteral("36.5 °C"));
    EXPECT_EQ(text(QStringLiteral("temperatureTitle")), QStringLiteral("测温完成"));

    ASSERT_TRUE(waitFor([&] { return flow->state() == EntryFlow::State::Questions; }, 5000));
    shot(QStringLiteral("04-question-1"));
    EXPECT_EQ(text(QStringLiteral("questionText")), u8(vax::questionnaire()[0].zh));
    EXPECT_EQ(text(QStringLiteral("questionProgress")), QStringLiteral("第 1 题，共 9 题"));
    EXPECT_EQ(text(QStringLiteral("answerUnsure")), QStringLiteral("不确定"));

    // The English switch, on the question screen, then back.
    m_app.language()->toggle();
    shot(QStringLiteral("05-question-1-english"));
    EXPECT_EQ(text(QStringLiteral("questionText")), u8(vax::questionnaire()[0].en));
    EXPECT_EQ(text(QStringLiteral("answerUnsure")), QStringLiteral("Not sure"));
    EXPECT_EQ(text(QStringLiteral("languageSwitch")), QStringLiteral("中文"));
    m_app.language()->toggle();

    for (int i = 0; i < flow->questionCount(); ++i) {
        if (i == flow->questionCount() - 1) {
            shot(QStringLiteral("06-question-9"));
            EXPECT_EQ(text(QStringLiteral("questionText")), u8(vax::questionnaire()[8].zh));
        }
        flow->answer(0);
    }
    ASSERT_EQ(flow->state(), EntryFlow::State::Result);
    ASSERT_TRUE(waitFor([&] { return flow->resultReady(); }, 5000));
    shot(QStringLiteral("07-result"));
    EXPECT_EQ(flow->result().error, QString());
    EXPECT_EQ(text(QStringLiteral("resultOutcome")), QStringLiteral("您的排队号"));
    EXPECT_EQ(text(QStringLiteral("queueNumber")), QStringLiteral("A001"));
    EXPECT_EQ(text(QStringLiteral("resultInstruction")), QStringLiteral("请到 A 台登记"));
    EXPECT_EQ(text(QStringLiteral("peopleAhead")), QStringLiteral("前方等待 0 人"));

    m_app.language()->toggle();
    shot(QStringLiteral("08-result-english"));
    EXPECT_EQ(text(QStringLiteral("resultOutcome")), QStringLiteral("Your queue number"));
}

// A kiosk mounted upright: the same screens, camera above the words, nothing cut off.
TEST_F(ScreenWalk, PortraitScreen) {
    m_app.window()->resize(800, 1280);
    QCoreApplication::processEvents();
    shot(QStringLiteral("15-welcome-portrait"));
    EXPECT_EQ(text(QStringLiteral("welcomeTitle")), QStringLiteral("请出示健康码"));
    QQuickItem* title = findVisible(m_app.window()->contentItem(), QStringLiteral("welcomeTitle"));
    const QRectF titleBox = title->mapRectToScene(QRectF(0, 0, title->width(), title->height()));
    EXPECT_LE(titleBox.right(), 800);
    EXPECT_LE(titleBox.bottom(), 1280);
    m_app.flow()->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
    shot(QStringLiteral("16-scanned-portrait"));
    EXPECT_EQ(text(QStringLiteral("scannedId")), QStringLiteral("1101**********1234"));
}

// The large-text and high-contrast modes: switched on the screen, on for this person only.
TEST_F(ScreenWalk, LargeTextAndHighContrastForOnePerson) {
    EntryFlow* flow = m_app.flow();
    flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
    ASSERT_EQ(flow->state(), EntryFlow::State::Scanned);
    const qreal normal = findVisible(m_app.window()->contentItem(), QStringLiteral("scannedId"))
                             ->property("font")
                             .value<QFont>()
                             .pixelSize();
    press(QStringLiteral("largeTextSwitch"));
    press(QStringLiteral("contrastSwitch"));
    shot(QStringLiteral("17-scanned-large-contrast"));
    const qreal large = findVisible(m_app.window()->contentItem(), QStringLiteral("scannedId"))
                            ->property("font")
                            .value<QFont>()
                            .pixelSize();
    EXPECT_NEAR(large / normal, 1.3, 0.05);
    EXPECT_EQ(text(QStringLiteral("largeTextSwitch")), QStringLiteral("正常字号"));
    // The next person starts with the standard look.
    flow->restart();
    QCoreApplication::processEvents();
    shot(QStringLiteral("18-welcome-after-reset"));
    EXPECT_EQ(text(QStringLiteral("largeTextSwitch")), QStringLiteral("大字号"));
}

TEST_F(ScreenWalk, UnsureAnswerGoesToStaffReview) {
    EntryFlow* flow = m_app.flow();
    flow->acceptCode(
        QString::fromStdString(m_app.demo()->freshHealthCode(QDateTime::currentSecsSinceEpoch())));
    flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
    ASSERT_TRUE(waitFor([&] { return flow->canProceed(); }, 5000));
    flow->proceed();
    ASSERT_TRUE(waitFor([&] { return flow->state() == EntryFlow::State::Questions; }, 10000));
    for (int i = 0; i < flow->questionCount(); ++i) {
        flow->answer(i == 3 ? 2 : 0);
    }
    ASSERT_TRUE(waitFor([&] { return flow->resultReady(); }, 5000));
    shot(QStringLiteral("09-result-staff-review"));
    EXPECT_EQ(flow->result().outcome, QStringLiteral("staff_review"));
    EXPECT_EQ(text(QStringLiteral("resultOutcome")), QStringLiteral("请稍候，工作人员将为您核实"));
    EXPECT_FALSE(text(QStringLiteral("resultReasons")).isEmpty());
}

// An elderly resident taps where the answer was a moment ago: Yes / No / Not sure stay in one
// place on every question, landscape and portrait. The second round is the same person again
// that day: the visit and its number come back, and the screen says so.
TEST_F(ScreenWalk, AnswerButtonsStayInPlaceOnEveryQuestion) {
    EntryFlow* flow = m_app.flow();
    const QStringList answers{QStringLiteral("answerYes"), QStringLiteral("answerNo"),
                              QStringLiteral("answerUnsure")};
    for (const QSize size : {QSize(1280, 800), QSize(800, 1280)}) {
        SCOPED_TRACE(size.width() > size.height() ? "landscape" : "portrait");
        m_app.window()->resize(size);
        flow->acceptCode(QString::fromStdString(
            m_app.demo()->freshHealthCode(QDateTime::currentSecsSinceEpoch())));
        flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
        ASSERT_TRUE(waitFor([&] { return flow->canProceed(); }, 5000));
        flow->proceed();
        ASSERT_TRUE(waitFor([&] { return flow->state() == EntryFlow::State::Questions; }, 10000));
        std::map<QString, QRectF> onFirst;
        for (int i = 0; i < flow->questionCount(); ++i) {
            QCoreApplication::processEvents();
            for (const QString& name : answers) {
                QQuickItem* button = findVisible(m_app.window()->contentItem(), name);
                ASSERT_NE(button, nullptr) << name.toStdString();
                const QRectF box =
                    button->mapRectToScene(QRectF(0, 0, button->width(), button->height()));
                if (i == 0) {
                    onFirst[name] = box;
                } else {
                    EXPECT_EQ(box, onFirst[name]) << name.toStdString() << " on question " << i + 1;
                }
            }
            flow->answer(0);
        }
        ASSERT_TRUE(waitFor([&] { return flow->resultReady(); }, 5000));
        if (size.height() > size.width()) {
            shot(QStringLiteral("10-result-returned-portrait"));
            EXPECT_TRUE(flow->result().returned);
            EXPECT_EQ(text(QStringLiteral("resultOutcome")), QStringLiteral("您今天已取号 A001"));
            EXPECT_EQ(text(QStringLiteral("queueNumber")), QStringLiteral("A001"));
        } else {
            EXPECT_FALSE(flow->result().returned);
        }
        flow->restart();
    }
}

TEST_F(ScreenWalk, IdleTimeoutForgetsThePerson) {
    EntryFlow* flow = m_app.flow();
    flow->setIdleTimeoutMs(300);
    flow->acceptCode(QString::fromStdString(vax::app::KioskDemo::residentIdCode()));
    ASSERT_EQ(flow->state(), EntryFlow::State::Scanned);
    ASSERT_FALSE(flow->maskedId().isEmpty());
    m_app.language()->toggle();
    ASSERT_TRUE(waitFor([&] { return flow->state() == EntryFlow::State::Welcome; }, 3000));
    EXPECT_TRUE(flow->maskedId().isEmpty());
    EXPECT_EQ(flow->healthCode(), QStringLiteral("none"));
    EXPECT_FALSE(flow->canProceed());
    EXPECT_EQ(m_app.language()->code(), QStringLiteral("zh"));
}

TEST_F(ScreenWalk, SignedCodeIsRefusedTheSecondTime) {
    EntryFlow* flow = m_app.flow();
    const QString code =
        QString::fromStdString(m_app.demo()->freshHealthCode(QDateTime::currentSecsSinceEpoch()));
    flow->acceptCode(code);
    ASSERT_TRUE(waitFor([&] { return flow->healthCode() == QLatin1String("green"); }, 5000));
    flow->restart();
    flow->acceptCode(code);
    ASSERT_TRUE(waitFor([&] { return flow->healthCode() == QLatin1String("unavailable"); }, 5000))
        << flow->healthCode().toStdString();
}

// The read tone: a real WAV file the sound effect can play, and the effect is loaded.
TEST_F(ScreenWalk, ReadToneIsAPlayableWav) {
    const QByteArray wav = vax::app::readToneWav();
    ASSERT_GT(wav.size(), 44);
    EXPECT_TRUE(wav.startsWith("RIFF"));
    EXPECT_EQ(wav.mid(8, 8), QByteArray("WAVEfmt "));
    EXPECT_EQ(wav.size(), 44 + int(22050 * 0.12) * 2);
    // Not silence: the loudest sample is near half scale.
    qint16 loudest = 0;
    for (qsizetype i = 44; i + 1 < wav.size(); i += 2) {
        const auto sample = qint16(quint8(wav[i]) | (quint8(wav[i + 1]) << 8));
        loudest = std::max<qint16>(loudest, sample);
    }
    EXPECT_GT(loudest, 15000);
    const QUrl url = m_app.readSoundUrl();
    ASSERT_TRUE(url.isLocalFile());
    QFile file(url.toLocalFile());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), wav);
    QObject* loader = m_app.window()->findChild<QObject*>(QStringLiteral("readSound"));
    ASSERT_NE(loader, nullptr);
    QObject* effect = loader->property("item").value<QObject*>();
    ASSERT_NE(effect, nullptr) << "Qt Multimedia's SoundEffect did not load";
    EXPECT_EQ(effect->property("source").toUrl(), url);
}

// The demo camera end to end: the video the build made (vaxctl demo-media) -> vision pipeline
// -> decoded codes -> flow.
TEST(DemoCamera, ReadsTheHealthCodeAndTheId) {
    QTemporaryDir folder;
    vax::app::AppOptions options;
    options.demo = true;
    options.demoFolder = folder.path();
    vax::app::KioskApp app;
    ASSERT_EQ(app.start(options), QString());
    EntryFlow* flow = app.flow();
    // The overlay's outlines: corners inside the frame, as fractions of its size.
    int outlined = 0;
    bool cornersInside = true;
    QObject::connect(app.camera(), &vax::app::CameraFeed::codesInViewChanged, [&] {
        const QVariantList outlines = app.camera()->codeOutlines();
        outlined = std::max(outlined, int(outlines.size()));
        for (const QVariant& outline : outlines) {
            const QVariantList corners = outline.toList();
            cornersInside = cornersInside && corners.size() == 8;
            for (const QVariant& v : corners) {
                cornersInside = cornersInside && v.toDouble() >= -0.01 && v.toDouble() <= 1.01;
            }
        }
    });
    ASSERT_TRUE(waitFor(
        [&] { return flow->healthCode() == QLatin1String("green") && !flow->maskedId().isEmpty(); },
        30000))
        << "health code " << flow->healthCode().toStdString() << ", id "
        << flow->maskedId().toStdString();
    EXPECT_EQ(flow->state(), EntryFlow::State::Scanned);
    EXPECT_GE(app.camera()->readCount(), 2);  // each read flashed the green frame
    // The preview really shows frames (an image provider name clash once left it blank).
    QQuickItem* preview = findVisible(app.window()->contentItem(), QStringLiteral("cameraPreview"));
    ASSERT_NE(preview, nullptr);
    EXPECT_TRUE(waitFor([&] { return preview->property("status").toInt() == 1; }, 5000))
        << "preview image status " << preview->property("status").toInt();
    EXPECT_GE(outlined, 1);
    EXPECT_TRUE(cornersInside);
    // The preview shows the replayed camera: the picture people see at the kiosk.
    QCoreApplication::processEvents();
    EXPECT_TRUE(vax::app::Screenshotter::save(
        app.window(), QStringLiteral(VAX_SCREENSHOT_DIR "/10-demo-camera-scanned.png")));
}

// A demo without its camera video says what is missing and how to make it, instead of
// showing a camera that never reads.
TEST(DemoCamera, MissingVideoIsNamed) {
    QTemporaryDir folder;
    QTemporaryDir noMedia;
    qputenv("VAXKIOSK_DEMO_MEDIA", noMedia.path().toUtf8());
    vax::app::AppOptions options;
    options.demo = true;
    options.demoFolder = folder.path();
    options.demoUpstream = false;
    vax::app::KioskApp app;
    const QString error = app.start(options);
    qunsetenv("VAXKIOSK_DEMO_MEDIA");
    EXPECT_TRUE(error.contains(QStringLiteral("entry-camera.avi"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("vaxkiosk_demo_media"))) << error.toStdString();
}

}  // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Typed entries (ID numbers, reasons) use Qt's on-screen keyboard: a kiosk has no other.
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE")) {
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    }
    QGuiApplication app(argc, argv);
    vax::app::configureApplication();
    return RUN_ALL_TESTS();
}
