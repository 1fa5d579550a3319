"""Drives headless Chromium over the search page (/rehab-centers/find/) of a built site served on loopback.

Run by the Swift test SearchBrowserTests, which starts the server and owns this process group; prints one
JSON document on standard output. Commands:

  queries   runs each query of a JSON file (a point given as the device's position, or a text typed in the
            field; a radius; filters) and returns every result's link and distance, in page order
  keyboard  a search by ZIP code, a choice between places of one name and "Use my location", by keyboard alone
  nojs      the page with JavaScript turned off
  bench     a 25-mile search around a ZIP code from a cold cache: the requests, their bytes, and the time from
            the last data arriving to the results drawn (run several times)
"""
import argparse
import json
import sys
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from page_check import browser, console_problems, focus_by_tab, wait_until

PAGE = "rehab-centers/find/"


def allow_location(driver, base, lat=0.0, lon=0.0):
    origin = base.rstrip("/")
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin, "permissions": ["geolocation"]})
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": lat, "longitude": lon, "accuracy": 1})


def finished(driver, run):
    """Waits until the page has drawn the results of search number `run` (counted by the page's status)."""
    return wait_until(lambda: driver.execute_script(
        "var l = document.querySelector('.search-results'); return l.getAttribute('data-state') === 'done' && l.getAttribute('data-run') === arguments[0];",
        str(run)), 60)


def results(driver):
    return driver.execute_script("""
        return Array.prototype.map.call(document.querySelectorAll('.search-results li'), function (item) {
          return [item.querySelector('.result-name a').getAttribute('href'), item.getAttribute('data-distance-miles')];
        });""")


def run_queries(args):
    queries = json.load(open(args.queries, encoding="utf-8"))
    driver = browser(1280)
    out = []
    try:
        allow_location(driver, args.base)
        for query in queries:
            params = [("radius", query["radius"])] + [("care", c) for c in query.get("care", [])] \
                + [("payment", p) for p in query.get("payment", [])]
            if "lat" in query:
                driver.execute_cdp_cmd("Emulation.setGeolocationOverride",
                                       {"latitude": query["lat"], "longitude": query["lon"], "accuracy": 1})
                params.append(("near", "me"))
            else:
                params.append(("q", query["q"]))
            driver.get(args.base + PAGE + "?" + urllib.parse.urlencode(params))
            finished(driver, 1)
            out.append({"results": results(driver),
                        "status": driver.find_element(By.CSS_SELECTOR, ".search-status").text,
                        "console": console_problems(driver)})
    finally:
        driver.quit()
    return out


def run_keyboard(args):
    driver = browser(390)
    out = {}
    try:
        allow_location(driver, args.base, 38.0293, -78.4767)
        driver.get(args.base + PAGE)
        # Tab to the field, type a ZIP code, Enter: the results and their count in the live region.
        out["tab_presses"] = focus_by_tab(driver, "#search-q")
        driver.switch_to.active_element.send_keys("22903" + Keys.ENTER)
        finished(driver, 1)
        status = driver.find_element(By.CSS_SELECTOR, ".search-status")
        out["zip"] = {"status": status.text, "live": status.get_attribute("aria-live"), "count": len(results(driver)),
                      "url": driver.current_url.replace(args.base, "/")}
        # A result's link is reached by Tab, and Enter follows it.
        presses = focus_by_tab(driver, ".search-results li a")
        link = driver.switch_to.active_element.get_attribute("href")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_until(lambda: driver.current_url != args.base + PAGE + "?q=22903&radius=25", 20)
        out["zip"]["result_tab_presses"] = presses
        out["zip"]["enter_goes_to"] = driver.current_url.replace(args.base, "/")
        out["zip"]["link"] = link.replace(args.base, "/")
        # Back returns to the search, which runs again from the URL.
        driver.back()
        finished(driver, 1)
        out["back"] = {"query": driver.find_element(By.ID, "search-q").get_attribute("value"), "count": len(results(driver))}

        # A name shared by places in several states: the choices take focus; Enter on one searches from it.
        field = driver.find_element(By.ID, "search-q")
        field.clear()
        field.send_keys("Springfield" + Keys.ENTER)
        wait_until(lambda: driver.execute_script("return !document.querySelector('.search-choices').hidden;"), 20)
        focused = driver.switch_to.active_element
        out["choices"] = {"count": len(driver.find_elements(By.CSS_SELECTOR, ".search-choices button")),
                          "focused": focused.text}
        focused.send_keys(Keys.ENTER)
        finished(driver, 3)
        out["choices"]["status"] = driver.find_element(By.CSS_SELECTOR, ".search-status").text
        out["choices"]["query"] = driver.find_element(By.ID, "search-q").get_attribute("value")

        # "Use my location" by keyboard: Tab to the button, Enter.
        focus_by_tab(driver, ".search-locate")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        finished(driver, 4)
        out["location"] = {"status": driver.find_element(By.CSS_SELECTOR, ".search-status").text,
                           "count": len(results(driver)), "url": driver.current_url.replace(args.base, "/")}
        out["console"] = console_problems(driver)
    finally:
        driver.quit()
    return out


def run_nojs(args):
    driver = browser(390, javascript=False)
    try:
        driver.get(args.base + PAGE)
        return {"form_shown": any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, "form.search-form")),
                "message": driver.find_element(By.CSS_SELECTOR, ".search-needs-script p").text,
                "state_links": len([e for e in driver.find_elements(By.CSS_SELECTOR, ".search-needs-script a") if e.is_displayed()])}
    finally:
        driver.quit()


def run_bench(args):
    """Each run a fresh browser (an empty cache): the page, then what it fetches, with their sizes and times."""
    out = []
    for _ in range(args.runs):
        driver = browser(1280)
        try:
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
            driver.get(args.base + PAGE + "?" + urllib.parse.urlencode({"q": args.zip, "radius": "25"}))
            finished(driver, 1)
            wait_until(lambda: driver.execute_script("return performance.getEntriesByName('search-painted').length > 0;"), 20)
            timing = driver.execute_script("""
                var page = performance.getEntriesByType('navigation')[0];
                var resources = performance.getEntriesByType('resource').map(function (r) {
                  return {url: r.name, bytes: r.decodedBodySize, transfer: r.transferSize, end: r.responseEnd, type: r.initiatorType};
                });
                var drawn = performance.getEntriesByName('search-drawn')[0], painted = performance.getEntriesByName('search-painted')[0];
                return {page_bytes: page.decodedBodySize, resources: resources, drawn: drawn.startTime, painted: painted.startTime,
                        results: document.querySelectorAll('.search-results li').length};""")
            data = [r for r in timing["resources"] if "/rehab-centers/find/" in r["url"]]
            timing["data_arrived"] = max(r["end"] for r in data) if data else None
            timing["draw_ms"] = timing["drawn"] - timing["data_arrived"] if data else None
            timing["paint_ms"] = timing["painted"] - timing["data_arrived"] if data else None
            out.append(timing)
        finally:
            driver.quit()
    if args.summary:
        summarise(out, sys.stderr)
    return out


def summarise(runs, stream):
    """A table for people: the requests after the page and its stylesheet, their bytes, and the times."""
    def median(values):
        values = sorted(values)
        return values[len(values) // 2]
    first = runs[0]
    after = [r for r in first["resources"] if not r["url"].endswith("/assets/site.css")]
    print("results: %d" % first["results"], file=stream)
    print("page: %d bytes" % first["page_bytes"], file=stream)
    for r in first["resources"]:
        print("  %-60s %8d bytes" % (r["url"].split("/", 3)[-1], r["bytes"]), file=stream)
    print("requests after the page and its stylesheet: %d, %d bytes" % (len(after), sum(r["bytes"] for r in after)), file=stream)
    print("from the last data to the results in the document: median %.1f ms (min %.1f, max %.1f) over %d cold loads" % (
        median([r["draw_ms"] for r in runs]), min(r["draw_ms"] for r in runs), max(r["draw_ms"] for r in runs), len(runs)), file=stream)
    print("from the last data to the first frame after: median %.1f ms (min %.1f, max %.1f)" % (
        median([r["paint_ms"] for r in runs]), min(r["paint_ms"] for r in runs), max(r["paint_ms"] for r in runs)), file=stream)


def serve(folder):
    """Serves a built site on loopback in a thread; returns its base URL."""
    import functools
    import http.server
    import threading
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d/" % server.server_address[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["queries", "keyboard", "nojs", "bench"])
    parser.add_argument("--base", help="the served site, ending in /")
    parser.add_argument("--site", help="a built site to serve on loopback instead of --base")
    parser.add_argument("--summary", action="store_true", help="bench: also print a table on standard error")
    parser.add_argument("--queries", help="queries: a JSON file of queries")
    parser.add_argument("--zip", default="90012", help="bench: the ZIP code searched")
    parser.add_argument("--runs", type=int, default=5, help="bench: how many cold loads")
    args = parser.parse_args()
    if args.site:
        args.base = serve(args.site)
    if not args.base:
        parser.error("give --base or --site")
    result = {"queries": run_queries, "keyboard": run_keyboard, "nojs": run_nojs, "bench": run_bench}[args.command](args)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
