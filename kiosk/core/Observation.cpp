#include "core/Observation.h"

#include <array>

namespace vax {

namespace {

struct CategoryName {
    ReactionCategory category;
    std::string_view key;
    std::string_view zh;
};

constexpr std::array<CategoryName, kReactionCategoryCount> kCategories{{
    {ReactionCategory::Angioedema, "angioedema", "血管性水肿"},
    {ReactionCategory::AllergicRash, "allergic_rash", "过敏性皮疹"},
    {ReactionCategory::AcuteLaryngealOedema, "acute_laryngeal_oedema", "急性喉头水肿"},
    {ReactionCategory::FebrileConvulsion, "febrile_convulsion", "热性惊厥"},
    {ReactionCategory::LocalInfection, "local_infection", "局部感染"},
    {ReactionCategory::Myocarditis, "myocarditis", "心肌炎"},
    {ReactionCategory::AllergicPurpura, "allergic_purpura", "过敏性紫癜"},
    {ReactionCategory::Fainting, "fainting", "晕厥"},
    {ReactionCategory::Other, "other", "其他"},
}};

}  // namespace

ExitDecision decideExit(std::int64_t vaccinatedAt, std::int64_t observationEndsAt,
                        std::int64_t now) {
    if (vaccinatedAt > now + kClockSkewToleranceS) {
        return {ExitVerdict::ClockSkew, 0};
    }
    if (now >= observationEndsAt) {
        return {ExitVerdict::MayLeave, 0};
    }
    const std::int64_t left = observationEndsAt - now;
    return {ExitVerdict::MinutesLeft, int((left + 59) / 60)};
}

std::string_view toString(ReactionCategory category) {
    return kCategories[std::size_t(category)].key;
}

std::string_view chineseName(ReactionCategory category) {
    return kCategories[std::size_t(category)].zh;
}

bool reactionCategoryFromString(std::string_view text, ReactionCategory& out) {
    for (const auto& c : kCategories) {
        if (c.key == text) {
            out = c.category;
            return true;
        }
    }
    return false;
}

}  // namespace vax
