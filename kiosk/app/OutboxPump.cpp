#include "OutboxPump.h"

#include <chrono>

#include "SlotGuard.h"
#include "net/HttpClient.h"
#include "net/OutboxDrain.h"
#include "net/RecordUploader.h"
#include "store/Journal.h"
#include "sync/JournalSync.h"
#include "sync/NetworkSetup.h"

namespace vax::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

}  // namespace

OutboxPump::OutboxPump(KioskConfig config, std::filesystem::path databasePath, PumpTiming timing)
    : m_config(std::move(config)), m_databasePath(std::move(databasePath)), m_timing(timing) {}

// Destroyed on the pump's thread as it finishes (QThread::finished -> deleteLater), or after it.
OutboxPump::~OutboxPump() = default;

void OutboxPump::cancel() {
    std::lock_guard lock(m_cancelMutex);
    m_cancelled = true;
    if (m_uploader) {
        m_uploader->cancel();
    }
    if (m_probe) {
        m_probe->cancel();
    }
}

void OutboxPump::start() {
    m_interval = new QTimer(this);
    m_interval->setInterval(m_timing.intervalMs);
    connect(m_interval, &QTimer::timeout, this, &OutboxPump::drainNow);
    m_soon = new QTimer(this);
    m_soon->setSingleShot(true);
    m_soon->setInterval(m_timing.afterCheckInMs);
    connect(m_soon, &QTimer::timeout, this, &OutboxPump::drainNow);

    if (m_config.network.recordsService.empty()) {
        m_status.network = QStringLiteral("none");
        m_setupError = QStringLiteral("no records service is configured: records wait here");
    } else if (auto uploader = makeUploader(m_config); !uploader) {
        m_status.network = QStringLiteral("none");
        m_setupError = qs(uploader.error().message);
    } else {
        std::lock_guard lock(m_cancelMutex);
        m_uploader = std::move(uploader).value();
        m_probe = std::make_unique<HttpClient>(tlsOptions(m_config.network));
        if (m_cancelled) {
            m_uploader->cancel();
            m_probe->cancel();
        }
    }
    m_interval->start();
    drainNow();
}

void OutboxPump::drainSoon() {
    if (m_soon && !m_soon->isActive()) {
        m_soon->start();
    }
}

void OutboxPump::drainNow() {
    // A throw (a library that should have answered with an error) must not end the pump's
    // thread: the strip shows it as the outbox's message and the next tick drains again.
    runGuarded(
        "drainNow", [&] { drainUnguarded(); },
        [&](const QString& why) {
            m_status.message = why;
            Q_EMIT statusChanged(m_status);
        });
}

void OutboxPump::drainUnguarded() {
    if (m_soon) {
        m_soon->stop();
    }
    OutboxStatus next = m_status;
    next.message = m_setupError;
    // Opened here, and again at the next tick when it failed: another connection may be
    // creating (migrating) the journal right now.
    if (!m_journal) {
        auto journal = Journal::open(m_databasePath);
        if (!journal) {
            next.message = qs("outbox: " + journal.error().message);
            m_status = next;
            Q_EMIT statusChanged(next);
            return;
        }
        m_journal = std::make_unique<Journal>(std::move(journal).value());
    }
    qint64 delivered = 0;
    if (m_uploader) {
        JournalOutboxQueue queue(*m_journal, m_config.site.id, m_config.network.deviceId);
        DrainOptions options;
        options.batchSize = m_config.network.uploadBatch;
        const DrainSummary summary = drainOutbox(queue, *m_uploader, options);
        delivered = summary.delivered;
        const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        if (summary.stoppedBy) {
            if (summary.stoppedBy->kind != HttpError::Kind::Cancelled) {
                next.network = QStringLiteral("offline");
                next.message = qs(summary.stoppedBy->message);
            }
        } else if (summary.requests > 0 || probe()) {
            next.network = QStringLiteral("online");
            next.lastSuccessMs = now;
        } else if (!m_probe->cancelled()) {
            next.network = QStringLiteral("offline");
            next.message = QStringLiteral("the records service does not answer");
        }
        if (summary.storeError) {
            next.message = qs("outbox: " + *summary.storeError);
        }
    }
    if (auto counts = m_journal->outbox().status(); counts) {
        next.pending = counts->pending;
        next.refused = counts->refused;
        next.delivered = counts->delivered;
    } else {
        next.message = qs("outbox: " + counts.error().message);
    }
    m_status = next;
    Q_EMIT statusChanged(next);
    Q_EMIT drained(delivered);
}

bool OutboxPump::probe() {
    std::string url = m_config.network.recordsService;
    while (!url.empty() && url.back() == '/') {
        url.pop_back();
    }
    HttpRequest request = HttpRequest::get(url + "/healthz");
    request.retry.maxAttempts = 1;  // the next drain is the retry
    return bool(m_probe->send(request));
}

}  // namespace vax::app
