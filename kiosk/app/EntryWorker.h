#pragma once

#include <QObject>
#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>

#include "EntryBackend.h"
#include "EntryTypes.h"
#include "config/KioskConfig.h"
#include "crypto/SiteKeys.h"
#include "devices/Thermometer.h"
#include "net/HealthCodeChecker.h"
#include "ops/SiteLink.h"
#include "store/Journal.h"
#include "sync/JournalSync.h"

namespace vax::app {

/// The entry's slow work: health-code checks (network), temperature measurements (blocking
/// sensor reads) and journal writes. Lives on its own QThread; every slot runs there and
/// answers with a signal, so the UI thread never waits. `session` numbers a resident's visit:
/// the flow ignores answers for a visit it has already forgotten.
class EntryWorker : public EntryBackend {
    Q_OBJECT

public:
    /// Nothing is opened until open() runs on the worker thread.
    EntryWorker(KioskConfig config, std::filesystem::path databasePath);
    ~EntryWorker() override;

    /// Cancels the temperature check of every session up to `throughSession`, also one not
    /// started yet (its measureTemperature() is still queued). Any thread.
    void cancelTemperature(quint64 throughSession) override;
    /// Uses `thermometer` instead of the one the config names (a device opened elsewhere, or a
    /// test's). Call before open().
    void useThermometer(std::unique_ptr<Thermometer> thermometer);

public Q_SLOTS:
    /// Loads the site keys, opens the journal and the thermometer; answers with opened().
    void open();
    /// Checks a scanned health code with the service or by its signature.
    void checkHealthCode(quint64 session, const QString& text) override;
    /// Runs the entry's temperature procedure, journaling each measurement before it is shown.
    void measureTemperature(quint64 session) override;
    /// Decides with the core rules and records the check-in; a queued person's signed slip is
    /// then printed (CheckInResult::printed).
    void checkIn(quint64 session, const vax::app::CheckInRequest& request) override;
    /// Answers with thermometerHealth() (the status strip's poll; no reading is taken).
    void reportThermometer();

Q_SIGNALS:
    // opened, healthCodeChecked, measurementTaken, temperatureFinished, checkedIn: EntryBackend.
    /// `state`: "ok", "degraded", "missing" (vax::DeviceState) or "unknown" (not read yet).
    void thermometerHealth(const QString& state, const QString& message);

private:
    // The slots' bodies; the slots run them guarded (SlotGuard.h).
    void openUnguarded();
    void checkHealthCodeUnguarded(quint64 session, const QString& text);
    void measureTemperatureUnguarded(quint64 session);
    void checkInUnguarded(quint64 session, const CheckInRequest& request);
    void reportThermometerUnguarded();

    KioskConfig m_config;
    std::filesystem::path m_databasePath;
    std::optional<SiteKeys> m_keys;
    std::optional<Journal> m_journal;
    std::unique_ptr<SiteLink> m_site;  ///< null: a device alone (no [site_server])
    std::unique_ptr<JournalReplayCache> m_replay;
    std::unique_ptr<HealthCodeChecker> m_checker;
    std::unique_ptr<Thermometer> m_thermometer;
    std::unique_ptr<Thermometer> m_injectedThermometer;  // until open()
    QString m_thermometerError;
    bool m_thermometerUsed = false;
    // A cancel names the sessions it covers, so one that arrives before its measurement starts
    // is not lost when the measurement begins (a bool cleared at the start would lose it).
    std::atomic<quint64> m_cancelledThrough{0};
    std::atomic<quint64> m_measuringSession{0};
    std::atomic<bool> m_cancel{false};  // the running check's stop flag, read by the sensor loop
};

}  // namespace vax::app
