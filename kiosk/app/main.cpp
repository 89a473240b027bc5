// vaxkiosk: the entry kiosk's touch screens (Qt Quick) over the VaxKiosk libraries.
#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQuickWindow>
#include <cstdio>

#include "KioskApp.h"

Q_IMPORT_QML_PLUGIN(VaxKioskPlugin)

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("vaxkiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(VAXKIOSK_VERSION));
    vax::app::configureApplication();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("VaxKiosk entry kiosk"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Run a fictional site: demo camera, simulated thermometer, signed "
                       "demo health codes, a fresh journal."));
    const QCommandLineOption demoDir(QStringLiteral("demo-dir"),
                                     QStringLiteral("Keep the demo's files in <dir>."),
                                     QStringLiteral("dir"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("Kiosk config file (default $VAXKIOSK_CONFIG, /etc/vaxkiosk/kiosk.toml)."),
        QStringLiteral("path"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Journal database (default $VAXKIOSK_DB, /var/lib/vaxkiosk/kiosk.db)."),
        QStringLiteral("path"));
    const QCommandLineOption camera(
        QStringLiteral("camera"),
        QStringLiteral("Frame source instead of the config's: camera:N, a video or a folder."),
        QStringLiteral("spec"));
    const QCommandLineOption fullScreen(QStringLiteral("fullscreen"),
                                        QStringLiteral("Fill the screen (the kiosk session)."));
    parser.addOptions({demo, demoDir, config, db, camera, fullScreen});
    parser.process(app);

    vax::app::AppOptions options;
    options.demo = parser.isSet(demo) || parser.isSet(demoDir);
    options.demoFolder = parser.value(demoDir);
    options.configPath = parser.value(config);
    options.databasePath = parser.value(db);
    options.camera = parser.value(camera);

    vax::app::KioskApp kiosk;
    QObject::connect(&kiosk, &vax::app::KioskApp::firstFrame, [](qint64 ms) {
        std::fprintf(stderr, "vaxkiosk: first frame after %lld ms\n", static_cast<long long>(ms));
    });
    if (const QString error = kiosk.start(options); !error.isEmpty()) {
        std::fprintf(stderr, "vaxkiosk: %s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(fullScreen)) {
        kiosk.window()->showFullScreen();
    }
    return QGuiApplication::exec();
}
