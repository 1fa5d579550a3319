#!/usr/bin/env python3
"""Measures `iopsite serve` from saving a file to the served page showing the change.

For each kind of edit, the script saves a file, then waits until the live-reload stream names the page
and a GET of that page returns the new text; the time between the save and that answer is one sample.
It restores every file it touched. Usage:

    python3 Scripts/serve-latency.py [--binary .build/release/iopsite] [--root .] [--runs 20] [--only listing]
"""
import argparse, http.client, json, os, re, socket, statistics, subprocess, sys, threading, time

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

class Events(threading.Thread):
    """Reads the server's Server-Sent Events and keeps the routes of every change event."""
    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.changes, self.lock = port, [], threading.Condition()
    def run(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port)
        connection.request("GET", "/__iopsite/events")
        response = connection.getresponse()
        event = None
        for raw in response:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "change":
                with self.lock:
                    self.changes.append((time.perf_counter(), json.loads(line[6:])["routes"]))
                    self.lock.notify_all()
    def wait_for(self, route, since, timeout=30):
        deadline = time.time() + timeout
        with self.lock:
            while time.time() < deadline:
                for at, routes in self.changes:
                    if at >= since and route in routes:
                        return at
                self.lock.wait(0.05)
        raise TimeoutError(route)

def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", path)
    return connection.getresponse().read().decode()

def measure(port, events, path, route, make_text, expect, runs):
    original = open(path, encoding="utf-8").read()
    samples = []
    try:
        for run in range(runs):
            text, needle = make_text(original, run), expect(run)
            time.sleep(0.3)
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            events.wait_for(route, start)
            while needle not in get(port, route):
                time.sleep(0.001)
            samples.append((time.perf_counter() - start) * 1000)
    finally:
        with open(path, "w", encoding="utf-8") as file:
            file.write(original)
        time.sleep(1)
    return samples

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/iopsite")
    parser.add_argument("--root", default=".")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", default="", help="measure only the kinds of edit whose name contains this text")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--root", root, "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        for line in server.stderr:
            if line.startswith("Built "):
                break
        threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
        events = Events(port)
        events.start()
        time.sleep(0.5)
        guide = os.path.join(root, "Content/guide/intensive-outpatient-program.md")
        editor = os.path.join(root, "Content/directory/ca.yaml")
        created = not os.path.exists(editor)
        imported = open(os.path.join(root, "Content/directory/imported/ca.yaml"), encoding="utf-8").read()
        first_id = re.search(r"- id: (\S+)", imported).group(1)
        first_slug = re.search(r"slug: (\S+)", imported).group(1)
        if created:
            with open(editor, "w", encoding="utf-8") as file:
                file.write("facilities:\n  - id: %s\n    name2: Edit 0\n" % first_id)
            time.sleep(2)
        layout = os.path.join(root, "Templates/layout.mustache")
        kinds = {
            "guide Markdown": lambda: measure(port, events, guide, "/intensive-outpatient-program/",
                                      lambda text, n: text.replace("\n## ", "\nEdit number %d.\n\n## " % n, 1),
                                      lambda n: "Edit number %d." % n, args.runs),
            "one listing in Content/directory/ca.yaml": lambda: measure(port, events, editor, "/rehab-centers/california/%s/" % first_slug,
                                      lambda text, n: "facilities:\n  - id: %s\n    name2: Edit %d\n" % (first_id, n + 1),
                                      lambda n: "Edit %d" % (n + 1), args.runs),
            "a listing's description (Markdown) in ca.yaml": lambda: measure(port, events, editor, "/rehab-centers/california/%s/" % first_slug,
                                      lambda text, n: "facilities:\n  - id: %s\n    description: |\n      Offers *evening* groups: description edit %d.\n" % (first_id, n),
                                      lambda n: "description edit %d." % n, args.runs),
            "layout template (every page)": lambda: measure(port, events, layout, "/",
                                      lambda text, n: text.replace("</body>", "<!-- edit %d --></body>" % n, 1),
                                      lambda n: "<!-- edit %d -->" % n, max(3, args.runs // 4)),
        }
        results = {name: run() for name, run in kinds.items() if args.only in name}
        if created:
            os.remove(editor)
        for name, samples in results.items():
            print("%-50s median %7.1f ms  min %7.1f  max %7.1f  (n=%d)" % (name, statistics.median(samples), min(samples), max(samples), len(samples)))
    finally:
        server.terminate()
        server.wait()

if __name__ == "__main__":
    sys.exit(main())
