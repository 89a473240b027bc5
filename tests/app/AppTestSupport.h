#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QQuickItem>
#include <QString>
#include <QStringList>
#include <functional>

namespace vax::test {

/// Processes events until `done` holds or `ms` pass; the result of `done` at the end.
inline bool waitUntil(const std::function<bool()>& done, int ms) {
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

/// The visible item named `name` under `item`, or null.
inline QQuickItem* findVisibleItem(QQuickItem* item, const QString& name) {
    if (!item || !item->isVisible()) {
        return nullptr;
    }
    if (item->objectName() == name) {
        return item;
    }
    const auto children = item->childItems();
    for (QQuickItem* child : children) {
        if (QQuickItem* found = findVisibleItem(child, name)) {
            return found;
        }
    }
    return nullptr;
}

/// Visible, enabled buttons under `item` smaller than `minPx` in either direction, by
/// objectName (or text when unnamed): touch targets must be at least 15 mm for everyone.
inline QStringList smallTouchTargets(QQuickItem* item, qreal minPx) {
    QStringList small;
    if (!item || !item->isVisible()) {
        return small;
    }
    if (item->inherits("QQuickAbstractButton") && item->isEnabled() &&
        (item->height() < minPx || item->width() < minPx)) {
        small.append(item->objectName().isEmpty() ? item->property("text").toString()
                                                  : item->objectName());
    }
    const auto children = item->childItems();
    for (QQuickItem* child : children) {
        small += smallTouchTargets(child, minPx);
    }
    return small;
}

}  // namespace vax::test
