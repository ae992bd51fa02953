//
// Stub: filled in by the care feature.
export function ServiceRequestScreen() {
  return null;
}
