//
// Stub: filled in by the enrol feature.
export function SelfEnrolScreen() {
  return null;
}
