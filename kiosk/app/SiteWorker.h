#pragma once

#include <QList>
#include <QObject>
#include <QTimer>
#include <filesystem>
#include <optional>

#include "SiteBackend.h"
#include "SiteTypes.h"
#include "config/KioskConfig.h"
#include "crypto/SiteKeys.h"
#include "crypto/TrustList.h"
#include "store/Journal.h"

namespace vax::app {

/// The station's and the exit's slow work: signature checks, journal writes and ticket
/// printing. Lives on its own QThread; every slot runs there and answers with a signal, so the
/// UI thread never waits. `session` numbers a person at the device: the flows ignore answers
/// for a person they have already forgotten.
class SiteWorker : public SiteBackend {
    Q_OBJECT

public:
    /// Nothing is opened until open() runs on the worker thread.
    SiteWorker(KioskConfig config, std::filesystem::path databasePath);
    ~SiteWorker() override;

public Q_SLOTS:
    /// Opens the journal, the trust list and (station) the site keys; answers with opened().
    void open();
    /// Verifies a scanned code as a queue slip (station).
    void readSlip(quint64 session, const QString& text) override;
    /// Looks a scanned vaccine code up in the catalogue (station), before the slip is read.
    void readPack(quint64 session, const QString& text) override;
    /// Binds the slip's person to the pack (vax::bindAtStation) and prints the dose ticket. The
    /// dose stands even when the ticket does not print (BindResult::printed).
    void bind(quint64 session, const QString& slipText, const QString& vaccineText) override;
    /// Prints the ticket of a bound visit again, marked as a reprint.
    void reprint(quint64 session, qint64 visitId) override;
    /// The exit check of a scanned dose ticket (vax::checkExit); then a fresh observation list.
    void checkExit(quint64 session, const QString& ticketText) override;
    /// Answers with observationListed().
    void listObservation() override;
    /// Lists the people in observation now and then every `intervalMs` (exit; runs here).
    void pollObservation(int intervalMs);

Q_SIGNALS:
    // opened, slipRead, packRead, bound, reprinted, exitChecked, observationListed: SiteBackend.
    /// A dose was bound or an exit recorded: the outbox has something new.
    void recorded();

private:
    KioskConfig m_config;
    std::filesystem::path m_databasePath;
    std::optional<SiteKeys> m_keys;
    std::optional<TrustList> m_trust;
    std::optional<Journal> m_journal;
    QString m_setupError;
    QTimer* m_poll = nullptr;  // created on the worker thread
};

}  // namespace vax::app
