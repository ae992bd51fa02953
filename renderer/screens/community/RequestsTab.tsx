// Service requests and feedback: staff answer and close them.
// Stub: filled in by the care feature.
export function RequestsTab() {
  return null;
}
