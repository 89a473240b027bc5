// vaxctl ticket verify: checks a slip's or ticket's signature as an exit device would.
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "crypto/TrustList.h"

namespace vax::cli {

namespace {

std::string_view toString(VerifyError error) {
    switch (error) {
        case VerifyError::Malformed:
            return "malformed";
        case VerifyError::OtherSite:
            return "other_site";
        case VerifyError::UnknownKey:
            return "unknown_key";
        case VerifyError::BadSignature:
            return "bad_signature";
    }
    return "malformed";
}

nlohmann::json bodyJson(const SignedCode& code) {
    if (const auto* slip = std::get_if<QueueSlip>(&code.body)) {
        return {{"kind", "queue_slip"},
                {"visit", slip->visitId},
                {"queue_number", QueueNumber{slip->desk, slip->number}.label()},
                {"person", slip->maskedId},
                {"issued_at", slip->issuedAtUnix}};
    }
    const auto& t = std::get<DoseTicket>(code.body);
    return {{"kind", "dose_ticket"},
            {"visit", t.visitId},
            {"trace_code", t.traceCode},
            {"product", t.productCode},
            {"lot", t.lot},
            {"dose_number", t.doseNumber},
            {"station", t.station},
            {"vaccinated_at", t.vaccinatedAtUnix},
            {"observation_ends_at", t.observationEndsAtUnix}};
}

int verify(const std::string& text, const Paths& paths) {
    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    auto trust = loadTrust(*config);
    if (!trust) {
        return fail(kExitFailure, trust.error().message);
    }
    auto verified = trust->verify(text, config->site.id);
    if (!verified) {
        printJson({{"valid", false},
                   {"reason", toString(verified.error().kind)},
                   {"message", verified.error().message}});
        return fail(kExitBadInput, "refused: " + verified.error().message);
    }
    auto out = bodyJson(*verified);
    out["valid"] = true;
    out["site"] = verified->header.siteId;
    out["key_id"] = verified->header.keyId;
    printJson(out);
    return kExitOk;
}

}  // namespace

void addTicketCommands(CLI::App& app, const Paths& paths, int& status) {
    auto text = std::make_shared<std::string>();
    CLI::App* ticket = app.add_subcommand("ticket", "Signed queue slips and dose tickets");
    ticket->require_subcommand(1);
    CLI::App* cmd = ticket->add_subcommand("verify", "Check a slip's or ticket's signature");
    cmd->add_option("text", *text, "The scanned text, VK1:...")->required();
    cmd->callback([text, &paths, &status] { status = verify(*text, paths); });
}

}  // namespace vax::cli
