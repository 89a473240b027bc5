#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "SiteTypes.h"

namespace vax::app {

/// What the station and exit flows ask of their worker, and the answers they wait for: the
/// seam between StationFlow / ExitFlow and SiteWorker, so the screens can be tested over a
/// scripted backend. The methods run on the backend's thread (the flows call them with queued
/// calls) and answer with the signals; `session` numbers a person at the device.
class SiteBackend : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~SiteBackend() override = default;

    /// Verifies a scanned code as a queue slip (station); answers with slipRead().
    virtual void readSlip(quint64 session, const QString& text) = 0;
    /// Looks a scanned vaccine code up (station); answers with packRead().
    virtual void readPack(quint64 session, const QString& text) = 0;
    /// Binds the slip's person to the pack and prints the dose ticket; answers with bound().
    virtual void bind(quint64 session, const QString& slipText, const QString& vaccineText) = 0;
    /// Prints a bound visit's ticket again; answers with reprinted().
    virtual void reprint(quint64 session, qint64 visitId) = 0;
    /// The exit check of a scanned dose ticket; answers with exitChecked().
    virtual void checkExit(quint64 session, const QString& ticketText) = 0;
    /// Answers with observationListed().
    virtual void listObservation() = 0;

Q_SIGNALS:
    /// Empty error: ready.
    void opened(const QString& error);
    void slipRead(quint64 session, const vax::app::SlipRead& slip);
    void packRead(quint64 session, const vax::app::PackRead& pack);
    void bound(quint64 session, const vax::app::BindResult& result);
    void reprinted(quint64 session, const vax::app::ReprintResult& result);
    void exitChecked(quint64 session, const vax::app::ExitResult& result);
    /// The people in observation at `nowMs`, longest waiting first; `error` when unreadable.
    void observationListed(const QList<vax::app::ObservationEntry>& people, qint64 nowMs,
                           const QString& error);
};

}  // namespace vax::app
