#include <charconv>
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/Printing.h"
#include "cli/Slips.h"
#include "core/Decision.h"
#include "core/ResidentId.h"
#include "crypto/PersonVault.h"

namespace vax::cli {

namespace {

struct CheckInOptions {
    std::string id;
    std::string temp;
    std::string answers;
    std::string health = "not_checked";
    std::string lastDose;
    std::string product;
    int dosesReceived = 1;
    std::string at;
    std::string print;
    std::string profile;  // default: the config's printer_profile
};

// "36.6", or "error" when the thermometer failed.
std::optional<TemperatureInput> parseTemperature(const std::string& text) {
    if (text == "error") {
        return TemperatureInput::sensorError();
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return TemperatureInput::reading(value);
}

int run(const CheckInOptions& o, const Paths& paths) {
    // Every input is checked before anything is opened, so bad input writes nothing.
    std::optional<LocalTime> at = atOrNow(o.at);
    if (!at) {
        return fail(kExitBadInput, "--at must be 'YYYY-MM-DD HH:MM'");
    }
    auto id = ResidentId::parse(o.id, at->date);
    if (!id) {
        return fail(kExitBadInput, "--id: " + std::string(describe(id.error())));
    }
    const auto temperature = parseTemperature(o.temp);
    if (!temperature) {
        return fail(kExitBadInput, "--temp must be a number in Celsius, or 'error'");
    }
    auto answers = parseAnswers(o.answers);
    if (!answers) {
        return fail(kExitBadInput, "--answers: " + answers.error().message);
    }
    const auto health = healthCodeStatusFromString(o.health);
    if (!health) {
        return fail(kExitBadInput,
                    "--health must be green, yellow, red, unavailable or not_checked");
    }
    CheckInFacts facts{*health, *temperature, *answers, id->birthDate(), std::nullopt, at->date};
    if (!o.lastDose.empty() || !o.product.empty()) {
        const auto last = CivilDate::parseIso(o.lastDose);
        if (!last || o.product.empty()) {
            return fail(kExitBadInput, "--last-dose YYYY-MM-DD and --product CODE go together");
        }
        if (*last > at->date) {
            return fail(kExitBadInput, "--last-dose is after today");
        }
        if (o.dosesReceived < 1) {
            return fail(kExitBadInput, "--doses must be at least 1");
        }
        facts.priorDoses = PriorDoses{*last, o.product, o.dosesReceived};
    }

    auto config = loadConfigOrReport(paths);
    if (!config) {
        return kExitFailure;
    }
    if (facts.priorDoses && !config->policy.findProduct(o.product)) {
        return fail(kExitBadInput, "--product '" + o.product + "' is not in the catalogue");
    }
    auto keys = SiteKeys::load(config->site.keyFile);
    if (!keys) {
        return fail(kExitFailure, keys.error().message);
    }
    const Decision decision = decideCheckIn(facts, config->policy);
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    const PersonVault vault(*keys);
    CheckInRecord record{vault.protect(*id),   id->birthDate(), id->sex(),      *health,
                         temperature->celsius, decision,        at->date.iso(), at->unixMs};
    auto state = journal->checkIn(record);
    if (!state) {
        return fail(kExitFailure, "check-in not recorded: " + state.error().message);
    }
    auto out = toJson(*state);
    out["person"] = id->masked();
    out["decision"] = toJson(decision);
    if (state->queueNumber) {
        // The check-in is recorded whatever happens here; a slip can be issued again.
        auto slip = issueSlip(*config, *keys, *state, record.person, at->unixMs);
        out["slip"] = slip ? nlohmann::json(*slip) : nlohmann::json();
        if (!slip) {
            out["slip_error"] = slip.error().message;
        } else if (const std::string printer = o.print.empty() ? config->devices.printer : o.print;
                   !printer.empty()) {
            const std::string desk(1, state->queueNumber->desk);
            QueueSlipView view{config->site.name,
                               state->queueNumber->label(),
                               id->masked(),
                               "请到" + desk + "台登记",
                               "Please go to desk " + desk,
                               localTimeText(at->unixMs),
                               *slip,
                               false};
            printTicket(printer, o.profile.empty() ? config->devices.printerProfile : o.profile,
                        "slip-" + std::to_string(state->visitId), queueSlipDocument(view), out);
        }
    }
    printJson(out);
    return kExitOk;
}

}  // namespace

void addCheckInCommand(CLI::App& app, const Paths& paths, int& status) {
    auto options = std::make_shared<CheckInOptions>();
    CLI::App* cmd = app.add_subcommand("checkin", "Record an entry check and print the decision");
    cmd->add_option("--id", options->id, "Resident ID number (18, or legacy 15 characters)")
        ->required();
    cmd->add_option("--temp", options->temp, "Body temperature in C, or 'error'")->required();
    cmd->add_option("--answers", options->answers,
                    "Contraindication answers y/n/u, comma separated, in order")
        ->required();
    cmd->add_option("--health", options->health,
                    "Health code: green|yellow|red|unavailable|not_checked");
    cmd->add_option("--last-dose", options->lastDose, "Date of the last dose, YYYY-MM-DD");
    cmd->add_option("--product", options->product, "Product code of the last dose");
    cmd->add_option("--doses", options->dosesReceived,
                    "Doses of that product received so far (default 1)");
    cmd->add_option("--print", options->print,
                    "Print the queue slip: file:DEV, tcp://HOST:9100, cups:Q, png:DIR, pdf:DIR");
    cmd->add_option("--profile", options->profile, "Printer profile");
    cmd->add_option("--at", options->at,
                    "Record as if at this local time, 'YYYY-MM-DD HH:MM' (paper records)");
    cmd->callback([options, &paths, &status] { status = run(*options, paths); });
}

}  // namespace vax::cli
