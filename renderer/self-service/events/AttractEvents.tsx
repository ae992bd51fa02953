//
// Stub: filled in by the events feature.
export function AttractEvents() {
  return null;
}
