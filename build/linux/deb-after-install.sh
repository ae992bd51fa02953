#!/bin/sh
# Runs as root after the Linli .deb is installed: grant the logged-in user access to USB HID
# barcode scanners (see 99-linli-scanners.rules) and reload udev. Never fails the install.
set -e
RULES_SRC=/opt/Linli/linux/99-linli-scanners.rules
if [ -f "$RULES_SRC" ] && [ -d /etc/udev/rules.d ]; then
  install -m 0644 "$RULES_SRC" /etc/udev/rules.d/99-linli-scanners.rules
  if command -v udevadm >/dev/null 2>&1; then
    udevadm control --reload-rules || true
    udevadm trigger --subsystem-match=hidraw || true
  fi
fi
exit 0
