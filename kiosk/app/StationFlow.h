#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "SiteTypes.h"
#include "core/Payload.h"

namespace vax::app {

class SiteBackend;

/// The vaccination station as its screens see it: the nurse scans the person's queue slip and
/// the vaccine pack's code (slip first is the guided order; the other works too), the dose is
/// bound and its ticket printed, or the refusal is shown. Scan -> Binding -> Bound | Refused;
/// "Next person" goes back to Scan. A refused item (pack or slip) is dropped, the other is
/// kept: scanning a replacement tries again. Lives on the UI thread; the work is done by the
/// SiteBackend (the SiteWorker, or a test's fake) over queued calls. Nothing personal is kept
/// beyond the slip's masked ID.
class StationFlow : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application creates the station flow")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY readyChanged)
    Q_PROPERTY(QString setupError READ setupError NOTIFY readyChanged)
    Q_PROPERTY(QString slipState READ slipState NOTIFY detailsChanged)
    Q_PROPERTY(QString maskedId READ maskedId NOTIFY detailsChanged)
    Q_PROPERTY(QString queueNumber READ queueNumber NOTIFY detailsChanged)
    Q_PROPERTY(QString packState READ packState NOTIFY detailsChanged)
    Q_PROPERTY(QString product READ product NOTIFY detailsChanged)
    Q_PROPERTY(QString lot READ lot NOTIFY detailsChanged)
    Q_PROPERTY(QString expiry READ expiry NOTIFY detailsChanged)
    Q_PROPERTY(QString scanProblem READ scanProblem NOTIFY detailsChanged)
    Q_PROPERTY(vax::app::BindResult result READ result NOTIFY resultChanged)
    Q_PROPERTY(bool canReprint READ canReprint NOTIFY reprintChanged)
    Q_PROPERTY(QString reprintState READ reprintState NOTIFY reprintChanged)
    Q_PROPERTY(QString reprintError READ reprintError NOTIFY reprintChanged)

public:
    enum class State { Scan, Binding, Bound, Refused };
    Q_ENUM(State)

    /// `worker` may live on another thread; the flow only talks to it with queued calls.
    StationFlow(SiteBackend* worker, PayloadRules rules, QObject* parent = nullptr);

    State state() const { return m_state; }
    bool ready() const { return m_ready; }
    QString setupError() const { return m_setupError; }
    /// "none", "checking", "read" (verified).
    QString slipState() const { return m_slipState; }
    /// From the verified slip: "1101**********1234".
    QString maskedId() const { return m_slip.maskedId; }
    QString queueNumber() const { return m_slip.queueNumber; }
    /// "none", "checking", "read" (a known, unexpired pack).
    QString packState() const { return m_packState; }
    QString product() const { return m_pack.product; }
    QString lot() const { return m_pack.lot; }
    QString expiry() const { return m_pack.expiry; }
    /// A scan that does not fit: "", "not_station_code" (a health code, an ID...),
    /// "dose_ticket" (a ticket where a slip is expected), "slip_already_read",
    /// "already_bound" (a pack after the dose was bound: next person first).
    QString scanProblem() const { return m_scanProblem; }
    /// Bound or Refused: what happened.
    BindResult result() const { return m_result; }
    bool canReprint() const { return m_lastVisitId != 0; }
    /// "", "printing", "printed", "failed".
    QString reprintState() const { return m_reprintState; }
    QString reprintError() const { return m_reprintError; }

    /// A code from the camera or a scanner (UTF-8 text as read).
    Q_INVOKABLE void acceptCode(const QString& text);
    /// Forgets the person (and the pack) and waits for the next slip.
    Q_INVOKABLE void nextPerson();
    /// Prints the last bound dose's ticket again (marked as a reprint).
    Q_INVOKABLE void reprintLast();

Q_SIGNALS:
    void stateChanged();
    void readyChanged();
    void detailsChanged();
    void resultChanged();
    void reprintChanged();

private:
    void setState(State state);
    void acceptTicket(const QString& text);
    void acceptPack(const QString& text);
    void bindIfComplete();
    void refuse(const BindResult& refused);
    /// A slip or pack refused on reading, before any binding: who and what the screen shows.
    void refuseBeforeBinding(const QString& refusal, const QString& reason, const PackRead& pack);
    void leaveOutcome();  // Bound/Refused -> Scan, keeping what was not refused
    void onOpened(const QString& error);
    void onSlipRead(quint64 session, const SlipRead& slip);
    void onPackRead(quint64 session, const PackRead& pack);
    void onBound(quint64 session, const BindResult& result);
    void onReprinted(const ReprintResult& result);

    SiteBackend* m_worker;
    PayloadRules m_rules;
    quint64 m_session = 1;
    State m_state = State::Scan;
    bool m_ready = false;
    QString m_setupError;

    // The person at the station and the pack: all cleared by nextPerson().
    QString m_slipState = QStringLiteral("none");
    QString m_slipText;
    SlipRead m_slip;
    QString m_packState = QStringLiteral("none");
    QString m_packText;
    PackRead m_pack;
    QString m_scanProblem;
    BindResult m_result;

    qint64 m_lastVisitId = 0;  // the last bound dose, for a reprint
    quint64 m_reprintSerial = 0;
    QString m_reprintState;
    QString m_reprintError;
};

}  // namespace vax::app
