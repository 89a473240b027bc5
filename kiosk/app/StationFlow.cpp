#include "StationFlow.h"

#include "LocalClock.h"
#include "SiteBackend.h"

namespace vax::app {

namespace {

const QString kNone = QStringLiteral("none");
const QString kChecking = QStringLiteral("checking");
const QString kRead = QStringLiteral("read");

bool refusesPack(const QString& refusal) {
    return refusal == QLatin1String("reused_code") || refusal == QLatin1String("expired") ||
           refusal == QLatin1String("vaccine_code");
}

bool refusesSlip(const QString& refusal) {
    return refusal == QLatin1String("forged_slip") || refusal == QLatin1String("slip");
}

}  // namespace

StationFlow::StationFlow(SiteBackend* worker, PayloadRules rules, QObject* parent)
    : QObject(parent), m_worker(worker), m_rules(std::move(rules)) {
    // Queued: the worker's signals arrive from its thread.
    connect(worker, &SiteBackend::opened, this, &StationFlow::onOpened, Qt::QueuedConnection);
    connect(worker, &SiteBackend::slipRead, this, &StationFlow::onSlipRead, Qt::QueuedConnection);
    connect(worker, &SiteBackend::packRead, this, &StationFlow::onPackRead, Qt::QueuedConnection);
    connect(worker, &SiteBackend::bound, this, &StationFlow::onBound, Qt::QueuedConnection);
    connect(
        worker, &SiteBackend::reprinted, this,
        [this](quint64 serial, const ReprintResult& result) {
            if (serial == m_reprintSerial) {
                onReprinted(result);
            }
        },
        Qt::QueuedConnection);
}

void StationFlow::setState(State state) {
    if (state == m_state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged();
}

void StationFlow::onOpened(const QString& error) {
    m_ready = error.isEmpty();
    m_setupError = error;
    Q_EMIT readyChanged();
}

void StationFlow::acceptCode(const QString& text) {
    if (m_state == State::Binding) {
        return;  // one binding at a time; the nurse sees it finish
    }
    const ClassifiedPayload payload = classifyPayload(text.toStdString(), m_rules, localNow().date);
    switch (payload.kind) {
        case PayloadKind::Ticket:
            acceptTicket(text);
            break;
        case PayloadKind::TraceCode:
            acceptPack(text);
            break;
        case PayloadKind::HealthCode:
        case PayloadKind::ResidentId:
        case PayloadKind::Unknown:
            m_scanProblem = QStringLiteral("not_station_code");
            Q_EMIT detailsChanged();
            break;
    }
}

void StationFlow::acceptTicket(const QString& text) {
    if (m_state == State::Bound) {
        if (text == m_slipText) {
            return;  // the slip just bound, still in view
        }
        nextPerson();  // a new slip: the next person is here
    } else if (m_state == State::Refused) {
        leaveOutcome();
    }
    if (m_slipState == kChecking) {
        return;
    }
    if (m_slipState == kRead) {
        if (text != m_slipText) {
            m_scanProblem = QStringLiteral("slip_already_read");
            Q_EMIT detailsChanged();
        }
        return;
    }
    m_scanProblem.clear();
    m_slipState = kChecking;
    m_slipText = text;
    Q_EMIT detailsChanged();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, session = m_session, text] { worker->readSlip(session, text); },
        Qt::QueuedConnection);
}

void StationFlow::onSlipRead(quint64 session, const SlipRead& slip) {
    if (session != m_session || m_slipState != kChecking) {
        return;
    }
    if (!slip.valid) {
        m_slipState = kNone;
        m_slipText.clear();
        m_slip = {};
        if (slip.problem == QLatin1String("dose_ticket")) {
            m_scanProblem = QStringLiteral("dose_ticket");
            Q_EMIT detailsChanged();
            return;
        }
        refuseBeforeBinding(slip.problem == QLatin1String("forged")  ? QStringLiteral("forged_slip")
                            : slip.problem == QLatin1String("setup") ? QStringLiteral("setup")
                                                                     : QStringLiteral("slip"),
                            slip.reason, m_pack);
        return;
    }
    m_slip = slip;
    m_slipState = kRead;
    Q_EMIT detailsChanged();
    bindIfComplete();
}

void StationFlow::acceptPack(const QString& text) {
    if (m_state == State::Bound) {
        m_scanProblem = QStringLiteral("already_bound");
        Q_EMIT detailsChanged();
        return;
    }
    if (m_state == State::Refused) {
        leaveOutcome();
    }
    if (m_packState == kChecking || (m_packState == kRead && text == m_packText)) {
        return;
    }
    m_scanProblem.clear();
    m_packText = text;
    m_pack = {};
    m_packState = kChecking;
    Q_EMIT detailsChanged();
    if (m_slipState == kRead) {
        bindIfComplete();
        return;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, session = m_session, text] { worker->readPack(session, text); },
        Qt::QueuedConnection);
}

void StationFlow::onPackRead(quint64 session, const PackRead& pack) {
    if (session != m_session || m_packState != kChecking || m_state != State::Scan) {
        return;  // a binding started meanwhile: it answers for the pack
    }
    if (!pack.valid) {
        refuseBeforeBinding(pack.problem == QLatin1String("expired")
                                ? QStringLiteral("expired")
                                : QStringLiteral("vaccine_code"),
                            pack.reason, pack);
        return;
    }
    m_pack = pack;
    m_packState = kRead;
    Q_EMIT detailsChanged();
    bindIfComplete();
}

void StationFlow::bindIfComplete() {
    if (m_state != State::Scan || m_slipState != kRead || m_packText.isEmpty()) {
        return;
    }
    m_result = {};
    Q_EMIT resultChanged();
    setState(State::Binding);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, session = m_session, slip = m_slipText, pack = m_packText] {
            worker->bind(session, slip, pack);
        },
        Qt::QueuedConnection);
}

void StationFlow::onBound(quint64 session, const BindResult& result) {
    if (session != m_session || m_state != State::Binding) {
        return;
    }
    if (!result.bound) {
        BindResult refused = result;
        if (refused.maskedId.isEmpty()) {
            refused.maskedId = m_slip.maskedId;
        }
        refuse(refused);
        return;
    }
    m_result = result;
    m_pack.product = result.product;
    m_pack.lot = result.lot;
    m_packState = kRead;
    m_lastVisitId = result.visitId;
    m_reprintState.clear();
    m_reprintError.clear();
    Q_EMIT detailsChanged();
    Q_EMIT resultChanged();
    Q_EMIT reprintChanged();
    setState(State::Bound);
}

void StationFlow::refuseBeforeBinding(const QString& refusal, const QString& reason,
                                      const PackRead& pack) {
    BindResult refused;
    refused.refusal = refusal;
    refused.reason = reason;
    refused.product = pack.product;
    refused.lot = pack.lot;
    refused.maskedId = m_slip.maskedId;  // empty when the slip is what was refused
    refuse(refused);
}

void StationFlow::refuse(const BindResult& refused) {
    m_result = refused;
    // What was refused is dropped; the other code stays read, so a replacement tries again.
    const bool dropPack = !refusesSlip(refused.refusal);
    const bool dropSlip = !refusesPack(refused.refusal);
    if (dropPack) {
        m_packText.clear();
        m_pack = {};
        m_packState = kNone;
    }
    if (dropSlip) {
        m_slipText.clear();
        m_slip = {};
        m_slipState = kNone;
    }
    Q_EMIT detailsChanged();
    Q_EMIT resultChanged();
    setState(State::Refused);
}

void StationFlow::leaveOutcome() {
    m_result = {};
    Q_EMIT resultChanged();
    setState(State::Scan);
}

void StationFlow::nextPerson() {
    // A new session number: late answers about this person are dropped.
    ++m_session;
    m_slipState = kNone;
    m_slipText.clear();
    m_slip = {};
    m_packState = kNone;
    m_packText.clear();
    m_pack = {};
    m_scanProblem.clear();
    m_result = {};
    if (m_reprintState != QLatin1String("printing")) {
        m_reprintState.clear();
        m_reprintError.clear();
    }
    Q_EMIT detailsChanged();
    Q_EMIT resultChanged();
    Q_EMIT reprintChanged();
    setState(State::Scan);
}

void StationFlow::reprintLast() {
    if (m_lastVisitId == 0 || m_reprintState == QLatin1String("printing")) {
        return;
    }
    m_reprintState = QStringLiteral("printing");
    m_reprintError.clear();
    Q_EMIT reprintChanged();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, serial = ++m_reprintSerial, visit = m_lastVisitId] {
            worker->reprint(serial, visit);
        },
        Qt::QueuedConnection);
}

void StationFlow::onReprinted(const ReprintResult& result) {
    m_reprintState = result.printed ? QStringLiteral("printed") : QStringLiteral("failed");
    m_reprintError = result.error;
    Q_EMIT reprintChanged();
}

}  // namespace vax::app
