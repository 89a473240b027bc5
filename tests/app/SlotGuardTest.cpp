// A worker slot that throws still answers (the screen never waits for ever) and the exception
// never reaches Qt's event loop; the guard every worker slot runs in.
#include <gtest/gtest.h>

#include <QString>
#include <new>
#include <stdexcept>

#include "SlotGuard.h"

namespace vax::app {
namespace {

TEST(SlotGuard, AThrowingSlotAnswersWithTheSlotAndTheReason) {
    QString answer;
    int answers = 0;
    runGuarded(
        "bind", [] { throw std::runtime_error("printer transport exploded"); },
        [&](const QString& why) {
            answer = why;
            ++answers;
        });
    EXPECT_EQ(answers, 1);
    EXPECT_TRUE(answer.contains(QStringLiteral("bind"))) << answer.toStdString();
    EXPECT_TRUE(answer.contains(QStringLiteral("printer transport exploded")))
        << answer.toStdString();
}

TEST(SlotGuard, AnythingThrownIsCaughtEvenWhenTheAnswerThrowsToo) {
    int answers = 0;
    runGuarded(
        "listObservation", [] { throw 42; },
        [&](const QString&) {
            ++answers;
            throw std::bad_alloc();
        });
    EXPECT_EQ(answers, 1);
}

TEST(SlotGuard, ASlotThatReturnsNormallyIsNotAnsweredTwice) {
    int bodies = 0;
    int answers = 0;
    runGuarded(
        "readSlip", [&] { ++bodies; }, [&](const QString&) { ++answers; });
    EXPECT_EQ(bodies, 1);
    EXPECT_EQ(answers, 0);
}

}  // namespace
}  // namespace vax::app
