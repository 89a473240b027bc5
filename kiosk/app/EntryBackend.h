#pragma once

#include <QObject>
#include <QString>

#include "EntryTypes.h"

namespace vax::app {

/// What the entry flow asks of its worker, and the answers it waits for: the seam between
/// EntryFlow and EntryWorker, so the screens can be tested over a scripted backend. The
/// methods run on the backend's thread (the flow calls them with queued calls, except
/// cancelTemperature) and answer with the signals; `session` numbers a resident's visit.
class EntryBackend : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~EntryBackend() override = default;

    /// Checks a scanned health code; answers with healthCodeChecked().
    virtual void checkHealthCode(quint64 session, const QString& text) = 0;
    /// Runs the temperature step; answers with measurementTaken() per journaled measurement,
    /// then temperatureFinished().
    virtual void measureTemperature(quint64 session) = 0;
    /// Decides and records the check-in; answers with checkedIn().
    virtual void checkIn(quint64 session, const vax::app::CheckInRequest& request) = 0;
    /// Cancels the temperature step of every session up to `throughSession` (the person left):
    /// one running now stops, and one still queued never starts. Any thread.
    virtual void cancelTemperature(quint64 throughSession) = 0;

Q_SIGNALS:
    /// Empty error: ready.
    void opened(const QString& error);
    /// `status` as vax::HealthCodeStatus; `source` where the answer came from.
    void healthCodeChecked(quint64 session, int status, const QString& source,
                           const QString& detail);
    /// One measurement was journaled; `outcome` as vax::toString(MeasurementOutcome).
    void measurementTaken(quint64 session, const QString& outcome, double celsius, bool hasReading);
    void temperatureFinished(quint64 session, const vax::app::TemperatureResult& result);
    void checkedIn(quint64 session, const vax::app::CheckInResult& result);
};

}  // namespace vax::app
