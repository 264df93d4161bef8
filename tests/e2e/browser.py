"""Debian's chromium, headless, driven by chromedriver through selenium: the real browser the
HTML report is tested in. The machine has no network; the browser is told not to look for one."""
import shutil
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def path_of_file_url(url):
    """The local path a file:// URL names (its fragment left out)."""
    return urllib.request.url2pathname(urllib.parse.urlparse(url).path)


def available():
    """Why the browser cannot run here, or None when it can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium is not installed"
    for program in (CHROMIUM, CHROMEDRIVER):
        if not Path(program).exists():
            return f"{program} is not installed"
    return None


class Browser:
    """A fresh headless chromium (its own profile folder), closed on exit from `with`."""

    def __init__(self, javascript=True, width=1280, height=900):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        self.profile = tempfile.mkdtemp(prefix="docnb-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                         "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", f"--window-size={width},{height}",
                         f"--user-data-dir={self.profile}"):
            options.add_argument(argument)
        if not javascript:
            options.add_experimental_option(
                "prefs", {"profile.managed_default_content_settings.javascript": 2})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def open(self, path):
        self.driver.get(Path(path).resolve().as_uri())

    def script(self, code, *args):
        return self.driver.execute_script(code, *args)

    def console(self):
        """The console messages since the last call: [{level, message, source}]."""
        return self.driver.get_log("browser")

    def click(self, selector):
        from selenium.webdriver.common.by import By
        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def type(self, selector, text):
        """Replaces the text of an input, as a user typing it would (input events fire)."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        element = self.driver.find_element(By.CSS_SELECTOR, selector)
        element.send_keys(Keys.CONTROL, "a")
        element.send_keys(Keys.DELETE)
        if text:
            element.send_keys(text)

    def alert_text(self):
        """The text of an open alert, or None when none is open."""
        from selenium.common.exceptions import NoAlertPresentException
        try:
            return self.driver.switch_to.alert.text
        except NoAlertPresentException:
            return None

    def screenshot(self, path, full_page=True):
        """A PNG of the page; the whole page's height when full_page."""
        if full_page:
            height = self.script("return document.documentElement.scrollHeight")
            width = self.driver.get_window_size()["width"]
            self.driver.set_window_size(width, min(int(height) + 140, 16000))
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))
