#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Decision.h"
#include "core/VisitStage.h"

namespace vax {

/// What the day's report needs of one visit. Built by the store from its visit table.
struct VisitSummary {
    Outcome decision = Outcome::Proceed;  ///< the entry decision
    Stage stage = Stage::CheckedIn;       ///< where the visit is now
    bool fever = false;
    bool deferredByStaff = false;  ///< a staff override deferred the visit
    std::uint32_t reasonMask = 0;  ///< bit (1 << ReasonCode) for every reason of the decision
    int age = 0;
    std::string_view campaignStep;  ///< empty when none
    std::optional<std::int64_t> queuedAtMs;
    std::optional<std::int64_t> calledAtMs;
};

/// Bit of a reason code in VisitSummary::reasonMask.
constexpr std::uint32_t reasonBit(ReasonCode code) {
    return 1u << unsigned(code);
}
std::uint32_t reasonMask(const std::vector<Reason>& reasons);

struct AgeBandFigures {
    std::string label;  ///< "18-29", "80+"
    int minAge = 0;
    int checkIns = 0;
    int proceeds = 0;
    int deferrals = 0;
};

/// Seconds from getting a queue number to being called.
struct WaitFigures {
    int called = 0;
    double medianS = 0;
    double p90S = 0;
    double maxS = 0;
};

/// The day's figures for the site's work report.
struct DayReport {
    std::string date;
    int checkIns = 0;
    int proceeds = 0;      ///< entry decision "proceed"
    int staffReviews = 0;  ///< entry decision "staff review"
    int deferrals = 0;     ///< entry decision "defer"
    int fevers = 0;
    int deferredInTheEnd = 0;                      ///< visits closed as deferred, incl. by staff
    std::map<std::string, int> deferralsByReason;  ///< reason key -> deferred visits with it
    std::vector<AgeBandFigures> ageBands;
    std::map<std::string, int> checkInsByCampaignStep;  ///< "" = outside every step
    std::array<int, kStageCount> byStage{};             ///< visits now at each stage
    WaitFigures wait;
};

/// The day's dose figures for the work report.
struct DoseFigures {
    int doses = 0;
    std::map<int, int> byDoseNumber;  ///< dose number -> doses (boosters excluded)
    int boosters = 0;
    std::map<std::string, int> byProduct;
    std::map<std::string, int> byCampaignStep;
    std::map<std::string, int> byAgeBand;
    int temperatureChecks = 0;  ///< check-ins with a reading
    int fevers = 0;
    int observed = 0;   ///< people who entered observation
    int completed = 0;  ///< left after the observation time
    int earlyExits = 0;
    int overdue = 0;
    std::map<std::string, int> reactionsByCategory;
};

/// Adds visits one at a time (the store streams them) and produces the report.
class DayReportBuilder {
public:
    explicit DayReportBuilder(std::string date);
    void add(const VisitSummary& visit);
    DayReport finish();

private:
    DayReport m_report;
    std::array<int, 32> m_reasonCounts{};
    std::vector<double> m_waitsS;
    // Transparent comparison: counting a step by string_view allocates nothing per visit.
    std::map<std::string, int, std::less<>> m_stepCounts;
};

/// The work report's age band of an age: "<18", "18-29", ... "80+".
std::string ageBandLabel(int age);

/// Plain-text report for a person to read.
std::string formatReportText(const DayReport& report);
/// CSV with the columns section,key,value for upload and spreadsheets.
std::string formatReportCsv(const DayReport& report);

/// The dose part of the text and CSV reports.
std::string formatDoseFiguresText(const DoseFigures& figures);
std::string formatDoseFiguresCsv(const DoseFigures& figures);

/// The site's daily work report sentence in Chinese, "截至11月24日18时，本接种点今日共完成接种
/// 312剂次，其中第一剂次120剂次、……；入口测温312人次，发现体温异常3人；留观312人，未发现异常反应。"
/// `reactionNames` maps reaction keys to their Chinese names.
std::string formatWorkReport(const DoseFigures& figures, int month, int day, int hour,
                             const std::map<std::string, std::string>& reactionNames);

}  // namespace vax
