#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

namespace vax::app {

class StaffWorker;

/// The staff console as the screens see it: sign-in with a PIN (checked on the worker), the
/// lockout countdown, logout after two idle minutes, and the staff actions (decisions on
/// visits awaiting review, calling the next batch, reprints, adverse reactions, the day's
/// figures). Lives on the UI thread; the worker does the slow parts.
class StaffConsole : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the staff console")
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(bool shown READ shown NOTIFY shownChanged)
    Q_PROPERTY(QVariantList staffList READ staffList NOTIFY readyChanged)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY sessionChanged)
    Q_PROPERTY(QString staffId READ staffId NOTIFY sessionChanged)
    Q_PROPERTY(QString staffName READ staffName NOTIFY sessionChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString loginProblem READ loginProblem NOTIFY loginChanged)
    Q_PROPERTY(int triesLeft READ triesLeft NOTIFY loginChanged)
    Q_PROPERTY(int lockedSeconds READ lockedSeconds NOTIFY lockChanged)
    Q_PROPERTY(QVariantList reviews READ reviews NOTIFY reviewsChanged)
    Q_PROPERTY(QVariantMap lastAction READ lastAction NOTIFY lastActionChanged)
    Q_PROPERTY(QVariantMap figures READ figures NOTIFY figuresChanged)
    Q_PROPERTY(int idleLogoutMs READ idleLogoutMs WRITE setIdleLogoutMs NOTIFY idleChanged)

public:
    /// `worker` lives on another thread; the console only talks to it with queued calls.
    explicit StaffConsole(StaffWorker* worker, QObject* parent = nullptr);
    /// A session still open when the app closes is ended, and audited, on the worker.
    ~StaffConsole() override;

    bool ready() const { return m_ready; }
    bool shown() const { return m_shown; }
    QVariantList staffList() const { return m_staffList; }
    bool signedIn() const { return !m_staffId.isEmpty(); }
    QString staffId() const { return m_staffId; }
    QString staffName() const { return m_staffName; }
    bool busy() const { return m_busy; }
    /// "", "wrong_pin", "locked_out", "unknown_staff", "bad_format", "journal_error",
    /// "not_ready" (the worker has not opened the journal and keys: try again).
    QString loginProblem() const { return m_loginProblem; }
    int triesLeft() const { return m_triesLeft; }
    int lockedSeconds() const;
    QVariantList reviews() const { return m_reviews; }
    QVariantMap lastAction() const { return m_lastAction; }
    QVariantMap figures() const { return m_figures; }
    int idleLogoutMs() const { return m_idle.interval(); }
    void setIdleLogoutMs(int ms);

    /// Opens the console (the sign-in screen unless someone is signed in).
    Q_INVOKABLE void show();
    /// Closes the console; the session ends with it.
    Q_INVOKABLE void close();
    Q_INVOKABLE void login(const QString& staffId, const QString& pin);
    Q_INVOKABLE void logout();
    /// Any touch on a staff screen.
    Q_INVOKABLE void noteActivity();

    /// Live feedback on an ID number being typed: {state: "empty"|"typing"|"bad"|"ok",
    /// message (English key for the screen), masked}.
    Q_INVOKABLE QVariantMap checkId(const QString& text) const;
    /// Audits that the signed-in staff member typed a resident's ID number.
    Q_INVOKABLE void noteManualId();

    Q_INVOKABLE void refreshReviews();
    Q_INVOKABLE void decide(qint64 visitId, bool proceed, const QString& reasonKey,
                            const QString& note);
    Q_INVOKABLE void callNext(const QString& desk, int count);
    Q_INVOKABLE void reprint(qint64 visitId);
    Q_INVOKABLE void recordReaction(qint64 visitId, const QString& category, const QString& action,
                                    const QString& outcome, int extendMinutes);
    Q_INVOKABLE void refreshFigures();

Q_SIGNALS:
    void readyChanged();
    void shownChanged();
    void sessionChanged();
    void busyChanged();
    void loginChanged();
    void lockChanged();
    void reviewsChanged();
    void lastActionChanged();
    void figuresChanged();
    void idleChanged();

private:
    void onOpened(const QString& error, const QVariantList& staff);
    void onLoginDone(const QVariantMap& result);
    void onLockChecked(qint64 lockedUntilMs);
    void onActionDone(const QVariantMap& result);
    void endSession(const QString& why);
    void setBusy(bool busy);
    /// Runs `call` on the worker when someone is signed in.
    template <class Call>
    void onWorker(Call&& call);

    StaffWorker* m_worker;
    QTimer m_idle;
    QTimer m_lockTick;
    bool m_ready = false;
    bool m_shown = false;
    QVariantList m_staffList;
    QString m_staffId;
    QString m_staffName;
    bool m_busy = false;
    QString m_loginProblem;
    int m_triesLeft = 0;
    qint64 m_lockedUntilMs = 0;
    QVariantList m_reviews;
    QVariantMap m_lastAction;
    QVariantMap m_figures;
};

}  // namespace vax::app
