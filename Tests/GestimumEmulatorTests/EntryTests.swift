import Foundation
import Testing
@testable import GestimumEmulator

/// The pieces of the accounting-entries import (behaviour §12, D81): its
/// formats as data, dates, amounts and quoted values, the request's own
/// parameters, the work folder and its millisecond stamp, the report's
/// counts, and entries kept in a data folder.
struct EntryTests {
    let kind = ImportCatalog.standard.kind(domain: "Ecritures")!

    @Test func theSixFormatsAreReadWithTheirRecordsAndPositions() throws {
        #expect(kind.particulars.entryFormats.map(\.name)
            == ["GestimumComptaVariable", "GestimumComptaFixe", "GestimumComptaV15", "GestimumGescomV15", "EBPV5V2000", "EBPV3"])
        let variable = try #require(kind.entryFormat(named: "gestimumcomptavariable"))
        #expect(variable.layout == .variable && variable.separator == UInt8(ascii: ","))
        #expect(variable.records[.entry]?.count == 17 && variable.records[.dueDate]?.count == 6 && variable.records[.analytic]?.count == 7)
        #expect(variable.field(.piece, of: .entry)?.field.spec.maxLength == 15)
        let v15 = try #require(kind.entryFormat(named: "GestimumComptaV15"))
        #expect(v15.field(.debit, of: .entry).map { [$0.field.start, $0.field.length] } == [76, 15])
        #expect(v15.field(.paymentMode, of: .entry).map { [$0.field.start, $0.field.length] } == [106, 8])
        let fixed = try #require(kind.entryFormat(named: "GestimumComptaFixe"))
        #expect(fixed.dates == [.yyyymmdd])
        #expect(fixed.field(.journal, of: .entry).map { [$0.field.start, $0.field.length] } == [6, 2])
        #expect(kind.entryFormat(named: "EBPV3")?.records[.account]?.count == 10)
        #expect(kind.entryFormat(named: "EBPV3")?.dates == [.ddmmyy, .slashedShort])
        // Every field of every record has a meaning, or is read and dropped on purpose.
        for format in kind.particulars.entryFormats {
            for (record, fields) in format.records where record != .account {
                for field in fields where field.role == nil { #expect(field.spec.name == "N° de pointage", "\(format.name) \(field.spec.name)") }
            }
        }
    }

    @Test func datesInEachFormatsForms() {
        let all: [EntryFormat.DateForm] = [.ddmmyy, .ddmmyyyy, .slashedShort, .slashedLong]
        #expect(EntryDate.read("190219", forms: all) == "19/02/2019")
        #expect(EntryDate.read("19022019", forms: all) == "19/02/2019")
        #expect(EntryDate.read("19/02/19", forms: all) == "19/02/2019")
        #expect(EntryDate.read("19/02/2019", forms: all) == "19/02/2019")
        #expect(EntryDate.read("29/02/2019", forms: all) == nil)
        #expect(EntryDate.read("29022020", forms: all) == "29/02/2020")
        #expect(EntryDate.read("20200229", forms: [.yyyymmdd]) == "29/02/2020")
        #expect(EntryDate.read("19022019", forms: [.ddmmyy, .slashedShort]) == nil)
        #expect(EntryDate.read("190219", forms: [.ddmmyyyy, .slashedLong]) == nil)
        #expect(EntryDate.read("19-02-2019", forms: all) == nil)
    }

    @Test func amountsHaveAPointAndPrintWithTwoDecimals() {
        #expect(EntryAmount.read("12000") == 12000)
        #expect(EntryAmount.read("-3.5") == Decimal(string: "-3.5"))
        #expect(EntryAmount.read("12,5") == nil)
        #expect(EntryAmount.read("1.2.3") == nil)
        #expect(EntryAmount.read("1.") == nil)
        #expect(EntryAmount.read("") == nil)
        #expect(EntryAmount.read("-") == nil && EntryAmount.read(".5") == nil)
        #expect(EntryAmount.text(12000) == "12000.00")
        #expect(EntryAmount.text(Decimal(string: "45.7")!) == "45.70")
        #expect(EntryAmount.text(Decimal(string: "-0.125")!) == "-0.13")
    }

    @Test func quotedValuesKeepTheirSeparatorsAndInnerSpaces() {
        #expect(EntryLineReader.split(#"1,"a, b",c"#, separator: 0x2C) == ["1", "a, b", "c"])
        #expect(EntryLineReader.split(#"1, "Ventes d’ordinateur ", "123 ",75.00"#, separator: 0x2C) == ["1", "Ventes d’ordinateur ", "123 ", "75.00"])
        #expect(EntryLineReader.split(#""dit ""oui""",x"#, separator: 0x2C) == [#"dit "oui""#, "x"])
        #expect(EntryLineReader.split("a,,", separator: 0x2C) == ["a", "", ""])
    }

    @Test func aFixedLineIsCutAtItsPositions() throws {
        let format = try #require(kind.entryFormat(named: "GestimumComptaFixe"))
        let reader = EntryLineReader(format: format, preferences: EntryPreferences())
        let text = "1    VT2020011520200215FA000013    411C25     Vente client durand      45.73        DCHQ     S1"
        let line = reader.read(text, number: 1, as: .entry)
        #expect(line.problems.isEmpty)
        #expect(line[.journal] == "VT" && line[.date] == "15/01/2020" && line[.dueDate] == "15/02/2020")
        #expect(line[.piece] == "FA000013" && line[.account] == "411C25" && line[.label] == "Vente client durand")
        #expect(line[.amount] == "45.73" && line[.direction] == "D" && line[.paymentMode] == "CHQ" && line[.section] == "S1")
        #expect(reader.read("1    VT", number: 2, as: .entry).problems.contains(Messages.missingField("Date d’écriture")))
    }

    @Test func theFootnotedFieldsFollowThePreferences() throws {
        let format = try #require(kind.entryFormat(named: "GestimumComptaVariable"))
        let text = "1,15/01/2020,VTE,411C25,,,,EUR,10,D"
        #expect(EntryLineReader(format: format, preferences: EntryPreferences()).read(text, number: 1, as: .entry).problems.isEmpty)
        let strict = EntryLineReader(format: format, preferences: EntryPreferences(labelRequired: true, pieceRequired: true))
        #expect(strict.read(text, number: 1, as: .entry).problems == [Messages.missingField("Libellé"), Messages.missingField("Numéro de pièce")])
    }

    @Test func recordTypesComeFromTheFirstCharacterWhereTheFormatHasThem() throws {
        let variable = try #require(kind.entryFormat(named: "GestimumComptaVariable"))
        #expect(variable.recordCounts(TextLines(["1,x", "E10/04/2019,CHQ,40,4800", ">P1,S1,100", "", "2,y"])) == [.entry: 2, .dueDate: 1, .analytic: 1])
        // A due-date line is `E` and its date's first digit: an entry line may start with another `E…`.
        #expect(variable.record(of: "EX1,15/01/2020,VTE") == .entry && variable.record(of: "E,15/01/2020") == .entry)
        let gescom = try #require(kind.entryFormat(named: "GestimumGescomV15"))
        #expect(gescom.recordCounts(TextLines(["E,x", ">y"])) == [.entry: 2])
    }

    @Test func theRequestNamesOneOfTheFormats() throws {
        func decode(_ parameters: String) throws(RequestError) -> ImportRequest {
            let body = #"{"importer_ecritures": {"societe": {"fichier": "DEMO.Gestimum", "utilisateur": "DEMO"}, "parametres": {"fichier_ecritures": []\#(parameters)}}}"#
            return try RequestDecoder.decode(try! JSONParser.parse(Array(body.utf8)), kind: kind)
        }
        #expect(throws: RequestError(Messages.missingParameter("format"))) { try decode("") }
        #expect(throws: RequestError(Messages.notAString("format"))) { try decode(#", "format": 1"#) }
        let names = kind.particulars.entryFormats.map(\.name)
        #expect(throws: RequestError(Messages.unknownEntryFormat("CSV", names))) { try decode(#", "format": "CSV""#) }
        #expect(throws: RequestError(Messages.accountsFileNotRead("GestimumComptaFixe", ["EBPV5V2000", "EBPV3"]))) {
            try decode(#", "format": "GestimumComptaFixe", "fichier_comptes": ["411X,X"]"#)
        }
        #expect(throws: RequestError(Messages.linesNotAnArray("fichier_comptes"))) { try decode(#", "format": "EBPV3", "fichier_comptes": "411X""#) }
        #expect(throws: RequestError(Messages.badYesNo("peut-être", "simulation"))) { try decode(#", "format": "EBPV3", "simulation": "peut-être""#) }
        let request = try decode(#", "format": "ebpv3", "fichier_comptes": ["411X,X"], "plan_analytique": "P1", "simulation": "Oui", "tester": "Non""#)
        #expect(request.parameters.entries == EntryParameters(format: "EBPV3", accountLines: ["411X,X"], analyticPlan: "P1"))
        #expect(request.parameters.options == ["simulation"])
    }

    @Test func aClockStartMayCarryMillisecondsAndTheFolderIsStampedWithThem() throws {
        let timestamps = JournalTimestamp(timeZone: TimeZone(identifier: "UTC")!)
        let start = try #require(timestamps.parse("23/09/2019 11:47:22.048"))
        #expect(timestamps.format(start) == "23/09/2019 11:47:22")
        #expect(timestamps.folderStamp(start) == "2019-09-23-11-47-22-048")
        #expect(timestamps.folderStamp(start.addingTimeInterval(3)) == "2019-09-23-11-47-25-048")
        #expect(timestamps.formatWithMilliseconds(start) == "23/09/2019 11:47:22.048")
        #expect(timestamps.formatWithMilliseconds(try #require(timestamps.parse("23/09/2019 11:47:22"))) == "23/09/2019 11:47:22")
        #expect(timestamps.parse("23/09/2019 11:47:22.48") == nil)
        #expect(timestamps.parse("23/09/2019 11:47:22,048") == nil)
        #expect(ScenarioClock(start: "23/09/2019 11:47:22.048")?.start == "23/09/2019 11:47:22.048")
        #expect(EntryReport.workFile(folder: #"D:\Temp\"#, task: "ImporterEcritures", stamp: "s") == #"D:\Temp\ImporterEcritures\s\Ecritures.txt"#)
    }

    /// The server's `--work-folder` wins over the fixture's `dossier_travail`, which wins over the default.
    @Test(arguments: [(nil, nil, #"C:\ProgramData\Gestimum\Temp"#), (nil, #"E:\Fixture"#, #"E:\Fixture"#), (#"F:\Serveur"#, #"E:\Fixture"#, #"F:\Serveur"#)])
    func theWorkFolderComesFromTheServerThenTheFixture(_ server: String?, _ fixture: String?, _ expected: String) async throws {
        let folder = fixture.map { #""dossier_travail": "\#($0.replacingOccurrences(of: #"\"#, with: #"\\"#))","# } ?? ""
        let registry = try CompanyRegistry(fixture: TestSupport.fixture(#"""
            {\#(folder) "societes": [{"fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum", "utilisateurs": [{"code": "DEMO"}]}]}
            """#))
        let emulator = Emulator(registry: registry, clock: TestSupport.clock(), sessionIDs: .seeded(), workFolder: server)
        let body = #"{"importer_ecritures": {"societe": {"fichier": "DEMO.Gestimum", "utilisateur": "DEMO"}, "parametres": {"journal": "Oui", "format": "GestimumComptaVariable", "fichier_ecritures": []}}}"#
        let response = await emulator.handle(EmulatorRequest(method: "POST", path: kind.route, body: Array(body.utf8)))
        let answer = try #require(ImportAnswer(try JSONParser.parse(response.body)))
        #expect(answer.journalMessages?.contains("Fichier d'écritures importé : \(expected)\\ImporterEcritures\\2020-01-01-08-00-00-000\\Ecritures.txt") == true, "the folder is stamped at the opening, not once opened")
    }

    @Test func entriesJournalsAndPreferencesLastInADataFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entries-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try TestSupport.fixture(#"""
            {"dossier_travail": "E:\\Travail", "societes": [{"fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum", "utilisateurs": [{"code": "DEMO"}],
              "journaux": ["VTE"], "preferences_comptables": {"ecritures_desequilibrees": true}}]}
            """#)
        #expect(try Fixture(json: fixture.json) == fixture)
        func importUnbalanced(_ registry: CompanyRegistry) async throws -> EntryReport? {
            let clock = TestSupport.clock()
            var request = TestSupport.request(["1,15/01/2020,ACH,601000,,Achat,A1,EUR,30,D", "2,15/01/2020,ACH,401F,,Achat,A1,EUR,20,C"], header: false)
            request.parameters.entries = EntryParameters(format: "GestimumComptaVariable", accountLines: [], analyticPlan: "")
            let outcome = try await ImportTask(kind: kind, registry: registry, clock: clock, logger: Emulator(registry: registry, clock: clock).logger,
                                               workFolder: registry.workFolder ?? Emulator.defaultWorkFolder).run(request)
            guard case let .reported(journal, report) = outcome else { return nil }
            #expect(journal.contains { $0.hasSuffix(#"Fichier d'écritures importé : E:\Travail\ImporterEcritures\2020-01-01-08-00-00-000\Ecritures.txt"#) })
            return report
        }
        do {
            let registry = try CompanyRegistry(fixture: fixture, dataFolder: folder)
            #expect(try await importUnbalanced(registry)?.entryLinesImported == 2)
        }
        let reopened = try CompanyRegistry.open(dataFolder: folder, fallback: fixture)
        #expect(reopened.workFolder == #"E:\Travail"#)
        #expect(try await importUnbalanced(reopened)?.entryLinesImported == 2, "the preference survives the reopening")
        let company = try #require(try await StateDocument.build(reopened)["societes"]?.arrayValue?.first)
        #expect(company["ecritures"]?.arrayValue?.count == 2)
        #expect(company["journaux"] == .array(["ACH", "VTE"]))
        #expect(company["comptes"]?.arrayValue?.map { $0["CPT_NUMERO"] } == ["601000", "401F"])
        #expect(company["comptes"]?.arrayValue?.last?["CPT_TYPE"] == "F")
    }

    @Test func theReportsCountsAreItsStatistics() {
        var report = EntryReport()
        report.entryLinesImported = 3
        report.error(.entry, line: 5, "b")
        report.error(.dueDate, line: 2, "a")
        report.warning(.account, line: 9, "c")
        report.sort()
        let lines = report.journalLines(workFile: "W")
        #expect(lines.contains("ERREURS : 2") && lines.contains("AVERTISSEMENTS : 1"))
        #expect(lines.firstIndex(of: "ERR H2 : a")! < lines.firstIndex(of: "ERR E5 : b")!)
        #expect(lines.contains("AV Compte 9 : c"))
        #expect(report.statistics.map(\.value) == ["2", "1", "3", "0", "0", "0", "0", "0"])
        #expect(report.statistics.first?.key == "nombre_erreurs" && report.statistics.last?.key == "nombre_lignes_analytiques_rejetées")
    }
}
