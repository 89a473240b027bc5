#pragma once

#include <QDebug>
#include <QString>
#include <exception>
#include <utility>

namespace vax::app {

/// Runs a worker slot's `body`. An exception (a library that threw where it should have
/// answered with an error) must not reach Qt's event loop, which would end the thread and the
/// app: it becomes `answer(why)`, the slot's usual answer carrying an error the screen can
/// show, so no screen waits for ever. `slot` names the slot in the warning (no personal data:
/// exception texts here name positions and kinds, never the input).
template <class Body, class Answer>
void runGuarded(const char* slot, Body&& body, Answer&& answer) noexcept {
    QString why;
    try {
        std::forward<Body>(body)();
        return;
    } catch (const std::exception& e) {
        why = QStringLiteral("unexpected error in ") + QLatin1String(slot) + QStringLiteral(": ") +
              QString::fromUtf8(e.what());
    } catch (...) {
        why = QStringLiteral("unexpected error in ") + QLatin1String(slot);
    }
    qWarning().noquote() << why;
    try {
        std::forward<Answer>(answer)(why);
    } catch (...) {
        qWarning().noquote() << "the answer to" << slot << "failed too";
    }
}

}  // namespace vax::app
