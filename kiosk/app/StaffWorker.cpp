#include "StaffWorker.h"

#include "LocalClock.h"
#include "SlotGuard.h"
#include "core/Observation.h"
#include "core/Report.h"
#include "ops/CheckIns.h"
#include "ops/SlipPrinting.h"
#include "ops/StationDesk.h"
#include "ops/TicketPrinting.h"

namespace vax::app {

namespace {

QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QVariantMap failure(const QString& action, const std::string& message) {
    return {{QStringLiteral("action"), action},
            {QStringLiteral("ok"), false},
            {QStringLiteral("message"), qs(message)}};
}

QVariantMap success(const QString& action) {
    return {{QStringLiteral("action"), action}, {QStringLiteral("ok"), true}};
}

void notePrint(QVariantMap& out, const PrintOutcome& print) {
    out[QStringLiteral("printed")] = print.printed;
    out[QStringLiteral("printError")] = qs(print.error);
}

QString refusalKind(LoginRefusal::Kind kind) {
    switch (kind) {
        case LoginRefusal::Kind::WrongPin:
            return QStringLiteral("wrong_pin");
        case LoginRefusal::Kind::LockedOut:
            return QStringLiteral("locked_out");
        case LoginRefusal::Kind::UnknownStaff:
            return QStringLiteral("unknown_staff");
        case LoginRefusal::Kind::BadFormat:
            return QStringLiteral("bad_format");
        case LoginRefusal::Kind::JournalError:
            return QStringLiteral("journal_error");
    }
    return QStringLiteral("wrong_pin");
}

}  // namespace

StaffWorker::StaffWorker(KioskConfig config, std::filesystem::path databasePath)
    : m_config(std::move(config)), m_databasePath(std::move(databasePath)) {}

StaffWorker::~StaffWorker() = default;

// The sign-in screen waits for these answers: an exception still ends in one.
void StaffWorker::open() {
    runGuarded(
        "open", [&] { openUnguarded(); },
        [&](const QString& why) { Q_EMIT opened(why, QVariantList()); });
}

void StaffWorker::login(const QString& staffId, const QString& pin) {
    runGuarded(
        "login", [&] { loginUnguarded(staffId, pin); },
        [&](const QString& why) {
            Q_EMIT loginDone({{QStringLiteral("ok"), false},
                              {QStringLiteral("kind"), QStringLiteral("journal_error")},
                              {QStringLiteral("message"), why}});
        });
}

void StaffWorker::openUnguarded() {
    QVariantList staff;
    for (const StaffMember& member : m_config.staff) {
        staff.append(QVariantMap{{QStringLiteral("id"), qs(member.id)},
                                 {QStringLiteral("name"), qs(member.name)}});
    }
    auto keys = SiteKeys::load(m_config.site.keyFile);
    if (!keys) {
        Q_EMIT opened(qs(keys.error().message), staff);
        return;
    }
    m_keys.emplace(std::move(keys).value());
    auto journal = Journal::open(m_databasePath);
    if (!journal) {
        Q_EMIT opened(qs(journal.error().message), staff);
        return;
    }
    m_journal.emplace(std::move(journal).value());
    m_gate = std::make_unique<StaffGate>(m_config.staff, *m_journal);
    // A decision that queues someone takes the site's number, as a check-in does.
    if (auto site = SiteLink::open(m_config); site) {
        m_site = std::move(site).value();
    } else {
        m_siteError = site.error().message;
    }
    Q_EMIT opened(QString(), staff);
}

bool StaffWorker::ready(const QString& action) {
    if (m_journal && m_gate) {
        return true;
    }
    Q_EMIT actionDone(failure(action, "the console is not ready (journal or keys missing)"));
    return false;
}

void StaffWorker::loginUnguarded(const QString& staffId, const QString& pin) {
    if (!m_journal || !m_gate) {
        // Answered as a sign-in: the screen waits for loginDone, not for an action's answer.
        Q_EMIT loginDone({{QStringLiteral("ok"), false},
                          {QStringLiteral("kind"), QStringLiteral("not_ready")},
                          {QStringLiteral("message"),
                           QStringLiteral("the console is not ready (journal or keys missing)")}});
        return;
    }
    auto session = m_gate->login(staffId.toStdString(), pin.toStdString(), localNow().unixMs);
    QVariantMap out;
    if (session) {
        out = {{QStringLiteral("ok"), true},
               {QStringLiteral("staffId"), qs(session->staffId)},
               {QStringLiteral("name"), qs(session->name)}};
    } else {
        const LoginRefusal& why = session.error();
        out = {{QStringLiteral("ok"), false},
               {QStringLiteral("kind"), refusalKind(why.kind)},
               {QStringLiteral("message"), qs(why.message)},
               {QStringLiteral("triesLeft"), why.triesLeft},
               {QStringLiteral("lockedUntilMs"), qint64(why.lockedUntilMs)}};
    }
    Q_EMIT loginDone(out);
}

void StaffWorker::logout(const QString& staffId, const QString& why) {
    runGuarded(
        "logout",
        [&] {
            if (!m_gate) {
                return;
            }
            const std::int64_t now = localNow().unixMs;
            StaffSession session;
            session.staffId = staffId.toStdString();
            if (auto st = m_gate->logout(session, why.toStdString(), now); !st) {
                Q_EMIT actionDone(failure(QStringLiteral("logout"), st.error().message));
            }
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("logout"), fault.toStdString()));
        });
}

void StaffWorker::checkLock() {
    runGuarded(
        "checkLock",
        [&] {
            if (!m_gate) {
                return;
            }
            auto until = m_gate->lockedUntil(localNow().unixMs);
            Q_EMIT lockChecked(until ? qint64(*until) : 0);
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("lock"), fault.toStdString()));
        });
}

void StaffWorker::auditManualId(const QString& staffId) {
    runGuarded(
        "auditManualId",
        [&] {
            if (!ready(QStringLiteral("manual_id"))) {
                return;
            }
            AuditEntry entry;
            entry.staff = staffId.toStdString();
            entry.action = "manual_id_entry";
            entry.reason = "typed at the entry kiosk";
            entry.detail = "{}";
            entry.atMs = localNow().unixMs;
            if (auto st = m_journal->audit().recordAudit(entry); !st) {
                Q_EMIT actionDone(failure(QStringLiteral("manual_id"), st.error().message));
            }
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("manual_id"), fault.toStdString()));
        });
}

void StaffWorker::loadReviews() {
    runGuarded(
        "loadReviews",
        [&] {
            if (!ready(QStringLiteral("reviews"))) {
                return;
            }
            auto list = m_journal->visits().awaitingReview(localNow().date.iso());
            if (!list) {
                Q_EMIT actionDone(failure(QStringLiteral("reviews"), list.error().message));
                return;
            }
            QVariantList reviews;
            for (const AwaitingReview& item : *list) {
                QStringList reasons;
                for (const std::string& key : item.reasons) {
                    reasons.append(qs(key));
                }
                reviews.append(
                    QVariantMap{{QStringLiteral("visit"), qint64(item.visitId)},
                                {QStringLiteral("masked"), qs(item.maskedId)},
                                {QStringLiteral("decision"), qs(toString(item.decision))},
                                {QStringLiteral("reasons"), reasons},
                                {QStringLiteral("at"), qs(localTimeText(item.checkedInAtMs))}});
            }
            Q_EMIT reviewsLoaded(reviews);
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("reviews"), fault.toStdString()));
        });
}

void StaffWorker::decide(const QString& staffId, qint64 visitId, bool proceed,
                         const QString& reason) {
    runGuarded(
        "decide",
        [&] {
            const QString action = QStringLiteral("decide");
            if (!ready(action)) {
                return;
            }
            if (!m_siteError.empty() && proceed) {
                // Numbering here alone could give a number another kiosk gives too.
                Q_EMIT actionDone(failure(action, "site server: " + m_siteError));
                return;
            }
            const LocalMoment at = localNow();
            Override decision;
            decision.visitId = visitId;
            decision.outcome = proceed ? Outcome::Proceed : Outcome::Defer;
            decision.staff = staffId.toStdString();
            decision.reason = reason.toStdString();
            decision.atMs = at.unixMs;
            auto state = overrideVisit(*m_journal, decision, at.date.iso(), m_site.get());
            if (!state) {
                Q_EMIT actionDone(failure(action, state.error().message));
                return;
            }
            QVariantMap out = success(action);
            out[QStringLiteral("visit")] = visitId;
            out[QStringLiteral("proceed")] = proceed;
            if (state->queueNumber) {
                out[QStringLiteral("queueNumber")] = qs(state->queueNumber->label());
                auto person = m_journal->visits().personOf(visitId);
                if (!person) {
                    out[QStringLiteral("printed")] = false;
                    out[QStringLiteral("printError")] = qs(person.error().message);
                } else {
                    notePrint(
                        out,
                        issueAndPrintSlip(m_config, *m_keys, *state, *person, at.unixMs).print);
                }
            }
            Q_EMIT actionDone(out);
            loadReviews();
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("decide"), fault.toStdString()));
        });
}

void StaffWorker::callNext(const QString& staffId, const QString& desk, int count) {
    runGuarded(
        "callNext",
        [&] {
            const QString action = QStringLiteral("call");
            if (!ready(action)) {
                return;
            }
            if (desk.size() != 1 || desk.at(0) < u'A' || desk.at(0) > u'Z' || count < 1 ||
                count > 50) {
                Q_EMIT actionDone(failure(action, "a desk letter and 1 to 50 people"));
                return;
            }
            const LocalMoment at = localNow();
            auto called = m_journal->visits().callNext(at.date.iso(), Desk(desk.at(0).toLatin1()),
                                                       count, at.unixMs);
            if (!called) {
                Q_EMIT actionDone(failure(action, called.error().message));
                return;
            }
            QStringList numbers;
            for (const VisitState& state : *called) {
                if (state.queueNumber) {
                    numbers.append(qs(state.queueNumber->label()));
                }
            }
            AuditEntry entry{staffId.toStdString(),
                             "call_next",
                             std::nullopt,
                             "desk " + desk.toStdString(),
                             "{\"called\":" + std::to_string(numbers.size()) + "}",
                             at.unixMs};
            if (auto st = m_journal->audit().recordAudit(entry); !st) {
                Q_EMIT actionDone(failure(action, st.error().message));
                return;
            }
            QVariantMap out = success(action);
            out[QStringLiteral("desk")] = desk;
            out[QStringLiteral("numbers")] = numbers;
            Q_EMIT actionDone(out);
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("call"), fault.toStdString()));
        });
}

void StaffWorker::reprint(const QString& staffId, qint64 visitId) {
    runGuarded(
        "reprint",
        [&] {
            const QString action = QStringLiteral("reprint");
            if (!ready(action)) {
                return;
            }
            auto view = reprintView(m_config, *m_journal, visitId);
            if (!view) {
                Q_EMIT actionDone(failure(action, view.error().message));
                return;
            }
            const std::int64_t now = localNow().unixMs;
            AuditEntry entry{staffId.toStdString(), "reprint", visitId,
                             "ticket reprinted",    "{}",      now};
            if (auto st = m_journal->audit().recordAudit(entry); !st) {
                Q_EMIT actionDone(failure(action, st.error().message));
                return;
            }
            QVariantMap out = success(action);
            out[QStringLiteral("visit")] = visitId;
            notePrint(out, printTicket(m_config.devices.printer, m_config.devices.printerProfile,
                                       "dose-" + std::to_string(visitId) + "-reprint",
                                       doseTicketDocument(*view)));
            Q_EMIT actionDone(out);
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("reprint"), fault.toStdString()));
        });
}

void StaffWorker::recordReaction(const QString& staffId, qint64 visitId, const QString& category,
                                 const QString& action, const QString& outcome, int extendMinutes) {
    runGuarded(
        "recordReaction",
        [&] {
            const QString name = QStringLiteral("reaction");
            if (!ready(name)) {
                return;
            }
            ReactionRecord r;
            if (!reactionCategoryFromString(category.toStdString(), r.category)) {
                Q_EMIT actionDone(failure(name, "unknown reaction category"));
                return;
            }
            if (extendMinutes < 0 || extendMinutes > 24 * 60) {
                Q_EMIT actionDone(
                    failure(name, "observation can be extended by 0 to 1440 minutes"));
                return;
            }
            const std::int64_t now = localNow().unixMs;
            r.visitId = visitId;
            r.onsetAtMs = now;
            r.action = action.toStdString();
            r.outcome = outcome.toStdString();
            r.staff = staffId.toStdString();
            r.atMs = now;
            r.extendMinutes = extendMinutes;
            auto state = m_journal->reactions().recordReaction(r);
            if (!state) {
                Q_EMIT actionDone(failure(name, state.error().message));
                return;
            }
            QVariantMap out = success(name);
            out[QStringLiteral("visit")] = visitId;
            Q_EMIT actionDone(out);
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("reaction"), fault.toStdString()));
        });
}

void StaffWorker::loadFigures() {
    runGuarded(
        "loadFigures",
        [&] {
            if (!ready(QStringLiteral("figures"))) {
                return;
            }
            const LocalMoment at = localNow();
            const std::string day = at.date.iso();
            DayReportBuilder builder(day);
            auto st = m_journal->report().forEachVisit(
                day, [&builder](const VisitSummary& v) { builder.add(v); });
            auto doses = m_journal->report().doseFigures(day, at.unixMs);
            auto hours = m_journal->report().hourlyThroughput(day);
            if (!st || !doses || !hours) {
                const std::string why = !st      ? st.error().message
                                        : !doses ? doses.error().message
                                                 : hours.error().message;
                Q_EMIT actionDone(failure(QStringLiteral("figures"), why));
                return;
            }
            const DayReport report = builder.finish();
            int reactions = 0;
            for (const auto& [category, count] : doses->reactionsByCategory) {
                reactions += count;
            }
            QVariantList hourly;
            for (std::size_t h = 0; h < hours->size(); ++h) {
                const HourlyCounts& c = (*hours)[h];
                hourly.append(QVariantMap{{QStringLiteral("hour"), int(h)},
                                          {QStringLiteral("checkIns"), c.checkIns},
                                          {QStringLiteral("doses"), c.doses},
                                          {QStringLiteral("exits"), c.exits}});
            }
            Q_EMIT figuresLoaded(QVariantMap{{QStringLiteral("checkIns"), report.checkIns},
                                             {QStringLiteral("deferred"), report.deferredInTheEnd},
                                             {QStringLiteral("review"), report.staffReviews},
                                             {QStringLiteral("doses"), doses->doses},
                                             {QStringLiteral("fevers"), report.fevers},
                                             {QStringLiteral("reactions"), reactions},
                                             {QStringLiteral("earlyExits"), doses->earlyExits},
                                             {QStringLiteral("overdue"), doses->overdue},
                                             {QStringLiteral("hours"), hourly}});
        },
        [&](const QString& fault) {
            Q_EMIT actionDone(failure(QStringLiteral("figures"), fault.toStdString()));
        });
}

}  // namespace vax::app
