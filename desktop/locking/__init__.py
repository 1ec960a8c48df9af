"""Locking Waymark: idle auto-lock, the operating system's screen lock and suspend, quick-hide.

`guard.LockGuard` gathers every reason to lock into one `lock_requested` signal; the controller
(`desktop.app.Controller`) then does the locking itself: save what can be saved, remember where the
person was, audit the lock, close every dialog, remove the workspace, close the store (engine and
key) and clear the clipboard if it still holds what Waymark put there. `page.LockPage` is the
neutral screen shown meanwhile: "Waymark", "Locked", a password field, "Sign in as someone else".

Platforms: on Linux the screen lock and suspend arrive over D-Bus (logind and the screensaver
interfaces), on Windows as window messages (WM_WTSSESSION_CHANGE, WM_POWERBROADCAST). macOS reports
them only through AppKit notifications, which need PyObjC; Waymark does not depend on it, so on
macOS the idle lock (on the wall clock, so time asleep counts) and quick-hide are what lock.
"""
