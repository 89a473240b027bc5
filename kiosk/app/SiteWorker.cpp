#include "SiteWorker.h"

#include "SlotGuard.h"

#include <QDateTime>
#include <variant>

#include "LocalClock.h"
#include "core/DoseRules.h"
#include "core/Payload.h"
#include "devices/TicketDocument.h"
#include "ops/Slips.h"
#include "ops/StationDesk.h"
#include "ops/TicketPrinting.h"

namespace vax::app {

namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString clockText(std::int64_t unixMs) {
    return QDateTime::fromMSecsSinceEpoch(unixMs).toString(QStringLiteral("HH:mm"));
}

QString verifyProblem(VerifyError error) {
    switch (error) {
        case VerifyError::OtherSite:
            return QStringLiteral("other_site");
        case VerifyError::UnknownKey:
        case VerifyError::BadSignature:
            return QStringLiteral("forged");
        case VerifyError::Malformed:
            break;
    }
    return QStringLiteral("unreadable");
}

// The pack behind a scanned code, with "expired" decided on the local day as the binding does.
PackRead describePack(const KioskConfig& config, const std::string& text, CivilDate today) {
    PackRead out;
    const ClassifiedPayload code = classifyPayload(text, config.scanning.rules, today);
    auto pack = identifyPack(code, config.policy);
    if (!pack) {
        out.problem = QStringLiteral("unknown_product");
        out.reason = qs(pack.error().message);
        return out;
    }
    out.product = qs(pack->product->name);
    out.lot = qs(pack->lot);
    out.expiry = pack->expiry ? qs(pack->expiry->iso()) : QString();
    if (pack->expiry && *pack->expiry < today) {
        out.problem = QStringLiteral("expired");
        out.reason = qs("expired pack (" + pack->expiry->iso() + "): do not use");
        return out;
    }
    out.valid = true;
    return out;
}

QString refusalName(const StationRefusal& refusal, const PackRead& pack) {
    using Kind = StationRefusal::Kind;
    switch (refusal.kind) {
        case Kind::Setup:
            return QStringLiteral("setup");
        case Kind::Slip:
            return QStringLiteral("slip");
        case Kind::VaccineCode:
            return QStringLiteral("vaccine_code");
        case Kind::Binding:
            break;
    }
    if (!refusal.earlier.empty()) {
        return QStringLiteral("reused_code");
    }
    // The journal checks the expiry with the dose rules; the pack read says it the same way.
    return pack.problem == QLatin1String("expired") ? QStringLiteral("expired")
                                                    : QStringLiteral("binding");
}

}  // namespace

SiteWorker::SiteWorker(KioskConfig config, std::filesystem::path databasePath)
    : m_config(std::move(config)), m_databasePath(std::move(databasePath)) {}

// Runs after the worker thread finished (deleteLater on QThread::finished).
SiteWorker::~SiteWorker() = default;

void SiteWorker::open() {
    runGuarded(
        "open",
        [&] {
            // The station (and a staff console, which binds doses too) signs tickets and so holds
            // the keys; the exit needs only the public halves (its trust file, or the keys when the
            // device has them).
            if (m_config.site.role == Role::Station || m_config.site.role == Role::Console) {
                auto keys = SiteKeys::load(m_config.site.keyFile);
                if (!keys) {
                    m_setupError = qs(keys.error().message);
                    Q_EMIT opened(m_setupError);
                    return;
                }
                m_keys = std::move(keys).value();
                if (m_config.site.trustFile.empty()) {
                    m_trust = TrustList::fromSiteKeys(*m_keys, m_config.site.id);
                }
            }
            if (!m_trust) {
                auto trust = loadTrust(m_config);
                if (!trust) {
                    m_setupError = qs(trust.error().message);
                    Q_EMIT opened(m_setupError);
                    return;
                }
                m_trust = std::move(trust).value();
            }
            auto journal = Journal::open(m_databasePath);
            if (!journal) {
                m_setupError = qs(journal.error().message);
                Q_EMIT opened(m_setupError);
                return;
            }
            m_journal.emplace(std::move(journal).value());
            Q_EMIT opened(QString());
        },
        [&](const QString& why) { Q_EMIT opened(why); });
}

void SiteWorker::readSlip(quint64 session, const QString& text) {
    runGuarded(
        "readSlip",
        [&] {
            SlipRead out;
            if (!m_trust) {
                out.problem = QStringLiteral("setup");
                out.reason = m_setupError;
                Q_EMIT slipRead(session, out);
                return;
            }
            auto verified = m_trust->verify(text.toStdString(), m_config.site.id);
            if (!verified) {
                out.problem = verifyProblem(verified.error().kind);
                out.reason = qs(verified.error().message);
                Q_EMIT slipRead(session, out);
                return;
            }
            const auto* slip = std::get_if<QueueSlip>(&verified->body);
            if (!slip) {
                out.problem = QStringLiteral("dose_ticket");
                out.reason = QStringLiteral("this is a dose ticket, not a queue slip");
                Q_EMIT slipRead(session, out);
                return;
            }
            out.valid = true;
            out.maskedId = qs(slip->maskedId);
            out.queueNumber = QString(QChar::fromLatin1(slip->desk)) +
                              QString::number(slip->number).rightJustified(3, u'0');
            out.visitId = slip->visitId;
            Q_EMIT slipRead(session, out);
        },
        [&](const QString& why) {
            SlipRead out;
            out.problem = QStringLiteral("setup");
            out.reason = why;
            Q_EMIT slipRead(session, out);
        });
}

void SiteWorker::readPack(quint64 session, const QString& text) {
    runGuarded(
        "readPack",
        [&] {
            Q_EMIT packRead(session, describePack(m_config, text.toStdString(), localNow().date));
        },
        [&](const QString& why) {
            PackRead out;
            out.problem = QStringLiteral("unknown_product");
            out.reason = why;
            Q_EMIT packRead(session, out);
        });
}

void SiteWorker::bind(quint64 session, const QString& slipText, const QString& vaccineText) {
    runGuarded(
        "bind",
        [&] {
            BindResult out;
            if (!m_journal || !m_keys || !m_trust) {
                out.refusal = QStringLiteral("setup");
                out.reason =
                    m_setupError.isEmpty() ? QStringLiteral("station not ready") : m_setupError;
                Q_EMIT bound(session, out);
                return;
            }
            const LocalMoment at = localNow();
            const std::string vaccine = vaccineText.toStdString();
            const PackRead pack = describePack(m_config, vaccine, at.date);
            out.product = pack.product;
            out.lot = pack.lot;
            // The trust list open() loaded: not read again for each binding.
            auto binding =
                bindAtStation(m_config, *m_keys, *m_trust, *m_journal, slipText.toStdString(),
                              vaccine, m_config.network.deviceId, SiteTime{at.unixMs, at.date});
            if (!binding) {
                const StationRefusal& refusal = binding.error();
                out.refusal = refusalName(refusal, pack);
                out.reason = qs(refusal.reason.empty() ? refusal.message : refusal.reason);
                for (const EarlierBinding& e : refusal.earlier) {
                    EarlierUse use;
                    use.visitId = e.visitId;
                    use.at = qs(localTimeText(e.vaccinatedAtMs));
                    use.station = qs(e.station);
                    out.earlier.append(QVariant::fromValue(use));
                }
                Q_EMIT bound(session, out);
                return;
            }
            const StationBinding& b = *binding;
            out.bound = true;
            out.visitId = b.bound.visitId;
            out.maskedId = qs(b.maskedId);
            out.product = qs(b.pack.product->name);
            out.lot = qs(b.pack.lot);
            out.doseNumber = b.bound.doseNumber;
            out.observationEndsAt = clockText(b.bound.observationEndsAtMs);
            Q_EMIT recorded();
            // The dose is in the journal: a printer problem only means a reprint.
            if (m_config.devices.printer.empty()) {
                out.printError = QStringLiteral("no printer is configured");
            } else {
                const PrintOutcome printed = printTicket(
                    m_config.devices.printer, m_config.devices.printerProfile,
                    "dose-" + std::to_string(b.bound.visitId), doseTicketDocument(b.ticket));
                out.printed = printed.printed;
                out.printError = qs(printed.error);
            }
            Q_EMIT bound(session, out);
        },
        [&](const QString& why) {
            BindResult out;
            out.refusal = QStringLiteral("setup");
            out.reason = why;
            Q_EMIT bound(session, out);
        });
}

void SiteWorker::reprint(quint64 session, qint64 visitId) {
    runGuarded(
        "reprint",
        [&] {
            ReprintResult out;
            if (!m_journal) {
                out.error = QStringLiteral("station not ready");
                Q_EMIT reprinted(session, out);
                return;
            }
            auto view = reprintView(m_config, *m_journal, visitId);
            if (!view) {
                out.error = qs(view.error().message);
            } else if (m_config.devices.printer.empty()) {
                out.error = QStringLiteral("no printer is configured");
            } else {
                // Its own file name: a preview printer keeps the first print too.
                const PrintOutcome printed = printTicket(
                    m_config.devices.printer, m_config.devices.printerProfile,
                    "dose-" + std::to_string(visitId) + "-reprint", doseTicketDocument(*view));
                out.printed = printed.printed;
                out.error = qs(printed.error);
            }
            Q_EMIT reprinted(session, out);
        },
        [&](const QString& why) {
            ReprintResult out;
            out.error = why;
            Q_EMIT reprinted(session, out);
        });
}

void SiteWorker::checkExit(quint64 session, const QString& ticketText) {
    runGuarded(
        "checkExit",
        [&] {
            ExitResult out;
            if (!m_journal || !m_trust) {
                out.problem = QStringLiteral("setup");
                out.reason =
                    m_setupError.isEmpty() ? QStringLiteral("exit not ready") : m_setupError;
                Q_EMIT exitChecked(session, out);
                return;
            }
            const std::int64_t nowMs = localNow().unixMs;
            // One signature check a scan, with the trust list open() loaded.
            const ExitCheck check =
                vax::checkExit(m_config, *m_trust, *m_journal, ticketText.toStdString(), nowMs);
            out.reason = qs(check.reason);
            out.minutesLeft = check.minutesLeft;
            out.alreadyLeft = check.alreadyLeft;
            out.endsAt =
                check.observationEndsAtMs > 0 ? clockText(check.observationEndsAtMs) : QString();
            switch (check.verdict) {
                case ExitCheck::Verdict::MayLeave:
                    out.verdict = QStringLiteral("may_leave");
                    break;
                case ExitCheck::Verdict::MinutesLeft:
                    out.verdict = QStringLiteral("minutes_left");
                    break;
                case ExitCheck::Verdict::ClockSkew:
                    out.verdict = QStringLiteral("clock_skew");
                    break;
                case ExitCheck::Verdict::NotValid:
                    out.verdict = QStringLiteral("not_valid");
                    if (check.refusedAs) {
                        out.problem = verifyProblem(*check.refusedAs);
                    } else if (check.queueSlip) {
                        out.problem = QStringLiteral("queue_slip");
                    } else if (auto visit = m_journal->visits().visit(check.visitId);
                               visit && visit->stage == Stage::AdverseReaction) {
                        out.problem = QStringLiteral("reaction");
                    } else if (!m_journal->doses().doseRecord(check.visitId)) {
                        out.problem = QStringLiteral("no_dose");
                    } else {
                        out.problem =
                            QStringLiteral("other");  // e.g. the code does not match the dose
                    }
                    break;
            }
            if (check.verdict == ExitCheck::Verdict::MayLeave && !check.alreadyLeft) {
                Q_EMIT recorded();
            }
            Q_EMIT exitChecked(session, out);
            listObservation();
        },
        [&](const QString& why) {
            ExitResult out;
            out.verdict = QStringLiteral("not_valid");
            out.problem = QStringLiteral("setup");
            out.reason = why;
            Q_EMIT exitChecked(session, out);
        });
}

void SiteWorker::listObservation() {
    runGuarded(
        "listObservation",
        [&] {
            QList<ObservationEntry> people;
            const std::int64_t nowMs = localNow().unixMs;
            if (!m_journal) {
                Q_EMIT observationListed(
                    people, nowMs,
                    m_setupError.isEmpty() ? QStringLiteral("not ready") : m_setupError);
                return;
            }
            auto list = m_journal->observation().observationList(nowMs);
            if (!list) {
                Q_EMIT observationListed(people, nowMs, qs(list.error().message));
                return;
            }
            for (const InObservation& o : *list) {
                ObservationEntry entry;
                entry.visitId = o.visitId;
                entry.maskedId = qs(o.maskedId);
                entry.endsAtMs = o.observationEndsAtMs;
                entry.reaction = o.reaction;
                entry.overdue = o.overdue;
                people.append(entry);
            }
            Q_EMIT observationListed(people, nowMs, QString());
        },
        [&](const QString& why) { Q_EMIT observationListed({}, localNow().unixMs, why); });
}

void SiteWorker::pollObservation(int intervalMs) {
    if (!m_poll) {
        m_poll = new QTimer(this);
        connect(m_poll, &QTimer::timeout, this, &SiteWorker::listObservation);
    }
    m_poll->start(intervalMs);
    listObservation();
}

}  // namespace vax::app
