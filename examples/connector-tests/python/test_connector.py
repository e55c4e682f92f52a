"""A connector's own tests against `gestimum serve --control`: known state
per test (reset), time that passes on demand (clock), a server that fails on
demand (faults), what the connector sent (request log), and real latency.

    GESTIMUM_URL            the server (default http://127.0.0.1:8080)
    GESTIMUM_DATA           its --data folder, if any (checks no file is left behind)
    GESTIMUM_REALISTIC_URL  a server started with --latency realistic (latency tests)
    GESTIMUM_IDLE_TIMEOUT   the first server's --idle-timeout, if short (trickled headers test)
"""

import http.client
import json
import os
import socket
import time
import unittest
import urllib.parse

from gestimum_client import IMPORT_PATH, EmulatorControl, GestimumClient, ServerError, SessionExpired

URL = os.environ.get("GESTIMUM_URL", "http://127.0.0.1:8080")
DATA = os.environ.get("GESTIMUM_DATA")
REALISTIC_URL = os.environ.get("GESTIMUM_REALISTIC_URL")
IDLE_TIMEOUT = os.environ.get("GESTIMUM_IDLE_TIMEOUT")
LINES = ["CCT_CODE;CCT_NOM;CCT_ORIGIN", "CONTACT1;Contact1;CLIENT1", "CONTACT2;Contact2;CLIENT1", "CONTACT3;Contact3;CLIENT2"]


def files(folder):
    return sorted(os.path.relpath(os.path.join(root, name), folder)
                  for root, _, names in os.walk(folder) for name in names)


class ConnectorTests(unittest.TestCase):
    def setUp(self):
        self.control = EmulatorControl(URL)
        self.control.reset(clock={"start": "13/09/2019 14:30:38", "open_seconds": 5, "import_seconds": 1})
        self.client = GestimumClient(URL)

    # Reset

    def test_empty_and_named_resets(self):
        status, _, _ = self.client.request("POST", "/_emulator/reset", b"")
        self.assertEqual(status, 200)
        self.assertEqual(self.control.call("POST", "reset", {"fixture": "demo"})[0], 200)
        self.assertEqual(self.control.call("POST", "reset", {"fixture": "existing-contacts"})[0], 200)
        numbers = [c["CCT_NUMERO"] for c in self.control.state()["societes"][0]["contacts"]]
        self.assertEqual(numbers, ["0000000007", "0000000041"])

    def test_a_bad_fixture_changes_nothing(self):
        self.client.import_contacts(LINES)
        before = self.control.state()
        before_files = files(DATA) if DATA else None
        fixture = {"societes": [{"fichier": "C:\\ProgramData\\Gestimum\\DEMO.Gestimum",
                                 "utilisateurs": [{"code": "U"}, {"code": "u"}]}]}
        status, answer = self.control.call("POST", "reset", {"fixture": fixture})
        self.assertEqual(status, 400)
        self.assertIn("fixture.societes[0].utilisateurs[1].code", answer["error"])
        for word in ("INSERT", "UNIQUE", "SQL", "constraint"):
            self.assertNotIn(word, answer["error"])
        self.assertEqual(self.control.state(), before)
        if DATA:
            self.assertEqual(files(DATA), before_files)

    def test_bad_control_calls_name_the_path(self):
        cases = [
            ("reset", b"{", "not valid JSON"),
            ("reset", {"fixture": 3}, "fixture"),
            ("reset", {"fixtur": "demo"}, "fixtur: unknown key"),
            ("reset", {"fixture": "nope"}, "no fixture named \"nope\""),
            ("reset", {"clock": {"open_seconds": -1}}, "clock.open_seconds"),
            ("clock", {"advance_seconds": -5}, "advance_seconds"),
            ("faults", {"action": {"status": 500}, "times": -1}, "times"),
            ("faults", {"action": {"explode": True}}, "action: unknown action"),
        ]
        for path, document, expected in cases:
            with self.subTest(path=path, document=document):
                raw = document if isinstance(document, bytes) else None
                status, answer = self.control.call("POST", path, None if raw else document, raw=raw)
                self.assertEqual(status, 400)
                self.assertIn(expected, answer["error"])
        self.assertEqual(self.control.faults(), [])

    # Clock

    def test_sessions_age_with_the_emulator_clock(self):
        # No time passes inside the imports: the session's last use is the clock's time.
        self.control.reset(clock={"start": "13/09/2019 14:30:38"})
        self.client.import_contacts(LINES[:2])
        self.control.advance(1199)
        self.assertEqual(self.client.import_contacts(["CCT_CODE;CCT_NOM", "C2;Deux"])["resultat"], "succès")
        self.control.advance(1201)
        with self.assertRaises(SessionExpired):
            self.client.import_contacts(["CCT_CODE;CCT_NOM", "C3;Trois"])
        self.assertEqual(self.control.clock()["now"], "13/09/2019 15:10:38")

    # Faults and the request log

    def test_an_armed_500_fires_once_then_the_import_works(self):
        fault = self.control.arm({"status": 500}, match={"path": "/api/rest/contacts/\"importer\""})
        with self.assertRaises(ServerError) as failure:
            self.client.import_contacts(LINES)
        self.assertEqual(failure.exception.status, 500)
        self.assertEqual(self.client.import_contacts(LINES)["statistiques"]["nombre_lignes_importées"], "3")
        log = self.control.requests()
        self.assertEqual([(r["status"], r["fault"]) for r in log], [(500, fault["id"]), (200, None)])
        self.assertEqual(log[1]["imported"], 3)
        self.assertEqual(self.control.faults()[0]["hits_left"], 0)

    def test_a_delay_holds_the_answer(self):
        self.control.arm({"delay_ms": 1500})
        started = time.monotonic()
        self.client.import_contacts(LINES)
        self.assertGreaterEqual(time.monotonic() - started, 1.5)
        self.assertEqual(len(self.control.requests(limit=1)), 1)

    def test_a_dropped_connection(self):
        self.control.arm({"drop": True}, times=1)
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
            self.client.import_contacts(LINES)
        self.assertEqual(self.client.import_contacts(LINES)["resultat"], "succès")
        self.assertEqual([r["status"] for r in self.control.requests()], [None, 200])

    def test_an_expired_session_on_demand(self):
        self.client.import_contacts(LINES[:2])
        self.control.arm({"expire_session": True}, match={"session": self.client.session})
        with self.assertRaises(SessionExpired):
            self.client.import_contacts(LINES[:1] + ["C9;Neuf;CLIENT1"])
        self.assertEqual(self.client.import_contacts(LINES[:1] + ["C9;Neuf;CLIENT1"])["resultat"], "succès")

    def test_what_the_connector_sent(self):
        self.client.import_contacts(LINES)
        self.client.import_contacts(["CCT_CODE;CCT_NOM", "X;"])
        log = self.control.requests()
        self.assertEqual([r["path"] for r in log], [IMPORT_PATH, IMPORT_PATH])
        self.assertEqual(log[0]["session"], log[1]["session"])
        self.assertEqual((log[1]["imported"], log[1]["rejected"]), (0, 1))
        self.control.clear_requests()
        self.assertEqual(self.control.requests(), [])

    # Protocol details a connector meets

    def test_pragma_on_two_lines_is_one_list(self):
        self.client.import_contacts(LINES[:2])
        status, headers, _ = self.client.request(
            "POST", IMPORT_PATH, json.dumps({}).encode(),
            [("Pragma", "no-cache"), ("Pragma", f"dssession={self.client.session}")])
        pragma = dict((name.lower(), value) for name, value in headers)["pragma"]
        self.assertIn(f"dssession={self.client.session},", pragma)

    def test_a_byte_order_mark_is_invalid_json(self):
        body = "\ufeff".encode("utf-8") + json.dumps({"importer_contacts": {}}).encode()
        status, _, answer = self.client.request("POST", IMPORT_PATH, body)
        self.assertEqual((status, json.loads(answer)), (500, {"error": "Message content is not a valid JSON value."}))

    @unittest.skipUnless(IDLE_TIMEOUT, "set GESTIMUM_IDLE_TIMEOUT to the server's short --idle-timeout")
    def test_a_client_trickling_its_headers_is_disconnected(self):
        url = urllib.parse.urlsplit(URL)
        timeout = float(IDLE_TIMEOUT)
        with socket.create_connection((url.hostname, url.port), timeout=timeout * 4) as connection:
            started = time.monotonic()
            closed = False
            for byte in b"POST /api/rest/Contacts/%22Importer%22 HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 200:
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    closed = True
                    break
                time.sleep(0.25)
                if time.monotonic() - started > timeout * 4:
                    break
            if not closed:
                try:
                    closed = connection.recv(1) == b""
                except OSError:
                    closed = True
        self.assertTrue(closed)
        self.assertLess(time.monotonic() - started, timeout * 4)


@unittest.skipUnless(REALISTIC_URL, "set GESTIMUM_REALISTIC_URL to a server started with --latency realistic")
class LatencyTests(unittest.TestCase):
    def test_the_documented_request_takes_as_long_as_its_journal(self):
        EmulatorControl(REALISTIC_URL).reset()
        client = GestimumClient(REALISTIC_URL)
        started = time.monotonic()
        result = client.import_contacts(LINES)
        elapsed = time.monotonic() - started
        self.assertGreaterEqual(elapsed, 5.5)
        stamps = [time.strptime(line[:19], "%d/%m/%Y %H:%M:%S") for line in result["journal"]]
        self.assertEqual(time.mktime(stamps[1]) - time.mktime(stamps[0]), 5)
        self.assertEqual(time.mktime(stamps[-1]) - time.mktime(stamps[0]), 6)

    def test_versions_are_answered_while_a_company_waits(self):
        import threading
        EmulatorControl(REALISTIC_URL).reset()
        worker = threading.Thread(target=lambda: GestimumClient(REALISTIC_URL).import_contacts(LINES))
        worker.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, _, _ = GestimumClient(REALISTIC_URL).request("GET", "/api/rest/Outils/%22Version%22")
        self.assertEqual(status, 200)
        self.assertLess(time.monotonic() - started, 2)
        worker.join()


if __name__ == "__main__":
    unittest.main()
