#pragma once

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QList>

#include "SiteTypes.h"

namespace vax::app {

/// The people in observation for the exit's staff list: masked ID, when the observation ends,
/// minutes left, and the overdue (ended long ago, never scanned out) flagged. Replaced as a
/// whole by each refresh.
class ObservationModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The exit flow owns the observation list")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY countChanged)

public:
    enum Roles {
        VisitIdRole = Qt::UserRole + 1,
        MaskedIdRole,
        EndsAtRole,       ///< "HH:MM"
        MinutesLeftRole,  ///< whole minutes, rounded up; 0 once ended
        OverdueRole,
        ReactionRole,  ///< under care for an adverse reaction
    };
    Q_ENUM(Roles)

    explicit ObservationModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int overdueCount() const;
    /// The list as read at `nowMs`.
    void setPeople(const QList<ObservationEntry>& people, qint64 nowMs);

Q_SIGNALS:
    void countChanged();

private:
    QList<ObservationEntry> m_people;
    qint64 m_nowMs = 0;
};

}  // namespace vax::app
