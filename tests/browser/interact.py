"""What a user does with the pointer, done the way a user does it: wait for the thing to be there and uncovered."""

from __future__ import annotations

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoSuchElementException,
    StaleElementReferenceException,
)
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 60
# A click lands once nothing covers the element any more (a loading overlay, a panel or a tooltip still moving):
# these are the answers of a click that came too early, retried until it lands or WAIT runs out.
_NOT_YET = (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    NoSuchElementException,
    StaleElementReferenceException,
)


def click(driver, by: str, selector: str, timeout: float = WAIT) -> None:
    """Click the element found by (by, selector) once it is shown, scrolled to the middle of the view, uncovered."""

    def _clicked(d) -> bool:
        element = d.find_element(by, selector)
        if not element.is_displayed() and element.tag_name != "input":
            return False
        d.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element)
        element.click()
        return True

    WebDriverWait(driver, timeout, poll_frequency=0.2, ignored_exceptions=_NOT_YET).until(_clicked)
