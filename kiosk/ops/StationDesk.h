#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/KioskConfig.h"
#include "core/CivilDate.h"
#include "core/Result.h"
#include "crypto/SiteKeys.h"
#include "crypto/TrustList.h"
#include "devices/TicketDocument.h"
#include "store/Journal.h"

namespace vax {

/// The moment an operation happens at: Unix ms and the local date (the journal's day).
struct SiteTime {
    std::int64_t unixMs = 0;
    CivilDate date;
};

/// A dose bound at the vaccination station: one person, one dose, one code.
struct StationBinding {
    BoundDose bound;        ///< visit, dose number, signed ticket text, observation end
    std::string maskedId;   ///< from the verified slip
    PackInfo pack;          ///< product, lot, trace code, expiry
    DoseTicketView ticket;  ///< what the printed ticket shows
};

/// Why the station refused: a slip or vaccine code that is not valid (bad signature, wrong
/// kind, expired pack), or the journal's refusal (trace code already used: `earlier` lists
/// where).
struct StationRefusal {
    /// What was refused: the slip, the vaccine code, the binding (the journal said no), or
    /// the station itself cannot work (trust list, signing key): call the technician.
    enum class Kind { Slip, VaccineCode, Binding, Setup };
    std::string message;                  ///< for the nurse, names what to do
    std::vector<EarlierBinding> earlier;  ///< earlier bindings of the same trace code
    Kind kind = Kind::Binding;
    std::string reason;  ///< `message` without its "... refused: " lead
};

/// Binds as the overload below, verifying the slip with `trust`: the station's trust list,
/// loaded once when the device starts (not per scan).
Result<StationBinding, StationRefusal> bindAtStation(const KioskConfig& config,
                                                     const SiteKeys& keys, const TrustList& trust,
                                                     Journal& journal, const std::string& slipText,
                                                     const std::string& vaccineText,
                                                     const std::string& station, SiteTime at);

/// Binds the person on the scanned queue slip (`slipText`, "VK1:...") to the scanned vaccine
/// code (`vaccineText`, GS1 or the catalogue's format) at `station`, and signs the dose
/// ticket. No dose is recorded on refusal; a refused binding is journaled as such. Loads the
/// station's trust list for this one binding (vaxctl: one binding a run).
Result<StationBinding, StationRefusal> bindAtStation(const KioskConfig& config,
                                                     const SiteKeys& keys, Journal& journal,
                                                     const std::string& slipText,
                                                     const std::string& vaccineText,
                                                     const std::string& station, SiteTime at);

/// The exit check of a scanned dose ticket.
struct ExitCheck {
    /// ClockSkew: the ticket is dated in the future; staff check the device clocks (never a
    /// may-leave).
    enum class Verdict { MayLeave, MinutesLeft, ClockSkew, NotValid };
    Verdict verdict = Verdict::NotValid;
    int minutesLeft = 0;  ///< MinutesLeft: whole minutes, rounded up
    std::int64_t visitId = 0;
    std::int64_t observationEndsAtMs = 0;
    bool alreadyLeft = false;  ///< a second scan of a ticket that already left
    std::string reason;        ///< NotValid: why, for the staff member
    /// NotValid because the signature check refused the ticket: why (forged, other site...).
    std::optional<VerifyError> refusedAs;
    bool queueSlip = false;  ///< NotValid because a queue slip was scanned instead
};

/// Verifies a scanned dose ticket once against `trust` (loaded when the device starts, not per
/// scan) and checks the observation time in the journal (which records the exit, or the early
/// attempt).
ExitCheck checkExit(const KioskConfig& config, const TrustList& trust, Journal& journal,
                    const std::string& ticketText, std::int64_t nowMs);

/// The exit check as above with the trust list loaded for this one scan (loadTrust; vaxctl:
/// one scan a run).
ExitCheck checkExit(const KioskConfig& config, Journal& journal, const std::string& ticketText,
                    std::int64_t nowMs);

/// The dose ticket of an already bound visit, marked as a reprint.
Result<DoseTicketView> reprintView(const KioskConfig& config, Journal& journal,
                                   std::int64_t visitId);

}  // namespace vax
