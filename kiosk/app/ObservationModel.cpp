#include "ObservationModel.h"

#include <QDateTime>
#include <algorithm>

namespace vax::app {

ObservationModel::ObservationModel(QObject* parent) : QAbstractListModel(parent) {}

int ObservationModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_people.size());
}

QVariant ObservationModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_people.size()) {
        return {};
    }
    const ObservationEntry& person = m_people[index.row()];
    switch (role) {
        case VisitIdRole:
            return person.visitId;
        case MaskedIdRole:
            return person.maskedId;
        case EndsAtRole:
            return QDateTime::fromMSecsSinceEpoch(person.endsAtMs)
                .toString(QStringLiteral("HH:mm"));
        case MinutesLeftRole:
            return int(std::max<qint64>((person.endsAtMs - m_nowMs + 59'999) / 60'000, 0));
        case OverdueRole:
            return person.overdue;
        case ReactionRole:
            return person.reaction;
        default:
            return {};
    }
}

QHash<int, QByteArray> ObservationModel::roleNames() const {
    return {{VisitIdRole, "visitId"}, {MaskedIdRole, "maskedId"},
            {EndsAtRole, "endsAt"},   {MinutesLeftRole, "minutesLeft"},
            {OverdueRole, "overdue"}, {ReactionRole, "reaction"}};
}

int ObservationModel::overdueCount() const {
    return int(std::count_if(m_people.begin(), m_people.end(),
                             [](const ObservationEntry& p) { return p.overdue; }));
}

void ObservationModel::setPeople(const QList<ObservationEntry>& people, qint64 nowMs) {
    beginResetModel();
    m_people = people;
    m_nowMs = nowMs;
    endResetModel();
    Q_EMIT countChanged();
}

}  // namespace vax::app
