#include "EntryWorker.h"

#include <cmath>

#include "EntryDecision.h"
#include "LocalClock.h"
#include "SlotGuard.h"
#include "core/Decision.h"
#include "core/ResidentId.h"
#include "devices/OpenThermometer.h"
#include "devices/TemperatureReader.h"
#include "ops/CheckIns.h"
#include "ops/JournaledTemperature.h"
#include "ops/SiteLink.h"
#include "ops/SlipPrinting.h"
#include "sync/NetworkSetup.h"

namespace vax::app {

namespace {

// Where a visit given back stands for the resident now: its stage, not the entry's first
// decision, which staff may have changed since (reinstated a deferral, deferred a review).
Outcome standing(const VisitState& visit) {
    switch (visit.stage) {
        case Stage::Waiting:
        case Stage::Called:
        case Stage::Registered:
            return Outcome::Proceed;
        case Stage::Deferred:
            return Outcome::Defer;
        default:
            return Outcome::StaffReview;
    }
}

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

}  // namespace

EntryWorker::EntryWorker(KioskConfig config, std::filesystem::path databasePath)
    : m_config(std::move(config)), m_databasePath(std::move(databasePath)) {}

// Members are destroyed on the worker thread's owner after the thread stopped.
EntryWorker::~EntryWorker() = default;

void EntryWorker::useThermometer(std::unique_ptr<Thermometer> thermometer) {
    m_injectedThermometer = std::move(thermometer);
}

// Each slot answers even when a library throws: the flow waits for that answer.
void EntryWorker::open() {
    runGuarded(
        "open", [&] { openUnguarded(); }, [&](const QString& why) { Q_EMIT opened(why); });
}

void EntryWorker::checkHealthCode(quint64 session, const QString& text) {
    runGuarded(
        "checkHealthCode", [&] { checkHealthCodeUnguarded(session, text); },
        [&](const QString& why) {
            Q_EMIT healthCodeChecked(session, int(HealthCodeStatus::Unavailable),
                                     QStringLiteral("none"), why);
        });
}

void EntryWorker::measureTemperature(quint64 session) {
    runGuarded(
        "measureTemperature", [&] { measureTemperatureUnguarded(session); },
        [&](const QString& why) {
            // Not recorded: the screen shows the error and staff measure by hand.
            TemperatureResult failed;
            failed.error = why;
            Q_EMIT temperatureFinished(session, failed);
        });
}

void EntryWorker::checkIn(quint64 session, const CheckInRequest& request) {
    runGuarded(
        "checkIn", [&] { checkInUnguarded(session, request); },
        [&](const QString& why) {
            CheckInResult failed;
            failed.error = why;
            Q_EMIT checkedIn(session, failed);
        });
}

void EntryWorker::reportThermometer() {
    runGuarded(
        "reportThermometer", [&] { reportThermometerUnguarded(); },
        [&](const QString& why) { Q_EMIT thermometerHealth(QStringLiteral("degraded"), why); });
}

void EntryWorker::openUnguarded() {
    auto keys = SiteKeys::load(m_config.site.keyFile);
    if (!keys) {
        Q_EMIT opened(qs(keys.error().message));
        return;
    }
    m_keys = std::move(keys).value();
    auto journal = Journal::open(m_databasePath);
    if (!journal) {
        Q_EMIT opened(qs(journal.error().message));
        return;
    }
    m_journal.emplace(std::move(journal).value());
    m_replay = std::make_unique<JournalReplayCache>(*m_journal);
    auto checker = makeHealthCodeChecker(m_config, *m_replay);
    if (!checker) {
        Q_EMIT opened(qs(checker.error().message));
        return;
    }
    m_checker = std::move(checker).value();
    // The site server's numbers (or this kiosk's reserved ones while it cannot be reached).
    auto site = SiteLink::open(m_config);
    if (!site) {
        Q_EMIT opened(qs(site.error().message));
        return;
    }
    m_site = std::move(site).value();
    // No thermometer is not fatal: the person goes to staff, who measure by hand.
    if (m_injectedThermometer) {
        m_thermometer = std::move(m_injectedThermometer);
    } else if (m_config.devices.thermometer.kind != ThermometerKind::None) {
        auto thermometer = openThermometer(m_config.devices.thermometer);
        if (thermometer) {
            m_thermometer = std::move(thermometer).value();
        } else {
            m_thermometerError = qs(thermometer.error().message);
        }
    } else {
        m_thermometerError = QStringLiteral("no thermometer is configured");
    }
    Q_EMIT opened(QString());
}

void EntryWorker::checkHealthCodeUnguarded(quint64 session, const QString& text) {
    if (!m_checker) {
        Q_EMIT healthCodeChecked(session, int(HealthCodeStatus::Unavailable),
                                 QStringLiteral("none"), QStringLiteral("kiosk not ready"));
        return;
    }
    const HealthCodeCheck check = m_checker->check(text.toStdString(), localNow().unixMs / 1000);
    Q_EMIT healthCodeChecked(session, int(check.status), qs(check.source), qs(check.detail));
}

void EntryWorker::reportThermometerUnguarded() {
    if (!m_thermometer) {
        Q_EMIT thermometerHealth(QStringLiteral("missing"), m_thermometerError);
        return;
    }
    if (!m_thermometerUsed) {
        // Drivers open the device at the first reading: nothing is known before.
        Q_EMIT thermometerHealth(QStringLiteral("unknown"), QStringLiteral("not used yet"));
        return;
    }
    const DeviceHealth health = m_thermometer->health();
    Q_EMIT thermometerHealth(qs(std::string(toString(health.state))), qs(health.message));
}

void EntryWorker::cancelTemperature(quint64 throughSession) {
    quint64 through = m_cancelledThrough.load();
    while (through < throughSession &&
           !m_cancelledThrough.compare_exchange_weak(through, throughSession)) {
    }
    // After the mark: a measurement starting now either sees the mark or gets this flag.
    if (m_measuringSession.load() <= throughSession) {
        m_cancel = true;
    }
}

void EntryWorker::measureTemperatureUnguarded(quint64 session) {
    m_measuringSession = session;
    m_cancel = false;
    if (session <= m_cancelledThrough.load()) {
        // The visit was forgotten while this waited in the queue: nothing is measured.
        TemperatureResult cancelled;
        cancelled.error = QStringLiteral("the temperature measurement was cancelled");
        Q_EMIT temperatureFinished(session, cancelled);
        return;
    }
    m_thermometerUsed = m_thermometerUsed || m_thermometer != nullptr;
    TemperatureResult result;
    if (!m_thermometer || !m_journal) {
        // Nothing measured: the decision gets a sensor error, which means staff review.
        result.recorded = true;
        result.error = m_thermometerError;
        Q_EMIT temperatureFinished(session, result);
        return;
    }
    const LocalMoment at = localNow();
    const auto check = runJournaledTemperatureCheck(
        *m_thermometer, m_config, *m_journal, at.unixMs, at.date.iso(),
        [&](const SensorMeasurement& taken) {
            const auto& body = taken.measurement.bodyC;
            Q_EMIT measurementTaken(session, qs(std::string(toString(taken.measurement.outcome))),
                                    body.value_or(0.0), body.has_value());
            return !m_cancel && session > m_cancelledThrough.load();
        },
        &m_cancel);
    if (!check) {
        result.error = qs(check.error().message);
    } else {
        result.recorded = true;
        result.measurementIds =
            QList<qint64>(check->measurementIds.begin(), check->measurementIds.end());
        result.hasReading = check->input.celsius.has_value();
        result.celsius = check->input.celsius.value_or(0.0);
        result.unstable = check->input.unstable;
    }
    Q_EMIT temperatureFinished(session, result);
}

void EntryWorker::checkInUnguarded(quint64 session, const CheckInRequest& request) {
    CheckInResult out;
    const LocalMoment at = localNow();
    auto id = ResidentId::parse(request.idText.toStdString(), at.date);
    if (!id || !m_journal || !m_keys || request.answers.size() != int(kQuestionCount)) {
        out.error = id ? QStringLiteral("kiosk not ready") : qs(std::string(describe(id.error())));
        Q_EMIT checkedIn(session, out);
        return;
    }
    const TemperatureResult& t = request.temperature;
    auto recorded = recordCheckIn(
        m_config, *m_keys, *m_journal, *id, checkInFacts(request, *id, at.date),
        SiteTime{at.unixMs, at.date},
        {{t.measurementIds.begin(), t.measurementIds.end()}, request.healthSource.toStdString()},
        m_site.get());
    if (!recorded) {
        out.error = qs(recorded.error().message);
        Q_EMIT checkedIn(session, out);
        return;
    }
    const VisitState& visit = recorded->visit;
    out.outcome = qs(std::string(toString(visit.returned ? standing(visit) : visit.decision)));
    out.visitId = visit.visitId;
    out.returned = visit.returned;
    out.peopleAhead = visit.peopleAhead.value_or(-1);
    out.offline = visit.numberedOffline;
    if (visit.queueNumber) {
        out.queueNumber = qs(visit.queueNumber->label());
        out.desk = QString(QChar::fromLatin1(visit.queueNumber->desk));
        // After the journal holds the check-in: a failed print only sends the person to staff.
        const PrintedSlip slip =
            issueAndPrintSlip(m_config, *m_keys, visit, recorded->person, at.unixMs);
        out.printed = slip.print.printed;
        out.printError = qs(slip.print.error);
    }
    // A returned visit stands as decided earlier; this check's reasons are in its journal.
    for (const Reason& reason :
         visit.returned ? std::vector<Reason>{} : recorded->decision.reasons) {
        out.reasonsZh.append(qs(reason.zh));
        out.reasonsEn.append(qs(reason.en));
    }
    Q_EMIT checkedIn(session, out);
}

}  // namespace vax::app
