#pragma once

#include <QtQml/qqmlregistration.h>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <filesystem>
#include <string>

#include "OutboxPump.h"
#include "SitePump.h"

namespace vax::app {

class CameraFeed;
class EntryWorker;

/// What the status board watches besides the pump, the camera and the entry worker.
struct StatusSources {
    std::string printerUri;  ///< [devices] printer; empty: none
    /// The trust material whose age staff see: [network] jwks_file, else [site] trust_file.
    std::filesystem::path trustFile;
    std::filesystem::path clockMarker = "/run/systemd/timesync/synchronized";
    int pollMs = 5000;  ///< how often devices are asked
};

/// The staff status strip's data: network and outbox (from the OutboxPump), printer, clock and
/// trust-list age (asked every pollMs on a thread of its own: a printer status query can block
/// for seconds), the thermometer (asked of the EntryWorker on its thread, which owns it) and
/// the camera (from the CameraFeed). Lives on the UI thread, which only receives answers.
///
/// Device states are "ok", "degraded", "missing", "none" (not configured) and "unknown" (not
/// known yet); the printer also "paper_low". Messages are for staff, in English.
class StatusBoard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the status board")
    Q_PROPERTY(bool networkOnline READ networkOnline NOTIFY changed)
    Q_PROPERTY(QString networkState READ networkState NOTIFY changed)
    Q_PROPERTY(QString networkMessage READ networkMessage NOTIFY changed)
    Q_PROPERTY(int outboxPending READ outboxPending NOTIFY changed)
    Q_PROPERTY(int outboxRefused READ outboxRefused NOTIFY changed)
    Q_PROPERTY(QDateTime lastUpload READ lastUpload NOTIFY changed)
    Q_PROPERTY(int trustAgeHours READ trustAgeHours NOTIFY changed)
    Q_PROPERTY(QString printerState READ printerState NOTIFY changed)
    Q_PROPERTY(QString printerMessage READ printerMessage NOTIFY changed)
    Q_PROPERTY(QString thermometerState READ thermometerState NOTIFY changed)
    Q_PROPERTY(QString thermometerMessage READ thermometerMessage NOTIFY changed)
    Q_PROPERTY(QString cameraState READ cameraState NOTIFY changed)
    Q_PROPERTY(QString cameraMessage READ cameraMessage NOTIFY changed)
    Q_PROPERTY(bool clockSynced READ clockSynced NOTIFY changed)
    Q_PROPERTY(QString clockMessage READ clockMessage NOTIFY changed)
    Q_PROPERTY(QString siteState READ siteState NOTIFY changed)
    Q_PROPERTY(int siteBehind READ siteBehind NOTIFY changed)
    Q_PROPERTY(int siteConflicts READ siteConflicts NOTIFY changed)
    Q_PROPERTY(QString siteMessage READ siteMessage NOTIFY changed)

public:
    explicit StatusBoard(StatusSources sources, QObject* parent = nullptr);
    /// Stops and joins the polling thread.
    ~StatusBoard() override;

    /// Takes the outbox counts and network state from `pump` (on its own thread).
    void watchOutbox(OutboxPump* pump);
    /// Takes the site server's state from `pump` (on its own thread).
    void watchSite(SitePump* pump);
    /// Takes the camera's state from `camera`.
    void watchCamera(CameraFeed* camera);
    /// Asks `worker` (on its own thread) for the thermometer's health at every poll.
    void watchEntryWorker(EntryWorker* worker);
    /// Polls now and then every pollMs.
    void start();

    bool networkOnline() const { return m_networkState == QLatin1String("online"); }
    /// "online", "offline", "none" (no records service), "unknown".
    QString networkState() const { return m_networkState; }
    QString networkMessage() const { return m_networkMessage; }
    int outboxPending() const { return m_outboxPending; }
    int outboxRefused() const { return m_outboxRefused; }
    /// When the records service last answered; invalid: never.
    QDateTime lastUpload() const { return m_lastUpload; }
    /// Whole hours since the trust file was written; -1 when there is none.
    int trustAgeHours() const { return m_trustAgeHours; }
    QString printerState() const { return m_printerState; }
    QString printerMessage() const { return m_printerMessage; }
    QString thermometerState() const { return m_thermometerState; }
    QString thermometerMessage() const { return m_thermometerMessage; }
    QString cameraState() const { return m_cameraState; }
    QString cameraMessage() const { return m_cameraMessage; }
    bool clockSynced() const { return m_clockSynced; }
    QString clockMessage() const { return m_clockMessage; }
    /// "online", "offline", "none" (no site server: a device alone), "unknown".
    QString siteState() const { return m_site.state; }
    int siteBehind() const { return int(m_site.behind); }
    int siteConflicts() const { return int(m_site.conflicts); }
    QString siteMessage() const { return m_site.message; }

    /// The answer of one poll of the polling thread (internal, public for the queued call).
    struct DeviceSnapshot {
        QString printerState;
        QString printerMessage;
        bool clockSynced = false;
        QString clockMessage;
        int trustAgeHours = -1;
    };

Q_SIGNALS:
    void changed();
    /// A poll's answer arrived (tests wait for it).
    void polled();

private:
    void poll();
    void applyDevices(const DeviceSnapshot& snapshot);
    void applyOutbox(const OutboxStatus& status);
    void applyThermometer(const QString& state, const QString& message);
    void applyCamera();

    StatusSources m_sources;
    QThread m_thread;
    QObject* m_poller = nullptr;  // lives on m_thread
    bool m_threadStarted = false;
    bool m_pollBusy = false;          // a device poll is under way
    bool m_thermometerAsked = false;  // the entry worker has not answered yet
    QTimer m_timer;
    EntryWorker* m_worker = nullptr;
    CameraFeed* m_camera = nullptr;

    QString m_networkState = QStringLiteral("unknown");
    QString m_networkMessage;
    int m_outboxPending = 0;
    int m_outboxRefused = 0;
    QDateTime m_lastUpload;
    int m_trustAgeHours = -1;
    QString m_printerState = QStringLiteral("unknown");
    QString m_printerMessage;
    QString m_thermometerState = QStringLiteral("none");
    QString m_thermometerMessage = QStringLiteral("no thermometer on this device");
    QString m_cameraState = QStringLiteral("none");
    QString m_cameraMessage = QStringLiteral("no camera on this device");
    bool m_clockSynced = false;
    QString m_clockMessage;
    SiteStatus m_site{QStringLiteral("none"), 0, 0, {}};
};

}  // namespace vax::app
