#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include "SiteBackend.h"

namespace vax::test {

/// The station's and the exit's worker as the screens' tests script it: no journal, no keys,
/// no printer. Each answer is a JS object whose keys are the answer type's properties, e.g.
/// `fake.bindAnswer = { bound: false, refusal: "reused_code", earlier: [{ visitId: 3, at:
/// "2024-05-01 09:12", station: "station-2" }] }`; an unknown key is a test mistake and
/// warns. The defaults are a happy path: a valid slip and pack, a bound dose that printed,
/// "may leave". Lives on the UI thread; the flows still call it with queued calls and get its
/// answers over queued connections, as from the real worker's thread.
class FakeSiteBackend : public vax::app::SiteBackend {
    Q_OBJECT
    /// readSlip()'s answer (vax::app::SlipRead).
    Q_PROPERTY(QVariantMap slipAnswer MEMBER m_slipAnswer NOTIFY scriptChanged)
    /// readPack()'s answer (vax::app::PackRead).
    Q_PROPERTY(QVariantMap packAnswer MEMBER m_packAnswer NOTIFY scriptChanged)
    /// bind()'s answer (vax::app::BindResult); a bound dose gets a new visit number.
    Q_PROPERTY(QVariantMap bindAnswer MEMBER m_bindAnswer NOTIFY scriptChanged)
    /// reprint()'s answer (vax::app::ReprintResult).
    Q_PROPERTY(QVariantMap reprintAnswer MEMBER m_reprintAnswer NOTIFY scriptChanged)
    /// checkExit()'s answer (vax::app::ExitResult).
    Q_PROPERTY(QVariantMap exitAnswer MEMBER m_exitAnswer NOTIFY scriptChanged)
    /// listObservation()'s people: { visitId, maskedId, minutesLeft (negative: ended that
    /// long ago), overdue, reaction } each.
    Q_PROPERTY(QVariantList observation MEMBER m_observation NOTIFY scriptChanged)
    /// Non-empty: the observation list cannot be read, for this reason.
    Q_PROPERTY(QString observationError MEMBER m_observationError NOTIFY scriptChanged)
    /// What the flows asked, in order: "readSlip", "readPack", "bind", "reprint", "checkExit",
    /// "listObservation".
    Q_PROPERTY(QStringList calls READ calls NOTIFY callsChanged)

public:
    explicit FakeSiteBackend(QObject* parent = nullptr);

    QStringList calls() const { return m_calls; }

    /// Says the backend is ready (empty `error`) or out of service, as SiteWorker::open().
    Q_INVOKABLE void open(const QString& error = QString());

    void readSlip(quint64 session, const QString& text) override;
    void readPack(quint64 session, const QString& text) override;
    void bind(quint64 session, const QString& slipText, const QString& vaccineText) override;
    void reprint(quint64 session, qint64 visitId) override;
    void checkExit(quint64 session, const QString& ticketText) override;
    void listObservation() override;

Q_SIGNALS:
    void scriptChanged();
    void callsChanged();

private:
    void note(const QString& call);

    QVariantMap m_slipAnswer;
    QVariantMap m_packAnswer;
    QVariantMap m_bindAnswer;
    QVariantMap m_reprintAnswer;
    QVariantMap m_exitAnswer;
    QVariantList m_observation;
    QString m_observationError;

    QStringList m_calls;
    qint64 m_visits = 0;
};

}  // namespace vax::test
