#!/bin/sh
# Runs as root after the Linli .deb is installed. electron-builder uses this file instead of its own
# after-install script, so it does that script's work as well: electron-builder expands the macros
# ${executable} (linli) and ${sanitizedProductName} (Linli) when it packs the file. Never fails the
# install: each step that can fail on an odd system is allowed to.
APP_DIR='/opt/${sanitizedProductName}'
EXE='${executable}'

# `linli` on the PATH (for `linli install-autostart` and `linli --restore FILE`), through
# update-alternatives where it exists, because electron-builder's after-remove script takes it away
# that way (or with rm where it does not).
if command -v update-alternatives >/dev/null 2>&1; then
  # A plain link left by an older package would make update-alternatives refuse.
  if [ -L "/usr/bin/$EXE" ] && [ "$(readlink "/usr/bin/$EXE")" != "/etc/alternatives/$EXE" ]; then
    rm -f "/usr/bin/$EXE"
  fi
  update-alternatives --install "/usr/bin/$EXE" "$EXE" "$APP_DIR/$EXE" 100 || ln -sf "$APP_DIR/$EXE" "/usr/bin/$EXE" || true
else
  ln -sf "$APP_DIR/$EXE" "/usr/bin/$EXE" || true
fi

# Electron's renderer sandbox: where unprivileged user namespaces work, chrome-sandbox needs no
# privilege; where they do not, it must be setuid root, or every renderer fails to start.
if [ -e "$APP_DIR/chrome-sandbox" ]; then
  if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
    chmod 0755 "$APP_DIR/chrome-sandbox" || true
  else
    chmod 4755 "$APP_DIR/chrome-sandbox" || true
  fi
fi

# Ubuntu 24.04 and later restrict user namespaces through AppArmor: the profile electron-builder
# ships in resources/ lets Linli use them. Loaded only when this AppArmor accepts it.
PROFILE_SRC="$APP_DIR/resources/apparmor-profile"
if [ -f "$PROFILE_SRC" ] && command -v apparmor_parser >/dev/null 2>&1 && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$PROFILE_SRC" >/dev/null 2>&1; then
    cp -f "$PROFILE_SRC" "/etc/apparmor.d/$EXE"
    apparmor_parser --replace --write-cache --skip-read-cache "/etc/apparmor.d/$EXE" || true
  fi
fi

# Scanners in HID POS mode: the logged-in user may read them (see 99-linli-scanners.rules).
RULES_SRC="$APP_DIR/linux/99-linli-scanners.rules"
if [ -f "$RULES_SRC" ] && [ -d /etc/udev/rules.d ]; then
  install -m 0644 "$RULES_SRC" /etc/udev/rules.d/99-linli-scanners.rules || true
  if command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules || true
    udevadm trigger --subsystem-match=hidraw || true
  fi
fi

if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database /usr/share/applications || true
fi
exit 0
