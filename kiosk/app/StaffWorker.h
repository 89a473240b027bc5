#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <filesystem>
#include <memory>
#include <optional>

#include "config/KioskConfig.h"
#include "crypto/SiteKeys.h"
#include "ops/SiteLink.h"
#include "ops/StaffAccess.h"
#include "store/Journal.h"

namespace vax::app {

/// The staff console's slow work: PIN checks (Argon2id takes a noticeable moment on purpose),
/// journal queries and writes, slip and ticket printing. Lives on its own QThread with its own
/// journal connection; every slot answers with a signal carrying plain maps for the screens.
/// Every staff action names the signed-in staff member, and the journal audits it.
class StaffWorker : public QObject {
    Q_OBJECT

public:
    StaffWorker(KioskConfig config, std::filesystem::path databasePath);
    ~StaffWorker() override;

public Q_SLOTS:
    /// Opens the journal and the site keys; answers opened() with the staff list.
    void open();
    void login(const QString& staffId, const QString& pin);
    void logout(const QString& staffId, const QString& why);
    /// How long the console stays locked (0: open); answers lockChecked().
    void checkLock();
    /// A staff member typed a resident's ID number at the entry (never the number itself in
    /// the audit).
    void auditManualId(const QString& staffId);
    /// Today's visits awaiting a decision.
    void loadReviews();
    /// A decision on a visit awaiting review; a "proceed" queues the visit and prints its slip.
    void decide(const QString& staffId, qint64 visitId, bool proceed, const QString& reason);
    /// Calls the next `count` waiting people to `desk`.
    void callNext(const QString& staffId, const QString& desk, int count);
    /// Prints a visit's dose ticket again, marked as a reprint.
    void reprint(const QString& staffId, qint64 visitId);
    /// Records an adverse reaction in observation.
    void recordReaction(const QString& staffId, qint64 visitId, const QString& category,
                        const QString& action, const QString& outcome, int extendMinutes);
    /// Today's figures and the hourly throughput.
    void loadFigures();

Q_SIGNALS:
    /// error empty: ready. staff: [{id, name}].
    void opened(const QString& error, const QVariantList& staff);
    /// {ok, staffId, name, message, kind, triesLeft, lockedUntilMs}
    void loginDone(const QVariantMap& result);
    void lockChecked(qint64 lockedUntilMs);
    /// [{visit, masked, decision, reasons: [keys], at}]
    void reviewsLoaded(const QVariantList& reviews);
    /// Every action's answer: {action, ok, message, ...}
    void actionDone(const QVariantMap& result);
    /// {checkIns, deferred, review, doses, fevers, reactions, earlyExits, overdue,
    ///  hours: [{hour, checkIns, doses, exits}] for the 24 local hours}
    void figuresLoaded(const QVariantMap& figures);

private:
    bool ready(const QString& action);
    // The bodies of open() and login(), run guarded (SlotGuard.h).
    void openUnguarded();
    void loginUnguarded(const QString& staffId, const QString& pin);

    KioskConfig m_config;
    std::filesystem::path m_databasePath;
    std::optional<SiteKeys> m_keys;
    std::optional<Journal> m_journal;
    std::unique_ptr<SiteLink> m_site;  ///< null: a device alone
    std::string m_siteError;           ///< why the configured site link could not be made
    std::unique_ptr<StaffGate> m_gate;
};

}  // namespace vax::app
