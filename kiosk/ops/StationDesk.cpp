// The vaccination station and the observation exit: what the nurse's scans do.
#include "ops/StationDesk.h"

#include <variant>

#include "core/Payload.h"
#include "crypto/CodeSigner.h"
#include "ops/Slips.h"
#include "ops/TicketPrinting.h"

namespace vax {

namespace {

using Kind = StationRefusal::Kind;

StationRefusal refused(Kind kind, std::string_view what, std::string reason) {
    return StationRefusal{std::string(what) + " refused: " + reason, {}, kind, reason};
}

// The station signs tickets, so it holds the keys; a trust file, when configured, still
// decides what it accepts (the same list the exit devices use).
Result<TrustList> stationTrust(const KioskConfig& config, const SiteKeys& keys) {
    if (config.site.trustFile.empty()) {
        return TrustList::fromSiteKeys(keys, config.site.id);
    }
    return TrustList::load(config.site.trustFile);
}

// "a dose ticket" for the kind of a verified code, to say what was scanned instead.
const char* kindName(const SignedCode& code) {
    return std::holds_alternative<QueueSlip>(code.body) ? "a queue slip" : "a dose ticket";
}

}  // namespace

Result<StationBinding, StationRefusal> bindAtStation(const KioskConfig& config,
                                                     const SiteKeys& keys, Journal& journal,
                                                     const std::string& slipText,
                                                     const std::string& vaccineText,
                                                     const std::string& station, SiteTime at) {
    auto trust = stationTrust(config, keys);
    if (!trust) {
        return StationRefusal{"this station cannot verify slips: " + trust.error().message,
                              {},
                              Kind::Setup,
                              trust.error().message};
    }
    return bindAtStation(config, keys, *trust, journal, slipText, vaccineText, station, at);
}

Result<StationBinding, StationRefusal> bindAtStation(const KioskConfig& config,
                                                     const SiteKeys& keys, const TrustList& trust,
                                                     Journal& journal, const std::string& slipText,
                                                     const std::string& vaccineText,
                                                     const std::string& station, SiteTime at) {
    auto verified = trust.verify(slipText, config.site.id);
    if (!verified) {
        return refused(Kind::Slip, "queue slip", verified.error().message);
    }
    const auto* slip = std::get_if<QueueSlip>(&verified->body);
    if (!slip) {
        return refused(Kind::Slip, "queue slip",
                       std::string("this is ") + kindName(*verified) + ", not a queue slip");
    }
    const ClassifiedPayload code = classifyPayload(vaccineText, config.scanning.rules, at.date);
    auto pack = identifyPack(code, config.policy);
    if (!pack) {
        return refused(Kind::VaccineCode, "vaccine code", pack.error().message);
    }
    auto signer = CodeSigner::create(keys, config.site.id);
    if (!signer) {
        return StationRefusal{"this station cannot sign tickets: " + signer.error().message,
                              {},
                              Kind::Setup,
                              signer.error().message};
    }
    const BindRequest request{slip->visitId,
                              slip->person,
                              *pack,
                              station,
                              at.unixMs,
                              at.date.iso(),
                              config.policy.observationMinutes,
                              &config.policy};
    auto bound = journal.doses().bindDose(
        request, [&](const DoseTicket& ticket) { return signer->sign(ticket); });
    if (!bound) {
        StationRefusal refusal = refused(Kind::Binding, "binding", bound.error().message);
        refusal.earlier = bound.error().earlier;
        return refusal;
    }
    const DoseTicketView ticket{config.site.name,
                                slip->maskedId,
                                pack->product->name,
                                pack->lot,
                                bound->doseNumber,
                                station,
                                localTimeText(at.unixMs),
                                localTimeText(bound->observationEndsAtMs),
                                bound->ticket,
                                false,
                                config.policy.observationMinutes};
    return StationBinding{*bound, slip->maskedId, *pack, ticket};
}

ExitCheck checkExit(const KioskConfig& config, Journal& journal, const std::string& ticketText,
                    std::int64_t nowMs) {
    auto trust = loadTrust(config);
    if (!trust) {
        ExitCheck check;
        check.reason = "this device cannot verify tickets: " + trust.error().message;
        return check;
    }
    return checkExit(config, *trust, journal, ticketText, nowMs);
}

ExitCheck checkExit(const KioskConfig& config, const TrustList& trust, Journal& journal,
                    const std::string& ticketText, std::int64_t nowMs) {
    ExitCheck check;
    auto verified = trust.verify(ticketText, config.site.id);
    if (!verified) {
        check.reason = "dose ticket refused: " + verified.error().message;
        check.refusedAs = verified.error().kind;
        return check;
    }
    const auto* ticket = std::get_if<DoseTicket>(&verified->body);
    if (!ticket) {
        check.queueSlip = std::holds_alternative<QueueSlip>(verified->body);
        check.reason = std::string("dose ticket refused: this is ") + kindName(*verified) +
                       ", not a dose ticket";
        return check;
    }
    check.visitId = ticket->visitId;
    auto scan = journal.observation().exitScan(ticket->visitId, ticket->traceCode, nowMs);
    if (!scan) {
        check.reason = scan.error().message;
        return check;
    }
    switch (scan->decision.verdict) {
        case ExitVerdict::MayLeave:
            check.verdict = ExitCheck::Verdict::MayLeave;
            break;
        case ExitVerdict::MinutesLeft:
            check.verdict = ExitCheck::Verdict::MinutesLeft;
            break;
        case ExitVerdict::ClockSkew:
            check.verdict = ExitCheck::Verdict::ClockSkew;
            break;
    }
    check.minutesLeft = scan->decision.minutesLeft;
    check.observationEndsAtMs = scan->observationEndsAtMs;
    check.alreadyLeft = scan->alreadyLeft;
    return check;
}

Result<DoseTicketView> reprintView(const KioskConfig& config, Journal& journal,
                                   std::int64_t visitId) {
    auto dose = journal.doses().doseRecord(visitId);
    if (!dose) {
        return dose.error();
    }
    // The same signed text as first printed: the exit verifies a reprint like the original.
    const Product* product = config.policy.findProduct(dose->productCode);
    return DoseTicketView{config.site.name,
                          dose->maskedId,
                          product ? product->name : dose->productCode,
                          dose->lot,
                          dose->doseNumber,
                          dose->station,
                          localTimeText(dose->vaccinatedAtMs),
                          localTimeText(dose->observationEndsAtMs),
                          dose->ticket,
                          true,
                          config.policy.observationMinutes};
}

}  // namespace vax
