#include <ctime>
#include <iostream>
#include <map>
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/ReportJson.h"

#include "core/Observation.h"
#include "core/Report.h"
#include "ops/SiteLink.h"
#include "site/SiteReport.h"

namespace vax::cli {

namespace {

struct ReportOptions {
    std::string date;
    std::string format = "txt";
    bool site = false;
};

// The figures of one day, from this journal or from the site server over every device.
struct DayFigures {
    DayReport report;
    DoseFigures doses;
    std::array<HourlyCounts, 24> hourly{};
    std::vector<DeviceLag> behind;  ///< site only: devices whose journal is not all there
};

Result<DayFigures> siteFigures(const KioskConfig& config, const std::string& day,
                               std::int64_t nowMs) {
    auto link = SiteLink::open(config);
    if (!link) {
        return link.error();
    }
    if (!*link) {
        return Error{"--site: the config has no [site_server]"};
    }
    DayFigures figures;
    auto read = (*link)->with([&](PgConnection& conn) -> Result<Unit, PgError> {
        SiteReport site(conn, (*link)->device());
        DayReportBuilder builder(day);
        if (auto st = site.forEachVisit(day, [&](const VisitSummary& v) { builder.add(v); }); !st) {
            return st.error();
        }
        figures.report = builder.finish();
        auto doses = site.doseFigures(day, nowMs, [&](std::string_view product) {
            const Product* p = config.policy.findProduct(product);
            return p ? p->seriesDoses : 1;
        });
        if (!doses) {
            return doses.error();
        }
        figures.doses = *doses;
        auto behind = site.behind(day);
        if (!behind) {
            return behind.error();
        }
        figures.behind = *behind;
        return Unit{};
    });
    if (!read) {
        return Error{"site server: " + read.error().message};
    }
    return figures;
}

Result<DayFigures> journalFigures(Journal& journal, const std::string& day, std::int64_t nowMs) {
    DayFigures figures;
    DayReportBuilder builder(day);
    if (auto st = journal.report().forEachVisit(
            day, [&builder](const VisitSummary& v) { builder.add(v); });
        !st) {
        return st.error();
    }
    figures.report = builder.finish();
    auto doses = journal.report().doseFigures(day, nowMs);
    if (!doses) {
        return doses.error();
    }
    figures.doses = *doses;
    auto hourly = journal.report().hourlyThroughput(day);
    if (!hourly) {
        return hourly.error();
    }
    figures.hourly = *hourly;
    return figures;
}

// While a device's journal is not all on the site server, the site's figures say so.
std::string incompleteNote(const std::vector<DeviceLag>& behind) {
    std::string note;
    for (const DeviceLag& d : behind) {
        note += "INCOMPLETE: device " + d.deviceId + " (" + d.role + ")";
        if (d.behind() > 0) {
            note +=
                ": " + std::to_string(d.behind()) + " journal entries not yet on the site server";
        }
        if (d.unsentNumbers > 0) {
            note += ": " + std::to_string(d.unsentNumbers) +
                    " numbers given since its journal last reached the site server";
        }
        note += "\n";
    }
    return note;
}

int run(const ReportOptions& o, const Paths& paths) {
    const auto date = o.date.empty() ? std::optional(now().date) : CivilDate::parseIso(o.date);
    if (!date) {
        return fail(kExitBadInput, "--date must be YYYY-MM-DD");
    }
    if (o.format != "txt" && o.format != "csv" && o.format != "json" && o.format != "work-report") {
        return fail(kExitBadInput, "--format must be txt, csv, json or work-report");
    }
    const LocalTime at = now();
    Result<DayFigures> read = Error{""};
    if (o.site) {
        auto config = loadConfigOrReport(paths);
        if (!config) {
            return kExitFailure;
        }
        read = siteFigures(*config, date->iso(), at.unixMs);
    } else {
        auto journal = openJournalOrReport(paths);
        if (!journal) {
            return kExitFailure;
        }
        read = journalFigures(*journal, date->iso(), at.unixMs);
    }
    if (!read) {
        return fail(kExitFailure, read.error().message);
    }
    const DayReport& report = read->report;
    const DoseFigures* doses = &read->doses;
    const std::string incomplete = incompleteNote(read->behind);
    if (o.format == "json") {
        nlohmann::json out = reportJson(report, *doses, read->hourly);
        if (o.site) {
            // The site has no hourly chart (each device's console draws its own).
            out.erase("hourly");
            nlohmann::json behind = nlohmann::json::array();
            for (const DeviceLag& d : read->behind) {
                behind.push_back({{"device", d.deviceId},
                                  {"role", d.role},
                                  {"behind", d.behind()},
                                  {"unsent_numbers", d.unsentNumbers}});
            }
            out["scope"] = "site";
            out["complete"] = read->behind.empty();
            out["devices_behind"] = behind;
        }
        printJson(out);
    } else if (o.format == "work-report") {
        std::map<std::string, std::string> names;
        for (int c = 0; c < kReactionCategoryCount; ++c) {
            names[std::string(toString(ReactionCategory(c)))] =
                std::string(chineseName(ReactionCategory(c)));
        }
        // "As of" the report's hour: now for today, the end of the day for an earlier one.
        const std::time_t t = std::time_t(at.unixMs / 1000);
        std::tm local{};
        localtime_r(&t, &local);
        const int hour = *date == at.date ? local.tm_hour : 24;
        std::cout << incomplete << formatWorkReport(*doses, date->month(), date->day(), hour, names)
                  << "\n";
    } else if (o.format == "csv") {
        std::cout << formatReportCsv(report) << formatDoseFiguresCsv(*doses);
        std::cerr << incomplete;  // the CSV stays a table
    } else {
        std::cout << incomplete << formatReportText(report) << formatDoseFiguresText(*doses);
    }
    return kExitOk;
}

}  // namespace

void addReportCommand(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", "The day's figures for the work report");
    cmd->add_option("--date", o->date, "Day, YYYY-MM-DD (default today)");
    cmd->add_option("--format", o->format, "txt, csv, json or work-report (Chinese)");
    cmd->add_flag("--site", o->site,
                  "Over every device of the site, from the site server (marked incomplete while a"
                  " device's journal is not all there)");
    cmd->callback([o, &paths, &status] { status = run(*o, paths); });
}

}  // namespace vax::cli
