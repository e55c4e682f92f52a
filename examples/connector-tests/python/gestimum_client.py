"""A small Gestimum Web Service 2 client, written the way a connector calls
the service: one POST per import, the DataSnap session kept from one answer
to the next through the `Pragma` header. Standard library only."""

import http.client
import json
import re
import urllib.parse

IMPORT_PATH = "/api/rest/Contacts/%22Importer%22"


class SessionExpired(Exception):
    """HTTP 403 with `SessionExpired`: the session must be started again."""


class ServerError(Exception):
    """A 5xx answer (`{"error": ...}`)."""

    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class GestimumClient:
    """Imports contacts into one company, reusing the DataSnap session."""

    def __init__(self, base_url, company="DEMO.Gestimum", user="DEMO", password="", timeout=30):
        url = urllib.parse.urlsplit(base_url)
        self.host, self.port = url.hostname, url.port or 80
        self.company, self.user, self.password = company, user, password
        self.timeout = timeout
        self.session = None

    def request(self, method, path, body=None, headers=None):
        """One exchange on a fresh connection: (status, headers, body bytes)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.putrequest(method, path)
            for name, value in headers or []:
                connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Type", "application/json")
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders()
            if body is not None:
                connection.send(body)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def import_contacts(self, lines, journal=True, statistics=True, header=True):
        """Sends the lines (`CCT_CODE;CCT_NOM;…` first when `header`) and
        returns the `result[0]` object: `resultat`, `message`, `journal`, `statistiques`."""
        body = json.dumps({"importer_contacts": {
            "societe": {"fichier": self.company, "utilisateur": self.user, "mot_passe": self.password,
                        "deconnecter": "Non", "exclusif": "Non"},
            "parametres": {"journal": "Oui" if journal else "Non", "statistiques": "Oui" if statistics else "Non",
                           "entete": "Oui" if header else "Non", "noms_champs": "", "separateur_champs": ";",
                           "identificateur_texte": "", "fichier_contacts": lines},
        }}).encode("utf-8")
        headers = [("Pragma", f"dssession={self.session}")] if self.session else []
        status, response_headers, answer = self.request("POST", IMPORT_PATH, body, headers)
        if status == 403:
            self.session = None
            raise SessionExpired(answer.decode("utf-8"))
        if status >= 500:
            raise ServerError(status, answer.decode("utf-8"))
        for name, value in response_headers:
            match = re.search(r"dssession=([^,\s]+)", value) if name.lower() == "pragma" else None
            if match:
                self.session = match.group(1)
        return json.loads(answer)["result"][0]


class EmulatorControl:
    """The emulator's control API (`gestimum serve --control`), for tests."""

    def __init__(self, base_url, timeout=30):
        self.client = GestimumClient(base_url, timeout=timeout)

    def call(self, method, path, document=None, raw=None):
        body = raw if raw is not None else (json.dumps(document).encode("utf-8") if document is not None else None)
        status, _, answer = self.client.request(method, "/_emulator/" + path, body)
        return status, json.loads(answer)

    def _ok(self, method, path, document=None):
        status, answer = self.call(method, path, document)
        if status != 200:
            raise AssertionError(f"{method} /_emulator/{path} answered {status}: {answer}")
        return answer

    def reset(self, fixture=None, clock=None):
        document = {}
        if fixture is not None:
            document["fixture"] = fixture
        if clock is not None:
            document["clock"] = clock
        return self._ok("POST", "reset", document)

    def state(self):
        return self._ok("GET", "state")

    def clock(self):
        return self._ok("GET", "clock")

    def advance(self, seconds):
        return self._ok("POST", "clock", {"advance_seconds": seconds})

    def arm(self, action, match=None, times=1, after=0):
        return self._ok("POST", "faults", {"match": match or {}, "action": action, "times": times, "after": after})

    def faults(self):
        return self._ok("GET", "faults")["faults"]

    def requests(self, limit=None):
        return self._ok("GET", "requests" + (f"?limit={limit}" if limit is not None else ""))["requests"]

    def clear_requests(self):
        self._ok("DELETE", "requests")
