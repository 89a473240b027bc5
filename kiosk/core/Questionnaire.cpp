#include "core/Questionnaire.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace vax {

const std::array<QuestionItem, kQuestionCount>& questionnaire() {
    static const std::array<QuestionItem, kQuestionCount> items{{
        {"severe_allergy", "您是否对疫苗的任何成分严重过敏，或以前接种疫苗后出现过严重过敏反应？",
         "Are you severely allergic to any component of the vaccine, or have you had a severe "
         "allergic reaction to a vaccine before?",
         ItemAction::Defer},
        {"acute_illness",
         "您现在是否患有急性疾病（如荨麻疹发作、急性腹泻、阑尾炎、胰腺炎、肺炎、内脏出血等）？",
         "Do you have an acute illness now (such as an urticaria flare, acute diarrhoea, "
         "appendicitis, pancreatitis, pneumonia or internal bleeding)?",
         ItemAction::Defer},
        {"fever_infection", "您是否因伤口感染或炎症而发热？",
         "Do you have a fever from a wound infection or an inflammation?", ItemAction::Defer},
        {"neurological",
         "您或您的家人是否有惊厥、癫痫、格林-"
         "巴利综合征、其他进行性神经系统疾病、脑病或精神疾病史？",
         "Do you or your family have a history of convulsions, epilepsy, Guillain-Barre "
         "syndrome, another progressive neurological disease, encephalopathy or mental illness?",
         ItemAction::DoctorReview},
        {"immunodeficiency", "您是否患有先天性或获得性免疫缺陷？",
         "Do you have a congenital or acquired immunodeficiency?", ItemAction::DoctorReview},
        {"lymphoma", "您是否患有淋巴瘤？", "Do you have lymphoma?", ItemAction::DoctorReview},
        {"leukaemia_autoimmune", "您是否患有白血病或自身免疫性炎症疾病？",
         "Do you have leukaemia or an autoimmune inflammatory disease?", ItemAction::DoctorReview},
        {"severe_chronic", "您是否患有严重的呼吸系统、心血管、肝脏或肾脏疾病？",
         "Do you have a severe respiratory, cardiovascular, liver or kidney disease?",
         ItemAction::DoctorReview},
        {"tumour_immunosuppressed", "您是否患有恶性肿瘤并正在接受免疫抑制剂治疗？",
         "Do you have a malignant tumour treated with immunosuppressants?", ItemAction::Defer},
    }};
    return items;
}

std::optional<std::size_t> questionIndex(std::string_view id) {
    const auto& items = questionnaire();
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) {
            return i;
        }
    }
    return std::nullopt;
}

std::string_view toString(ItemAction action) {
    return action == ItemAction::Defer ? "defer" : "doctor_review";
}

std::optional<ItemAction> itemActionFromString(std::string_view text) {
    if (text == "defer") {
        return ItemAction::Defer;
    }
    if (text == "doctor_review") {
        return ItemAction::DoctorReview;
    }
    return std::nullopt;
}

Result<Answers> parseAnswers(std::string_view text) {
    Answers answers{};
    std::size_t count = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::string word(text.substr(start, comma - start));
        for (char& c : word) {
            c = char(std::tolower(static_cast<unsigned char>(c)));
        }
        if (count == kQuestionCount) {
            return Error{"too many answers: expected " + std::to_string(kQuestionCount)};
        }
        if (word == "n" || word == "no") {
            answers[count] = Answer::No;
        } else if (word == "y" || word == "yes") {
            answers[count] = Answer::Yes;
        } else if (word == "u" || word == "unsure") {
            answers[count] = Answer::Unsure;
        } else {
            return Error{"answer " + std::to_string(count + 1) + " must be y, n or u"};
        }
        ++count;
        start = comma + 1;
    }
    if (count != kQuestionCount) {
        return Error{"expected " + std::to_string(kQuestionCount) + " answers, got " +
                     std::to_string(count)};
    }
    return answers;
}

}  // namespace vax
