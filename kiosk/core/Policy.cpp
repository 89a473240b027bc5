#include "core/Policy.h"

namespace vax {

const Product* Policy::findProduct(std::string_view code) const {
    for (const auto& product : products) {
        if (product.code == code) {
            return &product;
        }
    }
    return nullptr;
}

const CampaignStep* Policy::stepForAge(int years) const {
    for (const auto& step : campaignSteps) {
        if (step.contains(years)) {
            return &step;
        }
    }
    return nullptr;
}

std::array<ItemAction, kQuestionCount> Policy::defaultQuestionActions() {
    std::array<ItemAction, kQuestionCount> actions{};
    for (std::size_t i = 0; i < kQuestionCount; ++i) {
        actions[i] = questionnaire()[i].defaultAction;
    }
    return actions;
}

}  // namespace vax
