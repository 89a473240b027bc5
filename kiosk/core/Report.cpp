#include "core/Report.h"

#include <algorithm>
#include <cstdio>

namespace vax {

namespace {

constexpr ReasonCode kLastReason = kLastReasonCode;
static_assert(int(kLastReason) < 32, "every reason code needs a bit in VisitSummary::reasonMask");

// Age bands of the work report; the last one is open-ended.
constexpr std::array<int, 9> kBandStarts{0, 18, 30, 40, 50, 60, 70, 80, 200};

std::string bandLabel(std::size_t i) {
    if (i == 0) {
        return "<18";
    }
    if (kBandStarts[i + 1] >= 200) {
        return std::to_string(kBandStarts[i]) + "+";
    }
    return std::to_string(kBandStarts[i]) + "-" + std::to_string(kBandStarts[i + 1] - 1);
}

std::size_t bandIndex(int age) {
    std::size_t i = 0;
    while (i + 2 < kBandStarts.size() && age >= kBandStarts[i + 1]) {
        ++i;
    }
    return i;
}

// Percentile of an already sorted list, interpolating linearly between neighbours (the
// median of {10, 20} is 15).
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    const double position = p * double(sorted.size() - 1);
    const auto below = std::size_t(position);
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - double(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

std::string fixed1(double value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", value);
    return buf;
}

}  // namespace

std::string ageBandLabel(int age) {
    return bandLabel(bandIndex(age));
}

std::uint32_t reasonMask(const std::vector<Reason>& reasons) {
    std::uint32_t mask = 0;
    for (const auto& reason : reasons) {
        mask |= reasonBit(reason.code);
    }
    return mask;
}

DayReportBuilder::DayReportBuilder(std::string date) {
    m_report.date = std::move(date);
    for (std::size_t i = 0; i + 1 < kBandStarts.size(); ++i) {
        m_report.ageBands.push_back({bandLabel(i), kBandStarts[i], 0, 0, 0});
    }
}

void DayReportBuilder::add(const VisitSummary& visit) {
    DayReport& r = m_report;
    ++r.checkIns;
    switch (visit.decision) {
        case Outcome::Proceed:
            ++r.proceeds;
            break;
        case Outcome::StaffReview:
            ++r.staffReviews;
            break;
        case Outcome::Defer:
            ++r.deferrals;
            break;
    }
    r.fevers += visit.fever ? 1 : 0;
    ++r.byStage[std::size_t(visit.stage)];
    if (visit.stage == Stage::Deferred) {
        ++r.deferredInTheEnd;
        if (visit.deferredByStaff) {
            ++r.deferralsByReason["staff_decision"];
        }
    }
    if (visit.decision == Outcome::Defer) {
        for (unsigned bit = 0; bit <= unsigned(kLastReason); ++bit) {
            m_reasonCounts[bit] += (visit.reasonMask >> bit) & 1u;
        }
    }
    AgeBandFigures& band = r.ageBands[bandIndex(visit.age)];
    ++band.checkIns;
    band.proceeds += visit.decision == Outcome::Proceed ? 1 : 0;
    band.deferrals += visit.stage == Stage::Deferred ? 1 : 0;
    auto step = m_stepCounts.find(visit.campaignStep);
    if (step == m_stepCounts.end()) {
        step = m_stepCounts.emplace(std::string(visit.campaignStep), 0).first;
    }
    ++step->second;
    if (visit.queuedAtMs && visit.calledAtMs) {
        m_waitsS.push_back(double(*visit.calledAtMs - *visit.queuedAtMs) / 1000.0);
    }
}

DayReport DayReportBuilder::finish() {
    for (unsigned bit = 0; bit <= unsigned(kLastReason); ++bit) {
        if (m_reasonCounts[bit] > 0) {
            m_report.deferralsByReason[std::string(toString(ReasonCode(bit)))] +=
                m_reasonCounts[bit];
        }
    }
    m_report.checkInsByCampaignStep.insert(m_stepCounts.begin(), m_stepCounts.end());
    std::sort(m_waitsS.begin(), m_waitsS.end());
    m_report.wait.called = int(m_waitsS.size());
    m_report.wait.medianS = percentile(m_waitsS, 0.5);
    m_report.wait.p90S = percentile(m_waitsS, 0.9);
    m_report.wait.maxS = m_waitsS.empty() ? 0 : m_waitsS.back();
    return std::move(m_report);
}

std::string formatReportText(const DayReport& r) {
    std::string out;
    auto line = [&out](const std::string& text) { out += text + "\n"; };
    line("Entry check report for " + r.date);
    line("  check-ins            " + std::to_string(r.checkIns));
    line("  proceed at entry     " + std::to_string(r.proceeds));
    line("  staff review         " + std::to_string(r.staffReviews));
    line("  deferred at entry    " + std::to_string(r.deferrals));
    line("  deferred in the end  " + std::to_string(r.deferredInTheEnd));
    line("  fevers               " + std::to_string(r.fevers));
    line("Deferrals by reason");
    for (const auto& [reason, count] : r.deferralsByReason) {
        line("  " + reason + "  " + std::to_string(count));
    }
    line("By age band (check-ins / proceed / deferred)");
    for (const auto& band : r.ageBands) {
        if (band.checkIns > 0) {
            line("  " + band.label + "  " + std::to_string(band.checkIns) + " / " +
                 std::to_string(band.proceeds) + " / " + std::to_string(band.deferrals));
        }
    }
    line("By campaign step (check-ins)");
    for (const auto& [step, count] : r.checkInsByCampaignStep) {
        line("  " + (step.empty() ? std::string("(none)") : step) + "  " + std::to_string(count));
    }
    line("Now at each stage");
    for (int s = 0; s < kStageCount; ++s) {
        if (r.byStage[std::size_t(s)] > 0) {
            line("  " + std::string(toString(Stage(s))) + "  " +
                 std::to_string(r.byStage[std::size_t(s)]));
        }
    }
    line("Queue wait (s): called " + std::to_string(r.wait.called) + ", median " +
         fixed1(r.wait.medianS) + ", p90 " + fixed1(r.wait.p90S) + ", max " + fixed1(r.wait.maxS));
    return out;
}

std::string formatReportCsv(const DayReport& r) {
    std::string out = "section,key,value\n";
    auto row = [&out](std::string_view section, std::string_view key, const std::string& value) {
        out.append(section).append(",").append(key).append(",").append(value).append("\n");
    };
    row("day", "date", r.date);
    row("day", "check_ins", std::to_string(r.checkIns));
    row("day", "proceeds", std::to_string(r.proceeds));
    row("day", "staff_reviews", std::to_string(r.staffReviews));
    row("day", "deferrals", std::to_string(r.deferrals));
    row("day", "deferred_in_the_end", std::to_string(r.deferredInTheEnd));
    row("day", "fevers", std::to_string(r.fevers));
    for (const auto& [reason, count] : r.deferralsByReason) {
        row("deferral_reason", reason, std::to_string(count));
    }
    for (const auto& band : r.ageBands) {
        row("age_band_check_ins", band.label, std::to_string(band.checkIns));
        row("age_band_proceeds", band.label, std::to_string(band.proceeds));
        row("age_band_deferrals", band.label, std::to_string(band.deferrals));
    }
    for (const auto& [step, count] : r.checkInsByCampaignStep) {
        row("campaign_step_check_ins", step.empty() ? "none" : step, std::to_string(count));
    }
    for (int s = 0; s < kStageCount; ++s) {
        row("stage", toString(Stage(s)), std::to_string(r.byStage[std::size_t(s)]));
    }
    row("queue_wait_s", "called", std::to_string(r.wait.called));
    row("queue_wait_s", "median", fixed1(r.wait.medianS));
    row("queue_wait_s", "p90", fixed1(r.wait.p90S));
    row("queue_wait_s", "max", fixed1(r.wait.maxS));
    return out;
}

}  // namespace vax

namespace vax {

namespace {

const char* const kChineseOrdinals[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

std::string doseLabel(int number) {
    if (number >= 1 && number <= 9) {
        return std::string("第") + kChineseOrdinals[number] + "剂次";
    }
    return "第" + std::to_string(number) + "剂次";
}

}  // namespace

std::string formatDoseFiguresText(const DoseFigures& f) {
    std::string out = "Doses\n";
    auto line = [&out](const std::string& key, int value) {
        out += "  " + key + "  " + std::to_string(value) + "\n";
    };
    line("doses", f.doses);
    for (const auto& [number, count] : f.byDoseNumber) {
        line("dose " + std::to_string(number), count);
    }
    line("boosters", f.boosters);
    for (const auto& [product, count] : f.byProduct) {
        line("product " + product, count);
    }
    for (const auto& [band, count] : f.byAgeBand) {
        line("age " + band, count);
    }
    for (const auto& [step, count] : f.byCampaignStep) {
        line("step " + (step.empty() ? std::string("(none)") : step), count);
    }
    out += "Observation\n";
    line("observed", f.observed);
    line("completed", f.completed);
    line("early exits", f.earlyExits);
    line("overdue", f.overdue);
    for (const auto& [category, count] : f.reactionsByCategory) {
        line("reaction " + category, count);
    }
    return out;
}

std::string formatDoseFiguresCsv(const DoseFigures& f) {
    std::string out;
    auto row = [&out](std::string_view section, std::string_view key, int value) {
        out.append(section).append(",").append(key).append(",");
        out.append(std::to_string(value)).append("\n");
    };
    row("doses", "total", f.doses);
    for (const auto& [number, count] : f.byDoseNumber) {
        row("doses_by_number", std::to_string(number), count);
    }
    row("doses", "boosters", f.boosters);
    for (const auto& [product, count] : f.byProduct) {
        row("doses_by_product", product, count);
    }
    for (const auto& [band, count] : f.byAgeBand) {
        row("doses_by_age_band", band, count);
    }
    for (const auto& [step, count] : f.byCampaignStep) {
        row("doses_by_campaign_step", step.empty() ? "none" : step, count);
    }
    row("observation", "observed", f.observed);
    row("observation", "completed", f.completed);
    row("observation", "early_exits", f.earlyExits);
    row("observation", "overdue", f.overdue);
    for (const auto& [category, count] : f.reactionsByCategory) {
        row("reactions", category, count);
    }
    return out;
}

std::string formatWorkReport(const DoseFigures& f, int month, int day, int hour,
                             const std::map<std::string, std::string>& reactionNames) {
    std::string out = "截至" + std::to_string(month) + "月" + std::to_string(day) + "日" +
                      std::to_string(hour) + "时，本接种点今日共完成接种" +
                      std::to_string(f.doses) + "剂次";
    std::string parts;
    for (const auto& [number, count] : f.byDoseNumber) {
        parts += (parts.empty() ? "" : "、") + doseLabel(number) + std::to_string(count) + "剂次";
    }
    if (f.boosters > 0) {
        parts += (parts.empty() ? "" : "、") + std::string("加强免疫") +
                 std::to_string(f.boosters) + "剂次";
    }
    if (!parts.empty()) {
        out += "，其中" + parts;
    }
    out += "；入口测温" + std::to_string(f.temperatureChecks) + "人次，发现体温异常" +
           std::to_string(f.fevers) + "人；留观" + std::to_string(f.observed) + "人，";
    int reactions = 0;
    std::string kinds;
    for (const auto& [category, count] : f.reactionsByCategory) {
        reactions += count;
        const auto name = reactionNames.find(category);
        kinds += (kinds.empty() ? "" : "、") +
                 (name == reactionNames.end() ? category : name->second) + std::to_string(count) +
                 "例";
    }
    if (reactions == 0) {
        out += "未发现异常反应。";
    } else {
        out += "发现异常反应" + std::to_string(reactions) + "例（" + kinds + "）。";
    }
    return out;
}

}  // namespace vax
