#include "EntryFlow.h"

#include "EntryBackend.h"
#include "LocalClock.h"
#include "core/Decision.h"
#include "core/Questionnaire.h"
#include "core/ResidentId.h"

namespace vax::app {

namespace {

// How long the measured temperature stays on screen before the questions begin.
constexpr int kTemperatureShownMs = 1500;

QString fromView(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

}  // namespace

EntryFlow::EntryFlow(EntryBackend* worker, PayloadRules rules, QObject* parent)
    : QObject(parent), m_worker(worker), m_rules(std::move(rules)) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &EntryFlow::restart);
    // Queued: the worker's signals arrive from its thread.
    connect(worker, &EntryBackend::opened, this, &EntryFlow::onOpened, Qt::QueuedConnection);
    connect(
        worker, &EntryBackend::healthCodeChecked, this,
        [this](quint64 session, int status, const QString& source, const QString&) {
            onHealthCodeChecked(session, status, source);
        },
        Qt::QueuedConnection);
    connect(worker, &EntryBackend::measurementTaken, this, &EntryFlow::onMeasurementTaken,
            Qt::QueuedConnection);
    connect(worker, &EntryBackend::temperatureFinished, this, &EntryFlow::onTemperatureFinished,
            Qt::QueuedConnection);
    connect(worker, &EntryBackend::checkedIn, this, &EntryFlow::onCheckedIn, Qt::QueuedConnection);
}

bool EntryFlow::canProceed() const {
    return m_ready && !m_idText.isEmpty() && m_healthCode != QLatin1String("none") &&
           m_healthCode != QLatin1String("checking");
}

int EntryFlow::questionCount() const {
    return int(kQuestionCount);
}

QString EntryFlow::questionZh() const {
    return fromView(questionnaire()[std::size_t(m_questionIndex)].zh);
}

QString EntryFlow::questionEn() const {
    return fromView(questionnaire()[std::size_t(m_questionIndex)].en);
}

void EntryFlow::setIdleTimeoutMs(int ms) {
    if (ms == m_idleTimeoutMs) {
        return;
    }
    m_idleTimeoutMs = ms;
    m_idle.setInterval(ms);
    Q_EMIT idleTimeoutMsChanged();
}

void EntryFlow::setState(State state) {
    noteActivity();
    if (state == m_state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged();
}

void EntryFlow::noteActivity() {
    if (m_state == State::Welcome && m_idText.isEmpty() && m_healthCode == QLatin1String("none")) {
        m_idle.stop();  // nothing to forget
    } else {
        m_idle.start();
    }
}

void EntryFlow::onOpened(const QString& error) {
    m_ready = error.isEmpty();
    m_setupError = error;
    Q_EMIT readyChanged();
    Q_EMIT detailsChanged();
}

bool EntryFlow::acceptManualId(const QString& text) {
    if (m_state != State::Welcome && m_state != State::Scanned) {
        return false;
    }
    auto id = ResidentId::parse(text.toStdString(), localNow().date);
    if (!id) {
        return false;
    }
    m_idText = QString::fromStdString(id->number());
    m_maskedId = QString::fromStdString(id->masked());
    m_scanProblem.clear();
    Q_EMIT detailsChanged();
    setState(State::Scanned);
    return true;
}

void EntryFlow::acceptCode(const QString& text) {
    if (m_state != State::Welcome && m_state != State::Scanned) {
        return;  // a phone still held up while answering must not restart anything
    }
    const std::string utf8 = text.toStdString();
    const ClassifiedPayload payload = classifyPayload(utf8, m_rules, localNow().date);
    m_scanProblem.clear();
    switch (payload.kind) {
        case PayloadKind::HealthCode:
            m_healthCode = QStringLiteral("checking");
            QMetaObject::invokeMethod(
                m_worker,
                [worker = m_worker, session = m_session, text] {
                    worker->checkHealthCode(session, text);
                },
                Qt::QueuedConnection);
            break;
        case PayloadKind::ResidentId:
            if (payload.residentId) {
                m_idText = QString::fromStdString(payload.residentId->number());
                m_maskedId = QString::fromStdString(payload.residentId->masked());
            }
            break;
        case PayloadKind::Ticket:
        case PayloadKind::TraceCode:
        case PayloadKind::Unknown:
            m_scanProblem = QStringLiteral("unknown_code");
            break;
    }
    Q_EMIT detailsChanged();
    setState(State::Scanned);
}

void EntryFlow::onHealthCodeChecked(quint64 session, int status, const QString& source) {
    if (session != m_session) {
        return;
    }
    m_healthStatus = status;
    m_healthSource = source;
    const auto name = toString(HealthCodeStatus(status));
    m_healthCode = name == "not_checked" ? QStringLiteral("unavailable") : fromView(name);
    Q_EMIT detailsChanged();
}

void EntryFlow::proceed() {
    if (m_state != State::Scanned || !canProceed()) {
        return;
    }
    m_temperatureState = QStringLiteral("measuring");
    m_temperatureText.clear();
    Q_EMIT temperatureChanged();
    setState(State::Temperature);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, session = m_session] { worker->measureTemperature(session); },
        Qt::QueuedConnection);
}

void EntryFlow::onMeasurementTaken(quint64 session, const QString& outcome, double celsius,
                                   bool hasReading) {
    if (session != m_session) {
        return;
    }
    m_temperatureText = hasReading ? QString::number(celsius, 'f', 1) : QString();
    // A second measurement follows "measure again" and the recheck near the threshold.
    m_temperatureState = outcome == QLatin1String("measure-again") ? QStringLiteral("again")
                                                                   : QStringLiteral("measuring");
    Q_EMIT temperatureChanged();
    noteActivity();
}

void EntryFlow::onTemperatureFinished(quint64 session, const TemperatureResult& result) {
    if (session != m_session || m_state != State::Temperature) {
        return;
    }
    m_temperature = result;
    if (!result.recorded) {
        m_temperatureState = QStringLiteral("error");
        Q_EMIT temperatureChanged();
        return;
    }
    m_temperatureState = result.hasReading ? QStringLiteral("done") : QStringLiteral("error");
    m_temperatureText = result.hasReading ? QString::number(result.celsius, 'f', 1) : QString();
    Q_EMIT temperatureChanged();
    QTimer::singleShot(kTemperatureShownMs, this, [this, session] {
        if (session != m_session || m_state != State::Temperature) {
            return;
        }
        m_questionIndex = 0;
        m_answers.clear();
        Q_EMIT questionChanged();
        setState(State::Questions);
    });
}

void EntryFlow::answer(int value) {
    if (m_state != State::Questions || value < 0 || value > 2) {
        return;
    }
    m_answers.resize(m_questionIndex);
    m_answers.append(value);
    if (m_questionIndex + 1 < questionCount()) {
        ++m_questionIndex;
        Q_EMIT questionChanged();
        noteActivity();
        return;
    }
    m_resultReady = false;
    m_result = {};
    Q_EMIT resultChanged();
    setState(State::Result);
    CheckInRequest request{m_idText, m_healthStatus, m_healthSource, m_temperature, m_answers};
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, session = m_session, request] { worker->checkIn(session, request); },
        Qt::QueuedConnection);
}

void EntryFlow::previousQuestion() {
    if (m_state != State::Questions || m_questionIndex == 0) {
        return;
    }
    --m_questionIndex;
    Q_EMIT questionChanged();
    noteActivity();
}

void EntryFlow::onCheckedIn(quint64 session, const CheckInResult& result) {
    if (session != m_session) {
        return;
    }
    m_result = result;
    m_resultReady = true;
    Q_EMIT resultChanged();
    noteActivity();
}

void EntryFlow::restart() {
    // A new session number: late answers from the worker about this visit are dropped.
    m_worker->cancelTemperature(m_session);
    ++m_session;
    m_idText.clear();
    m_maskedId.clear();
    m_healthCode = QStringLiteral("none");
    m_healthStatus = int(HealthCodeStatus::NotChecked);
    m_healthSource = QStringLiteral("none");
    m_scanProblem.clear();
    m_temperatureState = QStringLiteral("idle");
    m_temperatureText.clear();
    m_temperature = {};
    m_questionIndex = 0;
    m_answers.clear();
    m_resultReady = false;
    m_result = {};
    Q_EMIT detailsChanged();
    Q_EMIT temperatureChanged();
    Q_EMIT questionChanged();
    Q_EMIT resultChanged();
    setState(State::Welcome);
    m_idle.stop();
}

}  // namespace vax::app
