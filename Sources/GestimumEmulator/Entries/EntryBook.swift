import Foundation

/// The rules of the accounting-entries import (D81), on lines read by an
/// ``EntryLineReader``: consecutive entry lines of one journal, date and
/// piece form an entry; due-date and analytic lines belong to the entry line
/// before them; an entry is imported whole or not at all. What it decides
/// goes to an ``EntryReport``; what it accepts waits in ``entries``.
struct EntryBook {
    let reader: EntryLineReader
    let analyticPlan: String
    let createsSections: Bool
    /// Whether a section exists in the company (code, plan).
    let sectionExists: (String, String) throws -> Bool

    private(set) var report = EntryReport()
    private(set) var entries: [Entry] = []
    /// Accounts the accounts file (EBP) describes, to create before the entries: number and label.
    private(set) var fileAccounts: [(number: String, label: String)] = []
    /// Sections to create (`creer_sections_analytiques`): code and plan.
    private(set) var newSections: [(code: String, plan: String)] = []

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
        for (i, text) in lines.enumerated() where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            let line = reader.read(text, number: i + 1, as: .account)
            if line.problems.isEmpty {
                fileAccounts.append((line[.account], line[.label]))
            } else {
                for problem in line.problems { report.warning(.account, line: i + 1, problem) }
            }
        }
    }

    /// Reads the entries file and judges each entry.
    mutating func readEntries(_ lines: TextLines) throws {
        var group: [Draft] = []
        var key: [String] = []
        for i in 0..<lines.count {
            let text = lines[i]
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let record = reader.format.record(of: text)
            let line = reader.read(text, number: i + 1, as: record)
            switch record {
            case .entry, .account:
                let lineKey = [line[.journal], line[.date], line[.piece]]
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
        var failed = false
        var lines: [Line] = []
        var ignoredDueDates = 0, ignoredAnalytics = 0
        let analyticCount = drafts.reduce(0) { $0 + $1.analytics.count + ($1.line[.section].isEmpty ? 0 : 1) }
        for draft in drafts {
            for problem in draft.line.problems { report.error(.entry, line: draft.line.number, problem) }
            for due in draft.dueDates { for problem in due.problems { report.error(.dueDate, line: due.number, problem) } }
            for analytic in draft.analytics { for problem in analytic.problems { report.error(.analytic, line: analytic.number, problem) } }
            if !draft.line.problems.isEmpty || draft.dueDates.contains(where: { !$0.problems.isEmpty })
                || draft.analytics.contains(where: { !$0.problems.isEmpty }) {
                failed = true
                continue
            }
            guard let (amount, direction) = amountAndDirection(draft.line) else {
                report.error(.entry, line: draft.line.number, Messages.debitAndCredit)
                failed = true
                continue
            }
            var line = Line(number: draft.line.number, values: draft.line.values, amount: amount, direction: direction)
            // Due dates: ignored when the entry line gives its own (the format pages).
            if !draft.line[.dueDate].isEmpty {
                for due in draft.dueDates { report.warning(.dueDate, line: due.number, Messages.dueDateIgnored) }
                ignoredDueDates += draft.dueDates.count
            } else if !draft.dueDates.isEmpty {
                var total: Decimal = 0
                for due in draft.dueDates {
                    guard let share = share(of: due, in: amount) else {
                        report.error(.dueDate, line: due.number, Messages.dueDateWithoutAmount)
                        failed = true
                        continue
                    }
                    total += share
                    line.dueDates.append((due[.date], due[.paymentMode], share))
                }
                if !failed, total != amount {
                    report.error(.entry, line: line.number, Messages.dueDatesTotal(EntryAmount.text(total), EntryAmount.text(amount)))
                    failed = true
                }
            }
            // Analytics: a section of the line itself (fixed width), or the `>` lines after it.
            if !draft.line[.section].isEmpty {
                if try knows(draft.line[.section], plan: analyticPlan) {
                    line.analytics.append((analyticPlan, draft.line[.section], amount, ""))
                } else {
                    report.warning(.analytic, line: draft.line.number, Messages.unknownSection(draft.line[.section], plan: analyticPlan))
                    ignoredAnalytics += 1
                }
            }
            var total: Decimal = 0, distributed = 0
            for analytic in draft.analytics {
                let plan = analytic[.plan].isEmpty ? analyticPlan : analytic[.plan]
                guard try knows(analytic[.section], plan: plan) else {
                    report.warning(.analytic, line: analytic.number, Messages.unknownSection(analytic[.section], plan: plan))
                    ignoredAnalytics += 1
                    continue
                }
                guard let share = share(of: analytic, in: amount) else {
                    report.error(.analytic, line: analytic.number, Messages.analyticWithoutAmount)
                    failed = true
                    continue
                }
                total += share
                distributed += 1
                line.analytics.append((plan, analytic[.section], share, analytic[.quantity]))
            }
            if !failed, distributed > 0, total != amount {
                report.error(.entry, line: line.number, Messages.analyticTotal(EntryAmount.text(total), EntryAmount.text(amount)))
                failed = true
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
        for line in lines {
            for analytic in line.analytics where !(try sectionExists(analytic.section, analytic.plan)) {
                if !newSections.contains(where: { $0.code == analytic.section }) { newSections.append((analytic.section, analytic.plan)) }
            }
        }
        entries.append(Entry(journal: first[.journal], date: first[.date], piece: first[.piece], lines: lines))
    }

    /// Whether analytic lines on `section` are kept: it exists, or the request creates sections.
    private func knows(_ section: String, plan: String) throws -> Bool {
        if createsSections { return true }
        return try sectionExists(section, plan)
    }

    /// A line's amount and direction: `Sens`, or the sign when it is empty (D81); a debit or a credit column (1.5 formats).
    /// nil when both columns hold an amount.
    private func amountAndDirection(_ line: EntryLineReader.Line) -> (Decimal, String)? {
        if line.values[.amount] != nil || reader.format.field(.amount, of: .entry) != nil {
            let amount = EntryAmount.read(line[.amount]) ?? 0
            let direction = line[.direction].uppercased()
            if direction.isEmpty { return amount < 0 ? (-amount, "C") : (amount, "D") }
            return (amount, direction)
        }
        let debit = EntryAmount.read(line[.debit]) ?? 0, credit = EntryAmount.read(line[.credit]) ?? 0
        if debit != 0, credit != 0 { return nil }
        return credit != 0 ? (credit, "C") : (debit, "D")
    }

    /// A due date's or a distribution's amount: its own, else its percentage of the line's; nil when it has neither.
    private func share(of line: EntryLineReader.Line, in amount: Decimal) -> Decimal? {
        if let own = EntryAmount.read(line[.amount]) { return own }
        guard let percent = EntryAmount.read(line[.percent]) else { return nil }
        var value = amount * percent / 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        return rounded
    }
}
