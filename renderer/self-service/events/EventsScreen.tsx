//
// Stub: filled in by the events feature.
export function EventsScreen() {
  return null;
}
