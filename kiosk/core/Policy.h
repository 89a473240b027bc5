#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/Questionnaire.h"

namespace vax {

/// Body temperature rules at entry, in degrees Celsius.
struct TemperaturePolicy {
    double feverThresholdC = 37.3;  ///< a reading at or above this is a fever
    double validMinC = 30.0;        ///< readings outside [validMinC, validMaxC] are implausible
    double validMaxC = 43.0;
};

/// Who may be vaccinated at this site by age, in completed years.
struct AgePolicy {
    int minAge = 18;                         ///< younger: deferred
    std::optional<int> maxAge;               ///< older: deferred (none by default)
    std::optional<int> doctorReviewFromAge;  ///< from this age on a doctor assesses first
};

/// One vaccine product of the catalogue.
struct Product {
    std::string code;  ///< short key used on the command line and in the journal
    std::string name;
    std::string manufacturer;
    std::vector<std::string> tracePrefixes;  ///< leading 7 digits of its 20-digit trace codes
    std::vector<std::string> gtins;          ///< GS1 GTINs (14 digits) on its packs
    int seriesDoses = 1;                     ///< doses in the primary series
    int minIntervalDays = 0;                 ///< between doses of the series
    int maxIntervalDays = 0;                 ///< past this a doctor decides
    std::optional<int> boosterMinDays;       ///< after the series; none: no booster
    int dosesPerPack = 1;                    ///< 1 for a prefilled syringe, more for a vial
};

/// An age band opened (or not yet) by the vaccination campaign.
struct CampaignStep {
    std::string id;
    std::string name;
    int minAge = 0;
    std::optional<int> maxAge;  ///< inclusive; none: no upper limit
    bool open = true;

    bool contains(int age) const { return age >= minAge && (!maxAge || age <= *maxAge); }
};

/// Every number the entry check decides with. Loaded from the kiosk's TOML file.
struct Policy {
    bool requireHealthCode = true;  ///< without a checked code: staff review
    TemperaturePolicy temperature;
    AgePolicy age;
    int observationMinutes = 30;
    std::array<ItemAction, kQuestionCount> questionActions = defaultQuestionActions();
    std::vector<Product> products;
    std::vector<CampaignStep> campaignSteps;  ///< empty: every allowed age may come

    const Product* findProduct(std::string_view code) const;
    /// The campaign step whose band holds this age, or nullptr.
    const CampaignStep* stepForAge(int years) const;

    static std::array<ItemAction, kQuestionCount> defaultQuestionActions();
};

}  // namespace vax
