#include "FakeSiteBackend.h"

#include <QDateTime>
#include <QMetaProperty>

namespace vax::test {

using vax::app::BindResult;
using vax::app::EarlierUse;
using vax::app::ExitResult;
using vax::app::ObservationEntry;
using vax::app::PackRead;
using vax::app::ReprintResult;
using vax::app::SlipRead;

namespace {

// A scripted answer: each key of `fields` written to the gadget's property of that name.
template <typename Gadget>
Gadget fromScript(const QVariantMap& fields) {
    Gadget gadget;
    const QMetaObject& meta = Gadget::staticMetaObject;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const int index = meta.indexOfProperty(it.key().toUtf8().constData());
        if (index < 0 || !meta.property(index).writeOnGadget(&gadget, it.value())) {
            qWarning("FakeSiteBackend: %s has no property %s (or not of this type)",
                     meta.className(), qPrintable(it.key()));
        }
    }
    return gadget;
}

}  // namespace

FakeSiteBackend::FakeSiteBackend(QObject* parent) : SiteBackend(parent) {
    m_slipAnswer = {{QStringLiteral("valid"), true},
                    {QStringLiteral("maskedId"), QStringLiteral("1101**********1234")},
                    {QStringLiteral("queueNumber"), QStringLiteral("A007")}};
    m_packAnswer = {{QStringLiteral("valid"), true},
                    {QStringLiteral("product"), QStringLiteral("Demo vaccine")},
                    {QStringLiteral("lot"), QStringLiteral("L2301")},
                    {QStringLiteral("expiry"), QStringLiteral("2031-12-31")}};
    m_bindAnswer = {{QStringLiteral("bound"), true},
                    {QStringLiteral("maskedId"), QStringLiteral("1101**********1234")},
                    {QStringLiteral("product"), QStringLiteral("Demo vaccine")},
                    {QStringLiteral("lot"), QStringLiteral("L2301")},
                    {QStringLiteral("doseNumber"), 1},
                    {QStringLiteral("observationEndsAt"), QStringLiteral("10:30")},
                    {QStringLiteral("printed"), true}};
    m_reprintAnswer = {{QStringLiteral("printed"), true}};
    m_exitAnswer = {{QStringLiteral("verdict"), QStringLiteral("may_leave")}};
}

void FakeSiteBackend::note(const QString& call) {
    m_calls.append(call);
    Q_EMIT callsChanged();
}

void FakeSiteBackend::open(const QString& error) {
    Q_EMIT opened(error);
}

void FakeSiteBackend::readSlip(quint64 session, const QString&) {
    note(QStringLiteral("readSlip"));
    Q_EMIT slipRead(session, fromScript<SlipRead>(m_slipAnswer));
}

void FakeSiteBackend::readPack(quint64 session, const QString&) {
    note(QStringLiteral("readPack"));
    Q_EMIT packRead(session, fromScript<PackRead>(m_packAnswer));
}

void FakeSiteBackend::bind(quint64 session, const QString&, const QString&) {
    note(QStringLiteral("bind"));
    QVariantMap fields = m_bindAnswer;
    // The earlier uses arrive as JS objects; the screen reads EarlierUse values.
    QVariantList earlier;
    for (const QVariant& use : fields.take(QStringLiteral("earlier")).toList()) {
        earlier.append(QVariant::fromValue(fromScript<EarlierUse>(use.toMap())));
    }
    BindResult result = fromScript<BindResult>(fields);
    result.earlier = earlier;
    if (result.bound) {
        result.visitId = ++m_visits;
    }
    Q_EMIT bound(session, result);
}

void FakeSiteBackend::reprint(quint64 session, qint64) {
    note(QStringLiteral("reprint"));
    Q_EMIT reprinted(session, fromScript<ReprintResult>(m_reprintAnswer));
}

void FakeSiteBackend::checkExit(quint64 session, const QString&) {
    note(QStringLiteral("checkExit"));
    Q_EMIT exitChecked(session, fromScript<ExitResult>(m_exitAnswer));
    listObservation();  // as the real worker: a fresh list after each exit scan
}

void FakeSiteBackend::listObservation() {
    note(QStringLiteral("listObservation"));
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QList<ObservationEntry> people;
    if (m_observationError.isEmpty()) {
        for (const QVariant& item : m_observation) {
            const QVariantMap fields = item.toMap();
            ObservationEntry entry;
            entry.visitId = fields.value(QStringLiteral("visitId")).toLongLong();
            entry.maskedId = fields.value(QStringLiteral("maskedId")).toString();
            entry.endsAtMs =
                nowMs + fields.value(QStringLiteral("minutesLeft")).toLongLong() * 60'000;
            entry.overdue = fields.value(QStringLiteral("overdue")).toBool();
            entry.reaction = fields.value(QStringLiteral("reaction")).toBool();
            people.append(entry);
        }
    }
    Q_EMIT observationListed(people, nowMs, m_observationError);
}

}  // namespace vax::test
