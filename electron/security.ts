// Pure security decisions for the Electron shell (electron/main.ts wires them up).
// No imports from 'electron': this module must load in plain Node for unit tests.

/** The renderer is served from this origin by a privileged custom protocol, never from file://. */
export const appScheme = 'app';
export const appHost = 'linli';
export const appOrigin = `${appScheme}://${appHost}`;

/** Same policy as the renderer's <meta http-equiv="Content-Security-Policy">; sent as a header too. */
export { contentSecurityPolicy } from '../host-support/static-path';

/**
 * True only for URLs on the app origin: scheme `app:`, host exactly `linli`, no port, no user info.
 * Rejects file:, http(s):, data:, about:, other hosts and lookalikes (app://linli.evil, app://linli@evil).
 */
export function isTrustedSenderUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A navigation (will-navigate, will-redirect, will-frame-navigate) may only stay inside the app. */
export function shouldBlockNavigation(url: string | null | undefined): boolean {
  return !isTrustedSenderUrl(url);
}

export interface PermissionQuery {
  permission: string;
  /** The URL (request handler) or origin (check handler) asking. */
  requestingUrl: string | null | undefined;
  /** For 'media' requests: which devices. Undefined when the caller does not say. */
  mediaTypes?: readonly string[] | undefined;
}

/**
 * Everything is denied except the camera ('media' with video only) for the app origin: self-service
 * terminals read member QR codes with it. Microphone access is never granted.
 */
export function isPermissionAllowed(query: PermissionQuery): boolean {
  if (query.permission !== 'media') return false;
  if (!isTrustedSenderUrl(query.requestingUrl)) return false;
  const types = query.mediaTypes;
  if (types === undefined) return true;
  return types.length > 0 && types.every((t) => t === 'video');
}

export interface KeyInput {
  key: string;
  control: boolean;
  alt: boolean;
  meta: boolean;
  shift: boolean;
}

const alwaysBlockedKeys = new Set(['f5', 'f11', 'f12', 'browserrefresh', 'browserback', 'browserforward']);
/** With Ctrl (Cmd on macOS), shifted or not: reload, close, quit, print, new window, open, save, view source. */
const blockedWithModifier = new Set(['r', 'w', 'q', 'p', 'n', 'o', 's', 'u']);
/** Zoom keys (main keyboard and keypad report the same `key`). */
const zoomKeys = new Set(['+', '=', '-', '_', '0']);
/** Ctrl+Shift+I/J/C and Cmd+Alt+I/J/C open the developer tools. */
const devToolsKeys = new Set(['i', 'j', 'c']);

/**
 * Browser and window shortcuts a customer could use to reload, zoom, print, open the developer
 * tools or close the kiosk. Ordinary typing and editing (letters, Shift, Ctrl+C/V/X/A/Z, arrows,
 * Backspace, Enter, Escape) stay allowed. OS-level keys (Alt+Tab, Super, Ctrl+Alt+Del) never reach
 * the app; those need OS kiosk policy.
 */
export function isBlockedKioskShortcut(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  if (alwaysBlockedKeys.has(key)) return true;
  if (input.alt && key === 'f4') return true;
  // Alt+Left/Right are history navigation in Chromium.
  if (input.alt && !input.control && !input.meta && (key === 'arrowleft' || key === 'arrowright')) return true;

  const mod = input.control || input.meta;
  if (!mod) return false;
  if (zoomKeys.has(key)) return true;
  if (blockedWithModifier.has(key)) return true;
  if ((input.shift || input.alt) && devToolsKeys.has(key)) return true;
  return false;
}
