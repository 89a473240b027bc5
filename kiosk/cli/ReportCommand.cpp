#include <iostream>
#include <memory>

#include "cli/Commands.h"
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
    if (o.format != "txt" && o.format != "csv") {
        return fail(kExitBadInput, "--format must be txt or csv");
    }
    auto journal = openJournalOrReport(paths);
    if (!journal) {
        return kExitFailure;
    }
    DayReportBuilder builder(date->iso());
    if (auto st = journal->forEachVisit(date->iso(),
                                        [&builder](const VisitSummary& v) { builder.add(v); });
        !st) {
        return fail(kExitFailure, st.error().message);
    }
    const DayReport report = builder.finish();
    std::cout << (o.format == "csv" ? formatReportCsv(report) : formatReportText(report));
    return kExitOk;
}

}  // namespace

void addReportCommand(CLI::App& app, const Paths& paths, int& status) {
    auto o = std::make_shared<ReportOptions>();
    CLI::App* cmd = app.add_subcommand("report", "The day's figures for the work report");
    cmd->add_option("--date", o->date, "Day, YYYY-MM-DD (default today)");
    cmd->add_option("--format", o->format, "txt or csv");
    cmd->callback([o, &paths, &status] { status = run(*o, paths); });
}

}  // namespace vax::cli
