#include "ExitFlow.h"

#include <QDateTime>

#include "LocalClock.h"
#include "SiteBackend.h"

namespace vax::app {

ExitFlow::ExitFlow(SiteBackend* worker, PayloadRules rules, QObject* parent)
    : QObject(parent),
      m_worker(worker),
      m_rules(std::move(rules)),
      m_observation(new ObservationModel(this)) {
    m_resultTimer.setSingleShot(true);
    m_resultTimer.setInterval(m_resultTimeoutMs);
    connect(&m_resultTimer, &QTimer::timeout, this, &ExitFlow::dismiss);
    // Queued: the worker's signals arrive from its thread.
    connect(worker, &SiteBackend::opened, this, &ExitFlow::onOpened, Qt::QueuedConnection);
    connect(worker, &SiteBackend::exitChecked, this, &ExitFlow::onExitChecked,
            Qt::QueuedConnection);
    connect(worker, &SiteBackend::observationListed, this, &ExitFlow::onObservationListed,
            Qt::QueuedConnection);
}

void ExitFlow::setResultTimeoutMs(int ms) {
    if (ms == m_resultTimeoutMs) {
        return;
    }
    m_resultTimeoutMs = ms;
    m_resultTimer.setInterval(ms);
    Q_EMIT resultTimeoutMsChanged();
}

void ExitFlow::setState(State state) {
    if (state == m_state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged();
}

void ExitFlow::onOpened(const QString& error) {
    m_ready = error.isEmpty();
    m_setupError = error;
    Q_EMIT readyChanged();
}

void ExitFlow::acceptCode(const QString& text) {
    if (m_state == State::Checking) {
        return;  // one ticket at a time
    }
    const ClassifiedPayload payload = classifyPayload(text.toStdString(), m_rules, localNow().date);
    if (payload.kind != PayloadKind::Ticket) {
        ExitResult notOurs;
        notOurs.problem = QStringLiteral("not_ticket");
        notOurs.reason = QStringLiteral("not a dose ticket of this site");
        showResult(notOurs);
        return;
    }
    // A new person: the answer about the one before is no longer wanted.
    ++m_session;
    m_resultTimer.stop();
    setState(State::Checking);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, session = m_session, text] { worker->checkExit(session, text); },
        Qt::QueuedConnection);
}

void ExitFlow::onExitChecked(quint64 session, const ExitResult& result) {
    if (session != m_session || m_state != State::Checking) {
        return;
    }
    showResult(result);
}

void ExitFlow::showResult(const ExitResult& result) {
    m_result = result;
    Q_EMIT resultChanged();
    setState(State::Result);
    m_resultTimer.start();
}

void ExitFlow::dismiss() {
    m_resultTimer.stop();
    if (m_state == State::Checking) {
        return;  // the answer is on its way: it is shown, then times out
    }
    ++m_session;
    m_result = {};
    Q_EMIT resultChanged();
    setState(State::Scan);
}

void ExitFlow::refreshObservation() {
    QMetaObject::invokeMethod(m_worker, &SiteBackend::listObservation, Qt::QueuedConnection);
}

void ExitFlow::onObservationListed(const QList<ObservationEntry>& people, qint64 nowMs,
                                   const QString& error) {
    m_observationError = error;
    if (error.isEmpty()) {
        m_observation->setPeople(people, nowMs);
        m_observationUpdated =
            QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("HH:mm"));
    }
    Q_EMIT observationChanged();
}

}  // namespace vax::app
