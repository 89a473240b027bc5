#include "cli/ReportJson.h"

namespace vax::cli {

namespace {

// JSON object keys must be strings: dose numbers become "1", "2", ...
template <class Key>
nlohmann::json counts(const std::map<Key, int>& byKey) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [key, count] : byKey) {
        if constexpr (std::is_same_v<Key, int>) {
            out[std::to_string(key)] = count;
        } else {
            out[key] = count;
        }
    }
    return out;
}

nlohmann::json entryJson(const DayReport& report) {
    nlohmann::json stages = nlohmann::json::object();
    for (int s = 0; s < kStageCount; ++s) {
        stages[std::string(toString(Stage(s)))] = report.byStage[std::size_t(s)];
    }
    nlohmann::json bands = nlohmann::json::array();
    for (const AgeBandFigures& band : report.ageBands) {
        bands.push_back({{"band", band.label},
                         {"check_ins", band.checkIns},
                         {"proceeds", band.proceeds},
                         {"deferrals", band.deferrals}});
    }
    return {{"check_ins", report.checkIns},
            {"proceeds", report.proceeds},
            {"staff_reviews", report.staffReviews},
            {"deferrals", report.deferrals},
            {"fevers", report.fevers},
            {"deferred_in_the_end", report.deferredInTheEnd},
            {"deferrals_by_reason", counts(report.deferralsByReason)},
            {"age_bands", bands},
            {"check_ins_by_campaign_step", counts(report.checkInsByCampaignStep)},
            {"visits_by_stage", stages},
            {"wait_s",
             {{"called", report.wait.called},
              {"median", report.wait.medianS},
              {"p90", report.wait.p90S},
              {"max", report.wait.maxS}}}};
}

nlohmann::json dosesJson(const DoseFigures& doses) {
    return {{"doses", doses.doses},
            {"by_dose_number", counts(doses.byDoseNumber)},
            {"boosters", doses.boosters},
            {"by_product", counts(doses.byProduct)},
            {"by_campaign_step", counts(doses.byCampaignStep)},
            {"by_age_band", counts(doses.byAgeBand)},
            {"temperature_checks", doses.temperatureChecks},
            {"fevers", doses.fevers},
            {"observed", doses.observed},
            {"completed", doses.completed},
            {"early_exits", doses.earlyExits},
            {"overdue", doses.overdue},
            {"reactions_by_category", counts(doses.reactionsByCategory)}};
}

}  // namespace

nlohmann::json reportJson(const DayReport& report, const DoseFigures& doses,
                          const std::array<HourlyCounts, 24>& hourly) {
    nlohmann::json hours = nlohmann::json::array();
    for (std::size_t h = 0; h < hourly.size(); ++h) {
        hours.push_back({{"hour", h},
                         {"check_ins", hourly[h].checkIns},
                         {"doses", hourly[h].doses},
                         {"exits", hourly[h].exits}});
    }
    return {{"date", report.date},
            {"entry", entryJson(report)},
            {"doses", dosesJson(doses)},
            {"hourly", hours}};
}

}  // namespace vax::cli
