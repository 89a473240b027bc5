#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QTimer>

#include "ObservationModel.h"
#include "SiteTypes.h"
#include "core/Payload.h"

namespace vax::app {

class SiteBackend;

/// The observation exit as its screens see it: a person scans the dose ticket and sees
/// "you may leave", the minutes left, "not valid" or "please see staff" (clock skew), then the
/// screen returns to scanning after resultTimeoutMs or a tap. Staff also get the list of the
/// people in observation, refreshed by the worker. Lives on the UI thread.
class ExitFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the exit flow")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(QString setupError READ setupError NOTIFY readyChanged)
    Q_PROPERTY(vax::app::ExitResult result READ result NOTIFY resultChanged)
    Q_PROPERTY(vax::app::ObservationModel* observation READ observation CONSTANT)
    Q_PROPERTY(QString observationUpdated READ observationUpdated NOTIFY observationChanged)
    Q_PROPERTY(QString observationError READ observationError NOTIFY observationChanged)
    Q_PROPERTY(int resultTimeoutMs READ resultTimeoutMs WRITE setResultTimeoutMs NOTIFY
                   resultTimeoutMsChanged)

public:
    enum class State { Scan, Checking, Result };
    Q_ENUM(State)

    /// `worker` may live on another thread; the flow only talks to it with queued calls.
    ExitFlow(SiteBackend* worker, PayloadRules rules, QObject* parent = nullptr);

    State state() const { return m_state; }
    bool ready() const { return m_ready; }
    QString setupError() const { return m_setupError; }
    ExitResult result() const { return m_result; }
    ObservationModel* observation() const { return m_observation; }
    /// When the list was last read, "HH:MM"; empty before the first read.
    QString observationUpdated() const { return m_observationUpdated; }
    QString observationError() const { return m_observationError; }
    int resultTimeoutMs() const { return m_resultTimeoutMs; }
    void setResultTimeoutMs(int ms);

    /// A code from the camera or a scanner (UTF-8 text as read).
    Q_INVOKABLE void acceptCode(const QString& text);
    /// Back to scanning (a tap on the result, or the timeout).
    Q_INVOKABLE void dismiss();
    /// Reads the observation list now (it is also read every 30 s and after each exit scan).
    Q_INVOKABLE void refreshObservation();

Q_SIGNALS:
    void stateChanged();
    void readyChanged();
    void resultChanged();
    void observationChanged();
    void resultTimeoutMsChanged();

private:
    void setState(State state);
    void showResult(const ExitResult& result);
    void onOpened(const QString& error);
    void onExitChecked(quint64 session, const ExitResult& result);
    void onObservationListed(const QList<ObservationEntry>& people, qint64 nowMs,
                             const QString& error);

    SiteBackend* m_worker;
    PayloadRules m_rules;
    ObservationModel* m_observation;
    QTimer m_resultTimer;
    int m_resultTimeoutMs = 8000;
    quint64 m_session = 1;
    State m_state = State::Scan;
    bool m_ready = false;
    QString m_setupError;
    ExitResult m_result;
    QString m_observationUpdated;
    QString m_observationError;
};

}  // namespace vax::app
