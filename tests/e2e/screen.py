# SPDX-License-Identifier: GPL-3.0-or-later
"""Real office windows for tests: a private Xvfb display, the real mouse and keyboard
through xdotool, what is on screen through the accessibility API, message boxes and
screenshots. Used by the e2e ui test and the gui suite (recipe:
../shared/notes/gui-testing.md).

Screen coordinates always come from the accessibility API (getLocationOnScreen of
the accessible cell, button or menu item), never from window geometry. There is no
window manager: windows overlap at 0,0, so show() brings one to the front first.
"""

import ctypes
import gc
import os
import shutil
import signal
import subprocess
import time
import unittest

from office import Office, end_process, pv, run_unittests

# com.sun.star.accessibility.AccessibleRole
ROLE_DOCUMENT_SPREADSHEET = 84
ROLE_MENU = 34
ROLE_MENU_BAR = 35
ROLE_MENU_ITEM = 36
ROLE_PUSH_BUTTON = 44
ROLE_SCROLL_BAR = 50
ROLE_STATUS_BAR = 57
ROLE_TABLE = 58
ROLE_TOOL_BAR = 63

# Subtrees that are large and never hold what a search looks for.
SKIP_ROLES = {ROLE_MENU_BAR, ROLE_MENU, ROLE_TOOL_BAR, ROLE_STATUS_BAR, ROLE_SCROLL_BAR}

# Calc's accessible document gets this child while a cell is being edited.
EDIT_OBJECT = "ScAccessibleEditObject"

TOOLS = ("Xvfb", "xdotool", "import")

# Exit status for "skipped" (Meson, Automake).
SKIP = 77

# Clicks closer together than the double-click time (500 ms by default) count on:
# a double-click right after another one would reach Calc as clicks 3 and 4.
CLICK_PAUSE = 0.7


def missing_tools():
    return [t for t in TOOLS if shutil.which(t) is None]


PR_SET_PDEATHSIG = 1


def _end_with_parent():
    """Runs in the child before exec: the kernel sends it SIGTERM when the test
    process ends, however it ends (a watchdog's os._exit, a crash)."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start_xvfb(width=1400, height=900):
    """A private X server; -displayfd makes it pick a free display number.
    Returns (process, ":N")."""
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0",
                             "%dx%dx24" % (width, height), "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, preexec_fn=_end_with_parent)
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + 30
    with os.fdopen(read_fd, "rb") as f:
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = f.read(1)
            if not chunk:
                break
            number += chunk
    if not number.strip():
        stop_process(proc)
        raise RuntimeError("Xvfb did not start")
    return proc, ":" + number.decode().strip()


def stop_process(proc):
    """Ends a process this test started, by its pid."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(15)


def children(context, limit=200):
    """The accessible children of @context. Tables report up to 2^31-1 children:
    anything with more than @limit is not walked."""
    n = context.getAccessibleChildCount()
    if n > limit:
        return
    for i in range(n):
        child = context.getAccessibleChild(i)
        if child is not None:
            yield child.getAccessibleContext()


def find(context, predicate, depth=8, skip=()):
    """The first context under @context (itself included) that satisfies @predicate."""
    for found in find_all(context, predicate, depth, skip):
        return found
    return None


def find_all(context, predicate, depth=8, skip=()):
    if predicate(context):
        yield context
        return
    if depth == 0 or context.getAccessibleRole() in skip:
        return
    for child in children(context):
        yield from find_all(child, predicate, depth - 1, skip)


def centre(context):
    where = context.getLocationOnScreen()
    size = context.getSize()
    return where.X + size.Width // 2, where.Y + size.Height // 2


class Screen:
    """The display @display of the running office @office (an office.Office)."""

    def __init__(self, office, display):
        self.office = office
        self.display = display
        self.env = dict(os.environ, DISPLAY=display)
        self.toolkit = office.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", office.ctx)
        self.dispatcher = office.smgr.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", office.ctx)
        self.last_click = 0.0

    # --- the office ------------------------------------------------------------

    def idle(self):
        self.toolkit.processEventsToIdle()

    def show(self, controller):
        """Brings the window of @controller (a document's view) to the front."""
        window = controller.getFrame().getContainerWindow()
        window.setVisible(True)
        window.toFront()
        self.idle()
        return window

    def dispatch(self, controller, command):
        """Runs the menu command @command (".uno:NewWindow") in @controller's frame."""
        self.dispatcher.executeDispatch(controller.getFrame(), command, "", 0, ())
        self.idle()

    def wait_for(self, condition, what, timeout=30):
        """Polls @condition (a function) until it returns something true."""
        deadline = time.monotonic() + timeout
        while True:
            result = condition()
            if result:
                return result
            if time.monotonic() > deadline:
                raise AssertionError("%s: not within %d s" % (what, timeout))
            time.sleep(0.1)

    # --- mouse, keyboard, screenshots -------------------------------------------

    def xdotool(self, *args):
        return subprocess.run(["xdotool"] + [str(a) for a in args], env=self.env, check=True,
                              capture_output=True, text=True, timeout=30).stdout

    def mouse_location(self):
        out = self.xdotool("getmouselocation", "--shell")
        values = dict(line.split("=", 1) for line in out.split())
        return int(values["X"]), int(values["Y"])

    def move_to(self, x, y):
        # Not "mousemove --sync": it blocks ~15 s when the pointer is already there.
        self.xdotool("mousemove", x, y)
        self.wait_for(lambda: self.mouse_location() == (x, y), "pointer at %d,%d" % (x, y), 10)

    def _pause_before_click(self):
        wait = self.last_click + CLICK_PAUSE - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def click(self, x, y):
        self._pause_before_click()
        self.move_to(x, y)
        self.xdotool("click", 1)
        self.last_click = time.monotonic()

    def double_click(self, x, y):
        self._pause_before_click()
        self.move_to(x, y)
        self.xdotool("click", "--repeat", 2, "--delay", 80, 1)
        self.last_click = time.monotonic()

    def key(self, name):
        self.xdotool("key", name)

    def screenshot(self, path):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        subprocess.run(["import", "-display", self.display, "-window", "root", path],
                       check=True, timeout=60)
        return path

    # --- what Calc shows ---------------------------------------------------------

    def spreadsheets(self, controller):
        """The accessible spreadsheets of @controller's window: one per pane (a
        window with frozen rows has two)."""
        window = controller.getFrame().getComponentWindow()
        return list(find_all(window.getAccessibleContext(),
                             lambda c: c.getAccessibleRole() == ROLE_DOCUMENT_SPREADSHEET,
                             skip=SKIP_ROLES))

    def cell_centre(self, controller, row, col):
        """Where the cell (@row, @col) of the active sheet is on screen, in the pane
        that shows it."""
        for document in self.spreadsheets(controller):
            table = find(document, lambda c: c.getAccessibleRole() == ROLE_TABLE, depth=1)
            if table is None:
                continue
            tx, ty = table.getLocationOnScreen().X, table.getLocationOnScreen().Y
            tw, th = table.getSize().Width, table.getSize().Height
            cell = table.getAccessibleCellAt(row, col).getAccessibleContext()
            x, y = centre(cell)
            if cell.getSize().Width > 0 and tx <= x < tx + tw and ty <= y < ty + th:
                return x, y
        raise AssertionError("cell (%d, %d) is not visible" % (row, col))

    def double_click_cell(self, controller, row, col):
        self.show(controller)
        x, y = self.cell_centre(controller, row, col)
        self.double_click(x, y)

    def in_edit_mode(self, controller):
        """TRUE while a cell of @controller's window is being edited."""
        self.idle()
        for document in self.spreadsheets(controller):
            for child in children(document):
                if child.getImplementationName().startswith(EDIT_OBJECT):
                    return True
        return False

    def _find_box(self, title):
        """The shown top window titled @title as (window, text, centre of its first
        button), or None. Reads what it needs and keeps no accessible object: the
        office may crash when a reference to the accessible object of a destroyed
        dialog is released later."""
        for i in range(self.toolkit.getTopWindowCount()):
            window = self.toolkit.getTopWindow(i)
            if window is None or not window.isVisible():
                continue   # a closed dialog stays in the list for a while, hidden
            context = window.getAccessibleContext()
            if context is None or context.getAccessibleName() != title:
                continue
            text = "\n".join(c.getAccessibleName() for c in children(context)
                             if c.getAccessibleRole() != ROLE_PUSH_BUTTON)
            button = find(context, lambda c: c.getAccessibleRole() == ROLE_PUSH_BUTTON)
            return window, text, centre(button) if button is not None else None
        return None

    def has_message_box(self, title):
        found = self._find_box(title)
        gc.collect()
        return found is not None

    def take_message_box(self, title, timeout=60, screenshot=None):
        """Waits for the message box @title, saves a @screenshot of it, closes it with
        a real click on its button and returns its text."""
        window, text, button = self.wait_for(lambda: self._find_box(title),
                                             "message box %r" % title, timeout)
        gc.collect()   # release the accessible objects while the box still exists
        if button is None:
            raise AssertionError("message box %r has no button" % title)
        self.idle()
        # Where the button is now: a box that was just shown may still be moved to
        # its place over the window.
        found = self._find_box(title)
        gc.collect()
        if found is not None and found[2] is not None:
            button = found[2]
        if screenshot is not None:
            self.screenshot(screenshot)
        self.click(*button)
        self.wait_for(lambda: not window.isVisible(), "message box %r closed" % title, 15)
        return text

    def menu_item(self, controller, menu, item):
        """The accessible item @item of the menu @menu in @controller's menu bar."""
        window = controller.getFrame().getContainerWindow()
        found = find(window.getAccessibleContext(),
                     lambda c: c.getAccessibleRole() == ROLE_MENU and c.getAccessibleName() == menu)
        if found is None:
            raise AssertionError("no menu %r" % menu)
        for child in children(found):
            if child.getAccessibleName() == item:
                return found, child
        raise AssertionError("no item %r in the menu %r" % (item, menu))

    def choose_menu_item(self, controller, menu, item):
        """Opens @menu with a real click and clicks @item in it."""
        self.show(controller)
        menu_context, _ = self.menu_item(controller, menu, item)
        self.click(*centre(menu_context))
        self.idle()
        _, item_context = self.menu_item(controller, menu, item)
        self.wait_for(lambda: item_context.getSize().Width > 0, "menu %r open" % menu, 10)
        self.click(*centre(item_context))
        # No idle() here: processEventsToIdle() runs the office's event loop inside
        # this remote call, and when the click's command opens a modal box there,
        # the call only returns once the box is closed — which this client, blocked
        # in it, never does. The caller waits for what the command shows instead.


def set_ui_language(office, tag):
    """Sets the office's UI locale (as Tools > Options > Language does); returns the
    previous one."""
    provider = office.ctx.getValueByName("/singletons/com.sun.star.configuration.theDefaultProvider")
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (pv("nodepath", "/org.openoffice.Office.Linguistic/General"),))
    old = access.getByName("UILocale")
    access.replaceByName("UILocale", tag)
    access.commitChanges()
    return old


class Session:
    """A private Xvfb display and an office showing its windows there, with the
    extension @oxt installed into its throwaway profile."""

    def __init__(self, oxt, time_limit=600, width=1400, height=900):
        self.oxt = oxt
        self.time_limit = time_limit
        self.size = (width, height)
        self.xvfb = None
        self.office = None
        self.screen = None

    def start(self):
        self.xvfb, display = start_xvfb(*self.size)
        try:
            self.office = Office(time_limit=self.time_limit, display=display)
            self.office.start()
            self.office.install_extension(self.oxt)
            self.screen = Screen(self.office, display)
        except BaseException:
            self.stop()   # unittest skips tearDownModule when setUpModule fails
            raise
        return self

    def stop(self):
        if self.office is not None:
            self.office.stop()
        stop_process(self.xvfb)


def run_tests(rest):
    """Runs the unittest cases of the calling program (skipped without the X tools)
    and ends the process with its result."""
    missing = missing_tools()
    if missing:
        print("%s not installed: skipped" % ", ".join(missing))
        end_process(SKIP)
    run_unittests(rest)
