//
// Stub: filled in by the care feature.
export function FeedbackScreen() {
  return null;
}
