import Foundation
import GRDB
import Logging

/// The task of one import kind (`ImporterContacts`, `ImporterClients`, …):
/// opens the company, reads the lines, checks and stores the records, and
/// writes the journal (spec §3 to §6, R2–R9). Every kind runs through it;
/// what sets a kind apart is its ``ImportKind`` data.
///
/// Requests on a company run one at a time (spec §3), through its
/// ``ImportQueue``: all of one import happens inside one savepoint of a write
/// transaction, and its accepted records are committed together when the
/// task ends, or not at all (D68).
public struct ImportTask: Sendable {
    public static let companyFolder = "C:\\ProgramData\\Gestimum\\"

    public let kind: ImportKind
    public let registry: CompanyRegistry
    public let clock: any EmulatorClock
    public let logger: Logger
    /// The server's work folder (the accounting-entries report names it).
    public let workFolder: String

    public init(kind: ImportKind, registry: CompanyRegistry, clock: any EmulatorClock, logger: Logger,
                workFolder: String = Emulator.defaultWorkFolder) {
        self.workFolder = workFolder
        self.kind = kind
        self.registry = registry
        self.clock = clock
        self.logger = logger
    }

    /// `fichier` as a Windows path: in the default folder unless it has a `\` (D13).
    public static func resolvePath(_ file: String) -> String {
        file.utf8.contains(UInt8(ascii: "\\")) ? file : companyFolder + file
    }

    public func run(_ request: ImportRequest) async throws -> ImportOutcome {
        let path = Self.resolvePath(request.login.file)
        guard let company = registry.company(at: path) else {
            let journal = startJournal(path: path)
            return fail(Messages.unknownCompany(path), journal: journal, opened: false, path: path)
        }
        let work = { @Sendable (db: Database) throws -> ImportOutcome in
            // The timeline starts under the company's lock: imports on one company take turns (D33).
            var journal = self.startJournal(path: path)
            return try self.runOpened(request, path: path, db: db, reference: company.reference, journal: &journal)
        }
        let small = request.parameters.lines.count < Self.pipelineThreshold
        let outcome = try await company.imports.run(small: small, work)
        if case let .completed(_, imported, rejected) = outcome {
            logger.debug("import done", metadata: ["company": "\(path)", "imported": "\(imported)", "rejected": "\(rejected)"])
        }
        return outcome
    }

    private func startJournal(path: String) -> Journal {
        var journal = Journal(timeline: clock.startImport(), timestamps: JournalTimestamp(timeZone: clock.timeZone))
        journal.write(Messages.opening(path), at: .opening)
        return journal
    }

    private func fail(_ message: String, journal: Journal, opened: Bool, path: String, at phase: ImportPhase = .opened) -> ImportOutcome {
        var journal = journal
        journal.write(message, at: phase)
        if opened { journal.write(Messages.closing(path), at: phase) }
        return .taskFailure(message: message, journal: journal.lines)
    }

    private func runOpened(
        _ request: ImportRequest, path: String, db: Database, reference cache: ReferenceCache, journal: inout Journal
    ) throws -> ImportOutcome {
        let store = CompanyStore(db: db)
        if let failure = try checkAccessAndCloseOwnSessions(request, path: path, store: store, cache: cache, journal: &journal) {
            return fail(failure, journal: journal, opened: false, path: path)
        }
        journal.write(Messages.opened(path), at: .opened)
        journal.write(Messages.taskStarted(kind.task), at: .launched)

        if let entries = request.parameters.entries, let format = kind.entryFormat(named: entries.format) {
            return try importEntries(request, entries: entries, format: format, path: path, db: db, journal: &journal)
        }
        let reference = try cache.referenceData(db)
        // Documents keep the structure's fields only: custom columns are ignored (D80).
        let customFields = kind.storesRecords ? reference.customFields(of: kind) : []
        let parameters = request.parameters
        let splitter = LineSplitter(separator: parameters.separator, delimiter: parameters.delimiter)
        let fields = FieldList(names: ImportFile.fieldNames(parameters, kind: kind, splitter: splitter), kind: kind,
                               customFields: customFields)
        for name in fields.ignoredNames {
            journal.write(Messages.ignoredField(name, table: kind.particulars.table), at: .launched)
        }
        if let duplicate = fields.duplicate {
            return fail(Messages.duplicateField(duplicate), journal: journal, opened: true, path: path, at: .launched)
        }

        let validator = RecordValidator(kind: kind, fields: fields, customFields: customFields)
        var producer = RecordProducer(lines: parameters.lines, splitter: splitter, skipsHeader: parameters.header, validator: validator)
        producer.accountCodes = kind.particulars.accountCodes?.applied(to: kind, options: parameters.options)
        if let rules = kind.particulars.documents {
            var documents = DocumentStore(
                kind: kind, rules: rules, validator: validator,
                lookup: ReferenceLookup(db: db, reference: reference, catalog: .standard), writer: DocumentWriter(db: db, kind: kind),
                lineOffset: parameters.header ? 1 : 0, today: journal.day(at: .imported), defaultDepot: reference.depots.min())
            try consume(producer, lines: parameters.lines.count, width: kind.fields.count) { try documents.take($0) }
            try documents.finish()
            if documents.rejected == 0 { journal.write(Messages.importSucceeded, at: .imported) }
            journal.write(Messages.importedCount(documents.imported), at: .imported)
            journal.write(Messages.rejectedCount(documents.rejected), at: .imported)
            for message in documents.messages { journal.write(message, at: .imported) }
            journal.write(Messages.taskFinished(kind.task), at: .imported)
            journal.write(Messages.closing(path), at: .imported)
            return .completed(journal: journal.lines, imported: documents.imported, rejected: documents.rejected)
        }
        let storeRecords = { () throws -> RecordStore in
            var records = RecordStore(
                writer: try RecordWriter(db: db, kind: self.kind, fields: fields, customPositions: reference.customPositions(of: self.kind)),
                validator: validator, lookup: ReferenceLookup(db: db, reference: reference, catalog: .standard))
            try self.consume(producer, lines: parameters.lines.count, width: self.kind.fields.count + customFields.count) {
                try records.take($0)
            }
            try records.writer.finish()
            return records
        }
        let records: RecordStore
        if request.isTest {
            // `tester`: the same checks and answer, and nothing kept (R8).
            var checked: RecordStore?
            try db.inSavepoint {
                checked = try storeRecords()
                return .rollback
            }
            records = checked!
        } else {
            records = try storeRecords()
        }
        let imported = records.imported, rejections = records.rejections

        if rejections.isEmpty, kind.particulars.successLine { journal.write(Messages.importSucceeded, at: .imported) }
        journal.write(Messages.importedCount(imported), at: .imported)
        journal.write(Messages.rejectedCount(rejections.count), at: .imported)
        for warning in KindWarnings.lines(kind, fields: fields, accepted: records.accepted) {
            journal.write(warning, at: .imported)
        }
        for rejection in rejections {
            journal.write(Messages.lineRejected(rejection.number), at: .imported)
            journal.write(rejection.reason, at: .imported)
        }
        switch kind.particulars.finishedLine {
        case .standard: journal.write(Messages.taskFinished(kind.task), at: .imported)
        case .bare: journal.write(Messages.taskFinishedBare(kind.task), at: .imported)
        case .unspaced: journal.write(Messages.taskFinishedUnspaced(kind.task), at: .imported)
        }
        journal.write(Messages.closing(path), at: .imported)
        return .completed(journal: journal.lines, imported: imported, rejected: rejections.count)
    }

    /// The accounting-entries import (D81): the accounts file, then the
    /// entries, judged whole; the report in the journal instead of the counts.
    private func importEntries(
        _ request: ImportRequest, entries parameters: EntryParameters, format: EntryFormat, path: String, db: Database, journal: inout Journal
    ) throws -> ImportOutcome {
        let options = request.parameters.options
        let writer = EntryWriter(db: db)
        let preferences = try EntryPreferences.read(db)
        var book = EntryBook(reader: EntryLineReader(format: format, preferences: preferences), analyticPlan: parameters.analyticPlan,
                             createsSections: options.contains("creer_sections_analytiques"),
                             sectionExists: { try writer.sectionExists($0, plan: $1) })
        book.readAccounts(parameters.accountLines)
        let simulation = options.contains("simulation")
        func run() throws {
            for account in book.fileAccounts { try writer.ensureAccount(account.number, label: account.label) }
            try book.readEntries(request.parameters.lines) { entry, sections in
                for section in sections { try writer.createSection(section.code, plan: section.plan) }
                try writer.store(entry, simulation: simulation, accountLabel: format.createdAccountLabel)
            }
        }
        if request.isTest {
            // `tester`: the same report, and nothing kept (R8).
            try db.inSavepoint {
                try run()
                return .rollback
            }
        } else {
            try run()
        }
        let workFile = EntryReport.workFile(folder: workFolder, task: kind.task, stamp: journal.folderStamp(at: .opening))
        for line in book.report.journalLines(workFile: workFile) { journal.write(line, at: .imported) }
        journal.write(Messages.taskFinished(kind.task), at: .imported)
        journal.write(Messages.closing(path), at: .imported)
        return .reported(journal: journal.lines, report: book.report)
    }

    /// Hands `producer`'s batches to `take` in line order: on this thread for
    /// a small file, from a thread of its own for a large one.
    private func consume(_ producer: RecordProducer, lines: Int, width: Int, _ take: (RecordBatch) throws -> Void) throws {
        if lines < Self.pipelineThreshold {
            let batch = RecordBatch(width: width, capacity: min(Self.batchSize, max(lines, 1)))
            try producer.run(into: batch) { batch, _ in
                try take(batch)
                batch.removeAll()
                return batch
            }
        } else {
            try Self.pipelined(producer, width: width, consume: take)
        }
    }

    /// Files with fewer lines are read on the store's thread.
    static let pipelineThreshold = 4096
    static let batchSize = 1024

    /// Runs the producer on a thread of its own while `consume` stores its
    /// batches in order on this one (the database's). The producer is
    /// stopped and waited for whatever happens.
    private static func pipelined(_ producer: RecordProducer, width: Int, consume: (RecordBatch) throws -> Void) throws {
        let channel = BatchChannel(batches: 4, width: width, capacity: batchSize)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            if let first = channel.takeFree() {
                producer.run(into: first) { batch, last in
                    channel.send(batch, last: last)
                    return last ? nil : channel.takeFree()
                }
            }
            done.signal()
        }
        defer {
            channel.cancel()
            done.wait()
        }
        while let batch = channel.receive() {
            try consume(batch)
            channel.recycle(batch)
        }
    }

    /// The checks of spec §3 in order. When the user is already connected
    /// and asked to be disconnected, closes their sessions in the store and
    /// journals the disconnection. Returns the refusal message, nil when admitted.
    private func checkAccessAndCloseOwnSessions(
        _ request: ImportRequest, path: String, store: CompanyStore, cache: ReferenceCache, journal: inout Journal
    ) throws -> String? {
        let user = request.login.user
        guard let password = try cache.password(of: user, store.db) else { return Messages.unknownUser(user) }
        // Codes compare case-insensitively (D14), folded the same way everywhere.
        guard password == request.login.password else { return Messages.wrongPassword(user) }
        let sessions = try store.sessions()
        let isOwn = { (session: CompanyStore.Session) in CompanyStore.sameUser(session.user, user) }
        if sessions.contains(where: isOwn) {
            guard request.login.disconnect else { return Messages.alreadyConnected(user) }
            try store.closeSessions(sessions.filter(isOwn))
            journal.write(Messages.disconnection(user), at: .opened)
        }
        let others = sessions.filter { !isOwn($0) }
        if request.login.exclusive, !others.isEmpty { return Messages.othersConnected }
        if others.contains(where: \.exclusive) { return Messages.heldExclusively(path) }
        return nil
    }
}
