#include "FakeEntryBackend.h"

#include "EntryDecision.h"
#include "LocalClock.h"
#include "core/Policy.h"

namespace vax::test {

using vax::app::CheckInRequest;
using vax::app::CheckInResult;
using vax::app::TemperatureResult;

FakeEntryBackend::FakeEntryBackend(QObject* parent) : EntryBackend(parent) {}

void FakeEntryBackend::note(const QString& call) {
    m_calls.append(call);
    Q_EMIT callsChanged();
}

void FakeEntryBackend::open(const QString& error) {
    Q_EMIT opened(error);
}

void FakeEntryBackend::checkHealthCode(quint64 session, const QString&) {
    note(QStringLiteral("checkHealthCode"));
    const auto status = healthCodeStatusFromString(m_healthCode.toStdString());
    if (!status) {
        qWarning("FakeEntryBackend: unknown health code status %s", qPrintable(m_healthCode));
    }
    Q_EMIT healthCodeChecked(session, int(status.value_or(HealthCodeStatus::Unavailable)),
                             QStringLiteral("service"), QString());
}

void FakeEntryBackend::measureTemperature(quint64 session) {
    note(QStringLiteral("measureTemperature"));
    m_measuring = true;
    m_measuringSession = session;
    if (m_measureTwice) {
        Q_EMIT measurementTaken(session, QStringLiteral("measure-again"), 0, false);
    }
    if (!m_holdTemperature) {
        finishTemperature();
    }
}

void FakeEntryBackend::finishTemperature() {
    if (!m_measuring) {
        return;
    }
    m_measuring = false;
    TemperatureResult result;
    result.recorded = true;
    if (m_thermometerFails) {
        result.error = QStringLiteral("scripted sensor error");
        Q_EMIT measurementTaken(m_measuringSession, QStringLiteral("sensor-error"), 0, false);
    } else {
        const bool fever = m_temperature >= TemperaturePolicy{}.feverThresholdC;
        Q_EMIT measurementTaken(m_measuringSession,
                                fever ? QStringLiteral("fever") : QStringLiteral("normal"),
                                m_temperature, true);
        result.hasReading = true;
        result.celsius = m_temperature;
    }
    Q_EMIT temperatureFinished(m_measuringSession, result);
}

void FakeEntryBackend::cancelTemperature(quint64 /*throughSession*/) {
    note(QStringLiteral("cancelTemperature"));
    m_measuring = false;
}

void FakeEntryBackend::checkIn(quint64 session, const CheckInRequest& request) {
    note(QStringLiteral("checkIn"));
    m_lastAnswers.clear();
    for (int answer : request.answers) {
        m_lastAnswers.append(answer);
    }
    Q_EMIT callsChanged();

    CheckInResult out;
    const vax::app::LocalMoment at = vax::app::localNow();
    auto id = ResidentId::parse(request.idText.toStdString(), at.date);
    if (!m_journalError.isEmpty() || !id || request.answers.size() != int(kQuestionCount)) {
        out.error = m_journalError.isEmpty() ? QStringLiteral("bad request") : m_journalError;
        Q_EMIT checkedIn(session, out);
        return;
    }
    const Decision decision =
        decideCheckIn(vax::app::checkInFacts(request, *id, at.date), Policy{});
    const std::string_view outcome = toString(decision.outcome);
    out.outcome = QString::fromUtf8(outcome.data(), qsizetype(outcome.size()));
    out.visitId = ++m_visits;
    if (decision.outcome == Outcome::Proceed) {
        out.queueNumber = m_queueNumber;
        out.desk = m_queueNumber.left(1);
        out.printed = m_printError.isEmpty();
        out.printError = m_printError;
    }
    for (const Reason& reason : decision.reasons) {
        out.reasonsZh.append(QString::fromStdString(reason.zh));
        out.reasonsEn.append(QString::fromStdString(reason.en));
    }
    Q_EMIT checkedIn(session, out);
}

}  // namespace vax::test
