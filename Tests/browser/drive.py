#!/usr/bin/env python3
"""Drives a page in headless Chromium over the DevTools protocol (--remote-debugging-pipe: no port, no network),
for the HTML viewer's browser tests: keys pressed, text typed, expressions evaluated in the page.

    drive.py CHROMIUM URL STEPS_JSON

STEPS_JSON is a list of steps: {"key": "j"} presses a key (a character, or Enter, Escape, ArrowDown, ArrowUp),
{"type": "text"} types text into the focused element, {"eval": "expression"} evaluates it in the page.
Prints a JSON list with the value of each "eval" step, in order. Only the standard library is used.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

KEYS = {"Enter": 13, "Escape": 27, "ArrowDown": 40, "ArrowUp": 38}


class Browser:
    def __init__(self, chromium, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def pipes():  # the protocol's pipe: the browser reads fd 3 and writes fd 4 (os.pipe's are close-on-exec)
            os.dup2(to_browser_r, 3)      # to_browser_r is the lowest of the four, so neither dup2 clobbers the other
            os.dup2(from_browser_w, 4)
            os.set_inheritable(3, True)   # dup2 onto itself keeps close-on-exec
            os.set_inheritable(4, True)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
             "--window-size=1400,900", "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=pipes, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.buffer = b""
        self.session = None

    def call(self, method, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 65536)
                if not chunk:
                    raise SystemExit("chromium closed the DevTools pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise SystemExit("%s: %s" % (method, answer["error"]))
                return answer.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise SystemExit("%s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")

    def open(self, url):
        target = self.call("Target.createTarget", url=url)["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        deadline = time.time() + 30
        while not self.evaluate("document.readyState === 'complete' && document.body.hasAttribute('data-rendered')"):
            if time.time() > deadline:
                raise SystemExit("the page did not finish rendering")
            time.sleep(0.05)

    def press(self, key):
        down = {"type": "keyDown", "key": key}
        if key in KEYS:
            down.update(windowsVirtualKeyCode=KEYS[key], code=key)
        else:
            down.update(text=key)
        self.call("Input.dispatchKeyEvent", **down)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key)

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.process.wait(timeout=30)


def main():
    chromium, url, steps = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    with tempfile.TemporaryDirectory(prefix="sinkmap-drive-") as profile:
        browser = Browser(chromium, profile)
        try:
            browser.open(url)
            values = []
            for step in steps:
                if "key" in step:
                    browser.press(step["key"])
                elif "type" in step:
                    browser.call("Input.insertText", text=step["type"])
                else:
                    values.append(browser.evaluate(step["eval"]))
            print(json.dumps(values))
        finally:
            browser.close()


if __name__ == "__main__":
    main()
