// The screens' own logic under Qt Quick Test: each tst_*.qml file instantiates real screens
// of the VaxKiosk module with the backends injected here, and checks them through their items.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlContext>
#include <QQmlEngine>

#include "CameraFeed.h"
#include "KioskApp.h"
#include "TestBackends.h"

Q_IMPORT_QML_PLUGIN(VaxKioskPlugin)

namespace {

class Setup : public QObject {
    Q_OBJECT

public:
    // Runs before quick_test_main creates the application, so also when started outside
    // CTest. Unlike the app tests (ScreenWalkTest.cpp), no on-screen keyboard: its input
    // context swallows the key events TestCase.keyClick() sends, and its plugin aborts at exit
    // ("Must construct a QGuiApplication before a QPixmap"). The screens' logic sees the same
    // text either way.
    Setup() {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        qunsetenv("QT_IM_MODULE");
    }

public Q_SLOTS:
    void applicationAvailable() { vax::app::configureApplication(); }

    // One engine per tst_*.qml file: its backends (threads, temporary sites) go with it.
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));  // the static VaxKiosk module
        // The camera previews' pictures; with no camera started, the black idle picture.
        engine->addImageProvider(
            QStringLiteral("vaxcamera"),
            new vax::app::CameraImageProvider(std::make_shared<vax::app::PreviewStore>()));
        engine->rootContext()->setContextProperty(QStringLiteral("backends"),
                                                  new vax::test::TestBackends(engine));
    }
};

}  // namespace

QUICK_TEST_MAIN_WITH_SETUP(vaxkiosk_qmltests, Setup)

#include "QmlTestSetup.moc"
