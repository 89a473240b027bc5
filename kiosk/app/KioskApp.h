#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>
#include <memory>
#include <optional>

#include "KioskDemo.h"

class QQmlApplicationEngine;
class QQuickWindow;
class QTemporaryDir;

namespace vax::app {

class CameraFeed;
class EntryFlow;
class EntryWorker;
class Language;

/// How vaxkiosk was asked to run.
struct AppOptions {
    bool demo = false;          ///< a fictional site in demoFolder (or a temporary folder)
    QString demoFolder;         ///< keep the demo's files here; empty: a temporary folder
    QString configPath;         ///< empty: $VAXKIOSK_CONFIG, else /etc/vaxkiosk/kiosk.toml
    QString databasePath;       ///< empty: $VAXKIOSK_DB, else /var/lib/vaxkiosk/kiosk.db
    QString camera;             ///< overrides [devices] camera; empty: the config's
    bool cameraEnabled = true;  ///< false: no frames at all (tests feed codes themselves)
};

/// Sets what every vaxkiosk process needs before the first window: the Quick Controls style
/// and a font with Chinese glyphs. Call after the QGuiApplication exists.
void configureApplication();

/// The whole entry kiosk: config, the worker thread, the camera, the controllers and the QML
/// window. main() and the tests build it the same way.
class KioskApp : public QObject {
    Q_OBJECT

public:
    explicit KioskApp(QObject* parent = nullptr);
    ~KioskApp() override;

    /// Loads the config, starts the worker and the camera and shows Main.qml. Returns an error
    /// message for a person, or an empty string.
    QString start(const AppOptions& options);

    QQuickWindow* window() const;
    EntryFlow* flow() const { return m_flow; }
    Language* language() const { return m_language; }
    /// The demo site, when running as the demo.
    const std::optional<KioskDemo>& demo() const { return m_demo; }

Q_SIGNALS:
    /// The first frame was rendered, `ms` after start() began.
    void firstFrame(qint64 ms);

private:
    QElapsedTimer m_started;
    std::unique_ptr<QTemporaryDir> m_demoFolder;
    std::optional<KioskDemo> m_demo;
    QThread m_workerThread;
    EntryWorker* m_worker = nullptr;
    EntryFlow* m_flow = nullptr;
    CameraFeed* m_camera = nullptr;
    Language* m_language = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

}  // namespace vax::app
