#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariantList>

namespace vax::app {

// Values the station and exit worker (SiteWorker) passes to the UI thread. No ID number ever
// travels here: only the masked one printed on the slip.

/// A scanned "VK1:" code checked as a queue slip at the station.
struct SlipRead {
    Q_GADGET
    Q_PROPERTY(bool valid MEMBER valid)
    Q_PROPERTY(QString problem MEMBER problem)
    Q_PROPERTY(QString reason MEMBER reason)
    Q_PROPERTY(QString maskedId MEMBER maskedId)
    Q_PROPERTY(QString queueNumber MEMBER queueNumber)

public:
    bool valid = false;
    /// Not valid: "dose_ticket" (a ticket, not a slip), "forged" (unknown key, bad signature),
    /// "other_site", "unreadable", "setup" (this station cannot verify).
    QString problem;
    QString reason;  ///< for staff, English
    QString maskedId;
    QString queueNumber;  ///< "A007"
    qint64 visitId = 0;
};

/// A scanned vaccine pack code, looked up in the catalogue.
struct PackRead {
    Q_GADGET
    Q_PROPERTY(bool valid MEMBER valid)
    Q_PROPERTY(QString problem MEMBER problem)
    Q_PROPERTY(QString reason MEMBER reason)
    Q_PROPERTY(QString product MEMBER product)
    Q_PROPERTY(QString lot MEMBER lot)
    Q_PROPERTY(QString expiry MEMBER expiry)

public:
    bool valid = false;
    QString problem;  ///< "expired", "unknown_product" (not in the catalogue, not a pack code)
    QString reason;   ///< for staff, English
    QString product;  ///< the catalogue's name
    QString lot;      ///< empty for 20-digit trace codes
    QString expiry;   ///< YYYY-MM-DD, when the code says
};

/// An earlier binding of the same trace code: where and when.
struct EarlierUse {
    Q_GADGET
    Q_PROPERTY(qint64 visitId MEMBER visitId)
    Q_PROPERTY(QString at MEMBER at)
    Q_PROPERTY(QString station MEMBER station)

public:
    qint64 visitId = 0;
    QString at;  ///< "YYYY-MM-DD HH:MM", local
    QString station;
};

/// The station's answer to slip + vaccine code: a bound dose (and whether its ticket printed)
/// or the refusal.
struct BindResult {
    Q_GADGET
    Q_PROPERTY(bool bound MEMBER bound)
    Q_PROPERTY(QString refusal MEMBER refusal)
    Q_PROPERTY(QString reason MEMBER reason)
    Q_PROPERTY(QVariantList earlier MEMBER earlier)
    Q_PROPERTY(QString maskedId MEMBER maskedId)
    Q_PROPERTY(QString product MEMBER product)
    Q_PROPERTY(QString lot MEMBER lot)
    Q_PROPERTY(int doseNumber MEMBER doseNumber)
    Q_PROPERTY(QString observationEndsAt MEMBER observationEndsAt)
    Q_PROPERTY(bool printed MEMBER printed)
    Q_PROPERTY(QString printError MEMBER printError)

public:
    bool bound = false;
    /// Refused: "reused_code" (`earlier` says where), "expired", "vaccine_code", "forged_slip",
    /// "slip", "binding" (the journal's reason), "setup" (call the technician).
    QString refusal;
    QString reason;        ///< for staff, English
    QVariantList earlier;  ///< EarlierUse values
    QString maskedId;      ///< from the verified slip
    QString product;
    QString lot;
    int doseNumber = 0;
    QString observationEndsAt;  ///< "HH:MM"
    bool printed = false;       ///< the dose ticket came out; the dose stands either way
    QString printError;         ///< for staff, English
    qint64 visitId = 0;
};

/// A reprinted dose ticket.
struct ReprintResult {
    Q_GADGET
    Q_PROPERTY(bool printed MEMBER printed)
    Q_PROPERTY(QString error MEMBER error)

public:
    bool printed = false;
    QString error;  ///< for staff, English
};

/// The exit's answer to a scanned dose ticket.
struct ExitResult {
    Q_GADGET
    Q_PROPERTY(QString verdict MEMBER verdict)
    Q_PROPERTY(int minutesLeft MEMBER minutesLeft)
    Q_PROPERTY(QString endsAt MEMBER endsAt)
    Q_PROPERTY(bool alreadyLeft MEMBER alreadyLeft)
    Q_PROPERTY(QString problem MEMBER problem)
    Q_PROPERTY(QString reason MEMBER reason)

public:
    /// "may_leave", "minutes_left", "clock_skew" (staff check the clocks), "not_valid".
    QString verdict = QStringLiteral("not_valid");
    int minutesLeft = 0;
    QString endsAt;  ///< the end of the observation, "HH:MM"
    bool alreadyLeft = false;
    /// Not valid: "not_ticket" (not one of our codes), "queue_slip", "forged", "other_site",
    /// "no_dose", "reaction" (under a doctor's care), "setup", "other".
    QString problem;
    QString reason;  ///< for staff, English
};

/// One person in observation, for the staff list.
struct ObservationEntry {
    Q_GADGET

public:
    qint64 visitId = 0;
    QString maskedId;
    qint64 endsAtMs = 0;
    bool reaction = false;
    bool overdue = false;
};

}  // namespace vax::app
