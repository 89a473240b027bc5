#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

#include "config/KioskConfig.h"

namespace vax {
class HttpClient;
class Journal;
class RecordUploader;
}  // namespace vax

namespace vax::app {

/// The outbox and the link upstream as the status strip shows them. A value passed from the
/// pump's thread to the UI thread.
struct OutboxStatus {
    Q_GADGET
    Q_PROPERTY(qint64 pending MEMBER pending)
    Q_PROPERTY(qint64 refused MEMBER refused)
    Q_PROPERTY(qint64 delivered MEMBER delivered)
    Q_PROPERTY(QString network MEMBER network)
    Q_PROPERTY(qint64 lastSuccessMs MEMBER lastSuccessMs)
    Q_PROPERTY(QString message MEMBER message)

public:
    qint64 pending = 0;    ///< waiting for upload
    qint64 refused = 0;    ///< set aside: the upstream refused them for good (staff look)
    qint64 delivered = 0;  ///< uploaded, all time
    /// "online": the records service answered the last drain or probe; "offline": it did not
    /// (network or service down); "none": no records service is configured; "unknown": not
    /// asked yet.
    QString network = QStringLiteral("unknown");
    qint64 lastSuccessMs = 0;  ///< when the service last answered (Unix ms), 0: never
    QString message;           ///< the last error, or why nothing is sent, for staff (English)
    bool operator==(const OutboxStatus&) const = default;
};

/// When the pump drains.
struct PumpTiming {
    int intervalMs = 15000;     ///< a drain at least this often
    int afterCheckInMs = 1000;  ///< a drain this soon after drainSoon() (a check-in)
};

/// Uploads the journal's outbox on a timer, never on the UI thread: lives on its own QThread
/// with its own journal connection (WAL lets it read and write beside the entry worker),
/// drains with vaxsync's uploader every `intervalMs` and soon after each check-in, and
/// reports the counts and whether the records service answers. With nothing to send it asks
/// the service's GET /healthz, so "offline" shows before records pile up.
class OutboxPump : public QObject {
    Q_OBJECT

public:
    /// Nothing is opened until start() runs on the pump's thread.
    OutboxPump(KioskConfig config, std::filesystem::path databasePath, PumpTiming timing = {});
    ~OutboxPump() override;

    /// Aborts a transfer in progress and lets no new one start. Any thread; call before the
    /// pump's thread is stopped.
    void cancel();

public Q_SLOTS:
    /// Opens the uploader, drains once (opening the journal) and starts the timer. A journal
    /// that cannot be opened yet is tried again at each drain.
    void start();
    /// A drain in `afterCheckInMs` (several calls before it runs make one drain).
    void drainSoon();
    /// Drains now and reports.
    void drainNow();

Q_SIGNALS:
    /// After every drain (and at start), from the pump's thread.
    void statusChanged(const vax::app::OutboxStatus& status);
    /// A drain finished; `delivered` records went up (tests and logs).
    void drained(qint64 delivered);

private:
    void drainUnguarded();
    bool probe();  // GET /healthz of the records service

    KioskConfig m_config;
    std::filesystem::path m_databasePath;
    PumpTiming m_timing;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<RecordUploader> m_uploader;
    std::unique_ptr<HttpClient> m_probe;
    QTimer* m_interval = nullptr;  // children: created on the pump's thread by start()
    QTimer* m_soon = nullptr;
    OutboxStatus m_status;
    QString m_setupError;

    std::mutex m_cancelMutex;  // guards the pointers cancel() reaches from other threads
    bool m_cancelled = false;
};

}  // namespace vax::app
