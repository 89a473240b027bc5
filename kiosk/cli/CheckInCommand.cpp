#include <charconv>
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "core/Decision.h"
#include "core/ResidentId.h"
#include "devices/OpenThermometer.h"
#include "devices/TemperatureReader.h"
#include "ops/CheckIns.h"
#include "ops/JournaledTemperature.h"
#include "ops/SlipPrinting.h"
#include "sync/JournalSync.h"
#include "sync/NetworkSetup.h"

namespace vax::cli {

namespace {

struct CheckInOptions {
    std::string id;
    std::string temp;
    bool measure = false;  // take the temperature from the configured thermometer
    std::string answers;
    std::string health;  // staff's reading of the code; default not_checked
    std::string code;    // the scanned text, checked online or by its signature
    std::string lastDose;
    std::string product;
    int dosesReceived = 1;
    std::string priorSource = "declared";
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

// Runs the entry's temperature procedure on the configured thermometer, journaling each
// measurement before the next; what the decision gets, or an error when none is configured.
Result<TemperatureInput> measureTemperature(const KioskConfig& config, Journal& journal,
                                            const LocalTime& at, std::vector<std::int64_t>& ids,
                                            nlohmann::json& shown) {
    auto thermometer = openThermometer(config.devices.thermometer);
    if (!thermometer) {
        return Error{"--measure: " + thermometer.error().message};
    }
    auto check = runJournaledTemperatureCheck(**thermometer, config, journal, at.unixMs,
                                              at.date.iso(), [&](const SensorMeasurement& taken) {
                                                  auto shownOne =
                                                      measurementJson(taken.measurement);
                                                  shownOne["sensor"] = taken.sensorId;
                                                  shown.push_back(shownOne);
                                                  return true;
                                              });
    if (!check) {
        return check.error();
    }
    ids = check->measurementIds;
    return check->input;
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
    if (o.measure == !o.temp.empty()) {
        return fail(kExitBadInput, "give either --temp or --measure");
    }
    auto temperature =
        o.measure ? std::optional(TemperatureInput::sensorError()) : parseTemperature(o.temp);
    if (!temperature) {
        return fail(kExitBadInput, "--temp must be a number in Celsius, or 'error'");
    }
    auto answers = parseAnswers(o.answers);
    if (!answers) {
        return fail(kExitBadInput, "--answers: " + answers.error().message);
    }
    if (!o.code.empty() && !o.health.empty()) {
        return fail(kExitBadInput, "give either --health or --code");
    }
    const auto health = healthCodeStatusFromString(o.health.empty() ? "not_checked" : o.health);
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
        const auto source = priorDoseSourceFromString(o.priorSource);
        if (!source || *source == PriorDoseSource::VerifiedCertificate ||
            *source == PriorDoseSource::Registry) {
            // Those two come only from the kiosk's own checks, never from a typed flag.
            return fail(kExitBadInput, "--prior-source must be declared or staff_confirmed");
        }
        facts.priorDoses = PriorDoses{*last, o.product, o.dosesReceived, *source};
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
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    std::string healthSource = o.health.empty() ? "none" : "staff";
    nlohmann::json healthShown;
    if (!o.code.empty()) {
        JournalReplayCache replay(*journal);
        auto checker = makeHealthCodeChecker(*config, replay);
        if (!checker) {
            return fail(kExitFailure, checker.error().message);
        }
        // The code is checked now, against the live service, whatever --at says.
        const HealthCodeCheck check = (*checker)->check(o.code, unixMsNow() / 1000);
        facts.healthCode = check.status;
        // A code shown with someone else's ID: the service names its holder by masked ID.
        facts.healthCodeHolderMismatch = check.online && !id->fitsMasked(check.online->maskedId);
        healthSource = check.source;
        healthShown = healthCodeCheckJson(check);
    }
    std::vector<std::int64_t> measurementIds;
    nlohmann::json measurements = nlohmann::json::array();
    if (o.measure) {
        auto measured = measureTemperature(*config, *journal, *at, measurementIds, measurements);
        if (!measured) {
            return fail(kExitFailure, measured.error().message);
        }
        facts.temperature = *measured;
    }
    auto site = SiteLink::open(*config);
    if (!site) {
        return fail(kExitFailure, site.error().message);
    }
    auto recorded =
        recordCheckIn(*config, *keys, *journal, *id, facts, SiteTime{at->unixMs, at->date},
                      {measurementIds, healthSource}, site->get());
    if (!recorded) {
        return fail(kExitFailure, recorded.error().message);
    }
    const VisitState& state = recorded->visit;
    auto out = toJson(state);
    out["person"] = id->masked();
    out["decision"] = toJson(recorded->decision);
    out["returned"] = state.returned;
    if (state.queueNumber) {
        const NumberPlan& plan = recorded->numbering;
        out["numbered_by"] =
            state.returned && plan.numbering.origin == VisitNumbering::Origin::Local
                ? std::string(state.numberedOffline ? "block" : "journal")
                : std::string(toString(plan.numbering.origin));
        out["offline"] = state.numberedOffline;
    }
    if (recorded->numbering.offline) {
        out["site_error"] = recorded->numbering.siteError;
    }
    if (state.peopleAhead) {
        out["people_ahead"] = *state.peopleAhead;
    }
    if (!healthShown.is_null()) {
        out["health_code"] = healthShown;
    }
    if (o.measure) {
        out["temperature"] = {
            {"measurements", measurements},
            {"celsius", facts.temperature.celsius ? nlohmann::json(*facts.temperature.celsius)
                                                  : nlohmann::json()}};
    }
    if (state.queueNumber) {
        // The check-in is recorded whatever happens here; a slip can be issued again.
        auto slip = issueSlip(*config, *keys, state, recorded->person, at->unixMs);
        out["slip"] = slip ? nlohmann::json(*slip) : nlohmann::json();
        if (!slip) {
            out["slip_error"] = slip.error().message;
        } else if (const std::string printer = o.print.empty() ? config->devices.printer : o.print;
                   !printer.empty()) {
            addPrintOutcome(
                out,
                printQueueSlip(*config, state, recorded->person, *slip, at->unixMs, printer,
                               o.profile.empty() ? config->devices.printerProfile : o.profile));
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
    cmd->add_option("--temp", options->temp, "Body temperature in C, or 'error' (staff typed)");
    cmd->add_flag("--measure", options->measure,
                  "Measure with the configured thermometer ([devices.thermometer])");
    cmd->add_option("--answers", options->answers,
                    "Contraindication answers y/n/u, comma separated, in order")
        ->required();
    cmd->add_option("--health", options->health,
                    "Health code as staff read it: green|yellow|red|unavailable|not_checked");
    cmd->add_option("--code", options->code,
                    "The scanned health code (URL, token or signed JWS), checked online or "
                    "offline by its signature");
    cmd->add_option("--last-dose", options->lastDose, "Date of the last dose, YYYY-MM-DD");
    cmd->add_option("--product", options->product, "Product code of the last dose");
    cmd->add_option("--doses", options->dosesReceived,
                    "Doses of that product received so far (default 1)");
    cmd->add_option("--prior-source", options->priorSource,
                    "Where the last dose is known from: declared (by the resident, the default) "
                    "or staff_confirmed (staff saw the record)");
    cmd->add_option("--print", options->print,
                    "Print the queue slip: file:DEV, tcp://HOST:9100, cups:Q, png:DIR, pdf:DIR");
    cmd->add_option("--profile", options->profile, "Printer profile");
    cmd->add_option("--at", options->at,
                    "Record as if at this local time, 'YYYY-MM-DD HH:MM' (paper records)");
    cmd->callback([options, &paths, &status] { status = run(*options, paths); });
}

}  // namespace vax::cli
