#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "core/Result.h"

namespace vax {

/// What a "yes" to a contraindication question leads to.
enum class ItemAction {
    Defer,         ///< do not vaccinate today
    DoctorReview,  ///< a doctor decides at the kiosk (staff review)
};

/// A resident's answer to one question. "Unsure" always sends the person to staff.
enum class Answer { No, Yes, Unsure };

/// One contraindication question, with its texts in both languages.
struct QuestionItem {
    std::string_view id;  ///< stable key used in config files and the journal
    std::string_view zh;
    std::string_view en;
    ItemAction defaultAction;
};

inline constexpr std::size_t kQuestionCount = 9;

/// The contraindication questions asked at entry, in the order they are shown.
const std::array<QuestionItem, kQuestionCount>& questionnaire();

/// Index of the question with this id, or nullopt.
std::optional<std::size_t> questionIndex(std::string_view id);

std::string_view toString(ItemAction action);

using Answers = std::array<Answer, kQuestionCount>;

/// Parses one answer per question, comma separated, in questionnaire order: y/yes, n/no,
/// u/unsure (case-insensitive), e.g. "n,n,y,n,n,n,n,n,u".
Result<Answers> parseAnswers(std::string_view text);
std::optional<ItemAction> itemActionFromString(std::string_view text);

}  // namespace vax
