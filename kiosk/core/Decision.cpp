#include "core/Decision.h"

#include <cmath>
#include <cstdio>

namespace vax {

namespace {

// Readings are compared in hundredths of a degree so that 37.3 from a sensor (which may be
// 37.29999...) and 37.3 from the config land on the same side of the threshold.
long hundredths(double celsius) {
    return std::lround(celsius * 100.0);
}

std::string oneDecimal(double celsius) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", celsius);
    return buf;
}

class ReasonList {
public:
    void add(ReasonCode code, Outcome outcome, std::string detail, std::string en, std::string zh) {
        m_reasons.push_back({code, outcome, std::move(detail), std::move(en), std::move(zh)});
    }
    std::vector<Reason> take() { return std::move(m_reasons); }

private:
    std::vector<Reason> m_reasons;
};

void checkHealthCode(HealthCodeStatus status, const Policy& policy, ReasonList& out) {
    switch (status) {
        case HealthCodeStatus::Green:
            return;
        case HealthCodeStatus::Yellow:
            out.add(ReasonCode::HealthCodeYellow, Outcome::Defer, "",
                    "Health code is yellow: vaccination is not possible today.",
                    "健康码为黄码，今日暂不能接种。");
            return;
        case HealthCodeStatus::Red:
            out.add(ReasonCode::HealthCodeRed, Outcome::Defer, "",
                    "Health code is red: vaccination is not possible today.",
                    "健康码为红码，今日暂不能接种。");
            return;
        case HealthCodeStatus::NotChecked:
            if (policy.requireHealthCode) {
                out.add(ReasonCode::HealthCodeNotChecked, Outcome::StaffReview, "",
                        "Health code was not checked: staff will check it.",
                        "未核验健康码，请工作人员核验。");
            }
            return;
        case HealthCodeStatus::Unavailable:
            if (policy.requireHealthCode) {
                out.add(ReasonCode::HealthCodeUnavailable, Outcome::StaffReview, "",
                        "Health code service could not answer: staff will check the code.",
                        "健康码服务暂不可用，请工作人员人工核验。");
            }
            return;
    }
}

// Returns true when the reading shows a fever.
bool checkTemperature(const TemperatureInput& input, const TemperaturePolicy& policy,
                      ReasonList& out) {
    if (!input.celsius && input.unstable) {
        out.add(ReasonCode::TemperatureImplausible, Outcome::StaffReview, "",
                "No stable temperature after two measurements: staff will take it.",
                "两次测温均不稳定，请工作人员人工测温。");
        return false;
    }
    if (!input.celsius) {
        out.add(ReasonCode::TemperatureSensorError, Outcome::StaffReview, "",
                "The thermometer failed: staff will take the temperature.",
                "测温设备故障，请工作人员人工测温。");
        return false;
    }
    const std::string shown = oneDecimal(*input.celsius);
    if (!std::isfinite(*input.celsius)) {
        out.add(ReasonCode::TemperatureImplausible, Outcome::StaffReview, shown,
                "The temperature reading is not a number: measure again.",
                "体温读数无效，请重新测量。");
        return false;
    }
    const long t = hundredths(*input.celsius);
    if (t < hundredths(policy.validMinC) || t > hundredths(policy.validMaxC)) {
        out.add(ReasonCode::TemperatureImplausible, Outcome::StaffReview, shown,
                "Temperature reading " + shown + " C is not plausible: measure again.",
                "体温读数 " + shown + "℃ 异常，请重新测量。");
        return false;
    }
    if (t >= hundredths(policy.feverThresholdC)) {
        out.add(ReasonCode::Fever, Outcome::Defer, shown,
                "Body temperature " + shown + " C is a fever: vaccination is deferred.",
                "体温 " + shown + "℃，发热，暂缓接种。");
        return true;
    }
    return false;
}

void checkAnswers(const Answers& answers, const Policy& policy, ReasonList& out) {
    for (std::size_t i = 0; i < kQuestionCount; ++i) {
        const QuestionItem& item = questionnaire()[i];
        const std::string id(item.id);
        if (answers[i] == Answer::Unsure) {
            out.add(ReasonCode::ContraindicationUnsure, Outcome::StaffReview, id,
                    "Not sure about: " + std::string(item.en) + " A doctor will ask.",
                    "不确定：" + std::string(item.zh) + "请医生询问。");
        } else if (answers[i] == Answer::Yes) {
            if (policy.questionActions[i] == ItemAction::Defer) {
                out.add(ReasonCode::ContraindicationDefer, Outcome::Defer, id,
                        "Contraindication: " + std::string(item.en),
                        "禁忌症：" + std::string(item.zh));
            } else {
                out.add(ReasonCode::ContraindicationDoctorReview, Outcome::StaffReview, id,
                        "A doctor must assess: " + std::string(item.en),
                        "需医生评估：" + std::string(item.zh));
            }
        }
    }
}

void checkAge(int age, const Policy& policy, ReasonList& out, std::optional<std::string>& stepId) {
    const std::string years = std::to_string(age);
    if (age < policy.age.minAge) {
        out.add(ReasonCode::UnderMinimumAge, Outcome::Defer, years,
                "Age " + years + " is below the minimum of " + std::to_string(policy.age.minAge) +
                    " at this site.",
                "年龄 " + years + " 岁，低于本接种点最低接种年龄 " +
                    std::to_string(policy.age.minAge) + " 岁。");
    }
    if (policy.age.maxAge && age > *policy.age.maxAge) {
        out.add(ReasonCode::OverMaximumAge, Outcome::Defer, years,
                "Age " + years + " is above the maximum of " + std::to_string(*policy.age.maxAge) +
                    " at this site.",
                "年龄 " + years + " 岁，超过本接种点最高接种年龄 " +
                    std::to_string(*policy.age.maxAge) + " 岁。");
    }
    if (policy.age.doctorReviewFromAge && age >= *policy.age.doctorReviewFromAge) {
        out.add(ReasonCode::DoctorReviewForAge, Outcome::StaffReview, years,
                "Age " + years + ": a doctor assesses before vaccination.",
                "年龄 " + years + " 岁，需医生评估后接种。");
    }
    if (policy.campaignSteps.empty()) {
        return;
    }
    const CampaignStep* step = policy.stepForAge(age);
    if (!step) {
        out.add(ReasonCode::NoCampaignStepForAge, Outcome::Defer, years,
                "No vaccination campaign step covers age " + years + ".",
                "年龄 " + years + " 岁不在当前接种安排范围内。");
        return;
    }
    stepId = step->id;
    if (!step->open) {
        out.add(ReasonCode::CampaignStepNotOpen, Outcome::Defer, step->id,
                "The campaign step for age " + years + " (" + step->name + ") is not open yet.",
                "年龄 " + years + " 岁所属接种阶段（" + step->name + "）尚未开放。");
    }
}

void checkInterval(const PriorDoses& prior, CivilDate today, const Policy& policy,
                   ReasonList& out) {
    const Product* product = policy.findProduct(prior.productCode);
    if (!product) {
        out.add(ReasonCode::UnknownProduct, Outcome::StaffReview, prior.productCode,
                "The last dose's product is not in this site's catalogue: staff will check.",
                "既往接种疫苗不在本点目录中，请工作人员核实。");
        return;
    }
    const int days = daysBetween(prior.lastDoseDate, today);
    const std::string d = std::to_string(days);
    if (days < 0) {
        out.add(ReasonCode::LastDoseInFuture, Outcome::StaffReview, prior.lastDoseDate.iso(),
                "The last dose date is after today: staff will check the record.",
                "既往接种日期晚于今日，请工作人员核实记录。");
        return;
    }
    if (prior.dosesReceived < product->seriesDoses) {
        if (days < product->minIntervalDays) {
            out.add(ReasonCode::IntervalTooShort, Outcome::Defer, d,
                    "Only " + d + " days since the last dose; the next dose is due after " +
                        std::to_string(product->minIntervalDays) + " days.",
                    "距上一剂仅 " + d + " 天，需间隔至少 " +
                        std::to_string(product->minIntervalDays) + " 天。");
        } else if (days > product->maxIntervalDays) {
            out.add(ReasonCode::IntervalTooLong, Outcome::StaffReview, d,
                    d + " days since the last dose, beyond the recommended " +
                        std::to_string(product->maxIntervalDays) + ": a doctor decides.",
                    "距上一剂已 " + d + " 天，超过推荐间隔 " +
                        std::to_string(product->maxIntervalDays) + " 天，需医生评估。");
        }
        return;
    }
    if (!product->boosterMinDays) {
        out.add(ReasonCode::SeriesCompleteNoBooster, Outcome::Defer, product->code,
                "The vaccination series is complete and no booster is planned.",
                "已完成全程接种，暂无加强免疫安排。");
    } else if (days < *product->boosterMinDays) {
        out.add(ReasonCode::BoosterTooEarly, Outcome::Defer, d,
                "Only " + d + " days since the last dose; a booster is due after " +
                    std::to_string(*product->boosterMinDays) + " days.",
                "距上一剂仅 " + d + " 天，加强免疫需间隔至少 " +
                    std::to_string(*product->boosterMinDays) + " 天。");
    }
}

}  // namespace

std::string_view toString(HealthCodeStatus status) {
    switch (status) {
        case HealthCodeStatus::NotChecked:
            return "not_checked";
        case HealthCodeStatus::Unavailable:
            return "unavailable";
        case HealthCodeStatus::Green:
            return "green";
        case HealthCodeStatus::Yellow:
            return "yellow";
        case HealthCodeStatus::Red:
            return "red";
    }
    return "not_checked";
}

std::optional<HealthCodeStatus> healthCodeStatusFromString(std::string_view text) {
    for (auto s : {HealthCodeStatus::NotChecked, HealthCodeStatus::Unavailable,
                   HealthCodeStatus::Green, HealthCodeStatus::Yellow, HealthCodeStatus::Red}) {
        if (toString(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

std::string_view toString(Outcome outcome) {
    switch (outcome) {
        case Outcome::Proceed:
            return "proceed";
        case Outcome::StaffReview:
            return "staff_review";
        case Outcome::Defer:
            return "defer";
    }
    return "staff_review";
}

std::string_view toString(ReasonCode code) {
    switch (code) {
        case ReasonCode::HealthCodeNotChecked:
            return "health_code_not_checked";
        case ReasonCode::HealthCodeUnavailable:
            return "health_code_unavailable";
        case ReasonCode::HealthCodeYellow:
            return "health_code_yellow";
        case ReasonCode::HealthCodeRed:
            return "health_code_red";
        case ReasonCode::TemperatureSensorError:
            return "temperature_sensor_error";
        case ReasonCode::TemperatureImplausible:
            return "temperature_implausible";
        case ReasonCode::Fever:
            return "fever";
        case ReasonCode::ContraindicationDefer:
            return "contraindication";
        case ReasonCode::ContraindicationDoctorReview:
            return "contraindication_doctor_review";
        case ReasonCode::ContraindicationUnsure:
            return "contraindication_unsure";
        case ReasonCode::UnderMinimumAge:
            return "under_minimum_age";
        case ReasonCode::OverMaximumAge:
            return "over_maximum_age";
        case ReasonCode::DoctorReviewForAge:
            return "doctor_review_for_age";
        case ReasonCode::NoCampaignStepForAge:
            return "no_campaign_step_for_age";
        case ReasonCode::CampaignStepNotOpen:
            return "campaign_step_not_open";
        case ReasonCode::UnknownProduct:
            return "unknown_product";
        case ReasonCode::LastDoseInFuture:
            return "last_dose_in_future";
        case ReasonCode::IntervalTooShort:
            return "interval_too_short";
        case ReasonCode::IntervalTooLong:
            return "interval_too_long";
        case ReasonCode::SeriesCompleteNoBooster:
            return "series_complete_no_booster";
        case ReasonCode::BoosterTooEarly:
            return "booster_too_early";
        case ReasonCode::HealthCodeHolderMismatch:
            return "health_code_holder_mismatch";
        case ReasonCode::AlreadyVaccinatedToday:
            return "already_vaccinated_today";
        case ReasonCode::NoQueueNumberOffline:
            return "no_queue_number_offline";
    }
    return "unknown";
}

std::optional<ReasonCode> reasonCodeFromString(std::string_view key) {
    for (int i = 0; i <= int(kLastReasonCode); ++i) {
        if (toString(ReasonCode(i)) == key) {
            return ReasonCode(i);
        }
    }
    return std::nullopt;
}

std::string_view toString(PriorDoseSource source) {
    switch (source) {
        case PriorDoseSource::Declared:
            return "declared";
        case PriorDoseSource::StaffConfirmed:
            return "staff_confirmed";
        case PriorDoseSource::VerifiedCertificate:
            return "verified_certificate";
        case PriorDoseSource::Registry:
            return "registry";
    }
    return "declared";
}

std::optional<PriorDoseSource> priorDoseSourceFromString(std::string_view text) {
    for (auto s : {PriorDoseSource::Declared, PriorDoseSource::StaffConfirmed,
                   PriorDoseSource::VerifiedCertificate, PriorDoseSource::Registry}) {
        if (toString(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

std::vector<Reason> intervalReasons(const PriorDoses& prior, CivilDate today,
                                    const Policy& policy) {
    ReasonList reasons;
    checkInterval(prior, today, policy, reasons);
    return reasons.take();
}

bool Decision::has(ReasonCode code) const {
    for (const auto& reason : reasons) {
        if (reason.code == code) {
            return true;
        }
    }
    return false;
}

Decision decideCheckIn(const CheckInFacts& facts, const Policy& policy) {
    ReasonList reasons;
    Decision decision;
    checkHealthCode(facts.healthCode, policy, reasons);
    if (facts.healthCodeHolderMismatch) {
        reasons.add(ReasonCode::HealthCodeHolderMismatch, Outcome::StaffReview, "",
                    "The health code belongs to another person than the ID shown: staff will "
                    "check.",
                    "健康码与所示证件不是同一人，请工作人员核验。");
    }
    if (facts.vaccinatedToday) {
        reasons.add(ReasonCode::AlreadyVaccinatedToday, Outcome::StaffReview, "",
                    "A dose was already recorded for this person today: staff will check.",
                    "今日已有此人的接种记录，请工作人员核实。");
    }
    if (facts.noQueueNumber) {
        reasons.add(ReasonCode::NoQueueNumberOffline, Outcome::StaffReview, "",
                    "The site server cannot be reached and this kiosk has no queue numbers of "
                    "its own left: staff will give you a number.",
                    "暂时无法连接现场服务器，本机预留号码已用完，请工作人员为您取号。");
    }
    decision.fever = checkTemperature(facts.temperature, policy.temperature, reasons);
    checkAnswers(facts.answers, policy, reasons);
    decision.age = ageOn(facts.birthDate, facts.today);
    checkAge(decision.age, policy, reasons, decision.campaignStepId);
    if (facts.priorDoses) {
        checkInterval(*facts.priorDoses, facts.today, policy, reasons);
    }
    decision.reasons = reasons.take();
    for (const auto& reason : decision.reasons) {
        // Outcome values are ordered by severity: Proceed < StaffReview < Defer.
        if (reason.outcome > decision.outcome) {
            decision.outcome = reason.outcome;
        }
    }
    return decision;
}

}  // namespace vax
