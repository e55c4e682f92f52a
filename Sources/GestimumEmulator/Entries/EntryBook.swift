import Foundation

/// The rules of the accounting-entries import (D81), on lines read by an
/// ``EntryLineReader``: consecutive entry lines of one journal, date and
/// piece form an entry; due-date and analytic lines belong to the entry line
/// before them; an entry is imported whole or not at all. What it decides
/// goes to an ``EntryReport``; what it accepts goes to its store as soon as
/// it is judged, so that only one entry is held at a time.
struct EntryBook {
    let reader: EntryLineReader
    let analyticPlan: String
    let createsSections: Bool
    /// Whether a section exists in the company (code, plan).
    let sectionExists: (String, String) throws -> Bool

    private(set) var report = EntryReport()
    /// Accounts the accounts file (EBP) describes, to create before the entries: number and label.
    private(set) var fileAccounts: [(number: String, label: String)] = []
    /// Sections created (`creer_sections_analytiques`): code and plan, for the entries accepted.
    private(set) var newSections: [(code: String, plan: String)] = []
    /// Where an accepted entry goes, with the sections it needs created first.
    private var store: (Entry, [(code: String, plan: String)]) throws -> Void = { _, _ in }
    /// Sections the entry being judged would create.
    private var proposedSections: [(code: String, plan: String)] = []

    /// Why a line cannot be read as an amount.
    private struct Problem: Error {
        let message: String
    }

    /// An entry as it will be stored.
    struct Entry {
        var journal: String
        var date: String
        var piece: String
        var lines: [Line]
    }

    struct Line {
        var number: Int
        var values: [EntryFormat.Role: String]
        var amount: Decimal
        var direction: String
        var dueDates: [(date: String, mode: String, amount: Decimal)] = []
        var analytics: [(plan: String, section: String, amount: Decimal, quantity: String)] = []
    }

    /// An entry line with the lines that follow it, as read.
    private struct Draft {
        var line: EntryLineReader.Line
        var dueDates: [EntryLineReader.Line] = []
        var analytics: [EntryLineReader.Line] = []
    }

    init(reader: EntryLineReader, analyticPlan: String, createsSections: Bool, sectionExists: @escaping (String, String) throws -> Bool) {
        self.reader = reader
        self.analyticPlan = analyticPlan
        self.createsSections = createsSections
        self.sectionExists = sectionExists
    }

    /// Reads the accounts file: each valid line an account to create, each problem a warning (the line is skipped).
    mutating func readAccounts(_ lines: [String]) {
        for (i, text) in lines.enumerated() where !EntryLineReader.isBlank(text) {
            let line = reader.read(text, number: i + 1, as: .account)
            if line.problems.isEmpty {
                fileAccounts.append((line[.account], line[.label]))
            } else {
                for problem in line.problems { report.warning(.account, line: i + 1, problem) }
            }
        }
    }

    /// Reads the entries file, judges each entry and hands each accepted one to `store`.
    mutating func readEntries(_ lines: TextLines, store: @escaping (Entry, [(code: String, plan: String)]) throws -> Void) throws {
        self.store = store
        var group: [Draft] = []
        var key: [String] = []
        for i in 0..<lines.count {
            let text = lines[i]
            guard !EntryLineReader.isBlank(text) else { continue }
            let record = reader.format.record(of: text)
            let line = reader.read(text, number: i + 1, as: record)
            switch record {
            case .entry, .account:
                // What the line says: its value read (a date in any of its forms), else as written.
                let lineKey = [EntryFormat.Role.journal, .date, .piece].map { line.values[$0] ?? line.written[$0, default: ""] }
                if !group.isEmpty, lineKey != key {
                    try judge(group)
                    group = []
                }
                key = lineKey
                group.append(Draft(line: line))
            case .dueDate, .analytic:
                guard !group.isEmpty else {
                    report.error(record, line: line.number, record == .dueDate ? Messages.orphanDueDate : Messages.orphanAnalytic)
                    if record == .dueDate { report.dueDateLinesRejected += 1 } else { report.analyticLinesRejected += 1 }
                    continue
                }
                if record == .dueDate { group[group.count - 1].dueDates.append(line) } else { group[group.count - 1].analytics.append(line) }
            }
        }
        if !group.isEmpty { try judge(group) }
        report.sort()
    }

    private mutating func judge(_ drafts: [Draft]) throws {
        proposedSections = []
        var failed = false
        var lines: [Line] = []
        var ignoredDueDates = 0, ignoredAnalytics = 0
        let analyticCount = drafts.reduce(0) { $0 + $1.analytics.count + ($1.line[.section].isEmpty ? 0 : 1) }
        for draft in drafts {
            // Due-date lines after a line with its own due date are ignored, unread (the format pages).
            let ownDueDate = !draft.line.written[.dueDate, default: ""].isEmpty
            for problem in draft.line.problems { report.error(.entry, line: draft.line.number, problem) }
            if !ownDueDate { for due in draft.dueDates { for problem in due.problems { report.error(.dueDate, line: due.number, problem) } } }
            for analytic in draft.analytics { for problem in analytic.problems { report.error(.analytic, line: analytic.number, problem) } }
            if !draft.line.problems.isEmpty || (!ownDueDate && draft.dueDates.contains { !$0.problems.isEmpty })
                || draft.analytics.contains(where: { !$0.problems.isEmpty }) {
                failed = true
                continue
            }
            let amountAndDirection: (Decimal, String)
            switch self.amountAndDirection(draft.line) {
            case let .success(value): amountAndDirection = value
            case let .failure(problem):
                report.error(.entry, line: draft.line.number, problem.message)
                failed = true
                continue
            }
            let (amount, direction) = amountAndDirection
            var line = Line(number: draft.line.number, values: draft.line.values, amount: amount, direction: direction)
            if ownDueDate {
                for due in draft.dueDates { report.warning(.dueDate, line: due.number, Messages.dueDateIgnored) }
                ignoredDueDates += draft.dueDates.count
            } else if !draft.dueDates.isEmpty {
                guard let shares = shares(of: draft.dueDates, in: amount, missing: Messages.dueDateWithoutAmount) else {
                    failed = true
                    continue
                }
                line.dueDates = zip(draft.dueDates, shares).map { ($0[.date], $0[.paymentMode], $1) }
                let total = shares.reduce(0, +)
                if total != amount {
                    report.error(.entry, line: line.number, Messages.dueDatesTotal(EntryAmount.text(total), EntryAmount.text(amount)))
                    failed = true
                }
            }
            // Analytics: a section of the line itself (fixed width), or the `>` lines after it. One
            // section the company lacks, not created, drops the line's whole distribution (the wizard's page).
            if !draft.line[.section].isEmpty {
                if let problem = try sectionProblem(draft.line[.section], plan: analyticPlan) {
                    report.warning(.analytic, line: draft.line.number, problem)
                    ignoredAnalytics += 1
                } else {
                    line.analytics.append((analyticPlan, draft.line[.section], amount, ""))
                }
            }
            if !draft.analytics.isEmpty {
                var unknown = false
                for analytic in draft.analytics {
                    let plan = analytic[.plan].isEmpty ? analyticPlan : analytic[.plan]
                    if let problem = try sectionProblem(analytic[.section], plan: plan) {
                        report.warning(.analytic, line: analytic.number, problem)
                        unknown = true
                    }
                }
                if unknown {
                    ignoredAnalytics += draft.analytics.count
                } else {
                    guard let shares = shares(of: draft.analytics, in: amount, missing: Messages.analyticWithoutAmount) else {
                        failed = true
                        continue
                    }
                    for (analytic, share) in zip(draft.analytics, shares) {
                        line.analytics.append((analytic[.plan].isEmpty ? analyticPlan : analytic[.plan], analytic[.section], share, analytic[.quantity]))
                    }
                    let total = shares.reduce(0, +)
                    if total != amount {
                        report.error(.entry, line: line.number, Messages.analyticTotal(EntryAmount.text(total), EntryAmount.text(amount)))
                        failed = true
                    }
                }
            }
            lines.append(line)
        }
        let first = drafts[0].line
        if !failed, !reader.preferences.unbalancedAllowed {
            let debit = lines.filter { $0.direction == "D" }.reduce(Decimal(0)) { $0 + $1.amount }
            let credit = lines.filter { $0.direction == "C" }.reduce(Decimal(0)) { $0 + $1.amount }
            if debit != credit {
                report.error(.entry, line: first.number, Messages.unbalancedEntry(
                    first[.journal], first[.date], first[.piece], debit: EntryAmount.text(debit), credit: EntryAmount.text(credit)))
                failed = true
            }
        }
        let dueDateCount = drafts.reduce(0) { $0 + $1.dueDates.count }
        if failed {
            report.entryLinesRejected += drafts.count
            report.dueDateLinesRejected += dueDateCount
            report.analyticLinesRejected += analyticCount
            return
        }
        report.entryLinesImported += drafts.count
        report.dueDateLinesImported += dueDateCount - ignoredDueDates
        report.dueDateLinesRejected += ignoredDueDates
        report.analyticLinesImported += analyticCount - ignoredAnalytics
        report.analyticLinesRejected += ignoredAnalytics
        newSections += proposedSections
        try store(Entry(journal: first[.journal], date: first[.date], piece: first[.piece], lines: lines), proposedSections)
    }

    /// Why a distribution on `section` in `plan` is ignored, nil when it is kept: the section
    /// exists in that plan (or in none), or the request creates it. A section's code is its key
    /// (SectionsAnalytiques' update key), so a code of another plan is neither kept nor created.
    private mutating func sectionProblem(_ section: String, plan: String) throws -> String? {
        if let pending = (newSections + proposedSections).first(where: { $0.code == section }) {
            return pending.plan == plan || pending.plan.isEmpty || plan.isEmpty ? nil : Messages.sectionOfAnotherPlan(section, plan: plan)
        }
        if try sectionExists(section, plan) { return nil }
        if try sectionExists(section, "") { return Messages.sectionOfAnotherPlan(section, plan: plan) }
        guard createsSections else { return Messages.unknownSection(section, plan: plan) }
        proposedSections.append((section, plan))
        return nil
    }

    /// Each due date's or distribution's amount: its own, else its percentage of the line's, rounded to
    /// the cent; when every share is a percentage and they total 100 %, the last takes what the others
    /// leave, so that thirds add up (D81). nil, with an error, when one has neither.
    private mutating func shares(of lines: [EntryLineReader.Line], in amount: Decimal, missing: String) -> [Decimal]? {
        var shares: [Decimal] = []
        var allPercent = true, percents: Decimal = 0
        for line in lines {
            if let own = EntryAmount.read(line[.amount]) {
                shares.append(own)
                allPercent = false
            } else if let percent = EntryAmount.read(line[.percent]) {
                percents += percent
                var value = amount * percent / 100
                var rounded = Decimal()
                NSDecimalRound(&rounded, &value, 2, .plain)
                shares.append(rounded)
            } else {
                report.error(line.record, line: line.number, missing)
                return nil
            }
        }
        if allPercent, percents == 100, !shares.isEmpty {
            shares[shares.count - 1] = amount - shares.dropLast().reduce(0, +)
        }
        return shares
    }

    /// A line's amount and direction (D81): `Sens` and the amount, a negative amount turning the
    /// direction over; without `Sens`, the sign. The 1.5 formats: the debit or the credit column.
    private func amountAndDirection(_ line: EntryLineReader.Line) -> Result<(Decimal, String), Problem> {
        if reader.format.field(.amount, of: .entry) != nil {
            let amount = EntryAmount.read(line[.amount]) ?? 0
            let direction = line[.direction].uppercased()
            let turned = direction == "C" ? "D" : "C"
            if amount < 0 { return .success((-amount, direction.isEmpty ? "C" : turned)) }
            return .success((amount, direction.isEmpty ? "D" : direction))
        }
        let debit = EntryAmount.read(line[.debit]), credit = EntryAmount.read(line[.credit])
        let names = [reader.format.field(.debit, of: .entry), reader.format.field(.credit, of: .entry)].compactMap { $0?.field.spec.name }
        switch (debit, credit) {
        case (nil, nil): return .failure(Problem(message: Messages.missingOneOf(names)))
        case let (debit?, credit?) where debit != 0 && credit != 0: return .failure(Problem(message: Messages.debitAndCredit))
        case let (_, credit?) where credit != 0: return .success(credit < 0 ? (-credit, "D") : (credit, "C"))
        default:
            let debit = debit ?? 0
            return .success(debit < 0 ? (-debit, "C") : (debit, "D"))
        }
    }
}
