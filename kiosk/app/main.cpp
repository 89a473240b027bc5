// vaxkiosk: the entry kiosk's touch screens (Qt Quick) over the VaxKiosk libraries.
#include <QtQml/qqmlextensionplugin.h>
#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQuickWindow>
#include <cstdio>

#include "KioskApp.h"
#include "TerminationSignals.h"

Q_IMPORT_QML_PLUGIN(VaxKioskPlugin)

int main(int argc, char** argv) {
    // Typed entries (ID numbers, reasons) use Qt's on-screen keyboard: a kiosk has no other.
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE")) {
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    }
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
    const QCommandLineOption role(
        QStringLiteral("role"),
        QStringLiteral("With --demo: the device's role, entry (default), station, exit or "
                       "console; the demo journal holds people for the station (and the "
                       "console's Station page) and the exit to serve."),
        QStringLiteral("role"));
    parser.addOptions({demo, demoDir, config, db, camera, fullScreen, role});
    parser.process(app);

    vax::app::AppOptions options;
    options.demo = parser.isSet(demo) || parser.isSet(demoDir);
    options.demoFolder = parser.value(demoDir);
    options.configPath = parser.value(config);
    options.databasePath = parser.value(db);
    options.camera = parser.value(camera);
    options.role = parser.value(role);
    if (parser.isSet(role)) {
        // A real device's role is its config's: only the demo writes one.
        if (!options.demo) {
            std::fprintf(stderr,
                         "vaxkiosk: --role needs --demo (a device's role is in its config)\n");
            return 2;
        }
        const QStringList roles{QStringLiteral("entry"), QStringLiteral("station"),
                                QStringLiteral("exit"), QStringLiteral("console")};
        if (!roles.contains(options.role)) {
            std::fprintf(stderr, "vaxkiosk: --role must be entry, station, exit or console\n");
            return 2;
        }
    }

    vax::app::KioskApp kiosk;
    QObject::connect(&kiosk, &vax::app::KioskApp::firstFrame, [](qint64 ms) {
        std::fprintf(stderr, "vaxkiosk: first frame after %lld ms\n", static_cast<long long>(ms));
    });
    if (const QString error = kiosk.start(options); !error.isEmpty()) {
        std::fprintf(stderr, "vaxkiosk: %s\n", qPrintable(error));
        return 1;
    }
    vax::app::quitOnTerminationSignals();  // Ctrl-C and SIGTERM shut down like a closed window
    if (parser.isSet(fullScreen)) {
        kiosk.window()->showFullScreen();
    }
    return QGuiApplication::exec();
}
