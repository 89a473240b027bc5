#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

#include "EntryBackend.h"

namespace vax::test {

/// The entry worker as the screens' tests script it: no journal, no network, no thermometer,
/// no printer. The health code, the temperature, the queue number, the printer and the
/// journal answer as the test sets them; the decision itself is the real one (the core rules
/// with the default policy, as the EntryWorker decides), so the result screen shows the
/// reasons a resident would see. Lives on the UI thread; the flow still calls it with queued
/// calls and gets its answers over queued connections, as from the real worker's thread.
class FakeEntryBackend : public vax::app::EntryBackend {
    Q_OBJECT
    /// checkHealthCode()'s answer: "green", "yellow", "red", "unavailable", "not_checked".
    Q_PROPERTY(QString healthCode MEMBER m_healthCode NOTIFY scriptChanged)
    /// The thermometer's reading, °C.
    Q_PROPERTY(double temperature MEMBER m_temperature NOTIFY scriptChanged)
    /// No reading at all (the decision gets a sensor error).
    Q_PROPERTY(bool thermometerFails MEMBER m_thermometerFails NOTIFY scriptChanged)
    /// A first measurement asks to measure again (implausible reading), as near the threshold.
    Q_PROPERTY(bool measureTwice MEMBER m_measureTwice NOTIFY scriptChanged)
    /// The temperature step waits for finishTemperature(), so a test sees it running.
    Q_PROPERTY(bool holdTemperature MEMBER m_holdTemperature NOTIFY scriptChanged)
    /// The queue number a "proceed" gets ("A007"); its first letter is the desk.
    Q_PROPERTY(QString queueNumber MEMBER m_queueNumber NOTIFY scriptChanged)
    /// Non-empty: the slip did not print, for this reason.
    Q_PROPERTY(QString printError MEMBER m_printError NOTIFY scriptChanged)
    /// Non-empty: the check-in is not recorded, for this reason.
    Q_PROPERTY(QString journalError MEMBER m_journalError NOTIFY scriptChanged)
    /// What the flow asked, in order: "checkHealthCode", "measureTemperature", "checkIn",
    /// "cancelTemperature".
    Q_PROPERTY(QStringList calls READ calls NOTIFY callsChanged)
    /// The answers of the last check-in request, one number per question (vax::Answer).
    Q_PROPERTY(QVariantList lastAnswers READ lastAnswers NOTIFY callsChanged)

public:
    explicit FakeEntryBackend(QObject* parent = nullptr);

    QStringList calls() const { return m_calls; }
    QVariantList lastAnswers() const { return m_lastAnswers; }

    /// Says the backend is ready (empty `error`) or out of service, as EntryWorker::open().
    Q_INVOKABLE void open(const QString& error = QString());
    /// Ends a held temperature step with the scripted reading.
    Q_INVOKABLE void finishTemperature();

    void checkHealthCode(quint64 session, const QString& text) override;
    void measureTemperature(quint64 session) override;
    void checkIn(quint64 session, const vax::app::CheckInRequest& request) override;
    void cancelTemperature(quint64 throughSession) override;

Q_SIGNALS:
    void scriptChanged();
    void callsChanged();

private:
    void note(const QString& call);

    QString m_healthCode = QStringLiteral("green");
    double m_temperature = 36.6;
    bool m_thermometerFails = false;
    bool m_measureTwice = false;
    bool m_holdTemperature = false;
    QString m_queueNumber = QStringLiteral("A007");
    QString m_printError;
    QString m_journalError;

    QStringList m_calls;
    QVariantList m_lastAnswers;
    bool m_measuring = false;
    quint64 m_measuringSession = 0;
    qint64 m_visits = 0;
};

}  // namespace vax::test
