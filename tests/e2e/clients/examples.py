"""Call every operation of the Sahel Pulse API with its documented examples, from Python's standard
library only (no third-party package), as a Python user would: read the served OpenAPI document,
build each request from the parameters' examples, and check the answer against the document
(status 200, the documented media type, JSON that names the example's dataset version, CSV with a
header and rows that end with it). A request with a bad value must be a 400 problem+json saying
what to fix.

Usage: python3 examples.py <origin>   (prints one JSON object; exit status 1 if any check failed)
Run by tests/e2e/api-clients.test.ts against `wrangler dev`.
"""

import csv
import io
import json
import sys
import urllib.error
import urllib.parse
import urllib.request


def fetch(url):
    """GET url; (status, media type, body text), HTTP errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as res:
            return res.status, res.headers.get_content_type(), res.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get_content_type(), e.read().decode("utf-8")


def main(origin):
    status, _, text = fetch(origin + "/api/v1/openapi.json")
    if status != 200:
        raise SystemExit(f"the document: status {status}")
    doc = json.loads(text)
    base = origin + doc["servers"][0]["url"]
    results = []
    for path, methods in doc["paths"].items():
        op = methods["get"]
        params = op.get("parameters", [])
        query = {p["name"]: p["schema"]["example"] for p in params if "example" in p.get("schema", {})}
        missing = [p["name"] for p in params if p.get("required") and p["name"] not in query]
        documented = list(op["responses"]["200"]["content"])
        url = base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        status, media, body = fetch(url)
        result = {"operationId": op["operationId"], "url": url, "status": status, "type": media, "errors": []}
        if missing:
            result["errors"].append(f"required parameters without an example: {missing}")
        if status != 200:
            result["errors"].append(f"status {status}: {body[:300]}")
        elif media not in documented:
            result["errors"].append(f"media type {media}, documented {documented}")
        elif media == "application/json":
            data = json.loads(body)
            # A dataset document names its version; the last refresh (getLastRefresh) names the version served.
            result["version"] = data["dataset"]["version"] if "dataset" in data else data["served"]
            if "points" in data:
                result["points"] = [[p.get("month") or p.get("week"), p["value"]] for p in data["points"]]
        elif media == "text/csv":
            rows = list(csv.reader(io.StringIO(body)))
            result["header"] = rows[0]
            result["rows"] = len(rows) - 1
            result["version"] = rows[1][rows[0].index("dataset_version")] if len(rows) > 1 else None
        if "version" in query and result.get("version") != query["version"]:
            result["errors"].append(f"answered dataset {result.get('version')}, the example names {query['version']}")
        results.append(result)

    # A bad value: a 400 problem naming the parameter.
    bad = dict(country="XX", category="political_violence", measure="events")
    status, media, body = fetch(base + "/series?" + urllib.parse.urlencode(bad))
    problem = json.loads(body)
    out = {
        "operations": results,
        "problem": {"status": status, "type": media, "detail": problem.get("detail")},
        "ok": all(not r["errors"] for r in results) and status == 400 and media == "application/problem+json",
    }
    print(json.dumps(out))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python3 examples.py <origin>")
    sys.exit(main(sys.argv[1].rstrip("/")))
