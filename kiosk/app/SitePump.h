#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>
#include <filesystem>
#include <memory>
#include <vector>

#include "config/KioskConfig.h"
#include "core/Queue.h"

namespace vax {
class Journal;
class SiteLink;
}  // namespace vax

namespace vax::app {

/// The site server as the status strip shows it. A value passed to the UI thread.
struct SiteStatus {
    Q_GADGET
    Q_PROPERTY(QString state MEMBER state)
    Q_PROPERTY(qint64 behind MEMBER behind)
    Q_PROPERTY(qint64 conflicts MEMBER conflicts)
    Q_PROPERTY(QString message MEMBER message)

public:
    /// "none": no site server configured (a device alone); "online"; "offline"; "unknown":
    /// not asked yet.
    QString state = QStringLiteral("unknown");
    qint64 behind = 0;     ///< journal entries the site does not hold yet
    qint64 conflicts = 0;  ///< the site's open alarms (codes or numbers given twice)
    QString message;       ///< the last error, for staff (English, no personal data)
    bool operator==(const SiteStatus&) const = default;
};

/// Feeds the site server this device's journal, never on the UI thread: its own QThread,
/// its own journal connection and site connection. Every `intervalMs`, and soon after a
/// record, it pushes what the site does not hold (idempotent on device + journal seq) and,
/// at an entry kiosk, keeps its reserved offline numbers topped up. A site that cannot be
/// reached costs one connect timeout per pause, then the next tick tries again.
class SitePump : public QObject {
    Q_OBJECT

public:
    SitePump(KioskConfig config, std::filesystem::path databasePath, int intervalMs = 5000);
    ~SitePump() override;

public Q_SLOTS:
    /// Opens the link and starts the timer (on the pump's thread).
    void start();
    /// A push in about a second (several calls make one push).
    void syncSoon();
    void syncNow();

Q_SIGNALS:
    void statusChanged(const vax::app::SiteStatus& status);
    /// A push finished; `stored` entries were new to the site (tests and logs).
    void synced(qint64 stored);

private:
    void syncUnguarded();

    KioskConfig m_config;
    std::filesystem::path m_databasePath;
    int m_intervalMs;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<SiteLink> m_link;
    QTimer* m_interval = nullptr;  // children, made on the pump's thread by start()
    QTimer* m_soon = nullptr;
    SiteStatus m_status;
};

}  // namespace vax::app

Q_DECLARE_METATYPE(vax::app::SiteStatus)
