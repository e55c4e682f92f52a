import Testing
@testable import GestimumEmulator

/// DataSnap REST routing (spec §1; decisions D1 to D4).
@Suite struct RoutingTests {
    // MARK: Reading the URL

    private func resolve(_ method: String, _ path: String) -> DataSnapRoute? {
        DataSnapRoute(method: method, rawPath: path)
    }

    @Test func quotedMethodIsPercentDecodedAndUnquoted() throws {
        let route = try #require(resolve("POST", "/api/rest/Contacts/%22Importer%22"))
        #expect(route.className == "Contacts")
        #expect(route.methodName == "Importer")
        #expect(resolve("POST", #"/api/rest/Contacts/"Importer""#)?.methodName == "Importer")
        #expect(resolve("POST", "/api/rest/Cont%61cts/%22Imp%6Frter%22")?.className == "Contacts")
        #expect(resolve("POST", "/api/rest/Cont%61cts/%22Imp%6Frter%22")?.methodName == "Importer")
    }

    @Test(arguments: ["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS"])
    func quotedNameIsCalledWhateverTheVerb(_ method: String) {
        #expect(resolve(method, "/api/rest/Contacts/%22Importer%22")?.methodName == "Importer")
    }

    @Test(arguments: [("GET", "Importer"), ("POST", "updateImporter"), ("PUT", "acceptImporter"),
                      ("DELETE", "cancelImporter"), ("HEAD", "Importer"), ("PATCH", "Importer"), ("OPTIONS", "Importer")])
    func unquotedNameGetsTheVerbPrefix(_ method: String, _ resolved: String) {
        #expect(resolve(method, "/api/rest/Contacts/Importer")?.methodName == resolved)
    }

    @Test func namesCompareCaseInsensitively() throws {
        let route = try #require(resolve("GET", "/api/rest/CONTACTS/%22importer%22"))
        #expect(route.className == "CONTACTS")
        #expect(route.names("Contacts", "Importer"))
        #expect(!route.names("Contacts", "updateImporter"))
        #expect(!route.names("Outils", "Importer"))
    }

    @Test func trailingSlashExtraSegmentsAndQueryAreIgnored() {
        for path in ["/api/rest/Contacts/%22Importer%22/", "/api/rest/Contacts/%22Importer%22/x/y",
                     "/api/rest/Contacts/%22Importer%22?a=1&b=%22x%22", "/api/rest/Contacts/%22Importer%22/?a=b/c"] {
            let route = resolve("POST", path)
            #expect(route?.className == "Contacts", "\(path)")
            #expect(route?.methodName == "Importer", "\(path)")
        }
    }

    @Test(arguments: ["/", "", "/api/rest", "/api/res/Contacts/%22Importer%22", "/x/api/rest/Contacts/%22Importer%22",
                      "/api/Contacts/%22Importer%22"])
    func pathsOutsideAPIRest(_ path: String) {
        #expect(resolve("POST", path) == nil)
    }

    @Test func malformedPercentEscapesStayAsWritten() {
        #expect(DataSnapRoute.percentDecode("a%2") == "a%2")
        #expect(DataSnapRoute.percentDecode("%zz%41") == "%zzA")
        #expect(DataSnapRoute.percentDecode("%C3%A9t%C3%A9") == "été")
    }

    // MARK: Through the entry point

    private func handle(_ method: String, _ path: String, body: [UInt8] = [], fixture: Fixture = .demo) async throws -> EmulatorResponse {
        let emulator = Emulator(registry: try CompanyRegistry(fixture: fixture), clock: TestSupport.clock(), sessionIDs: .seeded())
        return await emulator.handle(EmulatorRequest(method: method, path: path, body: body))
    }

    private static let importBody = TestSupport.body(lines: ["CCT_CODE;CCT_NOM", "A;a"], parametres: #""entete": "Oui""#)
    private static let imported = #"{"result":[{"resultat":"succ\u00E8s","message":"termin\u00E9"}]}"#

    private func notFound(_ className: String, _ method: String) -> String {
        #"{"error":"\#(className).\#(method) method not found in the server method list"}"#
    }

    @Test(arguments: [
        ("POST", "/api/rest/Contacts/%22Importer%22"), ("GET", "/api/rest/Contacts/%22Importer%22"),
        ("PUT", "/api/rest/Contacts/%22Importer%22"), ("DELETE", "/api/rest/Contacts/%22Importer%22"),
        ("POST", "/api/rest/contacts/%22IMPORTER%22"), ("POST", "/api/rest/Contacts/%22Importer%22/"),
        ("POST", #"/api/rest/Contacts/"Importer""#), ("GET", "/api/rest/Contacts/Importer"),
        ("POST", "/api/rest/Contacts/%22Importer%22?journal=Oui"),
    ])
    func routesThatImport(_ method: String, _ path: String) async throws {
        let response = try await handle(method, path, body: Self.importBody)
        #expect(response.status == 200)
        #expect(TestSupport.text(response.body) == Self.imported)
    }

    @Test func unquotedPostIsUpdateImporter() async throws {
        let response = try await handle("POST", "/api/rest/Contacts/Importer", body: Self.importBody)
        #expect(response.status == 500)
        #expect(TestSupport.text(response.body) == #"{"error":"Contacts.updateImporter method not found in the server method list"}"#)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("Pragma") != nil)
    }

    @Test func unquotedPutAndDeleteGetTheirPrefixes() async throws {
        #expect(TestSupport.text(try await handle("PUT", "/api/rest/Contacts/Importer").body) == notFound("Contacts", "acceptImporter"))
        #expect(TestSupport.text(try await handle("DELETE", "/api/rest/Contacts/Importer/").body) == notFound("Contacts", "cancelImporter"))
    }

    @Test func namesInTheMessageAreAsResolved() async throws {
        #expect(TestSupport.text(try await handle("POST", "/api/rest/contacts/importer").body) == notFound("contacts", "updateimporter"))
        #expect(TestSupport.text(try await handle("GET", "/api/rest/SousFamilles/%22Importer%22").body) == notFound("SousFamilles", "Importer"))
        #expect(TestSupport.text(try await handle("GET", "/api/rest/Contacts/%22Exporter%22").body) == notFound("Contacts", "Exporter"))
        #expect(TestSupport.text(try await handle("POST", "/api/rest/Outils/Version").body) == notFound("Outils", "updateVersion"))
        #expect(try await handle("GET", "/api/rest/SousFamilles/%22Importer%22").status == 500)
    }

    /// D1: 404 outside /api/rest.
    @Test func outsideAPIRestIs404() async throws {
        let response = try await handle("GET", "/index.html")
        #expect(response.status == 404)
        #expect(TestSupport.text(response.body) == #"{"error":"\/index.html not found"}"#)
        #expect(response.header("Pragma")?.hasPrefix("dssession=") == true)
        #expect(response.header("Content-Type") == "application/json")
        #expect(TestSupport.text(try await handle("POST", "/api/Contacts/%22Importer%22", body: Self.importBody).body)
            == #"{"error":"\/api\/Contacts\/%22Importer%22 not found"}"#)
    }

    @Test(arguments: ["/api/rest/Outils/%22Version%22", "/api/rest/outils/%22version%22/", "/api/rest/Outils/Version",
                      "/api/rest/Outils/%22Version%22?x=1"])
    func outilsVersion(_ path: String) async throws {
        let response = try await handle("GET", path)
        #expect(response.status == 200)
        #expect(TestSupport.text(response.body) == #"{"result":[{"resultat":"succ\u00E8s","message":"2.0.0 (18\/09\/2019 14:37:08)"}]}"#)
        #expect(response.header("Content-Type") == "application/json")
    }

    @Test func outilsVersionQuotedAnswersAnyVerb() async throws {
        #expect(try await handle("POST", "/api/rest/Outils/%22Version%22", body: Array("ignored".utf8)).status == 200)
    }

    @Test func outilsVersionERPDefault() async throws {
        let response = try await handle("GET", "/api/rest/Outils/%22VersionERP%22")
        #expect(TestSupport.text(response.body) == #"{"result":[{"resultat":"succ\u00E8s","message":"9.0.0.0 (01\/01\/2020 00:00:00)"}]}"#)
        let unset = try await handle("GET", "/api/rest/Outils/VersionERP", fixture: try TestSupport.company())
        #expect(TestSupport.text(unset.body) == #"{"result":[{"resultat":"succ\u00E8s","message":"9.0.0.0 (01\/01\/2020 00:00:00)"}]}"#)
    }

    @Test func outilsVersionERPFromTheFixture() async throws {
        let old = try TestSupport.company(erpVersion: "8.1.0.2 (15/03/2018 10:00:00)")
        let response = try await handle("GET", "/api/rest/Outils/%22VersionERP%22", fixture: old)
        #expect(response.status == 200)
        #expect(TestSupport.text(response.body) == #"{"result":[{"resultat":"succ\u00E8s","message":"8.1.0.2 (15\/03\/2018 10:00:00)"}]}"#)
    }

    // MARK: Protocol errors

    @Test(arguments: ["{", #"{"importer_contacts": }"#, "{} x", "[1,]", "nul", #"{'a': 1}"#])
    func invalidJSONIs500(_ body: String) async throws {
        let response = try await handle("POST", "/api/rest/Contacts/%22Importer%22", body: Array(body.utf8))
        #expect(response.status == 500)
        #expect(TestSupport.text(response.body) == #"{"error":"Message content is not a valid JSON value."}"#)
    }

    @Test func invalidUTF8BodyIs500() async throws {
        let response = try await handle("POST", "/api/rest/Contacts/%22Importer%22", body: [0x22, 0xFF, 0x22])
        #expect(response.status == 500)
        #expect(TestSupport.text(response.body) == #"{"error":"Message content is not a valid JSON value."}"#)
    }

    @Test func requestContentTypeIsNotChecked() async throws {
        let emulator = Emulator(registry: try CompanyRegistry(fixture: .demo), clock: TestSupport.clock(), sessionIDs: .seeded())
        let response = await emulator.handle(EmulatorRequest(
            method: "POST", path: "/api/rest/Contacts/%22Importer%22/",
            headers: [("Content-Type", "text/plain;charset=UTF-8")], body: Self.importBody))
        #expect(TestSupport.text(response.body) == Self.imported)
    }
}
