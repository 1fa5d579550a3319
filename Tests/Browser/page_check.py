"""Drives headless Chromium (through Debian's chromedriver) over pages of a built site served on loopback.

Run by the Swift test BrowserTests, which starts the server and owns this process group; prints one
JSON document on standard output. Each check is named by the command:

  axe       axe-core's WCAG 2.1 A and AA rules at each width, a PNG of each page at each width, and
            every Content-Security-Policy violation the pages report
  keyboard  the map, the state filters and the citation previews used with the keyboard alone
  nojs      the pages with JavaScript turned off
  live      a page of `iopsite serve` following edits made by the test: prints `STEP <name>` lines as it
            goes (loaded, shown, overlay) so the test knows when to make the next edit
"""
import argparse
import base64
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException

# Records every CSP violation from the first moment of each document; evaluated before the page's own
# scripts by the browser itself, so the page's policy does not apply to it.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
});
"""


def browser(width, javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--force-device-scale-factor=1", f"--window-size={width},900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_RECORDER})
    return driver


def screenshot(driver, width, path, max_height=12000):
    """A PNG of the whole page (up to `max_height` pixels) at the emulated width."""
    height = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, max_height), "scale": 1}})
    with open(path, "wb") as file:
        file.write(base64.b64decode(shot["data"]))


def console_problems(driver):
    """Console errors and CSP reports of the page (Chromium logs a refused resource as a SEVERE entry)."""
    entries = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    violations = driver.execute_script("return window.__cspViolations || [];")
    return entries + ["CSP: " + v for v in violations]


def run_axe(args):
    axe_source = open(args.axe, encoding="utf-8").read()
    os.makedirs(args.screenshots, exist_ok=True)
    results = []
    for width in args.widths:
        driver = browser(width)
        try:
            for page in args.pages:
                driver.get(args.base + page)
                if "?q=" in page:
                    # A search page with a query: axe looks at the results once they are drawn.
                    wait_until(lambda: driver.execute_script(
                        "return document.querySelector('.search-results').getAttribute('data-state') === 'done';"), 30)
                driver.execute_script(axe_source)
                report = driver.execute_async_script("""
                    var done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                       .then(function (r) { done({version: axe.version, violations: r.violations.map(function (v) {
                           return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};
                       }), passes: r.passes.length}); })
                       .catch(function (e) { done({error: String(e)}); });
                """)
                name = page.strip("/").replace("/", "_").replace(".html", "").replace("?", "_").replace("&", "_").replace("=", "-") or "home"
                shot = os.path.join(args.screenshots, f"{name}-{width}.png")
                screenshot(driver, width, shot)
                result = {"page": page, "width": width, "axe": report, "screenshot": shot, "console": console_problems(driver)}
                if "?q=" in page:
                    # What the search said and showed, in the page's language.
                    result["status"] = driver.find_element(By.CSS_SELECTOR, ".search-status").text
                    result["first_result"] = driver.execute_script(
                        "var r = document.querySelector('.search-results .result'); return r ? r.innerText : '';")
                results.append(result)
        finally:
            driver.quit()
    return results


def focus_by_tab(driver, selector, limit=400):
    """Presses Tab until the element matching `selector` has focus; returns how many presses it took."""
    target = driver.find_element(By.CSS_SELECTOR, selector)
    body = driver.find_element(By.TAG_NAME, "body")
    for presses in range(1, limit + 1):
        driver.switch_to.active_element.send_keys(Keys.TAB) if presses > 1 else body.send_keys(Keys.TAB)
        if driver.switch_to.active_element == target:
            return presses
    return None


def run_keyboard(args):
    driver = browser(1280)
    out = {}
    try:
        # The map: every tile is reached by Tab, in reading order, and Enter opens the state's page.
        driver.get(args.base + "rehab-centers/")
        tiles = driver.find_elements(By.CSS_SELECTOR, "svg a")
        first = focus_by_tab(driver, "svg a")
        labels = []
        for _ in tiles:
            labels.append(driver.switch_to.active_element.get_attribute("aria-label"))
            driver.switch_to.active_element.send_keys(Keys.TAB)
        out["map"] = {"tiles": len(tiles), "first_tab": first, "labels": labels}
        driver.get(args.base + "rehab-centers/")
        focus_by_tab(driver, "svg a")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        out["map"]["enter_opens"] = driver.current_url.replace(args.base, "/")
        out["map"]["console"] = console_problems(driver)

        # The state filters: Tab to the IOP box, Space checks it, the list and the live count follow.
        driver.get(args.base + "rehab-centers/virginia/")
        presses = focus_by_tab(driver, 'input[value="iop"]')
        driver.switch_to.active_element.send_keys(Keys.SPACE)
        shown = driver.execute_script("return document.querySelectorAll('.listings .listing:not([hidden])').length;")
        status = driver.find_element(By.CSS_SELECTOR, ".filter-status")
        out["filters"] = {"tab_presses": presses, "shown": shown, "status": status.text,
                          "live": status.get_attribute("aria-live"), "console": console_problems(driver)}

        # Citation previews: focusing a mark by Tab shows its reference; Escape hides it; Enter follows it.
        driver.get(args.base + "intensive-outpatient-program/")
        presses = focus_by_tab(driver, ".citation a")
        preview = driver.find_elements(By.ID, "citation-preview")
        mark = driver.switch_to.active_element
        out["citations"] = {"tab_presses": presses, "preview": preview[0].text if preview else None,
                            "describedby": mark.get_attribute("aria-describedby")}
        mark.send_keys(Keys.ESCAPE)
        out["citations"]["after_escape"] = len(driver.find_elements(By.ID, "citation-preview"))
        target = mark.get_attribute("href").split("#")[1]
        mark.send_keys(Keys.ENTER)
        out["citations"]["enter_goes_to"] = driver.current_url.split("#")[-1]
        out["citations"]["target"] = target
        out["citations"]["console"] = console_problems(driver)
    finally:
        driver.quit()
    return out


def run_nojs(args):
    driver = browser(390, javascript=False)
    out = {}
    try:
        driver.get(args.base + "rehab-centers/virginia/")
        out["state"] = {
            "listings_shown": len([e for e in driver.find_elements(By.CSS_SELECTOR, ".listings .listing") if e.is_displayed()]),
            "filters_shown": any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, "form.filters")),
            "console": console_problems(driver),
        }
        driver.get(args.base + "rehab-centers/")
        out["directory"] = {
            "state_links": len(driver.find_elements(By.CSS_SELECTOR, ".state-list a")),
            "map_links": len(driver.find_elements(By.CSS_SELECTOR, "svg a")),
            "picker_shown": any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, "form.state-select")),
        }
        driver.get(args.base + "intensive-outpatient-program/")
        mark = driver.find_element(By.CSS_SELECTOR, ".citation a")
        out["guide"] = {"mark_href": mark.get_attribute("href").split("#")[-1],
                        "details": len(driver.find_elements(By.TAG_NAME, "details")),
                        "text_length": len(driver.find_element(By.TAG_NAME, "main").text)}
        mark.click()
        out["guide"]["click_goes_to"] = driver.current_url.split("#")[-1]
        out["guide"]["preview"] = len(driver.find_elements(By.ID, "citation-preview"))
    finally:
        driver.quit()
    return out


def wait_until(condition, seconds):
    """Polls `condition`; a page that reloads under it (a stale element, a script run mid-navigation) is
    simply asked again."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            value = condition()
        except WebDriverException:
            value = None
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError("condition not met in %d s" % seconds)


def run_live(args):
    """The test edits the served site's content while this page is open; the page must follow by itself."""
    driver = browser(1280)
    out = {}
    try:
        driver.get(args.base + args.pages[0])
        out["before"] = args.expect in driver.find_element(By.TAG_NAME, "main").text
        # A mark that any reload clears: it tells whether the page reloaded itself.
        driver.execute_script("window.__iopsiteMark = 1;")
        print("STEP loaded", flush=True)
        wait_until(lambda: args.expect in driver.execute_script("return document.querySelector('main').innerText;"), 30)
        out["shown"] = True
        out["reloaded_itself"] = driver.execute_script("return window.__iopsiteMark === undefined;")
        print("STEP shown", flush=True)
        overlay = wait_until(lambda: driver.execute_script(
            "var o = document.getElementById('iopsite-overlay'); return o && [o.innerText, o.getAttribute('role')];"), 30)
        out["overlay"], out["overlay_role"] = overlay
        print("STEP overlay", flush=True)
        wait_until(lambda: driver.execute_script("return document.readyState === 'complete' && !document.getElementById('iopsite-overlay');"), 30)
        out["overlay_gone"] = True
        out["console"] = [entry for entry in console_problems(driver) if "/__iopsite/events" not in entry]
    finally:
        driver.quit()
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["axe", "keyboard", "nojs", "live"])
    parser.add_argument("--base", required=True, help="the served site, ending in /")
    parser.add_argument("--axe", help="axe.min.js")
    parser.add_argument("--screenshots", help="folder for the PNGs")
    parser.add_argument("--widths", type=int, nargs="*", default=[390, 1280])
    parser.add_argument("--pages", nargs="*", default=[])
    parser.add_argument("--expect", help="live: the text the test's edit puts on the page")
    args = parser.parse_args()
    result = {"axe": run_axe, "keyboard": run_keyboard, "nojs": run_nojs, "live": run_live}[args.command](args)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
