#pragma once

#include <QtQml/qqmlregistration.h>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>
#include <memory>
#include <optional>
#include <vector>

#include "CameraFeed.h"
#include "EntryFlow.h"
#include "ExitFlow.h"
#include "KioskDemo.h"
#include "Language.h"
#include "StaffConsole.h"
#include "StationFlow.h"
#include "StatusBoard.h"
#include "WallScreen.h"

class QQmlApplicationEngine;
class QQuickWindow;
class QTemporaryDir;

namespace vax::app {

class DemoUpstream;
struct DemoShot;
class SiteWorker;
class EntryWorker;
class StaffWorker;
class OutboxPump;
class SitePump;
class WallWorker;

/// How vaxkiosk was asked to run.
struct AppOptions {
    bool demo = false;          ///< a fictional site in demoFolder (or a temporary folder)
    QString demoFolder;         ///< keep the demo's files here; empty: a temporary folder
    QString configPath;         ///< empty: $VAXKIOSK_CONFIG, else /etc/vaxkiosk/kiosk.toml
    QString databasePath;       ///< empty: $VAXKIOSK_DB, else /var/lib/vaxkiosk/kiosk.db
    QString camera;             ///< overrides [devices] camera; empty: the config's
    bool cameraEnabled = true;  ///< false: no frames at all (tests feed codes themselves)
    bool demoUpstream = true;   ///< the demo starts the reference upstream when it finds it
    /// The demo device's role: "entry" (empty), "station", "exit" or "console"; the demo journal
    /// then holds people for it to serve. Only with `demo`.
    QString role;
};

/// Sets what every vaxkiosk process needs before the first window: the Quick Controls style
/// and a font with Chinese glyphs. Call after the QGuiApplication exists.
void configureApplication();

/// The whole kiosk: config, the worker threads, the camera, the controllers of the device's
/// role and the QML window. main() and the tests build it the same way. The screens reach the
/// controllers through its properties; those of other roles are null.
class KioskApp : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the kiosk")
    Q_PROPERTY(QString role READ role CONSTANT)
    Q_PROPERTY(QString siteName READ siteName CONSTANT)
    Q_PROPERTY(vax::app::EntryFlow* flow READ flow CONSTANT)
    Q_PROPERTY(vax::app::StationFlow* station READ station CONSTANT)
    Q_PROPERTY(vax::app::ExitFlow* exit READ exit CONSTANT)
    Q_PROPERTY(vax::app::WallScreen* wall READ wall CONSTANT)
    Q_PROPERTY(vax::app::CameraFeed* camera READ camera CONSTANT)
    Q_PROPERTY(vax::app::Language* language READ language CONSTANT)
    Q_PROPERTY(vax::app::StatusBoard* status READ status CONSTANT)
    Q_PROPERTY(vax::app::StaffConsole* staff READ staff CONSTANT)
    Q_PROPERTY(QString demoStaffPin READ demoStaffPin CONSTANT)
    Q_PROPERTY(QUrl readSoundUrl READ readSoundUrl CONSTANT)
    Q_PROPERTY(QString demoTicketsFolder READ demoTicketsFolder CONSTANT)

public:
    explicit KioskApp(QObject* parent = nullptr);
    ~KioskApp() override;

    /// Loads the config, starts the worker and the camera and shows Main.qml. Returns an error
    /// message for a person, or an empty string.
    QString start(const AppOptions& options);

    QQuickWindow* window() const;
    /// "entry", "station", "exit" or "console" (the config's [site] role).
    QString role() const { return m_role; }
    QString siteName() const { return m_siteName; }
    /// The resident's entry check; null unless the role is entry.
    EntryFlow* flow() const { return m_flow; }
    /// The vaccination station's binding; null unless the role is station or console (whose
    /// staff bind doses in the console's Station page).
    StationFlow* station() const { return m_station; }
    /// The observation exit; null unless the role is exit.
    ExitFlow* exit() const { return m_exit; }
    /// The call screen's or observation board's state; null unless the role is one of them.
    WallScreen* wall() const { return m_wall; }
    /// The journal's feed to the site server; null without a [site_server] (or on a wall
    /// screen, which keeps no records).
    SitePump* sitePump() const { return m_sitePump; }
    CameraFeed* camera() const { return m_camera; }
    Language* language() const { return m_language; }
    /// The demo site, when running as the demo.
    const std::optional<KioskDemo>& demo() const { return m_demo; }
    /// The staff status strip's data.
    StatusBoard* status() const { return m_status; }
    /// The staff console, on every role.
    StaffConsole* staff() const { return m_staff; }
    /// The demo staff member's PIN, shown on the demo's sign-in screen; empty otherwise.
    /// The "read" tone's WAV file; empty when it could not be written (the kiosk stays silent).
    QUrl readSoundUrl() const { return m_readSoundUrl; }
    QString demoStaffPin() const {
        return m_demo ? QString::fromStdString(KioskDemo::staffPin()) : QString();
    }
    /// The demo printer's folder, in demo mode; else empty.
    QString demoTicketsFolder() const { return m_demoTicketsFolder; }
    /// The demo's reference upstream ("http://127.0.0.1:PORT"), when it runs; else empty.
    QString demoUpstreamUrl() const;
    /// The outbox uploader (lives on its own thread; connect, never call).
    OutboxPump* outboxPump() const { return m_pump; }

Q_SIGNALS:
    /// The first frame was rendered, `ms` after start() began.
    void firstFrame(qint64 ms);

private:
    // Uploads and the status board, for every role (KioskApp.cpp, below start()).
    void createServices(const KioskConfig& config, const QString& databasePath);
    void watchEntryWorker();  // before the worker opens: the pump opens after it
    // The station's or the exit's worker and flow; the demo journal's people and the codes
    // its camera shows (KioskApp.cpp, below start()).
    QString startSiteRole(const KioskConfig& config, const QString& databasePath,
                          const PayloadRules& rules, std::vector<DemoShot>& demoShots);
    void startServices();
    // The wall screens (board, callboard) read the site server on their own thread.
    void startWallScreen(const KioskConfig& config);
    // Every other role with a [site_server] feeds it its journal.
    void startSitePump(const KioskConfig& config, const QString& databasePath);

    QElapsedTimer m_started;
    QString m_role;
    QString m_siteName;
    std::unique_ptr<QTemporaryDir> m_demoFolder;
    std::unique_ptr<QTemporaryDir> m_soundFolder;
    QUrl m_readSoundUrl;
    std::optional<KioskDemo> m_demo;
    QThread m_workerThread;
    EntryWorker* m_worker = nullptr;
    EntryFlow* m_flow = nullptr;
    CameraFeed* m_camera = nullptr;
    Language* m_language = nullptr;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<DemoUpstream> m_upstream;
    QString m_demoTicketsFolder;
    QThread m_pumpThread;
    QThread m_staffThread;
    StaffWorker* m_staffWorker = nullptr;
    StaffConsole* m_staff = nullptr;
    OutboxPump* m_pump = nullptr;  // deleted on its thread as the thread finishes
    QThread m_siteThread;
    SiteWorker* m_siteWorker = nullptr;  // deleted on its thread as the thread finishes
    StationFlow* m_station = nullptr;
    ExitFlow* m_exit = nullptr;
    StatusBoard* m_status = nullptr;
    QThread m_sitePumpThread;
    SitePump* m_sitePump = nullptr;  // deleted on its thread as the thread finishes
    QThread m_wallThread;
    WallWorker* m_wallWorker = nullptr;  // deleted on its thread as the thread finishes
    WallScreen* m_wall = nullptr;
};

}  // namespace vax::app
