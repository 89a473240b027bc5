#include <ctime>
#include <iostream>
#include <map>
#include <memory>

#include "cli/Commands.h"
#include "cli/JsonOutput.h"
#include "cli/ReportJson.h"

#include "core/Observation.h"
#include "core/Report.h"

namespace vax::cli {

namespace {

struct ReportOptions {
    std::string date;
    std::string format = "txt";
};

int run(const ReportOptions& o, const Paths& paths) {
    const auto date = o.date.empty() ? std::optional(now().date) : CivilDate::parseIso(o.date);
    if (!date) {
        return fail(kExitBadInput, "--date must be YYYY-MM-DD");
    }
    if (o.format != "txt" && o.format != "csv" && o.format != "json" && o.format != "work-report") {
        return fail(kExitBadInput, "--format must be txt, csv, json or work-report");
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    DayReportBuilder builder(date->iso());
    if (auto st = journal->report().forEachVisit(
            date->iso(), [&builder](const VisitSummary& v) { builder.add(v); });
        !st) {
        return fail(kExitFailure, st.error().message);
    }
    const DayReport report = builder.finish();
    const LocalTime at = now();
    auto doses = journal->report().doseFigures(date->iso(), at.unixMs);
    if (!doses) {
        return fail(kExitFailure, doses.error().message);
    }
    if (o.format == "json") {
        auto hourly = journal->report().hourlyThroughput(date->iso());
        if (!hourly) {
            return fail(kExitFailure, hourly.error().message);
        }
        printJson(reportJson(report, *doses, *hourly));
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
        std::cout << formatWorkReport(*doses, date->month(), date->day(), hour, names) << "\n";
    } else if (o.format == "csv") {
        std::cout << formatReportCsv(report) << formatDoseFiguresCsv(*doses);
    } else {
        std::cout << formatReportText(report) << formatDoseFiguresText(*doses);
    }
    return kExitOk;
}

}  // namespace

void addReportCommand(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", "The day's figures for the work report");
    cmd->add_option("--date", o->date, "Day, YYYY-MM-DD (default today)");
    cmd->add_option("--format", o->format, "txt, csv, json or work-report (Chinese)");
    cmd->callback([o, &paths, &status] { status = run(*o, paths); });
}

}  // namespace vax::cli
