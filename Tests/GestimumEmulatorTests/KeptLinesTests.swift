import Foundation
import Testing
@testable import GestimumEmulator

/// The import reads `fichier_contacts` into ``TextLines`` while it parses
/// (D66); everything it answers must be what reading the whole tree gives.
@Suite struct KeptLinesTests {
    private func kept(_ text: String) throws -> (value: JSONValue, lines: TextLines?) {
        try JSONParser.parse(Array(text.utf8), keepingLinesAt: RequestDecoder.linesPath)
    }

    @Test func linesLeaveTheTreeAndKeepTheirText() throws {
        let body = #"{"importer_contacts":{"societe":{"fichier":"F","utilisateur":"U"},"parametres":{"fichier_contacts":["a;b","\u00e9\/\"x\"","",  "\ud83d\ude00\r\n"]}}}"#
        let (value, lines) = try kept(body)
        #expect(lines == ["a;b", "é/\"x\"", "", "😀\r\n"])
        #expect(value["importer_contacts"]?["parametres"]?["fichier_contacts"] == .array([]))
        let request = try RequestDecoder.decode(value, lines: lines)
        #expect(request == (try RequestDecoder.decode(JSONParser.parse(body))))
    }

    @Test func onlyTheFirstPairOfEachKeyOnThePath() throws {
        let body = #"{"importer_contacts":{"parametres":{"fichier_contacts":null,"fichier_contacts":["x"]}}}"#
        let (value, lines) = try kept(body)
        #expect(lines == nil)
        #expect(value == (try JSONParser.parse(body)))
        let second = #"{"importer_contacts":{"parametres":{"fichier_contacts":["a"]}},"importer_contacts":{"parametres":{"fichier_contacts":["b"]}}}"#
        #expect(try kept(second).lines == ["a"])
    }

    @Test func invalidUTF8InALineIsTheSameParseError() {
        var body = Array(#"{"importer_contacts":{"parametres":{"fichier_contacts":["ab"]}}}"#.utf8)
        body.insert(0xFF, at: body.firstIndex(of: UInt8(ascii: "b"))!)
        var offsets: [Int] = []
        do { _ = try JSONParser.parse(body) } catch { offsets.append(error.offset) }
        do { _ = try JSONParser.parse(body, keepingLinesAt: RequestDecoder.linesPath) } catch { offsets.append(error.offset) }
        #expect(offsets.count == 2 && offsets[0] == offsets[1])
    }
}

/// ``ImportResponse/bytes(for:journal:statistics:)`` writes the journal
/// from its lines; the bytes are those of the tree written by the wire writer.
@Suite struct ImportResponseBytesTests {
    static let journal = TextLines([
        "01/01/2020 08:00:00 " + Messages.opening("C:\\ProgramData\\Gestimum\\DEMO.Gestimum"), "01/01/2020 08:00:05 " + Messages.lineRejected(2),
        "\"quoted\" / \u{7F}\u{01}", "😀 é ü", "",
    ])

    @Test(arguments: [
        ImportOutcome.completed(journal: journal, imported: 3, rejected: 2),
        ImportOutcome.completed(journal: [], imported: 0, rejected: 0),
        ImportOutcome.taskFailure(message: Messages.wrongPassword("DEMO"), journal: journal),
        ImportOutcome.requestError(Messages.missingParameter("fichier")),
    ])
    func sameBytesAsTheTree(_ outcome: ImportOutcome) {
        for (journal, statistics) in [(true, true), (true, false), (false, true), (false, false)] {
            let expected = DataSnapJSONWriter.bytes(ImportResponse.body(for: outcome, journal: journal, statistics: statistics))
            let actual = ImportResponse.bytes(for: outcome, journal: journal, statistics: statistics)
            #expect(actual == expected, "journal \(journal), statistics \(statistics): \(String(decoding: actual, as: UTF8.self))")
        }
    }

    @Test func escapedLengthIsExact() {
        var out: [UInt8] = []
        var first = true
        Self.journal.forEachLineBytes { line in
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            DataSnapJSONWriter.writeString(utf8: line, into: &out)
            return true
        }
        #expect(DataSnapJSONWriter.escapedLength(of: Self.journal) == out.count)
    }
}
