#include "StatusBoard.h"

#include <sys/stat.h>

#include <ctime>

#include "CameraFeed.h"
#include "EntryWorker.h"
#include "devices/ClockStatus.h"
#include "devices/PrinterHealth.h"
#include "devices/PrinterTransport.h"

namespace vax::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

// Asks the devices; lives on the board's polling thread, where every call may block.
class DevicePoller : public QObject {
public:
    explicit DevicePoller(StatusSources sources) : m_sources(std::move(sources)) {}

    StatusBoard::DeviceSnapshot snapshot() const {
        StatusBoard::DeviceSnapshot s;
        readPrinter(s);
        const ClockStatus clock = readClockStatus(m_sources.clockMarker);
        s.clockSynced = clock.synchronized;
        s.clockMessage = qs(clock.message);
        struct stat st {};
        if (!m_sources.trustFile.empty() && ::stat(m_sources.trustFile.c_str(), &st) == 0) {
            const std::time_t age = std::time(nullptr) - st.st_mtim.tv_sec;
            s.trustAgeHours = age < 0 ? 0 : int(age / 3600);
        }
        return s;
    }

private:
    void readPrinter(StatusBoard::DeviceSnapshot& s) const {
        if (m_sources.printerUri.empty()) {
            s.printerState = QStringLiteral("none");
            s.printerMessage = QStringLiteral("no printer is configured");
            return;
        }
        // A fresh connection each time: the printer is shared with the entry worker's jobs,
        // which open their own.
        auto transport = openPrinter(m_sources.printerUri);
        if (!transport) {
            s.printerState = QStringLiteral("missing");
            s.printerMessage = qs(transport.error().message);
            return;
        }
        const auto queried = (*transport)->queryStatus();
        const DeviceHealth health = printerHealth(queried, (*transport)->reportsStatus());
        s.printerState = qs(std::string(toString(health.state)));
        s.printerMessage = qs(health.message);
        if (queried && *queried && (*queried)->ready() && (*queried)->paperNearEnd) {
            s.printerState = QStringLiteral("paper_low");
        }
    }

    StatusSources m_sources;
};

}  // namespace

StatusBoard::StatusBoard(StatusSources sources, QObject* parent)
    : QObject(parent), m_sources(std::move(sources)) {
    m_poller = new DevicePoller(m_sources);
    m_poller->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_poller, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("status-poll"));
    m_timer.setInterval(m_sources.pollMs);
    connect(&m_timer, &QTimer::timeout, this, &StatusBoard::poll);
}

StatusBoard::~StatusBoard() {
    m_timer.stop();
    if (m_threadStarted) {
        m_thread.quit();
        m_thread.wait();  // the poller is deleted on its thread as it finishes
    } else {
        delete m_poller;
    }
}

void StatusBoard::watchOutbox(OutboxPump* pump) {
    connect(pump, &OutboxPump::statusChanged, this, &StatusBoard::applyOutbox,
            Qt::QueuedConnection);
}

void StatusBoard::watchSite(SitePump* pump) {
    connect(
        pump, &SitePump::statusChanged, this,
        [this](const SiteStatus& status) {
            m_site = status;
            Q_EMIT changed();
        },
        Qt::QueuedConnection);
}

void StatusBoard::watchCamera(CameraFeed* camera) {
    m_camera = camera;
    connect(camera, &CameraFeed::activeChanged, this, &StatusBoard::applyCamera);
    applyCamera();
}

void StatusBoard::watchEntryWorker(EntryWorker* worker) {
    m_worker = worker;
    m_thermometerState = QStringLiteral("unknown");
    m_thermometerMessage.clear();
    connect(worker, &EntryWorker::thermometerHealth, this, &StatusBoard::applyThermometer,
            Qt::QueuedConnection);
    Q_EMIT changed();
}

void StatusBoard::start() {
    if (!m_threadStarted) {
        m_threadStarted = true;
        m_thread.start();
    }
    poll();
    m_timer.start();
}

void StatusBoard::poll() {
    // One poll at a time: a slow printer must not queue up polls behind it.
    if (!m_pollBusy) {
        m_pollBusy = true;
        auto* poller = static_cast<DevicePoller*>(m_poller);
        QMetaObject::invokeMethod(
            poller,
            [this, poller] {
                const DeviceSnapshot snapshot = poller->snapshot();  // polling thread
                QMetaObject::invokeMethod(
                    this, [this, snapshot] { applyDevices(snapshot); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
    if (m_worker && !m_thermometerAsked) {
        m_thermometerAsked = true;
        QMetaObject::invokeMethod(m_worker, &EntryWorker::reportThermometer, Qt::QueuedConnection);
    }
}

void StatusBoard::applyDevices(const DeviceSnapshot& s) {
    m_pollBusy = false;
    m_printerState = s.printerState;
    m_printerMessage = s.printerMessage;
    m_clockSynced = s.clockSynced;
    m_clockMessage = s.clockMessage;
    m_trustAgeHours = s.trustAgeHours;
    Q_EMIT changed();
    Q_EMIT polled();
}

void StatusBoard::applyOutbox(const OutboxStatus& status) {
    m_networkState = status.network;
    m_networkMessage = status.message;
    m_outboxPending = int(status.pending);
    m_outboxRefused = int(status.refused);
    m_lastUpload = status.lastSuccessMs > 0 ? QDateTime::fromMSecsSinceEpoch(status.lastSuccessMs)
                                            : QDateTime();
    Q_EMIT changed();
}

void StatusBoard::applyThermometer(const QString& state, const QString& message) {
    m_thermometerAsked = false;
    if (state == m_thermometerState && message == m_thermometerMessage) {
        return;
    }
    m_thermometerState = state;
    m_thermometerMessage = message;
    Q_EMIT changed();
}

void StatusBoard::applyCamera() {
    if (!m_camera->fault().isEmpty()) {
        // Capture or decoding throws and the pipeline carries on: staff should know.
        m_cameraState = QStringLiteral("degraded");
        m_cameraMessage = m_camera->fault();
    } else if (m_camera->active()) {
        m_cameraState = QStringLiteral("ok");
        m_cameraMessage = m_camera->sourceMessage().isEmpty() ? QStringLiteral("delivering frames")
                                                              : m_camera->sourceMessage();
    } else if (m_camera->sourceMessage().isEmpty()) {
        m_cameraState = QStringLiteral("none");
        m_cameraMessage = QStringLiteral("the camera is not started");
    } else {
        m_cameraState = QStringLiteral("missing");
        m_cameraMessage = m_camera->sourceMessage();
    }
    Q_EMIT changed();
}

}  // namespace vax::app
