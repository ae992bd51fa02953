// One community event: details, sign-up, ticket.
// Stub: filled in by the events feature.
export function EventScreen(_props: { eventId: string }) {
  return null;
}
