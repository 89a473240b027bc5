#pragma once

#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "EntryTypes.h"
#include "core/Payload.h"

namespace vax::app {

class EntryBackend;

/// The resident's entry check as the screens see it: a state machine
/// welcome -> scanned -> temperature -> questions (one per screen) -> result. Lives on the UI
/// thread; the slow steps go to the EntryBackend (the EntryWorker, or a test's fake) over queued
/// calls. After idleTimeoutMs without input it returns to welcome and forgets every personal
/// detail.
class EntryFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the entry flow")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(QString setupError READ setupError NOTIFY readyChanged)
    Q_PROPERTY(QString healthCode READ healthCode NOTIFY detailsChanged)
    Q_PROPERTY(QString maskedId READ maskedId NOTIFY detailsChanged)
    Q_PROPERTY(QString scanProblem READ scanProblem NOTIFY detailsChanged)
    Q_PROPERTY(bool canProceed READ canProceed NOTIFY detailsChanged)
    Q_PROPERTY(QString temperatureState READ temperatureState NOTIFY temperatureChanged)
    Q_PROPERTY(QString temperatureText READ temperatureText NOTIFY temperatureChanged)
    Q_PROPERTY(int questionIndex READ questionIndex NOTIFY questionChanged)
    Q_PROPERTY(int questionCount READ questionCount CONSTANT)
    Q_PROPERTY(QString questionZh READ questionZh NOTIFY questionChanged)
    Q_PROPERTY(QString questionEn READ questionEn NOTIFY questionChanged)
    Q_PROPERTY(bool resultReady READ resultReady NOTIFY resultChanged)
    Q_PROPERTY(vax::app::CheckInResult result READ result NOTIFY resultChanged)
    Q_PROPERTY(
        int idleTimeoutMs READ idleTimeoutMs WRITE setIdleTimeoutMs NOTIFY idleTimeoutMsChanged)

public:
    enum class State { Welcome, Scanned, Temperature, Questions, Result };
    Q_ENUM(State)

    /// `worker` may live on another thread; the flow only talks to it with queued calls.
    EntryFlow(EntryBackend* worker, PayloadRules rules, QObject* parent = nullptr);

    State state() const { return m_state; }
    bool ready() const { return m_ready; }
    QString setupError() const { return m_setupError; }
    /// "none", "checking", "green", "yellow", "red", "unavailable".
    QString healthCode() const { return m_healthCode; }
    /// The ID number as shown: "1101**********1234"; never the number itself.
    QString maskedId() const { return m_maskedId; }
    /// "", "unknown_code" (not a health code nor an ID), "wrong_step".
    QString scanProblem() const { return m_scanProblem; }
    bool canProceed() const;
    /// "idle", "measuring", "again", "done", "error".
    QString temperatureState() const { return m_temperatureState; }
    /// "36.5" once measured, else empty.
    QString temperatureText() const { return m_temperatureText; }
    int questionIndex() const { return m_questionIndex; }
    int questionCount() const;
    QString questionZh() const;
    QString questionEn() const;
    bool resultReady() const { return m_resultReady; }
    CheckInResult result() const { return m_result; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    void setIdleTimeoutMs(int ms);

    /// A code from the camera or a scanner (UTF-8 text as read).
    Q_INVOKABLE void acceptCode(const QString& text);
    /// An ID number a staff member typed for a resident without a readable code. Returns false
    /// (and changes nothing) unless it is a valid number; only at the first two steps.
    Q_INVOKABLE bool acceptManualId(const QString& text);
    /// "Next" on the scanned screen: starts the temperature step.
    Q_INVOKABLE void proceed();
    /// Answers the current question: 0 no, 1 yes, 2 not sure (vax::Answer).
    Q_INVOKABLE void answer(int value);
    /// Back to the previous question.
    Q_INVOKABLE void previousQuestion();
    /// Ends the visit on this screen and forgets it (also what the idle timeout does).
    Q_INVOKABLE void restart();
    /// Any touch on the screen: the person is still there.
    Q_INVOKABLE void noteActivity();

Q_SIGNALS:
    void stateChanged();
    void readyChanged();
    void detailsChanged();
    void temperatureChanged();
    void questionChanged();
    void resultChanged();
    void idleTimeoutMsChanged();

private:
    void setState(State state);
    void onOpened(const QString& error);
    void onHealthCodeChecked(quint64 session, int status, const QString& source);
    void onMeasurementTaken(quint64 session, const QString& outcome, double celsius,
                            bool hasReading);
    void onTemperatureFinished(quint64 session, const TemperatureResult& result);
    void onCheckedIn(quint64 session, const CheckInResult& result);

    EntryBackend* m_worker;
    PayloadRules m_rules;
    QTimer m_idle;
    int m_idleTimeoutMs = 30000;
    quint64 m_session = 1;
    State m_state = State::Welcome;
    bool m_ready = false;
    QString m_setupError;

    // The visit's personal details: all cleared by restart().
    QString m_idText;
    QString m_maskedId;
    QString m_healthCode = QStringLiteral("none");
    int m_healthStatus = 0;
    QString m_healthSource = QStringLiteral("none");
    QString m_scanProblem;
    QString m_temperatureState = QStringLiteral("idle");
    QString m_temperatureText;
    TemperatureResult m_temperature;
    int m_questionIndex = 0;
    QList<int> m_answers;
    bool m_resultReady = false;
    CheckInResult m_result;
};

}  // namespace vax::app
