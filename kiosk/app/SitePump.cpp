#include "SitePump.h"

#include "LocalClock.h"
#include "SlotGuard.h"
#include "ops/SiteLink.h"
#include "ops/SiteNumbers.h"
#include "store/Journal.h"

namespace vax::app {

SitePump::SitePump(KioskConfig config, std::filesystem::path databasePath, int intervalMs)
    : m_config(std::move(config)),
      m_databasePath(std::move(databasePath)),
      m_intervalMs(intervalMs) {}

SitePump::~SitePump() = default;

void SitePump::start() {
    auto link = SiteLink::open(m_config);
    if (!link) {
        m_status.state = QStringLiteral("offline");
        m_status.message = QString::fromStdString(link.error().message);
    } else if (!*link) {
        m_status.state = QStringLiteral("none");
    } else {
        m_link = std::move(*link);
    }
    Q_EMIT statusChanged(m_status);
    if (!m_link) {
        return;
    }
    m_interval = new QTimer(this);
    m_interval->setInterval(m_intervalMs);
    connect(m_interval, &QTimer::timeout, this, &SitePump::syncNow);
    m_soon = new QTimer(this);
    m_soon->setSingleShot(true);
    m_soon->setInterval(1000);
    connect(m_soon, &QTimer::timeout, this, &SitePump::syncNow);
    m_interval->start();
    syncNow();
}

void SitePump::syncSoon() {
    if (m_soon && !m_soon->isActive()) {
        m_soon->start();
    }
}

void SitePump::syncNow() {
    runGuarded(
        "syncNow", [&] { syncUnguarded(); },
        [&](const QString& why) {
            m_status.message = why;
            Q_EMIT statusChanged(m_status);
        });
}

void SitePump::syncUnguarded() {
    if (m_soon) {
        m_soon->stop();
    }
    if (!m_link) {
        return;
    }
    SiteStatus next = m_status;
    next.message.clear();
    if (!m_journal) {
        // Opened here, and again at the next tick when it failed: the device's worker may be
        // creating (migrating) the journal right now.
        auto journal = Journal::open(m_databasePath);
        if (!journal) {
            next.message = QString::fromStdString("site: " + journal.error().message);
            m_status = next;
            Q_EMIT statusChanged(next);
            return;
        }
        m_journal = std::make_unique<Journal>(std::move(journal).value());
    }
    const LocalMoment now = localNow();
    auto pushed = m_link->sync(m_journal->database(), now.unixMs);
    qint64 stored = 0;
    if (!pushed) {
        next.state = QStringLiteral("offline");
        next.message = QString::fromStdString(pushed.error().message);
    } else {
        next.state = QStringLiteral("online");
        next.behind = pushed->journalSeq - pushed->replayedSeq;
        stored = pushed->stored;
        if (m_config.site.role == Role::Entry) {
            const std::vector<Desk> desks{'A', 'B'};
            if (auto topped =
                    topUpOfflineNumbers(*m_link, m_journal->database(), now.date.iso(), desks,
                                        m_config.siteServer.offlineNumbers, now.unixMs);
                !topped) {
                next.message = QString::fromStdString("offline numbers: " + topped.error().message);
            }
        }
        auto open = m_link->with([&](PgConnection& conn) {
            return conn.exec(
                "SELECT count(*) FROM conflicts WHERE site_id = $1 AND resolved_ms IS NULL",
                pgParams(m_link->device().siteId));
        });
        if (open) {
            next.conflicts = open->int64(0, 0);
        }
    }
    m_status = next;
    Q_EMIT statusChanged(next);
    Q_EMIT synced(stored);
}

}  // namespace vax::app
