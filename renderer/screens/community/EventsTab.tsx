// Community events: a manager creates them, staff check attendees in.
// Stub: filled in by the events feature.
export function EventsTab() {
  return null;
}
