#include "EntryDecision.h"

namespace vax::app {

CheckInFacts checkInFacts(const CheckInRequest& request, const ResidentId& id, CivilDate today) {
    Answers answers{};
    for (std::size_t i = 0; i < kQuestionCount && i < std::size_t(request.answers.size()); ++i) {
        answers[i] = Answer(request.answers[qsizetype(i)]);
    }
    const TemperatureResult& t = request.temperature;
    const TemperatureInput temperature =
        t.hasReading
            ? TemperatureInput::reading(t.celsius)
            : (t.unstable ? TemperatureInput::noStableReading() : TemperatureInput::sensorError());
    return CheckInFacts{HealthCodeStatus(request.healthCode),
                        temperature,
                        answers,
                        id.birthDate(),
                        std::nullopt,
                        today};
}

}  // namespace vax::app
