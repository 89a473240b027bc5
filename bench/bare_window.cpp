// The baseline of app_bench's cold start: the least a Qt Quick process does before its first
// frame (a window with a rectangle and a line of text, no controllers, no module of ours).
// Prints "bare_window: first frame after N ms", counted like vaxkiosk's figure from after the
// application object exists, and exits.
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <cstdio>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    QElapsedTimer started;
    started.start();
    QQmlApplicationEngine engine;
    engine.loadData(R"(
import QtQuick
import QtQuick.Window
Window {
    width: 1280; height: 800; visible: true; color: "#f4f7fa"
    Rectangle { width: parent.width; height: 100; color: "#0d47a1" }
    Text { anchors.centerIn: parent; text: "VaxKiosk 疫苗接种"; font.pixelSize: 40 }
}
)");
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [&] {
            std::fprintf(stderr, "bare_window: first frame after %lld ms\n",
                         static_cast<long long>(started.elapsed()));
            QCoreApplication::quit();
        },
        Qt::SingleShotConnection);
    return QGuiApplication::exec();
}
