#!/usr/bin/env python3
"""The web view in a real browser (Debian's chromium, driven by selenium), over a store the real pipeline filled.

The seeds and one hostile article the team wrote (Fixtures/web) go through ingest, a broker and the enricher into a
fresh SQLite file; `akhbar-enricher serve-web` serves it; chromium loads each page and checks it against the store
read directly with sqlite3. Screenshots of every page go to .build/web-screenshots/. Then a second server with a
token refuses every page and export without it, and lets the login form and the bearer header in.

Needs AKHBAR_TEST_BROKERS (a running broker), AKHBAR_BIN (the debug build) and AKHBAR_ROOT; scripts/test-browser.sh
sets them.
"""

import csv
import io
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(os.environ["AKHBAR_ROOT"])
BIN = Path(os.environ["AKHBAR_BIN"])
BROKERS = os.environ["AKHBAR_TEST_BROKERS"]
SCREENSHOTS = ROOT / ".build" / "web-screenshots"
HAMMOUCHI = "الحموشي"
TOKEN = "desk-test-token-7d1f"


def check(condition, description):
    if not condition:
        raise AssertionError(description)
    print(f"  ok  {description}", flush=True)


def run(arguments, **options):
    return subprocess.run([str(BIN / arguments[0]), *arguments[1:]], check=True, capture_output=True, text=True,
                          timeout=180, **options)


def fill_store(workdir):
    """Seeds and the hostile article, through a fresh topic and the enricher, into a new SQLite file."""
    topic = f"web-desk-{os.getpid()}-{int(time.time())}"
    database = workdir / "desk.sqlite"
    run(["akhbar-ingest", "publish", "--brokers", BROKERS, "--topic", topic, "--create-topic", "--partitions", "2",
         str(ROOT / "Fixtures" / "seeds"), str(ROOT / "Fixtures" / "web" / "hostile-article.jsonl")])
    run(["akhbar-enricher", "run", "--brokers", BROKERS, "--topic", topic, "--group", topic, "--db", str(database),
         "--until-idle", "3"])
    return database


def serve(database, workdir, environment=None):
    """Starts serve-web on a free port; returns the process and its base address."""
    log = open(workdir / "serve-web.log", "a")
    process = subprocess.Popen(
        [str(BIN / "akhbar-enricher"), "serve-web", "--db", str(database), "--port", "0"],
        stdout=subprocess.PIPE, stderr=log, text=True, env={**os.environ, **(environment or {})})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("web view: "):
            return process, line.split()[-1].rstrip("/")
        if not line and process.poll() is not None:
            break
    raise RuntimeError(f"serve-web did not start; see {workdir / 'serve-web.log'}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("serve-web did not stop within 20 s of SIGTERM")


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1600", "--lang=ar"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # The whole page, not only the window: resize to the document's height first.
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 800), 6000))
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(1280, 1600)
    print(f"  ..  screenshot {SCREENSHOTS / (name + '.png')}", flush=True)


def check_pages(driver, base, db, downloads):
    hammouchi_articles = {row[0] for row in db.execute(
        "SELECT DISTINCT article_id FROM mentions WHERE entity_id = (SELECT id FROM entities WHERE type = 'PERSON' "
        "AND canonical LIKE '%حموشي%' ORDER BY article_count DESC LIMIT 1)")}
    person = db.execute("SELECT id FROM entities WHERE type = 'PERSON' AND canonical LIKE '%حموشي%' "
                        "ORDER BY article_count DESC LIMIT 1").fetchone()[0]

    driver.get(base + "/")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
          and driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ar", "pages are Arabic, right to left")
    total = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    check(driver.find_element(By.ID, "article-total").text == str(total), f"the overview counts {total} articles")
    screenshot(driver, "overview")

    box = driver.find_element(By.CSS_SELECTOR, ".searchbox input[name=q]")
    box.send_keys(HAMMOUCHI)
    box.submit()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "result-count"))
    listed = {element.get_attribute("data-id") for element in driver.find_elements(By.CSS_SELECTOR, "li.listing")}
    check(len(listed) == 5 and listed == hammouchi_articles,
          f"the search for {HAMMOUCHI} lists all five articles that mention him ({len(listed)})")
    named = [element.text for element in driver.find_elements(By.CSS_SELECTOR, "section.named a.entity")]
    check(any("حموشي" in name for name in named), f"the search names the person: {named}")
    screenshot(driver, "search")

    # Export from the search page: the browser downloads the CSV, and its rows are the store's.
    driver.find_element(By.LINK_TEXT, "CSV").click()
    deadline = time.monotonic() + 30
    exported = downloads / "akhbar-articles.csv"
    while not exported.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    check(exported.exists(), "the CSV export downloads")
    rows = list(csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8"))))
    stored = {row[0]: row[1:] for row in db.execute("SELECT id, title, COALESCE(source, '') FROM articles")}
    check({row["id"] for row in rows} == hammouchi_articles, f"the CSV holds the {len(rows)} articles searched")
    check(all(stored[row["id"]] == (row["title"], row["source"]) for row in rows),
          "each CSV row's title and source are the store's")

    # The article page highlights exactly the stored mentions, at their offsets.
    article_id = sorted(hammouchi_articles)[0]
    driver.get(base + "/article?" + urllib.parse.urlencode({"id": article_id}))
    body = db.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    expected = sorted((start, end, text) for start, end, text in db.execute(
        'SELECT start, "end", text FROM mentions WHERE article_id = ?', (article_id,)))
    shown = sorted((int(element.get_attribute("data-start")), int(element.get_attribute("data-end")),
                    element.get_attribute("textContent"))
                   for element in driver.find_elements(By.CSS_SELECTOR, ".body a.mention"))
    check(shown == expected, f"the article page highlights exactly its {len(expected)} stored mentions")
    check(all(body[start:end] == text for start, end, text in shown), "each highlight is the body's text at its offsets")
    screenshot(driver, "article")

    # The entity page: surface forms, a timeline, the places he appears with.
    driver.get(base + "/entity?" + urllib.parse.urlencode({"id": person}))
    forms = {element.text for element in driver.find_elements(By.CSS_SELECTOR, "ul.forms bdi")}
    stored_forms = {row[0] for row in db.execute("SELECT DISTINCT text FROM mentions WHERE entity_id = ?", (person,))}
    check(forms == stored_forms and {"عبد اللطيف حموشي", "حموشي"} <= forms,
          f"the entity page shows his {len(forms)} surface forms: {sorted(forms)}")
    bars = driver.find_elements(By.CSS_SELECTOR, "section.timeline svg.days rect")
    check(len(bars) >= 1, f"the entity page draws a timeline ({len(bars)} bars)")
    places = [element.text for element in driver.find_elements(By.CSS_SELECTOR, "section.places a.entity")]
    stored_places = [row[0] for row in db.execute(
        "SELECT e.canonical FROM article_entities mine JOIN article_entities other ON other.article_id = "
        "mine.article_id AND other.entity_id != mine.entity_id JOIN entities e ON e.id = other.entity_id "
        "WHERE mine.entity_id = ? AND e.type = 'LOCATION' GROUP BY e.id", (person,))]
    check(places and set(places) <= set(stored_places) and "المغرب" in places,
          f"the entity page lists the places he appears with: {places[:5]}")
    check(len(driver.find_elements(By.CSS_SELECTOR, "svg.network circle")) >= 2, "the entity page draws a network")
    screenshot(driver, "entity")

    # The hostile article: its markup shows as text and runs nothing.
    driver.get(base + "/article?id=web-hostile-1")
    check(driver.title != "pwned", "a <script> in an article does not run")
    shown = driver.find_element(By.CSS_SELECTOR, ".body").text
    check("<script>document.title='pwned'</script>" in shown and "<img src=x onerror=" in shown,
          "a <script> and an <img onerror> in an article body show as text")
    check("<script>" in driver.find_element(By.TAG_NAME, "h1").text, "a <script> in a title shows as text")
    check(not driver.find_elements(By.CSS_SELECTOR, ".body script, .body img, h1 script"),
          "no element comes from the article's markup")
    check(not driver.find_elements(By.CSS_SELECTOR, "a.origin"), "a javascript: URL does not become a link")
    screenshot(driver, "hostile-article")


def status(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_token(database, workdir, downloads):
    """With a token, every page and export is refused without it; the bearer header and the login form let in."""
    process, base = serve(database, workdir, {"AKHBAR_GRPC_TOKEN": TOKEN})
    try:
        paths = ["/", "/search?q=" + urllib.parse.quote(HAMMOUCHI), "/article?id=web-hostile-1",
                 "/entity?id=x", "/export.csv", "/export.jsonl?q=x"]
        refused = {path: status(base + path) for path in paths}
        check(all(code == 401 for code in refused.values()), f"without the token every page and export is 401: {refused}")
        wrong = {path: status(base + path, {"Authorization": "Bearer wrong"}) for path in paths}
        check(all(code == 401 for code in wrong.values()), "a wrong token is refused as well")
        check(status(base + "/export.csv", {"Authorization": f"Bearer {TOKEN}"}) == 200, "the bearer token opens them")
        driver = browser(downloads)
        try:
            driver.get(base + "/search?q=" + urllib.parse.quote(HAMMOUCHI))
            check(driver.current_url.startswith(base + "/login"), "a browser without the token gets the login form")
            field = driver.find_element(By.NAME, "token")
            field.send_keys("wrong")
            field.submit()
            check(driver.find_elements(By.CSS_SELECTOR, "p.error"), "a wrong token at the form is refused")
            field = driver.find_element(By.NAME, "token")
            field.send_keys(TOKEN)
            field.submit()
            WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.ID, "result-count"))
            check(len(driver.find_elements(By.CSS_SELECTOR, "li.listing")) == 5,
                  "the right token at the form leads back to the search asked for")
            cookie = driver.get_cookie("akhbar_desk")
            check(cookie and cookie["httpOnly"] and TOKEN not in cookie["value"],
                  "the session cookie is HttpOnly and does not hold the token")
        finally:
            driver.quit()
    finally:
        stop(process)


def main():
    with tempfile.TemporaryDirectory(prefix="akhbar-web-") as temporary:
        workdir = Path(temporary)
        downloads = workdir / "downloads"
        downloads.mkdir()
        database = fill_store(workdir)
        db = sqlite3.connect(database)
        print("web view in chromium:", flush=True)
        process, base = serve(database, workdir)
        try:
            driver = browser(downloads)
            try:
                check_pages(driver, base, db, downloads)
            finally:
                driver.quit()
        finally:
            stop(process)
        print("web view with a token:", flush=True)
        check_token(database, workdir, downloads)
    print("web view: all checks passed", flush=True)


if __name__ == "__main__":
    sys.exit(main())
