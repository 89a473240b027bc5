#include "StaffConsole.h"

#include <QDateTime>

#include "LocalClock.h"
#include "StaffWorker.h"
#include "core/ResidentId.h"
#include "ops/StaffAccess.h"

namespace vax::app {

namespace {

QString idErrorKey(IdError error) {
    switch (error) {
        case IdError::Empty:
            return QStringLiteral("empty");
        case IdError::WrongLength:
            return QStringLiteral("wrong_length");
        case IdError::BadCharacter:
            return QStringLiteral("bad_character");
        case IdError::BadRegion:
            return QStringLiteral("bad_region");
        case IdError::BadBirthDate:
            return QStringLiteral("bad_birth_date");
        case IdError::BirthInFuture:
            return QStringLiteral("birth_in_future");
        case IdError::BadSequence:
            return QStringLiteral("bad_sequence");
        case IdError::BadCheckDigit:
            return QStringLiteral("bad_check_digit");
    }
    return QStringLiteral("bad_character");
}

// Only digits so far, and an X only as the 18th character.
bool plausiblePrefix(const QString& text) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool lastX = i == 17 && (c == u'X' || c == u'x');
        if (!c.isDigit() && !lastX) {
            return false;
        }
    }
    return true;
}

}  // namespace

template <class Call>
void StaffConsole::onWorker(Call&& call) {
    if (!signedIn()) {
        return;  // every staff action needs a signed-in staff member
    }
    noteActivity();
    QMetaObject::invokeMethod(m_worker, std::forward<Call>(call), Qt::QueuedConnection);
}

StaffConsole::StaffConsole(StaffWorker* worker, QObject* parent)
    : QObject(parent), m_worker(worker) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(int(kStaffIdleLogoutMs));
    connect(&m_idle, &QTimer::timeout, this, [this] {
        endSession(QStringLiteral("idle_logout"));
        close();
    });
    m_lockTick.setInterval(1000);
    connect(&m_lockTick, &QTimer::timeout, this, [this] {
        if (lockedSeconds() == 0) {
            m_lockTick.stop();
            m_loginProblem.clear();
            Q_EMIT loginChanged();
        }
        Q_EMIT lockChanged();
    });
    connect(worker, &StaffWorker::opened, this, &StaffConsole::onOpened);
    connect(worker, &StaffWorker::loginDone, this, &StaffConsole::onLoginDone);
    connect(worker, &StaffWorker::lockChecked, this, &StaffConsole::onLockChecked);
    connect(worker, &StaffWorker::actionDone, this, &StaffConsole::onActionDone);
    connect(worker, &StaffWorker::reviewsLoaded, this, [this](const QVariantList& reviews) {
        m_reviews = reviews;
        Q_EMIT reviewsChanged();
    });
    connect(worker, &StaffWorker::figuresLoaded, this, [this](const QVariantMap& figures) {
        m_figures = figures;
        Q_EMIT figuresChanged();
    });
}

StaffConsole::~StaffConsole() {
    if (signedIn()) {
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, staff = m_staffId] {
                worker->logout(staff, QStringLiteral("app_closed"));
            },
            Qt::QueuedConnection);
    }
}

int StaffConsole::lockedSeconds() const {
    const qint64 left = m_lockedUntilMs - QDateTime::currentMSecsSinceEpoch();
    return left > 0 ? int((left + 999) / 1000) : 0;
}

void StaffConsole::setIdleLogoutMs(int ms) {
    if (ms > 0 && ms != m_idle.interval()) {
        m_idle.setInterval(ms);
        Q_EMIT idleChanged();
    }
}

void StaffConsole::show() {
    if (!m_shown) {
        m_shown = true;
        Q_EMIT shownChanged();
    }
    m_loginProblem.clear();
    Q_EMIT loginChanged();
    // The lockout lives in the journal: ask, so a restarted kiosk still shows the countdown.
    QMetaObject::invokeMethod(m_worker, &StaffWorker::checkLock, Qt::QueuedConnection);
    m_idle.start();
}

void StaffConsole::close() {
    endSession(QStringLiteral("logout"));
    m_idle.stop();
    if (m_shown) {
        m_shown = false;
        Q_EMIT shownChanged();
    }
}

void StaffConsole::login(const QString& staffId, const QString& pin) {
    if (m_busy || lockedSeconds() > 0) {
        return;
    }
    noteActivity();
    setBusy(true);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, staffId, pin] { worker->login(staffId, pin); },
        Qt::QueuedConnection);
}

void StaffConsole::logout() {
    endSession(QStringLiteral("logout"));
}

void StaffConsole::noteActivity() {
    if (m_shown) {
        m_idle.start();
    }
}

QVariantMap StaffConsole::checkId(const QString& text) const {
    const QString trimmed = text.trimmed();
    QVariantMap out{{QStringLiteral("length"), int(trimmed.size())}};
    if (trimmed.isEmpty()) {
        out[QStringLiteral("state")] = QStringLiteral("empty");
        return out;
    }
    if (!plausiblePrefix(trimmed) || trimmed.size() > 18) {
        out[QStringLiteral("state")] = QStringLiteral("bad");
        out[QStringLiteral("problem")] =
            trimmed.size() > 18 ? QStringLiteral("wrong_length") : QStringLiteral("bad_character");
        return out;
    }
    if (trimmed.size() < 18) {
        out[QStringLiteral("state")] = QStringLiteral("typing");
        return out;
    }
    auto id = ResidentId::parse(trimmed.toStdString(), localNow().date);
    if (!id) {
        out[QStringLiteral("state")] = QStringLiteral("bad");
        out[QStringLiteral("problem")] = idErrorKey(id.error());
        return out;
    }
    out[QStringLiteral("state")] = QStringLiteral("ok");
    out[QStringLiteral("masked")] = QString::fromStdString(id->masked());
    return out;
}

void StaffConsole::noteManualId() {
    onWorker([worker = m_worker, staff = m_staffId] { worker->auditManualId(staff); });
}

void StaffConsole::refreshReviews() {
    onWorker([worker = m_worker] { worker->loadReviews(); });
}

void StaffConsole::decide(qint64 visitId, bool proceed, const QString& reasonKey,
                          const QString& note) {
    // The audit keeps the chosen reason and the staff member's words together.
    const QString reason =
        note.trimmed().isEmpty() ? reasonKey : reasonKey + QStringLiteral(": ") + note.trimmed();
    if (reasonKey.isEmpty()) {
        onActionDone({{QStringLiteral("action"), QStringLiteral("decide")},
                      {QStringLiteral("ok"), false},
                      {QStringLiteral("message"), QStringLiteral("choose a reason")}});
        return;
    }
    onWorker([worker = m_worker, staff = m_staffId, visitId, proceed, reason] {
        worker->decide(staff, visitId, proceed, reason);
    });
}

void StaffConsole::callNext(const QString& desk, int count) {
    onWorker([worker = m_worker, staff = m_staffId, desk, count] {
        worker->callNext(staff, desk, count);
    });
}

void StaffConsole::reprint(qint64 visitId) {
    onWorker([worker = m_worker, staff = m_staffId, visitId] { worker->reprint(staff, visitId); });
}

void StaffConsole::recordReaction(qint64 visitId, const QString& category, const QString& action,
                                  const QString& outcome, int extendMinutes) {
    onWorker([=, worker = m_worker, staff = m_staffId] {
        worker->recordReaction(staff, visitId, category, action, outcome, extendMinutes);
    });
}

void StaffConsole::refreshFigures() {
    onWorker([worker = m_worker] { worker->loadFigures(); });
}

void StaffConsole::onOpened(const QString& error, const QVariantList& staff) {
    m_staffList = staff;
    m_ready = error.isEmpty();
    Q_EMIT readyChanged();
}

void StaffConsole::onLoginDone(const QVariantMap& result) {
    setBusy(false);
    if (result.value(QStringLiteral("ok")).toBool()) {
        m_staffId = result.value(QStringLiteral("staffId")).toString();
        m_staffName = result.value(QStringLiteral("name")).toString();
        m_loginProblem.clear();
        m_triesLeft = 0;
        m_idle.start();
        Q_EMIT sessionChanged();
        Q_EMIT loginChanged();
        refreshReviews();
        refreshFigures();
        return;
    }
    m_loginProblem = result.value(QStringLiteral("kind")).toString();
    m_triesLeft = result.value(QStringLiteral("triesLeft")).toInt();
    Q_EMIT loginChanged();
    onLockChecked(result.value(QStringLiteral("lockedUntilMs")).toLongLong());
}

void StaffConsole::onLockChecked(qint64 lockedUntilMs) {
    m_lockedUntilMs = lockedUntilMs;
    if (lockedSeconds() > 0) {
        m_loginProblem = QStringLiteral("locked_out");
        Q_EMIT loginChanged();
        m_lockTick.start();
    }
    Q_EMIT lockChanged();
}

void StaffConsole::onActionDone(const QVariantMap& result) {
    m_lastAction = result;
    Q_EMIT lastActionChanged();
    const QString action = result.value(QStringLiteral("action")).toString();
    if (result.value(QStringLiteral("ok")).toBool() && action != QStringLiteral("figures")) {
        refreshFigures();  // every change shows in today's figures at once
    }
}

void StaffConsole::endSession(const QString& why) {
    if (!signedIn()) {
        return;
    }
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, staff = m_staffId, why] { worker->logout(staff, why); },
        Qt::QueuedConnection);
    m_staffId.clear();
    m_staffName.clear();
    m_reviews.clear();
    m_figures.clear();
    m_lastAction.clear();
    Q_EMIT sessionChanged();
    Q_EMIT reviewsChanged();
    Q_EMIT figuresChanged();
    Q_EMIT lastActionChanged();
}

void StaffConsole::setBusy(bool busy) {
    if (m_busy != busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

}  // namespace vax::app
