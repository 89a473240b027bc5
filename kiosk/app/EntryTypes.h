#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace vax::app {

/// The end of the temperature step, as the entry screen needs it. A value passed from the
/// worker thread to the UI thread.
struct TemperatureResult {
    Q_GADGET
    Q_PROPERTY(bool recorded MEMBER recorded)
    Q_PROPERTY(bool hasReading MEMBER hasReading)
    Q_PROPERTY(double celsius MEMBER celsius)
    Q_PROPERTY(bool unstable MEMBER unstable)
    Q_PROPERTY(QString error MEMBER error)

public:
    bool recorded = false;    ///< every measurement is in the journal
    bool hasReading = false;  ///< false: sensor error or no stable reading
    double celsius = 0;
    bool unstable = false;
    QString error;  ///< why nothing was recorded (for staff, English)
    QList<qint64> measurementIds;
};

/// A recorded check-in as the result screen shows it.
struct CheckInResult {
    Q_GADGET
    Q_PROPERTY(QString outcome MEMBER outcome)
    Q_PROPERTY(QString queueNumber MEMBER queueNumber)
    Q_PROPERTY(QString desk MEMBER desk)
    Q_PROPERTY(QStringList reasonsZh MEMBER reasonsZh)
    Q_PROPERTY(QStringList reasonsEn MEMBER reasonsEn)
    Q_PROPERTY(QString error MEMBER error)
    Q_PROPERTY(bool printed MEMBER printed)
    Q_PROPERTY(QString printError MEMBER printError)
    Q_PROPERTY(bool returned MEMBER returned)
    Q_PROPERTY(int peopleAhead MEMBER peopleAhead)
    Q_PROPERTY(bool offline MEMBER offline)

public:
    QString outcome;      ///< "proceed", "staff_review", "defer"; empty when not recorded
    QString queueNumber;  ///< "A007" when queued
    QString desk;         ///< "A" when queued
    QStringList reasonsZh;
    QStringList reasonsEn;
    QString error;  ///< why the check-in was not recorded
    qint64 visitId = 0;
    /// Queued: the signed slip came out of the printer. False with printError when it did not
    /// (staff give the slip); the check-in stands either way.
    bool printed = false;
    QString printError;  ///< for staff, English; empty when printed or not queued
    /// The person's visit of the day given back (one visit a person a day): the same number,
    /// the slip printed again; `outcome` is that visit's.
    bool returned = false;
    int peopleAhead = -1;  ///< waiting or called before this number at its desk; -1 unknown
    /// Numbered from this kiosk's reserved block: the site server could not be reached.
    bool offline = false;
};

/// What the check-in needs from the screens. The ID number travels in clear only between the
/// flow and the worker, and both forget it when the visit ends.
struct CheckInRequest {
    QString idText;
    int healthCode = 0;  ///< vax::HealthCodeStatus
    QString healthSource;
    TemperatureResult temperature;
    QList<int> answers;  ///< vax::Answer per question
};

}  // namespace vax::app
